"""Invalid content: every mistake is reported as ``path:line:col: message`` and nothing is written.

Each folder in ``tests/invalid/`` is a complete tiny project (``content/site.yaml``,
``content/entities/*.yaml``, ``content/articles/*.md``) with one fault, or several,
and an ``expected.txt`` holding the exact diagnostics the CLI prints, in its order
(sorted by path, line and column), with paths relative to the project folder.
The projects use the shared theme (``templates/`` of this repository) unless the
case folder has a ``templates/`` folder of its own.

Cases whose ``expected.txt`` states the right diagnostics but that the engine does
not report yet are listed in ``KNOWN_BUGS`` (strict xfail, with the reason).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from digest.cli import main

from .sitetools import snapshot

CASES = Path(__file__).parent / "invalid"
SHARED_TEMPLATES = Path(__file__).parents[1] / "templates"
DIAGNOSTIC = re.compile(r"^(?P<path>[^:]+):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<message>.+)$")

KNOWN_BUGS: dict[str, str] = {}


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


# A build that should fail but is written anyway.
KNOWN_BUILD_BUGS: dict[str, str] = {}


def _params(known_bugs: dict[str, str]) -> list[object]:
    params = []
    for name in case_names():
        marks = []
        if name in known_bugs:
            marks.append(pytest.mark.xfail(reason=known_bugs[name], strict=True))
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def expected_lines(name: str) -> list[str]:
    return (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()


def make_project(name: str, root: Path) -> Path:
    """Copy the case to ``root`` with the shared theme; a case's own template files replace the theme's."""
    shutil.copytree(CASES / name, root, ignore=shutil.ignore_patterns("expected.txt"))
    if not (root / "templates").exists():
        (root / "templates").symlink_to(SHARED_TEMPLATES, target_is_directory=True)
        return root
    for source in SHARED_TEMPLATES.rglob("*"):
        target = root / "templates" / source.relative_to(SHARED_TEMPLATES)
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return root


def run(root: Path, command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    """Run the CLI; return the exit code, the diagnostics lines and the summary line."""
    code = main(["--root", str(root), command])
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines, "a failing run ends with a summary line"
    return code, lines[:-1], lines[-1]


def test_every_case_is_a_complete_project() -> None:
    assert len(case_names()) >= 20
    for name in case_names():
        folder = CASES / name
        assert (folder / "content" / "entities").is_dir(), name
        assert (folder / "content" / "articles").is_dir(), name
        assert list((folder / "content" / "articles").glob("*.md")), name
        lines = expected_lines(name)
        assert lines, f"{name}: expected.txt is empty"
        keys = []
        for line in lines:
            match = DIAGNOSTIC.match(line)
            assert match, f"{name}: not a 'path:line:col: message' line: {line!r}"
            assert (folder / match["path"]).is_file(), f"{name}: {match['path']} is not in the case"
            keys.append((match["path"], int(match["line"]), int(match["col"]), match["message"]))
        assert keys == sorted(keys), f"{name}: expected.txt is not in the CLI's order (path, line, column)"


@pytest.mark.parametrize("name", _params(KNOWN_BUGS))
def test_check_reports_every_problem(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(name, tmp_path / "project")
    before = snapshot(root)
    code, diagnostics, summary = run(root, "check", capsys)
    assert diagnostics == expected_lines(name)
    assert code == 1
    count = len(diagnostics)
    assert summary == f"failed: {count} error{'s' if count != 1 else ''}; nothing written"
    assert not (root / "site").exists()
    assert snapshot(root) == before


@pytest.mark.parametrize("name", _params(KNOWN_BUILD_BUGS))
def test_failed_build_leaves_site_and_content_unchanged(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(name, tmp_path / "project")
    site = root / "site"
    (site / "ar").mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><p>the previous build</p>\n", encoding="utf-8")
    (site / "ar" / "index.html").write_text("<!DOCTYPE html><p>النسخة السابقة</p>\n", encoding="utf-8")
    (site / "marker.txt").write_bytes(b"left by the previous build\n")
    before = snapshot(root)

    _code, check_diagnostics, _summary = run(root, "check", capsys)
    code, diagnostics, summary = run(root, "build", capsys)

    assert code == 1
    assert diagnostics == check_diagnostics, "build and check report the same problems"
    assert summary.startswith("failed: ") and summary.endswith("; site/ left unchanged")
    # byte for byte, same modification times, and no staging or backup folder left behind
    assert snapshot(root) == before
