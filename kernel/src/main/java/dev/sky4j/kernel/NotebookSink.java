package dev.sky4j.kernel;

import dev.sky4j.kernel.repl.CellSink;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/** A running cell's output, published on the notebook's iopub channel; input() through stdin. */
final class NotebookSink implements CellSink {
  private final ShellReplyEnvironment env;
  private final int count;
  private final boolean stdinAllowed;
  private volatile PublishError error;

  NotebookSink(ShellReplyEnvironment env, int count, boolean stdinAllowed) {
    this.env = env;
    this.count = count;
    this.stdinAllowed = stdinAllowed;
  }

  boolean stdinAllowed() {
    return stdinAllowed;
  }

  /** The error this cell published, if any (the execute_reply repeats it). */
  PublishError error() {
    return error;
  }

  @Override
  public void stream(String name, String text) {
    if (!text.isEmpty()) {
      env.publish(new PublishStream("stderr".equals(name) ? PublishStream.StreamType.ERR
          : PublishStream.StreamType.OUT, text));
    }
  }

  void out(String text) {
    stream("stdout", text);
  }

  @Override
  public void display(Map<String, Object> data) {
    env.publish(new PublishDisplayData(bundle(data)));
  }

  @Override
  public void result(Map<String, Object> data) {
    env.publish(new PublishExecuteResult(count, bundle(data)));
  }

  @Override
  public void error(String ename, String evalue, List<String> traceback) {
    PublishError e = new PublishError(ename, evalue, traceback);
    error = e;
    env.publish(e);
  }

  /** An error of the kernel itself (a lost cluster, a failed magic): plain words, no stack. */
  void fail(String ename, String message) {
    error(ename, message, List.of("\u001b[0;31m" + ename + "\u001b[0m: " + message));
  }

  @Override
  public String input(String prompt, boolean password) {
    return stdinAllowed ? env.readFromStdIn(prompt, password) : null;
  }

  private static DisplayData bundle(Map<String, Object> data) {
    DisplayData d = new DisplayData();
    data.forEach(d::putData);
    return d;
  }
}
