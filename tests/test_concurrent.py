"""Builds started beside each other, as an editor starts them: ``python build.py`` in two
terminals, or beside a running ``serve``. Whatever the overlap, the site the last build
leaves is the site a clean build of the same content makes, file by file (search index
included), and a build killed with SIGKILL leaves no process of its own behind.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from digest.lock import build_lock
from digest.read.project import Project

from .conftest import ROOT, add_copies, copy_project

ARTICLES = 300
"""Enough that a build lasts seconds and the stages of two builds overlap."""
ARTICLE = "content/articles/copy-7.ar.md"
"""An article of the largest search shard: its re-indexing is the longest stage."""


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _command(project: Project, *args: str) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "--root", str(project.root), *args]


def _project(root: Path) -> Project:
    project = copy_project(root)
    add_copies(project, ARTICLES, lambda n: f"2024-09-{1 + n % 28:02d}", "copy")
    return project


def _edit(project: Project, version: int) -> None:
    article = project.root / ARTICLE
    text = article.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n---\n")
    lines = [line for line in rest.splitlines() if not line.startswith("Version ")]
    article.write_text(head + "\n---\n" + "\n".join(lines) + f"\nVersion {version} of the text.\n", encoding="utf-8")


def _clean_build(project: Project, root: Path) -> dict[str, bytes]:
    """The reference: the same content built from nothing in another folder."""
    reference = Project(root)
    (root / "content").mkdir(parents=True)
    subprocess.run(["cp", "-a", str(project.content_dir) + "/.", str(root / "content")], check=True)
    (root / "templates").symlink_to(project.templates_dir, target_is_directory=True)
    subprocess.run(_command(reference), check=True, capture_output=True)
    return _files(reference.site_dir)


def _differences(site: dict[str, bytes], reference: dict[str, bytes]) -> list[str]:
    return sorted(path for path in site.keys() | reference.keys() if site.get(path) != reference.get(path))


def test_overlapping_builds_leave_the_site_a_clean_build_makes(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    subprocess.run(_command(project), check=True, capture_output=True)
    for version in (1, 3):
        # Two terminals: the second build is typed while the first is still running,
        # after another save.
        _edit(project, version)
        first = subprocess.Popen(_command(project), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.3)
        _edit(project, version + 1)
        second = subprocess.Popen(_command(project), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        outputs = [process.communicate(timeout=300) for process in (first, second)]
        assert first.returncode == 0 and second.returncode == 0, outputs
        subprocess.run(_command(project), check=True, capture_output=True)
        reference = _clean_build(project, tmp_path / f"reference-{version}")
        assert _differences(_files(project.site_dir), reference) == []


def test_a_build_beside_serve_leaves_the_site_a_clean_build_makes(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        _command(project, "serve", "--port", str(port)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert server.stdout is not None
        for line in server.stdout:  # the first build is done once the server says it serves
            if line.startswith("serving "):
                break
        _edit(project, 1)  # serve rebuilds on the save ...
        time.sleep(0.4)
        _edit(project, 2)  # ... while the editor types a build in another terminal
        done = subprocess.run(_command(project), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        time.sleep(2.0)  # serve's rebuild of the second save, if it had not started yet
        subprocess.run(_command(project), check=True, capture_output=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    reference = _clean_build(project, tmp_path / "reference")
    assert _differences(_files(project.site_dir), reference) == []


def test_a_second_build_waits_for_the_first_and_says_so(scratch: Project) -> None:
    with build_lock(scratch.root):
        waiting = subprocess.Popen(_command(scratch), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert waiting.stderr is not None
        line = waiting.stderr.readline()
        assert line.startswith(f"waiting for another build of {scratch.root} to finish")
        time.sleep(0.5)
        assert waiting.poll() is None and not scratch.site_dir.exists()
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0 and out.startswith("built "), err
    assert (scratch.site_dir / "en" / "index.html").is_file()


def test_check_takes_no_lock(scratch: Project) -> None:
    with build_lock(scratch.root):
        done = subprocess.run(_command(scratch, "check"), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "waiting" not in done.stderr


def test_a_file_of_the_site_that_is_not_the_recorded_one_is_made_again(scratch: Project) -> None:
    """The manifest says what each output was made from; a file another process put in
    its place (same name, other bytes) is not taken for it, page or search shard."""
    subprocess.run(_command(scratch), check=True, capture_output=True)
    reference = _files(scratch.site_dir)
    page = scratch.site_dir / "en" / "index.html"
    shard = next(p for p in sorted((scratch.site_dir / "pagefind" / "ar").rglob("*.pf_fragment")))
    for path in (page, shard):
        swapped = path.with_name(path.name + ".swap")
        swapped.write_bytes(b"another build's version")
        swapped.replace(path)
    done = subprocess.run(_command(scratch), check=True, capture_output=True, text=True)
    assert " 0 written" not in done.stdout
    assert _differences(_files(scratch.site_dir), reference) == []
    again = subprocess.run(_command(scratch), check=True, capture_output=True, text=True)
    assert ": 0 written" in again.stdout  # the repaired site is trusted again


def _processes_naming(text: str) -> list[str]:
    """Command lines of the running processes that mention ``text``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if text in command and state != "Z":
            found.append(f"{proc.name}: {command}")
    return found


def _child_names(pid: int) -> set[str]:
    """The names of ``pid``'s child processes, whichever of its threads started them."""
    names = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            for child in (task / "children").read_text().split():
                names.add(Path(f"/proc/{child}/comm").read_text().strip())
        except OSError:
            continue
    return names


def test_a_build_killed_with_sigkill_leaves_no_process_of_its_own(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    build = subprocess.Popen(_command(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[str] = set()
    deadline = time.monotonic() + 120
    # Kill it while it runs its Pagefind processes (and, before them, its forked workers).
    while time.monotonic() < deadline and build.poll() is None:
        names = _child_names(build.pid)
        seen |= names
        if any("pagefind" in name for name in names):
            break
        time.sleep(0.02)
    assert build.poll() is None, "the build ended before it ran Pagefind"
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=10)
    # At once: a Pagefind process left running would finish its shard within seconds.
    deadline = time.monotonic() + 0.2
    while _processes_naming(str(project.root)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_naming(str(project.root)) == [], seen
    # The lock went with it: the next build runs at once and makes the whole site.
    done = subprocess.run(_command(project), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "waiting" not in done.stderr


def test_after_an_edit_every_recorded_identity_is_the_file_in_the_site(scratch: Project) -> None:
    """A file the build checked and then wrote anew (a search shard's entry file, re-indexed
    under the same name) is recorded as the new file: the next build trusts the whole site."""
    from digest.buildstate import Manifest, manifest_file

    subprocess.run(_command(scratch), check=True, capture_output=True)
    (scratch.root / "content/articles/2024-10-28-nato-rutte-north-korean-troops-kursk.en.md").open("a").write("More.\n")
    subprocess.run(_command(scratch), check=True, capture_output=True)
    manifest = Manifest.load(manifest_file(scratch.cache_dir))
    assert manifest.outputs and manifest.identities.keys() == manifest.outputs.keys()
    for path, identity in manifest.identities.items():
        found = (scratch.site_dir / path).stat()
        assert (found.st_ino, found.st_size, found.st_mtime_ns) == tuple(identity), path
