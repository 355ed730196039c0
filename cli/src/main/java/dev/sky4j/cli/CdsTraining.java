package dev.sky4j.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a user command: {@code ./sky} runs this once after a build, under
 * {@code -XX:ArchiveClassesAtExit}, so the class-data archive holds the classes of the common
 * commands (validate, show-gpus, and the client side of status/exec/logs/dry run) and each later
 * start maps them instead of loading and verifying them. Output is discarded.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(sink);
    System.setErr(sink);
    try {
      Main.run("--help");
      Main.run("--version");
      Path example = root.resolve("examples/dev-gpu.yaml");
      if (Files.exists(example)) {
        Main.run("validate", example.toString());
        Main.run("validate", "-o", "json", example.toString());
      }
      Main.run("show-gpus");
      Main.run("show-gpus", "H100");
      // The remote commands need a server to run; loading their classes is what the archive needs.
      for (String name : new String[] {
          "dev.sky4j.cli.StatusCommand", "dev.sky4j.cli.ExecCommand", "dev.sky4j.cli.LogsCommand",
          "dev.sky4j.cli.QueueCommand", "dev.sky4j.cli.remote.Remote",
          "dev.sky4j.cli.remote.ServerConnection", "dev.sky4j.cli.remote.Progress",
          "dev.sky4j.client.SkyClient", "dev.sky4j.json.Json",
          "dev.sky4j.json.RecordBinder", "dev.sky4j.json.JsonParser",
          "dev.sky4j.json.JsonWriter", "dev.sky4j.client.BuildId",
          "dev.sky4j.client.dto.ClusterRecord", "dev.sky4j.client.dto.Health",
          "dev.sky4j.client.dto.RequestInfo", "dev.sky4j.client.dto.JobRecord",
          // the dry run asks the server (it must never be started from here)
          "dev.sky4j.cli.DryRun", "dev.sky4j.cli.LaunchCommand", "dev.sky4j.cli.TaskSubmit",
          "dev.sky4j.client.dto.OptimizeResponse", "dev.sky4j.client.dto.PlanDto",
          "sun.net.www.protocol.http.HttpURLConnection", "java.net.Socket"}) {
        try {
          Class.forName(name);
        } catch (ClassNotFoundException ignored) {
          // a renamed class only makes the archive a little less complete
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
