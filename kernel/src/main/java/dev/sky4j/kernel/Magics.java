package dev.sky4j.kernel;

import dev.sky4j.kernel.cluster.AttachException;
import dev.sky4j.kernel.cluster.ClusterInfo;
import dev.sky4j.kernel.magic.Cell;
import dev.sky4j.spec.LoadResult;
import dev.sky4j.spec.TaskLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code %sky} magics. Each verb is the CLI's own command, run as {@code sky VERB ARGS}, so
 * flags, help and errors are the CLI's; the kernel adds what only it knows: launch and start
 * attach afterwards, stop and down detach first, attach and detach move the cells.
 */
final class Magics {
  /** Magic verbs whose CLI command has another name. */
  private static final Map<String, String> CLI_NAMES = Map.of("gpus", "show-gpus", "cost", "cost-report");

  private static final Pattern GUTTER = Pattern.compile("(?m)^( *)(\\d+) \\|");

  private final Session session;

  Magics(Session session) {
    this.session = session;
  }

  /** Runs one {@code %sky} line; false when it failed (its output says why). */
  boolean line(Cell.SkyLine m, NotebookSink sink) throws InterruptedException {
    List<String> args = m.args();
    if (args.isEmpty() || args.get(0).equals("help")) {
      return cli(List.of("--help"), sink, UnaryOperator.identity());
    }
    String verb = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (verb) {
      case "attach" -> {
        List<String> names = new ArrayList<>();
        Map<String, String> envs = new LinkedHashMap<>();
        for (int i = 0; i < rest.size(); i++) {
          String a = rest.get(i);
          if (a.equals("--env") && i + 1 < rest.size() && rest.get(i + 1).contains("=")) {
            String kv = rest.get(++i);
            envs.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          } else {
            names.add(a);
          }
        }
        if (names.size() != 1 || names.get(0).startsWith("-")) {
          return failed(sink, "usage: %sky attach CLUSTER [--env KEY=VALUE ...] (cells then run on "
              + "its head node)");
        }
        if (!envs.isEmpty()) {
          session.setTaskEnvs(envs);
        }
        return attach(names.get(0), sink);
      }
      case "detach" -> {
        if (session.attachedCluster() == null) {
          sink.out("Not attached; cells run locally.\n");
        }
        session.detach(sink::out);
        return true;
      }
      case "launch" -> {
        detachIfRelaunched(rest, sink);
        if (!cli(args, sink, UnaryOperator.identity())) {
          return false;
        }
        taskFile(rest).ifPresent(f -> session.setTaskEnvs(envsOf(f)));
        return attachAfterLaunch(rest, sink);
      }
      case "start" -> {
        if (!cli(args, sink, UnaryOperator.identity())) {
          return false;
        }
        String again = session.attachedCluster();
        return again == null || !rest.contains(again) || attach(again, sink);
      }
      case "stop", "down" -> {
        String attached = session.attachedCluster();
        if (attached != null && (rest.contains(attached) || rest.contains("-a") || rest.contains("--all"))) {
          session.detach(sink::out);
        }
        return cli(args, sink, UnaryOperator.identity());
      }
      default -> {
        String attached = session.attachedCluster();
        if (verb.equals("exec") && attached != null && rest.contains(attached)) {
          sink.stream("stderr", "note: this kernel's Python runs as a job on " + attached
              + " and holds its GPUs; a job that needs them waits until %sky detach\n");
        }
        List<String> cliArgs = new ArrayList<>(args);
        cliArgs.set(0, CLI_NAMES.getOrDefault(verb, verb));
        return cli(cliArgs, sink, UnaryOperator.identity());
      }
    }
  }

  /** {@code %%sky launch [-c NAME] [flags]} with task YAML as the cell's body. */
  boolean block(Cell.SkyBlock m, NotebookSink sink) throws InterruptedException {
    Path yaml;
    try {
      yaml = Files.createTempFile(Path.of("").toAbsolutePath(), ".sky4j-cell-", ".yaml");
      Files.writeString(yaml, m.yaml());
    } catch (IOException e) {
      return failed(sink, "cannot write the cell's task YAML next to the notebook: " + e.getMessage());
    }
    try {
      detachIfRelaunched(m.args().subList(1, m.args().size()), sink);
      List<String> args = new ArrayList<>(m.args());
      args.add(yaml.toString());
      // diagnostics name the temporary file: point them at the cell's own lines instead
      Pattern where = Pattern.compile("(?:" + Pattern.quote(yaml.toString()) + "|"
          + Pattern.quote(yaml.getFileName().toString()) + "):(\\d+)(?::(\\d+))?");
      UnaryOperator<String> toCell = text -> {
        Matcher mm = where.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (mm.find()) {
          int line = Integer.parseInt(mm.group(1)) + m.bodyLine() - 1;
          mm.appendReplacement(sb, Matcher.quoteReplacement("cell line " + line
              + (mm.group(2) == null ? "" : ", column " + mm.group(2))));
        }
        mm.appendTail(sb);
        // and the line numbers in the gutter of the quoted snippet
        Matcher g = GUTTER.matcher(sb.toString().replace(yaml.toString(), "this cell"));
        StringBuilder out = new StringBuilder();
        while (g.find()) {
          g.appendReplacement(out, Matcher.quoteReplacement(g.group(1)
              + (Integer.parseInt(g.group(2)) + m.bodyLine() - 1) + " |"));
        }
        g.appendTail(out);
        return out.toString();
      };
      if (!cli(args, sink, toCell)) {
        return false;
      }
      session.setTaskEnvs(envsOf(yaml));
      return attachAfterLaunch(m.args().subList(1, m.args().size()), sink);
    } finally {
      try {
        Files.deleteIfExists(yaml);
      } catch (IOException ignored) {
        // a leftover hidden file is harmless
      }
    }
  }

  /** A launch onto the attached cluster would queue its run behind the kernel's Python job. */
  private void detachIfRelaunched(List<String> launchArgs, NotebookSink sink) {
    String attached = session.attachedCluster();
    if (attached != null && attached.equals(option(launchArgs, "-c", "--cluster"))) {
      session.detach(sink::out);
    }
  }

  private boolean attachAfterLaunch(List<String> launchArgs, NotebookSink sink) {
    String name = option(launchArgs, "-c", "--cluster");
    if (name == null) {
      try {
        name = session.clusters().newest().map(ClusterInfo::name).orElse(null);
      } catch (Exception e) {
        return failed(sink, "launched, but cannot tell which cluster to attach: " + e.getMessage()
            + "; run %sky attach CLUSTER");
      }
    }
    return name == null ? failed(sink, "launched, but found no cluster to attach; %sky status")
        : attach(name, sink);
  }

  private boolean attach(String cluster, NotebookSink sink) {
    try {
      session.attach(cluster, sink::out);
      return true;
    } catch (AttachException e) {
      return failed(sink, e.getMessage());
    }
  }

  private boolean cli(List<String> args, NotebookSink sink, UnaryOperator<String> rewrite)
      throws InterruptedException {
    try {
      int code = session.cli().run(args, sink::stream, rewrite);
      if (code != 0) {
        sink.fail("SkyCommandFailed", "sky " + String.join(" ", args) + " exited with code " + code
            + " (its output above says why)");
        return false;
      }
      return true;
    } catch (IOException e) {
      return failed(sink, e.getMessage());
    }
  }

  private static boolean failed(NotebookSink sink, String message) {
    sink.fail("SkyMagicError", message);
    return false;
  }

  private static String option(List<String> args, String shortName, String longName) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals(shortName) || a.equals(longName)) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (a.startsWith(longName + "=")) {
        return a.substring(longName.length() + 1);
      }
    }
    return null;
  }

  private static Optional<Path> taskFile(List<String> args) {
    return args.stream().filter(a -> a.endsWith(".yaml") || a.endsWith(".yml")).map(Path::of)
        .filter(Files::isRegularFile).findFirst();
  }

  /** The task's envs, for the kernel's Python job (as the task's own run would see them). */
  private static Map<String, String> envsOf(Path yaml) {
    try {
      LoadResult r = TaskLoader.load(yaml);
      if (r.hasErrors() || r.tasks().isEmpty()) {
        return Map.of();
      }
      Map<String, String> envs = new LinkedHashMap<>();
      r.task().envs().forEach((k, v) -> {
        if (v != null) {
          envs.put(k, v);
        }
      });
      return envs;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }
}
