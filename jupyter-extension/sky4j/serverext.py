"""Jupyter server extension: the JupyterLab panel's only way to the sky4j API server.

The browser talks to /sky4j/... on the Jupyter server, with Jupyter's own auth (token or cookie,
and its XSRF check on POST); this process adds the sky4j Bearer token, read from the token file,
so the token never reaches the browser. Only the routes in ALLOWED are forwarded: no exec, no
shutdown, no token rotation, no local preemption from a web page."""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import tornado.web
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

from .api import ApiError, Client, Sky4jError
from .cli import ensure_server

# (method, path under /api/v1) the panel may reach; anything else is 403 `not-allowed`
ALLOWED = [
    ("GET", re.compile(r"/status")),
    ("GET", re.compile(r"/jobs")),
    ("GET", re.compile(r"/requests/[A-Za-z0-9-]+")),
    ("GET", re.compile(r"/clusters/[A-Za-z0-9._-]+/queue")),
    ("POST", re.compile(r"/(stop|start|down)")),
    ("POST", re.compile(r"/validate")),
]
LOG_LIMIT = 256 * 1024


def allowed(method: str, path: str) -> bool:
    return any(m == method and rx.fullmatch(path) for m, rx in ALLOWED)


class _Base(APIHandler):
    def client(self) -> Client:
        return ensure_server(Client())

    async def blocking(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def answer(self, status: int, body) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))

    async def guarded(self, fn, *args):
        try:
            self.answer(200, await self.blocking(fn, *args))
        except ApiError as e:
            self.answer(e.status or 502, e.problem)
        except Sky4jError as e:
            self.answer(502, {"code": "sky4j-unreachable", "message": str(e)})


class ProxyHandler(_Base):
    """/sky4j/api/<path>: forwards an allow-listed call, query string included."""

    @tornado.web.authenticated
    async def get(self, path: str):
        await self._forward("GET", "/" + path)

    @tornado.web.authenticated
    async def post(self, path: str):
        await self._forward("POST", "/" + path)

    async def _forward(self, method: str, path: str):
        if not allowed(method, path):
            return self.answer(403, {"code": "not-allowed", "message":
                                     f"{method} {path} is not open to the JupyterLab panel"})
        query = self.request.query
        full = path + ("?" + query if query else "")
        body = json.loads(self.request.body or b"null") if method == "POST" else None
        await self.guarded(lambda: self.client().call(method, full, body))


class LogsHandler(_Base):
    """/sky4j/logs?cluster=C[&job=N] or ?managed=ID: a log as it is now (no follow), as text."""

    @tornado.web.authenticated
    async def get(self):
        cluster, managed = self.get_argument("cluster", None), self.get_argument("managed", None)
        if managed is not None and managed.isdigit():
            path = f"/jobs/{managed}/logs?controller=false&follow=false"
        elif cluster and re.fullmatch(r"[A-Za-z0-9._-]+", cluster):
            job = self.get_argument("job", "latest")
            if not (job == "latest" or job.isdigit()):
                return self.answer(400, {"code": "bad-job", "message": "job is a number or latest"})
            path = f"/clusters/{cluster}/jobs/{job}/logs?follow=false"
        else:
            return self.answer(400, {"code": "bad-request", "message": "give cluster=NAME or managed=ID"})

        def read():
            parts, size = [], 0
            for event, data in self.client().stream(path):
                if event == "log":
                    parts.append(data[0])
                    size += len(data[0])
                    while size > LOG_LIMIT and len(parts) > 1:
                        size -= len(parts.pop(0))
            return {"text": "".join(parts)}
        await self.guarded(read)


class LaunchFileHandler(_Base):
    """/sky4j/launch {path, cluster}: launches a task file of the Jupyter workspace. The file is
    read here (inside the server's root_dir only), validated, then submitted; YAML errors come
    back as 400 with the server's rendering (line, caret, fix)."""

    @tornado.web.authenticated
    async def post(self):
        try:
            req = json.loads(self.request.body or b"{}")
            rel, cluster = str(req["path"]), str(req.get("cluster") or "") or None
        except (ValueError, KeyError, TypeError):
            return self.answer(400, {"code": "bad-request", "message": "send {path, cluster}"})
        root = Path(self.settings["server_root_dir"]).expanduser().resolve()
        file = (root / rel).resolve()
        if root not in file.parents or not file.is_file() or file.suffix not in (".yaml", ".yml"):
            return self.answer(400, {"code": "bad-path", "message":
                                     f"{rel} is not a .yaml task file in the workspace"})

        def launch():
            c = self.client()
            task = {"yaml": file.read_text(encoding="utf-8"), "yamlPath": rel,
                    "baseDir": str(file.parent)}
            v = c.post("/validate", task)
            if not v.get("valid", True):
                raise ApiError({"status": 400, "code": "invalid-task", "message":
                                f"{rel} is not a valid task", "diagnostics": v.get("diagnostics"),
                                "diagnosticsText": v.get("text")})
            return {"requestId": c.submit("/launch", {"cluster": cluster, "task": task})}
        await self.guarded(launch)


def _load_jupyter_server_extension(serverapp):
    base = serverapp.web_app.settings["base_url"]
    serverapp.web_app.add_handlers(".*$", [
        (url_path_join(base, "sky4j/api/(.*)"), ProxyHandler),
        (url_path_join(base, "sky4j/logs"), LogsHandler),
        (url_path_join(base, "sky4j/launch"), LaunchFileHandler),
    ])
    serverapp.log.info("sky4j: proxying the panel's calls to the sky4j API server")


load_jupyter_server_extension = _load_jupyter_server_extension
