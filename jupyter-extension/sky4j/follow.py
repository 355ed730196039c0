"""Streams a log into the cell. An interrupt (Ctrl-C, the notebook's stop button) detaches: the
request or job keeps running on the server, and the message says how to reattach."""
from __future__ import annotations

import sys
from typing import Optional

from .api import Client


class Detached(Exception):
    """The user interrupted a stream; nothing was cancelled."""


def stream(client: Client, path: str, reattach: str, offset: int = 0) -> Optional[dict]:
    """Prints the stream's text as it comes; returns its end event (None when detached)."""
    try:
        for event, data in client.stream(path, offset):
            if event == "log":
                sys.stdout.write(data[0])
                sys.stdout.flush()
            else:
                return data
    except KeyboardInterrupt:
        sys.stdout.flush()
        print(f"\nDetached; it keeps running on the server. {reattach}", file=sys.stderr, flush=True)
        raise Detached() from None
    return None


def request(client: Client, request_id: str, reattach: str) -> dict:
    """Follows a request's log to its end and returns its final RequestInfo."""
    stream(client, f"/requests/{request_id}/logs", reattach)
    try:
        return client.wait(request_id)
    except KeyboardInterrupt:
        print(f"\nDetached; it keeps running on the server. {reattach}", file=sys.stderr, flush=True)
        raise Detached() from None
