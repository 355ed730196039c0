package dev.sky4j.kernel.script;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/** Registers "sky-python" with {@code javax.script} (META-INF/services). */
public final class SkyPythonEngineFactory implements ScriptEngineFactory {
  @Override
  public String getEngineName() {
    return "sky4j Python";
  }

  @Override
  public String getEngineVersion() {
    return "1";
  }

  @Override
  public List<String> getExtensions() {
    return List.of("py");
  }

  @Override
  public List<String> getMimeTypes() {
    return List.of("text/x-python");
  }

  @Override
  public List<String> getNames() {
    return List.of("sky-python", "sky4j-python");
  }

  @Override
  public String getLanguageName() {
    return "python";
  }

  @Override
  public String getLanguageVersion() {
    return "3";
  }

  @Override
  public Object getParameter(String key) {
    return switch (key) {
      case ScriptEngine.ENGINE -> getEngineName();
      case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
      case ScriptEngine.NAME -> getNames().get(0);
      case ScriptEngine.LANGUAGE -> getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
      default -> null;
    };
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + "(" + String.join(", ", args) + ")";
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    return "print(" + dev.sky4j.json.Json.quote(toDisplay) + ")";
  }

  @Override
  public String getProgram(String... statements) {
    return String.join("\n", statements);
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new SkyPythonEngine(this);
  }
}
