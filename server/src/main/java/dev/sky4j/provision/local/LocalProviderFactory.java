package dev.sky4j.provision.local;

import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.ProviderFactory;
import java.io.IOException;

/** Registers the local cloud with the server ({@code META-INF/services}); always first. */
public final class LocalProviderFactory implements ProviderFactory {
  @Override
  public String cloud() {
    return "local";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public Provider create(Sky4jPaths paths) throws IOException {
    return new LocalProvider(paths);
  }
}
