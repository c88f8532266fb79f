"""The preview server: serves the site, survives broken content, shows errors, stays inside site/."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.project import Project

from .conftest import ROOT

ARTICLE = "content/articles/2024-10-28-nato-rutte-north-korean-troops-kursk.en.md"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def _wait_for(predicate, seconds: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def server(scratch: Project) -> Iterator[tuple[str, Project, subprocess.Popen[str]]]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(scratch.root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=scratch.root,
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: _get(origin + "/en/")[0] == 200), "server did not start"
        yield origin, scratch, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_errors_show_in_the_browser_and_fixing_recovers(server) -> None:  # type: ignore[no-untyped-def]
    origin, project, process = server
    status, page = _get(origin + "/en/")
    assert status == 200 and "livereload.js" in page and "digest-build-error" not in page
    # After the first build the spare copy of the site is linked in the background (writer.prime).
    spare = project.cache_dir / "site-spare"
    assert _wait_for(lambda: spare.with_name("site-spare.json").is_file())
    home = Path("en") / "index.html"
    assert (spare / home).stat().st_ino == (project.site_dir / home).stat().st_ino
    article = project.root / ARTICLE
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("[[mark-rutte|", "[[mark-rute|", 1), encoding="utf-8")
    assert _wait_for(lambda: "digest-build-error" in _get(origin + "/en/")[1])
    status, page = _get(origin + "/en/articles/2024-10-28-nato-rutte-north-korean-troops-kursk/")
    assert status == 200 and "unknown entity &#x27;mark-rute&#x27;" in page
    assert "Mark Rutte" in page  # the last good page is still there under the overlay
    article.write_text(good, encoding="utf-8")
    assert _wait_for(lambda: "digest-build-error" not in _get(origin + "/en/")[1])
    # The next edit reaches the page too (the server's rebuilds keep the build cache in memory).
    page_url = origin + "/en/articles/2024-10-28-nato-rutte-north-korean-troops-kursk/"
    article.write_text(good + "\nA sentence added while previewing.\n", encoding="utf-8")
    assert _wait_for(lambda: "A sentence added while previewing." in _get(page_url)[1])
    assert process.poll() is None


def test_serves_only_files_under_site_and_survives_bad_requests(server) -> None:  # type: ignore[no-untyped-def]
    origin, project, process = server
    secret = project.root / "secret.txt"
    secret.write_text("do not serve", encoding="utf-8")
    (project.site_dir / "link.txt").symlink_to(secret)
    port = int(origin.rsplit(":", 1)[1])
    for raw in (
        b"GET /../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /link.txt HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
        b"\x00\xff garbage\r\n\r\n",
        b"GET / HTTP/9.9\r\n" + b"X: " + b"a" * 70000 + b"\r\n\r\n",
    ):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(raw)
            try:
                reply = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                reply = b""
        assert b"do not serve" not in reply
    status, page = _get(origin + "/no/such/page/")
    assert status == 404 and 'class="page-title"' in page  # the site's own 404 page
    assert _get(origin + "/en/")[0] == 200 and process.poll() is None


def test_binds_loopback_by_default() -> None:
    from digest.cli import _parser

    assert _parser().parse_args(["serve"]).host == "127.0.0.1"
