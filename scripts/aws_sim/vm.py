"""One simulated VM: a disk folder (vms/<instance-id>/disk) holding the machine's own /home,
/tmp, /etc/passwd|group|shadow|hosts, /etc/sudoers.d, /etc/ssh (host keys, sshd_config) and
/etc/systemd/system, and a boot that runs vm_init.py as PID 1 of new mount, UTS and PID
namespaces (util-linux unshare). Killing that unshare kills every process of the VM; the disk
stays (stop) until deleted (terminate)."""
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from . import cloudinit

HERE = Path(__file__).resolve().parent
PR_SET_PDEATHSIG = 1


def die_with_parent():
    # A simulator that dies, however it dies, takes its VMs with it (SIGKILL: `unshare --fork`
    # ignores SIGTERM while it waits for its child).
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    os.setsid()


class Vm:
    def __init__(self, root: Path, instance_id: str):
        self.id = instance_id
        self.dir = root / instance_id
        self.disk = self.dir / "disk"
        self.hv = self.dir / "hv"  # the "hypervisor" channel: /run/aws-sim-hypervisor inside
        self.proc = None
        self.booted_at = 0.0
        self.sshd_seen = False

    @property
    def address(self) -> str:
        return (self.dir / "address").read_text().strip()

    def exists(self) -> bool:
        return (self.dir / "address").exists()

    def create(self, address: str, user_data: bytes, meta: dict) -> None:
        """The first boot's disk: a copy of this host's base system files plus cloud-init's users."""
        etc = self.disk / "etc"
        for d in ("home", "tmp", "etc/sudoers.d", "etc/ssh", "etc/systemd/system"):
            (self.disk / d).mkdir(parents=True, exist_ok=True)
        os.chmod(self.disk / "tmp", 0o1777)
        self.hv.mkdir(parents=True, exist_ok=True)
        os.chmod(self.hv, 0o700)
        # The host's system accounts only (uid < 1000, and nobody), as on a fresh image.
        keep = lambda line: line.count(":") >= 2 and (
            not line.split(":")[2].isdigit() or int(line.split(":")[2]) < 1000
            or int(line.split(":")[2]) == 65534)
        for name in ("passwd", "group", "shadow"):
            src = Path("/etc") / name
            lines = src.read_text().splitlines()
            if name == "shadow":
                ids = {l.split(":")[0] for l in (etc / "passwd").read_text().splitlines()}
                lines = [l for l in lines if l.split(":")[0] in ids]
            else:
                lines = [l for l in lines if keep(l)]
            (etc / name).write_text("\n".join(lines) + "\n")
        hostname = "ip-" + address.replace(".", "-")
        (etc / "hostname").write_text(hostname + "\n")
        (etc / "hosts").write_text("127.0.0.1 localhost\n%s %s\n" % (address, hostname))
        for f in ("moduli", "ssh_config"):
            if (Path("/etc/ssh") / f).exists():
                shutil.copy(Path("/etc/ssh") / f, etc / "ssh" / f)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "root@" + hostname,
                        "-f", str(etc / "ssh" / "ssh_host_ed25519_key")], check=True)
        (etc / "ssh" / "sshd_config").write_text(SSHD_CONFIG % address)
        users, ignored = cloudinit.parse(user_data)
        cloudinit.apply(self.disk, users)
        (self.dir / "instance.json").write_text(json.dumps(meta))
        with open(self.dir / "console.log", "a") as log:
            log.write("cloud-init (aws-sim subset): users %s; ignored keys: %s\n"
                      % ([u["name"] for u in users], ignored or "none"))
        (self.dir / "address").write_text(address + "\n")

    def may_boot(self) -> bool:
        """Not running, and not a VM that just died on boot (retried after a pause)."""
        return not self.running() and time.time() - self.booted_at > 5

    def boot(self) -> None:
        self.booted_at = time.time()
        self.sshd_seen = False
        for stale in self.hv.glob("*"):
            stale.unlink()
        log = open(self.dir / "console.log", "ab")
        log.write(b"--- boot %s ---\n" % time.strftime("%H:%M:%S").encode())
        log.flush()
        sim_root = str(self.dir.parent.parent)
        self.proc = subprocess.Popen(
            ["unshare", "--mount", "--uts", "--pid", "--fork", "--kill-child", "--mount-proc",
             "--propagation", "private", "/usr/bin/python3", str(HERE / "vm_init.py"),
             str(self.dir), sim_root, str(HERE / "fakes")],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, preexec_fn=die_with_parent,
            close_fds=True)
        log.close()
        (self.dir / "unshare.pid").write_text(str(self.proc.pid))

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def sshd_up(self) -> bool:
        """Probed until it first answers after a boot, then never again: a probe is a TCP
        connection to port 22, which the node's autostop would count as SSH activity."""
        if not self.sshd_seen:
            try:
                with socket.create_connection((self.address, 22), timeout=0.3):
                    self.sshd_seen = True
            except OSError:
                pass
        return self.sshd_seen

    def kill(self) -> None:
        """Power off: every process of the VM dies at once (the PID namespace goes with its init)."""
        pid = self.proc.pid if self.proc else _read_pid(self.dir / "unshare.pid")
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if self.proc:
            self.proc.wait(timeout=10)
            self.proc = None
        (self.dir / "unshare.pid").unlink(missing_ok=True)

    def delete(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def take_request(self):
        """'poweroff' or 'reboot' when the VM's (fake) shutdown asked for it, else None."""
        f = self.hv / "request"
        try:
            req = f.read_text().strip()
        except FileNotFoundError:
            return None
        f.unlink(missing_ok=True)
        return req


def _read_pid(f: Path):
    try:
        return int(f.read_text())
    except (OSError, ValueError):
        return None


SSHD_CONFIG = """# sshd of an aws-sim VM (Debian's real OpenSSH), listening on this VM's own address only
ListenAddress %s:22
HostKey /etc/ssh/ssh_host_ed25519_key
PidFile none
UsePAM no
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
MaxStartups 100:30:200
MaxSessions 64
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
"""
