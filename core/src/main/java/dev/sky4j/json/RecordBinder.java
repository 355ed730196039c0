package dev.sky4j.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds parsed JSON ({@link Json#parse}) onto a target type: records through their canonical
 * constructor, {@code List<T>}, {@code Map<String,T>}, enums by name, boxed and primitive
 * scalars, and {@code Object} (left as parsed). Missing record fields become null, zero, false or
 * an empty collection; unknown fields are ignored so old clients read new servers.
 */
public final class RecordBinder {
  private RecordBinder() {}

  public static Object bind(Object v, Type type) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
        List<Object> out = new ArrayList<>();
        if (v instanceof List<?> l) {
          for (Object o : l) {
            out.add(bind(o, args[0]));
          }
        } else if (v != null) {
          throw new JsonException("expected an array but got " + describe(v));
        }
        return out;
      }
      if (Map.class.isAssignableFrom(raw)) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
          for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), bind(e.getValue(), args[1]));
          }
        } else if (v != null) {
          throw new JsonException("expected an object but got " + describe(v));
        }
        return out;
      }
      return bind(v, raw);
    }
    Class<?> c = (Class<?>) type;
    if (v == null) {
      return defaultFor(c);
    }
    if (c == Object.class) {
      return v;
    }
    if (c == String.class) {
      return v instanceof String s ? s : String.valueOf(v);
    }
    if (c == long.class || c == Long.class) {
      return whole(v, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (c == int.class || c == Integer.class) {
      return (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (c == double.class || c == Double.class) {
      return number(v).doubleValue();
    }
    if (c == boolean.class || c == Boolean.class) {
      if (v instanceof Boolean b) {
        return b;
      }
      throw new JsonException("expected true/false but got " + describe(v));
    }
    if (c.isEnum()) {
      String name = String.valueOf(v);
      for (Object constant : c.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(name)) {
          return constant;
        }
      }
      throw new JsonException("unknown value '" + name + "' for " + c.getSimpleName());
    }
    if (c.isRecord()) {
      if (!(v instanceof Map<?, ?> m)) {
        throw new JsonException("expected an object for " + c.getSimpleName() + " but got " + describe(v));
      }
      RecordShape shape = RecordShape.of(c);
      Object[] args = new Object[shape.names.length];
      for (int i = 0; i < args.length; i++) {
        try {
          args[i] = bind(m.get(shape.names[i]), shape.types[i]);
        } catch (JsonException e) {
          throw e.in(shape.names[i]);
        }
      }
      try {
        return shape.construct(args);
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new JsonException("cannot build " + c.getSimpleName() + ": " + cause.getMessage());
      }
    }
    if (List.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
      return v;
    }
    throw new JsonException("cannot bind JSON to " + c.getName());
  }

  private static Object defaultFor(Class<?> c) {
    if (c == int.class) {
      return 0;
    }
    if (c == long.class) {
      return 0L;
    }
    if (c == double.class) {
      return 0.0;
    }
    if (c == boolean.class) {
      return false;
    }
    if (c == List.class || c == Collection.class) {
      return List.of();
    }
    if (c == Map.class) {
      return Map.of();
    }
    return null;
  }

  private static Number number(Object v) {
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new JsonException("expected a number but got " + describe(v));
  }

  /**
   * A whole number in [min, max]. Checked, never narrowed: 1e30 into an int field is an error,
   * not Integer.MAX_VALUE (a job id, port or count that silently became another one).
   */
  private static long whole(Object v, long min, long max) {
    Number n = number(v);
    if (n instanceof Long l && l >= min && l <= max) {
      return l;
    }
    double d = n.doubleValue();
    // the bounds as doubles: 2^63 is exactly representable, Long.MAX_VALUE is not
    if (!(n instanceof Long) && d == Math.rint(d) && d >= (double) min && d < -(double) min
        && (long) d <= max) {
      return (long) d;
    }
    throw new JsonException("expected a whole number from " + min + " to " + max + " but got "
        + describe(v));
  }

  private static String describe(Object v) {
    String s = v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
