package dev.sky4j.agent.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The job processes running on this node, keyed {@code <jobId>-<phase>}. Maps the head's GPU slot
 * indices to this node's own device ids ({@code CUDA_VISIBLE_DEVICES}), and keeps
 * {@code running.pgids} current so that a provider killing the node "as a cloud would" can also
 * kill job trees that outlive the node process.
 */
public final class RankRegistry {
  private final Path home;
  private final Path logsDir;
  private final Path pgidsFile;
  private final List<String> gpuDevices;
  private final Map<String, RankProcess> ranks = new ConcurrentHashMap<>();

  public RankRegistry(Path home, Path agentDir, List<String> gpuDevices) {
    this.home = home;
    this.logsDir = home.resolve("sky_logs");
    this.pgidsFile = agentDir.resolve("running.pgids");
    this.gpuDevices = List.copyOf(gpuDevices);
  }

  public static String key(long jobId, String phase) {
    return jobId + "-" + phase;
  }

  public RankProcess start(
      long jobId, String phase, int rank, String script, Map<String, String> env, int[] gpuSlots,
      String workdir) throws IOException {
    Map<String, String> full = new LinkedHashMap<>(env);
    full.put("HOME", home.toString());
    if (gpuSlots.length > 0) {
      StringBuilder devices = new StringBuilder();
      for (int s : gpuSlots) {
        devices.append(devices.length() == 0 ? "" : ",").append(gpuDevices.get(s));
      }
      full.put("CUDA_VISIBLE_DEVICES", devices.toString());
    }
    Path cwd = home;
    if (workdir != null && !workdir.isBlank()) {
      Path w = home.resolve(workdir).normalize();
      if (Files.isDirectory(w)) {
        cwd = w;
      }
    }
    Path log = logsDir.resolve(Long.toString(jobId)).resolve(phase + "-rank" + rank + ".log");
    RankProcess p = RankProcess.start(script, full, cwd, log);
    ranks.put(key(jobId, phase), p);
    savePgids();
    Thread reaper = new Thread(() -> {
      try {
        p.waitFor();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      savePgids();
    }, "reap-" + jobId);
    reaper.setDaemon(true);
    reaper.start();
    return p;
  }

  public RankProcess get(String key) {
    return ranks.get(key);
  }

  /** Kills everything still running (node shutdown). */
  public void killAll() {
    ranks.values().stream().filter(RankProcess::isAlive).forEach(RankProcess::kill);
  }

  private synchronized void savePgids() {
    String ids = ranks.values().stream()
        .filter(RankProcess::isAlive)
        .map(p -> Long.toString(p.pid()))
        .collect(Collectors.joining("\n"));
    try {
      Files.writeString(pgidsFile, ids);
    } catch (IOException ignored) {
      // best effort: the file only helps a hard kill of the node clean up
    }
  }
}
