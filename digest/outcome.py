"""What a build reports, and the build that finds nothing to do.

The no-change check reads only the manifest and the inputs' fingerprints; the command
line runs it before importing the engine (whose imports cost more than the check), and
a build runs it first too: one function, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .buildstate import Manifest, fingerprints, input_files, manifest_file, options_key, unchanged_since_last_build
from .diagnostics import Diagnostic, Severity
from .read.project import Project
from .search.pagefind import is_stale
from .writer import WriteReport


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
class Inputs:
    """The build's inputs as the manifest knows them: the manifest itself, every input
    file's fingerprint (``buildstate.fingerprints``) and the options' key."""

    manifest: Manifest
    files: dict[str, list[Any]]
    options: str

    @classmethod
    def read(cls, project: Project, base_url: str | None, drafts: bool, manifest: Manifest | None = None) -> Inputs:
        manifest = manifest if manifest is not None else Manifest.load(manifest_file(project.cache_dir))
        files = fingerprints(input_files(project.content_dir, project.templates_dir), manifest.inputs)
        return cls(manifest, files, options_key(base_url, drafts))


def unchanged(project: Project, inputs: Inputs, *, search: bool) -> BuildResult | None:
    """The result of a build that would change nothing (no input, option or output changed,
    and the search index is not behind the articles), or ``None``."""
    manifest = inputs.manifest
    if search and is_stale(project.cache_dir):
        return None  # an earlier --no-search build left the index behind the articles
    if not unchanged_since_last_build(manifest, inputs.files, inputs.options, project.site_dir):
        return None
    warnings = tuple(Diagnostic(w[0], w[1], w[2], w[3], Severity.WARNING) for w in manifest.warnings)
    report = WriteReport(written=0, unchanged=len(manifest.outputs), removed=0)
    articles, entities = manifest.counts
    return BuildResult(warnings, True, len(manifest.outputs), articles, entities, report)
