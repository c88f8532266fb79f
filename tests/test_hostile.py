"""Hostile and broken input: clear errors, nothing lost, nothing injected.

Each folder in ``tests/hostile/`` (except ``_project``) is one case: the files it
holds are laid over the small valid project in ``tests/hostile/_project/`` (a
file with the same path replaces the project's), and the theme is this
repository's ``templates/`` with the case's own template files laid over it.

- ``expected.txt`` holds exactly what the build prints about the content, in its
  order: ``path:line:col: message`` lines (``warning:`` after the position for
  warnings). When any line is an error, the build must exit 1 and leave the
  previous ``site/`` and every content file byte for byte as they were; when
  there are only warnings (or nothing), the build must succeed.
- ``expected-html.txt`` (optional, for cases that build) holds lines
  ``<output file> | <text>``: the text must be in that output, e.g. markup shown
  escaped instead of run.

Every site that builds is also scanned for active content (scripts, event-handler
attributes, ``javascript:``/``data:`` URLs, frames): it may hold only what the
theme itself puts in the valid project's site.

Inputs too big to keep in git are grown by the test: ``GROWN`` names the file
(its start is in the case folder), the bytes repeated after it, and the size.
"""

from __future__ import annotations

import html.parser
import json
import re
import shutil
from pathlib import Path

import pytest

from digest.cli import main

from .sitetools import snapshot

CASES = Path(__file__).parent / "hostile"
BASE = CASES / "_project"
THEME = Path(__file__).parents[1] / "templates"
DIAGNOSTIC = re.compile(r"^(?P<path>[^:]+):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<message>.+)$")

GROWN: dict[str, tuple[str, bytes, int]] = {
    "text-50-mb-file": ("content/articles/2024-10-29-huge.en.md", b"Filler text, line after line.\n", 50 << 20),
    "yaml-deep-nesting": ("content/entities/nato.yaml", b"[", 100_000),
}


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def expected_lines(name: str) -> list[str]:
    return (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()


def expected_html(name: str) -> list[tuple[str, str]]:
    path = CASES / name / "expected-html.txt"
    if not path.exists():
        return []
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        output, _, text = line.partition(" | ")
        pairs.append((output, text))
    return pairs


def fails(name: str) -> bool:
    return any(not line.split(": ", 1)[1].startswith("warning: ") for line in expected_lines(name))


def make_project(name: str | None, root: Path) -> Path:
    """The base project with the case's files laid over it (and over a copy of the theme)."""
    shutil.copytree(BASE, root)
    shutil.copytree(THEME, root / "templates")
    if name is not None:
        overlay = CASES / name
        shutil.copytree(overlay, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected*.txt"))
        if name in GROWN:
            relpath, filler, size = GROWN[name]
            with (root / relpath).open("ab") as handle:
                handle.write(filler * ((size - handle.tell()) // len(filler) + 1))
    return root


def previous_site(root: Path) -> None:
    """A site left by an earlier build, which a failed build must not touch."""
    site = root / "site"
    (site / "ar").mkdir(parents=True)
    (site / "index.html").write_bytes(b"<!DOCTYPE html><p>the previous build</p>\n")
    (site / "ar" / "index.html").write_text("<!DOCTYPE html><p>النسخة السابقة</p>\n", encoding="utf-8")


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    """Run ``build.py build``; the exit code, the diagnostics and the summary line."""
    code = main(["--root", str(root), "build"])
    out, err = capsys.readouterr()
    lines = err.splitlines()
    if code == 0:
        return code, lines, out.strip()
    assert out == ""
    return code, lines[:-1], lines[-1]


class ActiveContent(html.parser.HTMLParser):
    """What in an HTML page can run script or load active content."""

    ELEMENTS = frozenset({"script", "iframe", "frame", "object", "embed", "applet", "base", "form", "meta"})
    URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"})
    UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data|file):", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[tuple[str, ...]] = set()
        self._script: tuple[str, ...] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in self.ELEMENTS and not (tag == "meta" and "http-equiv" not in values):
            self.found.add((tag, *sorted(f"{k}={v}" for k, v in values.items() if k not in ("content", "href"))))
        for key, value in values.items():
            if key.startswith("on"):
                self.found.add((tag, key, value))
            url = value.split("url=", 1)[-1] if key == "content" else value
            if (key in self.URL_ATTRIBUTES or key == "content") and self.UNSAFE_URL.match(url):
                self.found.add((tag, key, value))
        if tag == "script":
            self._script, self._text = (values.get("type", ""), values.get("src", "")), []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind, src = self._script
            text = "".join(self._text)
            if kind.endswith("json"):
                json.loads(text)  # data, not code: it must parse (a "</script>" inside would break it)
            elif not src and text.strip():
                self.found.add(("inline script", text))
            self._script = None


def active_content(site: Path) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for path in sorted(site.rglob("*.html")):
        parser = ActiveContent()
        parser.feed(path.read_text(encoding="utf-8"))
        found |= parser.found
    return found


@pytest.fixture(scope="module")
def theme_active_content(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, ...]]:
    """The active content of the valid project's site: the theme's own scripts."""
    root = make_project(None, tmp_path_factory.mktemp("hostile-base") / "project")
    assert main(["--root", str(root), "build"]) == 0
    return active_content(root / "site")


def test_every_case_is_complete() -> None:
    assert len(case_names()) >= 40
    for name in case_names():
        folder = CASES / name
        assert (folder / "expected.txt").is_file(), name
        inputs = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("expected")]
        assert inputs, f"{name}: no input files"
        keys = []
        for line in expected_lines(name):
            match = DIAGNOSTIC.match(line)
            assert match, f"{name}: not a 'path:line:col: message' line: {line!r}"
            assert (folder / match["path"]).exists() or (BASE / match["path"]).exists(), f"{name}: {match['path']}"
            keys.append((match["path"], int(match["line"]), int(match["col"]), match["message"]))
        assert keys == sorted(keys), f"{name}: expected.txt is not in the build's order (path, line, column)"
        if expected_html(name):
            assert not fails(name), f"{name}: expected-html.txt for a case that fails"


@pytest.mark.parametrize("name", case_names())
def test_hostile_input(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], theme_active_content: set[tuple[str, ...]]
) -> None:
    root = make_project(name, tmp_path / "project")
    previous_site(root)
    content_before = snapshot(root / "content")
    site_before = snapshot(root / "site")

    code, diagnostics, summary = build(root, capsys)

    assert diagnostics == expected_lines(name)
    assert snapshot(root / "content") == content_before, "the build changed a content file"
    if fails(name):
        assert code == 1
        assert summary.startswith("failed: ") and summary.endswith("; site/ left unchanged")
        assert snapshot(root / "site") == site_before
        assert sorted(p.name for p in root.iterdir() if p.name != ".digest-cache") == ["content", "site", "templates"]
        return
    assert code == 0 and summary.startswith("built "), summary
    site = root / "site"
    assert not (site / "ar" / "index.html").read_text(encoding="utf-8").endswith("النسخة السابقة</p>\n")
    extra = active_content(site) - theme_active_content
    assert not extra, f"content put active content into the site: {sorted(extra)[:5]}"
    for output, text in expected_html(name):
        assert text in (site / output).read_text(encoding="utf-8"), f"{output} lacks {text!r}"
