"""One-article edits rebuilt by a long-running process, as ``python build.py serve`` rebuilds them.

    python bench/warm_edit.py PROJECT [--edits 3]

Builds PROJECT once and readies the next build (parse cache loaded, spare copy of the site
linked: untimed, as ``serve`` does in the background), then appends a line to its first Arabic article and
rebuilds, ``--edits`` times, with the build cache kept in memory (``Warm``) and without
the search index (``serve``'s rebuilds leave it). Prints one JSON object with the wall
time of each edit rebuild and the process's peak RSS; the article is restored after.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest.pipeline import build, warm_up  # noqa: E402

try:  # the package's layout since digest/read/ and digest/warm.py
    from digest.read.project import Project
    from digest.warm import Warm
except ImportError:  # an older commit's, for an A/B run (bench/run.py --ab)
    from digest.project import Project

    from digest.buildstate import Warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    project = Project(args.project)
    warm = Warm()
    if not build(project, search=False, warm=warm).ok:
        print("the first build failed", file=sys.stderr)
        return 1
    warm_up(project, warm)  # what ``serve`` does in the background after its first build
    article = sorted((project.content_dir / "articles").glob("*.ar.md"))[0]
    original = article.read_bytes()
    times = []
    try:
        for number in range(1, args.edits + 1):
            article.write_bytes(original + f"\nتعديل رقم {number}.\n".encode())
            started = time.perf_counter()
            result = build(project, search=False, warm=warm)
            times.append(time.perf_counter() - started)
            if not result.ok:
                return 1
    finally:
        article.write_bytes(original)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"edits": times, "rss_mib": peak}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
