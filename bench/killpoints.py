"""Kill-point sweep (docs/benchmarks.md, "Kill-point sweep").

For each point: start one operation through the real ./sky CLI (launch, exec, stop, start, down,
autostop, managed-job recovery), inject one fault after a delay (SIGKILL a node, freeze its SSH
for a while as a dropped network would, or SIGKILL the API server), then check what a user would
notice:
  * the operation's own command ends (bounded), and every command run after the fault ends
    within 30 s; a failing one prints a message, never a stack trace;
  * `sky status -r` lists no cluster UP whose nodes are not all running (asked of the node
    processes themselves, from their pid files);
  * a managed job is still listed by `sky jobs queue` (none lost);
  * after `sky down -a` and `sky jobs cancel -a`, no node process and no hook/job process of
    this run is left, and the local cloud holds no cluster.
Writes one line per point and a summary; exit status 1 if any point failed.
Usage: python3 bench/killpoints.py [--quick] [--only=launch,exec]
  (--quick: one delay per operation and fault; --only: just these operations)
"""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOUND = 30.0          # every command after the fault
OP_BOUND = 90.0       # the interrupted operation itself (a launch may retry elsewhere)
MARK = "sky4j-killpoint"  # in every hook and job command line: orphans are found by it

TASK = f"""
resources:
  cpus: 1+
config:
  hooks:
    - run: echo {MARK}-hook; sleep 5
      events: [stop, down]
      timeout: 60
run: echo {MARK}-run; sleep 2
"""
MANAGED = f"""
name: kp
resources:
  infra: local
  use_spot: true
run: |
  i=0; while [ $i -lt 30 ]; do i=$((i+1)); echo "{MARK} step $i"; sleep 0.5; done
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class World:
    def __init__(self, tmp):
        self.home = os.path.join(tmp, "home")
        self.cwd = tmp
        self.env = dict(os.environ)
        # one port per point, kept in tmp: the clean-up World must stop the point's own server
        # (a fresh port here left every point's server running, 45 of them in one sweep)
        port_file = os.path.join(tmp, "api-port")
        if not os.path.exists(port_file):
            with open(port_file, "w") as f:
                f.write(str(free_port()))
        with open(port_file) as f:
            port = f.read().strip()
        self.env.update(SKY4J_HOME=self.home, SKY4J_API_PORT=port, SKY4J_NO_BUILD="1",
                        SKY4J_SSH_CONFIG=os.path.join(tmp, "ssh_config"),
                        SKY4J_AUTOSTOP_SECONDS_PER_MINUTE="2", SKY4J_JOBS_POLL_MS="300",
                        SKY4J_JOBS_RETRY_GAP_MS="300", SKY4J_JOBS_GRACE_MS="200")
        self.env.pop("SKY4J_API_URL", None)
        self.env.pop("SKY4J_API_TOKEN", None)
        for name, text in (("task.yaml", TASK), ("managed.yaml", MANAGED)):
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        self.problems = []

    # --- running the CLI ----------------------------------------------------------------------
    def start(self, *args):
        return subprocess.Popen([os.path.join(ROOT, "sky"), *args], env=self.env, cwd=self.cwd,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def finish(self, p, bound, what):
        try:
            out, _ = p.communicate(timeout=bound)
        except subprocess.TimeoutExpired:
            p.kill()
            out, _ = p.communicate()
            self.problems.append(f"`{what}` did not end within {bound:.0f} s")
            return 124, out
        if p.returncode != 0 and ("\tat " in out or "Exception in thread" in out or not out.strip()):
            self.problems.append(f"`{what}` failed without a clear message: {out.strip()[-300:]!r}")
        return p.returncode, out

    def sky(self, *args, bound=BOUND):
        return self.finish(self.start(*args), bound, "sky " + " ".join(args))

    # --- what really runs -----------------------------------------------------------------------
    def node_dirs(self, cluster):
        d = os.path.join(self.home, "local", cluster)
        return sorted(os.path.join(d, n) for n in os.listdir(d) if n.startswith("node-")) if os.path.isdir(d) else []

    def pid(self, node_dir):
        try:
            with open(os.path.join(node_dir, ".sky4j-agent", "node.pid")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def alive(self, pid):
        if pid is None:
            return False
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return b"NodeMain" in f.read()
        except OSError:
            return False

    def server_pid(self):
        try:
            with open(os.path.join(self.home, "server", "server.json")) as f:
                return json.load(f)["pid"]
        except (OSError, ValueError, KeyError):
            return None

    def leftovers(self):
        """Live processes of this run: nodes under this home, hooks and jobs carrying MARK."""
        out = []
        marker = os.path.join(self.home, "local").encode()
        for p in os.listdir("/proc"):
            if not p.isdigit():
                continue
            try:
                with open(f"/proc/{p}/cmdline", "rb") as f:
                    cmd = f.read()
                with open(f"/proc/{p}/stat") as f:
                    if f.read().split(") ")[-1].startswith("Z"):
                        continue
            except OSError:
                continue
            if (b"NodeMain" in cmd and marker in cmd) or (MARK.encode() in cmd and b"killpoints.py" not in cmd):
                out.append((int(p), cmd.replace(b"\0", b" ").decode(errors="replace")[:120]))
        return out

    # --- faults ---------------------------------------------------------------------------------
    def fault(self, kind, cluster):
        """Injects one fault; returns a note of what it hit."""
        if kind == "kill-server":
            pid = self.server_pid()
            if pid is None:
                return "no server"
            os.kill(pid, signal.SIGKILL)
            return f"server {pid}"
        nodes = self.node_dirs(cluster)
        if not nodes:
            return "no node yet"
        rank = 1 if kind.endswith("worker") and len(nodes) > 1 else 0
        pid = self.pid(nodes[rank])
        if not self.alive(pid):
            return f"node-{rank} not running"
        if kind.startswith("kill-node"):
            os.kill(pid, signal.SIGKILL)
            return f"node-{rank} {pid} killed"
        # drop-ssh: freeze the node (its SSH server and agent stop answering, nothing resets the
        # connection), then let it go on after 10 s, as a network that comes back would
        os.kill(pid, signal.SIGSTOP)
        threading.Timer(10.0, lambda: self._cont(pid)).start()
        return f"node-{rank} {pid} frozen 10 s"

    @staticmethod
    def _cont(pid):
        try:
            os.kill(pid, signal.SIGCONT)
        except OSError:
            pass

    # --- checks ---------------------------------------------------------------------------------
    def check_status(self):
        code, out = self.sky("status", "-r", "-o", "json")
        if code != 0:
            return
        try:
            rows = json.loads(out[out.index("["):])
        except ValueError:
            self.problems.append(f"status -o json unreadable: {out[-200:]!r}")
            return
        for r in rows:
            if r.get("status") == "UP":
                dead = [d for d in self.node_dirs(r["name"]) if not self.alive(self.pid(d))]
                if dead or not self.node_dirs(r["name"]):
                    self.problems.append(f"{r['name']} listed UP but nodes are gone: {dead}")

    def check_managed(self, job_expected):
        if not job_expected:
            return
        code, out = self.sky("jobs", "queue")
        if code == 0 and "kp" not in out:
            self.problems.append(f"managed job lost: {out[-300:]!r}")

    def clean(self):
        self.sky("jobs", "cancel", "-a", "-y")
        deadline = time.time() + 40
        while time.time() < deadline:  # a controller tears its cluster down after the cancel
            code, out = self.sky("jobs", "queue")
            if code != 0 or not any(s in out for s in ("RUNNING", "RECOVERING", "PENDING", "STARTING", "CANCELLING")):
                break
            time.sleep(1)
        self.sky("down", "-a", "-y")
        deadline = time.time() + 10
        while self.leftovers() and time.time() < deadline:
            time.sleep(0.5)
        left = self.leftovers()
        if left:
            self.problems.append(f"left running: {left}")
            for pid, _ in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        local = os.path.join(self.home, "local")
        clusters = [c for c in os.listdir(local) if os.path.isdir(os.path.join(local, c))] if os.path.isdir(local) else []
        if clusters:
            self.problems.append(f"local cloud still holds {clusters}")


# --- the operations ---------------------------------------------------------------------------
def wait_for(pred, secs):
    deadline = time.time() + secs
    while time.time() < deadline:
        if pred():
            return True
        time.sleep(0.1)
    return False


def prepare(w, op):
    """Brings the world to where `op` starts; returns (cluster, argv of the operation)."""
    if op == "launch":
        w.sky("status")  # a warm server, as a user has it: a server kill then hits the launch
        return "kp", ["launch", "-c", "kp", "--num-nodes", "2", "task.yaml"]
    if op == "managed":
        code, out = w.sky("jobs", "launch", "-n", "kp", "managed.yaml", "-d", "-y", bound=60)
        wait_for(lambda: "RUNNING" in w.sky("jobs", "queue")[1], 60)
        return "sky-managed-1-kp", ["local", "preempt", "sky-managed-1-kp"]
    w.sky("launch", "-c", "kp", "--num-nodes", "2", "task.yaml", bound=60)
    if op == "exec":
        return "kp", ["exec", "kp", "--", f"echo {MARK}-exec; sleep 3"]
    if op == "stop":
        return "kp", ["stop", "kp", "-y"]
    if op == "start":
        w.sky("stop", "kp", "-y", bound=60)
        return "kp", ["start", "kp", "-y"]
    if op == "down":
        return "kp", ["down", "kp", "-y"]
    if op == "autostop":
        w.sky("autostop", "kp", "-i", "1", "-y")
        return "kp", ["status", "-r"]
    raise ValueError(op)


def run_point(tmp, op, fault, delay):
    w = World(tmp)
    cluster, argv = prepare(w, op)
    if op == "autostop":  # the fault lands while the head runs its stop hook
        wait_for(lambda: os.path.exists(os.path.join(w.home, "local", "kp", "node-0", ".sky4j-agent", "autostopping")), 30)
    p = w.start(*argv)
    if op == "launch":  # delays count from the first node process, not from the CLI's start
        wait_for(lambda: any(w.alive(w.pid(d)) for d in w.node_dirs(cluster)), 30)
    time.sleep(delay)
    if op == "managed":  # the fault lands on the recovery: its new cluster, or the server
        wait_for(lambda: len(w.node_dirs(cluster)) > 0 and w.alive(w.pid(w.node_dirs(cluster)[0])), 20)
    note = w.fault(fault, cluster)
    w.finish(p, OP_BOUND, "sky " + " ".join(argv))
    w.check_status()
    if op != "managed":
        w.sky("queue", cluster)
    w.check_managed(op == "managed")
    w.clean()
    return note, w.problems


def main():
    quick = "--quick" in sys.argv
    delays = {"launch": [0.0, 1.0, 2.5], "exec": [0.3, 1.5], "stop": [0.5, 2.5], "start": [0.5, 2.0],
              "down": [0.5, 2.5], "autostop": [0.0, 2.0], "managed": [0.5, 3.0]}
    faults = {op: ["kill-node-head", "kill-node-worker", "drop-ssh", "kill-server"] for op in delays}
    faults["managed"] = ["kill-node-head", "drop-ssh", "kill-server"]
    only = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")]
    points = [(op, f, d) for op in delays for f in faults[op] for d in (delays[op][:1] if quick else delays[op])
              if not only or op in only[0].split(",")]
    print(f"{len(points)} kill points; machine: {os.cpu_count()} cores", flush=True)
    failed = []
    t_start = time.time()
    for i, (op, f, d) in enumerate(points, 1):
        tmp = tempfile.mkdtemp(prefix="sky4j-kp-")
        t0 = time.time()
        try:
            note, problems = run_point(tmp, op, f, d)
        except Exception as e:  # the driver itself: count it as a failed point
            note, problems = "driver error", [repr(e)]
        finally:
            World(tmp).sky("api", "stop", bound=20)
            shutil.rmtree(tmp, ignore_errors=True)
        verdict = "ok" if not problems else "FAIL"
        print(f"{i:3d} {op:9s} {f:17s} +{d:.1f}s  {verdict:4s} {time.time() - t0:5.1f}s  ({note})"
              + "".join(f"\n      - {p}" for p in problems), flush=True)
        if problems:
            failed.append((op, f, d, problems))
    print(f"\n{len(points)} points, {len(points) - len(failed)} passed, {len(failed)} failed, "
          f"{time.time() - t_start:.0f} s in all")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
