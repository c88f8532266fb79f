"""The build, end to end: read → index → plan → render → search → commit (``_build``).

Every stage reports into one ``Diagnostics``; if any error was found, nothing is
written and the previous ``site/`` stays as it was. ``check`` is this same
pipeline with the write step left out (it may read the build cache, never writes it).

Rebuilds are incremental (see ``buildstate`` and ``warm``): when no input file changed,
the build stops after hashing them (``outcome.unchanged``); otherwise unchanged articles
come from the parse cache, and every output whose key is unchanged is carried over as it
is. A key covers what the output shows (``pages.base.PageSpec.shows``) and everything
every page depends on: site settings, entity registry, theme, the engine's code and the
build options (``global_key``). ``clean=True`` ignores the cache. Nothing here prints or
reads the clock.

The cycle collector stays off while the corpus is read and indexed (``collector``), and
the objects that live until the end of the build are frozen before rendering
(``gc.freeze``), so its passes and forked workers' copy-on-write skip them.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .buildstate import LiveSite, Manifest, ParseCache, engine_digest, manifest_file, output_key
from .collector import freeze_and_resume, paused
from .diagnostics import Diagnostic, Diagnostics, Severity
from .index import SiteIndex, build_index
from .lock import build_lock
from .markup.bodyhtml import pygments_css
from .model import Corpus
from .outcome import BuildResult, Inputs, unchanged
from .pages.base import PageSpec
from .parallel import fork_map, workers
from .plan import plan
from .planner import Plan
from .read.project import Project
from .read.reader import read_project
from .read.strings import load_strings
from .search.pagefind import SearchOutput, index_site, save_record
from .templating import Templates
from .tuning import Tuning
from .urls import Urls
from .views import ViewBuilder
from .warm import Last, Reuse, Warm
from .writer import KEEP, Staging, prime


@dataclass(frozen=True)
class Options:
    """How a build was asked for: what it writes and with which settings."""

    write: bool = True
    base_url: str | None = None
    drafts: bool = False
    clean: bool = False
    search: bool = True
    tuning: Tuning = Tuning()


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
    """What the next build of this process may update (see ``warm.Last``)."""


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
    tuning: Tuning | None = None,
) -> BuildResult:
    """Build the site (or only check it, ``write=False``).

    ``warm`` keeps the build cache in memory for the next build of this process (``serve``).
    A build that writes holds the project's build lock throughout (``lock``); ``on_wait``
    is told when it has to wait for another build to finish first. ``tuning`` sets the
    size thresholds (``tuning.Tuning``; its defaults unless a test needs others).
    """
    options = Options(write, base_url, drafts, clean, search, tuning or Tuning())
    lock = build_lock(project.root, on_wait) if write else contextlib.nullcontext()
    with paused(unfreeze=True), lock:
        return _build(project, options, None if clean else warm)


def _build(project: Project, options: Options, warm: Warm | None) -> BuildResult:
    """The stages, in order."""
    if options.clean:
        manifest: Manifest | None = Manifest()
    else:
        manifest = warm.manifest_at(manifest_file(project.cache_dir)) if warm is not None else None
    inputs = Inputs.read(project, options.base_url, options.drafts, manifest)
    if options.write and not options.clean:
        done = unchanged(project, inputs, search=options.search)
        if done is not None:
            return done
    diags = Diagnostics()
    reuse = _reuse(project, options, inputs, warm)
    staging = Staging(project.site_dir, spare_dir(project)) if options.write else None
    try:
        rendered = render_site(
            project,
            diags,
            base_url=options.base_url,
            drafts=options.drafts,
            reuse=reuse,
            staging=staging,
            tuning=options.tuning,
        )
        if rendered is None or diags.has_errors or staging is None:
            if staging is not None:
                staging.abort()
            reuse.parse_cache().settle(saved=False)
            if rendered is None or diags.has_errors:
                return BuildResult(diagnostics=tuple(diags.sorted()), ok=False)
            counts = (rendered.articles, rendered.entities, None, rendered.rendered)
            return BuildResult(tuple(diags.sorted()), True, len(rendered.keys), *counts)
        found = _search(project, options, reuse, staging, rendered, diags)
        return _commit(project, inputs, reuse, staging, rendered, found, diags, warm)
    except BaseException:
        if staging is not None:
            staging.abort()
        reuse.parse_cache().settle(saved=False)
        raise


def _reuse(project: Project, options: Options, inputs: Inputs, warm: Warm | None) -> Reuse:
    """What this build may take from the last: parses, output keys, the live site's files,
    and (in ``serve``) the last index and plan."""
    parsed = parsed_dir(project)
    fork_from = options.tuning.fork_from
    if warm is not None:
        cache = warm.parse_cache(parsed, fork_from)
    else:
        cache = ParseCache(parsed, load=not options.clean, fork_from=fork_from)
    # check renders every page (to find template errors) but may take parses from the cache.
    known = {path: fp[3] for path, fp in inputs.files.items()}
    fresh = not options.write or options.clean
    live = LiveSite(None if fresh else project.site_dir, inputs.manifest.identities)
    return Reuse(
        cache=cache,
        keys={} if fresh else inputs.manifest.outputs,
        known=known,
        last=warm.last if warm is not None and options.write else None,
        live=live,
        global_key=global_key(project, inputs.files, inputs.options),
        remember=warm is not None,
    )


def _search(
    project: Project, options: Options, reuse: Reuse, staging: Staging, rendered: Rendered, diags: Diagnostics
) -> SearchOutput:
    """Index the complete staged tree. The parse cache, being written since the articles
    were read (``render_site``), is completed meanwhile."""
    cache = reuse.parse_cache()
    found = index_site(
        staging,
        rendered.searchable,
        rendered.written,
        project.cache_dir,
        enabled=options.search,
        meanwhile=cache.finish_save,
        present=reuse.live.holds if reuse.live is not None else None,
        per_shard=options.tuning.shard_pages,
    )
    if found.notice:
        diags.warning("pagefind", 0, 0, found.notice)
    return found


def _commit(
    project: Project,
    inputs: Inputs,
    reuse: Reuse,
    staging: Staging,
    rendered: Rendered,
    found: SearchOutput,
    diags: Diagnostics,
    warm: Warm | None,
) -> BuildResult:
    """Swap the staged site in, then record it: manifest, search record, parse cache."""
    keys = {**rendered.keys, **found.keys}
    written = rendered.written + found.written
    manifest_path = manifest_file(project.cache_dir)
    # Until the new manifest is saved, none at all: a build killed right after the
    # exchange must not leave the old manifest describing the new site.
    manifest_path.unlink(missing_ok=True)
    save_record(project.cache_dir, None)
    report = staging.commit(set(keys), written)
    save_record(project.cache_dir, found)
    warnings = [[d.path, d.line, d.col, d.message] for d in diags.sorted() if d.severity is Severity.WARNING]
    live = reuse.live if reuse.live is not None else LiveSite(None, {})
    identities = live.identities(project.site_dir, keys, written)
    saved = Manifest(inputs.files, keys, inputs.options, [rendered.articles, rendered.entities], warnings, identities)
    saved.save(manifest_path)
    reuse.parse_cache().settle(saved=True)
    if warm is not None:
        warm.remember(saved, manifest_path)
        warm.last = rendered.last
    counts = (rendered.articles, rendered.entities, report, rendered.rendered)
    return BuildResult(tuple(diags.sorted()), True, len(keys), *counts)


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
        cache = warm.parse_cache(parsed_dir(project), Tuning().fork_from)  # serve's builds: the defaults
        if warm.last is None:
            with paused(unfreeze=True):
                try:
                    warm.last = _planned(project, warm, cache)
                finally:
                    cache.settle(saved=False)
        prime_spare(project)


def _planned(project: Project, warm: Warm, cache: ParseCache) -> Last | None:
    """The index and plan of the content as it is, as a build with the default options
    (``serve``'s) would leave them; ``None`` if the content has errors. Nothing is rendered:
    a build that takes outputs from this plan checks them against the manifest and the
    live site as always."""
    inputs = Inputs.read(project, None, False, warm.manifest_at(manifest_file(project.cache_dir)))
    known = {path: fp[3] for path, fp in inputs.files.items()}
    reuse = Reuse(cache=cache, keys={}, known=known, global_key=global_key(project, inputs.files, inputs.options))
    diags = Diagnostics()
    stage = _read(project, diags, False, reuse, None)
    if stage is None:
        return None
    corpus, strings, _ = stage
    index = build_index(corpus)
    urls = Urls(corpus.site.base_url)
    planned = plan(index, ViewBuilder(index, urls, strings), urls, diags, key=_keyer(reuse.global_key))
    if diags.has_errors or planned.memo is None:
        return None
    return Last(reuse.global_key, index, planned.memo)


def global_key(project: Project, inputs: dict[str, list[object]], options: str) -> str:
    """Digest of every input that all pages depend on: all but the articles, plus options."""
    articles = str(project.content_dir / "articles")
    shared = sorted((path, fp[3]) for path, fp in inputs.items() if not path.startswith(articles))
    return hashlib.sha256(repr((shared, options)).encode("utf-8")).hexdigest()


def spec_key(global_key: str, spec: PageSpec) -> str:
    """The output's cache key: the global key, its route and template, and the values of
    what it shows (``buildstate.output_key``)."""
    return output_key(global_key, spec.route, spec.template or "", [value for _, value in spec.shows])


def _keyer(key: str) -> Callable[[PageSpec], str]:
    return lambda spec: spec_key(key, spec)


def render_site(
    project: Project,
    diags: Diagnostics,
    *,
    base_url: str | None = None,
    drafts: bool = False,
    reuse: Reuse | None = None,
    staging: Staging | None = None,
    tuning: Tuning | None = None,
) -> Rendered | None:
    """Read, index, plan and render every output of the site into ``staging`` (or only
    check it, without one). ``None`` when errors stop the build; the caller then aborts
    the staging folder."""
    reuse = reuse or Reuse()
    stage = _read(project, diags, drafts, reuse, staging)
    if stage is None:
        return None
    corpus, strings, templates = stage
    last = reuse.last if reuse.last is not None and reuse.last.global_key == reuse.global_key else None
    if not reuse.global_key:
        last = None
    index = build_index(corpus, last.index if last is not None else None)
    urls = Urls(base_url or corpus.site.base_url)
    views = ViewBuilder(index, urls, strings)
    found = _plan(index, views, urls, diags, reuse, last, (tuning or Tuning()).shard_pages)
    if found is None:
        return None
    planned, todo, kept = found
    written = _render(todo, templates, staging, diags)
    if written is None:
        return None
    assets = _assets(project.templates_dir / "static")
    # A new dict: the plan's own is the memo's, which the next build starts from.
    keys = {**planned.keys, **{path: hashlib.sha256(data).hexdigest() for path, data in assets.items()}}
    if staging is not None:
        for path in kept:
            staging.put(path, KEEP)
        written.extend(path for path, data in assets.items() if staging.put(path, data))
    templates.save_compiled()
    memory = Last(reuse.global_key, index, planned.memo) if planned.memo is not None else None
    counts = (len(corpus.articles()), len(corpus.entities), len(todo), planned.searchable, memory)
    return Rendered(keys, tuple(written), *counts)


def _read(
    project: Project, diags: Diagnostics, drafts: bool, reuse: Reuse, staging: Staging | None
) -> tuple[Corpus, dict[str, dict[str, str]], Templates] | None:
    """The read stage: the content, the theme's strings and templates; ``None`` on errors."""
    read = read_project(project, diags, drafts=drafts, cache=reuse.cache, known=reuse.known)
    corpus = read.corpus
    languages = corpus.site.languages if corpus else ("en",)
    strings = load_strings(project.templates_dir / "i18n", languages, diags)
    compiled = project.cache_dir / "templates" if staging is not None else None
    templates = Templates(project.templates_dir, strings, project.root, compiled, engine_digest())
    templates.check(diags)
    if corpus is None or diags.has_errors:
        return None
    if staging is not None and reuse.cache is not None:
        reuse.cache.start_save()  # every article is read: its parse is kept while the build goes on
    return corpus, strings, templates


def _plan(
    index: SiteIndex,
    views: ViewBuilder,
    urls: Urls,
    diags: Diagnostics,
    reuse: Reuse,
    last: Last | None,
    per_shard: int,
) -> tuple[Plan, list[PageSpec], list[str]] | None:
    """The plan, the specs to render and the outputs carried over as they are (same key as
    in the live site); ``None`` on errors."""
    key = _keyer(reuse.global_key)
    holds = reuse.live.holds if reuse.live is not None else lambda path: False

    def sort_out(planned: Plan) -> tuple[list[PageSpec], list[str]] | None:
        """``None`` if an output taken from the last plan is not there as that plan left it
        (a build of another process, a deleted or edited file)."""
        spec_of = {Urls.output_path(spec.route): spec for spec in planned.specs}
        todo: list[PageSpec] = []
        kept: list[str] = []
        for path, made in planned.keys.items():
            if reuse.global_key and reuse.keys.get(path) == made and holds(path):
                kept.append(path)
            elif path in spec_of:
                todo.append(spec_of[path])
            else:
                return None
        return todo, kept

    memo = last.memo if last is not None else None
    planned = plan(index, views, urls, diags, key=key, last=memo, per_shard=per_shard, remember=reuse.remember)
    if diags.has_errors:
        return None
    found = sort_out(planned)
    if found is None:  # plan everything, so that every output can be made
        planned = plan(index, views, urls, diags, key=key, per_shard=per_shard, remember=reuse.remember)
        found = sort_out(planned)
        assert found is not None, "a plan without a memo has a spec for every output"
    return planned, *found


def _render(
    todo: list[PageSpec], templates: Templates, staging: Staging | None, diags: Diagnostics
) -> list[str] | None:
    """Render the specs, in forked workers, each output staged where it is made; the paths
    whose bytes changed (``None`` on errors)."""

    def render_one(spec: PageSpec) -> tuple[str | None, list[Diagnostic]]:
        local = Diagnostics()
        data = _bytes(spec, templates, local)
        path = Urls.output_path(spec.route)
        changed = data is not None and staging is not None and staging.put(path, data)
        return (path if changed else None), list(local)

    # The corpus, index and plan live until the end of the build: keep the cycle collector's
    # passes (and forked workers' copy-on-write) off their millions of objects, and let it
    # collect what rendering leaves. ``build`` unfreezes them at the end.
    freeze_and_resume()
    if staging is not None:
        staging.begin()
    written: list[str] = []
    for changed, problems in fork_map(render_one, _by_edition(todo), workers()):
        diags.extend(problems)
        if changed:
            written.append(changed)
    return None if diags.has_errors else written


def _by_edition(specs: list[PageSpec]) -> list[PageSpec]:
    """Specs in plan order, those of one edition together (routes start with its language):
    a worker walking a stretch of the list makes each of that edition's story and entity
    cards once (see ``parallel``)."""
    return sorted(specs, key=lambda spec: spec.route.partition("/")[0])


def _bytes(spec: PageSpec, templates: Templates, diags: Diagnostics) -> bytes | None:
    if spec.template is None:
        data = spec.make()
        assert isinstance(data, bytes)
        return data
    made = spec.make()
    assert not isinstance(made, bytes)
    html = templates.render(spec.template, diags, **made)
    return html.encode("utf-8") if html is not None else None


def _assets(folder: Path) -> dict[str, bytes]:
    """The theme's static files under ``assets/``, with the code-highlighting styles appended to style.css."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        files["assets/" + path.relative_to(folder).as_posix()] = path.read_bytes()
    css = files.get("assets/style.css", b"")
    files["assets/style.css"] = css + b"\n/* code highlighting (Pygments) */\n" + pygments_css().encode("utf-8")
    return files
