"""The project on disk: where content, templates, output and cache live, and what each file is."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostics

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARTICLE_RE = re.compile(r"^(?P<slug>[^.]+)\.(?P<lang>[^.]+)\.md$")
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)
"""Names Windows gives to devices: a folder ``site/en/entities/con/`` cannot be
created, copied or unzipped there, so a site using one is not publishable anywhere."""


@dataclass(frozen=True)
class SourceFile:
    """A content file: its path and the path shown to editors."""

    location: str
    """The path as a string (as ``buildstate.input_files`` lists it): an archive has tens of
    thousands of files, and most builds never open them, only look up their hashes."""
    display: str

    @property
    def path(self) -> Path:
        return Path(self.location)


@dataclass(frozen=True)
class ArticleFile(SourceFile):
    slug: str = ""
    lang: str = ""


@dataclass(frozen=True)
class EntityFile(SourceFile):
    id: str = ""


@dataclass(frozen=True)
class Inventory:
    """Every content file found, already classified; names checked where possible."""

    site: SourceFile | None
    entities: tuple[EntityFile, ...]
    articles: tuple[ArticleFile, ...]


@dataclass(frozen=True)
class Project:
    """Folders of one digest project. Output and cache stay inside ``root``."""

    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".digest-cache"

    def layout_error(self, *, theme: bool) -> str | None:
        """Why ``root`` is not a digest project folder, or ``None`` when it is one.

        Run in the wrong folder, every command would otherwise go on to report what it
        failed to find inside it (a site settings file, the theme's interface strings) as
        content errors, and ``build`` and ``serve`` would make ``site/`` and a cache there.
        ``theme``: the command renders, so ``templates/`` must be there too.
        """
        hint = "pass --root the folder of a digest project (the one holding content/)"
        if not self.root.exists():
            return f"no folder {self.root}: {hint}"
        if not self.root.is_dir():
            return f"{self.root} is not a folder: {hint}"
        if not self.content_dir.is_dir():
            return f"no content/ folder in {self.root}: run inside a digest project or pass --root"
        if theme and not self.templates_dir.is_dir():
            return (
                f"no templates/ folder in {self.root}: the site's theme goes beside content/"
                " (start from a copy of digest's own templates/)"
            )
        return None

    def display(self, path: Path) -> str:
        """A path as editors see it in messages: relative to the project, with '/'."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def discover(self, diags: Diagnostics) -> Inventory:
        """Find and classify content files; misnamed ones are errors, hidden ones are skipped."""
        site_path = self.content_dir / "site.yaml"
        site = SourceFile(str(site_path), self.display(site_path)) if site_path.is_file() else None
        if site is None:
            diags.error(self.display(site_path), 0, 0, "missing site settings file")
        return Inventory(
            site=site,
            entities=tuple(self._entities(diags)),
            articles=tuple(self._articles(diags)),
        )

    def _files(self, folder: Path) -> list[tuple[str, str, str, bool]]:
        """Each entry of ``folder`` (editor backups and hidden files left out): path, display,
        name, is a folder.

        One ``scandir`` and string joins: at tens of thousands of articles, ``Path``
        methods per file cost a second of every build.
        """
        if not folder.is_dir():
            return []
        shown = self.display(folder) + "/"
        prefix = str(folder) + os.sep
        with os.scandir(folder) as entries:
            found = [
                (entry.name, entry.is_dir())
                for entry in entries
                if not entry.name.startswith((".", "#")) and not entry.name.endswith("~")
            ]
        return [(prefix + name, shown + name, name, is_dir) for name, is_dir in sorted(found)]

    def _entities(self, diags: Diagnostics) -> list[EntityFile]:
        found = []
        for path, shown, name, is_dir in self._files(self.content_dir / "entities"):
            stem, dot, suffix = name.rpartition(".")
            if is_dir or not dot or suffix != "yaml" or not stem:
                diags.error(shown, 0, 0, "unexpected file in entities/: entity files are named <id>.yaml")
                continue
            if not NAME_RE.match(stem):
                diags.error(shown, 0, 0, f"invalid entity id {stem!r} in the file name: use lowercase a-z, 0-9 and '-'")
                continue
            if stem in WINDOWS_RESERVED:
                diags.error(shown, 0, 0, f"entity id {stem!r} is a reserved file name on Windows: choose another")
                continue
            found.append(EntityFile(path, shown, id=stem))
        return found

    def _articles(self, diags: Diagnostics) -> list[ArticleFile]:
        found = []
        for path, shown, name, is_dir in self._files(self.content_dir / "articles"):
            match = ARTICLE_RE.match(name)
            if is_dir or not match:
                diags.error(
                    shown,
                    0,
                    0,
                    "unexpected file in articles/: articles are named <slug>.<lang>.md"
                    " (e.g. 2024-10-28-nato-kursk.ar.md)",
                )
                continue
            if not NAME_RE.match(match["slug"]):
                diags.error(
                    shown, 0, 0, f"invalid slug {match['slug']!r} in the file name: use lowercase a-z, 0-9 and '-'"
                )
                continue
            if match["slug"] in WINDOWS_RESERVED:
                diags.error(shown, 0, 0, f"slug {match['slug']!r} is a reserved file name on Windows: choose another")
                continue
            found.append(ArticleFile(path, shown, slug=match["slug"], lang=match["lang"]))
        return found
