package dev.sky4j.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * A record class's components, accessors and canonical constructor, looked up once per class:
 * {@link Class#getRecordComponents} re-reads the class file's attribute on every call, and doing
 * that per value made reading and writing a status answer ten times slower than jackson-jr.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return new RecordShape(type);
    }
  };

  final String[] names;
  final Type[] types;
  final Method[] accessors;
  private final Constructor<?> ctor;
  private final String problem;

  private RecordShape(Class<?> c) {
    RecordComponent[] rcs = c.getRecordComponents();
    names = new String[rcs.length];
    types = new Type[rcs.length];
    accessors = new Method[rcs.length];
    Class<?>[] raw = new Class<?>[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      names[i] = rcs[i].getName();
      types[i] = rcs[i].getGenericType();
      raw[i] = rcs[i].getType();
      accessors[i] = rcs[i].getAccessor();
      accessors[i].setAccessible(true);
    }
    Constructor<?> k = null;
    String p = null;
    try {
      k = c.getDeclaredConstructor(raw);
      k.setAccessible(true);
    } catch (NoSuchMethodException e) {
      p = "no canonical constructor for " + c.getName();
    }
    ctor = k;
    problem = p;
  }

  static RecordShape of(Class<?> recordClass) {
    return SHAPES.get(recordClass);
  }

  Object construct(Object[] args) throws ReflectiveOperationException {
    if (ctor == null) {
      throw new JsonException(problem);
    }
    return ctor.newInstance(args);
  }
}
