"""The simulator's long-running process (`aws-sim start` forks it): moto_server on a free
loopback port, the proxy in front of it, and the VM watcher. SIGTERM ends all three and every
VM (their disks stay, so a later start boots stopped instances' disks again only if moto still
knows them — a fresh moto knows none, so they are removed)."""
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from .proxy import Proxy
from .state import SimDir, write_json
from .vm import die_with_parent
from .watcher import Watcher


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_moto(port: int, proc) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("moto_server exited with %s" % proc.returncode)
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/moto-api/" % port, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("moto_server did not answer within 60 s")


def watch_owner(pid: int, done: threading.Event) -> None:
    while not done.wait(1.0):
        try:
            os.kill(pid, 0)
        except OSError:
            print("aws-sim: owner process %d is gone; stopping" % pid, flush=True)
            done.set()


def run(sim: SimDir, owner_pid=None) -> None:
    moto_port = free_port()
    moto_exe = Path(sys.executable).parent / "moto_server"
    moto = subprocess.Popen([str(moto_exe), "-H", "127.0.0.1", "-p", str(moto_port)],
                            stdin=subprocess.DEVNULL, stdout=open(sim.root / "moto.log", "ab"),
                            stderr=subprocess.STDOUT, preexec_fn=die_with_parent)
    wait_for_moto(moto_port, moto)
    watcher = None

    def zone_of_subnet(region, subnet):
        try:
            return watcher.ec2(region).describe_subnets(SubnetIds=[subnet])["Subnets"][0][
                "AvailabilityZone"]
        except Exception:
            return None

    proxy = Proxy(moto_port, sim.faults, zone_of_subnet)
    watcher = Watcher(sim, moto_port, proxy.regions)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    proxy.start()
    threading.Thread(target=watcher.run, name="watcher", daemon=True).start()
    if owner_pid:
        threading.Thread(target=watch_owner, args=(owner_pid, done), daemon=True).start()
    write_json(sim.daemon, {"pid": os.getpid(), "moto_port": moto_port, "moto_pid": moto.pid,
                            "proxy_port": proxy.port})
    print("aws-sim: moto on 127.0.0.1:%d, proxy on 127.0.0.1:%d" % (moto_port, proxy.port),
          flush=True)
    done.wait()
    watcher.close()
    proxy.close()
    moto.terminate()
    try:
        moto.wait(timeout=10)
    except subprocess.TimeoutExpired:
        moto.kill()
    sim.daemon.unlink(missing_ok=True)
    print("aws-sim: stopped", flush=True)
