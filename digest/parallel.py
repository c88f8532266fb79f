"""Use every core for rendering, keeping output byte-identical.

Rendering a page is a pure function of the in-memory index, so after the read
stage the process forks: each child renders a round-robin share of the pages
(with the index, templates and caches inherited copy-on-write, nothing to
pickle on the way in) and sends back the bytes. Results are reassembled in the
original order, so the output does not depend on how work was split.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_PER_WORKER = 100
"""Below this, a fork costs more than it saves."""


class WorkerFailed(RuntimeError):
    """A forked worker died or raised; the build fails rather than writing a partial site."""


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def fork_map(func: Callable[[T], R], items: Sequence[T], count: int) -> list[R]:
    """``[func(x) for x in items]``, computed in ``count`` processes where ``fork`` exists."""
    count = min(count, len(items) // MIN_ITEMS_PER_WORKER)
    if count <= 1 or not hasattr(os, "fork"):
        return [func(item) for item in items]
    shares = [list(items[i::count]) for i in range(count)]
    children = [_spawn(func, share) for share in shares[1:]]
    parts = [[func(item) for item in shares[0]]]
    parts += [_collect(pid, fd) for pid, fd in children]
    result: list[R] = [None] * len(items)  # type: ignore[list-item]
    for offset, part in enumerate(parts):
        result[offset::count] = part
    return result


def _spawn(func: Callable[[T], R], share: list[T]) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's cleanup
        os.close(read_fd)
        try:
            payload = pickle.dumps(("ok", [func(item) for item in share]), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
            payload = pickle.dumps(("error", f"{type(exc).__name__}: {exc}"))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, read_fd: int) -> list[R]:
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data or status != 0:
        raise WorkerFailed(f"render worker {pid} exited with status {status}")
    kind, value = pickle.loads(data)
    if kind != "ok":
        raise WorkerFailed(f"render worker failed: {value}")
    return value
