"""The build, end to end: read → index → plan → render → write.

Every stage reports into one ``Diagnostics``; if any error was found, nothing is
written and the previous ``site/`` stays as it was. ``check`` is this same
pipeline with the write step left out (it may read the build cache, never writes it).

Rebuilds are incremental (see ``buildstate``): when no input file changed, the
build stops after hashing them; otherwise unchanged articles come from the parse
cache, and every output whose key is unchanged is carried over as it is. A key
covers the output's own content digests (``PageSpec.deps``) and everything every
page depends on: site settings, entity registry, theme, the engine's code and the
build options. ``clean=True`` ignores the cache. Nothing here prints or reads the clock.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import i18n
from .bodyhtml import pygments_css
from .buildstate import (
    LiveSite,
    Manifest,
    ParseCache,
    Warm,
    engine_digest,
    fingerprints,
    input_files,
    manifest_file,
    options_key,
    unchanged_since_last_build,
)
from .diagnostics import Diagnostic, Diagnostics, Severity
from .index import SiteIndex, build_index
from .lock import build_lock
from .pages.base import PageSpec
from .parallel import fork_map, workers
from .plan import Plan, PlanMemo, plan
from .project import Project
from .reader import read_project
from .search.pagefind import index_site, save_record
from .search.pagefind import is_stale as search_is_stale
from .templating import Templates
from .urls import Urls
from .views import ViewBuilder
from .writer import KEEP, Staging, WriteReport, prime


@dataclass(frozen=True)
class BuildResult:
    diagnostics: tuple[Diagnostic, ...]
    ok: bool
    pages: int = 0
    """Outputs of the site (pages, feeds, sitemap and assets)."""
    articles: int = 0
    entities: int = 0
    report: WriteReport | None = None
    rendered: int = 0
    """Outputs rendered this time; the others were unchanged and carried over."""


@dataclass(frozen=True)
class Rendered:
    keys: dict[str, str]
    """Every output path of the site → the key of what it was made from."""
    written: tuple[str, ...]
    """Outputs whose bytes differ from the current site's."""
    articles: int
    entities: int
    rendered: int
    searchable: tuple[str, ...] = ()
    """The pages that go into the search index, sorted."""
    last: Last | None = None
    """What the next build of this process may update (see ``Last``)."""


@dataclass(frozen=True)
class Last:
    """A build's index and plan, kept in memory by ``serve`` (``Warm.last``) so that the
    next build updates them (``build_index(previous=…)``, ``plan(last=…)``) instead of
    redoing them: at tens of thousands of articles they cost more than the rest of a
    one-article rebuild. Used only by a build with the same ``global_key``."""

    global_key: str
    index: SiteIndex
    memo: PlanMemo


@dataclass(frozen=True)
class Reuse:
    """What the previous build left that this one may reuse."""

    cache: ParseCache | None
    keys: dict[str, str]
    site_dir: Path | None
    known: dict[str, str] | None = None
    """Content hashes of the input files, by path, taken at the start of this build."""
    last: Last | None = None
    live: LiveSite | None = None
    """The live site's files as the manifest recorded them: only those still there are carried over."""


def build(
    project: Project,
    *,
    write: bool = True,
    base_url: str | None = None,
    drafts: bool = False,
    clean: bool = False,
    search: bool = True,
    warm: Warm | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the site (or only check it, ``write=False``).

    ``warm`` keeps the build cache in memory for the next build of this process (``serve``).
    A build that writes holds the project's build lock throughout (``lock``); ``on_wait``
    is told when it has to wait for another build to finish first.
    """
    # The cycle collector stays off while the corpus is loaded and indexed: its full passes
    # over millions of new, acyclic objects would cost seconds. ``render_site`` freezes
    # those objects (passes skip them from then on) and turns it back on for rendering.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if not write:
            return _build(project, write, base_url, drafts, clean, search, None if clean else warm)
        with build_lock(project.root, on_wait):
            return _build(project, write, base_url, drafts, clean, search, None if clean else warm)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _build(
    project: Project, write: bool, base_url: str | None, drafts: bool, clean: bool, search: bool, warm: Warm | None
) -> BuildResult:
    options = options_key(base_url, drafts)
    manifest_path = manifest_file(project.cache_dir)
    if clean:
        manifest = Manifest()
    else:
        manifest = warm.manifest_at(manifest_path) if warm is not None else Manifest.load(manifest_path)
    inputs = fingerprints(input_files(project.content_dir, project.templates_dir), manifest.inputs)
    search_due = search and search_is_stale(project.cache_dir)
    if write and not search_due and unchanged_since_last_build(manifest, inputs, options, project.site_dir):
        warnings = tuple(Diagnostic(*w, severity=Severity.WARNING) for w in manifest.warnings)
        report = WriteReport(written=0, unchanged=len(manifest.outputs), removed=0)
        articles, entities = manifest.counts
        return BuildResult(warnings, True, len(manifest.outputs), articles, entities, report)
    diags = Diagnostics()
    parsed = parsed_dir(project)
    cache = warm.parse_cache(parsed) if warm is not None else ParseCache(parsed, load=not clean)
    # check renders every page (to find template errors) but may take parses from the cache.
    known = {path: fp[3] for path, fp in inputs.items()}
    last = warm.last if warm is not None and write else None
    live = LiveSite(project.site_dir if write and not clean else None, manifest.identities)
    reuse = Reuse(cache, manifest.outputs if write and not clean else {}, project.site_dir, known, last, live)
    global_key = _global_key(project, inputs, options)
    staging = Staging(project.site_dir, spare_dir(project)) if write else None
    try:
        rendered = render_site(
            project, diags, base_url=base_url, drafts=drafts, reuse=reuse, global_key=global_key, staging=staging
        )
    except BaseException:
        if staging is not None:
            staging.abort()
        cache.settle(saved=False)
        raise
    if rendered is None or diags.has_errors:
        if staging is not None:
            staging.abort()
        cache.settle(saved=False)
        return BuildResult(diagnostics=tuple(diags.sorted()), ok=False)
    report = None
    if staging is not None:
        # The staged tree is complete: index it. The parse cache, being written since the
        # articles were read (``render_site``), is complete before the manifest is saved.
        found = index_site(
            staging,
            rendered.searchable,
            rendered.written,
            project.cache_dir,
            enabled=search,
            meanwhile=cache.finish_save,
            present=live.holds,
        )
        if found.notice:
            diags.warning("pagefind", 0, 0, found.notice)
        written = rendered.written + found.written
        rendered = replace(rendered, keys={**rendered.keys, **found.keys}, written=written)
        # Until the new manifest is saved, none at all: a build killed right after the
        # exchange must not leave the old manifest describing the new site.
        manifest_path.unlink(missing_ok=True)
        save_record(project.cache_dir, None)
        report = staging.commit(set(rendered.keys), rendered.written)
        save_record(project.cache_dir, found)
        warnings = [[d.path, d.line, d.col, d.message] for d in diags.sorted() if d.severity is Severity.WARNING]
        counts = [rendered.articles, rendered.entities]
        identities = live.identities(project.site_dir, rendered.keys, rendered.written)
        saved = Manifest(inputs, rendered.keys, options, counts, warnings, identities)
        saved.save(manifest_path)
        cache.settle(saved=True)
        if warm is not None:
            warm.remember(saved, manifest_path)
            warm.last = rendered.last
    else:
        cache.settle(saved=False)
    outputs = len(rendered.keys)
    result = (outputs, rendered.articles, rendered.entities, report, rendered.rendered)
    return BuildResult(tuple(diags.sorted()), True, *result)


def parsed_dir(project: Project) -> Path:
    """Where the build keeps its parse cache (see ``buildstate.ParseCache``)."""
    return project.cache_dir / "parsed"


def spare_dir(project: Project) -> Path:
    """Where the writer keeps the spare copy of the site (see ``writer``)."""
    return project.cache_dir / "site-spare"


def prime_spare(project: Project) -> bool:
    """Ready the spare copy of the site for the next build (``writer.prime``); ``serve``
    does it in the background after its first build."""
    return prime(project.site_dir, spare_dir(project))


def warm_up(project: Project, warm: Warm, on_wait: Callable[[str], None] | None = None) -> None:
    """Do ahead what the next build of this process would start with: load the parse cache
    into ``warm``, make the index and plan of the site as it is (a first build that found
    nothing changed did neither) and ready the spare copy of the site. ``serve`` runs it in
    the background after its first build, so the first save rebuilds as fast as the later
    ones. It holds the build lock, as a build does: the spare copy is the build's."""
    with build_lock(project.root, on_wait):
        cache = warm.parse_cache(parsed_dir(project))
        if warm.last is None:
            collecting = gc.isenabled()
            gc.disable()  # as in ``build``: millions of new objects, none of them garbage
            try:
                warm.last = _planned(project, warm, cache)
            finally:
                cache.settle(saved=False)
                if collecting:
                    gc.enable()
        prime_spare(project)


def _planned(project: Project, warm: Warm, cache: ParseCache) -> Last | None:
    """The index and plan of the content as it is, as a build with the default options
    (``serve``'s) would leave them; ``None`` if the content has errors. Nothing is rendered:
    a build that takes outputs from this plan checks them against the manifest and the
    live site as always."""
    manifest = warm.manifest_at(manifest_file(project.cache_dir))
    inputs = fingerprints(input_files(project.content_dir, project.templates_dir), manifest.inputs)
    global_key = _global_key(project, inputs, options_key(None, False))
    diags = Diagnostics()
    known = {path: fp[3] for path, fp in inputs.items()}
    corpus = read_project(project, diags, cache=cache, known=known).corpus
    if corpus is None or diags.has_errors:
        return None
    index = build_index(corpus)
    strings = i18n.load_strings(project.templates_dir / "i18n", corpus.site.languages, diags)
    urls = Urls(corpus.site.base_url)
    planned = plan(index, ViewBuilder(index, urls, strings), urls, diags, key=lambda spec: spec_key(global_key, spec))
    return None if diags.has_errors else Last(global_key, index, planned.memo)


def _global_key(project: Project, inputs: dict[str, list[object]], options: str) -> str:
    """Digest of every input that all pages depend on: all but the articles, plus options."""
    articles = str(project.content_dir / "articles")
    shared = sorted((path, fp[3]) for path, fp in inputs.items() if not path.startswith(articles))
    return hashlib.sha256(repr((shared, options)).encode("utf-8")).hexdigest()


def spec_key(global_key: str, spec: PageSpec) -> str:
    """The output's cache key. Its parts are joined with NULs, which none of them holds: the
    dependencies are digests, entity ids and counts, and the route, the one part made of text
    (a topic's name), is checked. Unambiguous, and twice as cheap as ``repr`` for the long
    dependency lists of popular entities' pages."""
    if "\0" in spec.route:
        raise ValueError(f"a NUL in the route {spec.route!r}")
    joined = "\0".join((global_key, spec.route, spec.template or "", *(value for _, value in spec.shows)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def render_site(
    project: Project,
    diags: Diagnostics,
    *,
    base_url: str | None = None,
    drafts: bool = False,
    reuse: Reuse | None = None,
    global_key: str = "",
    staging: Staging | None = None,
) -> Rendered | None:
    """Render every output of the site into ``staging`` (or only check it, without one).

    ``None`` when errors stop the build; the caller then aborts the staging folder.
    """
    reuse = reuse or Reuse(None, {}, None)
    read = read_project(project, diags, drafts=drafts, cache=reuse.cache, known=reuse.known)
    corpus = read.corpus
    languages = corpus.site.languages if corpus else ("en",)
    strings = i18n.load_strings(project.templates_dir / "i18n", languages, diags)
    compiled = project.cache_dir / "templates" if staging is not None else None
    templates = Templates(project.templates_dir, strings, project.root, compiled, engine_digest())
    templates.check(diags)
    if corpus is None or diags.has_errors:
        return None
    if staging is not None and reuse.cache is not None:
        reuse.cache.start_save()  # every article is read: its parse is kept while the build goes on
    last = reuse.last if reuse.last is not None and reuse.last.global_key == global_key and global_key else None
    index = build_index(corpus, last.index if last is not None else None)
    urls = Urls(base_url or corpus.site.base_url)
    views = ViewBuilder(index, urls, strings)
    holds = reuse.live.holds if reuse.live is not None else lambda path: False

    def key(spec: PageSpec) -> str:
        return spec_key(global_key, spec)

    def sort_out(planned: Plan) -> tuple[list[PageSpec], list[str]] | None:
        """The specs to render and the outputs carried over as they are (same key as in
        the live site); ``None`` if an output taken from the last plan is not there as
        that plan left it (a build of another process, a deleted or edited file)."""
        spec_of = {Urls.output_path(spec.route): spec for spec in planned.specs}
        todo: list[PageSpec] = []
        kept: list[str] = []
        for path, key in planned.keys.items():
            if global_key and reuse.keys.get(path) == key and holds(path):
                kept.append(path)
            elif path in spec_of:
                todo.append(spec_of[path])
            else:
                return None
        return todo, kept

    planned = plan(index, views, urls, diags, key=key, last=last.memo if last is not None else None)
    if diags.has_errors:
        return None
    found = sort_out(planned)
    if found is None:  # plan everything, so that every output can be made
        planned = plan(index, views, urls, diags, key=key)
        found = sort_out(planned)
        assert found is not None, "a plan without a memo has a spec for every output"
    todo, kept = found

    def render_one(spec: PageSpec) -> tuple[str | None, list[Diagnostic]]:
        """Render an output and stage it right here (in a worker, when forked); its path if written."""
        local = Diagnostics()
        data = _render(spec, templates, local)
        path = Urls.output_path(spec.route)
        changed = data is not None and staging is not None and staging.put(path, data)
        return (path if changed else None), list(local)

    # The corpus, index and plan live until the end of the build: keep the cycle collector's
    # passes (and forked workers' copy-on-write) off their millions of objects, and let it
    # collect what rendering leaves. ``build`` unfreezes them at the end.
    gc.freeze()
    gc.enable()
    if staging is not None:
        staging.begin()
    written: list[str] = []
    for changed, problems in fork_map(render_one, _by_edition(todo), workers()):
        diags.extend(problems)
        if changed:
            written.append(changed)
    if diags.has_errors:
        return None
    assets = _assets(project.templates_dir / "static")
    # A new dict: the plan's own is the memo's, which the next build starts from.
    keys = {**planned.keys, **{path: hashlib.sha256(data).hexdigest() for path, data in assets.items()}}
    if staging is not None:
        for path in kept:
            staging.put(path, KEEP)
        written.extend(path for path, data in assets.items() if staging.put(path, data))
    templates.save_compiled()
    memory = Last(global_key, index, planned.memo)
    counts = (len(corpus.articles()), len(corpus.entities), len(todo), planned.searchable, memory)
    return Rendered(keys, tuple(written), *counts)


def _by_edition(specs: list[PageSpec]) -> list[PageSpec]:
    """Specs in plan order, those of one edition together (routes start with its language):
    a worker walking a stretch of the list makes each of that edition's story and entity
    cards once (see ``parallel``)."""
    return sorted(specs, key=lambda spec: spec.route.partition("/")[0])


def _render(spec: PageSpec, templates: Templates, diags: Diagnostics) -> bytes | None:
    if spec.template is None:
        data = spec.make()
        assert isinstance(data, bytes)
        return data
    html = templates.render(spec.template, diags, **spec.make())
    return html.encode("utf-8") if html is not None else None


def _assets(folder: Path) -> dict[str, bytes]:
    """The theme's static files under ``assets/``, with the code-highlighting styles appended to style.css."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        files["assets/" + path.relative_to(folder).as_posix()] = path.read_bytes()
    css = files.get("assets/style.css", b"")
    files["assets/style.css"] = css + b"\n/* code highlighting (Pygments) */\n" + pygments_css().encode("utf-8")
    return files
