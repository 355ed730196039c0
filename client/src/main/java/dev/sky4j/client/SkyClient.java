package dev.sky4j.client;

import dev.sky4j.client.dto.Accepted;
import dev.sky4j.client.dto.AutostopRequest;
import dev.sky4j.client.dto.Health;
import dev.sky4j.client.dto.HookLog;
import dev.sky4j.client.dto.LogChunk;
import dev.sky4j.client.dto.ManagedJobCancel;
import dev.sky4j.client.dto.ManagedJobLaunch;
import dev.sky4j.client.dto.ManagedJobRecord;
import dev.sky4j.client.dto.OptimizeResponse;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.json.Json;
import dev.sky4j.json.JsonException;
import dev.sky4j.json.RecordBinder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Talks to one API server. Every call is blocking; long operations return a request id that
 * {@link #waitFor} polls and {@link #followRequestLogs} streams. Log streams resume from the last
 * offset after a dropped connection, so a follower sees every byte exactly once.
 */
public final class SkyClient {
  public static final String API = "/api/v1";
  private static final int CONNECT_TIMEOUT_MS = 2_000;
  /** The longest silence on a log stream before it counts as dropped (and is resumed). */
  private static final int STREAM_SILENCE_MILLIS = 45_000;

  private final String baseUrl;
  private final TokenSource tokens;

  /** A client that sends {@code token} (null: none) on every call but {@code /health}. */
  public SkyClient(String baseUrl, String token) {
    this(baseUrl, () -> token);
  }

  public SkyClient(String baseUrl, TokenSource tokens) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.tokens = tokens;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Health health() throws IOException, ApiException {
    return get("/health", Health.class);
  }

  public <T> T get(String path, Type type) throws IOException, ApiException {
    return call("GET", path, null, type, 30_000);
  }

  public <T> T post(String path, Object body, Type type) throws IOException, ApiException {
    return call("POST", path, body, type, 120_000);
  }

  /** POSTs a long operation and returns its request id. */
  public String submit(String path, Object body) throws IOException, ApiException {
    Accepted a = post(path, body, Accepted.class);
    return a.requestId();
  }

  /** {@code sky autostop}: sets or cancels autostop; returns the request id. */
  public String autostop(AutostopRequest r) throws IOException, ApiException {
    return submit("/autostop", r);
  }

  public RequestInfo request(String id) throws IOException, ApiException {
    return get("/requests/" + enc(id), RequestInfo.class);
  }

  /** Polls until the request finishes (10 ms growing to 200 ms between polls). */
  public RequestInfo waitFor(String id) throws IOException, ApiException, InterruptedException {
    long sleep = 10;
    while (true) {
      RequestInfo r = request(id);
      if (r.finished()) {
        return r;
      }
      Thread.sleep(sleep);
      sleep = Math.min(200, sleep * 2);
    }
  }

  public void cancelRequest(String id) throws IOException, ApiException {
    post("/requests/" + enc(id) + "/cancel", null, Object.class);
  }

  /** Follows a request's log from {@code offset} until the request finishes. */
  public StreamEnd followRequestLogs(String id, long offset, LogListener l)
      throws IOException, ApiException {
    return followSse("/requests/" + enc(id) + "/logs", offset, l);
  }

  /**
   * Streams a job's log; with {@code follow} until the job ends, otherwise what exists now. {@code
   * jobId} null means the latest job.
   */
  public StreamEnd jobLogs(String cluster, Integer jobId, boolean follow, long offset, LogListener l)
      throws IOException, ApiException {
    String path = "/clusters/" + enc(cluster) + "/jobs/" + (jobId == null ? "latest" : jobId)
        + "/logs?follow=" + follow;
    return followSse(path, offset, l);
  }

  /**
   * The plans the server would launch {@code in} on ({@code sky launch --dryrun}): the first
   * {@code perCandidate} of each resource candidate.
   */
  public OptimizeResponse optimize(TaskInput in, int perCandidate) throws IOException, ApiException {
    return post("/optimize?limit=" + perCandidate, in, OptimizeResponse.class);
  }

  // ---- managed jobs ------------------------------------------------------------------------

  /** {@code sky logs CLUSTER --hook EVENT}: the saved hook output; a 404 problem when there is none. */
  public HookLog hookLog(String cluster, String event) throws IOException, ApiException {
    return get("/clusters/" + enc(cluster) + "/hooks/" + enc(event) + "/log", HookLog.class);
  }

  public ManagedJobRecord launchManagedJob(ManagedJobLaunch req) throws IOException, ApiException {
    return post("/jobs/launch", req, ManagedJobRecord.class);
  }

  public List<ManagedJobRecord> managedJobs() throws IOException, ApiException {
    return get("/jobs", new ListOf(ManagedJobRecord.class));
  }

  /** Asks the server to cancel; returns the ids that were still running. */
  public List<Long> cancelManagedJobs(ManagedJobCancel req) throws IOException, ApiException {
    return post("/jobs/cancel", req, new ListOf(Long.class));
  }

  /** A managed job's log (or its controller's), kept by the server across recoveries. */
  public StreamEnd managedJobLogs(long id, boolean controller, boolean follow, long offset,
      LogListener l) throws IOException, ApiException {
    return followSse("/jobs/" + id + "/logs?controller=" + controller + "&follow=" + follow,
        offset, l);
  }

  /** {@code List<element>} for {@link #get(String, Type)}. */
  public static Type listOf(Type element) {
    return new ListOf(element);
  }

  /** {@code List<T>} as a reflective type, for the binder. */
  private record ListOf(Type element) implements java.lang.reflect.ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {element};
    }

    @Override
    public Type getRawType() {
      return List.class;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  }

  private StreamEnd followSse(String path, long offset, LogListener l)
      throws IOException, ApiException {
    int attempt = 0;
    while (true) {
      // the server sends a keep-alive comment every 15 s of silence: three missed mean the
      // connection is dead (a half-open socket would otherwise block this read forever)
      HttpURLConnection c = open("GET", withOffset(path, offset), STREAM_SILENCE_MILLIS);
      c.setRequestProperty("Accept", "text/event-stream");
      int code = status(c);
      if (code >= 400) {
        throw new ApiException(problem(c, code));
      }
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isEmpty()) {
            if (data.length() > 0) {
              String d = data.toString();
              data.setLength(0);
              if ("log".equals(event)) {
                LogChunk chunk = RecordBinder.bind(Json.parse(d), LogChunk.class) instanceof LogChunk lc ? lc : null;
                if (chunk != null) {
                  l.onText(chunk.text());
                  offset = chunk.offset();
                  attempt = 0;
                }
              } else if ("end".equals(event)) {
                return (StreamEnd) RecordBinder.bind(Json.parse(d), StreamEnd.class);
              } else if ("problem".equals(event)) {
                throw new ApiException((Problem) RecordBinder.bind(Json.parse(d), Problem.class));
              }
            }
            event = "message";
          } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            if (data.length() > 0) {
              data.append('\n');
            }
            data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
          }
        }
      } catch (IOException e) {
        if (++attempt > 5) {
          throw e;
        }
      }
      // the stream closed without an end event: the server restarted or the network dropped
      if (++attempt > 30) {
        throw new IOException("log stream for " + path + " keeps dropping; rerun to resume");
      }
      l.onReconnect(offset, attempt);
      try {
        Thread.sleep(Math.min(2000, 100L * attempt));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", ie);
      }
    }
  }

  private static String withOffset(String path, long offset) {
    return path + (path.contains("?") ? "&" : "?") + "offset=" + offset;
  }

  private <T> T call(String method, String path, Object body, Type type, int readTimeoutMs)
      throws IOException, ApiException {
    HttpURLConnection c = open(method, path, readTimeoutMs);
    if (body != null || "POST".equals(method)) {
      byte[] bytes = (body == null ? "{}" : Json.write(body)).getBytes(StandardCharsets.UTF_8);
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      c.setFixedLengthStreamingMode(bytes.length);
      try (OutputStream o = c.getOutputStream()) {
        o.write(bytes);
      } catch (ConnectException e) {
        throw new ServerUnreachableException(baseUrl, e);
      }
    }
    int code = status(c);
    if (code >= 400) {
      throw new ApiException(problem(c, code));
    }
    String text;
    try (InputStream in = c.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (type == Void.class || text.isBlank()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T out = (T) RecordBinder.bind(Json.parse(text), type);
    return out;
  }

  private HttpURLConnection open(String method, String path, int readTimeoutMs) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(baseUrl + API + path).openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(CONNECT_TIMEOUT_MS);
    c.setReadTimeout(readTimeoutMs);
    c.setUseCaches(false);
    // the handshake needs no token: it is how a client learns that a server it started is up
    String token = path.equals("/health") ? null : tokens.token();
    if (token != null && !token.isEmpty()) {
      c.setRequestProperty("Authorization", "Bearer " + token);
    }
    return c;
  }

  private int status(HttpURLConnection c) throws IOException {
    try {
      return c.getResponseCode();
    } catch (ConnectException | SocketTimeoutException e) {
      throw new ServerUnreachableException(baseUrl, e);
    }
  }

  private static Problem problem(HttpURLConnection c, int code) {
    String text = "";
    try (InputStream in = c.getErrorStream()) {
      if (in != null) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException ignored) {
      // fall back to a problem built from the status line below
    }
    try {
      Object parsed = Json.parse(text);
      if (parsed instanceof java.util.Map<?, ?> m && m.containsKey("code")) {
        return (Problem) RecordBinder.bind(parsed, Problem.class);
      }
    } catch (JsonException ignored) {
      // not a problem object: a proxy or an old server answered
    }
    return Problem.of(code, "http-" + code, "the API server answered HTTP " + code
        + (text.isBlank() ? "" : ": " + text.strip()));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
