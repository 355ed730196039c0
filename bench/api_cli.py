"""API server and CLI figures (docs/benchmarks.md, "API server and CLI").

Runs the real ./sky CLI (shaded jar + AppCDS, SKY4J_NO_BUILD=1) against a private SKY4J_HOME and
API port, with the server warm (started once, as a user has it after the first command), and
measures wall time from process start to the first line that matters:
  exec    `sky exec bench -- echo MARK` on an UP 1-node local cluster, to the MARK line
  status  `sky status` with 500 clusters in the state (seeded by bench/StateSeed.java), to exit
  launch  `sky launch -c fresh-K -- echo MARK` (a new local cluster each time), to the MARK line
SkyPilot baseline (same run): `sky status` with an empty state through SkyPilot's own warm API
server (.venv-bench, offline), the only one of these steps it can do without a cloud.
"""
import os, shutil, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(os.environ.get("N", "10"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(cmd, env, mark=None, cwd=ROOT):
    """Seconds until a stdout line contains mark (or until exit when mark is None)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = None
    for line in p.stdout:
        if mark is not None and first is None and mark in line:
            first = time.perf_counter() - t0
    p.wait()
    total = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with {p.returncode}")
    if mark is not None and first is None:
        raise SystemExit(f"{' '.join(cmd)} never printed {mark}")
    return first if mark is not None else total


def env_for(home, port):
    env = dict(os.environ)
    env.update(SKY4J_HOME=home, SKY4J_API_PORT=str(port), SKY4J_NO_BUILD="1",
               SKY4J_SSH_CONFIG=os.path.join(home, "ssh_config"))
    env.pop("SKY4J_API_URL", None)
    return env


def row(name, values, goal):
    med = statistics.median(values)
    return med, f"| {name} | {med * 1000:.0f} ms | {min(values) * 1000:.0f} ms | {max(values) * 1000:.0f} ms | {len(values)} | {goal} |"


def main():
    sky = [os.path.join(ROOT, "sky")]
    tmp = tempfile.mkdtemp(prefix="sky4j-bench-")
    rows = []
    try:
        # --- status with 500 clusters --------------------------------------------------------
        home_s = os.path.join(tmp, "status-home")
        os.makedirs(home_s)
        subprocess.run(["java", "-cp", os.path.join(ROOT, "server/target/sky4j-server.jar"),
                        os.path.join(ROOT, "bench/StateSeed.java"), os.path.join(home_s, "state.db"), "500"],
                       check=True)
        env_s = env_for(home_s, free_port())
        subprocess.run(sky + ["api", "start"], env=env_s, check=True, stdout=subprocess.DEVNULL)
        timed(sky + ["status"], env_s)  # warm-up
        status = [timed(sky + ["status"], env_s) for _ in range(N)]
        out = subprocess.run(sky + ["status"], env=env_s, capture_output=True, text=True).stdout
        assert out.count("bench-") == 500, "status did not list 500 clusters"
        subprocess.run(sky + ["api", "stop"], env=env_s, stdout=subprocess.DEVNULL)
        med_status, r = row("`sky status`, 500 clusters in state", status, "< 300 ms")
        rows.append(r)

        # --- exec on an UP cluster, then fresh launches --------------------------------------
        home_l = os.path.join(tmp, "launch-home")
        os.makedirs(home_l)
        env_l = env_for(home_l, free_port())
        subprocess.run(sky + ["launch", "-c", "bench", "--", "echo", "up"], env=env_l, check=True,
                       stdout=subprocess.DEVNULL)
        timed(sky + ["exec", "bench", "--", "echo", "MARK"], env_l, "MARK")  # warm-up
        execs = [timed(sky + ["exec", "bench", "--", "echo", "MARK"], env_l, "MARK") for _ in range(N)]
        _, r = row("`sky exec` on an UP cluster, to the first output line", execs, "< 500 ms")
        rows.append(r)
        launches = []
        for k in range(max(3, N // 2)):
            launches.append(timed(sky + ["launch", "-c", f"fresh-{k}", "--", "echo", "MARK"], env_l, "MARK"))
            subprocess.run(sky + ["down", f"fresh-{k}", "-y"], env=env_l, stdout=subprocess.DEVNULL)
        _, r = row("fresh 1-node local `sky launch`, to the first output line", launches, "< 6 s")
        rows.append(r)
        subprocess.run(sky + ["down", "-a", "-y"], env=env_l, stdout=subprocess.DEVNULL)
        subprocess.run(sky + ["api", "stop"], env=env_l, stdout=subprocess.DEVNULL)

        # --- SkyPilot: sky status, empty state, warm API server -------------------------------
        sp = os.path.join(ROOT, ".venv-bench", "bin", "sky")
        sp_line = "| SkyPilot `sky status`, empty state, warm API server | not measured (.venv-bench missing) | | | | |"
        if os.path.exists(sp):
            sp_env = dict(os.environ, HOME=os.path.join(tmp, "sp-home"))
            os.makedirs(sp_env["HOME"])
            try:
                subprocess.run([sp, "status"], env=sp_env, capture_output=True, timeout=180)  # starts its server
                sp_times = [timed([sp, "status"], sp_env) for _ in range(N)]
                med_sp, sp_line = row("SkyPilot `sky status`, empty state, warm API server", sp_times, "baseline")
                sp_line += f"\n\nRatio `sky status` (sky4j, 500 clusters) / SkyPilot (0 clusters): {med_status / med_sp:.2f}x"
            except (subprocess.TimeoutExpired, SystemExit) as e:
                sp_line = f"| SkyPilot `sky status` | failed offline: {e} | | | | |"
            finally:
                subprocess.run([sp, "api", "stop"], env=sp_env, capture_output=True, timeout=60)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("| step | median | min | max | runs | goal |")
    print("|---|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    print(sp_line)


if __name__ == "__main__":
    main()
