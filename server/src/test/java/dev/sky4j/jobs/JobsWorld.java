package dev.sky4j.jobs;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.ManagedJobLaunch;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.engine.Providers;
import dev.sky4j.engine.SkyService;
import dev.sky4j.engine.SshClusterAccess;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.local.LocalProvider;
import dev.sky4j.state.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server's worth of real parts in one test JVM: SQLite state in a temp SKY4J_HOME, the local
 * cloud (node processes behind real SSH), the engine, and the managed-jobs service. {@link
 * #restart} drops the service objects without letting them write anything (as a killed server)
 * and builds new ones on the same state file and nodes. {@link #close} terminates every node.
 */
final class JobsWorld implements AutoCloseable {
  final Path root;
  final Sky4jPaths paths;
  final JobsConfig config;
  LocalProvider local;
  Database db;
  SkyService sky;
  ManagedJobs jobs;

  JobsWorld(String cloudConfig, JobsConfig config) throws Exception {
    this.root = Files.createTempDirectory("sky4j-jobs-");
    this.paths = Sky4jPaths.under(root);
    this.config = config;
    Files.createDirectories(paths.sky4jHome());
    Files.writeString(paths.localCloudConfig(), cloudConfig);
    open();
  }

  private void open() throws Exception {
    local = new LocalProvider(paths);
    db = Database.open(paths.sky4jHome().resolve("state.db"));
    sky = new SkyService(paths.sky4jHome(), db, new Providers(Catalog.get(), List.of(local)),
        new SshClusterAccess(paths));
    jobs = new ManagedJobs(sky.jobClusters(), db, paths.sky4jHome(), config);
  }

  /** In-process "kill -9 and start again": controllers stop mid-step, nothing is written. */
  void restart() throws Exception {
    jobs.close();
    sky.close();
    db.close();
    open();
  }

  ManagedJobRow launch(String name, String yaml, String strategy) {
    TaskInput in = new TaskInput(yaml, name + ".yaml", root.toString(), null, null, null, null);
    return jobs.launch(new ManagedJobLaunch(name, in, strategy), "tester");
  }

  ManagedJobRow await(long id, Predicate<ManagedJobRow> p, int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    ManagedJobRow r = jobs.get(id);
    while (!p.test(r)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("job " + id + " did not get there in " + seconds + " s; it is "
            + r + "\nevents: " + jobs.events(id) + "\ncontroller log:\n" + controllerLog(id));
      }
      Thread.sleep(50);
      r = jobs.get(id);
    }
    return r;
  }

  ManagedJobRow awaitStatus(long id, ManagedJobStatus s, int seconds) throws InterruptedException {
    return await(id, r -> r.status() == s, seconds);
  }

  String controllerLog(long id) {
    try {
      return Files.readString(jobs.controllerLogFile(id));
    } catch (IOException e) {
      return "(none)";
    }
  }

  String jobLog(long id) throws IOException {
    return Files.readString(jobs.jobLog(id));
  }

  String region(ManagedJobRow r) {
    return r.region();
  }

  @Override
  public void close() throws Exception {
    try {
      jobs.close();
      sky.close();
      for (String c : local.clusters()) {
        local.terminateInstances(c, false);
      }
      db.close();
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
