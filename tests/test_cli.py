"""The command line as people use it: the wrong folder, dry runs that write nothing, its messages."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digest.cli import main, plural
from digest.read.project import Project

from .conftest import ROOT, SEED_24, seed_path

COMMANDS = [[], ["build"], ["check"], ["serve", "--port", "0"], ["annotate"], ["import", "raw.txt"]]
"""Every command, as typed (``[]``: the default, a build). ``serve`` must refuse before it
binds a port or builds anything."""


def _tree(root: Path) -> dict[str, tuple[object, ...]]:
    """Everything under ``root`` that a write could change: every entry's kind, bytes, inode
    and modification time, folders included (a temporary file made and removed again still
    changes its folder's mtime)."""
    state: dict[str, tuple[object, ...]] = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
            state[path.relative_to(root).as_posix()] = (info.st_mode, info.st_ino, info.st_mtime_ns, digest)
    info = root.stat()
    state["."] = (info.st_mode, info.st_ino, info.st_mtime_ns, None)
    return state


# -- the wrong folder -------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "default")
def test_a_folder_without_content_is_a_usage_error_for_every_command(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _tree(tmp_path)
    assert main(["--root", str(tmp_path), *command]) == 2
    err = capsys.readouterr().err
    assert err == f"build.py: error: no content/ folder in {tmp_path}: run inside a digest project or pass --root\n"
    assert _tree(tmp_path) == before  # no site/, no .digest-cache/


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "default")
def test_the_current_folder_without_content_is_a_usage_error(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    assert f"no content/ folder in {tmp_path.resolve()}: run inside" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "default")
def test_a_root_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["--root", str(missing), *command]) == 2
    assert capsys.readouterr().err.startswith(f"build.py: error: no folder {missing}: pass --root the folder")
    assert not missing.exists()
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    assert main(["--root", str(file), *command]) == 2
    assert f"{file} is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["serve", "--port", "0"]], ids=str)
def test_content_without_templates_is_a_usage_error_for_what_renders(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    before = _tree(tmp_path)
    assert main(["--root", str(tmp_path), *command]) == 2
    assert capsys.readouterr().err.startswith(f"build.py: error: no templates/ folder in {tmp_path}: ")
    assert _tree(tmp_path) == before


def test_annotate_needs_no_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Annotating and importing read only content/: a project keeping its theme elsewhere can use them."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    assert main(["--root", str(tmp_path), "annotate", "--dry-run"]) == 0
    assert capsys.readouterr().out == "dry run over 6 files: nothing to add; nothing written\n"


def test_the_wrong_folder_exits_with_2_as_typed(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py")], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    message = f"no content/ folder in {tmp_path}: run inside a digest project or pass --root"
    assert done.stderr == f"build.py: error: {message}\n"
    assert list(tmp_path.iterdir()) == []


# -- dry runs write nothing --------------------------------------------------------------


def _plain_article(scratch: Project) -> Path:
    article = scratch.content_dir / "articles" / "2024-10-29-plain.ar.md"
    article.write_text(
        "---\ntitle: روسيا\ndate: 2024-10-29\n---\nقال الرئيس الروسي فلاديمير بوتين إن روسيا "
        "لن تتراجع، وقال وزير الخارجية سيرغي لافروف ذلك.\n",
        encoding="utf-8",
    )
    return article


@pytest.mark.parametrize(
    "extra",
    [[], ["--new-entity", "sergei-lavrov", "سيرغي لافروف"], ["--new-entity", "sergei-lavrov", "x", "--type", "place"]],
    ids=["plain", "new-entity", "new-entity-typed"],
)
def test_annotate_dry_run_writes_nothing_anywhere(
    scratch: Project, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    article = _plain_article(scratch)
    (scratch.root / "site").mkdir()
    before = _tree(scratch.root)
    assert main(["--root", str(scratch.root), "annotate", "--dry-run", *extra, str(article)]) == 0
    assert _tree(scratch.root) == before
    assert main(["--root", str(scratch.root), "annotate", "--dry-run", *extra]) == 0  # every article
    assert _tree(scratch.root) == before
    assert "would add" in capsys.readouterr().out


def test_dry_run_new_entity_shows_the_stub_and_annotates_with_it(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    article = _plain_article(scratch)
    args = ["--root", str(scratch.root), "annotate", "--dry-run", "--new-entity", "sergei-lavrov", "سيرغي لافروف"]
    assert main([*args, str(article)]) == 0
    out = capsys.readouterr().out
    stub = "content/entities/sergei-lavrov.yaml"
    assert f"would write {stub}:\n--- /dev/null\n+++ b/{stub}\n@@ -0,0 +1,5 @@\n+type: person" in out
    assert '+name: {ar: "سيرغي لافروف"}\n' in out
    assert "+قال الرئيس الروسي [[vladimir-putin|فلاديمير بوتين]] إن [[russia|روسيا]]" in out
    assert "[[sergei-lavrov|سيرغي لافروف]] ذلك." in out
    assert not (scratch.content_dir / "entities" / "sergei-lavrov.yaml").exists()
    # The real run writes exactly the stub that was shown, and the same annotations.
    assert main([*args[:3], *args[4:], str(article)]) == 0
    real = capsys.readouterr().out
    written = (scratch.content_dir / "entities" / "sergei-lavrov.yaml").read_text(encoding="utf-8")
    shown = out.split("@@ -0,0 +1,5 @@\n")[1].split("--- a/")[0]
    assert "".join(line[1:] + "\n" for line in shown.splitlines()) == written
    assert f"wrote {stub}" in real
    assert "[[sergei-lavrov|سيرغي لافروف]] ذلك." in article.read_text(encoding="utf-8")


def test_dry_run_new_entity_refuses_what_the_real_run_refuses(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _tree(scratch.root)
    assert main(["--root", str(scratch.root), "annotate", "--dry-run", "--new-entity", "mark-rutte", "x"]) == 1
    assert "content/entities/mark-rutte.yaml already exists" in capsys.readouterr().err
    assert main(["--root", str(scratch.root), "annotate", "--dry-run", "--new-entity", "Bad_Id", "x"]) == 1
    assert "invalid entity id 'Bad_Id'" in capsys.readouterr().err
    assert _tree(scratch.root) == before


def test_import_dry_run_writes_nothing_anywhere(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    raw = scratch.root / "raw.txt"
    shutil.copy(seed_path(SEED_24), raw)  # with a pasted article
    for path in (scratch.content_dir / "articles").glob("2024-10-23-south-korea-nato-brussels-north-korea.*.md"):
        path.unlink()  # the sample's copy of the seed: importing it again would be refused as a duplicate
    before = _tree(scratch.root)
    code = main(["--root", str(scratch.root), "import", str(raw), "--dry-run", "--title", "ع", "--date", "2024-10-23"])
    assert code == 0
    assert "(dry run, not written)" in capsys.readouterr().out
    assert _tree(scratch.root) == before


def test_dry_run_as_typed_writes_nothing(scratch: Project) -> None:
    article = _plain_article(scratch)
    before = _tree(scratch.root)
    done = subprocess.run(
        [
            sys.executable,
            "build.py",
            "--root",
            str(scratch.root),
            "annotate",
            "--dry-run",
            "--new-entity",
            "sergei-lavrov",
            "سيرغي لافروف",
            str(article),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "would write content/entities/sergei-lavrov.yaml:" in done.stdout
    assert "would add 3 mentions to 1 file" in done.stdout
    assert _tree(scratch.root) == before


# -- messages -----------------------------------------------------------------------------


def test_plural() -> None:
    assert [plural(n, "file") for n in (0, 1, 2, 21)] == ["0 files", "1 file", "2 files", "21 files"]
    assert plural(1, "entity", "entities") == "1 entity" and plural(3, "entity", "entities") == "3 entities"


def _one_mention_article(scratch: Project) -> Path:
    article = scratch.content_dir / "articles" / "2024-10-29-one.ar.md"
    article.write_text("---\ntitle: روسيا\ndate: 2024-10-29\n---\nقالت روسيا ذلك.\n", encoding="utf-8")
    return article


def test_annotate_messages_count_in_english(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = _one_mention_article(scratch)
    assert main(["--root", str(scratch.root), "annotate", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "content/articles/2024-10-29-one.ar.md: added 1 mention" in lines
    assert lines[-1] == "annotated 1 file: added 1 mention to 1 file"
    assert main(["--root", str(scratch.root), "annotate", str(article)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "annotated 1 file: nothing to add"


def test_a_dry_run_says_what_it_would_do(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    _one_mention_article(scratch)
    _plain_article(scratch)
    assert main(["--root", str(scratch.root), "annotate", "--dry-run"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "content/articles/2024-10-29-one.ar.md: would add 1 mention" in lines
    assert "content/articles/2024-10-29-plain.ar.md: would add 2 mentions" in lines
    assert lines[-1] == "dry run over 8 files: would add 3 mentions to 2 files; nothing written"
    assert not any(" added" in line or "annotated" in line for line in lines)
