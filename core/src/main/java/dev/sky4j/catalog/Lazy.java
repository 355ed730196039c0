package dev.sky4j.catalog;

import java.util.function.Supplier;

/** A value computed once, on first use, safely from any thread. */
final class Lazy<T> implements Supplier<T> {
  private Supplier<T> compute;
  private volatile T value;

  Lazy(Supplier<T> compute) {
    this.compute = compute;
  }

  static <T> Lazy<T> of(Supplier<T> compute) {
    return new Lazy<>(compute);
  }

  /** Whether the value has been computed (never computes it). */
  boolean isDone() {
    return value != null;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = compute.get();
          value = v;
          compute = null;
        }
      }
    }
    return v;
  }
}
