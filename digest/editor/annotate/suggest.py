"""Likely names the registry lacks, each with the sentence it was found in: the
candidates of every rule, overlaps resolved, mentions and skipped spans left out.

An editor reads every suggestion, so one that is not a name costs more than a name
left out: only spans that look like names for a reason that can be said are offered.
Arabic has no capital letters, so an Arabic name is recognised by where it stands
(after a title, in quotation marks after the word for what it names), by letters and
endings that Arabic words do not have, or by the common given name it begins with;
Latin-script names by their capitals.
"""

from __future__ import annotations

import re
from collections import Counter

from markdown_it import MarkdownIt

from ...text.matching import key
from .bodies import _bodies, _missions
from .given import _given_names
from .lists import _listed_places, _ministries
from .matcher import Matcher, Suggestion, _shape, annotate_body, skipped_spans
from .nouns import _after_kind_nouns, _after_outlets, _appointed, _named_after_places, _named_speakers
from .outlet import outlet_spans
from .people import _after_titles
from .quoted import _latin_names, _quoted
from .tokens import _MENTION_RE, _Candidate, _overlaps, _tokens
from .translit import _Lexicon, _transliterated


def suggest_names(body: str, matcher: Matcher, md: MarkdownIt, outlet: str | None = None) -> list[Suggestion]:
    """Likely names in ``body`` that no registered entity has, most frequent first.

    Five kinds of span are offered, each for a reason an editor can check: a name after a
    title or role, a name in quotation marks, a transliterated foreign name, a name that
    begins with a common given name, a capitalised Latin-script run. Where two overlap,
    the one found for the stronger reason is kept.

    The body is read as ``annotate`` leaves it (annotating an annotated body changes
    nothing): a registered name is a mention, whatever proclitic it has (لبي بي سي), and
    a span that runs on into a mention (فولوديمر [[…|زيلينسكي]]) is not offered, since the
    registry has that name in part: most often it is another spelling or a longer form of
    the entity marked, to add to that entity's aliases rather than as a new one."""
    body = annotate_body(body, matcher, md, outlet)[0]
    skipped = [*skipped_spans(body, md), *outlet_spans(body, outlet)]
    tokens = _tokens(body, skipped)
    candidates = [
        *_quoted(body, tokens, skipped),
        *_after_titles(body, tokens),
        *_after_outlets(body, tokens),
        *_appointed(body, tokens),
        *_after_kind_nouns(body, tokens),
        *_named_after_places(body, matcher),
        *_named_speakers(body, tokens),
        *_listed_places(body, tokens, matcher),
        *_ministries(body, tokens),
        *_latin_names(body, skipped),
        *_transliterated(body, tokens, _Lexicon.of(tokens, matcher)),
        *_given_names(body, tokens),
        *_bodies(body, tokens),
        *_missions(body, tokens),
    ]
    taken: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start)):
        if not _overlaps((candidate.start, candidate.end), [(c.start, c.end) for c in taken]):
            taken.append(candidate)
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str, str]] = {}
    known = matcher.keys
    for candidate in sorted(taken, key=lambda c: c.start):
        name = candidate.text or body[candidate.start : candidate.end]
        name_key = key(name)
        if not name_key or name_key in known or _runs_into_mention(body, candidate.end, matcher):
            continue
        counts[name_key] += 1
        first.setdefault(name_key, (name, candidate.reason, _sentence_of(body, candidate.start, candidate.end)))
    return sorted(
        (Suggestion(first[k][0], n, first[k][1], first[k][2]) for k, n in counts.items()),
        key=lambda s: (-s.count, s.name),
    )


_BEFORE_MENTION = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*\[\[([^\]|\n]*)\|([^\]\n]*)\]\]")


def _runs_into_mention(body: str, end: int, matcher: Matcher) -> bool:
    """Whether a span ending at ``end`` goes on into the mention right after it: the
    mention is of a surname (``Matcher.tails``) and only spaces stand between."""
    mention = _BEFORE_MENTION.match(body, end)
    return mention is not None and (mention.group(1), _shape(mention.group(2))[0]) in matcher.tails


_SENTENCE_END = re.compile(r"[.!?؟…]+(?=\s|$)|\n")


_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]*\]")


def _sentence_of(body: str, start: int, end: int, width: int = 100) -> str:
    """The sentence around ``[start, end)``, mentions shown as their text, cut to about
    ``width`` characters around the name."""
    begin = 0
    for match in _SENTENCE_END.finditer(body, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(body, end)
    finish = stop.end() if stop else len(body)
    before, name, after = _plain(body[begin:start]).lstrip(), body[start:end], _plain(body[end:finish]).rstrip()
    room = max(0, width - len(name))
    keep = max(room // 2, room - len(after))  # of the text before the name; the rest after it
    if len(before) > keep:
        cut = before.find(" ", len(before) - keep)
        before = "…" + before[cut + 1 if cut >= 0 else len(before) - keep :]
    keep = max(0, room - len(before))
    if len(after) > keep:
        cut = after.rfind(" ", 0, keep)
        after = after[: cut if cut > 0 else keep] + "…"
    return before + name + after


def _plain(text: str) -> str:
    text = _MENTION_RE.sub(lambda m: m.group()[2:-2].split("|")[-1], text)
    return re.sub(r"\s+", " ", _FOOTNOTE_REF.sub("", text))
