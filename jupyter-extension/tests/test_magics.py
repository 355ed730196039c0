"""%sky through a real IPython shell (in this process) against the real server on the local
cloud: launch from a cell's YAML, exec, logs, status objects, stop/down, a YAML error showing
its line, and an interrupt that detaches without cancelling."""
from __future__ import annotations

import signal
import time

import pytest
from IPython.core.interactiveshell import InteractiveShell

from conftest import sky


@pytest.fixture(scope="module")
def ip(sky_env):
    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "sky4j")
    yield shell


def run(ip, capsys, code):
    res = ip.run_cell(code)
    out = capsys.readouterr()
    return res, out.out, out.err


def first_finished(ip, magic, seconds):
    """Runs `%sky MAGIC` until its newest row SUCCEEDED (or the time is up); returns the rows."""
    deadline = time.time() + seconds
    while True:
        rows = ip.run_line_magic("sky", magic)
        if rows[0]["status"] == "SUCCEEDED" or time.time() > deadline:
            return rows
        time.sleep(0.5)


def test_launch_from_cell_yaml_streams_output_and_status_is_a_list_of_dicts(ip, capsys):
    res, out, err = run(ip, capsys, "%%sky launch -c mg1\nname: magic\nrun: |\n  echo magic-hello-$((6*7))\n")
    assert res.success, err
    assert "magic-hello-42" in out
    assert "Cluster mg1" in err

    res, out, _ = run(ip, capsys, "rows = %sky status\nrows")
    rows = ip.user_ns["rows"]
    assert isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
    mine = [r for r in rows if r["name"] == "mg1"]
    assert mine and mine[0]["status"] == "UP" and mine[0]["cloud"] == "local"
    # the terminal rendering is the CLI's table
    header = next(l for l in out.splitlines() if l.startswith("NAME"))
    assert header.split() == ["NAME", "INFRA", "RESOURCES", "STATUS", "AUTOSTOP",
                                           "LAUNCHED", "$/h"]
    assert "mg1" in out and "UP" in out
    html = rows._repr_html_()
    assert "<table" in html and "<td style='text-align:left'>mg1</td>" in html


def test_exec_then_logs_shows_the_jobs_output(ip, capsys):
    res, out, err = run(ip, capsys, "%sky exec mg1 -- echo exec-out-$((40+2))")
    assert res.success, err
    assert "exec-out-42" in out
    res, out, err = run(ip, capsys, "%sky logs mg1")
    assert res.success, err
    assert "exec-out-42" in out
    res, _, _ = run(ip, capsys, "q = %sky queue mg1")
    q = ip.user_ns["q"]
    assert [j["status"] for j in q][:2] == ["SUCCEEDED", "SUCCEEDED"]


def test_yaml_error_in_the_cell_shows_its_line_message_and_fix(ip, capsys):
    cell = "%%sky launch -c bad1\nname: bad\nresources:\n  accelerators: H1OO:1\nrun: echo never\n"
    res, out, err = run(ip, capsys, cell)
    assert not res.success
    assert "cell:3:17" in err                    # line 3 of the task YAML, column 17
    assert "3 |   accelerators: H1OO:1" in err    # the offending line of the cell
    assert "^^^^^^" in err                       # under the bad value
    assert "Did you mean H100?" in err            # the server's message
    assert "replace with 'H100:1'" in err         # and its fix
    assert "Traceback" not in err + out
    assert not [r for r in ip.run_line_magic("sky", "status") if r["name"] == "bad1"]


def test_interrupt_detaches_and_the_job_keeps_running(ip, capsys):
    def interrupt(*_):
        raise KeyboardInterrupt
    old = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 3.0)
        res, out, err = run(ip, capsys, "%sky exec mg1 -- 'echo started; sleep 4; echo finished-late'")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert "Detached; it keeps running on the server." in err
    assert "%sky api logs" in err and "%sky logs mg1 --follow" in err
    assert "finished-late" not in out
    # not cancelled: the job finishes on its own and its log has the rest
    q = first_finished(ip, "queue mg1", 60)
    assert q[0]["status"] == "SUCCEEDED"
    _, out, _ = run(ip, capsys, "%sky logs mg1")
    assert "finished-late" in out


def test_stop_then_down(ip, capsys):
    res, out, err = run(ip, capsys, "%sky stop mg1")
    assert res.success, err
    assert [r["status"] for r in ip.run_line_magic("sky", "status mg1")] == ["STOPPED"]
    res, out, err = run(ip, capsys, "%sky down mg1")
    assert res.success, err
    assert "Terminated mg1." in out
    assert ip.run_line_magic("sky", "status mg1") == []
    assert "mg1" not in sky("status").stdout


def test_usage_errors_are_one_line_without_traceback(ip, capsys):
    res, out, err = run(ip, capsys, "%sky launch --gpus")
    assert not res.success
    # IPython's terminal shell prints the error on stdout
    assert "sky4j: argument --gpus: expected one argument" in out + err
    assert "Traceback" not in out + err
    res, out, err = run(ip, capsys, "%sky exec mg9 no-such-file.yaml")
    assert not res.success
    assert "no-such-file.yaml: no such file" in out + err


def test_gpus_returns_the_catalogs_offers_as_dicts(ip, capsys):
    res, out, err = run(ip, capsys, "offers = %sky gpus H100\noffers")
    assert res.success, err
    offers = ip.user_ns["offers"]
    assert offers and all(o["gpu"] == "H100" for o in offers)
    assert any(isinstance(o.get("price"), float) for o in offers)
    assert next(l for l in out.splitlines() if l.startswith("GPU")).split()[:4] == [
        "GPU", "QTY", "CLOUD", "INSTANCE_TYPE"]
    res, out, err = run(ip, capsys, "%sky gpus H1OO")
    assert not res.success and "Did you mean" in out + err


def test_managed_job_launch_from_the_cell_queue_and_logs(ip, capsys):
    res, out, err = run(ip, capsys, "%%sky jobs launch -n mj\nrun: echo managed-out-$((6*7))\n")
    assert res.success, err
    assert "managed-out-42" in out
    jobs = first_finished(ip, "jobs queue", 90)
    assert jobs[0]["name"] == "mj" and jobs[0]["status"] == "SUCCEEDED" and jobs[0]["recoveries"] == 0
    res, out, err = run(ip, capsys, "%sky jobs logs -n mj")
    assert "managed-out-42" in out
