package dev.sky4j.spec.validate;

import dev.sky4j.spec.Amount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the size/count/time/port strings of {@code resources}: cpus and memory ({@code 8},
 * {@code 8+}, {@code 64GB}, {@code 4x}), disk sizes, autostop times ({@code 10h}) and ports.
 * Bad input throws {@link IllegalArgumentException} whose message is shown to the user as is.
 */
public final class Quantities {
  private Quantities() {}

  /** cpus: a number, {@code "N"} or {@code "N+"}; must be positive. */
  public static Amount cpus(Object value) {
    String t = String.valueOf(value).trim();
    boolean plus = t.endsWith("+");
    double v = number(plus ? t.substring(0, t.length() - 1) : t, () -> new IllegalArgumentException(
        "cpus should be a number or a string \"<number>+\", found '" + t + "'. Write e.g. 8 or 8+."));
    if (!(v > 0)) {
      throw new IllegalArgumentException("cpus must be more than 0, found " + t + ".");
    }
    return new Amount(v, plus, false);
  }

  /** memory in GiB: {@code 32}, {@code 32+}, {@code 64GB}, {@code 512MB+}, {@code 4x} (per vCPU). */
  public static Amount memory(Object value) {
    String t = String.valueOf(value).trim();
    String body = t.endsWith("+") ? t.substring(0, t.length() - 1) : t;
    boolean plus = body.length() != t.length();
    if (body.endsWith("x") || body.endsWith("X")) {
      double v = number(body.substring(0, body.length() - 1), () -> badMemory(t));
      if (!(v > 0)) {
        throw new IllegalArgumentException("memory must be more than 0, found " + t + ".");
      }
      return new Amount(v, plus, true);
    }
    double gib = size(body, () -> badMemory(t), 1);
    if (!(gib > 0)) {
      throw new IllegalArgumentException("memory must be more than 0, found " + t + ".");
    }
    return new Amount(gib, plus, false);
  }

  private static IllegalArgumentException badMemory(String t) {
    return new IllegalArgumentException("memory should be a number of GB, optionally with units and +"
        + " (32, 32+, 64GB, 512MB+) or N GiB per vCPU (4x), found '" + t + "'.");
  }

  /** disk_size in whole GB (units are binary and floored, as SkyPilot does). */
  public static int diskSizeGb(Object value) {
    String t = String.valueOf(value).trim();
    double gb = size(t, () -> new IllegalArgumentException(
        "disk_size should be a number of GB or a size such as 512GB or 2TB, found '" + t + "'."), 1);
    if (gb < 1) {
      throw new IllegalArgumentException("disk_size must be at least 1 GB, found " + t + ".");
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(gb));
  }

  /** {@code 10}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1w} in minutes (SkyPilot TIME_PATTERN). */
  public static int minutes(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("A time is empty. Write minutes (30) or 30m, 10h, 1d, 1w.");
    }
    char u = Character.toLowerCase(t.charAt(t.length() - 1));
    int mult = switch (u) {
      case 'm' -> 1;
      case 'h' -> 60;
      case 'd' -> 1440;
      case 'w' -> 10080;
      default -> 0;
    };
    String digits = mult == 0 ? t : t.substring(0, t.length() - 1);
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
      throw new IllegalArgumentException("'" + text + "' is not a time: write minutes (30) or 30m, 10h, 1d, 1w.");
    }
    return Math.multiplyExact(Integer.parseInt(digits), Math.max(mult, 1));
  }

  /** One port or range, normalised to {@code 8080} or {@code 10000-10010}. */
  public static String port(Object value) {
    String t = String.valueOf(value).trim();
    int dash = t.indexOf('-', 1);
    if (dash < 0) {
      return Integer.toString(portNumber(t, t));
    }
    int a = portNumber(t.substring(0, dash).trim(), t);
    int b = portNumber(t.substring(dash + 1).trim(), t);
    if (a > b) {
      throw new IllegalArgumentException("Invalid port range " + t + ": the start is after the end. Write "
          + b + "-" + a + ".");
    }
    return a + "-" + b;
  }

  public static List<String> ports(List<Object> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(port(v)));
    return out;
  }

  private static int portNumber(String p, String whole) {
    long v;
    try {
      v = Long.parseLong(p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid port '" + whole
          + "'. Write a port number (8080) or a range (10000-10010).");
    }
    if (v < 1 || v > 65535) {
      throw new IllegalArgumentException("Invalid port " + whole
          + ". Please use a port number between 1 and 65535.");
    }
    return (int) v;
  }

  /** {@code 64}, {@code 64GB}, {@code 512mb}, {@code 2Ti}: binary units, result in GiB. */
  private static double size(String t, java.util.function.Supplier<IllegalArgumentException> bad, double dflt) {
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
      i++;
    }
    double v = number(t.substring(0, i), bad);
    String unit = t.substring(i).toLowerCase(Locale.ROOT);
    double scale = switch (unit) {
      case "" -> dflt;
      case "kb", "ki" -> 1.0 / (1024 * 1024);
      case "mb", "mi" -> 1.0 / 1024;
      case "gb", "gi" -> 1;
      case "tb", "ti" -> 1024;
      case "pb", "pi" -> 1024.0 * 1024;
      default -> throw bad.get();
    };
    return v * scale;
  }

  private static double number(String t, java.util.function.Supplier<IllegalArgumentException> bad) {
    if (t.isEmpty()) {
      throw bad.get();
    }
    try {
      double v = Double.parseDouble(t);
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw bad.get();
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad.get();
    }
  }
}
