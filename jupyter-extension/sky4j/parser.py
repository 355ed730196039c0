"""The `%sky` command line: the same subcommands and flags as the sky CLI (docs/cli.md)."""
from __future__ import annotations

import argparse
import shlex

from .api import Sky4jError


class UsageProblem(Sky4jError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would call sys.exit
        raise UsageProblem(f"{message}\n{self.format_usage().strip()}")

    def exit(self, status=0, message=None):  # --help
        if message:
            print(message)
        raise _HelpShown()


class _HelpShown(Exception):
    pass


def _task_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gpus", help="e.g. A100:1")
    p.add_argument("--cpus")
    p.add_argument("--memory")
    p.add_argument("--disk-size", type=int)
    p.add_argument("--infra", help="cloud[/region[/zone]]")
    p.add_argument("--num-nodes", type=int)
    p.add_argument("--use-spot", action="store_true", default=None)
    p.add_argument("-t", "--instance-type")
    p.add_argument("--workdir")
    p.add_argument("-n", "--name")
    p.add_argument("--env", action="append", default=[], metavar="K[=V]")
    p.add_argument("--secret", action="append", default=[], metavar="K[=V]")
    p.add_argument("entrypoint", nargs="*", metavar="TASK.yaml | -- CMD",
                   help="a task file or a command; or the task YAML in the cell (%%%%sky)")


def build() -> argparse.ArgumentParser:
    root = _Parser(prog="%sky", description="sky4j from IPython; see docs/jupyter.md")
    sub = root.add_subparsers(dest="cmd", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("launch", help="provision, sync, setup, run (output streamed)")
    p.add_argument("-c", "--cluster")
    _task_flags(p)
    p.add_argument("-i", "--idle-minutes-to-autostop", dest="idle", type=int)
    p.add_argument("--down", action="store_true")
    p.add_argument("-r", "--retry-until-up", action="store_true")
    p.add_argument("--no-setup", action="store_true")
    p.add_argument("-d", "--detach-run", action="store_true")
    p.add_argument("--async", dest="async_", action="store_true", help="return at once")

    p = sub.add_parser("exec", help="run on an UP cluster through its job queue")
    p.add_argument("cluster")
    _task_flags(p)
    p.add_argument("-d", "--detach-run", action="store_true")

    p = sub.add_parser("status", help="clusters (returns a list of dicts)")
    p.add_argument("clusters", nargs="*")
    p.add_argument("-r", "--refresh", action="store_true")

    p = sub.add_parser("queue", help="a cluster's jobs (returns a list of dicts)")
    p.add_argument("cluster")
    p.add_argument("-s", "--skip-finished", action="store_true")

    p = sub.add_parser("logs", help="a job's log (what exists now; --follow streams)")
    p.add_argument("cluster")
    p.add_argument("job", nargs="?", type=int)
    p.add_argument("-f", "--follow", action="store_true")

    for verb, what in (("stop", "stop clusters (disks kept)"), ("start", "start stopped clusters"),
                       ("down", "tear clusters down")):
        p = sub.add_parser(verb, help=what)
        p.add_argument("clusters", nargs="*")
        p.add_argument("-a", "--all", action="store_true")
        p.add_argument("--async", dest="async_", action="store_true")
        if verb == "start":
            p.add_argument("-i", "--idle-minutes-to-autostop", dest="idle", type=int)

    p = sub.add_parser("gpus", aliases=["show-gpus"], help="GPUs in the catalog, or one GPU's offers")
    p.add_argument("gpu", nargs="?")
    p.add_argument("--cloud")
    p.add_argument("--region")
    p.add_argument("--infra")
    p.add_argument("-a", "--all", action="store_true")

    jobs = sub.add_parser("jobs", help="managed jobs: launch | queue | logs | cancel")
    js = jobs.add_subparsers(dest="jobs_cmd", parser_class=_Parser, metavar="COMMAND")
    p = js.add_parser("launch", help="submit a managed job (recovers from preemption)")
    _task_flags(p)
    p.add_argument("--job-recovery", choices=["EAGER_NEXT_REGION", "FAILOVER"])
    p.add_argument("-d", "--detach", action="store_true")
    p = js.add_parser("queue", help="managed jobs (returns a list of dicts)")
    p.add_argument("-s", "--skip-finished", action="store_true")
    p = js.add_parser("logs", help="a managed job's log across recoveries")
    p.add_argument("job", nargs="?", type=int)
    p.add_argument("-n", "--name")
    p.add_argument("--controller", action="store_true")
    p.add_argument("-f", "--follow", action="store_true")
    p = js.add_parser("cancel")
    p.add_argument("ids", nargs="*", type=int)
    p.add_argument("-n", "--name")
    p.add_argument("-a", "--all", action="store_true")

    api = sub.add_parser("api", help="the API server: info | logs ID")
    aps = api.add_subparsers(dest="api_cmd", parser_class=_Parser, metavar="COMMAND")
    aps.add_parser("info")
    p = aps.add_parser("logs", help="reattach to a request's log")
    p.add_argument("request_id")
    return root


def parse(line: str):
    """The parsed namespace, or None when only help was shown."""
    try:
        words = shlex.split(line)
    except ValueError as e:
        raise UsageProblem(f"cannot split the command line: {e}") from None
    try:
        ns = build().parse_args(words)
    except _HelpShown:
        return None
    if ns.cmd is None:
        build().print_help()
        return None
    return ns
