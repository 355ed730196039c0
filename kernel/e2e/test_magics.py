"""Magics on a multi-node local-cloud cluster: %%bash --all runs on the head (in the cell's
Python environment) and on every worker over ssh CLUSTER-workerN."""
import pytest

import kernels

pytestmark = pytest.mark.skipif(not kernels.CLUSTER, reason="needs the e2e script's private API server")


def test_bash_all_runs_on_every_node():
    km, kc = kernels.start()
    try:
        _, text, _ = kernels.run(kc, "%%sky launch -c kmulti\nnum_nodes: 2\nsetup: echo ready\n", timeout=120)
        assert "Attached to kmulti: 2x" in text
        kernels.run(kc, "import os\nos.environ['FROM_PYTHON'] = 'yes'")
        _, text, _ = kernels.run(kc, "%%bash --all\necho \"rank=$SKYPILOT_NODE_RANK py=${FROM_PYTHON:-no}\"")
        assert text == "rank=0 py=yes\n--- kmulti-worker1 ---\nrank=1 py=no\n", text
    finally:
        kernels.run(kc, "%sky down -y kmulti", timeout=120, allow_error=True)
        kc.stop_channels()
        km.shutdown_kernel()
