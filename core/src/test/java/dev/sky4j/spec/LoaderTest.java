package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.schema.FieldModel;
import dev.sky4j.spec.schema.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Task model built from valid files: expansion, defaults, conversions. */
class LoaderTest {
  private static Task load(String yaml) {
    LoadResult r = TaskLoader.load(yaml, "t.yaml", Catalog.get());
    assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    return r.task();
  }

  @Test
  void anyOfItemsOverrideOuterDefaultsAndMergeLabels() {
    Task t = load("""
        resources:
          use_spot: true
          labels: {team: ml, env: dev}
          any_of:
            - accelerators: A100:8
            - accelerators: h100:8
              infra: aws/us-east-1
              labels: {env: prod}
        run: x
        """);
    ResourceChoices c = t.resources();
    assertThat(c.ordered()).isFalse();
    assertThat(c.candidates()).hasSize(2);
    Resources h100 = c.candidates().get(1);
    assertThat(h100.accelerator().name()).isEqualTo("H100"); // canonical case from the catalog
    assertThat(h100.cloud()).isEqualTo("aws");
    assertThat(h100.region()).isEqualTo("us-east-1");
    assertThat(h100.useSpot()).isTrue();
    assertThat(h100.labels()).containsEntry("team", "ml").containsEntry("env", "prod");
    assertThat(c.candidates().get(0).labels()).containsEntry("env", "dev");
  }

  @Test
  void acceleratorListIsOrderedAndDictIsASet() {
    assertThat(load("resources:\n  accelerators: [L4, A100:2]\nrun: x").resources().ordered()).isTrue();
    ResourceChoices set = load("resources:\n  accelerators: {A100: 1, V100: 2}\nrun: x").resources();
    assertThat(set.ordered()).isFalse();
    assertThat(set.candidates()).extracting(r -> r.accelerator().toString()).containsExactly("A100:1", "V100:2");
  }

  @Test
  void memoryFormsParse() {
    AcceleratorRequest a = load("resources:\n  accelerators: nvidia:80GB:2\nrun: x").resources().first().accelerator();
    assertThat(a.isMemoryForm()).isTrue();
    assertThat(a.memoryGib()).isEqualTo(80.0);
    assertThat(a.count()).isEqualTo(2.0);
    assertThat(a.vendor()).isEqualTo("nvidia");
    assertThat(load("resources:\n  accelerators: 80GB+\nrun: x").resources().first().accelerator().memoryOrMore()).isTrue();
  }

  @Test
  void autostopForms() {
    assertThat(load("resources:\n  autostop: true\nrun: x").resources().first().autostop())
        .isEqualTo(new Autostop(true, 0, false, WaitFor.JOBS_AND_SSH));
    assertThat(load("resources:\n  autostop: false\nrun: x").resources().first().autostop()).isEqualTo(Autostop.DISABLED);
    assertThat(load("resources:\n  autostop: 30\nrun: x").resources().first().autostop().idleMinutes()).isEqualTo(30);
    assertThat(load("resources:\n  autostop: 10h\nrun: x").resources().first().autostop().idleMinutes()).isEqualTo(600);
    assertThat(load("resources:\n  autostop: {idle_minutes: 5, down: true, wait_for: JOBS}\nrun: x").resources().first().autostop())
        .isEqualTo(new Autostop(true, 5, true, WaitFor.JOBS));
  }

  @Test
  void amountsUseBinaryUnits() {
    Resources r = load("resources:\n  cpus: 8+\n  memory: 512MB+\n  disk_size: 1TB\nrun: x").resources().first();
    assertThat(r.cpus()).isEqualTo(Amount.atLeast(8));
    assertThat(r.memory()).isEqualTo(Amount.atLeast(0.5));
    assertThat(r.diskSizeGb()).isEqualTo(1024);
    assertThat(load("resources:\n  memory: 4x\nrun: x").resources().first().memory().perCpu()).isTrue();
  }

  @Test
  void spotRecoveryStillWorksAsJobRecovery() {
    LoadResult r = TaskLoader.load("resources:\n  spot_recovery: failover\nrun: x", "t.yaml", null);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("deprecated-field");
    assertThat(r.task().resources().first().jobRecovery().strategy()).isEqualTo("FAILOVER");
  }

  @Test
  void jobRecoveryDict() {
    JobRecovery j = load("resources:\n  job_recovery: {strategy: none, max_restarts_on_errors: 3, recover_on_exit_codes: [33, 34]}\nrun: x")
        .resources().first().jobRecovery();
    assertThat(j).isEqualTo(new JobRecovery(null, 3, List.of(33, 34)));
  }

  @Test
  void envsAreCoercedLikePythonStr() {
    Task t = load("envs:\n  A: 3\n  B: yes\n  C: \"x\"\n  D:\nrun: x");
    assertThat(t.envs()).containsEntry("A", "3").containsEntry("B", "True").containsEntry("C", "x").containsEntry("D", null);
  }

  @Test
  void fileMountsStorageAndHooksAndExtra() {
    Task t = load("""
        workdir: {url: https://github.com/x/y, ref: main}
        file_mounts:
          /ckpt: {name: b, mode: copy}
          ~/d: ./d
        config:
          hooks: [{run: echo bye, events: [down]}]
          docker: {run_options: [--ipc=host]}
        service: {readiness_probe: /health, replicas: 2}
        resources:
          local_disk: nvme:100GB
        run: x
        """);
    assertThat(t.workdir()).isEqualTo("https://github.com/x/y");
    assertThat(t.workdirGitRef()).isEqualTo("main");
    assertThat(t.fileMounts()).containsExactly(
        new FileMount.Storage("/ckpt", "b", List.of(), null, "COPY", true), new FileMount.Copy("~/d", "./d"));
    assertThat(t.hooks()).containsExactly(new Hook("echo bye", List.of("down"), 3600));
    assertThat(t.extra()).containsKeys("service", "config", "resources.local_disk");
  }

  @Test
  void pipelineNameAndTasks() {
    LoadResult r = TaskLoader.load("name: pipe\n---\nname: a\nrun: x\n---\nname: b\nrun: y\n", "p.yaml", null);
    assertThat(r.pipelineName()).isEqualTo("pipe");
    assertThat(r.tasks()).extracting(Task::name).containsExactly("a", "b");
  }

  @Test
  void localCloudIsAcceptedAndNotCatalogChecked() {
    Resources r = load("resources:\n  infra: local/zone-a\n  accelerators: H100:3\nrun: x").resources().first();
    assertThat(r.cloud()).isEqualTo("local");
    assertThat(r.region()).isEqualTo("zone-a");
  }

  @Test
  void nonAsciiTextKeepsColumnsInCodePoints() {
    // 'é' and the emoji (two UTF-16 units) before the bad key must count as one column each
    LoadResult r = TaskLoader.load("name: café\nrun: echo 🎉\nenvs: {Ü: 1, \"🎉X\": 2}\n", "u.yaml", null);
    List<Diagnostic> bad = r.diagnostics().stream().filter(d -> d.code().equals("invalid-env-name")).toList();
    assertThat(bad).hasSize(2);
    assertThat(bad.get(0).range().startColumn()).isEqualTo(8);
    assertThat(bad.get(1).range().startColumn()).isEqualTo(14);
    assertThat(bad.get(1).range().endColumn()).isEqualTo(18);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("invalid-name");
  }

  @Test
  void fieldModelAnswersPaths() {
    assertThat(FieldModel.at(List.of("resources", "any_of", "0", "accelerators")).types())
        .contains(FieldType.STRING, FieldType.OBJECT, FieldType.ARRAY);
    assertThat(FieldModel.at(List.of("resources", "disk_tier")).enumValues()).contains("best");
    assertThat(FieldModel.at(List.of("envs", "ANY")).description()).contains("--env");
    assertThat(FieldModel.at(List.of("resources", "nope"))).isNull();
    assertThat(FieldModel.root().children()).containsKeys("name", "run", "setup", "resources", "file_mounts");
  }
}
