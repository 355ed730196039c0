package dev.sky4j.server;

import dev.sky4j.api.ApiServer;
import dev.sky4j.api.JobRoutes;
import dev.sky4j.client.dto.Health;
import dev.sky4j.client.dto.ServerInfo;
import dev.sky4j.json.Json;
import dev.sky4j.engine.SkyService;
import dev.sky4j.jobs.JobsConfig;
import dev.sky4j.jobs.ManagedJobs;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.state.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Starts the API server: {@code java -cp sky4j-server.jar dev.sky4j.server.ServerMain [--host H]
 * [--port P]}. Binds 127.0.0.1:46590 by default ({@code SKY4J_API_PORT} or {@code --port} to
 * change); on any other address a token is required ({@code SKY4J_API_TOKEN}, or a generated one
 * in {@code server/token}, mode 0600).
 */
public final class ServerMain {
  public static final int DEFAULT_PORT = 46590;

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = envInt("SKY4J_API_PORT", DEFAULT_PORT);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--help", "-h" -> {
          System.out.println("usage: ServerMain [--host 127.0.0.1] [--port 46590]");
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

    String token = InetAddress.getByName(host).isLoopbackAddress() ? null : token(serverDir);
    Database db = Database.open(home.resolve("state.db"));
    SkyService sky = new SkyService(home, db, Wiring.providers(paths), Wiring.access(paths));
    ManagedJobs managed = new ManagedJobs(sky.jobClusters(), db, home, JobsConfig.fromEnvironment());
    ApiServer api = new ApiServer(sky, Version.current(), token)
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

  private static String token(Path serverDir) throws IOException {
    String env = System.getenv("SKY4J_API_TOKEN");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    Path f = serverDir.resolve("token");
    if (Files.exists(f)) {
      return Files.readString(f).trim();
    }
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    String t = "sky4j_" + HexFormat.of().formatHex(b);
    Files.writeString(f, t);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return t;
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
