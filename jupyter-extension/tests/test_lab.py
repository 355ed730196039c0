"""The JupyterLab panel in a real JupyterLab (127.0.0.1, with a token) driven by headless
Chromium: a cluster launched through the CLI appears UP, the panel's Stop stops it, the status
changes in the panel and the status bar. Also the server extension's guard: Jupyter's auth and
XSRF are required, only allow-listed routes are forwarded, and the sky4j token never reaches the
browser."""
from __future__ import annotations

import http.cookiejar
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import EXT, OUT, free_port, sky

NODE_MODULES = EXT / "node_modules" / "playwright-core"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _require(ok: bool, what: str):
    if not ok:
        if os.environ.get("SKY4J_TEST_STRICT") == "1":
            pytest.fail(f"missing prerequisite: {what} (run scripts/deps/jupyter-ext.sh)")
        pytest.skip(what)


@pytest.fixture(scope="module")
def lab(sky_env, tmp_path_factory):
    _require(NODE_MODULES.is_dir(), "playwright-core in jupyter-extension/node_modules")
    _require(Path(CHROMIUM).is_file(), f"Debian's chromium at {CHROMIUM}")
    _require(shutil.which("node") is not None, "node")
    root = tmp_path_factory.mktemp("lab")
    (root / "work").mkdir()
    token, port = secrets.token_hex(16), free_port()
    log = open(OUT / "jupyterlab.log", "w")
    settings = root / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)  # no "get notified about Jupyter news?" toast in the screenshots
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # the real sky4j kernel (kernel module), installed as a user would, into this test's Jupyter path
    r = sky("kernel", "install", "--prefix", str(root / "prefix"))
    assert r.returncode == 0, r.stdout + r.stderr
    env = dict(os.environ, JUPYTER_PATH=str(root / "prefix" / "share" / "jupyter"), JUPYTER_CONFIG_DIR=str(root / "config"), JUPYTER_RUNTIME_DIR=str(root / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(root / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(root / "ws"))
    p = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                          f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                          f"--ServerApp.root_dir={root / 'work'}", "--LabApp.news_url=", "--ServerApp.port_retries=0",
                          *(["--allow-root"] if os.geteuid() == 0 else [])],
                         stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline and p.poll() is None:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    else:
        p.kill()
        pytest.fail("JupyterLab did not start; see " + str(OUT / "jupyterlab.log"))
    yield url, token, root / "work"

    p.terminate()
    p.wait(20)
    log.close()


def _call(url, method="GET", body=None, headers=None, opener=None):
    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(),
                                 method=method, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_panel_shows_a_launched_cluster_and_stops_it(lab):
    url, token, work = lab
    (work / "task.yaml").write_text("name: from-dialog\nrun: echo launched-from-the-panel\n")
    r = sky("launch", "-c", "lab1", "-y", "--", "echo", "from-lab")
    assert r.returncode == 0, r.stdout + r.stderr
    (work / "job.yaml").write_text("run: echo managed-from-lab\n")
    r = sky("jobs", "launch", "-n", "labjob", "-y", "-d", str(work / "job.yaml"))
    assert r.returncode == 0, r.stdout + r.stderr
    deadline = time.time() + 120  # let it finish and its cluster go, so lab1 is the one UP cluster
    while time.time() < deadline:
        done = json.loads(sky("jobs", "queue", "-o", "json").stdout)[0]["status"] == "SUCCEEDED"
        if done and [c["name"] for c in json.loads(sky("status", "-o", "json").stdout)] == ["lab1"]:
            break
        time.sleep(1)
    p = subprocess.run(["node", str(EXT / "tests" / "browser" / "panel.mjs"), url, token, "lab1", str(OUT)],
                       capture_output=True, text=True, timeout=400, cwd=EXT)
    seen = json.loads(p.stdout.strip().splitlines()[-1])
    assert seen.get("ok"), seen.get("error") or p.stderr
    assert "1 UP" in seen["statusBarBefore"]
    assert seen["jobRow"][1] == "labjob" and seen["jobRow"][3] == "0"   # NAME, RECOVERIES
    assert "from-lab" in seen["logText"]
    assert seen["sawStopping"] and seen["statusAfter"] == "STOPPED"
    assert "0 UP" in seen["statusBarAfter"]
    assert "start" in seen["buttonsAfter"] and "stop" not in seen["buttonsAfter"]
    assert json.loads(sky("status", "lab1", "-o", "json").stdout)[0]["status"] == "STOPPED"
    assert seen["dialogLaunched"] == "UP"
    assert "launched-from-the-panel" in sky("logs", "lab1-dlg", "1", "--no-follow").stdout  # job 2 is the kernel
    sky_token = (Path(os.environ["SKY4J_HOME"]) / "server" / "token").read_text().strip()
    assert seen["sky4jResponses"], "the panel made no /sky4j calls"
    assert all(sky_token not in r["body"] for r in seen["sky4jResponses"])
    # the Kernel button switched the notebook to the sky4j kernel and attached it to the cluster
    assert "sky4j" in seen["kernelName"]
    # ...and the kernel really attached: its Python runs as a job on the cluster's head node
    deadline, jobs = time.time() + 60, []
    while time.time() < deadline:
        jobs = json.loads(sky("queue", "lab1-dlg", "-o", "json").stdout or "[]")
        if any(j.get("name") == "sky4j-kernel" and j.get("status") == "RUNNING" for j in jobs):
            break
        time.sleep(0.5)
    assert any(j.get("name") == "sky4j-kernel" and j.get("status") == "RUNNING" for j in jobs), jobs
    for name in ("panel-up.png", "panel-stopped.png", "panel-up-small.png", "panel-stopped-small.png",
                 "launch-dialog-small.png"):
        assert (OUT / name).stat().st_size > 1000


def test_proxy_needs_jupyter_auth_and_xsrf_and_forwards_only_allowed_routes(lab):
    url, token, _ = lab
    auth = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    code, body = _call(f"{url}/sky4j/api/status")
    assert code == 403, body                                   # no Jupyter auth
    code, body = _call(f"{url}/sky4j/api/status", headers=auth)
    assert code == 200 and isinstance(json.loads(body), list)
    for path in ("exec", "shutdown", "local/preempt", "launch"):
        code, body = _call(f"{url}/sky4j/api/{path}", "POST", {}, auth)
        assert code == 403 and json.loads(body)["code"] == "not-allowed", (path, body)
    code, body = _call(f"{url}/sky4j/api/clusters/x/jobs/latest/logs", headers=auth)
    assert code == 403
    # a browser session (cookie) without the XSRF header is refused before anything is forwarded
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _call(f"{url}/lab?token={token}", opener=opener)
    assert any(c.name.startswith("username-") or c.name == "_xsrf" for c in jar)
    code, body = _call(f"{url}/sky4j/api/stop", "POST", {"clusters": ["lab1"]},
                       {"Content-Type": "application/json"}, opener)
    assert code == 403, body
    xsrf = next(c.value for c in jar if c.name == "_xsrf")
    code, body = _call(f"{url}/sky4j/api/status", headers={"X-XSRFToken": xsrf}, opener=opener)
    assert code == 200


def test_launch_file_reports_yaml_errors_with_the_line(lab):
    url, token, root = lab
    (root / "bad.yaml").write_text("resources:\n  accelerators: H1OO:1\nrun: echo x\n")
    auth = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    code, body = _call(f"{url}/sky4j/launch", "POST", {"path": "bad.yaml", "cluster": "lab2"}, auth)
    problem = json.loads(body)
    assert code == 400 and problem["code"] == "invalid-task"
    assert "bad.yaml:2:17" in problem["diagnosticsText"] and "replace with 'H100:1'" in problem["diagnosticsText"]
    code, body = _call(f"{url}/sky4j/launch", "POST", {"path": "../../etc/passwd.yaml"}, auth)
    assert code == 400 and json.loads(body)["code"] == "bad-path"
