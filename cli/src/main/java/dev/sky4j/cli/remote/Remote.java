package dev.sky4j.cli.remote;

import dev.sky4j.client.ApiException;
import dev.sky4j.client.SkyClient;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.StreamEnd;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a CLI command against the server: turns problems into short messages (never a stack
 * trace) and follows a request's log (a spinner on the current stage on a terminal, see
 * {@link Progress}), detaching on Ctrl-C with a hint how to reattach.
 */
public final class Remote {
  private Remote() {}

  /** A command body that talks to the server. */
  @FunctionalInterface
  public interface Body {
    int run(SkyClient c) throws IOException, ApiException, InterruptedException;
  }

  public static int run(String cliVersion, Body body) {
    try {
      return body.run(ServerConnection.ensure(cliVersion));
    } catch (ApiException e) {
      printProblem(e.problem(), System.err);
      return 1;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  public static void printProblem(Problem p, PrintStream err) {
    if (p.diagnosticsText() != null && !p.diagnosticsText().isBlank()) {
      err.print(p.diagnosticsText());
    }
    err.println("error: " + p.message() + (p.code() == null ? "" : " [" + p.code() + "]"));
  }

  /**
   * Prints a request's log as it grows and returns its final state. Ctrl-C leaves the request
   * running and prints {@code detachHint}.
   */
  public static RequestInfo follow(SkyClient c, String requestId, String detachHint)
      throws IOException, ApiException, InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    Thread hook = new Thread(() -> {
      if (!done.get()) {
        System.out.flush();
        System.err.println();
        System.err.println("Detached; it keeps running on the server. " + detachHint);
        System.err.flush();
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    try (Progress progress = Progress.forStdout()) {
      StreamEnd end = c.followRequestLogs(requestId, 0, progress);
      RequestInfo info = c.request(requestId);
      if (!info.finished() && end != null) {
        info = c.waitFor(requestId);
      }
      return info;
    } finally {
      done.set(true);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
  }

  /** Exit code for a finished request, printing its problem when it failed. */
  public static int outcome(RequestInfo r) {
    if ("SUCCEEDED".equals(r.status())) {
      return 0;
    }
    if (r.error() != null) {
      printProblem(r.error(), System.err);
    } else {
      System.err.println("error: request " + r.id() + " ended " + r.status());
    }
    return "CANCELLED".equals(r.status()) ? 130 : 1;
  }
}
