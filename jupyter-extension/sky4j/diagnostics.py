"""YAML errors as the user wrote them: the server's rendering (the offending line with a caret,
its message and the fix), labelled with where the YAML came from."""
from __future__ import annotations

from .api import Sky4jError

REQUEST_LABEL = "<request>"


class InvalidTask(Sky4jError):
    """The server's validator refused the task; the text names each line, column and fix."""

    def __init__(self, text: str, diagnostics: list[dict]):
        self.text = text
        self.diagnostics = diagnostics
        errors = sum(1 for d in diagnostics if d.get("severity") == "ERROR") or len(diagnostics)
        super().__init__(f"the task YAML has {errors} error{'s' if errors != 1 else ''} (shown "
                         "above); fix them and rerun")


def render(text: str, source: str) -> str:
    """Replaces the server's `<request>` file name by where the YAML came from."""
    label = "cell" if source == "cell" else source
    out = (text or "").replace(REQUEST_LABEL, label).rstrip() + "\n"
    if source == "cell":
        out = ("The task YAML in this cell is invalid (line numbers count from the line after "
               "%%sky):\n" + out)
    return out


def fallback_text(diagnostics: list[dict], yaml: str, source: str) -> str:
    """A rendering for a problem that carries diagnostics but no text."""
    lines = yaml.splitlines() if yaml else []
    out = []
    for d in diagnostics:
        n, col = d.get("line") or 0, d.get("column") or 1
        out.append(f"{source}:{n}:{col}: {str(d.get('severity', 'error')).lower()}"
                   f"[{d.get('code')}]: {d.get('message')}")
        if 0 < n <= len(lines):
            out.append(f"{n} | {lines[n - 1]}")
            width = max(1, (d.get("endColumn") or col + 1) - col) if d.get("endLine") == n else 1
            out.append(" " * (len(str(n)) + 3 + col - 1) + "^" * width)
    return "\n".join(out) + "\n"
