package dev.sky4j.provision.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GPUs from {@code nvidia-smi --query-gpu=index,name,memory.total,uuid --format=csv,noheader}
 * output. Tolerant on purpose: with or without a header line (a header names the columns), with
 * or without units ({@code 143771 MiB} or {@code 143771}), extra columns, and other nvidia-smi
 * output mixed in (table view, {@code -L} lines) which is skipped. The first row per index wins.
 */
public final class NvidiaSmiParser {
  private static final List<String> DEFAULT_COLUMNS = List.of("index", "name", "memory.total", "uuid");
  private static final Pattern NUMBER = Pattern.compile("(\\d+)");

  private NvidiaSmiParser() {}

  public static List<Gpu> parse(String output) {
    Map<Integer, Gpu> byIndex = new LinkedHashMap<>();
    List<String> columns = DEFAULT_COLUMNS;
    for (String raw : output.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> cells = List.of(line.split("\\s*,\\s*"));
      if (cells.get(0).equalsIgnoreCase("index")) {
        columns = cells.stream().map(c -> c.replaceAll("\\s*\\[.*]", "").toLowerCase(Locale.ROOT)).toList();
        continue;
      }
      if (cells.size() < 2 || !cells.get(0).matches("\\d+")) {
        continue;
      }
      Gpu gpu = row(columns, cells);
      if (gpu != null) {
        byIndex.putIfAbsent(gpu.index(), gpu);
      }
    }
    return new ArrayList<>(byIndex.values());
  }

  private static Gpu row(List<String> columns, List<String> cells) {
    int idx = columns.indexOf("index");
    int name = columns.indexOf("name");
    if (idx < 0 || name < 0 || name >= cells.size()) {
      return null;
    }
    int mem = columns.indexOf("memory.total");
    int uuid = columns.indexOf("uuid");
    long mib = 0;
    if (mem >= 0 && mem < cells.size()) {
      Matcher m = NUMBER.matcher(cells.get(mem));
      mib = m.find() ? Long.parseLong(m.group(1)) : 0;
    }
    String id = uuid >= 0 && uuid < cells.size() ? cells.get(uuid) : null;
    return new Gpu(Integer.parseInt(cells.get(idx)), catalogName(cells.get(name)), mib, id, false);
  }

  /**
   * The catalog's accelerator name for a marketing name: {@code NVIDIA H200} is {@code H200},
   * {@code Tesla V100-SXM2-16GB} is {@code V100}, {@code NVIDIA A100-SXM4-80GB} is {@code A100-80GB}.
   */
  public static String catalogName(String smiName) {
    String n = smiName.replaceFirst("^(NVIDIA|Tesla|Quadro|GeForce)\\s+", "")
        .replaceFirst("^(NVIDIA|Tesla)\\s+", "");
    String[] parts = n.split("[-\\s]");
    String base = parts[0];
    if (base.equals("A100") && n.contains("80GB")) {
      return "A100-80GB";
    }
    if (n.startsWith("RTX")) {
      return n.replace(' ', '-');
    }
    return base;
  }
}
