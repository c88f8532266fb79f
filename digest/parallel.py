"""Use every core for parsing and rendering, keeping output byte-identical.

Rendering a page is a pure function of the in-memory index, so after the read
stage the process forks: each worker (the parent is one of them) computes items
(with the index, templates and caches inherited copy-on-write, nothing to pickle
on the way in) and sends back the results, which are put back in the original
order, so the output does not depend on how work was split.

Who computes what is claimed as the work goes, in small blocks, from the two ends
of the list: one worker walks it from the front, the next from the back, and they
meet wherever the work balances (with more workers, each pair shares a slice and a
worker whose slice is done helps with the largest one left). Fixed shares left one
core idle while the other finished a heavier half; and neighbours in the list tend
to share memoised work (the caller orders them so: the pages of one edition share
its story cards and entity cards), so a walk through a stretch of the list computes
each of those once where interleaved shares made every worker compute nearly all.
"""

from __future__ import annotations

import ctypes
import functools
import io
import mmap
import multiprocessing
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_PER_WORKER = 100
"""Below this, a fork costs more than it saves."""
BLOCK = 8
"""Items claimed at a time: few enough for the two walks to meet evenly, enough that
claiming (a lock and two integers in shared memory) costs nothing beside the work."""


class WorkerFailed(RuntimeError):
    """A forked worker died or raised; the build fails rather than writing a partial site."""


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process (a forked worker, or a command about to be
    started) when the process that made it ends, however it ends.

    A build killed with SIGKILL cannot stop its workers or its Pagefind processes; without
    this they would go on writing into the build's staging folder, and a forked worker
    would keep holding the project's build lock (``lock``). Linux only (``prctl``); it is
    bound to the thread that forks, which in every use here waits for the child. If the
    parent is gone already, the child leaves at once.

    ``parent`` is the pid the parent read before it forked: a parent killed between the
    fork and this call leaves the child with a new parent, which ``os.getppid()`` read
    here would take for the real one, and the child would outlive the build."""
    prctl = _prctl()
    if prctl is None:
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def before_fork() -> None:
    """Ready ``die_with_parent`` in the parent: a child between fork and exec must not load a library."""
    _prctl()


@functools.lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    """libc's ``prctl``, looked up once (in the parent: a child between fork and exec loads nothing)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        found: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
        return found
    except (OSError, AttributeError):
        return None


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
    before_fork()
    try:
        claims = _Claims(len(items), count)
    except OSError:  # no shared semaphores here (some sandboxes): one process does it all
        return [func(item) for item in items]
    children = [_spawn(func, items, claims, worker) for worker in range(1, count)]
    try:
        parts = [list(_work(func, items, claims, 0))]
    except BaseException:
        for pid, fd in children:  # the map has failed: stop the others rather than wait for them
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)
        raise
    parts += [_collect(pid, fd) for pid, fd in children]
    result: list[R | None] = [None] * len(items)
    filled = 0
    for part in parts:
        for start, values in part:
            result[start : start + len(values)] = values
            filled += len(values)
    if filled != len(items):
        raise WorkerFailed(f"{len(items) - filled} results missing")
    return cast(list[R], result)  # every slot is filled: counted above


class _Claims:
    """The unclaimed part of each slice of the list, as ``[front, back)`` in shared memory.

    Worker ``w`` works on slice ``w // 2``, from its front when ``w`` is even, from its
    back when odd; once that slice is empty it helps with the slice that has most left.
    """

    def __init__(self, size: int, count: int) -> None:
        self.slices = (count + 1) // 2
        self._lock = multiprocessing.Lock()
        self._memory = mmap.mmap(-1, 16 * self.slices)
        for number in range(self.slices):
            bounds = (size * number // self.slices, size * (number + 1) // self.slices)
            struct.pack_into("qq", self._memory, 16 * number, *bounds)

    def claim(self, worker: int) -> tuple[int, int] | None:
        """The next block of ``worker`` as ``(start, stop)``; ``None`` when all is claimed."""
        with self._lock:
            bounds = [struct.unpack_from("qq", self._memory, 16 * n) for n in range(self.slices)]
            number = worker // 2
            if bounds[number][0] >= bounds[number][1]:
                number = max(range(self.slices), key=lambda n: bounds[n][1] - bounds[n][0])
            front, back = bounds[number]
            if front >= back:
                return None
            if worker % 2 == 0:
                block = (front, min(back, front + BLOCK))
                struct.pack_into("qq", self._memory, 16 * number, block[1], back)
            else:
                block = (max(front, back - BLOCK), back)
                struct.pack_into("qq", self._memory, 16 * number, front, block[0])
            return block


def _work(func: Callable[[T], R], items: Sequence[T], claims: _Claims, worker: int) -> Iterator[tuple[int, list[R]]]:
    """What ``worker`` computes, block by block as it claims them: ``(start, results)``."""
    while (block := claims.claim(worker)) is not None:
        start, stop = block
        yield start, [func(items[i]) for i in range(start, stop)]


def _spawn(func: Callable[[T], R], items: Sequence[T], claims: _Claims, worker: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's cleanup
        die_with_parent(parent)
        os.close(read_fd)
        # Each block's results are pickled as soon as they are made, so that pickling is part
        # of the work the claims balance rather than a wait for the parent at the end.
        messages: list[bytes] = []
        try:
            for start, values in _work(func, items, claims, worker):
                messages.append(pickle.dumps(("ok", start, values), protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
            messages.append(pickle.dumps(("error", 0, f"{type(exc).__name__}: {exc}")))
        with os.fdopen(write_fd, "wb") as pipe:
            for message in messages:
                pipe.write(message)
        os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, read_fd: int) -> list[tuple[int, list[Any]]]:
    """A child's results, ``(start, results)`` per block, from the pickles it sent one after another."""
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise WorkerFailed(f"render worker {pid} exited with status {status}")
    parts = []
    stream = io.BytesIO(data)
    while stream.tell() < len(data):
        kind, start, value = pickle.load(stream)
        if kind != "ok":
            raise WorkerFailed(f"render worker failed: {value}")
        parts.append((start, value))
    return parts
