package dev.sky4j.client;

import java.io.IOException;

/**
 * Where a {@link SkyClient} gets the API token, asked on every authenticated call: the CLI reads
 * the token file each time, so a server it has just started (which creates the file) and a token
 * renewed by {@code sky api rotate-token} are picked up without a new client.
 */
@FunctionalInterface
public interface TokenSource {
  /** The token to send, or null to send none. */
  String token() throws IOException;
}
