"""scripts/aws-sim start|stop|env|fail|clear|interrupt|status (docs/aws-simulator.md)."""
import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3

from . import faults
from .state import CREDENTIALS, SimDir, read_json

REPO = Path(__file__).resolve().parents[2]


def print_env(sim, info):
    for k, v in sim.env(info).items():
        print("export %s=%s" % (k, v))


def require(sim):
    info = sim.daemon_info()
    if not info:
        sys.exit("aws-sim: not running in %s; start it with `eval \"$(scripts/aws-sim start)\"`"
                 % sim.root)
    return info


def start(sim, args):
    info = sim.daemon_info()
    if not info:
        if os.geteuid() != 0:
            sys.exit("aws-sim: needs root (mount namespaces and sshd for the simulated VMs)")
        if not Path("/usr/sbin/sshd").exists():
            sys.exit("aws-sim: OpenSSH's sshd is missing; run scripts/deps/aws-sim.sh")
        sim.root.mkdir(parents=True, exist_ok=True)
        sim.daemon.unlink(missing_ok=True)
        log = open(sim.log, "ab")
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
        owner = ["--owner-pid", str(args.owner_pid)] if args.owner_pid else []
        proc = subprocess.Popen([sys.executable, "-m", "aws_sim", "--dir", str(sim.root), "daemon"]
                                + owner,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env,
                                start_new_session=True, cwd="/")
        deadline = time.time() + 90
        while not info:
            if proc.poll() is not None or time.time() > deadline:
                sys.exit("aws-sim: the simulator did not start; see %s" % sim.log)
            time.sleep(0.1)
            info = sim.daemon_info()
    print_env(sim, info)


def stop(sim, args):
    info = read_json(sim.daemon, None)
    if not info or not sim.daemon_info():
        print("aws-sim: not running", file=sys.stderr)
        return
    os.kill(info["pid"], signal.SIGTERM)
    for _ in range(300):
        if not sim.daemon_info():
            return
        time.sleep(0.1)
    os.kill(info["pid"], signal.SIGKILL)  # its VMs die with it (parent-death signal)


def moto_ec2(sim, region):
    info = require(sim)
    return boto3.client("ec2", region_name=region, endpoint_url="http://127.0.0.1:%d"
                        % info["moto_port"], aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"])


def interrupt(sim, args):
    meta = read_json(sim.instances, {}).get(args.instance_id)
    region = args.region or (meta or {}).get("region")
    if not region:
        sys.exit("aws-sim: instance %s is not one the simulator watches (see `aws-sim status`);"
                 " give --region" % args.instance_id)
    moto_ec2(sim, region).terminate_instances(InstanceIds=[args.instance_id])
    print("%s: interrupted (terminated through moto, as AWS reclaims a spot instance)"
          % args.instance_id)


def status(sim, args):
    info = sim.daemon_info()
    print("aws-sim: %s (%s)" % ("running, proxy on 127.0.0.1:%d" % info["proxy_port"]
                                if info else "not running", sim.root))
    rows = [("INSTANCE", "REGION", "STATE", "ADDRESS", "SSHD", "CLUSTER")]
    for iid, m in sorted(read_json(sim.instances, {}).items()):
        rows.append((iid, m["region"], m["state"], m["address"] or "-",
                     "up" if m.get("sshd") else "-", m["cluster"]))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    for rule in read_json(sim.faults, []):
        print("fault (injected): RunInstances in %s fails with %s (%s)" % (
            rule.get("zone") or rule.get("region"), rule["code"],
            "until cleared" if rule["times"] < 0 else "%d more times" % rule["times"]))


def fail(sim, args):
    rule = faults.add(sim.faults, args.code, args.region, args.zone, args.times)
    print("aws-sim: RunInstances in %s now fails with %s (a fake, %s)" % (
        args.zone or args.region, args.code,
        "until `aws-sim clear`" if args.times < 0 else "%d times" % args.times))


def main():
    p = argparse.ArgumentParser(prog="aws-sim", description="moto + simulated EC2 VMs on loopback")
    p.add_argument("--dir", default=os.environ.get("AWS_SIM_DIR", str(REPO / ".aws-sim")),
                   help="state folder (default: .aws-sim in the repo, or $AWS_SIM_DIR)")
    sub = p.add_subparsers(dest="cmd", required=True)
    st = sub.add_parser("start", help="start (if needed) and print the export lines")
    st.add_argument("--owner-pid", type=int, help="stop by itself once this process is gone "
                    "(a test run that dies without `stop`)")
    sub.add_parser("env", help="print the export lines of the running simulator")
    sub.add_parser("stop", help="end moto, the proxy and every simulated VM")
    sub.add_parser("status", help="instances, their VMs and injected faults")
    sub.add_parser("clear", help="remove every injected fault")
    f = sub.add_parser("fail", help="make RunInstances fail in a region or zone (a fake)")
    f.add_argument("--code", required=True, help="EC2 error code, e.g. InsufficientInstanceCapacity")
    where = f.add_mutually_exclusive_group(required=True)
    where.add_argument("--region")
    where.add_argument("--zone")
    f.add_argument("--times", type=int, default=-1, help="fail this many times (default: until cleared)")
    i = sub.add_parser("interrupt", help="spot interruption: terminate the instance through moto")
    i.add_argument("instance_id")
    i.add_argument("--region")
    dm = sub.add_parser("daemon", help=argparse.SUPPRESS)
    dm.add_argument("--owner-pid", type=int)
    args = p.parse_args()
    sim = SimDir(Path(args.dir))
    if args.cmd == "daemon":
        from .daemon import run
        return run(sim, args.owner_pid)
    if args.cmd == "env":
        return print_env(sim, require(sim))
    if args.cmd == "clear":
        faults.clear(sim.faults)
        return print("aws-sim: no injected faults")
    {"start": start, "stop": stop, "status": status, "fail": fail, "interrupt": interrupt}[
        args.cmd](sim, args)


if __name__ == "__main__":
    main()
