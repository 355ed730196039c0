"""A cluster that goes away under the notebook: a preempted node under a running cell, a cluster
stopped from outside, and task YAML errors in a %%sky launch cell. Real node processes, real SSH."""
import os
import subprocess
import time

import pytest

import kernels

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LOOP = "import time\nfor i in range(600):\n    print(i, flush=True)\n    time.sleep(0.1)"

pytestmark = pytest.mark.skipif(not kernels.CLUSTER, reason="needs the e2e script's private API server")


def sky(*args):
    return subprocess.run([os.path.join(ROOT, "sky"), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def kernel():
    km, kc = kernels.start()
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel()


def error_of(out):
    errs = [m["content"] for m in out if m["msg_type"] == "error"]
    return errs[0] if errs else None


def test_preempted_node_under_a_running_cell_is_reported_within_seconds(kernel):
    km, kc = kernel
    reply, text, _ = kernels.run(kc, "%%sky launch -c kdie\nresources:\n  use_spot: true\n", timeout=120)
    assert "Attached to kdie" in text
    msg_id = kernels.submit(kc, LOOP)
    time.sleep(1.0)
    assert sky("local", "preempt", "kdie").returncode == 0
    t0 = time.time()
    reply = kernels.wait_reply(kc, msg_id, 30)
    took = time.time() - t0
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "ClusterUnreachable"
    assert "kdie" in reply["content"]["evalue"]
    assert "%sky launch -c kdie" in reply["content"]["evalue"]
    assert took < 10, "the lost node took %.1f s to report" % took
    # the next cell fails at once, with the same way back, and nothing hangs
    t1 = time.time()
    content, _, out = kernels.run(kc, "1+1", allow_error=True)
    assert content["status"] == "error" and time.time() - t1 < 3
    assert "kdie" in content["evalue"]
    kernels.run(kc, "%sky detach")
    _, text, _ = kernels.run(kc, "print('local again')")
    assert text == "local again\n"
    sky("down", "-y", "kdie")


def test_cluster_stopped_from_outside_fails_the_next_cell_and_start_reattaches(kernel):
    km, kc = kernel
    kernels.run(kc, "%%sky launch -c kstop\nname: kstop\nsetup: echo ready\n", timeout=120)
    kernels.run(kc, "x = 1")
    assert sky("stop", "-y", "kstop").returncode == 0
    t0 = time.time()
    content, _, _ = kernels.run(kc, "x", allow_error=True)
    assert time.time() - t0 < 15
    assert content["status"] == "error"
    assert "STOPPED" in content["evalue"] and "%sky start kstop" in content["evalue"]
    content, text, _ = kernels.run(kc, "%sky start -y kstop", timeout=120)
    assert "Attached to kstop" in text
    _, text, _ = kernels.run(kc, "print('x' in globals())")
    assert text == "False\n"  # a fresh Python: the stop ended the old one
    kernels.run(kc, "%sky down -y kstop", timeout=120)


def test_task_yaml_errors_point_at_the_cells_line(kernel):
    km, kc = kernel
    content, _, out = kernels.run(kc, "%%sky launch -c bad\nname: bad\nresources:\n  acelerators: H100:1\n",
                                  allow_error=True)
    assert content["status"] == "error"
    text = "".join(m["content"].get("text", "") for m in out if m["msg_type"] == "stream")
    assert "cell line 4" in text, text
    assert ".sky4j-cell-" not in text
