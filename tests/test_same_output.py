"""``bench/same_output.py`` on the sample site: it says ``identical`` for two builds of the same
code and ``differs`` for a commit that changes one template.

Each test checks commits out with ``git worktree add`` and builds the sample site four times
(two sides, with and without ``--base-url``), search included: a few seconds each. Run them
alone with ``pytest -m same_output``. The first one compares HEAD with the working tree, so
it fails while uncommitted changes change the sample site: that is what the script is for.
On a clean tree it compares one commit with itself, built in two folders: the builds are
reproducible, search index included.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "bench" / "same_output.py"

pytestmark = [
    pytest.mark.same_output,
    pytest.mark.skipif(
        shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a git checkout"
    ),
]


def same_output(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--sample-only", "--python", sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def git(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def worktrees() -> set[str]:
    return {line for line in git("worktree", "list", "--porcelain").splitlines() if line.startswith("worktree ")}


def test_head_and_the_working_tree_build_the_same_sample_site() -> None:
    before = worktrees()
    done = same_output()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "sample, no base-url: identical, " in done.stdout
    assert "sample, base-url https://example.org/news/: identical, " in done.stdout
    # each side's build imported its own digest package, not the installed one
    imported = [line for line in done.stdout.splitlines() if "digest imported from" in line]
    assert len(imported) == 2
    assert all("/digest-same-output-" in line for line in imported), imported
    assert worktrees() == before  # removed again


def test_a_commit_that_changes_one_template_differs(tmp_path: Path) -> None:
    # A commit made without touching any worktree or branch: HEAD's tree with base.html
    # changed, written through a temporary index (it stays a dangling object).
    env = {
        **os.environ,
        "GIT_INDEX_FILE": str(tmp_path / "index"),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    template = git("show", "HEAD:templates/base.html")
    assert "</body>" in template
    patched = template.replace("</body>", "<!-- one template changed -->\n</body>", 1) + "\n"
    git("read-tree", "HEAD", env=env)
    blob = git("hash-object", "-w", "--stdin", env=env, stdin=patched)
    git("update-index", "--cacheinfo", f"100644,{blob},templates/base.html", env=env)
    tree = git("write-tree", env=env)
    commit = git("commit-tree", tree, "-p", "HEAD", "-m", "test: one template changed", env=env)

    done = same_output("--ref", "HEAD", "--against", commit)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for variant in ("no base-url", "base-url https://example.org/news/"):
        line = next(line for line in lines if line.startswith(f"sample, {variant}: "))
        # the pages differ; no file is added or removed, and some (robots.txt, feeds) are as they were
        found = re.match(rf"sample, {re.escape(variant)}: differs: (\d+) files \(\1 differ\) of (\d+) ", line)
        assert found and int(found[1]) < int(found[2]), line
    assert "    differ: 404.html" in lines
    assert "    differ: robots.txt" not in lines
    assert any("B: '<!-- one template changed -->'" in line for line in lines), done.stdout
