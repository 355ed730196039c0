"""Kernel figures (docs/benchmarks.md, "Jupyter kernel"): the round trip of a `1+1` cell on the
sky4j kernel attached to a local-cloud cluster, against a stock ipykernel running the same cell
locally in the same run, and the time from `%sky attach` to the first cell result."""
import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

CLUSTER = os.environ["SKY4J_KERNEL_TEST_CLUSTER"]
N = int(os.environ.get("RUNS", "200"))


def start(name, attach=None):
    env = dict(os.environ)
    env.pop("SKY4J_KERNEL_ATTACH", None)
    if attach:
        env["SKY4J_KERNEL_ATTACH"] = attach
    return start_new_kernel(kernel_name=name, startup_timeout=120, env=env)


def cell(kc, code):
    t0 = time.perf_counter()
    r = kc.execute_interactive(code, timeout=120, output_hook=lambda m: None)
    dt = time.perf_counter() - t0
    assert r["content"]["status"] == "ok", r["content"]
    return dt


def round_trips(name, attach=None):
    km, kc = start(name, attach)
    try:
        for _ in range(20):
            cell(kc, "1+1")
        return [cell(kc, "1+1") for _ in range(N)]
    finally:
        kc.stop_channels()
        km.shutdown_kernel()


def attach_to_first_result(reps=5):
    km, kc = start("sky4j")
    try:
        cell(kc, "1+1")  # the local Python is up
        out = []
        for _ in range(reps):
            t0 = time.perf_counter()
            cell(kc, "%sky attach " + CLUSTER)
            cell(kc, "1+1")
            out.append(time.perf_counter() - t0)
            cell(kc, "%sky detach")
        return out
    finally:
        kc.stop_channels()
        km.shutdown_kernel()


def ms(xs):
    xs = sorted(xs)
    return statistics.median(xs) * 1000, xs[int(len(xs) * 0.9)] * 1000


def main():
    base = round_trips("python3")
    local = round_trips("sky4j")
    remote = round_trips("sky4j", attach=CLUSTER)
    attach = attach_to_first_result()
    b, b90 = ms(base)
    print("| `1+1` round trip (execute_request → idle), %d cells | median | p90 | vs ipykernel |" % N)
    print("|---|---|---|---|")
    print("| stock ipykernel, local (baseline) | %.1f ms | %.1f ms | — |" % (b, b90))
    for label, xs in (("sky4j kernel, local Python", local),
                      ("sky4j kernel, attached to a local-cloud cluster", remote)):
        m, m90 = ms(xs)
        print("| %s | %.1f ms | %.1f ms | %+.1f ms |" % (label, m, m90, m - b))
    a, a90 = ms(attach)
    print()
    print("`%%sky attach %s` → first `1+1` result: median %.0f ms, slowest of %d %.0f ms"
          % (CLUSTER, a, len(attach), max(attach) * 1000))


if __name__ == "__main__":
    sys.exit(main())
