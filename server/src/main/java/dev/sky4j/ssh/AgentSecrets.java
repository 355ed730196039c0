package dev.sky4j.ssh;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.paths.Sky4jPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server's copy of every cluster's {@link AgentSecret}: {@code
 * $SKY4J_HOME/keys/agent-secrets/<cluster>}, 0600 in a 0700 folder. Created when a cluster is
 * first launched, kept while it is stopped (a started cluster answers with the same one), deleted
 * with the cluster. The provider delivers the same value to the nodes as a file before their
 * agents start (the local cloud writes it into each node's home; a VM gets it over SFTP), never
 * through a command line or an environment.
 */
public final class AgentSecrets {
  private final Sky4jPaths paths;

  public AgentSecrets(Sky4jPaths paths) {
    this.paths = paths;
  }

  public Path file(String cluster) {
    return paths.agentSecretsDir().resolve(cluster);
  }

  /** A fresh secret for a cluster being created (one left by an older cluster of that name is replaced). */
  public synchronized AgentSecret create(String cluster) throws IOException {
    AgentSecret s = AgentSecret.generate();
    s.write(prepare(cluster));
    return s;
  }

  /** The cluster's secret, created if it has none yet (a cluster launched before secrets existed). */
  public synchronized AgentSecret getOrCreate(String cluster) throws IOException {
    try {
      return AgentSecret.read(file(cluster));
    } catch (NoSuchFileException e) {
      return create(cluster);
    }
  }

  /** The cluster's secret, for calling its agents; a clear error when this server has none. */
  public AgentSecret require(String cluster) throws IOException {
    try {
      return AgentSecret.read(file(cluster));
    } catch (NoSuchFileException e) {
      throw new IOException("this server holds no agent secret for cluster " + cluster + " ("
          + paths.display(file(cluster)) + " is missing), so its nodes will not answer; `sky stop "
          + cluster + "` then `sky start " + cluster + "` gives it a new one", e);
    }
  }

  public synchronized void delete(String cluster) throws IOException {
    Files.deleteIfExists(file(cluster));
  }

  private Path prepare(String cluster) throws IOException {
    Path dir = paths.agentSecretsDir();
    Files.createDirectories(dir);
    for (Path p : new Path[] {paths.keysDir(), dir}) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }
    return file(cluster);
  }
}
