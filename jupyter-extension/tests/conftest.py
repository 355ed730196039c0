"""The real thing for every test: the sky4j API server (started by the sky CLI on its own), on
the local cloud, under a private SKY4J_HOME, API port and SSH config, so nothing touches the
user's clusters. The environment is set in os.environ so kernels started by nbclient and
JupyterLab inherit it. At the end every cluster is torn down and the server stopped."""
from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

EXT = Path(__file__).resolve().parents[1]
REPO = EXT.parent
OUT = Path(os.environ.get("SKY4J_JUPYTER_TEST_OUT", EXT / "test-output"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sky(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(REPO / "sky"), *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def sky_env(tmp_path_factory):
    jar = REPO / "server" / "target" / "sky4j-server.jar"
    if not jar.is_file():
        msg = f"{jar} is not built: run mvn -B -q -o package -DskipTests"
        if os.environ.get("SKY4J_TEST_STRICT") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    root = tmp_path_factory.mktemp("sky4j")
    env = {
        "SKY4J_HOME": str(root / "home"),
        "SKY4J_API_PORT": str(free_port()),
        "SKY4J_SSH_CONFIG": str(root / "ssh_config"),
        "SKY4J_SERVER_JAR": str(jar),
        "SKY4J_CLI": str(REPO / "sky"),
        "SKY4J_NO_BUILD": "1",
    }
    saved = {k: os.environ.get(k) for k in [*env, "SKY4J_API_URL", "SKY4J_API_TOKEN"]}
    os.environ.update(env)
    os.environ.pop("SKY4J_API_URL", None)
    os.environ.pop("SKY4J_API_TOKEN", None)
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        yield env
    finally:
        sky("down", "-a", "-y")
        sky("api", "stop")
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
