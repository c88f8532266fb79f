"""Editor tools on files: annotate articles in place, write stub entities, atomic saves.

Everything here changes the editor's own files, so it is careful: only the
body is touched (front matter stays byte for byte), files are replaced
atomically, and a file is written only when its text changed.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from ..diagnostics import Diagnostics
from ..markup import make_parser
from ..model import Corpus, Entity, SiteConfig
from ..read.project import NAME_RE, EntityFile, Project
from ..read.reader import _entity_from as entity_from_text
from ..read.reader import read_entities, read_site
from ..text.matching import is_arabic
from .annotate import Matcher, Suggestion, annotate_body, suggest_names


@dataclass(frozen=True)
class Registry:
    """The site settings and valid entities, as the annotator needs them."""

    languages: tuple[str, ...]
    entities: dict[str, Entity]
    site: SiteConfig | None = None
    """What entity files are read against (their languages); ``None`` for a registry made by hand."""

    def with_entity(self, stub: NewEntity, diags: Diagnostics) -> Registry | None:
        """This registry plus ``stub``, read from its text exactly as the build will read
        the file; ``None`` (and the problems in ``diags``) when the build would refuse it.

        A dry run annotates with this registry and never writes the file, and a real run
        uses the same one, so both annotate alike."""
        if self.site is None:
            raise ValueError("a registry without site settings cannot read entities")
        file = EntityFile(str(stub.path), stub.display, id=stub.id)
        entity = entity_from_text(file, self.site, diags, stub.text.encode("utf-8"))
        if entity is None:
            return None
        return replace(self, entities={**self.entities, stub.id: entity})


@dataclass(frozen=True)
class NewEntity:
    """A stub entity file not written yet: where it goes and what it says."""

    id: str
    path: Path
    display: str
    text: str

    def diff(self) -> str:
        """The file as a unified diff from nothing, as ``git diff`` shows a new file."""
        return "".join(
            difflib.unified_diff(
                [], self.text.splitlines(keepends=True), fromfile="/dev/null", tofile=f"b/{self.display}"
            )
        )


@dataclass(frozen=True)
class FileEdit:
    path: Path
    display: str
    before: str
    after: str
    added: int
    suggestions: tuple[Suggestion, ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.display}",
                tofile=f"b/{self.display}",
            )
        )


def load_registry(project: Project, diags: Diagnostics) -> Registry | None:
    inventory = project.discover(diags)
    site = read_site(inventory.site, diags) if inventory.site else None
    if site is None:
        return None
    return Registry(site.languages, read_entities(inventory.entities, site, diags), site)


def body_offset(text: str) -> int:
    """Where the body starts (after the closing ``---`` line); 0 when there is no front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r ") != "---":
        return 0
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        offset += len(line) + 1
        if line.rstrip("\r ") in ("---", "..."):
            return min(offset, len(text))
    return len(text)


def annotate_text(text: str, matcher: Matcher, md: MarkdownIt) -> tuple[str, int, list[Suggestion]]:
    """Annotate the body of an article's text; the front matter is never touched."""
    start = body_offset(text)
    outlet = source_name(text[:start])
    body, matches = annotate_body(text[start:], matcher, md, outlet)
    return text[:start] + body, len(matches), suggest_names(body, matcher, md, outlet)


def source_name(front: str) -> str | None:
    """``source.name`` of a front matter block (with its ``---`` lines), or None: the outlet
    whose own name and dateline the annotator leaves alone. A block that does not parse
    names none here; ``check`` reports it."""
    try:
        data = yaml.safe_load(front.strip().strip("-").strip() or "{}")
    except yaml.YAMLError:
        return None
    source = data.get("source") if isinstance(data, dict) else None
    name = source.get("name") if isinstance(source, dict) else None
    return name if isinstance(name, str) else None


def annotate_files(project: Project, paths: list[Path], registry: Registry) -> list[FileEdit]:
    matcher = Matcher(registry.entities)
    md = make_parser()
    edits = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            before = handle.read()
        after, added, suggestions = annotate_text(before, matcher, md)
        edits.append(FileEdit(path, project.display(path.resolve()), before, after, added, tuple(suggestions)))
    return edits


def save_text(path: Path, text: str) -> None:
    """Replace ``path`` atomically (temp file in the same folder, then ``os.replace``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def stub_entity(project: Project, entity_id: str, name: str, kind: str, languages: tuple[str, ...]) -> NewEntity:
    """The stub ``entities/<id>.yaml`` for a new entity, not written; refuses a bad id or an existing file.

    Nothing is written here so that a dry run can show the file and use it without
    making it; ``save_text(stub.path, stub.text)`` writes it."""
    if not NAME_RE.match(entity_id):
        raise ValueError(f"invalid entity id {entity_id!r}: use lowercase a-z, 0-9 and '-'")
    path = project.content_dir / "entities" / f"{entity_id}.yaml"
    if path.exists():
        raise FileExistsError(f"{project.display(path)} already exists")
    lang = "ar" if any(is_arabic(c) for c in name) else "en"
    if lang not in languages:
        lang = languages[0]
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    text = (
        f"type: {kind}  # person | organization | place | event | other\n"
        f'name: {{{lang}: "{quoted}"}}\n'
        "# aliases: {ar: [...], en: [...]}\n"
        "# description: {ar: ..., en: ...}\n"
        "# wikidata: Q...\n"
    )
    return NewEntity(entity_id, path, project.display(path), text)


def corpus_tags(corpus: Corpus | None) -> list[str]:
    if corpus is None:
        return []
    return sorted({tag for article in corpus.articles() for tag in article.tags})
