package dev.sky4j.client;

/** Nothing answers at the API URL (connection refused or timed out). */
public final class ServerUnreachableException extends java.io.IOException {
  public ServerUnreachableException(String url, Throwable cause) {
    super("no sky4j API server answers at " + url, cause);
  }
}
