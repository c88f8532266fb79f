"""Shared fixtures: sample projects copied into temporary folders, and built sites."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digest.pipeline import BuildResult, build
from digest.project import Project

ROOT = Path(__file__).resolve().parents[1]


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
