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

from digest.read.project import Project

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


def _request(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """A GET as a browser sends it on reload: with the validators it kept, if any."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8", "replace")


def test_a_saved_edit_is_never_answered_304_with_the_old_page(server) -> None:  # type: ignore[no-untyped-def]
    """The browser's reload after a save carries the old ETag (and Last-Modified): the
    server must send the new page, and keep answering 304 for what did not change."""
    origin, project, process = server
    page_url = origin + "/en/articles/2024-10-28-nato-rutte-north-korean-troops-kursk/"
    status, headers, page = _request(page_url)
    assert status == 200 and "claims North Korean troops" in page
    assert headers["Cache-Control"] == "no-cache"  # no heuristic freshness: a new tab asks again
    old_etag, old_date = headers["Etag"], headers["Last-Modified"]
    assert _request(page_url, {"If-None-Match": old_etag})[0] == 304
    css_status, css_headers, _ = _request(origin + "/assets/style.css")
    assert css_status == 200

    article = project.root / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("claims North Korean troops", "says North Korean soldiers", 1), encoding="utf-8")

    def reloaded() -> bool:
        status, _, body = _request(page_url, {"If-None-Match": old_etag, "If-Modified-Since": old_date})
        return status == 200 and "says North Korean soldiers" in body

    assert _wait_for(reloaded), "the reload after the save was answered with the old page"
    status, headers, page = _request(page_url)
    assert "says North Korean soldiers" in page and headers["Etag"] != old_etag
    assert _request(page_url, {"If-None-Match": headers["Etag"]})[0] == 304
    # Only If-Modified-Since (no ETag kept): the old date is not newer than the new page.
    status, _, page = _request(page_url, {"If-Modified-Since": old_date})
    assert status == 200 and "says North Korean soldiers" in page
    # A file the save did not change keeps its validator.
    assert _request(origin + "/assets/style.css", {"If-None-Match": css_headers["Etag"]})[0] == 304
    assert process.poll() is None


def _serve_command(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_busy_port_is_one_line_and_exit_2_before_anything_claims_to_serve(scratch: Project) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _serve_command(scratch.root, "--port", str(port))
    output = done.stdout + done.stderr
    assert done.returncode == 2
    assert "serving" not in output.lower() and "Traceback" not in output
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "--port" in lines[0]
    assert not scratch.site_dir.exists()  # no build either: the editor learns it at once


@pytest.mark.parametrize(("args", "hint"), [(("--host", "192.0.2.1"), "--host"), (("--port", "70000"), "--port")])
def test_an_address_that_cannot_be_bound_is_one_line_and_exit_2(scratch: Project, args, hint) -> None:  # type: ignore[no-untyped-def]
    done = _serve_command(scratch.root, *args)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "serving" not in done.stdout.lower()
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and hint in lines[0]
