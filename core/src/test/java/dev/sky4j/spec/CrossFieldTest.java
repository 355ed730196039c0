package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Findings that depend on more than one field or document: catalog checks next to unrelated
 * errors, ${VAR} substitution into the model, and JSON paths in pipelines.
 */
class CrossFieldTest {
  private static LoadResult load(String yaml) {
    return TaskLoader.load(yaml, "t.yaml", Catalog.get());
  }

  private static List<String> codes(LoadResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void catalogFindingsShowAlongsideAnUnrelatedTypo() {
    LoadResult r = load("""
        resources:
          disk_sise: 100
          accelerators: H1OO:1
          infra: aws/us-east-99
          instance_type: p3.2xlarg
        run: x
        """);
    assertThat(codes(r)).containsExactlyInAnyOrder("unknown-field", "unknown-accelerator",
        "unknown-region", "unknown-instance-type");
  }

  @Test
  void aCheckIsSkippedOnlyWhenItsOwnFieldHasAnError() {
    // the count is a syntax error: no catalog finding about it, but the region is still checked
    LoadResult r = load("resources:\n  accelerators: H100:0\n  infra: aws/us-east-99\nrun: x\n");
    assertThat(codes(r)).containsExactlyInAnyOrder("invalid-accelerator-count", "unknown-region");
    // a misspelt cloud makes the accelerator check cloud-agnostic instead of silent
    r = load("resources:\n  cloud: awz\n  accelerators: H100:3\nrun: x\n");
    assertThat(codes(r)).containsExactlyInAnyOrder("invalid-value", "accelerator-count-unavailable");
    assertThat(r.diagnostics().get(1).message()).startsWith("No cloud offers H100:3");
    // spot and price checks need a valid place: no guess when the region is wrong
    r = load("resources:\n  accelerators: H100:8\n  infra: aws/us-east-99\n  max_hourly_cost: 0.5\nrun: x\n");
    assertThat(codes(r)).containsExactly("unknown-region");
  }

  @Test
  void anOuterMistakeInheritedByEveryAnyOfItemIsReportedOnce() {
    LoadResult r = load("""
        resources:
          accelerators: H1OO:1
          disk_sise: 1
          any_of:
            - infra: aws
            - infra: gcp
        run: x
        """);
    assertThat(codes(r)).containsExactlyInAnyOrder("unknown-field", "unknown-accelerator");
  }

  @Test
  void envsAndSecretsFillFileMountsWorkdirAndServiceButNeverDiagnostics() {
    LoadResult r = load("""
        envs:
          SIZE: 7
          BRANCH: main
        secrets:
          BUCKET_KEY: s3cr3t-value
        workdir:
          url: https://github.com/o/r
          ref: ${BRANCH}
        file_mounts:
          /models/llama-${SIZE}b: s3://weights/llama-${SIZE}b
          /ckpt:
            name: ckpt-${BUCKET_KEY}
            source: ["./a-${SIZE}", ./b]
          /x/${UNSET}: ./y
        service:
          readiness_probe: /health/${SIZE}
          replicas: 1
        run: echo ${SIZE}
        """);
    assertThat(r.hasErrors()).as("%s", r.diagnostics()).isFalse();
    assertThat(codes(r)).containsExactly("unknown-variable");
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.range()).isEqualTo(new SourceRange(14, 6, 14, 14)); // just ${UNSET}
    assertThat(d.jsonPath()).isEqualTo("$.file_mounts./x/${UNSET}");
    Task t = r.task();
    assertThat(t.workdirGitRef()).isEqualTo("main");
    assertThat(t.fileMounts()).contains(
        new FileMount.Copy("/models/llama-7b", "s3://weights/llama-7b"),
        new FileMount.Copy("/x/${UNSET}", "./y"));
    FileMount.Storage ckpt = (FileMount.Storage) t.fileMounts().get(1);
    assertThat(ckpt.name()).isEqualTo("ckpt-s3cr3t-value");
    assertThat(ckpt.sources()).containsExactly("./a-7", "./b");
    assertThat(t.extra().get("service").toString()).contains("/health/7");
    assertThat(t.run()).isEqualTo("echo ${SIZE}"); // run gets envs from the shell, not here
    // a secret that reached a mount is hidden by redacted(), and never in a message
    assertThat(t.redacted().toString()).doesNotContain("s3cr3t-value").contains("ckpt-<redacted>");
    assertThat(r.diagnostics()).allMatch(x -> !x.message().contains("s3cr3t"));
  }

  @Test
  void aValueGivenOnlyAtLaunchLeavesTheReferenceForTheLaunchPathToFill() {
    LoadResult r = load("envs:\n  SIZE:\nfile_mounts:\n  /m: s3://w/${SIZE}\nrun: x\n");
    assertThat(codes(r)).containsExactly("env-null");
    assertThat(r.task().fileMounts()).containsExactly(new FileMount.Copy("/m", "s3://w/${SIZE}"));
  }

  @Test
  void duplicateKeysHaveTheirRealPath() {
    LoadResult r = load("resources:\n  cpus: 4\n  cpus: 8\nrun: x\n");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("duplicate-key");
      assertThat(d.jsonPath()).isEqualTo("$.resources.cpus");
      assertThat(d.related()).containsExactly(new SourceRange(2, 3, 2, 7));
    });
  }

  @Test
  void pipelinePathsSayWhichDocument() {
    LoadResult r = load("""
        name: pipe
        ---
        run: a
        ---
        resources:
          acelerators: H100
          cpus: 2
          cpus: 4
        run: b
        """);
    assertThat(r.pipelineName()).isEqualTo("pipe");
    assertThat(r.diagnostics()).extracting(Diagnostic::jsonPath)
        .containsExactlyInAnyOrder("$[2].resources.acelerators", "$[2].resources.cpus");
  }
}
