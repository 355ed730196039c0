package dev.sky4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The help texts a newcomer reads: no stale words, every argument and value explained. */
class HelpWordsTest {
  private static List<CommandSpec> everyCommand() {
    List<CommandSpec> out = new ArrayList<>();
    for (Class<?> c : Main.COMMANDS) {
      collect(new CommandLine(c), out);
    }
    return out;
  }

  private static void collect(CommandLine cl, List<CommandSpec> out) {
    out.add(cl.getCommandSpec());
    cl.getSubcommands().values().forEach(sub -> collect(sub, out));
  }

  @Test
  void launchSaysItLaunches() {
    InProcessSky.Run r = InProcessSky.sky("launch", "--help");
    assertThat(r.out()).doesNotContain("so far only").contains("set it up and run the task")
        .contains("--dryrun").contains("the server would launch on");
  }

  @Test
  void everyArgumentHasADescriptionAndEveryValueAName() {
    List<String> bad = new ArrayList<>();
    for (CommandSpec spec : everyCommand()) {
      String cmd = spec.qualifiedName(" ");
      spec.positionalParameters().forEach(p -> {
        if (String.join("", p.description()).isBlank()) {
          bad.add(cmd + " " + p.paramLabel() + ": no description");
        }
      });
      spec.options().forEach(o -> {
        if (o.typeInfo().isBoolean()) {
          return;
        }
        if (o.paramLabel().startsWith("<")) {
          bad.add(cmd + " " + o.longestName() + ": value named " + o.paramLabel());
        }
        if (String.join("", o.description()).isBlank()) {
          bad.add(cmd + " " + o.longestName() + ": no description");
        }
      });
      if (String.join(" ", spec.usageMessage().description()).isBlank()) {
        bad.add(cmd + ": no description");
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void theCatalogAndJobsLogsByNameAreThere() {
    assertThat(InProcessSky.sky("catalog", "refresh", "--help").out())
        .contains("--from=URL|DIR").contains("skypilot-catalog/master/catalogs/v8");
    assertThat(InProcessSky.sky("jobs", "logs", "--help").out()).contains("-n, --name=NAME")
        .contains("[JOB_ID]");
  }
}
