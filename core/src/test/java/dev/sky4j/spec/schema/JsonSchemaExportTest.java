package dev.sky4j.spec.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.spec.ExamplesTestAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import dev.sky4j.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported schema is a valid draft-07 schema that accepts every example and rejects unknown
 * fields. Checked with Python's jsonschema (the validator SkyPilot itself uses), when installed.
 */
class JsonSchemaExportTest {
  private static final String CHECK = """
      import json, sys, yaml, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft7Validator.check_schema(schema)
      v = jsonschema.Draft7Validator(schema)
      for f in sys.argv[2:]:
          for doc in yaml.safe_load_all(open(f)):
              errs = list(v.iter_errors(doc))
              assert not errs, (f, [e.message for e in errs])
      bad = {"run": "x", "resources": {"acelerators": "H100"}}
      assert list(v.iter_errors(bad)), "unknown field accepted"
      assert list(v.iter_errors({"run": "x", "envs": {"1X": "a"}})), "bad env name accepted"
      assert list(v.iter_errors({"resources": {"cloud": "awz"}})), "bad cloud accepted"
      assert not list(v.iter_errors({"resources": {"cloud": "AWS"}})), "cloud is case-insensitive"
      print("ok")
      """;

  @Test
  void schemaIsDraft07AndClosed() {
    String json = JsonSchemaExport.toJson();
    assertThat(json).contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\"");
    assertThat(json).contains("\"additionalProperties\": false");
    assertThat(json).contains("\"accelerators\"").contains("\"job_recovery\"").contains("\"readiness_probe\"");
  }

  @Test
  void pythonJsonschemaAcceptsExamplesAndRejectsUnknownFields(@TempDir Path tmp) throws Exception {
    Prerequisites.require(hasPythonJsonschema(), "python3 with jsonschema and yaml is not installed: run scripts/install-deps.sh");
    Path schema = tmp.resolve("task.schema.json");
    Files.writeString(schema, JsonSchemaExport.toJson(), StandardCharsets.UTF_8);
    Path script = tmp.resolve("check.py");
    Files.writeString(script, CHECK);
    var cmd = new java.util.ArrayList<>(java.util.List.of(python(), script.toString(), schema.toString()));
    try (var s = Files.list(ExamplesTestAccess.examples())) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> cmd.add(p.toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as(out).contains("ok");
    assertThat(p.exitValue()).isZero();
  }

  /** The repo's .venv (made by scripts/install-deps.sh when the system Python lacks the modules). */
  private static String python() {
    Path venv = ExamplesTestAccess.examples().resolveSibling(".venv").resolve("bin/python3");
    return Files.isExecutable(venv) ? venv.toString() : "python3";
  }

  private static boolean hasPythonJsonschema() {
    try {
      Process p = new ProcessBuilder(python(), "-c", "import jsonschema, yaml").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
