package dev.sky4j.agent.http;

import dev.sky4j.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A small blocking HTTP client for an agent's control API (head to worker on the node network,
 * controller to head through an SSH tunnel). HttpURLConnection keeps the node jar free of
 * client libraries and reuses connections by itself. Every request carries the cluster's
 * {@link AgentSecret}: agents answer nothing without it.
 */
public final class HttpJsonClient {
  private final String base;
  private final AgentSecret secret;

  public HttpJsonClient(String host, int port, AgentSecret secret) {
    this.base = "http://" + host + ":" + port;
    this.secret = java.util.Objects.requireNonNull(secret, "the cluster's agent secret");
  }

  /** The agent at {@code peer} ({@code ip:port}, as {@code NodeConfig.peers} lists them). */
  public static HttpJsonClient peer(String peer, AgentSecret secret) {
    int colon = peer.lastIndexOf(':');
    return new HttpJsonClient(peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1)),
        secret);
  }

  public Object get(String path) throws IOException {
    return call("GET", path, null, 30_000);
  }

  public Object post(String path, Object body) throws IOException {
    return call("POST", path, body, 30_000);
  }

  /** A POST whose answer may take longer than the usual 30 s (lifecycle hooks run first). */
  public Object post(String path, Object body, int readTimeoutMillis) throws IOException {
    return call("POST", path, body, readTimeoutMillis);
  }

  /**
   * Copies a streamed response (a followed log) to {@code out}; returns the bytes copied. Every
   * read waits at most {@code readTimeoutMillis}: a peer that dies mid-answer (the tunnel stays
   * open, no byte comes) ends in a {@link java.net.SocketTimeoutException}, never in a hang. Long
   * streams are long polls ({@link LongPoll}) whose server side ends well within that time.
   */
  public long stream(String path, OutputStream out, int readTimeoutMillis) throws IOException {
    HttpURLConnection c = open("GET", path, readTimeoutMillis);
    check(c);
    long total = 0;
    try (InputStream in = c.getInputStream()) {
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
        total += n;
      }
    }
    return total;
  }

  private Object call(String method, String path, Object body, int readTimeoutMillis)
      throws IOException {
    HttpURLConnection c = open(method, path, readTimeoutMillis);
    if (body != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream o = c.getOutputStream()) {
        o.write(Json.write(body).getBytes(StandardCharsets.UTF_8));
      }
    }
    check(c);
    try (InputStream in = c.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isBlank() ? null : Json.parse(text);
    }
  }

  private HttpURLConnection open(String method, String path, int readTimeout) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(5_000);
    c.setReadTimeout(readTimeout);
    c.setRequestProperty("Authorization", secret.header());
    return c;
  }

  private static void check(HttpURLConnection c) throws IOException {
    int code = c.getResponseCode();
    if (code >= 400) {
      String msg;
      try (InputStream e = c.getErrorStream()) {
        msg = e == null ? "" : new String(e.readAllBytes(), StandardCharsets.UTF_8);
      }
      throw new IOException("agent answered HTTP " + code + ": " + msg);
    }
  }
}
