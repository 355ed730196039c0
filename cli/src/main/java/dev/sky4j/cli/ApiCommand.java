package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.cli.remote.ServerConnection;
import dev.sky4j.client.ApiException;
import dev.sky4j.client.ServerUnreachableException;
import dev.sky4j.client.SkyClient;
import dev.sky4j.client.dto.Health;
import dev.sky4j.client.dto.RequestInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky api start|stop|status|info|rotate-token|logs|cancel}: the API server (started on
 * demand anyway).
 */
@Command(name = "api", description = "Manage the API server (it starts by itself when needed).",
    subcommands = {ApiCommand.Start.class, ApiCommand.Stop.class, ApiCommand.Status.class,
        ApiInfoCommand.class, ApiRotateTokenCommand.class, ApiCommand.Logs.class,
        ApiCommand.Cancel.class})
public final class ApiCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code sky api start}. */
  @Command(name = "start", description = "Start the local API server (no-op if it runs).")
  public static final class Start implements Callable<Integer> {
    @Override
    public Integer call() {
      return Remote.run(Version.current(), c -> {
        Health h = c.health();
        System.out.println("API server " + h.version() + " is running at " + c.baseUrl()
            + " (pid " + h.pid() + "); logs: " + ServerConnection.home().resolve("server/server.log"));
        return 0;
      });
    }
  }

  /** {@code sky api stop}. */
  @Command(name = "stop", description = "Stop the local API server (clusters keep running).")
  public static final class Stop implements Callable<Integer> {
    @Override
    public Integer call() {
      SkyClient c = ServerConnection.client();
      try {
        Health h = c.health();
        ServerConnection.stop(c, h.pid());
        System.out.println("API server at " + c.baseUrl() + " stopped.");
        return 0;
      } catch (ServerUnreachableException e) {
        System.out.println("No API server is running at " + c.baseUrl() + ".");
        return 0;
      } catch (IOException | ApiException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code sky api status}: the server and its recent requests. */
  @Command(name = "status", description = "Show the server and its recent requests.")
  public static final class Status implements Callable<Integer> {
    @Option(names = {"-l", "--limit"}, paramLabel = "N", defaultValue = "20",
        description = "How many recent requests to list (default 20).") int limit;

    @Override
    public Integer call() {
      SkyClient c = ServerConnection.client();
      try {
        Health h = c.health();
        System.out.println("API server " + h.version() + " (API v" + h.apiVersion() + ") at "
            + c.baseUrl() + ", pid " + h.pid() + ", home " + h.home());
        List<RequestInfo> rs = c.get("/requests?limit=" + limit, StatusCommand.listOf(RequestInfo.class));
        Table t = new Table("ID", "NAME", "CLUSTER", "CREATED", "STATUS");
        for (RequestInfo r : rs) {
          t.row(r.id(), r.name(), r.cluster(), Times.ago(r.createdAt()), r.status());
        }
        System.out.print(t.render());
        return 0;
      } catch (ServerUnreachableException e) {
        System.out.println("No API server is running at " + c.baseUrl()
            + " (any sky command starts one; or sky api start).");
        return 1;
      } catch (IOException | ApiException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code sky api logs [REQUEST_ID]}: follow a request's log, or print the server log. */
  @Command(name = "logs", description = "Follow a request's log (the latest by default); "
      + "--server prints the server's own log.")
  public static final class Logs implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "REQUEST_ID",
        description = "The request (default: the latest); a unique prefix is enough.") String id;

    @Option(names = "--server", description = "Print the server log instead.") boolean server;

    @Override
    public Integer call() {
      if (server) {
        Path log = ServerConnection.home().resolve("server").resolve("server.log");
        try {
          System.out.print(Files.readString(log));
          return 0;
        } catch (IOException e) {
          System.err.println("error: no server log at " + log);
          return 1;
        }
      }
      return Remote.run(Version.current(), c -> {
        String rid = id;
        if (rid == null) {
          List<RequestInfo> rs = c.get("/requests?limit=1", StatusCommand.listOf(RequestInfo.class));
          if (rs.isEmpty()) {
            System.err.println("No requests yet.");
            return 1;
          }
          rid = rs.get(0).id();
        }
        return Remote.outcome(Remote.follow(c, rid, "sky api logs " + rid));
      });
    }
  }

  /** {@code sky api cancel REQUEST_ID}. */
  @Command(name = "cancel", description = "Cancel a request.")
  public static final class Cancel implements Callable<Integer> {
    @Parameters(paramLabel = "REQUEST_ID",
        description = "The request (sky api status lists them).") String id;

    @Override
    public Integer call() {
      return Remote.run(Version.current(), c -> {
        c.cancelRequest(id);
        System.out.println("Cancelled " + id + ".");
        return 0;
      });
    }
  }
}
