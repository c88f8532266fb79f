"""``python build.py serve``: build, serve ``site/`` on loopback, rebuild on change.

The livereload server watches ``content/`` and ``templates/``; each change runs
the whole pipeline. A failed build never stops the server: the diagnostics are
printed and the last good site keeps being served (the writer only swaps in
complete sites).
"""

from __future__ import annotations

import sys
import time

from livereload import Server

from .pipeline import build
from .project import Project


def rebuild(project: Project) -> bool:
    """One build with its report printed; never raises, so the server survives anything."""
    started = time.perf_counter()
    try:
        result = build(project)
    except Exception as exc:  # a bug must not take the preview down with it
        print(f"build crashed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return False
    for diag in result.diagnostics:
        print(diag.format(), file=sys.stderr)
    seconds = time.perf_counter() - started
    if result.ok and result.report:
        print(f"rebuilt: {result.report.written} written, {result.report.unchanged} unchanged in {seconds:.2f} s")
    else:
        print("build failed; still serving the last good site", file=sys.stderr)
    return result.ok


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    rebuild(project)
    project.site_dir.mkdir(exist_ok=True)
    server = Server()
    for folder in (project.content_dir, project.templates_dir):
        server.watch(str(folder), lambda: rebuild(project), delay=0.3)
    print(f"serving {project.site_dir} at http://{host}:{port}/ (Ctrl-C to stop)")
    server.serve(host=host, port=port, root=str(project.site_dir), open_url_delay=None)
    return 0
