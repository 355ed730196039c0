package dev.sky4j.cli;

import dev.sky4j.cli.remote.ServerConnection;
import dev.sky4j.client.ApiTokenFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code sky api rotate-token}: replaces the token file with a new token (atomically). A running
 * server notices the new file at its next request and refuses the old token from then on; clients
 * that read the file (the CLI, editors, notebooks) follow without a restart.
 */
@Command(name = "rotate-token", description = "Renew the API token (the old one is refused "
    + "from the next request on; the running server needs no restart).")
public final class ApiRotateTokenCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    if (!ServerConnection.isLocal(ServerConnection.url())) {
      System.err.println("error: the API server at " + ServerConnection.url() + " is on another "
          + "machine; rotate its token there (sky api rotate-token), then update SKY4J_API_TOKEN here");
      return 1;
    }
    Path file = ServerConnection.tokenFile();
    try {
      ApiTokenFile.rotate(file);
    } catch (IOException e) {
      System.err.println("error: cannot renew the API token in " + file + ": " + e.getMessage());
      return 1;
    }
    System.out.println("Renewed the API token in " + file + " (0600). The running server uses it "
        + "from its next request; clients that read that file follow by themselves.");
    if (ServerConnection.tokenFromEnvironment()) {
      System.out.println("SKY4J_API_TOKEN is set in this environment and still holds the old "
          + "token: update or unset it.");
    }
    return 0;
  }
}
