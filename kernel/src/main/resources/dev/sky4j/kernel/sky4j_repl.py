"""The Python side of the sky4j kernel: a persistent interpreter that speaks JSON lines.

Modes (standard library only, Python 3.8+):
  stdio            the kernel's local Python: requests on stdin, events on stdout
  serve SOCKET     the cluster's Python, run as a job: listens on a unix socket and keeps its
                   state across connections; events are numbered and kept, so a kernel that
                   reconnects after a dropped link gets what it missed (hello.after)
  bridge SOCKET    run over `ssh <cluster>`: joins the ssh session's stdin/stdout to SOCKET, and
                   turns an interrupt request into SIGINT for the interpreter's process

Requests: execute, complete, inspect, is_complete, input_reply, interrupt, exit.
Events: stream, display, result, error, input_request, done (numbered), reply (to rid).
"""
import ast
import base64
import builtins
import codecs
import collections
import codeop
import inspect
import io
import json
import linecache
import os
import queue
import re
import rlcompleter
import signal
import socket
import sys
import threading
import time
import traceback
import warnings

MARK = b"\x00sky4j-flush\x00"
ORPHAN_SECONDS = float(os.environ.get("SKY4J_KERNEL_ORPHAN_SECONDS", "600"))


class Channel:
    """Events to the kernel. Every event is numbered and kept, so a reconnecting kernel asks for
    the ones after the last it saw and no output is lost with a dropped link."""

    def __init__(self, keep=50000):
        self.lock = threading.Lock()
        self.seq = 0
        self.backlog = collections.deque(maxlen=keep)
        self.out = None
        self.detached_at = time.monotonic()

    def attach(self, out, after, hello):
        with self.lock:
            self.out = out
            self._write((json.dumps(hello) + "\n").encode())
            for seq, line in self.backlog:
                if seq > after:
                    self._write(line)

    def detach(self, out):
        with self.lock:
            if self.out is out:
                self.out = None
                self.detached_at = time.monotonic()

    def send(self, **event):
        with self.lock:
            self.seq += 1
            event["seq"] = self.seq
            line = (json.dumps(event) + "\n").encode()
            self.backlog.append((self.seq, line))
            self._write(line)

    def reply(self, rid, **content):
        with self.lock:
            self._write((json.dumps({"ev": "reply", "rid": rid, **content}) + "\n").encode())

    def _write(self, line):
        if self.out is None:
            return
        try:
            self.out.write(line)
            self.out.flush()
        except (OSError, ValueError):
            self.out = None
            self.detached_at = time.monotonic()


class FdCapture:
    """Points fd 1 or 2 at a pipe and forwards what arrives as stream events, so output of
    print(), C extensions and subprocesses all reaches the cell, in order."""

    def __init__(self, fd, name, channel):
        self.fd, self.name, self.channel = fd, name, channel
        self.flushed = threading.Event()
        r, w = os.pipe()
        os.dup2(w, fd)
        os.close(w)
        self.reader = r
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        while True:
            data = os.read(self.reader, 65536)
            if not data:
                return
            while MARK in data:
                before, _, data = data.partition(MARK)
                self._emit(decoder.decode(before))
                self.flushed.set()
            self._emit(decoder.decode(data))

    def _emit(self, text):
        if text:
            self.channel.send(ev="stream", name=self.name, text=text)

    def flush(self):
        self.flushed.clear()
        os.write(self.fd, MARK)
        self.flushed.wait(5)


class Interpreter:
    def __init__(self, channel):
        self.channel = channel
        self.ns = {"__name__": "__main__", "__builtins__": builtins}
        self.requests = queue.Queue()
        self.inputs = queue.Queue()
        self.executing = False
        self.count = 0
        self.allow_stdin = False
        warnings.filterwarnings("ignore", message=".*non-interactive.*cannot be shown")
        os.environ.setdefault("MPLBACKEND", "Agg")
        builtins.display = self.display
        builtins.input = self.input
        try:
            import getpass
            getpass.getpass = lambda prompt="Password: ", stream=None: self.input(prompt, True)
        except ImportError:
            pass

    def start_capture(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.captures = [FdCapture(1, "stdout", self.channel), FdCapture(2, "stderr", self.channel)]
        sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0, closefd=False),
                                      encoding="utf-8", errors="replace", write_through=True)
        sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", buffering=0, closefd=False),
                                      encoding="utf-8", errors="replace", write_through=True)

    def flush_output(self):
        for c in self.captures:
            c.flush()

    # ---- requests ------------------------------------------------------------------------

    def handle(self, req):
        """Called on the connection's reader thread: quick requests are answered here, cells go
        to the main thread (where SIGINT lands)."""
        op = req.get("op")
        if op == "execute":
            self.requests.put(req)
        elif op == "exit":
            # from this thread, so that a kernel shutdown ends a cell that is still running
            try:
                self.flush_output()
            finally:
                os._exit(0)
        elif op == "input_reply":
            self.inputs.put(req.get("value", ""))
        elif op == "interrupt":
            self.interrupt()
        elif op == "complete":
            self.channel.reply(req["rid"], **self.complete(req["code"], req["cursor"]))
        elif op == "inspect":
            self.channel.reply(req["rid"], **self.inspect(req["code"], req["cursor"]))
        elif op == "is_complete":
            self.channel.reply(req["rid"], **self.is_complete(req["code"]))

    def interrupt(self):
        if self.executing:
            os.kill(os.getpid(), signal.SIGINT)

    def main_loop(self):
        while True:
            try:
                req = self.requests.get()
            except KeyboardInterrupt:
                continue
            status = "ok"
            try:
                self.executing = True
                self.allow_stdin = bool(req.get("allow_stdin"))
                status = self.execute(req["code"], bool(req.get("silent")))
            except KeyboardInterrupt:
                self.error(*sys.exc_info())
                status = "error"
            finally:
                self.executing = False
            try:
                self.flush_output()
            except KeyboardInterrupt:
                pass
            self.channel.send(ev="done", id=req.get("id"), status=status)

    # ---- execution -----------------------------------------------------------------------

    def execute(self, code, silent):
        self.count += 1
        name = "<cell-%d>" % self.count
        linecache.cache[name] = (len(code), None, code.splitlines(True), name)
        try:
            tree = ast.parse(code, name, "exec")
        except SyntaxError:
            self.error(*sys.exc_info(), syntax=True)
            return "error"
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        try:
            exec(compile(tree, name, "exec"), self.ns)
            value = eval(compile(last, name, "eval"), self.ns) if last is not None else None
            self.show_figures()
            if value is not None and not silent:
                self.ns["_"] = value
                sys.stdout.flush()
                self.flush_output()
                self.channel.send(ev="result", data=self.bundle(value), count=self.count)
            return "ok"
        except BaseException:
            etype, evalue, tb = sys.exc_info()
            if etype is SystemExit:
                self.channel.send(ev="stream", name="stderr", text="SystemExit: %s (the Python "
                                  "stays up; restart the kernel for a fresh one)\n" % evalue)
                return "ok"
            self.error(etype, evalue, tb)
            return "error"

    def error(self, etype, evalue, tb, syntax=False):
        while tb is not None and not tb.tb_frame.f_code.co_filename.startswith("<cell"):
            tb = tb.tb_next
        lines = (traceback.format_exception_only(etype, evalue) if syntax
                 else traceback.format_exception(etype, evalue, tb))
        try:
            self.flush_output()
        except KeyboardInterrupt:
            pass
        self.channel.send(ev="error", ename=etype.__name__, evalue=str(evalue),
                          traceback=[l.rstrip("\n") for l in "".join(lines).splitlines()])

    def show_figures(self):
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is None:
            return
        for num in plt.get_fignums():
            self.display(plt.figure(num))
        plt.close("all")

    def bundle(self, obj):
        data = {"text/plain": repr(obj)}
        fig_type = getattr(sys.modules.get("matplotlib.figure"), "Figure", None)
        if fig_type is not None and isinstance(obj, fig_type):
            buf = io.BytesIO()
            obj.savefig(buf, format="png", bbox_inches="tight")
            data["image/png"] = base64.b64encode(buf.getvalue()).decode("ascii")
            return data
        bundle = getattr(obj, "_repr_mimebundle_", None)
        if callable(bundle) and not isinstance(obj, type):
            try:
                got = bundle()
                data.update((got[0] if isinstance(got, tuple) else got) or {})
            except Exception:
                pass
        for method, mime in (("_repr_html_", "text/html"), ("_repr_markdown_", "text/markdown"),
                             ("_repr_svg_", "image/svg+xml"), ("_repr_png_", "image/png"),
                             ("_repr_jpeg_", "image/jpeg"), ("_repr_latex_", "text/latex"),
                             ("_repr_json_", "application/json")):
            f = getattr(obj, method, None)
            if not callable(f) or isinstance(obj, type):
                continue
            try:
                v = f()
            except Exception:
                continue
            if isinstance(v, tuple):
                v = v[0]
            if v is None:
                continue
            data[mime] = base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v
        return {k: (base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v)
                for k, v in data.items()}

    def display(self, *objs, **_):
        sys.stdout.flush()
        self.flush_output()
        for obj in objs:
            self.channel.send(ev="display", data=self.bundle(obj))

    def input(self, prompt="", password=False):
        if not self.allow_stdin:
            raise RuntimeError("input() is not available: this frontend does not send input")
        sys.stdout.flush()
        self.flush_output()
        self.channel.send(ev="input_request", prompt=str(prompt), password=password)
        return self.inputs.get()

    # ---- completion, inspection ----------------------------------------------------------

    def complete(self, code, cursor):
        text = re.search(r"[A-Za-z_][\w.]*$|$", code[:cursor]).group(0)
        matches = []
        if text:
            c = rlcompleter.Completer(self.ns)
            try:
                found = c.attr_matches(text) if "." in text else c.global_matches(text)
            except Exception:
                found = []
            for m in found:
                m = m.rstrip("(")
                if m not in matches:
                    matches.append(m)
        return {"matches": matches, "cursor_start": cursor - len(text), "cursor_end": cursor}

    def inspect(self, code, cursor):
        left = re.search(r"[\w.]*$", code[:cursor]).group(0)
        right = re.match(r"\w*", code[cursor:]).group(0)
        name = (left + right).strip(".")
        if not name:
            return {"found": False, "data": {}}
        try:
            obj = eval(name, self.ns)
        except Exception:
            return {"found": False, "data": {}}
        parts = ["%s: %s" % (name, type(obj).__name__)]
        try:
            parts.append("Signature: %s%s" % (name, inspect.signature(obj)))
        except (TypeError, ValueError):
            pass
        doc = inspect.getdoc(obj)
        if doc:
            parts.append("Docstring:\n" + doc)
        elif not callable(obj):
            parts.append("Value: " + repr(obj)[:2000])
        return {"found": True, "data": {"text/plain": "\n".join(parts)}}

    def is_complete(self, code):
        try:
            compiled = codeop.compile_command(code, "<cell>", "exec")
        except (SyntaxError, OverflowError, ValueError):
            return {"status": "invalid"}
        if compiled is None:
            last = code.rstrip("\n").splitlines()[-1] if code.strip() else ""
            indent = re.match(r"\s*", last).group(0)
            return {"status": "incomplete",
                    "indent": indent + ("    " if last.rstrip().endswith(":") else "")}
        lines = code.rstrip("\n").splitlines()
        if len(lines) > 1 and lines[-1][:1].isspace() and not code.endswith("\n\n"):
            # an indented block stays open until a blank line, as in IPython
            return {"status": "incomplete", "indent": re.match(r"\s*", lines[-1]).group(0)}
        return {"status": "complete"}


def hello(interp):
    return {"ev": "hello", "pid": os.getpid(), "python": sys.version.split()[0],
            "host": socket.gethostname(), "cwd": os.getcwd(),
            "cuda_visible_devices": os.environ.get("CUDA_VISIBLE_DEVICES"),
            "last_seq": interp.channel.seq}


def read_requests(stream, interp):
    for line in stream:
        line = line.strip()
        if line:
            try:
                interp.handle(json.loads(line))
            except Exception as e:  # a bad request must not end the session
                sys.__stderr__.write("sky4j repl: bad request: %r\n" % e)


def run_stdio():
    proto_in = os.fdopen(os.dup(0), "rb")
    proto_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    channel = Channel()
    interp = Interpreter(channel)
    interp.start_capture()
    channel.attach(proto_out, 0, hello(interp))

    def reader():
        read_requests(proto_in, interp)
        os._exit(0)  # the kernel is gone

    threading.Thread(target=reader, daemon=True).start()
    interp.main_loop()


def run_serve(path):
    channel = Channel()
    interp = Interpreter(channel)
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o077)
    server.bind(path)
    os.umask(old)
    server.listen(4)
    sys.stderr.write("sky4j repl: pid %d listening on %s\n" % (os.getpid(), path))
    sys.stderr.flush()
    interp.start_capture()

    def serve_one(conn):
        stream_in = conn.makefile("rb")
        stream_out = conn.makefile("wb")
        try:
            first = json.loads(stream_in.readline() or "{}")
            channel.attach(stream_out, int(first.get("after", 0)), hello(interp))
            read_requests(stream_in, interp)
        except (OSError, ValueError):
            pass
        finally:
            channel.detach(stream_out)
            conn.close()

    def accept():
        while True:
            conn, _ = server.accept()
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    def orphan_watch():
        # a kernel killed without a shutdown never comes back: free the job's GPUs
        while True:
            time.sleep(5)
            with channel.lock:
                gone = channel.out is None and time.monotonic() - channel.detached_at > ORPHAN_SECONDS
            if gone:
                os._exit(0)

    threading.Thread(target=accept, daemon=True).start()
    threading.Thread(target=orphan_watch, daemon=True).start()
    interp.main_loop()


def run_bridge(path, wait):
    deadline = time.monotonic() + wait
    while True:
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(path)
            break
        except OSError as e:
            sock.close()
            if time.monotonic() > deadline:
                sys.stdout.write(json.dumps({"ev": "bridge_error", "message":
                    "the cluster's Python is not running (%s: %s)" % (path, e.strerror)}) + "\n")
                sys.stdout.flush()
                sys.exit(3)
            time.sleep(0.05)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
    remote_in = sock.makefile("rb")
    out = sys.stdout.buffer
    pid = [None]

    def down():
        for line in remote_in:
            if pid[0] is None and line.startswith(b'{"ev": "hello"'):
                pid[0] = json.loads(line)["pid"]
            out.write(line)
            out.flush()
        os._exit(0)

    threading.Thread(target=down, daemon=True).start()
    for line in sys.stdin.buffer:
        if b"interrupt" in line and pid[0] and json.loads(line).get("op") == "interrupt":
            # a signal from here reaches the interpreter even while it holds the GIL
            os.kill(pid[0], signal.SIGINT)
            continue
        sock.sendall(line)
    os._exit(0)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "stdio"
    if mode == "stdio":
        run_stdio()
    elif mode == "serve":
        run_serve(sys.argv[2])
    elif mode == "bridge":
        run_bridge(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 30.0)
    else:
        sys.exit("usage: sky4j_repl.py stdio | serve SOCKET | bridge SOCKET [WAIT]")
