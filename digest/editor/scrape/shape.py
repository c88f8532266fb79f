"""What a line is like, word by word: the features the furniture rules and the headline choice weigh.

No list of an outlet's phrases can say what a line is; its shape can. Here are the
small, general tests: does it end like a sentence, does it hold the words a sentence
needs (prepositions, conjunctions, particles), is it a bullet, does it speak to the
reader (``بريدك``, ``متابعتنا``), is it made of role titles and a name only, a row of menu
words, a person's name with an honorific, a Latin name in an Arabic text, a template
placeholder, a row of tags (short names and noun phrases between commas, or bulleted).
Each test looks at one line alone; where the line stands is judged by the callers
(``furniture``, ``edges``, ``meta``, ``tags``).
"""

from __future__ import annotations

import re

from .lines import BULLET
from .spelling import fold, phrase_key, phrase_keys, script_of

FUNCTION_WORDS = phrase_keys("""
    في | من | على | الى | عن | ان | إن | أن | مع | او | ثم | التي | الذي | الذين | بين | حول | خلال | بعد | قبل
    حتى | لكن | كما | قد | لم | لن | ما | لا | هذا | هذه | ذلك | تلك | عند | منذ | وفي | ومن | وعلى | وان | بان
    لان | انه | انها | the | of | to | in | and | that | is | was | for | on
""")
"""Words a sentence can hardly do without; a caption, a label or a list of names has none."""

SENTENCE_END = (".", "!", "?", "؟", "…", ":")
_CLOSERS = " \"'»”’)]"

_ROLE_TITLES = phrase_keys("""
    رئيس | نائب | وزير | وزيرة | أمين | الأمين | مدير | مديرة | سفير | سفيرة | ملك | الملك | أمير | الأمير | ولي
    الشيخ | شيخ | قائد | محافظ | عضو | المتحدث | متحدث | الناطق | مستشار | مساعد | سمو | صاحب | الرئيس | النائب
    الوزير | رئيسة | المدير | السفير | القائد | المحافظ | المستشار | العميد | اللواء | الفريق | المشير | العقيد
""")
"""Words that open a role before a name (``نائب رئيس الوزراء … سامي الخطيب``)."""

_HONORIFIC_RE = re.compile(
    r"^(?:د|أ\.?د|م|أ|ا)\s*[./]\s*\S|^(?:الدكتور|الدكتوره|دكتور|الاستاذ|الاستاذه|المهندس|المهندسه|الكاتب|الكاتبه"
    r"|الصحفي|الصحفيه|الاعلامي|الاعلاميه|المحامي|الباحث|الباحثه)\s*[:：]?\s+\S"
)
"""``د. سمير …``, ``د/ محمد …``, ``الكاتب …``: the way a columnist's name is printed above or below the headline."""

_ADDRESS_RE = re.compile(
    r"(?<!\w)[وفبل]?(?:بريدك|حسابك|تعليقك|اشتراكك|متصفحك|جهازك|هاتفك|متابعتنا|تابعونا|تابعنا|راسلنا|اتصل بنا)(?!\w)"
)
"""A site speaking to its reader (``بريدك``, ``متابعتنا``): prompts, forms and menus do, articles do not."""

_PLACEHOLDER_RE = re.compile(
    r"^(?:#+\s*[\w.-]{1,20}\s*#+|\{\{?\s*[\w.-]{1,20}\s*\}?\}|%[\w.-]{1,20}%|\[\s*[\w.-]{1,20}\s*\])$"
)
"""``#2#``, ``{{image}}``, ``%caption%``: a template's placeholder the page left unfilled."""

_LATIN_NAME_RE = re.compile(
    r"^(?:[A-Z][a-z]{0,2}\.\s?[A-Z][A-Za-z'’-]+|[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.\s?)?[A-Z][A-Za-z'’-]+){1,2})$"
)
"""``M.Adam``, ``J. Smith``, ``Sarah Cohen``: a photographer's name."""

MENU_WORDS = phrase_keys("""
    الرئيسية | الرئيسيه | اخبار | الاخبار | أخبار | محليات | محلي | محلية | عربي | عربية | دولي | دولية | عالمي
    عالم | العالم | اقتصاد | الاقتصاد | رياضة | الرياضة | فن | الفن | فنون | ثقافة | الثقافة | منوعات | المنوعات
    سياسة | السياسة | صحة | الصحة | تكنولوجيا | تقنية | علوم | مقالات | المقالات | الرأي | رأي | آراء | كتاب
    الكتاب | فيديو | فيديوهات | صور | ملفات | تحقيقات | حوارات | تقارير | مجتمع | المجتمع | حوادث | الحوادث
    برلمان | البرلمان | مال | أعمال | سيارات | تعليم | التعليم | المرأة | شباب | عاجل | بث | مباشر | البث
    المباشر | اتصل | بنا | الخصوصية | خدمات | الطقس | طقس | انفوجراف | إنفوجراف | بودكاست | مدونات | أرشيف
    الأرشيف | ودولي | وعربي | واقتصاد | وفنون | ومنوعات | وثقافة | وأعمال | ومجتمع | وتكنولوجيا | وعلوم
""")
"""Section names every news site's menu is made of; a line of nothing else is the menu."""
_MEDIA_WORDS = phrase_keys("""
    بوابة | موقع | صحيفة | جريدة | وكالة | قناة | مجلة | إذاعة | تلفزيون | شبكة | نيوز | برس | اليوم | الان
    خبر | أخبار | مركز | منصة | مؤسسة | دار
""")
"""Words naming a kind of outlet: a line with one names a site, not a person."""
_MENU_SEPARATORS_RE = re.compile(r"\s*(?:[|｜•·▪/»›>]|\s[-–—]\s)\s*")


def ends_like_sentence(text: str) -> bool:
    """Final punctuation a sentence (or a line introducing a quote or a list) ends with."""
    return text.rstrip(_CLOSERS).endswith(SENTENCE_END)


def ends_open(text: str) -> bool:
    """A comma or semicolon at the end: the sentence goes on on the next line."""
    return text.rstrip(_CLOSERS).endswith(("،", ",", "؛", ";"))


def has_function_word(text: str) -> bool:
    return any(w in FUNCTION_WORDS for w in phrase_key(text).split())


def is_bullet(text: str) -> bool:
    """A list item's mark (``•``, ``-``, ``1.``) before the words."""
    return bool(BULLET.match(text)) and bool(BULLET.sub("", text).strip())


def addresses_reader(text: str) -> bool:
    """The line speaks to the reader in the second person, or asks to be followed or written to."""
    return bool(_ADDRESS_RE.search(fold(text)))


def is_form_note(text: str) -> bool:
    """``الحقول المطلوبة *``: a comment form's required-field mark ends the line."""
    return text.rstrip().endswith("*") and not text.strip().startswith("*")


_DISCLAIMER_RE = re.compile(
    r"(?:تعبر|يعبر|تمثل|يمثل)\s+(?:عن\s+)?(?:بالضروره\s+)?(?:عن\s+)?(?:راي|اراء|وجهه نظر)\s+(?:كاتب|كتاب|اصحاب|صاحب)"
    r"|لا\s+(?:تعبر|يعبر|تمثل|يمثل)\s+(?:بالضروره\s+عن|عن\s+بالضروره)\s+(?:راي|وجهه نظر|سياسه)"
    r"|لا\s+(?:تعبر|يعبر|تمثل|يمثل)\s+(?:عن\s+)?(?:راي|وجهه نظر|سياسه)"
    r"\s+(?:الموقع|الصحيفه|الجريده|الوكاله|القناه|اداره)"
    r"|(?:views|opinions)\s+expressed\b"
    r"|مضمون\s+هذا\s+(?:الخبر|المقال)|العهده\s+(?:علي|على)\s+(?:المصدر|الراوي|الناقل)"
)
"""``المقالات المنشورة تعبر عن رأي كاتبها فقط``, ``لا تعبر بالضرورة عن رأي الموقع``: the site's
statement that its writers speak for themselves, printed under every article; an aggregator's
(``مضمون هذا الخبر تم كتابته بواسطة …``, ``العهدة على المصدر``), that the story is another's."""


def is_disclaimer(text: str) -> bool:
    """The site's disclaimer about its writers' opinions (``_DISCLAIMER_RE``), in a short paragraph."""
    return len(text.split()) <= 60 and bool(_DISCLAIMER_RE.search(fold(text)))


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER_RE.match(text.strip()))


def _looks_like_verb(word: str) -> bool:
    """A present-tense verb by its prefix (``يبحث``, ``تطلق``): enough to tell a caption from a sentence."""
    bare = word[1:] if word.startswith(("و", "ف")) and len(word) > 4 else word
    if len(bare) <= 5 and bare.startswith(("يا", "يو", "تا", "تو")):
        return False  # the given names these letters open (يوسف، ياسر، تامر) far outnumber such verbs
    return len(bare) >= 4 and bare[0] in "يت" and bare not in _ROLE_TITLES


def titles_and_names(text: str) -> bool:
    """A line made of role titles and a name only (``نائب رئيس الوزراء وزير الصحة سامي الخطيب``).

    It opens with a role title, has no final punctuation, no function word, no digit and
    no word shaped like a present-tense verb: a photo caption naming who is pictured."""
    if ends_like_sentence(text) or ends_open(text) or ":" in text or any(c.isdigit() for c in text):
        return False
    words = phrase_key(text).split()
    if not 3 <= len(words) <= 16 or words[0] not in _ROLE_TITLES:
        return False
    return not any(w in FUNCTION_WORDS or _looks_like_verb(w) for w in words)


def is_honorific_name(text: str) -> bool:
    """``د. سمير الحداد``, ``الكاتب سمير علي``: a name with the honorific a byline prints, nothing more."""
    words = text.split()
    if not 2 <= len(words) <= 5 or text.rstrip().endswith(("!", "?", "؟", ":", "…")):
        return False
    keys = phrase_key(text).split()
    if any(w in FUNCTION_WORDS for w in keys) or any(_looks_like_verb(w) for w in keys[1:]):
        return False
    return not any(c.isdigit() for c in text) and bool(_HONORIFIC_RE.match(fold(text)))


def is_name(text: str, fewest: int = 3) -> bool:
    """Three or four words (``fewest`` to four) that could only be a person's name.

    No punctuation, digit, function word or verb shape; the first word is not definite
    (``محمد عبد الله``; a label such as ``الملف النووي الإيراني`` is not a name), no word
    carries a preposition or a conjunction with the article (``والفانوس``, ``للمدينة``),
    and none is a role title, a menu word or a kind of outlet (``بوابة``)."""
    words = phrase_key(text).split()
    if not fewest <= len(words) <= 4 or len(words) != len(text.split()) or words[0].startswith("ال"):
        return False
    if any(not c.isalpha() and not c.isspace() for c in text):
        return False
    if any(w.startswith(("وال", "بال", "لل", "فال", "كال")) for w in words):
        return False  # a preposition or a conjunction with the article: a phrase, not a name
    return not any(
        w in FUNCTION_WORDS or w in _ROLE_TITLES or w in MENU_WORDS or w in _MEDIA_WORDS or _looks_like_verb(w)
        for w in words
    )


_PLACE_DASH_RE = re.compile(r"^(?P<place>[^\d\s:،,.]+(?:\s+[^\d\s:،,.]+){0,2})\s+[-–—]\s+(?P<name>[^\d:،,.\-–—]+)$")


def is_place_and_name(text: str) -> bool:
    """``الدار البيضاء - محمد إبراهيم``: a dateline, the place then the writer's name after a dash.

    Papers print it with a bullet before it and a colon after it (``* المدينة - سليم …:``),
    announcing the paragraph it stands above: neither mark is part of the place or the name."""
    match = _PLACE_DASH_RE.match(text.strip().lstrip("*•·").strip().rstrip(":：").strip())
    return match is not None and is_name(match["name"].strip(), fewest=2)


_ADDRESS_ALONE_RE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|tv|ae|sa|eg|lb|iq)", re.I)


def is_site_name(text: str) -> bool:
    """``صحيفة المدينة اليومية``, ``example.com``: a kind of outlet and its name, or a web address, alone."""
    words = phrase_key(text).split()
    if re.fullmatch(
        r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|tv|ae|sa|eg|ma|lb|iq|jo)", text.strip(), re.I
    ):
        return True
    if not 2 <= len(words) <= 4 or words[0] not in _MEDIA_WORDS or ends_like_sentence(text) or ":" in text:
        return False
    return not any(w in FUNCTION_WORDS or _looks_like_verb(w) or w.isdigit() for w in words[1:])


def is_latin_name(text: str) -> bool:
    """A short Latin name (``M.Adam``), in an Arabic text a photographer's credit."""
    return script_of(text) == "latin" and len(text.split()) <= 3 and bool(_LATIN_NAME_RE.match(text.strip()))


def is_menu(text: str) -> bool:
    """A site's navigation: section names in a row, or several short items between separators."""
    if ends_like_sentence(text):
        return False
    parts = [p for p in _MENU_SEPARATORS_RE.split(BULLET.sub("", text)) if p.strip()]
    if len(parts) >= 4 and all(len(p.split()) <= 3 for p in parts) and not has_function_word(text):
        return True
    words = phrase_key(text).split()
    if len(words) < 4:
        return False
    menu = sum(w in MENU_WORDS for w in words)
    if menu * 3 >= len(words) * 2:
        return True
    # A long row of links: many words, not one a sentence needs, a third of them section names.
    return len(words) >= 8 and menu * 3 >= len(words) and not has_function_word(text) and "،" not in text


TAG_WORDS = 5
"""Most words of one tag (``سامح شكري وزير الخارجية``, ``وقف فوري لإطلاق النار``)."""
TAG_CHARS = 40
TAG_LINE_ITEMS = 4
"""Fewest comma-separated items a line without a label needs to be read as tags."""
TAG_LIST_ITEMS = 3
"""Fewest bulleted items a list needs to be read as tags."""
_TAG_SPLIT_RE = re.compile(r"\s*[,،]\s*")
_REPORTING_VERBS = phrase_keys("""
    قال | قالت | أعلن | أعلنت | أكد | أكدت | كشف | كشفت | ذكر | ذكرت | أفاد | أفادت | أوضح | أوضحت | أشار | أشارت
    أضاف | أضافت | دعا | دعت | طالب | طالبت | شدد | شددت | بحث | بحثت | استقبل | استقبلت | التقى | التقت
""")
"""Past-tense verbs a news sentence opens with; the present tense is told by its shape (``_looks_like_verb``)."""


_SECTION_PREFIX_RE = re.compile(r"^(?P<section>[^\s\-–—:|]+(?:\s+[^\s\-–—:|]+)?)\s+(?:[\-–—|»›>])\s+(?P<rest>\S.*)$")


def section_prefix(text: str) -> tuple[str, str] | None:
    """``(section, headline)`` for a headline printed after its section's name and a dash or a
    bar (``الأخبار - الزراعة: تسويق …``, a breadcrumb), or None: one or two words, each a section
    name of a menu."""
    match = _SECTION_PREFIX_RE.match(text.strip())
    if match is None:
        return None
    words = phrase_key(match["section"]).split()
    return (match["section"], match["rest"]) if words and all(w in MENU_WORDS for w in words) else None


def is_tag(text: str) -> bool:
    """One tag: a few words, with letters (a count or a time is no tag), no function word, no final
    punctuation, not a section name of a menu."""
    words = phrase_key(text).split()
    if not 1 <= len(words) <= TAG_WORDS or len(text) > TAG_CHARS or ends_like_sentence(text):
        return False
    if not any(c.isalpha() for c in text):
        return False
    if len(words) == 1 and words[0] in MENU_WORDS:
        return False
    return not any(w in FUNCTION_WORDS for w in words)


def _names_mostly(items: list[str]) -> bool:
    """Noun phrases and names, not clauses: at most a third of the items hold a word shaped like a verb;
    and not a caption naming who is pictured, more than half of its items opening with a role title
    (``الوزير سليم …، السفير كمال …``)."""
    keys = [phrase_key(item).split() for item in items]
    verbs = sum(any(_looks_like_verb(w) for w in words) for words in keys)
    roles = sum(words[0] in _ROLE_TITLES for words in keys if words)
    return verbs * 3 <= len(items) and roles * 2 <= len(items)


def tag_line_items(text: str) -> list[str] | None:
    """The tags of a line of comma-separated keywords printed without a label, or None when it is no such line.

    ``وزارة الخارجية,مصر تدين,تهجير الفلسطينيين,…``: four or more short items, each a tag (``is_tag``),
    no final punctuation (nor a comma at the end: a sentence going on), mostly names and noun phrases,
    not opening with a verb, and not ending as a sentence's list does, on ``و`` before the last item
    (``…، الصحة، والتعليم``)."""
    if ends_like_sentence(text) or ends_open(text):
        return None
    items = [item.strip() for item in _TAG_SPLIT_RE.split(text.strip())]
    if len(items) < TAG_LINE_ITEMS or not all(is_tag(item) for item in items):
        return None
    first = phrase_key(items[0]).split()[0]
    if _looks_like_verb(first) or first in _REPORTING_VERBS or not _names_mostly(items):
        return None
    joined = [phrase_key(item).split()[0][:1] in ("و", "ف") and len(phrase_key(item).split()[0]) > 3 for item in items]
    if joined[-1] and not all(joined):
        return None  # ``…، الصحة، والتعليم``: the last item joined by a conjunction, as a sentence lists
    return items


def tag_list_items(lines: list[str]) -> list[str] | None:
    """The tags of a bulleted list (``- أيمن الصفدي`` / ``- وزير الخارجية الأردني`` …), or None.

    Three or more bullets, each item a tag (``is_tag``), mostly names and noun phrases: a
    summary's bullets are clauses, a menu's are section names."""
    if len(lines) < TAG_LIST_ITEMS or not all(is_bullet(line) for line in lines):
        return None
    items = [BULLET.sub("", line).strip() for line in lines]
    if not all(is_tag(item) for item in items) or not _names_mostly(items):
        return None
    return items
