package dev.sky4j.provision;

import dev.sky4j.paths.Sky4jPaths;
import java.io.IOException;

/**
 * How the server finds a cloud: each cloud's package registers one of these in {@code
 * META-INF/services/dev.sky4j.provision.ProviderFactory} and the server loads every one on its
 * class path ({@link java.util.ServiceLoader}). Adding a cloud = adding a package and a jar; the
 * server never imports a cloud's package.
 */
public interface ProviderFactory {
  /** The cloud's name ({@code local}, {@code aws}), as {@link Provider#cloud()} answers. */
  String cloud();

  /**
   * Where this cloud sorts among the others (lower first): the first one is the default when a
   * task names no cloud and prices tie. The local cloud answers 0.
   */
  default int order() {
    return 100;
  }

  /** Makes the provider; cheap (no network): {@link Provider#check()} is where a cloud is probed. */
  Provider create(Sky4jPaths paths) throws IOException;
}
