"""The writer: atomic swap, minimal rewrites, and no writes outside the site folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from digest.writer import Mode, Staging, UnsafePath, default_spare, prime, recover, write_site


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


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "a/../../b", "a\\..\\b", "", "./../x", "a//b", "a/"])
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


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_sequence_of_builds_always_leaves_exactly_the_new_site(tmp_path: Path) -> None:
    """Double buffering: each build updates the spare (one build old) and swaps; every result must be exact."""
    import random

    rng = random.Random(7)
    site, spare = tmp_path / "site", tmp_path / "cache" / "spare"
    names = ["index.html", "a/index.html", "a/b/index.html", "c/index.html", "feed.xml", "a", "c/d/e.html"]
    for _ in range(40):
        chosen = rng.sample(names, rng.randint(1, len(names)))
        # a path cannot be both a file and a folder in one site
        chosen = [n for n in chosen if not any(o.startswith(n + "/") for o in chosen)]
        files: dict[str, bytes | object] = {n: rng.choice([b"one", b"two", b"three " + n.encode()]) for n in chosen}
        before = _files(site) if site.exists() else {}
        roll = rng.random()
        if roll < 0.2:  # as if the previous build had been killed before the swap
            spare.with_name("spare.json").unlink(missing_ok=True)
        elif roll < 0.4 and site.exists():  # no spare (a first build), then primed as ``serve`` does
            shutil.rmtree(spare, ignore_errors=True)
            assert prime(site, spare)
            assert not prime(site, spare), "an existing spare is left as it is"
        report = write_site(site, files, spare)
        assert _files(site) == files
        assert report.written == sum(before.get(n) != data for n, data in files.items())
        assert report.removed == len(set(before) - set(files))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["spare", "spare.json"]


def test_unchanged_files_are_shared_with_the_spare_not_copied(tmp_path: Path) -> None:
    site, spare = tmp_path / "site", tmp_path / "spare"
    for text in (b"v1", b"v2", b"v3"):
        write_site(site, {"same.html": b"same", "news.html": text}, spare)
    assert (site / "same.html").stat().st_ino == (spare / "same.html").stat().st_ino
    assert (spare / "news.html").read_bytes() == b"v2", "the spare holds the site one build ago"
    assert (site / "news.html").read_bytes() == b"v3"


def test_a_spare_tampered_with_after_an_interrupted_build_is_checked_file_by_file(tmp_path: Path) -> None:
    """No record (as after a build killed mid-way): the spare is compared with the live site, not trusted."""
    site, spare = tmp_path / "site", tmp_path / "spare"
    write_site(site, {"a.html": b"a", "b/index.html": b"b"}, spare)
    write_site(site, {"a.html": b"a2", "b/index.html": b"b"}, spare)
    (spare.with_name("spare.json")).unlink()
    (spare / "b" / "index.html").unlink()
    (spare / "b" / "index.html").write_bytes(b"garbage")
    (spare / "stray.html").write_bytes(b"left over")
    report = write_site(site, {"a.html": b"a2", "b/index.html": b"b"}, spare)
    assert _files(site) == {"a.html": b"a2", "b/index.html": b"b"}
    assert (report.written, report.removed) == (0, 0)


def test_writing_never_changes_a_live_file_through_a_shared_link(tmp_path: Path) -> None:
    site, spare = tmp_path / "site", tmp_path / "spare"
    write_site(site, {"x.html": b"old"}, spare)
    write_site(site, {"x.html": b"old"}, spare)  # now site/x.html and spare/x.html share an inode
    live = (site / "x.html").open("rb")
    write_site(site, {"x.html": b"new"}, spare)
    assert live.read() == b"old", "a reader holding the old file still sees the old bytes"
    live.close()
    assert (spare / "x.html").read_bytes() == b"old" and (site / "x.html").read_bytes() == b"new"


def test_a_fresh_spare_is_written_in_place_and_a_second_put_replaces_the_first(tmp_path: Path) -> None:
    """In a spare made empty by this build, files are written straight (no temporary name left
    behind); putting a path twice keeps the last bytes; unchanged files still share the live inode."""
    site = tmp_path / "site"
    write_site(site, {"same.html": b"s"})
    shutil.rmtree(default_spare(site), ignore_errors=True)
    staging = Staging(site)
    staging.begin()
    assert staging.mode is Mode.FRESH
    assert staging.put("a/index.html", b"first")
    assert staging.put("a/index.html", b"second")
    assert not staging.put("same.html", b"s")
    report = staging.commit({"a/index.html", "same.html"}, ["a/index.html"])
    assert (report.written, report.unchanged) == (1, 1)
    assert (site / "a" / "index.html").read_bytes() == b"second"
    assert sorted(p.name for p in (site / "a").iterdir()) == ["index.html"]
    assert (site / "same.html").stat().st_ino == (default_spare(site) / "same.html").stat().st_ino


def test_a_primed_spare_shares_every_file_and_the_next_build_touches_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``prime`` links the live site into a new spare and records it as identical, so the
    next build writes only the changed file and links nothing: every other file keeps its inode."""
    site, spare = tmp_path / "site", tmp_path / "cache" / "spare"
    files: dict[str, bytes | object] = {"index.html": b"home", "a/index.html": b"a", "a/b/index.html": b"b"}
    write_site(site, files, spare)
    assert not spare.exists(), "a first build leaves no spare"
    assert prime(site, spare)
    assert {p: (site / p).stat().st_ino for p in files} == {p: (spare / p).stat().st_ino for p in files}
    inodes = {p: (site / p).stat().st_ino for p in files}
    links: list[str] = []
    real_link = os.link
    monkeypatch.setattr(os, "link", lambda src, dst: links.append(dst) or real_link(src, dst))
    report = write_site(site, {**files, "a/index.html": b"changed"}, spare)
    assert links == [], "nothing to link: the spare already shares the unchanged files"
    assert (report.written, report.unchanged, report.removed) == (1, 2, 0)
    assert (site / "a" / "index.html").read_bytes() == b"changed"
    assert (spare / "a" / "index.html").read_bytes() == b"a", "the live file was replaced, not written through"
    assert {p: (site / p).stat().st_ino for p in files if p != "a/index.html"} == {
        p: inodes[p] for p in files if p != "a/index.html"
    }


def test_priming_without_a_site_does_nothing(tmp_path: Path) -> None:
    assert not prime(tmp_path / "site", tmp_path / "spare")
    assert not (tmp_path / "spare").exists()
