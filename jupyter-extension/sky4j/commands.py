"""What each `%sky` subcommand does against the API server. Long operations follow their
request's log into the cell; listings come back as Rows (plain lists of dicts)."""
from __future__ import annotations

import os
import sys
import urllib.parse
from pathlib import Path
from typing import Any, Optional

from . import diagnostics, follow, tables
from .api import ApiError, Client, Sky4jError
from .cli import show_gpus

_q = lambda s: urllib.parse.quote(str(s), safe="")  # noqa: E731


class Task:
    """The task of a launch/exec: the cell's YAML, a YAML file, or command words; plus flags."""

    def __init__(self, ns, cell: Optional[str]):
        words = [w for w in (ns.entrypoint or []) if w != "--"]
        self.yaml, self.path, self.command = None, None, None
        self.base = os.getcwd()
        if cell is not None and cell.strip():
            self.yaml, self.source = cell, "cell"
            if words:
                raise Sky4jError("give the task either in the cell or on the line, not both")
        elif len(words) == 1 and words[0].endswith((".yaml", ".yml")):
            p = Path(words[0])
            if not p.is_file():
                raise Sky4jError(f"{words[0]}: no such file. Check the path, e.g. "
                                 "%sky launch -c dev task.yaml")
            self.yaml, self.path, self.source = p.read_text(encoding="utf-8"), words[0], words[0]
            self.base = str(p.absolute().parent)
        else:
            self.command = " ".join(words) or None
            self.source = "command"
        self.ns = ns

    def input(self) -> dict:
        ns = self.ns
        overrides = {k: v for k, v in {
            "name": ns.name, "workdir": ns.workdir, "numNodes": ns.num_nodes, "gpus": ns.gpus,
            "cpus": ns.cpus, "memory": ns.memory, "diskSize": ns.disk_size, "infra": ns.infra,
            "useSpot": ns.use_spot, "instanceType": ns.instance_type}.items() if v is not None}
        return {"yaml": self.yaml, "yamlPath": self.path, "baseDir": self.base,
                "command": self.command, "overrides": overrides,
                "envs": _pairs("--env", ns.env), "secrets": _pairs("--secret", ns.secret)}

    def validate(self, client: Client) -> None:
        """The server's validator on the YAML (with the flags applied): errors stop here."""
        if self.yaml is None:
            return
        r = client.post("/validate", self.input())
        text = r.get("text") or ""
        if not r.get("valid", True):
            raise diagnostics.InvalidTask(diagnostics.render(text, self.source), r.get("diagnostics") or [])
        if text.strip():
            sys.stderr.write(diagnostics.render(text, self.source))


def _pairs(flag: str, items: list[str]) -> dict:
    out = {}
    for s in items:
        k, eq, v = s.partition("=")
        if not eq:
            if k not in os.environ:
                raise Sky4jError(f"{flag} {k}: {k} is not set in this kernel's environment. Give a "
                                 f"value ({flag} {k}=VALUE) or set os.environ['{k}'] first.")
            v = os.environ[k]
        out[k] = v
    return out


def problem_text(e: ApiError, task: Optional[Task] = None) -> str:
    if e.diagnostics_text:
        return diagnostics.render(e.diagnostics_text, task.source if task else "request")
    if e.diagnostics and task is not None:
        return diagnostics.fallback_text(e.diagnostics, task.yaml or "", task.source)
    return ""


def _finish(info: dict, task: Optional[Task] = None) -> dict:
    if info.get("status") == "SUCCEEDED":
        return info.get("result") or {}
    err = info.get("error") or {}
    if err.get("diagnosticsText") or err.get("diagnostics"):
        e = ApiError(err)
        raise diagnostics.InvalidTask(problem_text(e, task), e.diagnostics)
    raise Sky4jError(f"{err.get('message') or 'request ' + str(info.get('id')) + ' ended ' + str(info.get('status'))}"
                     + (f" [{err['code']}]" if err.get("code") else ""))


def _follow(client: Client, rid: str, reattach: str, task: Optional[Task] = None) -> Optional[dict]:
    try:
        return _finish(follow.request(client, rid, reattach), task)
    except follow.Detached:
        return None


def launch(client: Client, ns, cell: Optional[str]) -> None:
    task = Task(ns, cell)
    if task.yaml is None and task.command is None and not ns.cluster:
        raise Sky4jError("give a task: %sky launch -c dev task.yaml, %sky launch -c dev -- CMD, "
                         "or %%sky launch -c dev with the YAML in the cell")
    task.validate(client)
    body = {"cluster": ns.cluster, "task": task.input(), "idleMinutes": ns.idle, "down": ns.down,
            "retryUntilUp": ns.retry_until_up, "noSetup": ns.no_setup, "detachRun": ns.detach_run}
    rid = client.submit("/launch", body)
    reattach = f"Reattach with: %sky api logs {rid}" + (f"; job output: %sky logs {ns.cluster} --follow"
                                                         if ns.cluster else "")
    if ns.async_:
        print(f"Request {rid} submitted; follow it with: %sky api logs {rid}")
        return
    result = _follow(client, rid, reattach, task)
    if result:
        _summary(result)


def _summary(result: dict) -> None:
    c, job, st = result.get("cluster"), result.get("jobId"), result.get("jobStatus")
    where = f", job {job}" + (f" {st}" if st else f" (detached: %sky logs {c} {job} --follow)") \
        if job and job > 0 else ""
    print(f"Cluster {c}{where}. %sky exec {c} -- CMD | %sky down {c}", file=sys.stderr)
    if st and st != "SUCCEEDED":
        raise Sky4jError(f"job {job} on {c} ended {st}; see %sky logs {c} {job}")


def exec_(client: Client, ns, cell: Optional[str]) -> None:
    task = Task(ns, cell)
    if task.yaml is None and task.command is None:
        raise Sky4jError(f"give a task: %sky exec {ns.cluster} -- python train.py, a task file, or "
                         f"%%sky exec {ns.cluster} with the YAML in the cell")
    task.validate(client)
    rid = client.submit("/exec", {"cluster": ns.cluster, "task": task.input(),
                                  "detachRun": ns.detach_run})
    result = _follow(client, rid, f"Reattach with: %sky api logs {rid}; job output: "
                                  f"%sky logs {ns.cluster} --follow", task)
    if result:
        _summary(result)


def status(client: Client, ns) -> tables.Rows:
    q = f"/status?refresh={'true' if ns.refresh else 'false'}"
    if ns.clusters:
        q += "&clusters=" + _q(",".join(ns.clusters))
    return tables.Rows(client.get(q), tables.CLUSTERS, "No existing clusters.")


def queue(client: Client, ns) -> tables.Rows:
    rows = client.get(f"/clusters/{_q(ns.cluster)}/queue?skipFinished={str(ns.skip_finished).lower()}")
    return tables.Rows(rows, tables.QUEUE, f"No jobs on {ns.cluster}.")


def logs(client: Client, ns) -> None:
    job = "latest" if ns.job is None else ns.job
    end = _stream(client, f"/clusters/{_q(ns.cluster)}/jobs/{job}/logs?follow={str(ns.follow).lower()}",
                  f"Reattach with: %sky logs {ns.cluster}{'' if ns.job is None else ' ' + str(ns.job)} --follow")
    if end and ns.follow and end.get("status") not in (None, "SUCCEEDED"):
        print(f"Job {end.get('status')}" + (f" (exit {end['exitCode']})" if end.get("exitCode") is not None else ""),
              file=sys.stderr)


def _stream(client: Client, path: str, reattach: str) -> Optional[dict]:
    try:
        return follow.stream(client, path, reattach)
    except follow.Detached:
        return None


def cluster_verb(client: Client, ns) -> None:
    if not ns.clusters and not ns.all:
        raise Sky4jError(f"name the clusters: %sky {ns.cmd} dev (or -a for all)")
    body: dict[str, Any] = {"clusters": ns.clusters, "all": ns.all}
    if ns.cmd == "start" and ns.idle is not None:
        body["idleMinutes"] = ns.idle
    rid = client.submit("/" + ns.cmd, body)
    if ns.async_:
        print(f"Request {rid} submitted; follow it with: %sky api logs {rid}")
        return
    if _follow(client, rid, f"Reattach with: %sky api logs {rid}") is not None:
        names = "all clusters" if ns.all else ", ".join(ns.clusters)
        print({"stop": "Stopped", "start": "Started", "down": "Terminated"}[ns.cmd] + f" {names}.")


def gpus(ns) -> tables.Rows:
    args = [a for a in [ns.gpu] if a]
    for flag in ("cloud", "region", "infra"):
        if getattr(ns, flag):
            args += [f"--{flag}", getattr(ns, flag)]
    if ns.all:
        args.append("-a")
    doc = show_gpus(args)
    catalog = doc.get("catalog") or {}
    note = f"Catalog {catalog.get('date', '?')}. Prices in USD/h."
    if "offers" in doc:
        return tables.Rows(doc["offers"], tables.GPU_OFFERS, f"No offers. {note}")
    rows = [{"gpu": name, "kind": kind, "counts": counts}
            for kind, key in (("GPU", "common_gpu"), ("TPU", "google_tpu"), ("GPU", "other_gpu"))
            for name, counts in (doc.get(key) or {}).items()]
    return tables.Rows(rows, tables.GPU_NAMES, "The catalog lists no accelerators.")


def jobs(client: Client, ns, cell: Optional[str]):
    sub = ns.jobs_cmd
    if sub == "launch":
        task = Task(ns, cell)
        if task.yaml is None and task.command is None:
            raise Sky4jError("give a task: %sky jobs launch -n train task.yaml, or %%sky jobs launch "
                             "with the YAML in the cell")
        task.validate(client)
        job = client.post("/jobs/launch", {"name": ns.name, "task": task.input(),
                                           "strategy": ns.job_recovery})
        print(f"Managed job {job['id']} ({job.get('name')}) submitted.", file=sys.stderr)
        if not ns.detach:
            _stream(client, f"/jobs/{job['id']}/logs?controller=false&follow=true",
                    f"Reattach with: %sky jobs logs {job['id']} --follow")
        return None
    if sub == "queue":
        rows = [j for j in client.get("/jobs") if not ns.skip_finished or j.get("endedAt") is None]
        return tables.Rows(rows, tables.MANAGED_JOBS, "No managed jobs.")
    if sub == "logs":
        jid = ns.job
        if jid is None:
            mine = [j for j in client.get("/jobs") if ns.name is None or j.get("name") == ns.name]
            if not mine:
                raise Sky4jError("no managed jobs" + (f" named {ns.name}" if ns.name else "")
                                 + "; %sky jobs queue lists them")
            jid = mine[0]["id"]
        _stream(client, f"/jobs/{jid}/logs?controller={str(ns.controller).lower()}"
                        f"&follow={str(ns.follow).lower()}",
                f"Reattach with: %sky jobs logs {jid} --follow")
        return None
    if sub == "cancel":
        if not ns.ids and not ns.name and not ns.all:
            raise Sky4jError("name the jobs: %sky jobs cancel 3, -n NAME, or -a")
        ids = client.post("/jobs/cancel", {"ids": ns.ids or None, "name": ns.name, "all": ns.all})
        print(f"Cancelling {', '.join(map(str, ids)) or 'nothing (no such unfinished job)'}.")
        return None
    raise Sky4jError("usage: %sky jobs launch|queue|logs|cancel ...")


def api(client: Client, ns):
    if ns.api_cmd == "logs":
        rid = ns.request_id
        info = client.request(rid)
        _follow(client, info["id"], f"Reattach with: %sky api logs {info['id']}")
        return None
    if ns.api_cmd == "info":
        h = client.health()
        return {"url": client.url, "status": h.get("status"), "version": h.get("version"),
                "pid": h.get("pid"), "home": h.get("home")}
    raise Sky4jError("usage: %sky api info | %sky api logs REQUEST_ID")
