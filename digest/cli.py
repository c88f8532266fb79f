"""The command line: ``python build.py [build|check|serve] ...``.

Only this module (and serve) prints or reads the clock. Content mistakes are
printed as ``path:line:col: message``, all at once, and give exit code 1; a
traceback is never shown for them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic, Severity
from .pipeline import BuildResult, build
from .project import Project


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(Path(args.root).resolve())
    if args.command == "serve":
        from .serve import serve

        return serve(project, host=args.host, port=args.port)
    return _build(project, args, write=args.command != "check")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the bilingual news digest into site/.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("--root", default=".", help="project folder holding content/ and templates/ (default: .)")
    sub = parser.add_subparsers(dest="command")
    for name, text in (
        ("build", "render the site into site/ (the default)"),
        ("check", "validate everything and write nothing"),
    ):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--base-url", help="publish address to use instead of site.yaml's base_url")
        cmd.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    serve_cmd = sub.add_parser("serve", help="serve site/ on 127.0.0.1 and rebuild on change")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    parser.set_defaults(command="build", base_url=None, drafts=False)
    return parser


def _build(project: Project, args: argparse.Namespace, *, write: bool) -> int:
    started = time.perf_counter()
    result = build(project, write=write, base_url=args.base_url, drafts=args.drafts)
    seconds = time.perf_counter() - started
    print_diagnostics(result.diagnostics)
    print(summary(result, seconds, write=write), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def print_diagnostics(diagnostics: Sequence[Diagnostic]) -> None:
    for diag in diagnostics:
        print(diag.format(), file=sys.stderr)


def summary(result: BuildResult, seconds: float, *, write: bool) -> str:
    """The one line a run ends with."""
    errors = sum(d.severity is Severity.ERROR for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    warn = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
    if not result.ok:
        kept = "site/ left unchanged" if write else "nothing written"
        return f"failed: {errors} error{'s' if errors != 1 else ''}{warn}; {kept}"
    if result.report is None:
        counts = f"{result.articles} articles, {result.entities} entities, {result.pages} outputs"
        return f"check passed: {counts}{warn} in {seconds:.2f} s"
    report = result.report
    return (
        f"built {report.total} files ({result.articles} articles, {result.entities} entities): "
        f"{report.written} written, {report.unchanged} unchanged, {report.removed} removed{warn} in {seconds:.2f} s"
    )
