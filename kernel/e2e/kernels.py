"""Starting the real sky4j kernel through jupyter_client, locally or attached to a cluster."""
import os
import time

from jupyter_client.manager import start_new_kernel

CLUSTER = os.environ.get("SKY4J_KERNEL_TEST_CLUSTER", "")


def start(attach=None):
    env = dict(os.environ)
    env.pop("SKY4J_KERNEL_ATTACH", None)
    if attach:
        env["SKY4J_KERNEL_ATTACH"] = attach
    return start_new_kernel(kernel_name="sky4j", startup_timeout=120, env=env)


def run(kc, code, timeout=60, allow_error=False):
    """Runs a cell; returns (reply content, stdout text, every output message)."""
    out = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=out.append)
    stdout = "".join(m["content"]["text"] for m in out
                     if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    if not allow_error:
        assert reply["content"]["status"] == "ok", (reply["content"], out)
    return reply["content"], stdout, out


def submit(kc, code):
    return kc.execute(code)


def wait_reply(kc, msg_id, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") == msg_id:
            return m
    raise AssertionError("no execute_reply within %s s" % timeout)


def drain_iopub(kc, msg_id, timeout=10):
    """The iopub messages of one request, up to its idle status."""
    out = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return out
        out.append(m)
    return out
