package dev.sky4j.server;

import dev.sky4j.api.ApiServer;
import dev.sky4j.api.ApiToken;
import dev.sky4j.client.ApiTokenFile;
import dev.sky4j.api.JobRoutes;
import dev.sky4j.client.dto.Health;
import dev.sky4j.client.dto.ServerInfo;
import dev.sky4j.json.Json;
import dev.sky4j.engine.Providers;
import dev.sky4j.engine.SkyService;
import dev.sky4j.jobs.JobsConfig;
import dev.sky4j.jobs.ManagedJobs;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.state.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the API server: {@code java -cp sky4j-server.jar dev.sky4j.server.ServerMain [--host H]
 * [--port P] [--allow-host NAME]...}. Binds 127.0.0.1:46590 by default ({@code SKY4J_API_PORT} or
 * {@code --port} to change). Every route but {@code /health} needs the per-user token in {@code
 * server/token} (created on first start, 0600), on loopback too; {@code --allow-host} (or {@code
 * SKY4J_API_ALLOWED_HOSTS}, comma-separated) adds names the {@code Host} header may carry.
 */
public final class ServerMain {
  public static final int DEFAULT_PORT = 46590;

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = envInt("SKY4J_API_PORT", DEFAULT_PORT);
    List<String> allowedHosts = new ArrayList<>(csv(System.getenv("SKY4J_API_ALLOWED_HOSTS")));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--allow-host" -> allowedHosts.add(args[++i]);
        case "--help", "-h" -> {
          System.out.println("usage: ServerMain [--host 127.0.0.1] [--port 46590] [--allow-host NAME]...");
          return;
        }
        default -> {
          System.err.println("error: unknown flag " + args[i] + "; try --help");
          System.exit(2);
        }
      }
    }
    Sky4jPaths paths = Sky4jPaths.fromEnvironment();
    Path home = paths.sky4jHome();
    Path serverDir = home.resolve("server");
    Files.createDirectories(serverDir);
    Path logFile = serverDir.resolve("server.log");
    // slf4j-simple reads these once, on first use: set them before any logger exists
    System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.sshd", "warn");

    // before the port opens: a client that started this server finds the token once health answers
    ApiToken token = ApiToken.fromFile(ApiTokenFile.under(home));
    Database db = Database.open(home.resolve("state.db"));
    Providers providers = Wiring.providers(paths);
    SkyService sky = new SkyService(home, db, providers, Wiring.access(paths, providers));
    ManagedJobs managed = new ManagedJobs(sky.jobClusters(), db, home, JobsConfig.fromEnvironment());
    ApiServer api = new ApiServer(sky, Version.current(), token).allowHosts(allowedHosts)
        .with(new JobRoutes(managed)::register).start(host, port);
    String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + api.port();
    Path info = serverDir.resolve("server.json");
    writeAtomically(info, Json.write(new ServerInfo(url, ProcessHandle.current().pid(),
        Version.current(), Health.API_VERSION, System.currentTimeMillis(), logFile.toString())));
    Runnable shutdown = () -> {
      api.stop();
      managed.close();
      sky.close();
      db.close();
      try {
        // only remove the file if it is still ours (a newer server may have replaced it)
        if (Files.exists(info) && Files.readString(info).contains("\"pid\":" + ProcessHandle.current().pid())) {
          Files.delete(info);
        }
      } catch (IOException ignored) {
        // stale file: clients check the pid anyway
      }
    };
    sky.onShutdown(() -> {
      shutdown.run();
      System.exit(0);
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        api.stop();
      } catch (RuntimeException ignored) {
        // already stopping
      }
    }));
    System.out.println("sky4j API server " + Version.current() + " listening on " + url);
    System.out.flush();
    org.slf4j.LoggerFactory.getLogger(ServerMain.class).info("listening on {} (pid {})", url,
        ProcessHandle.current().pid());
  }

  private static List<String> csv(String v) {
    return v == null || v.isBlank() ? List.of()
        : java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  private static void writeAtomically(Path f, String text) throws IOException {
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int envInt(String name, int dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
  }
}
