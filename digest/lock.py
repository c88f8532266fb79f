"""One build at a time per project: an exclusive lock on its build cache.

Two builds of one project share everything they write: the spare copy of the site
they stage into, the manifest, the parse cache, the search record. Run side by side
(``python build.py`` in two terminals, or beside ``serve``), each would stage half of
its site into the other's, and save a manifest describing a site the other swapped in.
So every build that writes holds this lock from before it reads the manifest until
the manifest of its site is saved, and a second build waits for it, saying so, as
Cargo waits for its build directory: the editor's latest build then runs, after the
one before it, on what is on disk when it starts. ``check`` writes nothing and takes
no lock.

The lock is ``flock(2)`` on ``.digest-cache/build.lock``. The kernel drops it when
the process holding it ends in any way, SIGKILL included, so a killed build never
leaves a stale lock (its forked workers die with it, see ``parallel.die_with_parent``).
The file holds the holder's process id, for the message only. Where ``fcntl`` is
missing (Windows), builds are not locked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "build.lock"


@contextmanager
def build_lock(cache_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the project's build lock for the ``with`` block; wait for it if another build holds it.

    ``on_wait`` is told once, before waiting, which process holds the lock.
    """
    if fcntl is None:
        yield
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                on_wait(
                    f"waiting for another build of this project to finish (process {holder}; "
                    f"lock {path}); Ctrl-C to stop waiting"
                )
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # the lock goes with the last descriptor of it
