package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.CatalogException;
import dev.sky4j.cli.remote.TaskOptions;
import dev.sky4j.spec.Task;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sky launch TASK.yaml}. Only {@code --dryrun} exists so far: load and validate the task,
 * apply the resource flags, and show the plans ({@link DryRun}).
 */
@Command(name = "launch", description = "Launch a task on the cheapest resources that fit "
    + "(so far only --dryrun: show the plan without launching).")
public final class LaunchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "TASK.yaml|COMMAND",
      description = "The task file, or a command to run (after --).")
  List<String> entrypoint;

  Path file;

  @picocli.CommandLine.Mixin LaunchFlags launchFlags;

  @picocli.CommandLine.Mixin TaskOptions task;

  @Option(names = "--dryrun", description = "Show the plan; launch nothing.")
  boolean dryrun;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default) or json.")
  String output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    boolean json = output.equalsIgnoreCase("json");
    if (!json && !output.equalsIgnoreCase("table")) {
      err.println("error: --output must be 'table' or 'json', not '" + output + "'");
      return 2;
    }
    if (!dryrun) {
      return LaunchRunner.run(entrypoint, task, launchFlags.flags());
    }
    if (entrypoint == null || entrypoint.size() != 1) {
      err.println("error: --dryrun needs one task file: sky launch --dryrun task.yaml");
      return 2;
    }
    file = Path.of(entrypoint.get(0));
    if (!Files.isRegularFile(file)) {
      err.println(TaskSubmit.noSuchFile(file, LaunchRunner.USAGE));
      return 2;
    }
    Integer numNodes = task.numNodes();
    if (numNodes != null && numNodes < 1) {
      err.println("error: --num-nodes must be at least 1, not " + numNodes);
      return 2;
    }
    Catalog catalog;
    try {
      catalog = Catalog.get();
    } catch (CatalogException e) {
      err.println("error: the catalog cannot be read: " + e.getMessage());
      return 1;
    }
    TaskFiles.Loaded loaded = TaskFiles.load(file, catalog, err);
    if (loaded == null) {
      return 1;
    }
    ResourceOverrides flags = new ResourceOverrides(task.gpus(), task.useSpot(), task.infra(),
        task.cpus(), task.memory(), task.instanceType());
    DryRun dry = new DryRun(catalog);
    List<DryRun.Outcome> outcomes = new ArrayList<>();
    try {
      for (Task t : loaded.tasks()) {
        int nodes = numNodes != null ? numNodes : t.numNodes();
        outcomes.add(dry.plan(t.name(), flags.apply(t.resources(), catalog), nodes));
      }
    } catch (ResourceOverrides.BadFlag e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    boolean ok = outcomes.stream().noneMatch(o -> o.result().isEmpty());
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("catalog", Output.catalog(catalog));
      doc.put("pipeline", loaded.pipelineName());
      doc.put("tasks", outcomes.stream().map(dry::json).toList());
      Output.json(out, doc);
      return ok ? 0 : 1;
    }
    for (int i = 0; i < outcomes.size(); i++) {
      if (i > 0) {
        out.println();
      }
      ok &= dry.print(outcomes.get(i), out, err);
    }
    return ok ? 0 : 1;
  }
}
