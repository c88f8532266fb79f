"""How long the plan takes, whole and updated after one edit, in one process.

    python bench/plan_speed.py PROJECT [--rounds 3]

Reads PROJECT's content once (``content/``, with this checkout's templates' strings) and
indexes it, then, each round: plans every output from nothing, edits one article in
memory (a new object with another digest, as the parse cache hands out for a saved file)
and plans again from the first plan's memo, the way ``serve`` rebuilds. It prints the
seconds of each plan and how many outputs the update planned. The cycle collector is off,
as it is during a build. Nothing is written.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.diagnostics import Diagnostics  # noqa: E402
from digest.index import build_index  # noqa: E402
from digest.pipeline import spec_key  # noqa: E402
from digest.plan import plan  # noqa: E402
from digest.read.project import Project  # noqa: E402
from digest.read.reader import read_project  # noqa: E402
from digest.read.strings import load_strings  # noqa: E402
from digest.urls import Urls  # noqa: E402
from digest.views import ViewBuilder  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    gc.disable()
    diags = Diagnostics()
    corpus = read_project(Project(args.project.resolve()), diags).corpus
    if corpus is None:
        print("\n".join(d.format() for d in diags.sorted()), file=sys.stderr)
        return 1
    index = build_index(corpus)
    strings = load_strings(ROOT / "templates" / "i18n", corpus.site.languages, diags)
    urls = Urls(corpus.site.base_url)
    story = corpus.stories[min(5, len(corpus.stories) - 1)]
    lang, article = story.versions[0]
    edited = replace(story, versions=((lang, replace(article, digest=article.digest + "x")), *story.versions[1:]))
    stories = tuple(edited if s is story else s for s in corpus.stories)
    changed = replace(corpus, stories=stories)
    for _ in range(args.rounds):
        started = time.perf_counter()
        whole = plan(index, ViewBuilder(index, urls, strings), urls, diags, key=lambda s: spec_key("k", s))
        whole_s = time.perf_counter() - started
        again = build_index(changed, index)
        started = time.perf_counter()
        views = ViewBuilder(again, urls, strings)
        updated = plan(again, views, urls, diags, key=lambda s: spec_key("k", s), last=whole.memo)
        update_s = time.perf_counter() - started
        print(
            f"{len(corpus.stories)} stories: whole plan {whole_s:.3f} s ({len(whole.specs)} outputs), "
            f"update {update_s:.3f} s ({len(updated.specs)} planned, updated={updated.memo.updated})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
