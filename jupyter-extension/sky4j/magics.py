"""`%sky` and `%%sky`: parse the line, make sure a server answers, run the subcommand. Errors
come out as one line (no traceback) and fail the cell, so "Run all" stops there; YAML errors
print their lines first."""
from __future__ import annotations

import sys
from typing import Optional

from IPython.core.magic import Magics, line_cell_magic, magics_class

from . import commands, parser
from .api import Client, Sky4jError
from .cli import ensure_server
from .diagnostics import InvalidTask


class SkyError(Exception):
    """Fails the cell with its message alone: IPython shows _render_traceback_ instead of a stack."""

    def _render_traceback_(self):
        return [f"sky4j: {self}"]


@magics_class
class SkyMagics(Magics):
    @line_cell_magic
    def sky(self, line: str, cell: Optional[str] = None):
        """%sky COMMAND ... (launch, exec, status, queue, logs, stop, start, down, gpus, jobs, api).

        %%sky launch -c NAME / %%sky exec NAME / %%sky jobs launch take the task YAML from the
        cell. `%sky --help` and `%sky COMMAND --help` list the flags."""
        try:
            return run(line, cell)
        except InvalidTask as e:
            sys.stderr.write(e.text)
            sys.stderr.flush()
            raise SkyError(str(e)) from None
        except Sky4jError as e:
            raise SkyError(str(e)) from None


def run(line: str, cell: Optional[str] = None):
    ns = parser.parse(line)
    if ns is None:
        return None
    if ns.cmd in ("gpus", "show-gpus"):
        return commands.gpus(ns)
    if cell is not None and ns.cmd not in ("launch", "exec") and \
            not (ns.cmd == "jobs" and ns.jobs_cmd == "launch"):
        raise Sky4jError(f"%%sky {ns.cmd} takes no cell; use %%sky launch, %%sky exec or "
                         "%%sky jobs launch with the task YAML in the cell")
    client = ensure_server(Client())
    if ns.cmd == "launch":
        return commands.launch(client, ns, cell)
    if ns.cmd == "exec":
        return commands.exec_(client, ns, cell)
    if ns.cmd == "status":
        return commands.status(client, ns)
    if ns.cmd == "queue":
        return commands.queue(client, ns)
    if ns.cmd == "logs":
        return commands.logs(client, ns)
    if ns.cmd in ("stop", "start", "down"):
        return commands.cluster_verb(client, ns)
    if ns.cmd == "jobs":
        return commands.jobs(client, ns, cell)
    if ns.cmd == "api":
        return commands.api(client, ns)
    raise Sky4jError(f"unknown command {ns.cmd}; %sky --help lists them")
