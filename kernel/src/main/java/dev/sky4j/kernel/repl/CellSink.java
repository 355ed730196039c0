package dev.sky4j.kernel.repl;

import java.util.List;
import java.util.Map;

/** Where a running cell's output goes (the notebook's iopub and stdin channels). */
public interface CellSink {
  void stream(String name, String text);

  void display(Map<String, Object> data);

  void result(Map<String, Object> data);

  void error(String ename, String evalue, List<String> traceback);

  /** Asks the user for a line of input; null when the frontend cannot answer. */
  String input(String prompt, boolean password);
}
