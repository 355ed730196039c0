package dev.sky4j.jobs;

import dev.sky4j.paths.PrivateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A managed job's files on the server, {@code $SKY4J_HOME/jobs/<id>/}: {@code job.log} (the
 * job's output over every attempt, copied off each cluster while it runs, so it outlives them),
 * {@code controller.log} (what the controller did and why), and {@code secrets.json} (0600, the
 * task's secret values, needed to relaunch after a recovery; deleted when the job ends).
 */
final class JobFiles {
  private final Path root;

  JobFiles(Path sky4jHome) {
    this.root = sky4jHome.resolve("jobs");
  }

  Path dir(long id) {
    return root.resolve(Long.toString(id));
  }

  Path jobLog(long id) {
    return dir(id).resolve("job.log");
  }

  Path controllerLog(long id) {
    return dir(id).resolve("controller.log");
  }

  Path secrets(long id) {
    return dir(id).resolve("secrets.json");
  }

  void appendJobLog(long id, byte[] bytes) throws IOException {
    Files.createDirectories(dir(id));
    Files.write(jobLog(id), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  void writeSecrets(long id, String json) throws IOException {
    Files.createDirectories(dir(id));
    PrivateFile.write(secrets(id), json, "rw-------");
  }

  String readSecrets(long id) throws IOException {
    Path f = secrets(id);
    return Files.exists(f) ? Files.readString(f) : null;
  }

  void deleteSecrets(long id) {
    try {
      Files.deleteIfExists(secrets(id));
    } catch (IOException ignored) {
      // the job is over; a leftover 0600 file is retried at the next end
    }
  }
}
