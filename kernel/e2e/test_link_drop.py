"""A dropped link (the ssh process killed, the node still up) under a running cell: the kernel
reconnects, the cell's output arrives complete and exactly once, and the remote state is kept."""
import os
import signal
import time

import pytest

import kernels

pytestmark = pytest.mark.skipif(not kernels.CLUSTER, reason="needs SKY4J_KERNEL_TEST_CLUSTER")


def bridge_ssh_pids(kernel_pid):
    pids = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%s/cmdline" % p, "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        if ppid == kernel_pid and cmd and cmd[0].endswith(b"ssh") and b" bridge " in b" ".join(cmd):
            pids.append(int(p))
    return pids


def test_killed_ssh_link_reconnects_without_losing_output_or_state():
    km, kc = kernels.start(attach=kernels.CLUSTER)
    try:
        kernels.run(kc, "import os\nstate = 'kept'\npid = os.getpid()")
        kernel_pid = km.provisioner.process.pid
        msg_id = kernels.submit(kc, "import time\nfor i in range(30):\n    print(i, flush=True)\n"
                                    "    time.sleep(0.1)")
        time.sleep(1.0)
        links = bridge_ssh_pids(kernel_pid)
        assert links, "no ssh bridge under the kernel"
        for p in links:
            os.kill(p, signal.SIGKILL)
        reply = kernels.wait_reply(kc, msg_id, 30)
        out = kernels.drain_iopub(kc, msg_id)
        assert reply["content"]["status"] == "ok", reply["content"]
        text = "".join(m["content"]["text"] for m in out if m["msg_type"] == "stream")
        assert text == "".join("%d\n" % i for i in range(30))
        new_links = bridge_ssh_pids(kernel_pid)
        assert new_links and not set(new_links) & set(links), "the kernel did not open a new link"
        _, same, _ = kernels.run(kc, "print(state, pid == os.getpid())")
        assert same == "kept True\n"
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
