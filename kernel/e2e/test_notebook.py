"""examples/kernel-notebook.ipynb, executed headless by nbclient with the sky4j kernel: it
launches a local-cloud cluster, attaches, keeps state, renders a matplotlib PNG and downs it."""
import base64
import json
import os
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

import kernels

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
pytestmark = pytest.mark.skipif(not kernels.CLUSTER, reason="needs the e2e script's private API server")


def text_of(cell):
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            parts.append(o.data.get("text/plain", ""))
        elif o.output_type == "error":
            parts.append("%s: %s" % (o.ename, o.evalue))
    return "".join(parts)


def test_example_notebook_runs_on_a_cluster_and_downs_it():
    nb = nbformat.read(os.path.join(ROOT, "examples", "kernel-notebook.ipynb"), as_version=4)
    NotebookClient(nb, kernel_name="sky4j", timeout=300, resources={"metadata": {"path": ROOT}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    launch, env, _, total, plot, status, down, after = code
    assert "Attached to nb-demo" in text_of(launch)
    assert "H100:1" in text_of(launch) and "/h" in text_of(launch)
    assert text_of(env).splitlines() == ["hello from the task", "GPUs visible to this Python: 0"]
    assert text_of(total) == "285"
    pngs = [o for o in plot.outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(pngs) == 1
    assert base64.b64decode(pngs[0].data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert "nb-demo" in text_of(status) and "UP" in text_of(status)
    assert "Detached from nb-demo" in text_of(down)
    assert text_of(after) == "False"  # back in the local Python, which never saw `squares`
    listed = subprocess.run([os.path.join(ROOT, "sky"), "status", "-o", "json"], capture_output=True,
                            text=True, timeout=60)
    assert "nb-demo" not in [c["name"] for c in json.loads(listed.stdout)]
