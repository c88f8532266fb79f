"""Byte-for-byte comparison of the sites two versions of digest build from the same content.

    python bench/same_output.py [--ref REF] [--against REF2] [--sizes 1000 ...] [--sample-only] [--keep]

Side A is commit REF (default ``HEAD``), side B commit REF2 or, by default, the working tree
as it is on disk (uncommitted changes included, copied once at the start so that edits made
while the script runs do not reach it). A commit is checked out with ``git worktree add
--detach`` into a temporary folder. Each side then builds, with its own ``build.py`` and
``digest`` package (``PYTHONPATH`` set to the side's folder; every build reports the files
of ``digest`` it imported, and a build that imported them from anywhere else is an error)
and the same Python:

- the sample site (the side's own ``content/`` and ``templates/``);
- the benchmark corpus of each size in ``--sizes`` (``../shared/bench/make_corpus.py``, seed 1,
  made once into ``--work`` by ``bench/run.py``'s own code and reused; 0 or ``--sample-only``:
  none), with the side's templates;

each once as configured and once with ``--base-url https://example.org/news/``, every build
cold (a fresh project folder, no cache, no site), search included. Then it compares the two
``site/`` folders of each case: the names of all files and their bytes. It prints one line
per case (``sample, no base-url: identical, 212 files`` or ``differs: ...`` followed by the
files added, removed and differing, and the first differing line of up to 10 text files)
and exits 0 when every case is identical, 1 otherwise (a build that fails counts as
differing), 2 when it could not start (an unknown commit, a missing corpus generator).

Proves: for this content, the two versions write the same site, search index included.
It is only as good as the builds are reproducible: ``--against HEAD`` builds one commit
twice, in two folders, and must print ``identical`` for every case. It does (checked at
commit "import: a "most read" list ends before a date line" for the sample and the corpora of
1,000 and 10,000 articles, and at the commit before for 1,000): Pagefind's output (the
fragment, index and filter files under ``pagefind/``, whose names are hashes of their
contents) is the same from one build to the next, also when the 13 shards of the 10,000
articles are indexed two at a time, and nothing in the site depends on the folder it is
built in.

Worktrees and builds are removed at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASE_URL = "https://example.org/news/"
DEFAULT_PYTHON = ROOT / ".venv" / "bin" / "python"

# Run as every build: the side's own build.py, then (as the process leaves: build.py ends with
# os._exit) the files the engine was imported from.
PROBE = """\
import os, runpy, sys
leave, pid = os._exit, os.getpid()
def probe():
    if os.getpid() == pid:  # not in the build's forked workers
        for name in ("digest", "digest.cli", "digest.pipeline"):
            module = sys.modules.get(name)
            if module is not None:
                print(f"digest-probe {name} {module.__file__}", file=sys.stderr, flush=True)
def exit_after_probe(code):
    probe()
    leave(code)
os._exit = exit_after_probe
script = sys.argv[1]
sys.argv = sys.argv[1:]
try:
    runpy.run_path(script, run_name="__main__")
finally:
    probe()
"""


def git(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


@dataclass
class Side:
    """One version of digest: a folder holding its build.py, digest/, templates/ and content/."""

    name: str  # "A" or "B"
    root: Path
    label: str
    worktree: bool  # made with ``git worktree add`` (removed with ``git worktree remove``)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.root), env.get("PYTHONPATH")]))
        return env


def describe(ref: str) -> str:
    verify = ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"]
    found = subprocess.run(verify, cwd=ROOT, capture_output=True)
    if found.returncode != 0:
        raise SystemExit(f"{ref}: not a commit of {ROOT}")
    commit = found.stdout.decode().strip()
    subject = git("log", "-1", "--format=%s", commit)
    return f'{ref} = {commit[:10]} "{subject[:70]}"'


def checkout(name: str, ref: str, dest: Path) -> Side:
    """Commit ``ref`` in a detached worktree at ``dest``."""
    label = describe(ref)
    git("worktree", "add", "--detach", "--quiet", str(dest), ref)
    return Side(name, dest, label, worktree=True)


def snapshot(name: str, dest: Path) -> Side:
    """The working tree as it is now: every tracked file as on disk and every untracked file
    git does not ignore, copied to ``dest``."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        elif source.is_file():
            shutil.copy2(source, target)
    changed = [line for line in git("status", "--porcelain", "--untracked-files=no").splitlines() if line]
    head = git("rev-parse", "--short=10", "HEAD")
    return Side(name, dest, f"working tree (HEAD {head} + {len(changed)} changed tracked files)", worktree=False)


def remove(side: Side) -> None:
    if side.worktree:
        subprocess.run(["git", "worktree", "remove", "--force", str(side.root)], cwd=ROOT, capture_output=True)
    shutil.rmtree(side.root, ignore_errors=True)


@dataclass
class Build:
    ok: bool
    site: Path
    seconds: float
    message: str = ""
    imported: dict[str, str] = field(default_factory=dict)


def build(side: Side, project: Path, content: Path, python: str, base_url: str | None) -> Build:
    """A cold build of ``content`` with ``side``'s templates and engine, in a new folder ``project``."""
    shutil.copytree(content, project / "content", symlinks=True)
    shutil.copytree(side.root / "templates", project / "templates", symlinks=True)
    cmd = [python, "-c", PROBE, str(side.root / "build.py"), "--root", str(project), "build"]
    if base_url:
        cmd += ["--base-url", base_url]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=project, env=side.env(), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    imported = {}
    for line in done.stderr.splitlines():
        if line.startswith("digest-probe "):
            _, module, path = line.split(" ", 2)
            imported[module] = path
    result = Build(done.returncode == 0, project / "site", seconds, imported=imported)
    if not result.ok:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-8:])
        result.message = f"{side.name}'s build failed (exit {done.returncode}):\n{tail}"
        return result
    root = side.root.resolve()
    strays = {m: p for m, p in imported.items() if not Path(p).resolve().is_relative_to(root)}
    if "digest.pipeline" not in imported or strays:
        raise SystemExit(f"{side.name}'s build did not import digest from {root}: {strays or imported}")
    return result


# --------------------------------------------------------------------------- comparison


def files_of(site: Path) -> dict[str, Path]:
    found = {}
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = Path(folder, name)
            found[path.relative_to(site).as_posix()] = path
    return found


def same_bytes(a: Path, b: Path) -> bool:
    if a.is_symlink() or b.is_symlink():
        return a.is_symlink() and b.is_symlink() and os.readlink(a) == os.readlink(b)
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            chunk = fa.read(1 << 20)
            if chunk != fb.read(1 << 20):
                return False
            if not chunk:
                return True


@dataclass
class Diff:
    total: int
    added: list[str]  # in B only
    removed: list[str]  # in A only
    differing: list[str]

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.differing)


def compare(a: Path, b: Path) -> Diff:
    fa, fb = files_of(a), files_of(b)
    common = sorted(fa.keys() & fb.keys())
    return Diff(
        total=len(fa.keys() | fb.keys()),
        added=sorted(fb.keys() - fa.keys()),
        removed=sorted(fa.keys() - fb.keys()),
        differing=[rel for rel in common if not same_bytes(fa[rel], fb[rel])],
    )


def clip(line: str, column: int, width: int = 100) -> str:
    """``width`` characters of ``line`` around ``column``, with ``…`` where it was cut."""
    start = max(0, column - width // 3)
    piece = line[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(line) else "")


def first_difference(a: Path, b: Path) -> list[str]:
    """Where two text files first differ (line, column and both lines); [] for binary files."""
    try:
        ta, tb = a.read_bytes().decode("utf-8"), b.read_bytes().decode("utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    la, lb = ta.splitlines(), tb.splitlines()
    for number, (x, y) in enumerate(zip(la, lb, strict=False), 1):
        if x != y:
            column = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
            return [f"line {number}, column {column + 1}:", f"A: {clip(x, column)!r}", f"B: {clip(y, column)!r}"]
    if len(la) != len(lb):
        longer, side = (la, "A") if len(la) > len(lb) else (lb, "B")
        extra = longer[min(len(la), len(lb))]
        return [f"line {min(len(la), len(lb)) + 1}: only {side} has it: {clip(extra, 0)!r}"]
    return ["the same lines, different line ends or final newline"]


def report(case: str, diff: Diff, a: Path, b: Path, shown: int = 10) -> list[str]:
    if diff.identical:
        return [f"{case}: identical, {diff.total} files"]
    parts = [f"{len(diff.differing)} differ"] if diff.differing else []
    parts += [f"{len(diff.added)} only in B"] if diff.added else []
    parts += [f"{len(diff.removed)} only in A"] if diff.removed else []
    count = len(diff.differing) + len(diff.added) + len(diff.removed)
    lines = [f"{case}: differs: {count} files ({', '.join(parts)}) of {diff.total}"]
    for title, names in (("only in B", diff.added), ("only in A", diff.removed), ("differ", diff.differing)):
        for rel in names[:20]:
            lines.append(f"    {title}: {rel}")
        if len(names) > 20:
            lines.append(f"    {title}: … and {len(names) - 20} more")
    texts = 0
    for rel in diff.differing:
        if texts == shown:
            break
        where = first_difference(a / rel, b / rel)
        if where:
            texts += 1
            lines.append(f"    {rel}: {where[0]}")
            lines.extend(f"        {line}" for line in where[1:])
    return lines


# --------------------------------------------------------------------------- main


def cases(sides: tuple[Side, Side], sizes: list[int], work: Path) -> list[tuple[str, str, dict[str, Path]]]:
    """(name, folder name, content per side) for the sample and each corpus size."""
    found = [("sample", "sample", {side.name: side.root / "content" for side in sides})]
    if sizes:
        sys.path.insert(0, str(HERE))
        from run import corpus  # bench/run.py: the same corpora, made once into ``work``

        for n in sizes:
            content = corpus(work, n, "digest") / "content"
            found.append((f"{n} articles", f"n{n}", {side.name: content for side in sides}))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", default="HEAD", help="side A: a commit (default HEAD)")
    parser.add_argument("--against", metavar="REF2", help="side B: a commit (default: the working tree, as on disk)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="corpus sizes (default 1000; 0: none)")
    parser.add_argument("--sample-only", action="store_true", help="build the sample only (as --sizes 0)")
    parser.add_argument("--keep", action="store_true", help="keep the worktrees and the built sites")
    parser.add_argument("--work", type=Path, default=ROOT.parent / ".bench-work", help="where corpora are kept")
    parser.add_argument("--python", default=str(DEFAULT_PYTHON if DEFAULT_PYTHON.exists() else sys.executable))
    args = parser.parse_args()
    sizes = [] if args.sample_only else [n for n in args.sizes if n > 0]
    if not (ROOT.parent / "shared" / "bench" / "make_corpus.py").exists() and sizes:
        print(f"no corpus generator at {ROOT.parent / 'shared' / 'bench'}", file=sys.stderr)
        return 2
    temp = Path(tempfile.mkdtemp(prefix="digest-same-output-"))
    sides: list[Side] = []
    try:
        try:
            sides.append(checkout("A", args.ref, temp / "a" / "tree"))
            if args.against:
                sides.append(checkout("B", args.against, temp / "b" / "tree"))
            else:
                sides.append(snapshot("B", temp / "b" / "tree"))
        except SystemExit as error:
            print(error, file=sys.stderr)
            return 2
        for side in sides:
            print(f"{side.name}: {side.label}", flush=True)
        a, b = sides
        all_same, shown = True, set()
        for case, folder, content in cases((a, b), sizes, args.work):
            for base_url in (None, BASE_URL):
                variant = f"base-url {base_url}" if base_url else "no base-url"
                name = f"{case}, {variant}"
                builds = {}
                for side in (a, b):
                    project = temp / side.name.lower() / "builds" / f"{folder}-{'base' if base_url else 'plain'}"
                    builds[side.name] = build(side, project, content[side.name], args.python, base_url)
                    if side.name not in shown and builds[side.name].ok:
                        shown.add(side.name)
                        print(f"{side.name}: digest imported from {builds[side.name].imported['digest']}", flush=True)
                failed = [result.message for result in builds.values() if not result.ok]
                if failed:
                    all_same = False
                    print(f"{name}: differs: " + "\n".join(failed), flush=True)
                    continue
                diff = compare(builds["A"].site, builds["B"].site)
                all_same &= diff.identical
                seconds = f"  (A {builds['A'].seconds:.1f} s, B {builds['B'].seconds:.1f} s)"
                lines = report(name, diff, builds["A"].site, builds["B"].site)
                print(lines[0] + seconds)
                for line in lines[1:]:
                    print(line)
                sys.stdout.flush()
        return 0 if all_same else 1
    finally:
        if args.keep:
            print(f"kept: {temp}", file=sys.stderr)
        else:
            for side in sides:
                remove(side)
            shutil.rmtree(temp, ignore_errors=True)
            subprocess.run(["git", "worktree", "prune"], cwd=ROOT, capture_output=True)


if __name__ == "__main__":
    raise SystemExit(main())
