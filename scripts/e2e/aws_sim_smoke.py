"""Smoke test of scripts/aws-sim through its own CLI, boto3 (against the proxy) and the system's
OpenSSH client: the user-data user logs in by key with sudo and no Java; a fake-systemd unit
survives stop/start with the disk; the VM's own `shutdown` stops or terminates the instance per
InstanceInitiatedShutdownBehavior; `interrupt` terminates; `fail --zone` is EC2's error (a fake).
Run by scripts/e2e/aws-sim.sh."""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from botocore.exceptions import ClientError

REPO = Path(__file__).resolve().parents[2]
SIM = str(REPO / "scripts" / "aws-sim")
work = Path(tempfile.mkdtemp(prefix="aws-sim-smoke-"))
simdir = work / "sim"


def sim(*args):
    return subprocess.run([SIM, "--dir", str(simdir)] + list(args), check=True,
                          capture_output=True, text=True).stdout


def wait(what, fn, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = fn()
        if v:
            return v
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what + "\n" + sim("status"))


subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(work / "key")], check=True)
pub = (work / "key.pub").read_text().strip()
env = dict(line.replace("export ", "", 1).split("=", 1) for line in sim("start").splitlines())
assert env["AWS_ENDPOINT_URL"].startswith("http://127.0.0.1:"), env
os.environ.update(env)
ec2 = boto3.client("ec2")
hosts = Path(env["SKY4J_AWS_SIM_HOSTS"])


def launch(behaviour="stop", zone=None):
    ud = ("#cloud-config\nusers:\n  - name: ubuntu\n    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n"
          "    shell: /bin/bash\n    ssh_authorized_keys: [\"%s\"]\nunknown_key: 1\n" % pub)
    kw = {"Placement": {"AvailabilityZone": zone}} if zone else {}
    r = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType="t3.micro",
                          UserData=ud,  # boto3 base64-encodes it, as the Java SDK caller must
                          InstanceInitiatedShutdownBehavior=behaviour,
                          TagSpecifications=[{"ResourceType": "instance", "Tags": [
                              {"Key": "sky4j-cluster", "Value": "smoke"}]}], **kw)
    return r["Instances"][0]["InstanceId"]


def host(iid):
    return json.loads(hosts.read_text()).get(iid, {}).get("ssh_host") if hosts.exists() else None


def ssh(iid, cmd):
    return subprocess.run(["ssh", "-i", str(work / "key"), "-o", "StrictHostKeyChecking=no",
                           "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=error",
                           "-o", "ConnectTimeout=5", "ubuntu@" + host(iid), cmd],
                          capture_output=True, text=True, timeout=30)


def state(iid):
    return ec2.describe_instances(InstanceIds=[iid])["Reservations"][0]["Instances"][0][
        "State"]["Name"]


def sshd_up(iid):
    return host(iid) and ssh(iid, "true").returncode == 0


try:
    iid = launch()
    wait("hosts.json to name " + iid, lambda: sshd_up(iid))
    addr = host(iid)
    assert addr.startswith("127.251."), addr
    out = ssh(iid, "id -un; sudo -n id -u; command -v java || echo no-java; echo kept > ~/data")
    assert out.stdout.split() == ["ubuntu", "0", "no-java"], out
    unit = "[Service]\nExecStart=/bin/sleep 7777\nUser=ubuntu\n"
    out = ssh(iid, "printf '%s' | sudo tee /etc/systemd/system/smoke.service >/dev/null && "
                   "sudo systemctl enable --now smoke && systemctl is-active smoke" % unit)
    assert out.stdout.strip().endswith("active"), out

    ec2.stop_instances(InstanceIds=[iid])
    wait("the VM to go down", lambda: ssh(iid, "true").returncode != 0)
    vm_dir = simdir / "vms" / iid
    assert vm_dir.is_dir(), "stop keeps the disk"
    ec2.start_instances(InstanceIds=[iid])
    wait("the VM to come back", lambda: sshd_up(iid))
    assert host(iid) == addr, "same address after start"
    out = ssh(iid, "cat ~/data; systemctl is-active smoke")
    assert out.stdout.split() == ["kept", "active"], out

    ssh(iid, "sudo shutdown -h now")
    wait("shutdown -> stopped", lambda: state(iid) == "stopped")

    down = launch("terminate")
    wait("second VM", lambda: sshd_up(down))
    ssh(down, "sudo poweroff")
    wait("poweroff -> terminated", lambda: state(down) == "terminated")
    wait("disk deleted", lambda: not (simdir / "vms" / down).exists())

    spot = launch()
    wait("third VM", lambda: sshd_up(spot))
    sim("interrupt", spot)
    wait("interrupt -> terminated", lambda: state(spot) == "terminated")
    wait("interrupted VM gone", lambda: not (simdir / "vms" / spot).exists())

    sim("fail", "--code", "InsufficientInstanceCapacity", "--zone", "us-east-1b", "--times", "1")
    try:
        launch(zone="us-east-1b")
        raise AssertionError("the injected fault did not fire")
    except ClientError as e:
        assert e.response["Error"]["Code"] == "InsufficientInstanceCapacity", e.response
    launch(zone="us-east-1a")  # other zones are untouched; --times 1 is used up
    ok = launch(zone="us-east-1b")
    sim("fail", "--code", "InstanceLimitExceeded", "--region", "us-east-1")
    try:
        launch()
        raise AssertionError("the region fault did not fire")
    except ClientError as e:
        assert e.response["Error"]["Code"] == "InstanceLimitExceeded"
    sim("clear")
    launch()
    print("aws-sim smoke: ok")
finally:
    sim("stop")
    leftovers = subprocess.run(["pgrep", "-f", "sleep 7777"], capture_output=True, text=True)
    assert not leftovers.stdout.strip(), "VM processes outlived `aws-sim stop`: " + leftovers.stdout
