"""Shared fixtures: sample projects copied into temporary folders, built sites, and the
scraped seed texts.

The seeds are real news pages, their publishers' copyright: they are never committed. They
are read from ``../shared/seeds`` beside the checkout; tests that need them are skipped
where that folder is missing, except when ``DIGEST_REQUIRE_SEEDS=1`` (CI), where that is a
failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digest.outcome import BuildResult
from digest.pipeline import build
from digest.read.project import Project

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
SEED_RT = "000_ed48a85660a44ac6.txt"
"""RT Arabic: headline, GMT date lines, a glued photo credit, a sentence cut by a lost link, empty source."""
SEED_24 = "001_c9840c230d6ea803.txt"
"""موقع 24: no headline or date, a tweet embed, tags run together, a pasted article, a related list."""
SEEDS = (SEED_RT, SEED_24)


def seed_path(name: str) -> Path:
    """The shared seed text ``name``; skips the test where it is missing (fails under
    ``DIGEST_REQUIRE_SEEDS=1``)."""
    path = SEEDS_DIR / name
    if not path.is_file():
        reason = f"{path}: seed text not found (the real scrapes are kept in ../shared/seeds, never in the repository)"
        if os.environ.get("DIGEST_REQUIRE_SEEDS"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def seed_text(name: str) -> str:
    """The text of the shared seed ``name``, its line ends as they are (see ``seed_path``)."""
    return seed_path(name).read_bytes().decode("utf-8")


def copy_project(target: Path, content: Path | None = None) -> Project:
    """A writable copy of the sample project (content and templates) at ``target``."""
    shutil.copytree(content or ROOT / "content", target / "content")
    shutil.copytree(ROOT / "templates", target / "templates")
    return Project(target)


def build_ok(project: Project, **options: object) -> BuildResult:
    result = build(project, **options)  # type: ignore[arg-type]
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result


def add_copies(project: Project, count: int, date: Callable[[int], str], prefix: str) -> None:
    """``count`` Arabic copies of one sample article, the ``n``-th (from 1) dated ``date(n)``
    and named ``<prefix>-<n>``: long lists for pagination."""
    articles = project.content_dir / "articles"
    source = (articles / "2024-10-23-medvedev-nato-russia-council-enemy.ar.md").read_text(encoding="utf-8")
    for n in range(1, count + 1):
        text = source.replace("date: 2024-10-23", f"date: {date(n)}", 1)
        (articles / f"{prefix}-{n}.ar.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample digest built once per test session (read-only for tests)."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    build_ok(project)
    return project.site_dir


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    """A fresh, writable copy of the sample project for tests that edit content."""
    return copy_project(tmp_path)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) in a daemon thread; returns the server and its origin."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def sample_origin(sample_site: Path) -> Iterator[str]:
    """The sample site served over HTTP at the domain root (links are root-relative)."""
    server, origin = serve_folder(sample_site)
    yield origin
    server.shutdown()
    server.server_close()
