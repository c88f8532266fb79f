"""Precision and recall of the annotator against the hand-annotated sample articles.

    python bench/annotate_accuracy.py [--root DIR]

Strips every mention from the articles in content/, re-annotates them with the
entity registry, and compares spans and ids with the hand annotations, per language.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.diagnostics import Diagnostics  # noqa: E402
from digest.editor.evaluate import perturb, score  # noqa: E402
from digest.markup import make_parser  # noqa: E402
from digest.read.frontmatter import split  # noqa: E402
from digest.read.project import Project  # noqa: E402
from digest.read.reader import read_project, read_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    args = parser.parse_args()
    project = Project(Path(args.root).resolve())
    diags = Diagnostics()
    corpus = read_project(project, diags).corpus
    if corpus is None or diags.has_errors:
        print("\n".join(d.format() for d in diags), file=sys.stderr)
        return 1
    md = make_parser()
    for lang in corpus.site.languages:
        bodies = []
        for file in project.discover(diags).articles:
            if file.lang == lang:
                parts = split(read_text(file, diags) or "", file.display, diags)
                bodies.append((parts.body if parts else "", lang))
        result = score(bodies, dict(corpus.entities), md)
        print(
            f"{lang}: {len(bodies)} articles, {result.gold} hand mentions, {result.predicted} found, "
            f"{result.correct} exact: precision {result.precision:.3f}, recall {result.recall:.3f}"
        )
        for miss in result.misses:
            print(f"  missed: {miss}")
        for extra in result.extras:
            print(f"  extra:  {extra}")
        if lang == "ar":
            # The registry was written from these very articles: also score the same texts
            # typed differently (diacritics, hamza and ta/ya variants, tatweel), five ways.
            varied = [(perturb(body, seed), lang) for seed in range(5) for body, _ in bodies]
            result = score(varied, dict(corpus.entities), md)
            print(
                f"{lang} (retyped 5 ways): {result.gold} hand mentions, {result.predicted} found, "
                f"{result.correct} exact: precision {result.precision:.3f}, recall {result.recall:.3f}"
            )
            for miss in result.misses[:10]:
                print(f"  missed: {miss}")
            for extra in result.extras[:10]:
                print(f"  extra:  {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
