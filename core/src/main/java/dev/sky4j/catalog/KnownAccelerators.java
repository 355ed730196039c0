package dev.sky4j.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accelerator names SkyPilot knows from its other clouds (RunPod, Cudo, Paperspace, ...), with the
 * clouds that offer them: {@code skypilot-accelerator-names.csv}, bundled next to the catalog. A
 * name found here but not in the catalog is real hardware that no bundled cloud offers, not a
 * typo. Read only when a task names an accelerator the catalog lacks.
 */
public final class KnownAccelerators {
  private static final String RESOURCE = "skypilot-accelerator-names.csv";

  /** One known name and the SkyPilot clouds that list it. */
  public record Known(String name, List<String> clouds) {}

  private static final class Holder {
    static final Map<String, Known> BY_LOWER = read();
  }

  private KnownAccelerators() {}

  /**
   * The known accelerator {@code name} means, ignoring case; a TPU slice ({@code tpu-v5p-16}) is
   * known when its family ({@code tpu-v5p}) is.
   */
  public static Optional<Known> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String k = name.trim().toLowerCase(Locale.ROOT);
    Known hit = Holder.BY_LOWER.get(k);
    if (hit == null && k.startsWith("tpu-") && k.matches("tpu-[a-z0-9]+-\\d+")) {
      hit = Holder.BY_LOWER.get(k.substring(0, k.lastIndexOf('-')));
    }
    return Optional.ofNullable(hit);
  }

  /** Every known name, in name order (for "did you mean"). */
  public static List<String> names() {
    return Holder.BY_LOWER.values().stream().map(Known::name).toList();
  }

  private static Map<String, Known> read() {
    Map<String, Known> out = new TreeMap<>();
    try (InputStream in = KnownAccelerators.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the sky4j-core jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = r.readLine(); // header: AcceleratorName,Clouds
      while ((line = r.readLine()) != null) {
        int comma = line.indexOf(',');
        if (comma <= 0) {
          continue;
        }
        String name = line.substring(0, comma).trim();
        List<String> clouds = List.of(line.substring(comma + 1).trim().split(";"));
        out.put(name.toLowerCase(Locale.ROOT), new Known(name, clouds));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
