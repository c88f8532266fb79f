"""Annotation quality: strip the hand-made mentions, re-annotate, compare.

A mention counts as found when the annotator marks exactly the same span with
the same entity id. Used by ``bench/annotate_accuracy.py`` and the tests.

The name suggestions are scored against an answer key of the names each text
holds (``score_suggestions``): a suggestion is right when it is one of them, as
``text.matching.key`` compares names. Used by ``bench/suggestion_precision.py``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt

from ..model import Entity
from ..text.matching import key
from .annotate import Matcher, annotate_body, suggest_names

_MENTION = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]*))?\]\]")


@dataclass(frozen=True)
class Score:
    gold: int
    predicted: int
    correct: int
    misses: tuple[str, ...]
    extras: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def strip_mentions(body: str, entities: dict[str, Entity], lang: str) -> tuple[str, set[tuple[int, int, str]]]:
    """The body without mention markup, and the hand-marked spans in it."""
    out, spans, cursor, length = [], set(), 0, 0
    for match in _MENTION.finditer(body):
        before = body[cursor : match.start()]
        out.append(before)
        length += len(before)
        entity_id, text = match.group(1), match.group(2)
        shown = text if text is not None else entities[entity_id].name.pick(lang)[0]
        out.append(shown)
        spans.add((length, length + len(shown), entity_id))
        length += len(shown)
        cursor = match.end()
    out.append(body[cursor:])
    return "".join(out), spans


def score(bodies: list[tuple[str, str]], entities: dict[str, Entity], md: MarkdownIt) -> Score:
    """Score the annotator on ``(body, lang)`` pairs written by hand."""
    matcher = Matcher(entities)
    gold_n = pred_n = correct = 0
    misses, extras = [], []
    for body, lang in bodies:
        plain, gold = strip_mentions(body, entities, lang)
        _, matches = annotate_body(plain, matcher, md)
        predicted = {(m.start, m.end, m.entity_id) for m in matches}
        gold_n, pred_n = gold_n + len(gold), pred_n + len(predicted)
        correct += len(gold & predicted)
        misses += [f"{plain[a:b]!r} → {e} ({_around(plain, a, b)})" for a, b, e in sorted(gold - predicted)]
        extras += [f"{plain[a:b]!r} → {e} ({_around(plain, a, b)})" for a, b, e in sorted(predicted - gold)]
    return Score(gold_n, pred_n, correct, tuple(misses), tuple(extras))


_MARKS = ("\u064e", "\u064f", "\u0650", "\u0651", "\u0652")


def perturb(text: str, seed: int) -> str:
    """The same Arabic text typed differently: diacritics, hamza and ta/ya variants, tatweel.

    Only Arabic letters change (ids and markup are ASCII), so mention markup
    stays valid and the hand annotations still say where the names are.
    """
    rng = random.Random(seed)
    out: list[str] = []
    for index, char in enumerate(text):
        at_start = index == 0 or not text[index - 1].isalpha()
        at_end = index + 1 == len(text) or not text[index + 1].isalpha()
        if char == "ا" and at_start and rng.random() < 0.5:
            char = rng.choice(("أ", "إ", "آ"))
        elif char == "ي" and at_end and rng.random() < 0.3:
            char = "ى"
        elif char == "ة" and at_end and rng.random() < 0.3:
            char = "ه"
        out.append(char)
        if "\u0621" <= char <= "\u064a":
            if not at_end and char in "بتثجحخسشصضطظعغفقكلمنهي" and rng.random() < 0.05:
                out.append("\u0640")
            if rng.random() < 0.15:
                out.append(rng.choice(_MARKS))
    return "".join(out)


def _around(text: str, start: int, end: int) -> str:
    return "…" + text[max(0, start - 25) : end + 25].replace("\n", " ") + "…"


@dataclass(frozen=True)
class SuggestionScore:
    suggested: int
    """Names suggested (each once per text)."""
    correct: int
    """Of them, names in the answer key."""
    eligible: int
    """Names in the key that could be suggested (not registered)."""
    found: int
    """Of them, names suggested."""
    wrong: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.eligible if self.eligible else 1.0


def score_suggestions(
    texts: Sequence[tuple[str, str, Collection[str]]], matcher: Matcher, md: MarkdownIt
) -> SuggestionScore:
    """Score ``suggest_names`` on ``(label, body, names in it)`` triples.

    Names are compared by their matching key, so a suggestion typed with other hamza
    forms or diacritics than the key's is still the same name. A name registered with
    ``matcher`` is never suggested, so it is left out of the recall."""
    suggested = correct = eligible = found = 0
    wrong: list[str] = []
    for label, body, names in texts:
        expected = {key(name) for name in names}
        open_names = expected - matcher.keys
        got = suggest_names(body, matcher, md)
        keys = {key(s.name) for s in got}
        suggested += len(got)
        correct += sum(key(s.name) in expected for s in got)
        wrong += [f"{label}: {s.name!r} ({s.reason}) in: {s.sentence}" for s in got if key(s.name) not in expected]
        eligible += len(open_names)
        found += len(open_names & keys)
    return SuggestionScore(suggested, correct, eligible, found, tuple(wrong))


def article_texts(articles: Sequence[tuple[str, str, str]], entities: dict[str, Entity]) -> list[tuple[str, str]]:
    """``(label, body, lang)`` of hand-annotated articles → ``(label, plain body)``: the text
    an editor had before annotating, for scoring suggestions over every name in it."""
    return [(label, strip_mentions(body, entities, lang)[0]) for label, body, lang in articles]


def scraped_texts(raws: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(label, raw scraped text)`` → ``(label, body)`` as ``import`` would write them: the
    article's body, and each pasted "read also" article as ``label#read-also-N``."""
    from .scrape import parse_scraped

    out = []
    for label, raw in raws:
        scraped = parse_scraped(raw, label)
        out.append((label, scraped.body))
        out += [(f"{label}#read-also-{n}", extra.body) for n, extra in enumerate(scraped.read_also, start=1)]
    return out
