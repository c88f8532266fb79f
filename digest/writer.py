"""The write stage: put a complete site in place atomically, rewriting only what changed.

The site is double-buffered. Beside the live ``site/`` the build keeps a *spare*
tree (in the build cache) holding the site as it was one build earlier, its
unchanged files hard-linked to the live ones (same bytes, same inode, same mtime).
A build brings the spare up to date, touching only the files that differ from the
new site, and then exchanges the two folders in one atomic rename
(``renameat2(RENAME_EXCHANGE)`` on Linux). Readers of ``site/`` therefore only ever
see the whole old site or the whole new one, and the cost of a small edit does not
grow with the archive: no full copy of the tree, no deletion of the old one.

Which files of the spare differ from the live site is kept in a small record next
to the spare. The record is removed before the spare is touched and written again
only after the exchange, so a build killed in between leaves no record, and the
next build checks the spare file by file instead of trusting it.

Where the atomic exchange is not available, the folders are swapped with three
renames, and a swap interrupted between them is finished by the next run.

``site/`` belongs to the build: files put there by hand are not kept.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

KEEP = object()
"""In place of bytes: carry the current file over unchanged (its inputs did not change)."""


class UnsafePath(ValueError):
    """An output path that would land outside the site folder."""


@dataclass(frozen=True)
class WriteReport:
    written: int
    """Files that are new or whose bytes changed."""
    unchanged: int
    removed: int

    @property
    def total(self) -> int:
        return self.written + self.unchanged


def _safe(relpath: str) -> tuple[str, ...]:
    """The parts of an output path, refused unless each is a plain name: no absolute path,
    ``..``, ``.``, empty part (``a//b``, a trailing ``/``) or backslash. A string split, not a
    ``PurePosixPath``: it runs once per output, tens of thousands of times a build."""
    parts = tuple(relpath.split("/"))
    if any(p in ("..", ".", "") for p in parts) or "\\" in relpath:
        raise UnsafePath(f"refusing to write {relpath!r} outside the site folder")
    return parts


def default_spare(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.spare")


def recover(site_dir: Path, spare_dir: Path | None = None) -> None:
    """Finish or undo a swap that a killed build left half done; drop leftovers of older layouts."""
    spare_dir = spare_dir or default_spare(site_dir)
    old = site_dir.with_name(site_dir.name + ".old")
    if not site_dir.exists() and old.exists():
        old.rename(site_dir)
    elif old.exists():
        if spare_dir.exists():
            shutil.rmtree(old)
        else:
            spare_dir.parent.mkdir(parents=True, exist_ok=True)
            old.rename(spare_dir)
    for stale in site_dir.parent.glob(f".{site_dir.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    shutil.rmtree(spare_dir.with_name(spare_dir.name + ".priming"), ignore_errors=True)


class Mode(Enum):
    FRESH = "fresh"
    """The spare was just made empty: every file is put into it."""
    DIRTY = "dirty"
    """The record says which spare files differ from the live site; only those are fixed."""
    VERIFY = "verify"
    """No usable record: each file is compared with the live one (by inode) and fixed if needed."""


@dataclass(frozen=True)
class _Record:
    live: frozenset[str]
    """Every file of the live site."""
    dirty: frozenset[str]
    """Files whose spare copy differs from (or is missing from, or is absent in) the live site."""


class Staging:
    """The next site, assembled in the spare tree and exchanged with ``site/`` by ``commit``.

    ``begin`` must be called once in the parent process before any ``put``; ``put`` may
    then be called from forked render workers: each writes its own files straight into
    the spare tree, so page bytes never travel back to the parent.
    """

    def __init__(self, site_dir: Path, spare_dir: Path | None = None) -> None:
        self.site_dir = site_dir
        self.path = spare_dir or default_spare(site_dir)
        self.record_path = self.path.with_name(self.path.name + ".json")
        self.mode: Mode | None = None
        self._record: _Record | None = None
        self._created = False
        self._root = ""
        self._made: set[str] = set()

    def begin(self) -> None:
        recover(self.site_dir, self.path)
        record = self._load_record()
        self.record_path.unlink(missing_ok=True)
        if not self.path.is_dir() or self.path.is_symlink():
            if self.path.is_symlink() or self.path.exists():
                self.path.unlink()
            self.path.mkdir(parents=True)
            self._created = True
            self.mode = Mode.FRESH
        elif record is not None:
            self._record = record
            self.mode = Mode.DIRTY
        else:
            self.mode = Mode.VERIFY
        self._root = os.path.realpath(self.path)

    def put(self, relpath: str, data: bytes | object) -> bool:
        """Stage one file; ``True`` when its bytes differ from the live site's (i.e. written)."""
        assert self.mode is not None, "Staging.begin() was not called"
        if data is KEEP and self._record is not None and relpath not in self._record.dirty:
            return False  # the spare already holds the live file (the common case, kept cheap)
        parts = _safe(relpath)
        folder = self._folder(relpath, parts[:-1])
        target = os.path.join(folder, parts[-1])
        current = os.path.join(self.site_dir, *parts)
        if data is KEEP or _same(current, data):
            if self._needs_link(relpath, current, target):
                self._make(target, lambda path: os.link(current, path))
            return False
        assert isinstance(data, bytes)
        self._make(target, lambda path: _write_new(path, data))
        return True

    def _make(self, target: str, make: Callable[[str], None]) -> None:
        """Make ``target``: straight in a spare made empty by this build (nothing there can be
        shared with the live site), else under a temporary name renamed over it."""
        if self.mode is Mode.FRESH:
            try:
                make(target)
                return
            except FileExistsError:
                pass
        _replace_with(target, make)

    def commit(self, paths: set[str], written: Iterable[str]) -> WriteReport:
        """Remove what the new site no longer has, then exchange the spare with ``site/``.

        ``paths`` are every file of the new site, ``written`` those whose bytes differ
        from the live site's.
        """
        assert self.mode is not None, "Staging.begin() was not called"
        written = set(written)
        try:
            if self._record is not None:
                live = set(self._record.live)
                candidates = live | self._record.dirty
            else:
                live = _tree(self.site_dir) if self.site_dir.is_dir() else set()
                candidates = _tree(self.path) if self.mode is Mode.VERIFY else set()
            for relpath in sorted(candidates - paths, reverse=True):
                self._remove(relpath)
            if self.site_dir.exists():
                _exchange(self.path, self.site_dir)
                dirty = written | (live ^ paths)
                self._save_record(_Record(frozenset(paths), frozenset(dirty)))
            else:
                self.site_dir.parent.mkdir(parents=True, exist_ok=True)
                self.path.rename(self.site_dir)
        except BaseException:
            self.abort()
            raise
        return WriteReport(written=len(written), unchanged=len(paths) - len(written), removed=len(live - paths))

    def abort(self) -> None:
        """Give up this build: the live site is untouched; a spare made just now is dropped."""
        if self._created:
            shutil.rmtree(self.path, ignore_errors=True)

    def _folder(self, relpath: str, parts: tuple[str, ...]) -> str:
        folder = os.path.join(self.path, *parts)
        if folder in self._made:
            return folder
        try:
            if os.path.dirname(folder) in self._made:  # one call, where ``makedirs`` checks each level
                try:
                    os.mkdir(folder)
                except FileExistsError:
                    if not os.path.isdir(folder):
                        raise
            else:
                os.makedirs(folder, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            _clear_file_in_the_way(self.path, parts)
            os.makedirs(folder, exist_ok=True)
        # The spare was the live site one build ago; anything may have been put there since.
        # A spare made by this build holds only what it wrote: no links to follow.
        if self.mode is not Mode.FRESH and not self._inside(folder):
            raise UnsafePath(f"refusing to write {relpath!r} outside the site folder")
        self._made.add(folder)
        return folder

    def _inside(self, folder: str) -> bool:
        """Whether ``folder``, links resolved, lies within the spare tree."""
        return (os.path.realpath(folder) + os.sep).startswith(self._root + os.sep)

    def _needs_link(self, relpath: str, current: str, target: str) -> bool:
        if self.mode is Mode.FRESH:
            return True
        if self.mode is Mode.DIRTY:
            assert self._record is not None
            return relpath in self._record.dirty
        try:
            return os.lstat(current).st_ino != os.lstat(target).st_ino
        except OSError:
            return True

    def _remove(self, relpath: str) -> None:
        parts = _safe(relpath)
        folder = os.path.join(self.path, *parts[:-1])
        if not self._inside(folder):
            return
        target = os.path.join(folder, parts[-1])
        if os.path.isdir(target) and not os.path.islink(target):
            return  # a file of the old site that is a folder of the new one, holding new files
        try:
            os.unlink(target)
        except (FileNotFoundError, NotADirectoryError):
            return  # already gone, or a file stands where its folder was
        # Drop folders the removal left empty, up to the spare's root.
        for depth in range(len(parts) - 1, 0, -1):
            try:
                os.rmdir(os.path.join(self.path, *parts[:depth]))
            except OSError:
                break

    def _load_record(self) -> _Record | None:
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
            if data["site"] != _identity(self.site_dir) or data["spare"] != _identity(self.path):
                return None
            return _Record(frozenset(data["live"]), frozenset(data["dirty"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _save_record(self, record: _Record) -> None:
        data = {
            "site": _identity(self.site_dir),
            "spare": _identity(self.path),
            "live": sorted(record.live),
            "dirty": sorted(record.dirty),
        }
        temp = self.record_path.with_name(self.record_path.name + ".tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, self.record_path)


def prime(site_dir: Path, spare_dir: Path | None = None) -> bool:
    """Make the spare a hard-linked copy of the live site, recorded as identical to it.

    After a build that left no spare (the first one, or one that made the site from
    nothing), the next build would have to link every unchanged file into a new spare:
    seconds for a large archive. ``serve`` calls this in the background after its first
    build, so that the first rebuild on save costs what the later ones do. ``True`` when
    a spare was made; nothing is done when one exists already.
    """
    spare = spare_dir or default_spare(site_dir)
    if not site_dir.is_dir() or os.path.lexists(spare):
        return False
    spare.parent.mkdir(parents=True, exist_ok=True)
    temp = spare.with_name(spare.name + ".priming")
    shutil.rmtree(temp, ignore_errors=True)
    shutil.copytree(site_dir, temp, symlinks=True, copy_function=os.link)
    temp.rename(spare)
    Staging(site_dir, spare)._save_record(_Record(frozenset(_tree(site_dir)), frozenset()))
    return True


def write_site(site_dir: Path, files: Mapping[str, bytes | object], spare_dir: Path | None = None) -> WriteReport:
    """Make ``site_dir`` hold exactly ``files`` (relative POSIX path → bytes, or ``KEEP``)."""
    for relpath in files:
        _safe(relpath)  # refuse the whole site before writing anything
    staging = Staging(site_dir, spare_dir)
    staging.begin()
    try:
        written = [relpath for relpath, data in sorted(files.items()) if staging.put(relpath, data)]
    except BaseException:
        staging.abort()
        raise
    return staging.commit(set(files), written)


def _identity(folder: Path) -> list[int]:
    """What tells a folder apart from one put in its place: device and inode."""
    stat = os.stat(folder)
    return [stat.st_dev, stat.st_ino]


def _same(path: str, data: object) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (size first, to skip most reads)."""
    if not isinstance(data, bytes):
        return False
    try:
        stat = os.lstat(path)
        if not os.path.isfile(path) or os.path.islink(path) or stat.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _write_new(path: str, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)


def _replace_with(target: str, make: Callable[[str], None]) -> None:
    """Make a file under a temporary name, then rename it over ``target``.

    Never write into ``target`` itself: it may be a hard link shared with the live site.
    """
    temp = f"{target}.~{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)
    make(temp)
    try:
        os.replace(temp, target)
    except OSError as exc:  # a folder of the old site where the new one has a file
        if exc.errno not in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST):
            raise
        shutil.rmtree(target)
        os.replace(temp, target)


def _clear_file_in_the_way(root: Path, parts: tuple[str, ...]) -> None:
    """A path that was a file one build ago and is a folder now: remove the file."""
    for depth in range(1, len(parts) + 1):
        candidate = os.path.join(root, *parts[:depth])
        if os.path.lexists(candidate) and (os.path.islink(candidate) or not os.path.isdir(candidate)):
            os.unlink(candidate)
            return


def _tree(folder: Path) -> set[str]:
    """Relative POSIX paths of the files under ``folder``."""
    found: set[str] = set()
    for base, _dirs, names in os.walk(folder):
        rel = os.path.relpath(base, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found.update(prefix + name for name in names)
    return found


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(spare: Path, site_dir: Path) -> None:
    """Swap two folders: atomically where the system can, else with three renames (see ``recover``)."""
    if _renameat2_exchange(os.fsencode(spare), os.fsencode(site_dir)):
        return
    old = site_dir.with_name(site_dir.name + ".old")
    site_dir.rename(old)
    spare.rename(site_dir)
    old.rename(spare)


def _renameat2_exchange(a: bytes, b: bytes) -> bool:
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), os.fsdecode(a))
