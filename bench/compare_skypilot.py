#!/usr/bin/env python3
"""Times sky4j's CLI against SkyPilot on the same files, cold (a new process per run), and prints a
markdown table of medians and ratios. Run through bench/compare-skypilot.sh, which sets it up.

Runs alternate between the two tools so that load from other work on the machine hits both alike.
One untimed run per command first warms the OS file cache (it is not JVM or Python warm-up: every
timed run is still a fresh process). A run that fails aborts the comparison: a timed error is no figure.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(os.environ.get('N', '10'))
SKY4J = [os.path.join(ROOT, 'sky')]
SKYPILOT = [os.path.join(ROOT, '.venv-bench/bin/python'), os.path.join(ROOT, 'bench/skypilot_ops.py')]
SKY4J_ENV = dict(os.environ, SKY4J_NO_BUILD='1')
SKYPILOT_ENV = dict(os.environ, HOME=os.path.join(ROOT, '.venv-bench/home'),
                    SKYPILOT_DISABLE_USAGE_COLLECTION='1')

# (operation, sky4j args, SkyPilot args): the same input file or GPU name on both sides.
CASES = [
    ('validate `examples/dev-gpu.yaml`', ['validate', 'examples/dev-gpu.yaml'],
     ['validate', 'examples/dev-gpu.yaml']),
    ('show-gpus `H100`', ['show-gpus', 'H100'], ['show-gpus', 'H100']),
    ('dryrun `examples/dev-gpu.yaml` (H100:1)', ['launch', '--dryrun', 'examples/dev-gpu.yaml'],
     ['dryrun', 'examples/dev-gpu.yaml']),
    ('dryrun `examples/spot-train.yaml` ({A100:8, H100:4} spot)',
     ['launch', '--dryrun', 'examples/spot-train.yaml'], ['dryrun', 'examples/spot-train.yaml']),
]


def run_once(cmd, env):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f'failed ({proc.returncode}): {" ".join(cmd)}\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}')
    return elapsed


def main():
    print(f'N={N} cold runs per command (median); sky4j = `SKY4J_NO_BUILD=1 ./sky ...`, '
          f'SkyPilot = `bench/skypilot_ops.py ...` (in-process SkyPilot API, no API server)\n')
    print('| operation | sky4j median | SkyPilot median | ratio sky4j / SkyPilot | speed-up |')
    print('|---|---:|---:|---:|---:|')
    for name, sky4j_args, skypilot_args in CASES:
        a, b = SKY4J + sky4j_args, SKYPILOT + skypilot_args
        run_once(a, SKY4J_ENV), run_once(b, SKYPILOT_ENV)  # file-cache warm-up, untimed
        t_a, t_b = [], []
        for _ in range(N):
            t_a.append(run_once(a, SKY4J_ENV))
            t_b.append(run_once(b, SKYPILOT_ENV))
        m_a, m_b = statistics.median(t_a), statistics.median(t_b)
        print(f'| {name} | {m_a * 1000:.0f} ms | {m_b * 1000:.0f} ms | {m_a / m_b:.2f}x | '
              f'{m_b / m_a:.1f}x |', flush=True)


if __name__ == '__main__':
    main()
