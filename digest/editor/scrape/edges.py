"""Where the article begins and ends: the furniture judged by its place around the body.

Pages put their chrome around the article, not inside it: menus, lists of other
headlines, captions and bylines above the first sentence; share, subscribe and comment
boxes below the last. So a line is weighed by where it stands as much as by what it is:

- above the headline: what the page printed before the article's headline is its chrome;
- a list of headlines: four or more short lines without final punctuation, right before
  the first punctuated paragraph, are other articles' headlines (a ticker, "latest news");
- the edges: before the first sentence and after the last, a line that is not a sentence
  (short and unpunctuated, a caption of titles and names, a name with an honorific, a
  line printed twice) or that speaks to the reader (a prompt, a form);
- another text after the article: the headline printed again below the body, followed by
  less than came before it and not going on from it (``وأضاف``, ``كما``), ends the article;
- the comment section: a short line naming the comments (``تعليقات الزوار``, ``لا توجد
  تعليقات حتى الآن``, ``أضف تعليقًا``) after the article's opening ends it, with everything
  after it: readers' comments read like paragraphs, so only their heading tells them apart.

Between two sentences a short line is kept: it is a subheading. Each line dropped is
recorded with its reason (``Run.drop``).
"""

from __future__ import annotations

import re
from collections import Counter

from .shape import (
    addresses_reader,
    ends_like_sentence,
    ends_open,
    has_function_word,
    is_bullet,
    is_disclaimer,
    is_form_note,
    is_honorific_name,
    titles_and_names,
)
from .spelling import fold, phrase_key, phrase_keys
from .state import Item, Run

SENTENCE_WORDS = 8
"""A line this long is a sentence even without final punctuation (many outlets print none)."""
EDGE_WORDS = 12
"""Longest line still judged a caption or a label at the body's edges when it is not a sentence."""
PROMPT_WORDS = 25
"""Longest line still taken for a prompt or a form at the body's edges when it speaks to the reader."""
LIST_WORDS = 16
"""Longest line still taken for one of a list of headlines before the article."""
LIST_LINES = 4
"""Fewest short unpunctuated lines in a row that make a list of headlines."""
PARAGRAPH_WORDS = 8
"""A paragraph, for comparing what comes before and after a repeated headline."""
COMMENTS_WORDS = 5
"""Longest line still taken for the heading, count or form of the comment section."""
ARTICLE_WORDS = 40
"""Fewest words of sentences before a comment section's heading: above them it is the
counter of the article's header row (``0 تعليق``), not the section below the article."""
_COMMENTS_REASON = "the comment section after the article (its heading, comments and form)"
_COMMENTS_RE = re.compile(r"(?<!\w)(?:[وفل]?(?:ال)?تعليق(?:ات|ا)?|comments?)(?!\w)", re.IGNORECASE)


def above_headline(run: Run, items: list[Item]) -> list[Item]:
    """Lines read before the headline (a menu, labels, a prompt the headline search passed over)."""
    if not run.title_line:
        return items
    kept = []
    for item in items:
        if item.post is None and item.last < run.title_line:
            run.drop(item.first, item.text, "above the headline (the page's chrome, not the article)")
        else:
            kept.append(item)
    return kept


def after_repeated_headline(run: Run, items: list[Item]) -> list[Item]:
    """The headline printed again below the article and a shorter text after it: that text is another one."""
    if not run.title:
        return items
    title = phrase_key(run.title)
    repeats = [i for i, item in enumerate(items) if item.post is None and phrase_key(item.text) == title]
    if not repeats:
        return items
    at = repeats[-1]
    before = [item for item in items[:at] if _is_paragraph(item)]
    after = [item for item in items[at + 1 :] if item.post is None]
    if len(before) < 2 or not after or len([i for i in after if _is_paragraph(i)]) >= len(before):
        return items
    if _continues(after[0].text):
        return items  # the headline again as a picture's caption, and the article going on after it
    if sum(len(i.text.split()) for i in after) >= sum(len(i.text.split()) for i in before):
        return items
    for item in after:
        run.drop(item.first, item.text, "after the headline printed again below the article (another text)")
    return items[: at + 1] + [item for item in items[at + 1 :] if item.post is not None]


_CONNECTIVES = phrase_keys("كما | ثم | لكن | بينما | اما | يذكر | يشار | يذكر ان | من جهته | من جانبه | في المقابل")


def _continues(text: str) -> bool:
    """A paragraph that goes on from the one before (``وأضاف``, ``فيما``, ``كما``, ``من جهته``)."""
    words = phrase_key(text).split()
    if not words:
        return False
    first = words[0]
    return (len(first) > 3 and first[0] in "وف") or first in _CONNECTIVES or " ".join(words[:2]) in _CONNECTIVES


def _is_paragraph(item: Item) -> bool:
    return item.post is None and len(item.text.split()) >= PARAGRAPH_WORDS


def headline_list(run: Run, items: list[Item]) -> list[Item]:
    """Four or more short unpunctuated lines right before the first punctuated paragraph: other headlines."""
    first = next(
        (
            i
            for i, item in enumerate(items)
            if item.post is None and (ends_like_sentence(item.text) or ends_open(item.text))
        ),
        None,
    )
    if first is None:
        return items
    lead = [item for item in items[:first] if item.post is None]
    if any(len(item.text.split()) > LIST_WORDS for item in lead):
        return items
    if sum(len(item.text.split()) >= 3 for item in lead) < LIST_LINES:
        return items
    if all(is_bullet(item.text) for item in lead):
        return items  # a bulleted summary of the article (its key points), judged at the edges
    if any(_continues(item.text) for item in lead[1:]):
        return items  # paragraphs going on from one another (``وأضاف``): the article, printed without periods
    for item in lead:
        run.drop(
            item.first, item.text, f"one of {len(lead)} headlines listed before the article (no final punctuation)"
        )
    return [item for item in items[:first] if item.post is not None] + items[first:]


def trim_edges(run: Run, items: list[Item], repeated: set[str]) -> list[Item]:
    """Lines that are not sentences before the first sentence and after the last one are furniture.

    ``repeated`` holds the keys of the lines the text prints more than once (``repeated_keys``)."""
    paragraphs = [i for i, item in enumerate(items) if item.post is None]
    sentences = [i for i in paragraphs if is_sentence(items[i].text, repeated)]
    if not sentences:
        return items
    first, last = sentences[0], sentences[-1]
    listing = ends_like_sentence(items[last].text) and items[last].text.rstrip(" \"'»”’)]").endswith(":")
    kept: list[Item] = []
    for i, item in enumerate(items):
        edge = "before" if i < first else "after" if i > last else None
        reason = _edge_reason(item, edge, repeated, listing) if item.post is None and edge else None
        if reason:
            run.drop(item.first, item.text, reason)
            continue
        kept.append(item)
    return kept


def comment_section(run: Run, items: list[Item]) -> list[Item]:
    """The items before the comment section; the section (``comments_heading`` and all that
    follows it) dropped and listed, once the article has said ``ARTICLE_WORDS`` words."""
    said = 0
    for i, item in enumerate(items):
        if item.post is not None:
            continue
        if said >= ARTICLE_WORDS and comments_heading(item.text):
            for rest in items[i:]:
                run.drop(rest.first, rest.text, _COMMENTS_REASON)
            return items[:i]
        if is_sentence(item.text):
            said += len(item.text.split())
    return items


def comments_heading(text: str) -> bool:
    """A short line without final punctuation that names the comments: the section's heading,
    its count or its form (``التعليقات (0)``, ``تعليقات الزوار``, ``اترك تعليقاً``)."""
    return (
        len(text.split()) <= COMMENTS_WORDS
        and not text.rstrip(" )").endswith((".", "!", "?", "؟"))
        and bool(_COMMENTS_RE.search(fold(text)))
    )


def repeated_keys(items: list[Item]) -> set[str]:
    """The keys (``caption_key``) of the paragraphs printed more than once."""
    counts = Counter(caption_key(item.text) for item in items if item.post is None)
    return {key for key, count in counts.items() if count > 1 and key}


def caption_key(text: str) -> str:
    """The line's key without a trailing ``© credit``: a caption printed once bare and once credited is one."""
    cut = text.rfind("©")
    return phrase_key(text[:cut] if cut > 0 else text)


def _edge_reason(item: Item, edge: str, repeated: set[str], listing: bool) -> str | None:
    text = item.text
    words = len(text.split())
    where = f"{edge} the article's {'first' if edge == 'before' else 'last'} sentence"
    if words <= PROMPT_WORDS and (addresses_reader(text) or is_form_note(text)):
        return f"speaks to the reader (a prompt or a form), {where}"
    if edge == "after" and is_disclaimer(text):
        return f"the site's disclaimer (its writers' opinions are their own), {where}"
    if listing and edge == "after":
        return None  # the last sentence introduces what follows (``… the following:``)
    if words <= PROMPT_WORDS and caption_key(text) in repeated and not ends_like_sentence(text):
        return f"printed twice, {where}"
    if words > EDGE_WORDS:
        return None
    if is_honorific_name(text):
        return f"a byline (a name with an honorific), {where}"
    if titles_and_names(text):
        return f"role titles and a name only (a caption), {where}"
    return f"not a sentence, {edge} the article's {'first' if edge == 'before' else 'last'} one"


def is_sentence(text: str, repeated: frozenset[str] | set[str] = frozenset()) -> bool:
    """A line that reads as a sentence: final punctuation, or long, or several words with function words.

    Not a sentence, whatever its length or punctuation: a line that speaks to the reader or
    is a form's note; nor, without final punctuation, a line printed twice, a caption of
    role titles and a name, a name with an honorific."""
    words = phrase_key(text).split()
    if len(words) <= PROMPT_WORDS and (addresses_reader(text) or is_form_note(text)):
        return False
    if is_disclaimer(text):
        return False
    if ends_like_sentence(text):
        return True
    if caption_key(text) in repeated or titles_and_names(text) or is_honorific_name(text):
        return False
    return len(words) >= SENTENCE_WORDS or (len(words) >= 5 and has_function_word(text))


DECK_WORDS = 10
"""Longest line still taken for a second headline (a deck) printed under the headline."""


def second_headline(run: Run, items: list[Item]) -> list[Item]:
    """A short ``X: Y`` title line, unpunctuated or a question, between the headline and a first
    sentence (``المدينتان: ماذا ينتظرهما؟``): the page's second headline (a deck), not the article's
    first paragraph, which would end with a stop or run longer."""
    paragraphs = [i for i, item in enumerate(items) if item.post is None]
    if not run.title or len(paragraphs) < 2:
        return items
    deck, after = items[paragraphs[0]], items[paragraphs[1]]
    text = deck.text.strip()
    head, colon, tail = text.partition(":")
    if not colon or not head.strip() or len(tail.split()) < 2 or len(text.split()) > DECK_WORDS:
        return items
    if text.rstrip(" \"'»”’)]").endswith((".", ":", "،", ",")) or not is_sentence(after.text):
        return items
    if len(after.text.split()) < SENTENCE_WORDS or deck.first < run.title_line:
        return items
    run.drop(deck.first, deck.text, "a second headline (a deck) between the headline and the first sentence")
    return items[: paragraphs[0]] + items[paragraphs[0] + 1 :]
