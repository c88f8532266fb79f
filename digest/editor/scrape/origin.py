"""The outlet a text credits itself to, when it prints no "المصدر:" line.

Outlets name themselves, or the agency they took a story from, in a handful of shapes
around the start of the article; none of them is a sentence of the article:

- a credit line: ``متابعة – الإمارات نيوز``, ``مأرب برس- متابعات``, ``وكالات``, ``(وكالات)``;
- an outlet's name alone in quotes, or with the writer after a slash: ``“ليبانون ديبايت”``,
  ``"موقع الحرة" / كريم مجدي``;
- an outlet-shaped name alone on a line before the first sentence: ``بوابة روز اليوسف`` (a
  name that begins with a kind of outlet, بوابة، موقع، صحيفة…, or ends with a media word,
  نيوز، برس، الإخباري…); a bare name could as well be a caption, so it must have that shape;
- the words beside the date on its line: ``… 07 مساءً / مأرب برس``, ``مدار الساعة ـ نشر في …``;
- the dateline that opens the first paragraph: ``الوكيل الإخباري- أجرى …`` (an outlet-shaped
  name before a dash; a place before a dash is not an outlet) or ``الشارقة (الاتحاد) أصدر …``
  (a short name in brackets after the place, as the agencies write ``القاهرة (رويترز)``).

Credit lines are left out of the body wherever they stand (``credit_name`` is asked for every
line); the rest is looked for once the text is read (``find_origin``). What is found is a
guess, reported with the line it came from, and ``--source`` overrides it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from anyascii import anyascii

from .datelines import dateline_outlet
from .furniture import AGENCY_END_REASON
from .state import Run

_DASH = r"\-–—ـ"
_DASH_CHARS = "-–—ـ"
_OUTLET_NOUNS = ("بوابة", "موقع", "صحيفة", "جريدة", "وكالة", "قناة", "شبكة", "مجلة", "إذاعة", "تلفزيون", "راديو")
_MEDIA_ENDS = ("نيوز", "برس", "الإخباري", "الإخبارية", "تايمز", "بوست", "أونلاين", "نت")
_FOLLOW_WORDS = r"(?:متابعة|متابعات|خاص|تقرير|إعداد)"

_FOLLOW_BEFORE_RE = re.compile(rf"^{_FOLLOW_WORDS}\s*[{_DASH}:]\s*(?P<name>[^{_DASH}:]{{2,40}})$")
_FOLLOW_AFTER_RE = re.compile(rf"^(?P<name>[^{_DASH}:]{{2,40}}?)\s*[{_DASH}]\s*{_FOLLOW_WORDS}$")
_AGENCIES_RE = re.compile(r"^[(\[]?(?P<name>وكالات(?: الأنباء)?)[)\]]?$")
_QUOTED_RE = re.compile(r"^[«\"“](?P<name>[^«»\"“”/]{2,40})[»\"”](?:\s*/\s*(?P<writer>[^/]{2,40}))?$")
_LEAD_DASH_RE = re.compile(rf"^(?P<name>[^\s{_DASH}.،:()]+(?:\s+[^\s{_DASH}.،:()]+){{0,2}})\s*[{_DASH}]\s+\S")
_LEAD_COLON_RE = re.compile(r"^(?P<name>[^\s:.،()]+(?:\s+[^\s:.،()]+){0,2})\s*:\s*\S")
_BEFORE_SECTION_RE = re.compile(rf"^(?P<name>[^:{_DASH}]{{2,40}}?)\s[{_DASH}]\s[^:{_DASH}]{{2,40}}$")
_LEAD_BRACKETS_RE = re.compile(
    rf"^(?P<place>[^().!?؟:]{{2,60}}?)\s*\((?P<name>[^()\d]{{2,30}})\)\s*[{_DASH}]?\s*[^\s(]"
)
_GLUED_DASH_RE = re.compile(rf"^(?P<name>[^\s{_DASH}.،:()]+(?:\s+[^\s{_DASH}.،:()]+)?)[{_DASH}](?=[^\s{_DASH}])")
"""``بلدنا-قالت …``: a name glued by a dash to the first word; the site's own name only (a place is
glued so as often)."""
_AFTER_PLACE_COLON_RE = re.compile(
    rf"^[^\s:.،(){_DASH}]+(?:\s+[^\s:.،(){_DASH}]+)?\s*(?::|\s[{_DASH}])\s*(?P<rest>\S.*)$"
)
"""``الخرطوم: نبض نيوز حطت …``, ``موسكو – وكالة النبض نيوز: التقى …``: a place and a colon or a
dash, then (perhaps) the outlet, glued to the first sentence or with a colon after it."""
_LEAD_SLASHES_RE = re.compile(r"^(?P<place>[^/.!?؟:()]{2,60}?)\s+/(?P<name>[^/\d\s][^/\d]{1,24}?)/\s*\S")
"""``أبوظبي في الأول من ديسمبر /وام/ أكد …``: the place and day, then the agency between slashes."""
_END_BRACKETS_RE = re.compile(rf"[{_DASH}|،,]\s*\((?P<name>[^()\d]{{2,30}})\)\s*$")
_PLACE_NAME_RE = re.compile(
    rf"^[^\s:{_DASH}]+(?:\s+[^\s:{_DASH}]+)?\s*(?::|\s[{_DASH}]\s)\s*(?P<name>[^:{_DASH}]{{2,40}})$"
)
_BULLET_RE = re.compile(r"^\s*(?:[-–—•*·▪►]|\d+[.)])\s")
_HOST_PREFIXES = frozenset({"www", "ar", "arabic", "m", "amp", "en", "mobile", "news"})
_DATE_REST_RE = re.compile(
    rf"^[/{_DASH}\s]*(?P<name>[^/\d{_DASH}]{{2,40}}?)(?:\s*[{_DASH}]\s*{_FOLLOW_WORDS})?[\s/{_DASH}]*$"
)
_VERB_START_RE = re.compile(r"^(?:قال|أعلن|أكد|كشف|ذكر|أفاد|أجرى|بحث|استقبل|يبحث|تبحث)")

_MAX_NAME_WORDS = 4


def credit_name(text: str) -> str | None:
    """The outlet a credit line names (``متابعة – X``, ``X - متابعات``, ``وكالات``), or None."""
    for pattern in (_FOLLOW_BEFORE_RE, _FOLLOW_AFTER_RE, _AGENCIES_RE):
        match = pattern.match(text.strip())
        if match and _name_like(match["name"]):
            return _tidy(match["name"])
    return None


def quoted_name(text: str) -> tuple[str, str | None] | None:
    """``“X”`` or ``"X" / writer``: an outlet's name in quotes alone on its line, and the writer if given."""
    match = _QUOTED_RE.match(text.strip())
    if match is None or not _name_like(match["name"]):
        return None
    writer = match["writer"]
    return _tidy(match["name"]), (writer.strip() if writer else None)


def outlet_shaped(name: str) -> bool:
    """A name that says it is an outlet: it begins with a kind of outlet, ends with a media word,
    or has a word of news in it (``المركز الخبري المستقل``)."""
    words = _tidy(name).split()
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    glued = len(words[-1]) >= 6 and words[-1].endswith(_GLUED_ENDS)  # مورينيوز, صحراويبرس
    return words[0] in _OUTLET_NOUNS or words[-1] in _MEDIA_ENDS or glued or any(w in _NEWS_WORDS for w in words[1:])


_GLUED_ENDS = ("نيوز", "برس")
"""Media words sites glue to their name, written as one word."""
_NEWS_WORDS = frozenset({"الإخباري", "الإخبارية", "الخبري", "الخبرية", "نيوز", "برس"})
"""Words of news that make a name an outlet's wherever they stand in it, after its first word."""


def find_origin(run: Run, url: str | None = None) -> tuple[str, str] | None:
    """The outlet the read text credits (its name and where it was found), in the order of how
    sure each shape is; ``url``, the page's address, lets a line naming the site be known."""
    for finder in _FINDERS:
        found = finder(run, url)
        if found:
            return found
    return None


CREDIT_REASON = "credits an outlet"
"""How a credit line is listed among the dropped lines (``find_origin`` reads it back)."""


def _under_headline(run: Run, url: str | None) -> tuple[str, str] | None:
    return (run.source_guess, "taken from the dateline under the headline") if run.source_guess else None


def _credit_line(run: Run, url: str | None) -> tuple[str, str] | None:
    for dropped in run.dropped:
        if dropped.reason.startswith(CREDIT_REASON):
            name = credit_name(dropped.text) or (quoted_name(dropped.text) or ("",))[0]
            if name:
                return name, f"taken from the credit on line {dropped.line}"
    return None


def _beside_date(run: Run, url: str | None) -> tuple[str, str] | None:
    for dropped in run.dropped:
        if dropped.reason.startswith("beside the date") and _credits_beside_date(run, dropped.line, dropped.text):
            agency = _after_bar(dropped.text)
            if agency:
                return agency, f"taken from the agency after the outlet beside the date on line {dropped.line}"
            rest = _DATE_REST_RE.match(dropped.text)
            if rest and _name_like(rest["name"]):
                return _tidy(rest["name"]), f"taken from beside the date on line {dropped.line}"
    return None


def _after_bar(text: str) -> str | None:
    """``كشـ24 | و.م.ع``: the outlet, a bar, the agency it took the story from; the agency is the source."""
    if text.count("|") != 1:
        return None
    name = text.split("|")[1].strip()
    return _tidy(name) if _name_like(name) or _ABBREVIATION_RE.match(name) else None


_ABBREVIATION_RE = re.compile(r"^\w(?:\.\w){1,4}\.?$")
"""An agency's initials with dots: ``و.م.ع``, ``أ.ف.ب``."""


def _lead_lines(run: Run) -> list[tuple[int, str]]:
    """The lines before the first body paragraph (the headline's repeats and bullets left out)."""
    first_body = run.items[0].first if run.items else len(run.lines) + 1
    repeats = {d.line for d in run.dropped if d.reason.startswith("repeats the headline")}
    return [
        (line.number, line.text)
        for line in run.lines[: first_body - 1]
        if line.text and line.number not in repeats and not _BULLET_RE.match(line.text)
    ]


def _agency_closing(run: Run, url: str | None) -> tuple[str, str] | None:
    """The agency in brackets closing the article or its first paragraph (``… لاحقا.(وان)``), or alone
    on a line after it: the story is the agency's, whatever the site's own name printed above it."""
    for dropped in run.dropped:
        alone = _BRACKETED_RE.match(dropped.text) and "after the article's last" in dropped.reason
        if dropped.reason.startswith(AGENCY_END_REASON) or alone:
            name = _tidy(dropped.text.strip(" .…"))  # ``...(وال ) ...``: the wire's dots around it
            if _name_like(name) and len(name.split()) <= 2:
                return name, f"taken from the agency's credit in brackets on line {dropped.line}"
    return None


def _starred_after(run: Run, url: str | None) -> tuple[str, str] | None:
    """``*روسيا اليوم`` alone after the last sentence: the outlet the story was taken from, as
    sites that rewrite others' stories mark it at the end."""
    for dropped in run.dropped:
        if "after the article's last" in dropped.reason and dropped.text.startswith("*"):
            name = _tidy(dropped.text.lstrip("* "))
            if _name_like(name):
                return name, f"taken from the outlet marked with an asterisk after the article, line {dropped.line}"
    return None


_WRITTEN_BY_RE = re.compile(
    r"(?:كتابته|كتابة|نشره|نشر)\s+(?:بواسطة|بواسطه|من قبل)\s+(?:صحيفة|صحيفه|موقع|جريدة|جريده|وكالة|وكاله|قناة|قناه)\s+"
    r"(?P<name>[^\s.،,:]+(?:\s+(?!و)[^\s.،,:]+){0,2}?)(?=\s+(?:و|ولا|ونحن|وانما|وإنما)\b|[.،,]|$)"
)
"""``… تم كتابته بواسطة صحيفة عاجل ولا يعبر عن وجهة نظر …``: the paper an aggregator took the story from."""


def _aggregators_credit(run: Run, url: str | None) -> tuple[str, str] | None:
    """The paper an aggregator's disclaimer names as the story's writer (``مضمون هذا الخبر تم
    كتابته بواسطة صحيفة عاجل``): the story's source, as a credit line would name it."""
    for dropped in run.dropped:
        if not dropped.reason.startswith("the site's disclaimer"):
            continue
        match = _WRITTEN_BY_RE.search(dropped.text)
        if match and _name_like(_tidy(match["name"])):
            return _tidy(match["name"]), f"taken from the aggregator's note after the article, line {dropped.line}"
    return None


_BRACKETED_RE = re.compile(r"^\((?P<name>[^()\d]{2,25})\)$")
"""``(وان)`` alone on its line after the last sentence: the agency's credit, as wires sign it."""


def _named_in_lead(run: Run, url: str | None) -> tuple[str, str] | None:
    """An outlet's name before the body: in quotes, outlet-shaped, or the site's own (its
    address spelled in Latin letters: المؤشر for elmuashir.com), alone or after a place
    (``القاهرة : المنبر 24``)."""
    lead = _lead_lines(run)
    for number, text in lead:
        quoted = quoted_name(text)
        if quoted:
            return quoted[0], f"taken from the outlet's name in quotes on line {number}"
    for number, text in lead:
        for name in (*_before_section(text), *_after_place(text), text):  # ``سوريا اليوم – دمشق``: the outlet's part
            if _name_like(name) and (outlet_shaped(name) or names_site(name, url)):
                return _tidy(name), f"taken from the outlet's name on line {number}"
    return None


def is_dateline_of(line: str, name: str) -> bool:
    """Whether ``line`` is only the outlet ``name`` with a place or a section beside it, after or
    before a dash (``سوريا اليوم – دمشق``, ``القاهرة - المنبر 24``), or the name alone: a credit, which
    is never the headline although it stands where one would."""
    line, name = _tidy(line.strip().rstrip(":：")), _tidy(name)
    if line == name:
        return True
    found = dateline_outlet(line, lambda side: _tidy(side) == name)
    return found is not None and _tidy(found) == name


def _dateline_line(run: Run, url: str | None) -> tuple[str, str] | None:
    """A dateline on its own line before the body or as its first line: ``جدة – واس:``,
    ``شفق نيوز- أنقرة``, ``أنا الخبر ـ و.م.ع`` (``datelines``)."""
    first = next((item for item in run.items if item.post is None), None)
    alone = first is not None and first.first == first.last
    lines = [*_lead_lines(run), *([(first.first, first.text)] if first is not None and alone else [])]
    for number, text in lines:
        name = dateline_outlet(text, lambda side: outlet_shaped(side) or names_site(side, url))
        if name is None:
            bare = text.strip().rstrip(":：").strip()  # ``الشريط الإخباري :``: the outlet and a colon
            labelled = bare != text.strip() and _name_like(bare)
            name = bare if labelled and (outlet_shaped(bare) or names_site(bare, url)) else None
        if name is not None:
            return _tidy(name), f"taken from the dateline on line {number}"
    return None


def _agency_in_brackets(run: Run, url: str | None) -> tuple[str, str] | None:
    """A dateline line before the body ending with the agency in brackets: ``… دبي – (رويترز)``."""
    for number, text in _lead_lines(run):
        match = _END_BRACKETS_RE.search(text)
        if match and len(text.split()) <= 14 and _name_like(match["name"]) and len(match["name"].split()) <= 3:
            return _tidy(match["name"]), f"taken from the dateline on line {number}"
    return None


def _opening_dateline(run: Run, url: str | None) -> tuple[str, str] | None:
    first = next((item for item in run.items if item.post is None), None)
    if first is None:
        return None
    for pattern in (_LEAD_DASH_RE, _LEAD_COLON_RE):
        dash = pattern.match(first.text)
        if dash and (outlet_shaped(dash["name"]) or names_site(dash["name"], url)):
            return _tidy(dash["name"]), f"taken from the dateline that opens line {first.first}"
    glued = _GLUED_DASH_RE.match(first.text)
    if glued and _name_like(glued["name"]) and names_site(glued["name"], url):
        return _tidy(glued["name"]), f"taken from the dateline that opens line {first.first}"
    after_place = _AFTER_PLACE_COLON_RE.match(first.text)
    if after_place:
        words = after_place["rest"].split()
        closed = next((n + 1 for n, word in enumerate(words[:4]) if word.endswith((":", "："))), None)
        for count in (closed,) if closed else (2, 3, 1):  # the name ends at its colon where it has one
            name = " ".join(words[:count]).rstrip(":：")
            if len(words) > count and _name_like(name) and (outlet_shaped(name) or names_site(name, url)):
                return _tidy(name), f"taken from the dateline that opens line {first.first}"
    slashes = _LEAD_SLASHES_RE.match(first.text)
    if slashes and len(slashes["name"].split()) <= 2 and _name_like(slashes["name"]):
        return _tidy(slashes["name"]), f"taken from the dateline that opens line {first.first}"
    brackets = _LEAD_BRACKETS_RE.match(first.text)
    if (
        brackets
        and _name_like(brackets["name"])
        and len(brackets["name"].split()) <= 3
        and not _VERB_START_RE.match(brackets["place"])
    ):
        return _tidy(brackets["name"]), f"taken from the dateline that opens line {first.first}"
    return None


_FINDERS = (
    _under_headline,
    _credit_line,
    _beside_date,
    _agency_closing,
    _starred_after,
    _aggregators_credit,
    _dateline_line,
    _named_in_lead,
    _agency_in_brackets,
    _opening_dateline,
)


def names_site(name: str, url: str | None) -> bool:
    """Whether ``name`` is the site's name as its address spells it in Latin letters: the
    consonants of the name's transliteration begin the host's first label, or the other way round
    (المؤشر and elmuashir.com, المنبر 24 and almenbar24.com, القرار and alqararaldawlia.com); a
    name found only inside the label (لبنان in thisislebanon.com) is a place more often than the site."""
    label = _site_label(url)
    if not label:
        return False
    name_key, host_key = _consonants(name), _consonants(label)
    digits = "".join(ch for ch in label if ch.isdigit())
    if digits and digits not in name_key:
        return False  # لبنان is not lebanon24.com: the site's name has its number (المنبر 24, Lebanon 24)
    return (
        (len(name_key) >= 3 and host_key.startswith(name_key))
        or (len(host_key) >= 4 and name_key.startswith(host_key))
        or _word_is_stem(name, label)
    )


_LATIN_MEDIA_END_RE = re.compile(r"(?:news|press|net|online|times|post|today|live|now|tv|info)?\d*$")


def _word_is_stem(name: str, label: str) -> bool:
    """One word of the name is the whole of the address once its media ending is cut off: وطنا اليوم
    and watananews.com, أخبار البلد and albaladnews.net. The whole stem, not a part of it, so that a
    place inside an address (لبنان in thisislebanon.com) is not taken for the site."""
    stem = _LATIN_MEDIA_END_RE.sub("", label)
    if len(stem) < 5 or stem == label and not any(ch.isdigit() for ch in label):
        return False
    stem_key = _consonants(stem)
    return len(stem_key) >= 2 and any(_consonants(word) == stem_key for word in _tidy(name).split())


def _site_label(url: str | None) -> str:
    if not url:
        return ""
    host = (urlsplit(url).hostname or "").lower()
    labels = [part for part in host.split(".") if part]
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels = labels[1:]
    return labels[0] if labels and labels[0] not in _HOST_PREFIXES else ""


def _consonants(text: str) -> str:
    latin = re.sub(r"[^a-z0-9]", "", anyascii(text).lower())
    return re.sub(r"[aeiouwy]", "", latin)


def _after_place(text: str) -> tuple[str, ...]:
    """The name after ``PLACE :`` or ``PLACE -`` on a dateline line, if the line has that shape."""
    match = _PLACE_NAME_RE.match(text)
    return (match["name"],) if match else ()


def _before_section(text: str) -> tuple[str, ...]:
    """The name before ``NAME – SECTION`` on a credit line (``شبكة الوادي – أخبار المنطقة``): outlets
    print their name and the section the story is filed under."""
    match = _BEFORE_SECTION_RE.match(text)
    return (match["name"],) if match else ()


def _credits_beside_date(run: Run, number: int, rest: str) -> bool:
    """Words beside a date name the outlet when they stand before it (``مدار الساعة ـ نشر في …``)
    or after a slash (``… مساءً / مأرب برس``); after a dash they are the place (``… - القاهرة``)."""
    line = run.lines[number - 1].text
    words = rest.strip(f" /{_DASH_CHARS}")
    return line.startswith(words) or bool(re.search(rf"/\s*{re.escape(words)}", line))


def _name_like(text: str) -> bool:
    """Short, no digits but a number closing it (فرانس 24), no sentence punctuation, not opening
    with a verb: a name, not a clause."""
    name = _tidy(text)
    words = name.split()
    letters = words[:-1] if len(words) > 1 and words[-1].isdigit() and len(words[-1]) <= 3 else words
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and not any(ch.isdigit() for ch in " ".join(letters))
        and not any(ch in name for ch in ".،,؛;:!?؟")
        and not _VERB_START_RE.match(name)
    )


_SELF_NOUNS = frozenset({"مؤسسة", "مؤسسه", "موقع", "منصة", "منصه", "شبكة", "شبكه", "صحيفة", "صحيفه", "وكالة", "وكاله"})
"""What a site calls itself in the line describing it (``برق الإمارات مؤسسة إعلامية …``)."""


def describes_site(text: str, url: str | None) -> bool:
    """``برق الإمارات مؤسسة إعلامية إماراتية رائدة …``: the site's own name (as its address spells
    it) and what kind of outlet it is, without a sentence's final stop: the standing line some
    sites print under every article."""
    words = text.split()
    if text.rstrip(" \"'»”)").endswith((".", "!", "?", "؟")):
        return False  # a sentence of the article that begins with a word like the site's name
    for count in (1, 2, 3):
        named = names_site(" ".join(words[:count]), url) or names_site(words[0], url)  # برق الإمارات, uaebarq
        if len(words) > count and words[count] in _SELF_NOUNS and named:
            return True
    return False


def _tidy(text: str) -> str:
    """A name as printed, without the quotes, brackets or bars around it (``وجهات|``)."""
    return " ".join(text.strip().strip("«»\"“”'‘’()[]|｜").strip().split())
