"""The command line: ``python build.py [build|check|serve|import|annotate] ...``.

Only this module (and serve) prints or reads the clock. Content mistakes are
printed as ``path:line:col: message``, all at once, and give exit code 1; a
traceback is never shown for them. Usage mistakes (an unknown option, a folder
that is not a digest project) give exit code 2, as argparse gives its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .diagnostics import Diagnostic, Diagnostics, Severity
from .model import ENTITY_TYPES
from .outcome import BuildResult, Inputs, unchanged
from .read.project import Project
from .text.english import plural

if TYPE_CHECKING:
    from .editor.editing import FileEdit


def run() -> NoReturn:
    """The entry point of ``build.py``: ``main``, then leave without tearing the heap down.

    A build's corpus, index and plan are millions of objects; freeing them one by one as
    the interpreter shuts down took a second at 10,000 articles, after the work was done.
    Every file is written and closed by then, and the system takes the memory back at once.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


RENDERING = frozenset({"build", "check", "serve"})
"""The commands that read the theme (``templates/``); annotate and import read only content/."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    project = Project(Path(args.root).resolve())
    problem = project.layout_error(theme=args.command in RENDERING)
    if problem:
        # A usage error, reported and numbered as argparse reports its own.
        print(f"{parser.prog}: error: {problem}", file=sys.stderr)
        return 2
    if args.command == "serve":
        from .serve import serve

        return serve(project, host=args.host, port=args.port)
    if args.command == "annotate":
        return _annotate(project, args)
    if args.command == "import":
        from .editor.importer import run_import

        return run_import(project, args)
    return _build(project, args, write=args.command != "check")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the bilingual news digest into site/.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("--root", default=".", help="project folder holding content/ and templates/ (default: .)")
    _build_options(parser, argparse.SUPPRESS)  # so that `python build.py --clean` works without "build"
    sub = parser.add_subparsers(dest="command")
    for name, text in (
        ("build", "render the site into site/ (the default)"),
        ("check", "validate everything and write nothing"),
    ):
        _build_options(sub.add_parser(name, help=text, description=text), argparse.SUPPRESS)
    ann = sub.add_parser("annotate", help="mark mentions of registered entities in articles")
    ann.add_argument("files", nargs="*", type=Path, help="article files (default: every article)")
    ann.add_argument("--dry-run", action="store_true", help="print a unified diff instead of writing")
    ann.add_argument("--new-entity", nargs=2, metavar=("ID", "NAME"), help="first write a stub entity file")
    ann.add_argument("--type", default="person", choices=ENTITY_TYPES, help="type of --new-entity (default: person)")
    imp = sub.add_parser("import", help="turn scraped texts, saved pages, URLs and feeds into content files")
    imp.add_argument(
        "raw", nargs="*", metavar="INPUT", help="raw scraped text files (.txt), saved pages (.html) or http(s) URLs"
    )
    imp.add_argument(
        "--feed",
        action="append",
        metavar="URL_OR_FILE",
        help="import every item of an RSS or Atom feed, skipping those already imported (repeatable)",
    )
    imp.add_argument("--title", help="headline, when the text has none")
    imp.add_argument("--title-en", help="English headline (also gives the slug its words)")
    imp.add_argument("--date", help="publication date (ISO 8601), when the text has none")
    imp.add_argument(
        "--timezone",
        metavar="ZONE",
        help="the outlet's time zone (e.g. Asia/Riyadh, +03:00) for a time the text gives without one "
        "(default: keep it without a zone, so the site's zone applies)",
    )
    imp.add_argument("--source", help="outlet name, when the text has none")
    imp.add_argument("--author", help="the byline to write, instead of the one the text or page gives")
    imp.add_argument(
        "--url",
        metavar="ADDRESS",
        help="the address of the page one text or saved page was copied from: kept as the source's url, "
        "checked against what is already imported, and read for the day when the text prints no date",
    )
    imp.add_argument("--lang", default=None, help="language of the text (default: the site's first language)")
    imp.add_argument("--slug", help="file name slug to use instead of the generated one")
    imp.add_argument("--dry-run", action="store_true", help="print the file instead of writing it")
    imp.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file or an article imported before (a .bak copy is kept)",
    )
    imp.add_argument(
        "--show-text", action="store_true", help="print the text a page was turned into, with its line numbers"
    )
    serve_cmd = sub.add_parser("serve", help="serve site/ on 127.0.0.1 and rebuild on change")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    parser.set_defaults(command="build", base_url=None, drafts=False, clean=False, no_search=False)
    return parser


def _build_options(parser: argparse.ArgumentParser, default: object) -> None:
    # SUPPRESS: an option given before or after the subcommand is kept, not reset by defaults.
    parser.add_argument("--base-url", default=default, help="publish address to use instead of site.yaml's base_url")
    parser.add_argument("--drafts", action="store_true", default=default, help="include articles marked draft: true")
    parser.add_argument("--clean", action="store_true", default=default, help="ignore the build cache (.digest-cache/)")
    parser.add_argument(
        "--no-search", action="store_true", default=default, help="skip search indexing; keep the previous index"
    )


def _build(project: Project, args: argparse.Namespace, *, write: bool) -> int:
    started = time.perf_counter()
    if write and not args.clean:
        done = unchanged(project, Inputs.read(project, args.base_url, args.drafts), search=not args.no_search)
        if done is not None:
            print_diagnostics(done.diagnostics)
            print(summary(done, time.perf_counter() - started, write=True))
            return 0
    from .pipeline import build  # the engine's imports cost more than a no-change rebuild

    options = {"base_url": args.base_url, "drafts": args.drafts, "clean": args.clean, "search": not args.no_search}
    result = build(project, write=write, on_wait=_say, **options)
    seconds = time.perf_counter() - started
    print_diagnostics(result.diagnostics)
    print(summary(result, seconds, write=write), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _annotate(project: Project, args: argparse.Namespace) -> int:
    from .editor.editing import annotate_files, load_registry, save_text, stub_entity

    diags = Diagnostics()
    registry = load_registry(project, diags)
    if registry is None or diags.has_errors:
        print_diagnostics(diags.sorted())
        print("failed: fix the entity registry first; no file changed", file=sys.stderr)
        return 1
    dry = args.dry_run
    if args.new_entity:
        entity_id, name = args.new_entity
        try:
            stub = stub_entity(project, entity_id, name, args.type, registry.languages)
        except (ValueError, FileExistsError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        extended = registry.with_entity(stub, diags)
        if extended is None:
            print_diagnostics(diags.sorted())
            print(f"failed: {stub.display} would not be a valid entity file; no file changed", file=sys.stderr)
            return 1
        registry = extended
        if dry:
            print(f"would write {stub.display}:")
            sys.stdout.write(stub.diff())
        else:
            save_text(stub.path, stub.text)
            print(f"wrote {stub.display}")
    paths = [p.resolve() for p in args.files] or [f.path for f in project.discover(diags).articles]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        for path in missing:
            print(f"{path}: no such file", file=sys.stderr)
        return 1
    edits = annotate_files(project, paths, registry)
    add = "would add" if dry else "added"
    for edit in edits:
        if edit.changed:
            if dry:
                sys.stdout.write(edit.diff())
            else:
                save_text(edit.path, edit.after)
        if edit.added:
            print(f"{edit.display}: {add} {plural(edit.added, 'mention')}")
    _print_suggestions(edits)
    added = sum(e.added for e in edits)
    changed = sum(e.changed for e in edits)
    done = f"{add} {plural(added, 'mention')} to {plural(changed, 'file')}" if added else "nothing to add"
    if dry:
        print(f"dry run over {plural(len(edits), 'file')}: {done}; nothing written")
    else:
        print(f"annotated {plural(len(edits), 'file')}: {done}")
    return 0


def _print_suggestions(edits: Sequence[FileEdit], limit: int = 25) -> None:
    """The likely unregistered names of all ``edits``: each once, with its count over all
    the files and the first sentence it was found in, so an editor can judge it without
    opening the file."""
    totals: Counter[str] = Counter()
    first: dict[str, tuple[str, str, str]] = {}
    for edit in edits:
        for suggestion in edit.suggestions:
            totals[suggestion.name] += suggestion.count
            first.setdefault(suggestion.name, (suggestion.reason, edit.display, suggestion.sentence))
    if not totals:
        return
    print("likely unregistered names (add one with --new-entity ID NAME):")
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    for name, count in ranked[:limit]:
        reason, display, sentence = first[name]
        print(f"  {count:3d}  {name}  ({reason})")
        print(f"       {display}: {sentence}")
    if len(ranked) > limit:
        print(f"  … and {plural(len(ranked) - limit, 'other')}")


def _say(line: str) -> None:
    """A note on stderr, at once (another build of the project holds the lock: this one waits)."""
    print(line, file=sys.stderr, flush=True)


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
