"""``python build.py serve``: build, serve ``site/`` on loopback, rebuild on change.

The livereload server watches ``content/`` and ``templates/`` (theme assets
included); a burst of saves within the debounce delay is one rebuild. A failed
build never stops the server: its diagnostics are printed in the terminal and
shown over every page in the browser, while the last good site keeps being
served (the writer only ever swaps in complete sites). Fixing the file clears
the overlay by itself on the next rebuild.
"""

from __future__ import annotations

import email.utils
import errno
import html
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livereload import Server
from tornado import web
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets

from .pipeline import build, warm_up
from .read.project import Project
from .warm import Warm

DEBOUNCE_SECONDS = 0.3


@dataclass
class ServeState:
    """The outcome of the last rebuild, shared by the watcher callback and the page handler."""

    errors: list[str] = field(default_factory=list)
    builds: int = 0
    warm: Warm = field(default_factory=Warm)
    """The build cache, kept in memory from one rebuild to the next."""
    warming: threading.Thread | None = None
    """Readies the next build after the first one (``warm_up``): parse cache, spare site."""

    def settle(self) -> None:
        """Wait for background work on the site folder before a build touches it."""
        if self.warming is not None:
            self.warming.join()
            self.warming = None


def rebuild(project: Project, state: ServeState, *, search: bool = True) -> bool:
    """One build with its report printed; never raises, so the server survives anything.

    Rebuilds on save leave the search index as it is (``search=False``): re-indexing a
    large archive takes many seconds, and the next ``python build.py`` catches up.
    """
    state.settle()
    started = time.perf_counter()
    try:
        result = build(project, search=search, warm=state.warm, on_wait=_say)
        lines = [d.format() for d in result.diagnostics]
        ok = result.ok
    except Exception as exc:  # a bug must not take the preview down with it
        lines, ok, result = [f"build crashed: {type(exc).__name__}: {exc}"], False, None
    state.builds += 1
    state.errors = [] if ok else lines
    for line in lines:
        print(line, file=sys.stderr)
    seconds = time.perf_counter() - started
    if ok and result and result.report:
        report = result.report
        print(f"rebuilt: {report.written} written, {report.unchanged} unchanged in {seconds:.2f} s", flush=True)
    else:
        print("build failed; still serving the last good site", file=sys.stderr, flush=True)
    return ok


def _say(line: str) -> None:
    """A note for the terminal (another build of the project is running: this one waits)."""
    print(line, file=sys.stderr, flush=True)


def _warm_up_quietly(project: Project, warm: Warm) -> None:
    """``warm_up``, whose failure only means the next rebuild does that work itself."""
    try:
        warm_up(project, warm, on_wait=_say)
    except OSError as exc:
        print(f"note: could not prepare the next build ({exc})", file=sys.stderr, flush=True)


def overlay(errors: list[str]) -> bytes:
    """The error box shown over every page while the last build failed."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in errors[:50])
    return (
        '<div id="digest-build-error" role="alert" style="position:fixed;inset:auto 1rem 1rem 1rem;z-index:9999;'
        "max-block-size:60vh;overflow:auto;background:#fff4f4;color:#5c0000;border:2px solid #b00020;"
        'border-radius:8px;padding:1rem;font:14px/1.5 monospace;direction:ltr;text-align:left">'
        "<strong>Build failed — showing the last good site. Fix these and save:</strong>"
        f'<ul style="margin:.5rem 0 0;padding-left:1.2rem">{items}</ul></div>'
    ).encode()


class SiteHandler(web.StaticFileHandler):
    """Static files from ``site/``, HTML pages with the error overlay while a build is failing."""

    def initialize(
        self,
        path: str,
        default_filename: str | None = "index.html",
        allowed_symlink_directory: str | list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().initialize(path, default_filename, allowed_symlink_directory)
        self.state: ServeState = kwargs["state"]

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        # Resolve symlinks too: nothing outside site/ is ever served.
        real_root = os.path.realpath(root)
        real = os.path.realpath(absolute_path)
        if real != real_root and not real.startswith(real_root + os.sep):
            raise web.HTTPError(403, "outside the site folder")
        return super().validate_absolute_path(root, absolute_path)

    async def get(self, path: str, include_body: bool = True) -> None:
        if not self.state.errors:
            return await super().get(path, include_body)
        target = Path(self.root) / path
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file() and Path(self.root).resolve() in target.resolve().parents:
            page = target.read_bytes()
        elif not target.exists():
            page = b"<!DOCTYPE html><html><head><title>Build failed</title></head><body></body></html>"
        else:
            return await super().get(path, include_body)
        page = page.replace(b"</body>", overlay(self.state.errors) + b"</body>", 1)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(page)

    def compute_etag(self) -> str | None:
        """The file's identity (inode, size, modification time in nanoseconds), as nginx
        and Apache make theirs: every rebuild that changes a file writes a new one (the
        writer renames a new file over the old entry), so a changed page always gets a new
        validator, and an unchanged one keeps its own. Tornado's default is a hash of the
        content kept per path for the life of the process, which kept answering
        ``304 Not Modified`` with the page as it was before the save. Pages with the error
        overlay are made per request and carry none."""
        if self.state.errors or self.absolute_path is None:
            return None
        found = self._stat()
        return f'"{found.st_ino:x}-{found.st_size:x}-{found.st_mtime_ns:x}"'

    def should_return_304(self) -> bool:
        """``If-None-Match`` is answered by the ETag; ``If-Modified-Since`` alone only when
        the file is older than the given date by a whole second. HTTP dates count whole
        seconds, and a page rebuilt within the second it was first served has the date
        of the old one: a preview must rather send a page again than show a stale one."""
        if self.request.headers.get("If-None-Match"):
            return self.check_etag_header()
        since = self.request.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            when = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return self._stat().st_mtime < when

    def set_extra_headers(self, path: str) -> None:
        # Revalidate on every use: without a Cache-Control header browsers may keep a
        # page for a tenth of its age without asking (heuristic freshness), so a new
        # tab would show it as it was before the last save.
        self.set_header("Cache-Control", "no-cache")

    def write_error(self, status_code: int, **kwargs: object) -> None:
        missing = Path(self.root) / "404.html"
        if status_code == 404 and missing.is_file():
            self.finish(missing.read_bytes())
        else:
            super().write_error(status_code, **kwargs)


class DigestServer(Server):
    """livereload's server with our page handler (overlay, 404 page, containment)."""

    def __init__(self, site_dir: Path, state: ServeState) -> None:
        super().__init__()
        self.site_dir = site_dir
        self.state = state

    def get_web_handlers(self, script: str) -> list[tuple[str, type[SiteHandler], dict[str, object]]]:
        return [(r"/(.*)", SiteHandler, {"path": str(self.site_dir), "state": self.state})]


def bind_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be served on, in one line with the fix; ``None`` if it can.

    Tried before the first build, so that a busy port is told at once and nothing claims
    to serve. The probe's sockets are closed again (with ``SO_REUSEADDR``, as the server
    binds them, so the port is free for it a moment later)."""
    if not 1 <= port <= 65535:
        return f"cannot serve on port {port}: a port is a number from 1 to 65535; choose one with --port"
    try:
        sockets = bind_sockets(port, host)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            return (
                f"cannot serve on {host}:{port}: {reason} (another server is running there?); "
                f"choose another port with --port, e.g. --port {port + 1 if port < 65535 else 8000}"
            )
        return f"cannot serve on {host}:{port}: {reason}; choose another address with --host, e.g. --host 127.0.0.1"
    for sock in sockets:
        sock.close()
    return None


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    problem = bind_problem(host, port)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    state = ServeState()
    rebuild(project, state)
    # While the editor looks at the first pages, load the build cache and link the spare
    # copy of the site that rebuilds update in place: the first save is as quick as the later ones.
    state.warming = threading.Thread(target=_warm_up_quietly, args=(project, state.warm), daemon=True)
    state.warming.start()
    project.site_dir.mkdir(exist_ok=True)
    server = DigestServer(project.site_dir, state)
    for folder in (project.content_dir, project.templates_dir):
        server.watch(str(folder), lambda: rebuild(project, state, search=False), delay=DEBOUNCE_SECONDS)
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    # Said once the server listens: the first thing its event loop does.
    IOLoop.current().add_callback(lambda: print(f"serving {project.site_dir} at {url} (Ctrl-C to stop)", flush=True))
    try:
        server.serve(host=host, port=port, root=str(project.site_dir), open_url_delay=None)
    except OSError as exc:  # the port was taken between the probe and the server's own bind
        print(f"cannot serve on {host}:{port}: {exc.strerror or exc}; choose another port with --port", file=sys.stderr)
        return 2
    return 0
