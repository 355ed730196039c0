package dev.sky4j.kernel.script;

import dev.sky4j.kernel.cluster.AttachException;
import dev.sky4j.kernel.cluster.Attacher;
import dev.sky4j.kernel.cluster.Clusters;
import dev.sky4j.kernel.repl.CellSink;
import dev.sky4j.kernel.repl.LocalPython;
import dev.sky4j.kernel.repl.ReplClient;
import dev.sky4j.kernel.repl.ReplLostException;
import dev.sky4j.kernel.repl.ReplScript;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * "sky-python" for {@code javax.script}: the kernel's persistent Python for any JVM program. With
 * the engine-scope binding {@value #CLUSTER} set to a cluster name before the first eval, it runs
 * on that cluster's head node (as {@code %sky attach} does); otherwise locally. {@code eval}
 * streams stdout and stderr to the context's writers while the code runs and returns the last
 * expression's {@code text/plain} form (null when there is none); a Python error is a {@link
 * ScriptException} carrying the traceback. State persists across evals; {@link #close} ends it.
 */
public final class SkyPythonEngine extends AbstractScriptEngine implements AutoCloseable {
  public static final String CLUSTER = "sky4j.cluster";

  private final ScriptEngineFactory factory;
  private ReplClient python;
  private Attacher.Attached attached;

  SkyPythonEngine(ScriptEngineFactory factory) {
    this.factory = factory;
  }

  @Override
  public Object eval(String script, ScriptContext ctx) throws ScriptException {
    Writer out = ctx.getWriter();
    Writer err = ctx.getErrorWriter();
    Object[] result = new Object[1];
    String[] error = new String[1];
    CellSink sink = new CellSink() {
      @Override
      public void stream(String name, String text) {
        write("stderr".equals(name) ? err : out, text);
      }

      @Override
      public void display(Map<String, Object> data) {
        write(out, data.getOrDefault("text/plain", "") + "\n");
      }

      @Override
      public void result(Map<String, Object> data) {
        result[0] = data.get("text/plain");
      }

      @Override
      public void error(String ename, String evalue, List<String> traceback) {
        error[0] = ename + ": " + evalue + "\n" + String.join("\n", traceback);
      }

      @Override
      public String input(String prompt, boolean password) {
        return null;
      }
    };
    try {
      String status = python(ctx).execute(script, false, false, sink);
      if (!"ok".equals(status)) {
        throw new ScriptException(error[0] == null ? "the Python code failed" : error[0]);
      }
      return result[0];
    } catch (ReplLostException e) {
      throw new ScriptException(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptException("interrupted");
    }
  }

  private synchronized ReplClient python(ScriptContext ctx) throws ScriptException {
    if (python != null) {
      return python;
    }
    Object cluster = ctx.getAttribute(CLUSTER, ScriptContext.ENGINE_SCOPE);
    try {
      if (cluster != null) {
        attached = new Attacher(Clusters.fromEnvironment()).attach(String.valueOf(cluster), Map.of(),
            text -> write(ctx.getErrorWriter(), text));
        python = attached.python();
      } else {
        var dir = Files.createTempDirectory("sky-python");
        python = ReplClient.connect(new LocalPython(ReplScript.writeTo(dir)), 30_000);
      }
      return python;
    } catch (AttachException | IOException | dev.sky4j.client.ApiException e) {
      throw new ScriptException("cannot start sky-python: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptException("interrupted");
    }
  }

  private static void write(Writer w, String text) {
    try {
      w.write(text);
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = reader.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return eval(sb.toString(), ctx);
    } catch (IOException e) {
      throw new ScriptException(e);
    }
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  /** Ends the Python (and, on a cluster, its job; the cluster keeps running). */
  @Override
  public synchronized void close() {
    if (python != null) {
      python.close();
    }
    if (attached != null) {
      new Attacher(Clusters.fromEnvironment()).cancel(attached.cluster().name(), attached.jobId());
    }
    python = null;
    attached = null;
  }
}
