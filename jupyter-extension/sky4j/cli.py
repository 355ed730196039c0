"""The `sky` CLI as a helper process: it starts the API server (`sky api start`, with the same
version handshake and jar as the CLI) and reads the GPU catalog (`sky show-gpus -o json`), which
lives on the client side and has no API route."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from .api import Client, Sky4jError, ServerUnreachable, is_local


def sky_command() -> list[str]:
    """SKY4J_CLI, else `sky` on PATH, else the `sky` script of the checkout this package is in."""
    env = os.environ.get("SKY4J_CLI", "").strip()
    if env:
        return [env]
    on_path = shutil.which("sky")
    if on_path:
        return [on_path]
    for d in Path(__file__).resolve().parents:
        if (d / "sky").is_file() and (d / "cli").is_dir():
            return [str(d / "sky")]
    raise Sky4jError("cannot find the sky CLI: put `sky` on PATH or set SKY4J_CLI to its path")


def run_sky(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(sky_command() + list(args), capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def ensure_server(client: Client) -> Client:
    """The client, after starting a local server through the CLI when none answers."""
    try:
        client.health()
        return client
    except ServerUnreachable:
        if not is_local(client.url):
            raise
    print(f"Starting the sky4j API server at {client.url} ...", flush=True)
    p = run_sky("api", "start")
    if p.returncode != 0:
        raise Sky4jError(f"`sky api start` failed (exit {p.returncode}): "
                         f"{(p.stderr or p.stdout).strip()}")
    client.health(timeout=10)
    return client


def show_gpus(args: list[str]) -> dict:
    p = run_sky("show-gpus", *args, "-o", "json")
    if p.returncode != 0:
        raise Sky4jError((p.stderr or p.stdout).strip() or f"sky show-gpus failed ({p.returncode})")
    return json.loads(p.stdout)
