package dev.sky4j.cli;

import dev.sky4j.cli.remote.ServerConnection;
import dev.sky4j.client.ApiException;
import dev.sky4j.client.ApiTokenFile;
import dev.sky4j.client.ServerUnreachableException;
import dev.sky4j.client.SkyClient;
import dev.sky4j.client.dto.Health;
import dev.sky4j.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sky api info}: where the API server is, whether it runs, and where its token lives (so
 * other clients can read it). Starts nothing, and prints the token only when asked.
 */
@Command(name = "info", description = "Show the API server's URL, whether it runs, and where "
    + "its token file is (the token itself only with --show-token).")
public final class ApiInfoCommand implements Callable<Integer> {
  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
  String output;

  @Option(names = "--show-token", description = "Also print the token (keep it secret: it "
      + "lets anyone who has it drive sky4j as you).")
  boolean showToken;

  @Override
  public Integer call() {
    SkyClient c = ServerConnection.client();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("url", c.baseUrl());
    try {
      Health h = c.health();
      info.put("status", "running");
      info.put("version", h.version());
      info.put("pid", h.pid());
      info.put("tokenAccepted", accepted(c));
    } catch (ServerUnreachableException e) {
      info.put("status", "not running");
    } catch (IOException | ApiException e) {
      info.put("status", "error: " + e.getMessage());
    }
    Path file = ServerConnection.tokenFile();
    info.put("tokenSource", ServerConnection.tokenFromEnvironment() ? "SKY4J_API_TOKEN" : "file");
    info.put("tokenFile", file.toString());
    info.put("tokenFileMode", mode(file));
    String error = null;
    if (showToken) {
      try {
        info.put("token", ServerConnection.tokenFromEnvironment()
            ? System.getenv("SKY4J_API_TOKEN").trim() : ApiTokenFile.read(file));
      } catch (IOException e) {
        error = e.getMessage();
      }
    }
    if ("json".equalsIgnoreCase(output)) {
      System.out.println(Json.writePretty(info));
    } else {
      print(info);
    }
    if (error != null) {
      System.err.println("error: " + error);
      return 1;
    }
    return 0;
  }

  private static void print(Map<String, Object> info) {
    String status = (String) info.get("status");
    if ("running".equals(status)) {
      status += " (version " + info.get("version") + ", pid " + info.get("pid") + ")";
      Object ok = info.get("tokenAccepted");
      status += Boolean.TRUE.equals(ok) ? "; it accepts this CLI's token"
          : Boolean.FALSE.equals(ok) ? "; it REFUSES this CLI's token" : "";
    } else if ("not running".equals(status)) {
      status += " (any sky command starts it; or sky api start)";
    }
    System.out.println("API server:  " + info.get("url"));
    System.out.println("Status:      " + status);
    Object mode = info.get("tokenFileMode");
    System.out.println("Token file:  " + info.get("tokenFile") + (mode == null
        ? " (not created yet: the server creates it on its first start)" : " (" + mode + ")"));
    if ("SKY4J_API_TOKEN".equals(info.get("tokenSource"))) {
      System.out.println("Token used:  SKY4J_API_TOKEN (set in this environment)");
    }
    System.out.println("Clients send 'Authorization: Bearer <token>' with the file's content; "
        + "sky api rotate-token renews it.");
    if (info.containsKey("token")) {
      System.out.println("Token:       " + info.get("token"));
    }
  }

  /** Whether an authenticated call goes through; null when it cannot tell. */
  private static Boolean accepted(SkyClient c) {
    try {
      c.get("/requests?limit=1", Object.class);
      return true;
    } catch (ApiException e) {
      return e.problem().status() == 401 ? false : null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String mode(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }
}
