package dev.sky4j.storage;

import java.io.IOException;
import java.nio.file.Path;

/** What storage needs of a cluster's nodes: a file put on each, a command run on each. */
public interface NodeShell {
  /** Copies a local file to {@code remotePath} (relative to the login home) on every node. */
  void copyToEach(Path local, String remotePath) throws IOException;

  /** Runs a shell command on every node, failing with the node's output when it fails. */
  void runOnEach(String command) throws IOException;
}
