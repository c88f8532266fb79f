"""One build at a time per project: an exclusive lock, on the project's folder.

Two builds of one project share everything they write: the spare copy of the site
they stage into, the manifest, the parse cache, the search record. Run side by side
(``python build.py`` in two terminals, or beside ``serve``), each would stage half of
its site into the other's, and save a manifest describing a site the other swapped in.
So every build that writes holds this lock from before it reads the manifest until
the manifest of its site is saved, and a second build waits for it, saying so, as
Cargo waits for its build directory: the editor's latest build then runs, after the
one before it, on what is on disk when it starts. ``check`` writes nothing and takes
no lock.

The lock is ``flock(2)`` on the project's folder itself (a folder can be locked like
a file on Linux and the BSDs): no lock file is made, so a build that fails leaves the
project exactly as it was, and there is nothing stale to clean up. The kernel drops
the lock when the process holding it ends in any way, SIGKILL included (its forked
workers die with it, see ``parallel.die_with_parent``). Where ``fcntl`` is missing
(Windows), builds are not locked.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_POSIX = importlib.util.find_spec("fcntl") is not None


@contextmanager
def build_lock(root: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the build lock of the project in ``root`` for the ``with`` block; wait for it
    if another build holds it (``on_wait`` is told once, before waiting)."""
    if not _POSIX:  # pragma: no cover - not on POSIX: no lock
        yield
        return
    import fcntl

    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(f"waiting for another build of {root} to finish (Ctrl-C to stop waiting)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # the lock goes with the last descriptor of it
