package dev.sky4j.spec.validate;

import dev.sky4j.spec.AcceleratorRequest;
import java.util.Locale;

/**
 * The {@code accelerators} string forms (SkyPilot §1.4): {@code H100}, {@code H100:8},
 * {@code A10:0.5}, and the memory forms {@code 80GB+}, {@code 80GB:2}, {@code nvidia:80GB+},
 * {@code nvidia:80GB:2}. Names are kept as written; the catalog canonicalises them.
 */
public final class AcceleratorSyntax {
  private AcceleratorSyntax() {}

  /** A parsed request, or the reason it could not be parsed (then {@code request} is null). */
  public record Result(AcceleratorRequest request, String error) {
    public boolean ok() {
      return request != null;
    }
  }

  public static Result parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty()) {
      return fail("The accelerator is empty. Write a name such as H100 or H100:8.");
    }
    String[] parts = s.split(":", -1);
    if (parts.length >= 1 && isMemory(parts[0]) && parts.length <= 2) {
      return memoryForm(null, parts[0], parts.length == 2 ? parts[1] : null, s);
    }
    if (parts.length >= 2 && isMemory(parts[1]) && parts.length <= 3) {
      return memoryForm(parts[0], parts[1], parts.length == 3 ? parts[2] : null, s);
    }
    if (parts.length > 2) {
      return fail("'" + s + "' is not an accelerator: write <name> or <name>:<count>, e.g. H100:8.");
    }
    if (parts[0].isBlank()) {
      return fail("'" + s + "' has no accelerator name: write <name>:<count>, e.g. H100:8.");
    }
    if (parts.length == 1) {
      return new Result(AcceleratorRequest.of(parts[0].trim(), 1), null);
    }
    return count(parts[1], s).map(c -> new Result(AcceleratorRequest.of(parts[0].trim(), c), null));
  }

  /** A dict entry {@code H100: 8} (value null means 1, or the key may carry {@code H100:8}). */
  public static Result parseEntry(String key, Double value) {
    if (value == null) {
      return parse(key);
    }
    if (key.contains(":")) {
      return fail("'" + key + ": " + AcceleratorRequest.formatCount(value)
          + "' gives the count twice. Write either '" + key + "' or '" + key.substring(0, key.indexOf(':'))
          + ": " + AcceleratorRequest.formatCount(value) + "'.");
    }
    if (!(value > 0)) {
      return fail(countProblem(key, AcceleratorRequest.formatCount(value)));
    }
    return parse(key + ":" + AcceleratorRequest.formatCount(value));
  }

  static boolean isMemory(String p) {
    int n = p.length();
    int i = 0;
    while (i < n && Character.isDigit(p.charAt(i))) {
      i++;
    }
    if (i == 0 || i + 2 > n) {
      return false;
    }
    char u = Character.toLowerCase(p.charAt(i));
    char b = Character.toLowerCase(p.charAt(i + 1));
    if ((u != 'g' && u != 'm' && u != 't') || b != 'b') {
      return false;
    }
    return i + 2 == n || (i + 3 == n && p.charAt(i + 2) == '+');
  }

  private static Result memoryForm(String vendor, String mem, String countText, String whole) {
    boolean orMore = mem.endsWith("+");
    String digits = mem.replaceAll("[^0-9]", "");
    double amount = Double.parseDouble(digits);
    char unit = Character.toLowerCase(mem.charAt(digits.length()));
    double gib = unit == 'm' ? amount / 1024 : unit == 't' ? amount * 1024 : amount;
    double[] c = {1};
    if (countText != null) {
      Result bad = count(countText, whole).fail;
      if (bad != null) {
        return bad;
      }
      c[0] = Double.parseDouble(countText.trim());
    }
    String v = vendor == null ? null : vendor.trim().toLowerCase(Locale.ROOT);
    return new Result(new AcceleratorRequest(null, c[0], gib, orMore, v), null);
  }

  private record Count(double value, Result fail) {
    Result map(java.util.function.DoubleFunction<Result> f) {
      return fail != null ? fail : f.apply(value);
    }
  }

  private static Count count(String text, String whole) {
    String t = text.trim();
    double v;
    try {
      if (t.isEmpty() || !t.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-')) {
        throw new NumberFormatException(t);
      }
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return new Count(0, fail("The count in '" + whole + "' is not a number. Write <name>:<count>, e.g. H100:8."));
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      return new Count(0, fail(countProblem(whole.substring(0, whole.lastIndexOf(':')), t)));
    }
    return new Count(v, null);
  }

  static String countProblem(String name, String count) {
    return "Accelerator count must be a positive number, got " + name + ": " + count
        + ". Use 1 or more (fractions such as 0.5 share a GPU).";
  }

  private static Result fail(String message) {
    return new Result(null, message);
  }
}
