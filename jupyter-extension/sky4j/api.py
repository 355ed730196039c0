"""HTTP client of the sky4j API server (stdlib only): token from the token file, Bearer header,
problem+json errors as ApiError, SSE log streams that resume from their byte offset."""
from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator

DEFAULT_PORT = 46590
# The server sends a keep-alive comment after 15 s of silence; three missed mean a dead
# connection (the same rule as the Java client's SkyClient).
STREAM_SILENCE_S = 45


class Sky4jError(Exception):
    """An error the user can act on; its text says what to do next."""


class ServerUnreachable(Sky4jError):
    pass


class ApiError(Sky4jError):
    """A problem+json answer: a stable code, a message, and for YAML errors the diagnostics."""

    def __init__(self, problem: dict):
        self.problem = problem
        self.code = problem.get("code") or "error"
        self.status = problem.get("status")
        self.diagnostics = problem.get("diagnostics") or []
        self.diagnostics_text = problem.get("diagnosticsText")
        super().__init__(f"{problem.get('message') or problem.get('title') or 'request failed'} [{self.code}]")


def home() -> Path:
    v = os.environ.get("SKY4J_HOME", "").strip()
    return Path(v).absolute() if v else Path.home() / ".sky4j"


def server_url() -> str:
    url = os.environ.get("SKY4J_API_URL", "").strip()
    if url:
        return url.rstrip("/")
    port = os.environ.get("SKY4J_API_PORT", "").strip() or str(DEFAULT_PORT)
    return f"http://127.0.0.1:{port}"


def token_file() -> Path:
    return home() / "server" / "token"


def read_token() -> str:
    env = os.environ.get("SKY4J_API_TOKEN", "").strip()
    if env:
        return env
    f = token_file()
    try:
        return f.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise Sky4jError(f"no API token at {f}: start the server with `sky api start` "
                         "(it creates the file); `sky api info` shows where the token lives") from None
    except PermissionError:
        raise Sky4jError(f"cannot read {f}: permission denied: it belongs to the user who runs "
                         "the API server") from None


def is_local(url: str) -> bool:
    return urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")


class Client:
    """One API server. The token is read at every call, so `sky api rotate-token` just works."""

    def __init__(self, url: str | None = None, token: Callable[[], str] | None = None):
        self.url = (url or server_url()).rstrip("/")
        self._token = token or read_token

    # ---- plain calls --------------------------------------------------------------------
    def health(self, timeout: float = 2) -> dict:
        return self.call("GET", "/health", auth=False, timeout=timeout)

    def get(self, path: str, timeout: float = 60) -> Any:
        return self.call("GET", path, timeout=timeout)

    def post(self, path: str, body: Any, timeout: float = 60) -> Any:
        return self.call("POST", path, body, timeout=timeout)

    def call(self, method: str, path: str, body: Any = None, auth: bool = True,
             timeout: float = 60) -> Any:
        data = None if body is None and method == "GET" else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.url + "/api/v1" + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if auth:
            req.add_header("Authorization", "Bearer " + self._token())
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
        except urllib.error.HTTPError as e:
            raise ApiError(_problem(e)) from None
        except (urllib.error.URLError, ConnectionError, socket.timeout) as e:
            raise ServerUnreachable(f"no API server answers at {self.url} ({_reason(e)}); "
                                    "start it with `sky api start`") from None
        return json.loads(raw) if raw else None

    # ---- requests and their logs -----------------------------------------------------------
    def submit(self, path: str, body: Any) -> str:
        return self.post(path, body)["requestId"]

    def request(self, request_id: str) -> dict:
        return self.get("/requests/" + urllib.parse.quote(request_id, safe=""))

    def wait(self, request_id: str, poll: float = 0.2) -> dict:
        while True:
            info = self.request(request_id)
            if info.get("status") not in ("PENDING", "RUNNING"):
                return info
            time.sleep(poll)

    def stream(self, path: str, offset: int = 0) -> Iterator[tuple[str, Any]]:
        """Yields ("log", (text, offset)) chunks, then ("end", StreamEnd); a problem raises.

        A dropped connection is reopened at the last offset, so each byte is seen once."""
        attempts = 0
        while True:
            sep = "&" if "?" in path else "?"
            req = urllib.request.Request(f"{self.url}/api/v1{path}{sep}offset={offset}")
            req.add_header("Accept", "text/event-stream")
            req.add_header("Authorization", "Bearer " + self._token())
            try:
                with urllib.request.urlopen(req, timeout=STREAM_SILENCE_S) as r:
                    for event, data in _sse_events(r):
                        if event == "log":
                            chunk = json.loads(data)
                            offset = chunk.get("offset", offset)
                            attempts = 0
                            yield "log", (chunk.get("text", ""), offset)
                        elif event == "end":
                            yield "end", json.loads(data)
                            return
                        elif event == "problem":
                            raise ApiError(json.loads(data))
            except urllib.error.HTTPError as e:
                raise ApiError(_problem(e)) from None
            except (urllib.error.URLError, ConnectionError, socket.timeout, OSError) as e:
                if attempts > 30:
                    raise ServerUnreachable(f"the log stream {path} keeps dropping ({_reason(e)}); "
                                            "rerun to resume") from None
            attempts += 1
            if attempts > 30:
                raise ServerUnreachable(f"the log stream {path} keeps dropping; rerun to resume")
            time.sleep(min(2.0, 0.1 * attempts))


def _sse_events(resp) -> Iterator[tuple[str, str]]:
    event, data = "message", []
    for raw in resp:
        line = raw.decode("utf-8").rstrip("\r\n")
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
        elif line.startswith(":"):
            continue  # keep-alive comment
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[6:] if line.startswith("data: ") else line[5:])


def _problem(e: urllib.error.HTTPError) -> dict:
    try:
        body = json.loads(e.read() or b"{}")
        if isinstance(body, dict):
            body.setdefault("status", e.code)
            return body
    except ValueError:
        pass
    return {"code": f"http-{e.code}", "status": e.code, "message": f"HTTP {e.code} {e.reason}"}


def _reason(e: Exception) -> str:
    return str(getattr(e, "reason", None) or e)
