package dev.sky4j.provision.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local cloud's instance types: {@code local-cpu} and {@code local-gpu-<GPU>-<N>}. */
public final class InstanceTypes {
  public static final String CPU = "local-cpu";
  private static final Pattern GPU = Pattern.compile("local-gpu-(.+)-(\\d+)");

  /** GPUs per node of an instance type; {@code gpuName} null for CPU-only. */
  public record Shape(String gpuName, int gpus) {}

  private InstanceTypes() {}

  public static String gpu(String name, int count) {
    return "local-gpu-" + name + "-" + count;
  }

  /** The shape, or null for a name this cloud does not offer. */
  public static Shape parse(String type) {
    if (CPU.equals(type)) {
      return new Shape(null, 0);
    }
    Matcher m = type == null ? null : GPU.matcher(type);
    return m != null && m.matches() ? new Shape(m.group(1), Integer.parseInt(m.group(2))) : null;
  }
}
