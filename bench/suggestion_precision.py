"""Precision and recall of the likely-unregistered-name suggestions, against an answer key.

    python bench/suggestion_precision.py [--root DIR] [--seeds DIR] [--key FILE]

Scores ``annotate``'s suggestions on the sample articles (their hand annotations
stripped), on scraped texts (``--seeds``, default ../shared/seeds beside the repository,
skipped when absent; their bodies as ``import`` reads them), on the importer's test
texts in other outlets' styles (tests/fixtures/scrape) and on texts written for the
suggester's tests (tests/fixtures/suggestions/*.md: names after role phrases, role
phrases with no name after them, names that begin with a proclitic's letter). Each
set is scored twice: with no entity registered, where every name in a text may be
suggested, and with the project's registry, which is what an editor sees (registered
names are never suggested). A suggestion is right when the key
(tests/fixtures/suggestions/names.yaml) lists it for that text; recall is over the
key's names that could be suggested. Wrong suggestions are printed with their sentences.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.diagnostics import Diagnostics  # noqa: E402
from digest.editor.annotate import Matcher  # noqa: E402
from digest.editor.evaluate import article_texts, score_suggestions, scraped_texts  # noqa: E402
from digest.markup import make_parser  # noqa: E402
from digest.read.frontmatter import split  # noqa: E402
from digest.read.project import Project  # noqa: E402
from digest.read.reader import read_project, read_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(ROOT))
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--key", default=str(ROOT / "tests" / "fixtures" / "suggestions" / "names.yaml"))
    args = parser.parse_args()
    project = Project(Path(args.root).resolve())
    diags = Diagnostics()
    corpus = read_project(project, diags).corpus
    if corpus is None or diags.has_errors:
        print("\n".join(d.format() for d in diags), file=sys.stderr)
        return 1
    key = yaml.safe_load(Path(args.key).read_text(encoding="utf-8"))
    entities = dict(corpus.entities)
    articles = []
    for file in project.discover(diags).articles:
        parts = split(read_text(file, diags) or "", file.display, diags)
        articles.append((file.path.name, parts.body if parts else "", file.lang))
    sets = {"sample articles": article_texts(articles, entities)}
    seeds = Path(args.seeds)
    if seeds.is_dir():
        raws = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(seeds.glob("*.txt"))]
        sets[f"scraped texts in {seeds}"] = scraped_texts(raws)
    else:
        print(f"({seeds}: no such folder; scraped texts not scored)")
    styles = sorted((ROOT / "tests" / "fixtures" / "scrape").glob("*.txt"))
    sets["the importer's test texts"] = scraped_texts([(p.name, p.read_text(encoding="utf-8")) for p in styles])
    written = sorted(Path(args.key).parent.glob("*.md"))
    sets["the suggester's test texts"] = [(p.name, p.read_text(encoding="utf-8")) for p in written]
    md = make_parser()
    for title, texts in sets.items():
        unknown = [label for label, _ in texts if label not in key]
        if unknown:
            print(f"no answer key for: {', '.join(unknown)}", file=sys.stderr)
            return 1
        triples = [(label, body, key[label]) for label, body in texts]
        for registry, matcher in (("no entity registered", Matcher({})), ("the sample registry", Matcher(entities))):
            result = score_suggestions(triples, matcher, md)
            print(
                f"{title}, {registry}: {len(texts)} texts, {result.suggested} names suggested, "
                f"{result.correct} right: precision {result.precision:.3f}; "
                f"recall {result.recall:.3f} ({result.found} of {result.eligible} names)"
            )
            for line in result.wrong:
                print(f"  wrong: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
