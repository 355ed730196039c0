"""bench/jupyter.sh's measurements (see there). The 100 clusters are rows seeded into a private
state.db by bench/StateSeed.java through the real state store ("aws" clusters: no such provider
is enabled here, so the server leaves them as they are; 100 real local-cloud clusters would be
100 SSH servers and agents on this 2-core machine)."""
from __future__ import annotations

import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("N", "20"))
CLUSTERS = 100


def port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def med(xs):
    return f"median {statistics.median(xs):.0f} ms (min {min(xs):.0f}, max {max(xs):.0f}, n={len(xs)})"


def main():
    tmp = Path(tempfile.mkdtemp(prefix="sky4j-jbench-"))
    home = tmp / "home"
    home.mkdir()
    env = {"SKY4J_HOME": str(home), "SKY4J_API_PORT": str(port()), "SKY4J_SSH_CONFIG": str(tmp / "ssh"),
           "SKY4J_NO_BUILD": "1", "SKY4J_CLI": str(ROOT / "sky")}
    os.environ.update(env)
    os.environ.pop("SKY4J_API_URL", None)
    os.environ.pop("SKY4J_API_TOKEN", None)
    sky = lambda *a: subprocess.run([str(ROOT / "sky"), *a], capture_output=True, text=True)  # noqa
    subprocess.run(["java", "-cp", str(ROOT / "server/target/sky4j-server.jar"),
                    str(ROOT / "bench/StateSeed.java"), str(home / "state.db"), str(CLUSTERS)], check=True)
    sky("api", "start")
    lab = None
    km = None
    try:
        rows = json.loads(sky("status", "-o", "json").stdout)
        assert len(rows) == CLUSTERS, len(rows)
        token = (home / "server" / "token").read_text().strip()
        url = f"http://127.0.0.1:{env['SKY4J_API_PORT']}/api/v1/status?refresh=false"
        raw = []
        for _ in range(N):
            t0 = time.perf_counter()
            urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token})).read()
            raw.append((time.perf_counter() - t0) * 1000)
        cli = []
        for _ in range(max(5, N // 2)):
            t0 = time.perf_counter()
            sky("status")
            cli.append((time.perf_counter() - t0) * 1000)

        km, kc = start_new_kernel(kernel_name="python3")
        kc.execute_interactive("%load_ext sky4j", timeout=60)
        cell = []
        shown = {}
        for _ in range(N):
            def hook(msg):
                if msg["msg_type"] == "execute_result":
                    shown.update(msg["content"]["data"])
            t0 = time.perf_counter()
            kc.execute_interactive("%sky status", output_hook=hook, timeout=60)
            cell.append((time.perf_counter() - t0) * 1000)
        assert shown["text/html"].count("<tr>") == CLUSTERS + 1

        lab_port, lab_token = port(), secrets.token_hex(16)
        work = tmp / "work"
        work.mkdir()
        lab = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                                f"--ServerApp.port={lab_port}", f"--IdentityProvider.token={lab_token}",
                                f"--ServerApp.root_dir={work}", *(["--allow-root"] if os.geteuid() == 0 else [])],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp / "rt"),
                                        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "ws")))
        lab_url = f"http://127.0.0.1:{lab_port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{lab_url}/api/status?token={lab_token}", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        proxied = []
        for _ in range(N):
            t0 = time.perf_counter()
            urllib.request.urlopen(urllib.request.Request(f"{lab_url}/sky4j/api/status",
                                   headers={"Authorization": f"token {lab_token}"})).read()
            proxied.append((time.perf_counter() - t0) * 1000)
        p = subprocess.run(["node", str(ROOT / "bench/jupyter_panel.cjs"), lab_url, lab_token, str(N), str(CLUSTERS)],
                           capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, NODE_PATH=str(ROOT / "jupyter-extension/node_modules")))
        panel = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {"error": p.stderr}
        if "error" in panel:
            raise SystemExit("panel bench failed: " + panel["error"])

        print(f"clusters in the state: {CLUSTERS}")
        print(f"GET /api/v1/status (urllib, warm)          {med(raw)}")
        print(f"sky status (CLI, cold process)             {med(cli)}")
        print(f"%sky status in an ipykernel cell           {med(cell)}   target < 300 ms")
        print(f"  cell / CLI ratio                         {statistics.median(cell) / statistics.median(cli):.2f}x")
        print(f"GET /sky4j/api/status via the Jupyter proxy {med(proxied)}")
        print(f"panel refresh: fetch status+jobs (proxy)   {med(panel['fetch'])}")
        print(f"panel refresh: render {CLUSTERS} rows           {med(panel['render'])}")
        print(f"panel refresh: click to table updated      {med(panel['click'])}")
    finally:
        if km is not None:
            km.shutdown_kernel(now=True)
        if lab is not None:
            lab.terminate()
            lab.wait(20)
        sky("api", "stop")


if __name__ == "__main__":
    main()
