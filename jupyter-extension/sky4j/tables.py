"""Rows: a plain list of dicts (what the API answered) that also shows itself as a table, HTML in
a notebook and aligned text in a terminal; the columns mirror the CLI's tables."""
from __future__ import annotations

import html
import time
from typing import Any, Callable, Sequence

Column = tuple[str, Callable[[dict], Any]]


class Rows(list):
    """A list of dicts. IPython renders it as a table; code uses it as the list it is."""

    def __init__(self, rows: Sequence[dict], columns: Sequence[Column], empty: str = "Nothing."):
        super().__init__(rows)
        self._columns = list(columns)
        self._empty = empty

    def cells(self) -> list[list[str]]:
        return [[_str(f(r)) for _, f in self._columns] for r in self]

    def text(self) -> str:
        if not self:
            return self._empty
        heads = [h for h, _ in self._columns]
        body = self.cells()
        widths = [max(len(h), *(len(row[i]) for row in body)) for i, h in enumerate(heads)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
                 for row in [heads, *body]]
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):
        p.text(self.text())

    def _repr_html_(self) -> str:
        if not self:
            return f"<p class='sky4j-empty'>{html.escape(self._empty)}</p>"
        head = "".join(f"<th style='text-align:left'>{html.escape(h)}</th>" for h, _ in self._columns)
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{html.escape(c)}</td>" for c in row)
                       + "</tr>" for row in self.cells())
        return f"<table class='sky4j-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _str(v: Any) -> str:
    return "-" if v is None or v == "" else str(v)


def ago(epoch_ms: int | None) -> str:
    if not epoch_ms or epoch_ms <= 0:
        return "-"
    s = max(0, int(time.time() - epoch_ms / 1000))
    if s < 60:
        return f"{s} secs ago"
    if s < 3600:
        return f"{s // 60} mins ago"
    if s < 86400:
        return f"{s // 3600} hrs ago"
    return f"{s // 86400} days ago"


def duration(start: int | None, end: int | None) -> str:
    if start is None:
        return "-"
    s = int(((end if end is not None else time.time() * 1000) - start) / 1000)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60}s"
    return f"{s // 3600}h {s % 3600 // 60}m"


def infra(r: dict) -> str:
    region = r.get("region")
    if not region:
        return r.get("cloud") or "-"
    return f"{r.get('cloud')} ({region}{'/' + r['zone'] if r.get('zone') else ''})"


def autostop(r: dict) -> str:
    m = r.get("autostopMinutes")
    return "-" if m is None else f"{m}m" + (" (down)" if r.get("autostopDown") else "")


CLUSTERS: list[Column] = [
    ("NAME", lambda r: r.get("name")),
    ("INFRA", infra),
    ("RESOURCES", lambda r: r.get("resources")),
    ("STATUS", lambda r: r.get("status")),
    ("AUTOSTOP", autostop),
    ("LAUNCHED", lambda r: ago(r.get("launchedAt"))),
    ("$/h", lambda r: f"{r.get('pricePerHour') or 0:.3f}"),
]

QUEUE: list[Column] = [
    ("ID", lambda r: r.get("id")),
    ("NAME", lambda r: r.get("name")),
    ("SUBMITTED", lambda r: ago(r.get("submittedAt"))),
    ("DURATION", lambda r: duration(r.get("startedAt"), r.get("endedAt"))),
    ("RESOURCES", lambda r: r.get("resources")),
    ("STATUS", lambda r: r.get("status")),
    ("EXIT", lambda r: r.get("exitCode")),
]

MANAGED_JOBS: list[Column] = [
    ("ID", lambda r: r.get("id")),
    ("NAME", lambda r: r.get("name")),
    ("RESOURCES", lambda r: r.get("resources")),
    ("SUBMITTED", lambda r: ago(r.get("submittedAt"))),
    ("DURATION", lambda r: duration(r.get("startedAt"), r.get("endedAt"))),
    ("RECOVERIES", lambda r: (r.get("recoveries") or 0) + (r.get("restarts") or 0)),
    ("STATUS", lambda r: r.get("status")),
    ("ATTEMPTS", lambda r: " > ".join(r.get("attempts") or []) or "-"),
]

GPU_OFFERS: list[Column] = [
    ("GPU", lambda r: r.get("gpu")),
    ("QTY", lambda r: r.get("qty")),
    ("CLOUD", lambda r: r.get("cloud")),
    ("INSTANCE_TYPE", lambda r: r.get("instance_type")),
    ("DEVICE_MEM", lambda r: f"{r['device_memory_gib']:g}GB" if r.get("device_memory_gib") else "-"),
    ("vCPUs", lambda r: r.get("vcpus")),
    ("HOST_MEM", lambda r: f"{r['host_memory_gib']:g}GB" if r.get("host_memory_gib") else "-"),
    ("$/h", lambda r: f"{r['price']:.3f}" if r.get("price") is not None else "-"),
    ("SPOT_$/h", lambda r: f"{r['spot_price']:.3f}" if r.get("spot_price") is not None else "-"),
    ("REGION", lambda r: r.get("region")),
]

GPU_NAMES: list[Column] = [
    ("GPU", lambda r: r.get("gpu")),
    ("KIND", lambda r: r.get("kind")),
    ("AVAILABLE_QUANTITIES", lambda r: ", ".join(str(c) for c in r.get("counts") or [])),
]
