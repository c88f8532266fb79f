"""The writer: atomic swap, minimal rewrites, and no writes outside the site folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.writer import UnsafePath, recover, write_site


def test_writes_exactly_the_given_files_and_removes_stale_ones(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = write_site(site, {"index.html": b"a", "en/index.html": b"b", "old.txt": b"x"})
    assert (first.written, first.unchanged, first.removed) == (3, 0, 0)
    second = write_site(site, {"index.html": b"a", "en/index.html": b"changed"})
    assert (second.written, second.unchanged, second.removed) == (1, 1, 1)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "en/index.html",
        "index.html",
    ]
    assert (site / "en" / "index.html").read_bytes() == b"changed"


def test_unchanged_files_keep_their_inode_and_mtime(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, {"a.html": b"same"})
    before = (site / "a.html").stat()
    write_site(site, {"a.html": b"same", "b.html": b"new"})
    after = (site / "a.html").stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "a/../../b", "a\\..\\b", "", "./../x"])
def test_refuses_paths_outside_the_site(tmp_path: Path, bad: str) -> None:
    site = tmp_path / "site"
    write_site(site, {"index.html": b"old"})
    with pytest.raises(UnsafePath):
        write_site(site, {bad: b"x", "index.html": b"new"})
    assert (site / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recover_finishes_a_swap_interrupted_between_renames(tmp_path: Path) -> None:
    site, old = tmp_path / "site", tmp_path / "site.old"
    old.mkdir()
    (old / "index.html").write_bytes(b"previous")
    (tmp_path / ".site.staging-123").mkdir()
    recover(site)
    assert (site / "index.html").read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
