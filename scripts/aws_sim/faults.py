"""Injected RunInstances failures (a fake: real EC2 decides capacity; here `aws-sim fail` does).
A rule is {code, region | zone, times}: times < 0 means until `aws-sim clear`."""
import threading
from pathlib import Path

from .state import read_json, write_json

_lock = threading.Lock()


def add(path: Path, code: str, region, zone, times: int) -> dict:
    rule = {"code": code, "region": region, "zone": zone, "times": times}
    with _lock:
        rules = read_json(path, [])
        rules.append(rule)
        write_json(path, rules)
    return rule


def clear(path: Path) -> None:
    with _lock:
        write_json(path, [])


def take(path: Path, region: str, zone_of) -> dict:
    """The first rule that matches this RunInstances (and uses one of its `times`), or None.
    zone_of() is called only when a zone rule needs the request's zone."""
    with _lock:
        rules = read_json(path, [])
        for i, rule in enumerate(rules):
            if rule.get("region") and rule["region"] != region:
                continue
            if rule.get("zone") and rule["zone"] != zone_of():
                continue
            if rule["times"] > 0:
                rule["times"] -= 1
                if rule["times"] == 0:
                    rules.pop(i)
            write_json(path, rules)
            return rule
    return None
