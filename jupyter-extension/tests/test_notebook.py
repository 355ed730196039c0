"""%sky in a real ipykernel: nbclient executes a notebook against the real server, as "Run all"
would; the executed notebook is saved into the test output."""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from conftest import OUT

CELLS = [
    "%load_ext sky4j",
    "%sky launch -c nb1 -- echo notebook-hello-$((6*7))",
    "rows = %sky status nb1\nassert isinstance(rows, list) and rows[0]['status'] == 'UP', rows\nrows",
    "%sky exec nb1 -- echo from-exec",
    "%sky logs nb1",
    "%%sky launch -c nb2\nresources:\n  cpus: lots\nrun: echo never",
    "%sky down nb1",
    "left = %sky status\n[r['name'] for r in left]",
]


def outputs(cell, kind):
    return "".join(o.get("text", "") for o in cell.outputs
                   if o.output_type == "stream" and o.get("name") == kind)


def test_notebook_runs_launch_status_exec_logs_yaml_error_down(sky_env):
    nb = new_notebook(cells=[new_code_cell(c) for c in CELLS])
    nb.cells[5].metadata["tags"] = ["raises-exception"]  # the YAML error cell
    NotebookClient(nb, kernel_name="python3", timeout=240, allow_errors=False).execute()
    nbformat.write(nb, OUT / "magics-notebook.ipynb")
    c = nb.cells
    assert "notebook-hello-42" in outputs(c[1], "stdout")
    [status] = [o for o in c[2].outputs if o.output_type == "execute_result"]
    assert "<table" in status.data["text/html"] and ">UP<" in status.data["text/html"]
    assert status.data["text/plain"].splitlines()[0].startswith("NAME")
    assert "from-exec" in outputs(c[3], "stdout")
    assert "notebook-hello-42" not in outputs(c[4], "stdout")  # latest job = the exec
    assert "from-exec" in outputs(c[4], "stdout")
    err = outputs(c[5], "stderr")
    assert "cell:2:" in err and "2 |   cpus: lots" in err, err
    [error] = [o for o in c[5].outputs if o.output_type == "error"]
    assert error.ename == "SkyError" and "fix them and rerun" in error.evalue
    assert error.traceback == ["sky4j: " + error.evalue]  # one line, no stack
    assert "Terminated nb1." in outputs(c[6], "stdout")
    [names] = [o for o in c[7].outputs if o.output_type == "execute_result"]
    assert "nb1" not in names.data["text/plain"] and "nb2" not in names.data["text/plain"]
