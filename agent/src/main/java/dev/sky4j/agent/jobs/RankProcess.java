package dev.sky4j.agent.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One phase (setup or run) of one job on this node: {@code /bin/sh -c SCRIPT} in its own session,
 * stdout and stderr appended straight to a log file by the OS (the agent is not in the data path).
 */
public final class RankProcess {
  private final Process process;
  private final Path log;
  private volatile boolean killed;

  private RankProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static RankProcess start(String script, Map<String, String> env, Path cwd, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> argv = new ArrayList<>(ProcessTree.newSessionPrefix());
    argv.addAll(List.of("/bin/sh", "-c", script));
    ProcessBuilder pb = new ProcessBuilder(argv)
        .directory(cwd.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    return new RankProcess(pb.start(), log);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  public boolean waitFor(long millis) throws InterruptedException {
    return process.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  public boolean killed() {
    return killed;
  }

  /** Kills the whole tree; the exit code then reads as a signal death (137/143). */
  public void kill() {
    killed = true;
    ProcessTree.kill(process.toHandle(), true);
  }
}
