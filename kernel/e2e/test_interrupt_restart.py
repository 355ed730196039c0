"""Interrupt and restart on a running time.sleep loop, locally and attached to a cluster."""
import time

import pytest

import kernels

MODES = ["local"] + (["attached"] if kernels.CLUSTER else [])
LOOP = "import time\nfor i in range(1000):\n    time.sleep(0.1)\nprint('loop ran to the end')"


@pytest.fixture(params=MODES)
def kernel(request):
    km, kc = kernels.start(attach=kernels.CLUSTER if request.param == "attached" else None)
    km.mode = request.param
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel()


def test_interrupt_stops_the_loop_and_keeps_state(kernel):
    km, kc = kernel
    kernels.run(kc, "kept = 'still here'")
    msg_id = kernels.submit(kc, LOOP)
    time.sleep(1.5)
    t0 = time.time()
    km.interrupt_kernel()
    reply = kernels.wait_reply(kc, msg_id, 10)
    assert time.time() - t0 < 5
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    _, out, _ = kernels.run(kc, "print(kept)")
    assert out == "still here\n"


def test_restart_during_the_loop_gives_a_fresh_python(kernel):
    km, kc = kernel
    _, before, _ = kernels.run(kc, "import os\nold = 1\nprint(os.getpid())")
    kernels.submit(kc, LOOP)
    time.sleep(1.0)
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=120)
    reply, out, _ = kernels.run(kc, "import os\nprint('old' in globals(), os.getpid())")
    fresh, pid = out.split()
    assert fresh == "False"
    assert pid != before.strip()
    _, cwd, _ = kernels.run(kc, "print(os.getcwd())")
    # attached before the restart: still attached after it (a fresh Python on the same node)
    assert (kernels.CLUSTER in cwd and "/local/" in cwd) == (km.mode == "attached")


@pytest.mark.skipif(not kernels.CLUSTER, reason="needs SKY4J_KERNEL_TEST_CLUSTER")
def test_shutdown_leaves_the_cluster_up_and_ends_the_python_job():
    import json
    import os
    import subprocess
    sky = os.path.join(os.path.dirname(__file__), "..", "..", "sky")
    km, kc = kernels.start(attach=kernels.CLUSTER)
    kernels.run(kc, "1+1")
    kc.stop_channels()
    km.shutdown_kernel()
    deadline = time.time() + 20
    while True:
        jobs = json.loads(subprocess.run([sky, "queue", kernels.CLUSTER, "-o", "json"],
                                         capture_output=True, text=True, timeout=60).stdout)
        live = [j for j in jobs if j["name"] == "sky4j-kernel" and j["status"] in ("PENDING", "RUNNING")]
        if not live or time.time() > deadline:
            break
        time.sleep(0.5)
    assert not live, "the kernel's Python job still holds the GPUs: %s" % live
    status = json.loads(subprocess.run([sky, "status", kernels.CLUSTER, "-o", "json"],
                                       capture_output=True, text=True, timeout=60).stdout)
    assert status[0]["status"] == "UP"
