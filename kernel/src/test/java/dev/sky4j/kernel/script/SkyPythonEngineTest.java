package dev.sky4j.kernel.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sky4j.testing.Prerequisites;
import java.io.StringWriter;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** The real engine against a real local python3 (the same REPL script the kernel runs). */
class SkyPythonEngineTest {
  @Test
  void evalStreamsOutputKeepsStateAndReturnsTheLastExpression() throws Exception {
    Prerequisites.require(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3");
    ScriptEngine e = new ScriptEngineManager().getEngineByName("sky-python");
    assertThat(e).isNotNull();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    e.getContext().setWriter(out);
    e.getContext().setErrorWriter(err);
    try {
      assertThat(e.eval("import sys\nx = 20\nprint('hello')\nprint('oops', file=sys.stderr)")).isNull();
      assertThat(e.eval("x * 2 + 2")).isEqualTo("42");
      assertThat(out.toString()).isEqualTo("hello\n");
      assertThat(err.toString()).isEqualTo("oops\n");
      assertThatThrownBy(() -> e.eval("def f():\n    return 1/0\nf()"))
          .isInstanceOf(ScriptException.class)
          .hasMessageContaining("ZeroDivisionError: division by zero")
          .hasMessageContaining("return 1/0");
    } finally {
      ((SkyPythonEngine) e).close();
    }
  }
}
