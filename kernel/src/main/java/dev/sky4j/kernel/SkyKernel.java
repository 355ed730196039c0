package dev.sky4j.kernel;

import dev.sky4j.kernel.cluster.AttachException;
import dev.sky4j.kernel.magic.Cell;
import dev.sky4j.kernel.magic.CellParser;
import dev.sky4j.kernel.magic.MagicSyntaxException;
import dev.sky4j.kernel.repl.ReplClient;
import dev.sky4j.kernel.repl.ReplLostException;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * "sky4j (Python on a cluster)": jjava-jupyter's BaseKernel with execution replaced, because cells
 * stream output, display data, errors and input requests from a Python elsewhere while they run.
 * Magics ({@link Magics}) are handled here and never reach Python.
 */
final class SkyKernel extends BaseKernel {
  static final String NAME = "sky4j";
  private static final LanguageInfo PYTHON = new LanguageInfo("python", "3", "text/x-python", ".py",
      "ipython3", Map.of("name", "ipython", "version", 3), "python");

  private final Session session;
  private final Magics magics;

  SkyKernel(Session session) {
    super(NAME, Version.current(), PYTHON, List.of(), null, new JupyterIO(java.nio.charset.StandardCharsets.UTF_8),
        new CommManager(), new Renderer(), null, null, false,
        new StringStyler("", "", "", i -> ""));
    this.session = session;
    this.magics = new Magics(session);
  }

  @Override
  public String getBanner() {
    return "sky4j " + Version.current() + ": Python cells, locally or on a cluster's head node "
        + "(%sky launch / %sky attach CLUSTER)";
  }

  @Override
  protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> m) {
    env.setBusyDeferIdle();
    env.reply(new OkKernelInfoReply(Header.PROTOCOL_VERISON, NAME, Version.current(), PYTHON,
        getBanner(), List.of()));
  }

  @Override
  protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> m) {
    ExecuteRequest req = m.getContent();
    int count = req.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
    env.setBusyDeferIdle();
    if (!req.isSilent()) {
      env.publish(new PublishExecuteInput(req.getCode(), count));
    }
    NotebookSink sink = new NotebookSink(env, count, req.isStdinEnabled());
    boolean ok = run(req.getCode(), req.isSilent(), sink);
    PublishError e = sink.error();
    if (ok || e == null) {
      env.defer().reply(new ExecuteReply(count, Map.of()));
    } else {
      ErrorReply err = new ErrorReply(e.getErrorName(), e.getErrorMessage(), e.getStacktrace());
      err.setExecutionCount(count);
      env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), err);
    }
  }

  private boolean run(String code, boolean silent, NotebookSink sink) {
    try {
      for (Cell c : CellParser.parse(code)) {
        boolean ok;
        if (c instanceof Cell.Python p) {
          ok = python(p.code(), silent, sink);
        } else if (c instanceof Cell.SkyLine l) {
          ok = magics.line(l, sink);
        } else if (c instanceof Cell.SkyBlock b) {
          ok = magics.block(b, sink);
        } else {
          Cell.Shell s = (Cell.Shell) c;
          ok = python(ShellCell.code(s), true, sink)
              && (!s.allNodes() || ShellCell.workers(s, session.attached(), sink));
        }
        if (!ok) {
          return false;
        }
      }
      return true;
    } catch (MagicSyntaxException e) {
      sink.fail("MagicSyntaxError", e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.fail("KeyboardInterrupt", "interrupted");
      return false;
    }
  }

  private boolean python(String code, boolean silent, NotebookSink sink) throws InterruptedException {
    try {
      return "ok".equals(session.python(sink::out).execute(code, silent, sink.stdinAllowed(), sink));
    } catch (ReplLostException e) {
      sink.fail("ClusterUnreachable", e.getMessage());
      return false;
    } catch (AttachException e) {
      sink.fail("SkyMagicError", e.getMessage());
      return false;
    }
  }

  /** Completion, inspection and is_complete ask whichever Python cells run in now. */
  private Map<String, Object> ask(String op, Map<String, Object> args) {
    try {
      ReplClient p = session.python(text -> System.err.print(text));
      return p.call(op, args, 10_000);
    } catch (ReplLostException | AttachException e) {
      return Map.of();
    }
  }

  @Override
  public Object evalRaw(String source) {
    throw new UnsupportedOperationException("cells run through handleExecuteRequest");
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    Map<String, Object> r = ask("inspect", Map.of("code", code, "cursor", at));
    if (!Boolean.TRUE.equals(r.get("found")) || !(r.get("data") instanceof Map<?, ?> data)) {
      return null;
    }
    DisplayData d = new DisplayData();
    data.forEach((k, v) -> d.putData(String.valueOf(k), v));
    return d;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    Map<String, Object> r = ask("complete", Map.of("code", code, "cursor", at));
    if (!(r.get("matches") instanceof List<?> l)) {
      return null;
    }
    return new ReplacementOptions(l.stream().map(String::valueOf).toList(),
        ((Number) r.getOrDefault("cursor_start", at)).intValue(),
        ((Number) r.getOrDefault("cursor_end", at)).intValue());
  }

  @Override
  public String isComplete(String code) {
    if (code.strip().startsWith("%")) {
      return IS_COMPLETE_YES; // magics are one line (or a whole cell)
    }
    Map<String, Object> r = ask("is_complete", Map.of("code", code));
    Object status = r.get("status");
    if ("incomplete".equals(status)) {
      return String.valueOf(r.getOrDefault("indent", ""));
    }
    return "complete".equals(status) ? IS_COMPLETE_YES
        : "invalid".equals(status) ? IS_COMPLETE_BAD : IS_COMPLETE_MAYBE;
  }

  @Override
  public void interrupt() {
    session.interrupt();
  }

  @Override
  public void onShutdown(boolean restarting) {
    session.shutdown(restarting);
  }
}
