"""The simulator's folder (--dir): where the daemon, the faults, the VMs' disks and hosts.json
live. Every JSON file is written atomically (temp file + rename), so readers never see half."""
import json
import os
from pathlib import Path

DEFAULT_REGION = "us-east-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp%d" % os.getpid())
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
    os.replace(tmp, path)


def read_json(path: Path, default):
    try:
        return json.loads(path.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return default


class SimDir:
    def __init__(self, root: Path):
        self.root = root.resolve()

    @property
    def daemon(self) -> Path:
        return self.root / "daemon.json"

    @property
    def faults(self) -> Path:
        return self.root / "faults.json"

    @property
    def hosts(self) -> Path:
        return self.root / "hosts.json"

    @property
    def instances(self) -> Path:
        """instance id -> {region, state, cluster, address}: what `status` and `interrupt` read."""
        return self.root / "instances.json"

    @property
    def vms(self) -> Path:
        return self.root / "vms"

    @property
    def log(self) -> Path:
        return self.root / "daemon.log"

    def daemon_info(self):
        info = read_json(self.daemon, None)
        if info and _alive(info.get("pid", 0)):
            return info
        return None

    def env(self, info) -> dict:
        env = {"AWS_ENDPOINT_URL": "http://127.0.0.1:%d" % info["proxy_port"]}
        env.update(CREDENTIALS)
        env["AWS_REGION"] = DEFAULT_REGION
        env["AWS_DEFAULT_REGION"] = DEFAULT_REGION  # what boto3 and the AWS CLI read
        env["SKY4J_AWS_SIM_HOSTS"] = str(self.hosts)
        return env


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie is not alive
        return Path("/proc/%d/stat" % pid).read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False
