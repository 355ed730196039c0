package dev.sky4j.storage;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The stores on the class path ({@link ServiceLoader}), each opened once, on first use. */
public final class StoreRegistry {
  private final Map<String, StoreFactory> factories;
  private final Map<String, Store> open = new ConcurrentHashMap<>();

  public StoreRegistry(Iterable<StoreFactory> factories) {
    Map<String, StoreFactory> m = new LinkedHashMap<>();
    factories.forEach(f -> m.putIfAbsent(f.kind(), f));
    this.factories = Map.copyOf(m);
  }

  public static StoreRegistry load() {
    return new StoreRegistry(ServiceLoader.load(StoreFactory.class));
  }

  public boolean has(String kind) {
    return kind != null && factories.containsKey(kind);
  }

  public java.util.Set<String> kinds() {
    return factories.keySet();
  }

  /** The store of {@code kind}, or empty when no module on the class path provides it. */
  public Optional<Store> get(String kind) throws IOException {
    StoreFactory f = kind == null ? null : factories.get(kind);
    if (f == null) {
      return Optional.empty();
    }
    Store s = open.get(kind);
    if (s == null) {
      synchronized (this) {
        s = open.get(kind);
        if (s == null) {
          s = f.open();
          open.put(kind, s);
        }
      }
    }
    return Optional.of(s);
  }
}
