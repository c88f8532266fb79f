"""What an article page gives the search index: the body as read and the *search forms*
of its Arabic words.

Pagefind's Arabic stemmer folds most spelling variants, but not all: ``أمين``
does not find ``الأمين``. Arabic pages therefore also carry their words in a
normalised search form (hamza forms, ة/ى folded, diacritics dropped, the article ال
and its proclitic forms removed), hidden, under their own heading so results can tell
them apart; the search page normalises the query the same way
(``templates/static/search.js`` mirrors ``search_key``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..text.matching import WORD_RE, normalize, normalized_text

FORMS_ID = "search-forms"
"""Id of the hidden heading above an article's search forms (search.js skips that section)."""


_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ال")


_TAGS = re.compile(r"<[^>]+>")


_ARABIC = re.compile("[\u0600-\u06ff]")


def search_key(word: str) -> str:
    """The search form of one word: letter variants folded, the article ال (after و ف ب ك) and لل removed.

    Mirrored by ``searchKey`` in ``templates/static/search.js``; the tests hold the two together.
    """
    return _without_article(normalize(word).text)


def _without_article(text: str) -> str:
    if text.startswith("لل") and len(text) > 4:
        return text[2:]
    for prefix in _ARTICLE_PREFIXES:
        if text.startswith(prefix) and len(text) - len(prefix) >= 2:
            return text[len(prefix) :]
    return text


def search_forms(*texts: str, also: Sequence[str] = ()) -> str:
    """The distinct search forms of the Arabic words in ``texts`` (HTML allowed), in order of
    first use, but for those that are a word of the texts as written: Pagefind indexes that
    word itself already (leaving them out makes the pages a quarter smaller to index, and
    keeps such words from counting twice in the ranking).

    The words of ``also`` (texts that are part of ``texts`` but not words of them as
    Pagefind splits them, such as a name joined to a clitic) have their forms added, and
    are left out only where ``texts`` have them as words."""
    forms: list[str] = []
    written: set[str] = set()
    for text in texts:
        for chunk in html.unescape(_TAGS.sub(" ", text)).split():
            words, found = _chunk_forms(chunk)
            written.update(words)
            forms.extend(found)
    for text in also:
        for chunk in html.unescape(_TAGS.sub(" ", text)).split():
            forms.extend(_chunk_forms(chunk)[1])
    return " ".join(form for form in dict.fromkeys(forms) if form not in written)


_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark q s samp small span strike "
    "strong sub sup time tt u var wbr".split()
)
"""Elements inside running text: the reader sees their text as part of the words around them."""


_INLINE_TAG = re.compile("\u200d*</?(?:" + "|".join(sorted(_INLINE)) + ")(?=[\\s/>])[^>]*>\u200d*", re.IGNORECASE)
"""An inline element's tag, with the zero-width joiners around it (those that keep letters
joined across the element's edge on screen)."""


_ATTRIBUTES = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\s[^>]*>")


_MENTION = re.compile(r'<(a|span) class="mention[" ][^>]*>(.*?)</\1>', re.DOTALL)
"""A mention (``bodyhtml``): a link, or a ``span`` inside a link of the text."""


def reading_html(body: str) -> str:
    """An article body's HTML as Pagefind should read it: the text the reader sees, in its
    blocks (paragraphs, headings, list items… as bare tags), and nothing else.

    Pagefind 1.5 breaks a word where an element with an ``id`` starts (the anchor marker
    it writes there has spaces around it, which stay in the indexed text). In the visible
    body every mention is a link with an id, so ``لروسيا`` (``ل[[russia|روسيا]]``) would be
    indexed, and shown in excerpts, as ``ل`` and ``روسيا`` with a joiner, a space and a
    joiner between them, and ``"الناتو"`` as ``" الناتو"``. Here inline elements are
    unwrapped, so their text joins the words around them as on screen, and the zero-width
    joiners of an element's edge go with it (without the edge they join nothing). Blocks
    keep their tags, without attributes (ids), so Pagefind still separates their sentences.
    """
    return _ATTRIBUTES.sub(r"<\1>", _INLINE_TAG.sub("", body))


def mention_names(body: str) -> list[str]:
    """The text of each mention in an article body's HTML, as shown (HTML)."""
    return [found[2] for found in _MENTION.finditer(body)]


@dataclass(frozen=True)
class SearchText:
    """What an article page gives Pagefind to index, in a hidden element of its own."""

    body: Markup
    """The body as read (``reading_html``)."""
    forms: str
    """The search forms of the headline, summary and body (``search_forms``)."""


def search_text(title: str, summary: str, body: str) -> SearchText:
    """The indexed text of an article page with this headline, summary and body HTML.

    A mention written joined to a clitic (``لروسيا``) is one word in the indexed text, as on
    the page, which Pagefind's stemmer does not reduce to the name; the names of mentions
    are therefore also searched for (``search_forms``' ``also``): ``روسيا`` finds the page."""
    reading = reading_html(body)
    return SearchText(Markup(reading), search_forms(title, summary, reading, also=mention_names(body)))


@lru_cache(maxsize=1 << 17)
def _chunk_forms(chunk: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a chunk of text without white space, as written, and their search forms.

    Normalising (``normalized_text``) maps each character on its own and never turns white
    space into a letter, so the words of a text are those of its chunks, in order. Taken
    chunk by chunk, they are memoised: an archive's articles share most of their words, and
    normalising and splitting every article page's whole text took a third of its view."""
    forms = (_form(word) for word in WORD_RE.findall(normalized_text(chunk)))
    return tuple(WORD_RE.findall(chunk)), tuple(form for form in forms if form is not None)


@lru_cache(maxsize=1 << 16)
def _form(word: str) -> str | None:
    """The search form of a normalised word, ``None`` for a word with no Arabic letter.
    Memoised: an archive's articles share most of their vocabulary."""
    return _without_article(word) if _ARABIC.search(word) else None
