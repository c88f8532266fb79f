"""The build, end to end: read → index → plan → render → write.

Every stage reports into one ``Diagnostics``; if any error was found, nothing is
written and the previous ``site/`` stays as it was. ``check`` is this same
pipeline with the write step left out. Nothing here prints or reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import i18n
from .bodyhtml import pygments_css
from .diagnostics import Diagnostic, Diagnostics
from .index import build_index
from .plan import plan_site
from .project import Project
from .reader import read_project
from .templating import Templates
from .urls import Urls
from .views import ViewBuilder
from .writer import WriteReport, write_site


@dataclass(frozen=True)
class BuildResult:
    diagnostics: tuple[Diagnostic, ...]
    ok: bool
    pages: int = 0
    """Outputs rendered (pages, feeds, sitemap and assets)."""
    articles: int = 0
    entities: int = 0
    report: WriteReport | None = None


def build(project: Project, *, write: bool = True, base_url: str | None = None, drafts: bool = False) -> BuildResult:
    diags = Diagnostics()
    outputs = render_site(project, diags, base_url=base_url, drafts=drafts)
    if outputs is None or diags.has_errors:
        return BuildResult(diagnostics=tuple(diags.sorted()), ok=False)
    files, articles, entities = outputs
    report = write_site(project.site_dir, files) if write else None
    return BuildResult(tuple(diags.sorted()), True, len(files), articles, entities, report)


def render_site(
    project: Project, diags: Diagnostics, *, base_url: str | None = None, drafts: bool = False
) -> tuple[dict[str, bytes], int, int] | None:
    """Every output file of the site as bytes, or ``None`` when errors stop the build."""
    read = read_project(project, diags, drafts=drafts)
    corpus = read.corpus
    languages = corpus.site.languages if corpus else ("en",)
    strings = i18n.load_strings(project.templates_dir / "i18n", languages, diags)
    templates = Templates(project.templates_dir, strings, project.root)
    templates.check(diags)
    if corpus is None or diags.has_errors:
        return None
    index = build_index(corpus)
    urls = Urls(base_url or corpus.site.base_url)
    views = ViewBuilder(index, urls, strings)
    files: dict[str, bytes] = {}
    for spec in plan_site(index, views, urls, diags):
        if diags.has_errors:
            break
        if spec.template is None:
            data = spec.make()
            assert isinstance(data, bytes)
            files[Urls.output_path(spec.route)] = data
            continue
        html = templates.render(spec.template, diags, **spec.make())
        if html is not None:
            files[Urls.output_path(spec.route)] = html.encode("utf-8")
    if diags.has_errors:
        return None
    files.update(_assets(project.templates_dir / "static"))
    return files, len(corpus.articles()), len(corpus.entities)


def _assets(folder: Path) -> dict[str, bytes]:
    """The theme's static files under ``assets/``, with the code-highlighting styles appended to style.css."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        files["assets/" + path.relative_to(folder).as_posix()] = path.read_bytes()
    css = files.get("assets/style.css", b"")
    files["assets/style.css"] = css + b"\n/* code highlighting (Pygments) */\n" + pygments_css().encode("utf-8")
    return files
