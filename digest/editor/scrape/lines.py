"""What kind of line this is: list and tag headers, share buttons and prompts, headline or paragraph.

Each outlet lays its page out differently, so no reader trusts a position: a line is
a "related" header, a tag header, a source line, boilerplate, a headline or a body
paragraph by what it looks like. These tables and predicates are that judgement,
shared by the readers that decide where a list or a pasted article ends.
"""

from __future__ import annotations

import re

from .datewords import MONTHS, WEEKDAYS
from .spelling import CLOSERS, alternation, has_letter, phrase_key, phrase_keys, phrase_table

TITLE_MAX = 160
"""Longest line still taken for a headline; body paragraphs are usually much longer."""

BULLET = re.compile(r"^(?:[•·▪▫◦●○■□►▶◄◆◇✓✔➤➢→»>*\-–—]+|\d{1,2}[.)\-](?=\s))\s*")


# Phrases are written folded (hamza → ا, ة → ه, ى → ي); ``tolerant`` matches every spelling.
_RELATED_PHRASES = phrase_table("""
    مقالات مشابهه | مقالات ذات صله | مواضيع ذات صله | مواضيع مشابهه | موضوعات ذات صله | موضوعات متعلقه
    اخبار ذات صله | اخبار متعلقه | اخبار مشابهه | تقارير ذات صله | اقرا ايضا | اقرا كذلك | اقرا المزيد | اقرا اكثر
    قد يهمك ايضا | قد يهمك | قد يعجبك ايضا | شاهد ايضا | طالع ايضا | related | related articles | related news
    related stories | read more | read also | see also | more on this
""")
_DROP_LIST_PHRASES = phrase_table("""
    الاكثر قراءه | الاكثر مشاهده | الاكثر تداولا | الاكثر شعبيه | الاكثر تعليقا | اخترنا لك | اخر الاخبار
    محتوى مدعوم | most read | most popular | latest news | sponsored
""")
_TAGS_PHRASES = phrase_table("""
    كلمات دلاليه | الكلمات الدلاليه | الكلمات المفتاحيه | كلمات مفتاحيه | الكلمات المتعلقه | كلمات البحث
    وسوم | الوسوم | الاوسمه | تاغ | tags | keywords | topics
""")
_SOURCE_PHRASES = phrase_table("المصدر | مصدر الخبر | المصدر الاصلي | المصادر | source")

_HEADER_TAIL = r"\s*(?:(?:[:：]|\.\.+|…|\s[-–—]|>>|»)\s*(?P<rest>.*?))?\s*[:：]?\s*$"
RELATED_RE = re.compile(r"^[\s>»«◄►•*\-–—]*(?P<head>" + alternation(_RELATED_PHRASES) + ")" + _HEADER_TAIL, re.I)
_LIST_PERIODS = phrase_table("هذا الاسبوع | هذا الشهر | اليوم | this week | this month | today")
_SAME_SECTION = alternation(phrase_table("من نفس القسم | في نفس القسم | من القسم نفسه | من ذات القسم"))
DROP_LIST_RE = re.compile(
    r"^[\s>»«◄►•*\-–—]*(?:(?P<head>" + alternation(_DROP_LIST_PHRASES) + r")"
    r"(?:\s*(?:" + alternation(_LIST_PERIODS) + r"))?"
    r"|(?P<section>" + _SAME_SECTION + r")(?:\s+[^\d\s.،:!?؟]+){0,3})\s*[:：]?\s*$",
    re.I,
)
"""A "most read" header, alone or with its period (``الأكثر قراءة هذا الأسبوع``, glued as pages print it),
or a "from the same section" header with the section's name (``من نفس القسم صحة وعلوم``)."""
TAGS_RE = re.compile(r"^(?P<head>" + alternation(_TAGS_PHRASES) + r")\s*(?:[:：]\s*(?P<rest>.*?))?\s*$", re.I)
SOURCE_RE = re.compile(
    r"^\(?\s*(?P<head>" + alternation(_SOURCE_PHRASES) + r")\s*(?:(?:[:：]|\s[-–—])\s*(?P<rest>.*?))?\s*\)?\s*$", re.I
)

_BOILERPLATE = phrase_keys("""
    شارك | شارك الخبر | شارك المقال | شارك هذا المقال | شارك هذا الخبر | شارك القصة | شارك عبر | مشاركة | انشر
    طباعة | اطبع | نسخ الرابط | تم نسخ الرابط | انسخ الرابط | حفظ | أرسل | أرسل لصديق | إرسال | المزيد | إعلان
    إرسال بالإيميل | إرسال بالبريد | إرسال بالبريد الإلكتروني | أرسل بالبريد | إرسال لصديق
    Advertisement | Share | Share this | Share this article | Print | Copy link | Email | تعليقات | التعليقات
    أضف تعليق | أضف تعليقاً | اترك تعليقاً | اترك تعليقا | اترك رداً | Leave a Reply | Leave a comment
    Share this content | استمع | استمع للمقال | استمع إلى المقال | Listen | تابعونا | تابعنا | اضغط هنا
    انقر هنا | Click here | عرض الكل | مشاهدة الكل | Skip to content | الرئيسية | Home | Menu | القائمة | بحث
    Search | فيديو | Video
""")
_SOCIAL = phrase_keys("""
    facebook | twitter | whatsapp | telegram | linkedin | email | e-mail | mail | x | messenger | pinterest | reddit
    instagram | youtube | tiktok | threads | snapchat | print | copy | link | share | google | news | فيسبوك | فيس
    بوك | تويتر | واتساب | واتس | اب | تلغرام | تليغرام | تيليجرام | تلجرام | لينكد | ان | لينكدان | انستغرام
    انستجرام | يوتيوب | تيك | توك | البريد | الإلكتروني | ايميل | إكس | ماسنجر | نسخ | الرابط | طباعة | شارك
    مشاركة | عبر | على | أو | و | on | via | to | in | with | or
""")
_SOCIAL_NAMES = phrase_keys("""
    facebook | twitter | whatsapp | telegram | linkedin | instagram | youtube | tiktok | google news | فيسبوك
    فيس بوك | تويتر | واتساب | تلغرام | تليغرام | تيليجرام | تلجرام | انستغرام | انستجرام | يوتيوب | تيك توك | إكس
    أخبار جوجل | جوجل نيوز | تطبيق | قناتنا | صفحتنا | نشرتنا | حساباتنا
""")
_SOCIAL_GLUE = phrase_keys("عبر | على | أو | و | on | via | to | in | with | or")
_BOILER_PREFIX = tuple(
    phrase_keys("""
    تابعونا على | تابعنا على | تابعونا عبر | تابعنا عبر | اشترك في النشرة | اشترك في نشرتنا | اشترك الآن
    اشترك بالنشرة | سجل في النشرة | اشترك مجانا | حمّل تطبيق | حمل التطبيق | نزّل تطبيق | تحميل تطبيق | حمّلوا تطبيق
    follow us | subscribe | sign up | download the app | download our app | get the app | جميع الحقوق محفوظة
    all rights reserved | حقوق النشر | copyright
""")
)
_FOLLOW_PREFIX = tuple(phrase_keys("تابع | تابعوا | لمتابعة | للمزيد | لمزيد | انضم | انضموا"))
_BREADCRUMB_START = tuple(phrase_keys("الرئيسية | الصفحة الرئيسية | home"))


def is_boilerplate(text: str) -> bool:
    """Share buttons, follow/newsletter/app prompts, copyright and breadcrumb lines."""
    if len(text) > 160:
        return False
    folded = phrase_key(text)
    if not folded:
        return False
    return _is_stock_line(text, folded) or _is_social_line(folded) or _is_prompt(text, folded)


def _is_stock_line(text: str, folded: str) -> bool:
    """A known boilerplate phrase, or one of its prefixes, or a short copyright line."""
    copyright_line = "©" in text and bool(re.search(r"\d{4}|حقوق|rights", folded))
    return folded in _BOILERPLATE or folded.startswith(_BOILER_PREFIX) or (copyright_line and len(folded.split()) <= 16)


def _is_social_line(folded: str) -> bool:
    """A row of share buttons ("Facebook Twitter WhatsApp"), not just glue words."""
    words = folded.split()
    return len(words) <= 12 and all(w in _SOCIAL for w in words) and any(w not in _SOCIAL_GLUE for w in words)


def _is_prompt(text: str, folded: str) -> bool:
    """Follow-us and newsletter prompts, and breadcrumbs ("الرئيسية > أخبار")."""
    if folded.startswith(_FOLLOW_PREFIX) and any(name in folded for name in _SOCIAL_NAMES):
        return True
    if ("النشره" in folded and any(w in folded for w in ("اشترك", "سجل", "بريد"))) or "newsletter" in folded:
        return True
    return folded.startswith(_BREADCRUMB_START) and bool(re.search(r"[>›»/|]", text))


def is_marker(text: str) -> bool:
    """Lines that end a list, a tag block or a pasted article."""
    return bool(
        RELATED_RE.match(text)
        or DROP_LIST_RE.match(text)
        or TAGS_RE.match(text)
        or (SOURCE_RE.match(text) and len(text) <= 90)
        or is_boilerplate(text)
    )


def is_headline(text: str) -> bool:
    """Short, at least three words, not ending like a sentence (a headline may end in ? or !),
    and no quotation left open (``… ان : "طواقم اطفاء``: the sentence goes on on the next line),
    and not the page's banner of the day's date and time (``dated_banner``)."""
    words = text.split()
    if len(words) < 3 or len(text) > TITLE_MAX or not has_letter(text) or quote_open(text) or dated_banner(text):
        return False
    core = text.rstrip(CLOSERS)
    if core.endswith(("..", "...", "…")) or core.rstrip(".").endswith("…"):
        return True  # ``… الهزيمة الاولى ….``: an ellipsis, a full stop typed after it
    return not core.endswith((".", ":", "：", "،", ",", "؛", ";"))


_CLOCK_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
BANNER_WORDS = 2
"""Most words besides the date's parts on a banner of the day (a city, the weather)."""
_DAY_NAMES = frozenset({*WEEKDAYS, *MONTHS})


def dated_banner(text: str) -> bool:
    """A clock and a weekday's or a month's name on one line (``Erbil 17°C الأربعاء 23 تشرين الأول
    08:34``) with at most ``BANNER_WORDS`` other words: the page's banner of the day, its weather
    or its date row; a headline that gives a time (``اجتماع الحكومة يوم الأحد الساعة 10:30``)
    has more words of its own."""
    if not _CLOCK_RE.search(text):
        return False
    key = f" {phrase_key(text)} "
    named = [name for name in _DAY_NAMES if f" {name} " in key]
    for name in named:
        key = key.replace(f" {name} ", " ")
    others = [word for word in key.split() if not word.isdigit() and len(word) > 1]
    return bool(named) and len(others) <= BANNER_WORDS


def quote_open(text: str) -> bool:
    """Whether a quotation opens in ``text`` and does not close: an odd number of straight
    quotes, or more opening guillemets or curly quotes than closing ones."""
    return text.count('"') % 2 == 1 or text.count("«") > text.count("»") or text.count("“") > text.count("”")


def is_paragraph_like(text: str) -> bool:
    """A body paragraph rather than a title: long, or a sentence of several words ending with a period."""
    if len(text) > 200:
        return True
    core = text.rstrip(CLOSERS)
    return core.endswith(".") and not core.endswith("..") and len(text.split()) >= 6


def is_title_like(text: str) -> bool:
    """A line that could be an article title in a list (bullets aside)."""
    bare = BULLET.sub("", text).strip()
    return bool(bare) and len(bare) <= 200 and has_letter(bare) and not is_paragraph_like(bare)
