package dev.sky4j.server;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.engine.ClusterAccess;
import dev.sky4j.engine.Providers;
import dev.sky4j.engine.SshClusterAccess;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.local.LocalProvider;
import java.io.IOException;
import java.util.List;

/** Which providers and which SSH access this server runs with. */
final class Wiring {
  private Wiring() {}

  static Providers providers(Sky4jPaths paths) throws IOException {
    return new Providers(Catalog::get, List.of(new LocalProvider(paths)));
  }

  static ClusterAccess access(Sky4jPaths paths) {
    return new SshClusterAccess(paths);
  }
}
