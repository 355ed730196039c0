package dev.sky4j.kernel.repl;

import dev.sky4j.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kernel's end of the JSON-lines protocol spoken by {@code sky4j_repl.py}. Cell events are
 * numbered by the REPL; after a dropped link this client reconnects (when its {@link Connector}
 * can) and asks for the events after the last one it saw, so a cell's output survives the drop
 * exactly once. Events are handed to the thread running the cell, so everything a cell publishes
 * to the notebook comes from that one thread.
 */
public final class ReplClient implements AutoCloseable {
  private static final long RECONNECT_WINDOW_MS = 8_000;

  private final Connector connector;
  private final Object writeLock = new Object();
  private final Map<Long, CompletableFuture<Map<String, Object>>> replies = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile Transport transport;
  private volatile long lastSeq;
  private volatile Map<String, Object> hello = Map.of();
  private volatile BlockingQueue<Map<String, Object>> cellEvents;
  private volatile String lost;
  private volatile boolean closed;
  private CompletableFuture<Map<String, Object>> helloWait;

  private ReplClient(Connector connector) {
    this.connector = connector;
  }

  /** Opens the first link and waits for the REPL's hello (pid, Python version, host, GPUs). */
  public static ReplClient connect(Connector connector, long helloTimeoutMs) throws IOException {
    ReplClient c = new ReplClient(connector);
    c.open(helloTimeoutMs);
    return c;
  }

  public Map<String, Object> hello() {
    return hello;
  }

  /** Null while the link works; otherwise why it is gone, in the user's words. */
  public String lostReason() {
    return lost;
  }

  private void open(long helloTimeoutMs) throws IOException {
    helloWait = new CompletableFuture<>();
    Transport t = connector.open();
    transport = t;
    Thread reader = new Thread(() -> read(t), "repl-reader");
    reader.setDaemon(true);
    reader.start();
    write(t, Map.of("op", "hello", "after", lastSeq));
    try {
      Map<String, Object> h = helloWait.get(helloTimeoutMs, TimeUnit.MILLISECONDS);
      Object oldPid = hello.get("pid");
      if (oldPid != null && !oldPid.equals(h.get("pid"))) {
        throw new IOException("the Python on the other side was restarted: its state is gone");
      }
      hello = h;
    } catch (java.util.concurrent.ExecutionException e) {
      t.close();
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      t.close();
      throw new IOException("no answer from the Python REPL within " + helloTimeoutMs / 1000
          + " s" + detail(t));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      t.close();
      throw new IOException("interrupted while connecting");
    }
  }

  private static String detail(Transport t) {
    String w = t.lastWords();
    return w == null || w.isBlank() ? "" : " (" + w.strip() + ")";
  }

  private void read(Transport t) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(t.in(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          dispatch(Json.parseObject(line));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the link is gone: handled below like an end of stream
    }
    if (transport == t && !closed) {
      dropped(t);
    }
  }

  private void dispatch(Map<String, Object> ev) {
    String kind = String.valueOf(ev.get("ev"));
    switch (kind) {
      case "hello" -> helloWait.complete(ev);
      case "bridge_error" -> helloWait.completeExceptionally(
          new IOException(String.valueOf(ev.get("message"))));
      case "reply" -> {
        var f = replies.remove(((Number) ev.get("rid")).longValue());
        if (f != null) {
          f.complete(ev);
        }
      }
      default -> {
        long seq = ev.get("seq") instanceof Number n ? n.longValue() : 0;
        if (seq != 0 && seq <= lastSeq) {
          return; // replayed after a reconnect: already delivered
        }
        lastSeq = Math.max(lastSeq, seq);
        BlockingQueue<Map<String, Object>> q = cellEvents;
        if (q != null) {
          q.add(ev);
        } else if ("stream".equals(kind)) {
          System.err.print(ev.get("text")); // background-thread output between cells: kernel log
        }
      }
    }
  }

  private void dropped(Transport old) {
    String why = old.lastWords();
    old.close();
    if (connector.reconnects()) {
      long deadline = System.currentTimeMillis() + RECONNECT_WINDOW_MS;
      int attempt = 0;
      while (!closed && System.currentTimeMillis() < deadline) {
        try {
          Thread.sleep(Math.min(1000, 100L << Math.min(attempt++, 4)));
          open(5_000);
          return;
        } catch (IOException e) {
          why = e.getMessage();
          if (connector.hopeless()) {
            break;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    fail(connector.lost(why));
  }

  private void fail(String message) {
    lost = message;
    Map<String, Object> ev = Map.of("ev", "lost", "message", message);
    BlockingQueue<Map<String, Object>> q = cellEvents;
    if (q != null) {
      q.add(ev);
    }
    replies.values().forEach(f -> f.complete(ev));
    replies.clear();
  }

  /** Runs a cell; returns "ok" or "error". Output goes to {@code sink} as it arrives. */
  public String execute(String code, boolean silent, boolean allowStdin, CellSink sink)
      throws ReplLostException, InterruptedException {
    ensureUp();
    long id = ids.incrementAndGet();
    BlockingQueue<Map<String, Object>> q = new LinkedBlockingQueue<>();
    cellEvents = q;
    try {
      Map<String, Object> req = new LinkedHashMap<>();
      req.put("op", "execute");
      req.put("id", id);
      req.put("code", code);
      req.put("silent", silent);
      req.put("allow_stdin", allowStdin);
      send(req);
      while (true) {
        Map<String, Object> ev = q.take();
        switch (String.valueOf(ev.get("ev"))) {
          case "stream" -> sink.stream(String.valueOf(ev.get("name")), String.valueOf(ev.get("text")));
          case "display" -> sink.display(map(ev.get("data")));
          case "result" -> sink.result(map(ev.get("data")));
          case "error" -> sink.error(String.valueOf(ev.get("ename")), String.valueOf(ev.get("evalue")),
              strings(ev.get("traceback")));
          case "input_request" -> {
            String v = sink.input(String.valueOf(ev.get("prompt")), Boolean.TRUE.equals(ev.get("password")));
            send(Map.of("op", "input_reply", "value", v == null ? "" : v));
          }
          case "lost" -> throw new ReplLostException(String.valueOf(ev.get("message")));
          case "done" -> {
            if (ev.get("id") instanceof Number n && n.longValue() == id) {
              return String.valueOf(ev.get("status"));
            }
          }
          default -> { }
        }
      }
    } finally {
      cellEvents = null;
    }
  }

  /** A quick request answered by the REPL's reader thread (complete, inspect, is_complete). */
  public Map<String, Object> call(String op, Map<String, Object> args, long timeoutMs)
      throws ReplLostException {
    ensureUp();
    long rid = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
    replies.put(rid, f);
    Map<String, Object> req = new LinkedHashMap<>(args);
    req.put("op", op);
    req.put("rid", rid);
    send(req);
    try {
      Map<String, Object> r = f.get(timeoutMs, TimeUnit.MILLISECONDS);
      if ("lost".equals(r.get("ev"))) {
        throw new ReplLostException(String.valueOf(r.get("message")));
      }
      return r;
    } catch (java.util.concurrent.TimeoutException e) {
      replies.remove(rid);
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (java.util.concurrent.ExecutionException e) {
      return Map.of();
    }
  }

  /** SIGINT for the running cell (the REPL, or the bridge next to it, sends the signal). */
  public void interrupt() {
    try {
      send(Map.of("op", "interrupt"));
    } catch (ReplLostException ignored) {
      // nothing runs any more
    }
  }

  private void ensureUp() throws ReplLostException {
    if (lost != null) {
      throw new ReplLostException(lost);
    }
  }

  private void send(Map<String, Object> req) throws ReplLostException {
    ensureUp();
    Transport t = transport;
    try {
      write(t, req);
    } catch (IOException e) {
      // the reader sees the same drop and reconnects; a request written into a dead link is
      // written again once the link is back
      waitForLink(t);
      try {
        write(transport, req);
      } catch (IOException again) {
        throw new ReplLostException(lost != null ? lost : connector.lost(again.getMessage()));
      }
    }
  }

  private void waitForLink(Transport dead) throws ReplLostException {
    long deadline = System.currentTimeMillis() + RECONNECT_WINDOW_MS + 6_000;
    while (transport == dead && lost == null && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ensureUp();
  }

  private void write(Transport t, Map<String, Object> req) throws IOException {
    byte[] line = (Json.write(req) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (writeLock) {
      OutputStream o = t.out();
      o.write(line);
      o.flush();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> strings(Object o) {
    return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  /** Asks the REPL to exit (its job ends, the GPUs are free) and closes the link. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (lost == null) {
        write(transport, Map.of("op", "exit"));
      }
    } catch (IOException ignored) {
      // already gone
    }
    closed = true;
    transport.close();
  }
}
