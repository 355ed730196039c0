package dev.sky4j.server;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.engine.ClusterAccess;
import dev.sky4j.engine.Providers;
import dev.sky4j.engine.SshClusterAccess;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.Capability;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.ProviderFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Which providers and which SSH access this server runs with: every cloud registered on the
 * class path ({@link ProviderFactory} through {@link ServiceLoader}), local first.
 */
final class Wiring {
  private Wiring() {}

  static Providers providers(Sky4jPaths paths) throws IOException {
    return new Providers(Catalog::get, load(paths, Wiring.class.getClassLoader()));
  }

  static List<Provider> load(Sky4jPaths paths, ClassLoader loader) throws IOException {
    List<ProviderFactory> factories = new ArrayList<>();
    for (var it = ServiceLoader.load(ProviderFactory.class, loader).iterator(); ; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        factories.add(it.next());
      } catch (ServiceConfigurationError e) {
        // a broken cloud jar must not take the server (and the local cloud) down with it
        System.err.println("sky4j: skipping a cloud provider that cannot load: " + e.getMessage());
      }
    }
    factories.sort(Comparator.comparingInt(ProviderFactory::order)
        .thenComparing(ProviderFactory::cloud));
    List<Provider> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ProviderFactory f : factories) {
      // the same cloud registered by two jars on the class path: the first one wins
      if (seen.add(f.cloud())) {
        out.add(f.create(paths));
      }
    }
    return out;
  }

  static ClusterAccess access(Sky4jPaths paths, Providers providers) {
    return new SshClusterAccess(paths, cloud -> providers.has(cloud)
        && providers.get(cloud).capabilities().contains(Capability.OPENSSH_NODES));
  }
}
