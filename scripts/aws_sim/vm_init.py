"""PID 1 of a simulated VM (run by vm.py under `unshare --mount --uts --pid`, as root): puts the
VM's disk in place of the host's /home, /tmp and machine files, hides Java (nothing of sky4j
or a JVM is pre-installed), installs the fake systemd, then starts the real OpenSSH sshd and the
enabled units, and reaps orphans until it is killed (which ends every process of the VM).
Standalone on purpose: it runs with the host's /usr/bin/python3, not the simulator's venv."""
import os
import signal
import socket
import subprocess
import sys

vm_dir, sim_root, fakes = sys.argv[1], sys.argv[2], sys.argv[3]
# The VM's folder may itself sit under /tmp or /home, which the first binds cover: name it
# through an open descriptor, which keeps pointing at the real folder whatever is mounted above.
vm_dir = "/proc/%d/fd/%d" % (os.getpid(), os.open(vm_dir, os.O_RDONLY | os.O_DIRECTORY))
fakes = "/proc/%d/fd/%d" % (os.getpid(), os.open(fakes, os.O_RDONLY | os.O_DIRECTORY))
disk = os.path.join(vm_dir, "disk")


def mount(*args):
    subprocess.run(["mount"] + list(args), check=True, close_fds=False)


def bind(src, dst, ro=False):
    mount("--bind", src, dst)
    if ro:
        mount("-o", "remount,bind,ro", dst)


for d in ("home", "tmp"):
    bind(os.path.join(disk, d), "/" + d)
for f in ("passwd", "group", "shadow", "hosts", "hostname"):
    bind(os.path.join(disk, "etc", f), "/etc/" + f)
for d in ("sudoers.d", "ssh", "systemd/system"):
    os.makedirs("/etc/" + d, exist_ok=True)
    bind(os.path.join(disk, "etc", d), "/etc/" + d)
# The fake systemd (named as such): systemctl, and shutdown/poweroff/halt/reboot, which on a
# systemd host are links to systemctl and so reach the same fake.
bind(os.path.join(fakes, "systemctl"), "/usr/bin/systemctl", ro=True)
for tool in ("shutdown", "poweroff", "halt", "reboot"):
    if not os.path.islink("/usr/sbin/" + tool) and os.path.exists("/usr/sbin/" + tool):
        bind(os.path.join(fakes, "systemctl"), "/usr/sbin/" + tool, ro=True)
# No Java: the JVMs live under /usr/lib/jvm (/usr/bin/java and friends are links into it).
if os.path.isdir("/usr/lib/jvm"):
    mount("-t", "tmpfs", "-o", "mode=755,size=1m", "tmpfs", "/usr/lib/jvm")
mount("-t", "tmpfs", "-o", "mode=755", "tmpfs", "/run")
os.makedirs("/run/sshd", mode=0o755)
os.makedirs("/run/aws-sim-hypervisor", mode=0o700)
bind(os.path.join(vm_dir, "hv"), "/run/aws-sim-hypervisor")
# Other VMs' disks and the simulator's own state are not this machine's business.
if os.path.isdir(sim_root):  # not when it sits under /tmp or /home: then it is gone already
    mount("-t", "tmpfs", "-o", "mode=700,size=1m", "tmpfs", sim_root)
socket.sethostname(open("/etc/hostname").read().strip())
os.chdir("/")

signal.signal(signal.SIGTERM, lambda *_: (os.kill(-1, signal.SIGKILL), os._exit(0)))
env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", "/etc/ssh/sshd_config"], env=env)
subprocess.run(["/usr/bin/systemctl", "--boot"], env=env)
print("aws-sim vm: up (sshd pid %d)" % sshd.pid, flush=True)
while True:
    try:
        pid, status = os.wait()
    except ChildProcessError:
        signal.pause()
        continue
    if pid == sshd.pid:
        print("aws-sim vm: sshd exited (%d)" % status, flush=True)
