"""Crash safety: a build killed at any moment leaves the whole old site or the whole new one.

A project of a few hundred articles (the sample, copied many times) is built into
two reference sites: ``old`` from one version of the content and ``new`` from an
edited one (another site title, so every page changes; articles removed and
added, so the file lists differ too). Then the same project is rebuilt again and
again towards one version or the other, and each build is killed with SIGKILL
after a random delay, together with the render workers it forked. After every
kill ``site/`` must hold exactly one of the two reference sites (same files, same
bytes); the next build, killed or not, starts from that state, and a last build
that runs to the end must give exactly the reference site of its content.

The seed of the random delays is printed in any failure (set ``DIGEST_CRASH_SEED``
to replay it).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

KILLS = 10
COPIES = 8
"""Copies of each sample article: enough pages that a build takes a second or more."""


def site_files(site: Path) -> dict[str, bytes]:
    """Every file under ``site`` with its bytes (folders are implied by the paths)."""
    if not site.is_dir():
        return {}
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def write_version(project: Path, version: str, copies: int = COPIES) -> None:
    """Make ``project/content`` hold version ``old`` or ``new`` of the big project."""
    content = project / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    articles = content / "articles"
    originals = sorted(articles.glob("*.md"))
    for number in range(copies):
        for path in originals:
            slug, rest = path.name.split(".", 1)
            (articles / f"{slug}-{number}.{rest}").write_bytes(path.read_bytes())
    if version == "new":
        site = content / "site.yaml"
        text = site.read_text(encoding="utf-8")
        assert "News Digest" in text
        site.write_text(text.replace("News Digest", "News Digest, second edition"), encoding="utf-8")
        for path in sorted(articles.glob("*-1.*.md")) or originals[:1]:
            path.unlink()


def run_build(project: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(project), "build"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill reaches the render workers too
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode("utf-8", "replace")


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the build and the workers it forked (one process group), as a crash or OOM kill would."""
    with contextlib.suppress(ProcessLookupError):  # it had already finished
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The complete site of each version, each built from scratch in a project of its own."""
    found = {}
    for version in ("old", "new"):
        project = tmp_path_factory.mktemp(f"crash-{version}")
        shutil.copytree(ROOT / "templates", project / "templates")
        write_version(project, version)
        finish(run_build(project))
        found[version] = site_files(project / "site")
    assert found["old"] != found["new"]
    assert found["old"].keys() != found["new"].keys()
    return found


def test_killed_builds_leave_a_whole_site(tmp_path: Path, references: dict[str, dict[str, bytes]]) -> None:
    seed = int(os.environ.get("DIGEST_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    project = tmp_path / "project"
    shutil.copytree(ROOT / "templates", project / "templates")
    write_version(project, "old")
    started = time.monotonic()
    finish(run_build(project))
    duration = time.monotonic() - started
    assert site_files(project / "site") == references["old"]

    outcomes = []
    version = "old"
    for attempt in range(KILLS):
        version = rng.choice(("old", "new"))
        write_version(project, version)
        delay = rng.uniform(0.0, duration * 1.2)
        process = run_build(project)
        time.sleep(delay)
        kill(process)
        files = site_files(project / "site")
        which = next((name for name, ref in references.items() if files == ref), None)
        target = references[version]
        missing = sorted(target.keys() - files.keys())[:3]
        differing = sorted(p for p in files if p in target and files[p] != target[p])[:3]
        assert which is not None, (
            f"seed {seed}, kill {attempt} after {delay:.2f} s building {version!r}: site/ is neither whole site "
            f"({len(files)} files; missing from {version!r}: {missing}, differing: {differing})"
        )
        outcomes.append(which)

    finish(run_build(project))
    assert site_files(project / "site") == references[version], f"seed {seed}: the build after the kills"
    leftovers = sorted(p.name for p in project.iterdir()) + sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [".digest-cache", "content", "site", "templates", "project"], f"seed {seed}: {leftovers}"
    # A build that was never killed keeps recovering: a second full build changes nothing.
    before = site_files(project / "site")
    finish(run_build(project))
    assert site_files(project / "site") == before


def test_build_killed_after_the_exchange_is_redone(tmp_path: Path) -> None:
    """The state a SIGKILL right after the exchange leaves, made without timing.

    The old manifest is removed before the exchange and the new one saved after it, so
    such a build leaves none: the next build must not trust anything it cannot check.
    """
    project = tmp_path / "project"
    shutil.copytree(ROOT / "templates", project / "templates")
    write_version(project, "old", copies=0)
    finish(run_build(project))
    old_site = site_files(project / "site")
    manifest = project / ".digest-cache" / "manifest.bin"
    old_manifest = manifest.read_bytes()
    write_version(project, "new", copies=0)
    finish(run_build(project))
    assert site_files(project / "site") != old_site
    assert old_manifest
    manifest.unlink()  # killed between the exchange and saving the new manifest
    write_version(project, "old", copies=0)
    finish(run_build(project))
    assert site_files(project / "site") == old_site
