"""Read one raw scraped news text into the parts of a content file, saying what was found and what was guessed.

Scrapes of Arabic news pages arrive as plain text: the headline, date lines, a photo
credit, the article, and then whatever the page carried around it (share buttons,
newsletter prompts, a source line, tags, "read also" lists, sometimes a whole second
article). Each outlet lays this out differently, so nothing here trusts a fixed
layout: every line is recognised by what it looks like, and anything the parser had to
infer is listed in ``guessed`` so an editor can check it. The parser never invents a
headline or a date, never raises, and reports every oddity as a warning at the raw
text's own line numbers.

``parse_scraped`` is pure: no file I/O, no clock, no printing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from .diagnostics import Diagnostic, Severity

TITLE_MAX = 160
"""Longest line still taken for a headline; body paragraphs are usually much longer."""
TWEET_LIMIT = 280
TWEET_LINK_WEIGHT = 23
"""X counts every link as 23 characters (t.co), whatever its written length."""
SHORT_LINE_WORDS = 3


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ScrapedPost:
    """An embedded social-media post found in the text (rendered in ``body`` as a ``::: post`` block)."""

    author: str
    handle: str | None
    date: str | None
    """ISO ``yyyy-mm-dd``."""
    url: str | None
    lang: str
    text: str
    """Paragraphs joined by a blank line."""


@dataclass(frozen=True)
class ReadAlso:
    """A whole related article pasted after a "read also" marker; it is not part of the body."""

    title: str
    body: str
    line: int


@dataclass(frozen=True)
class Scraped:
    """Everything read from one raw text."""

    title: str | None
    date: datetime | None
    """Aware; a date without a time is midnight UTC with ``date_has_time`` False."""
    date_has_time: bool
    updated: datetime | None
    image_credit: str | None
    source: str | None
    tags: tuple[str, ...]
    related: tuple[str, ...]
    body: str
    """Markdown paragraphs separated by blank lines, embedded posts as ``::: post`` blocks."""
    posts: tuple[ScrapedPost, ...]
    read_also: tuple[ReadAlso, ...]
    found: tuple[str, ...]
    guessed: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


def parse_scraped(
    text: str,
    path: str,
    *,
    lang: str = "ar",
    known_tags: Iterable[str] = (),
    known_names: Iterable[str] = (),
    reference_date: date | None = None,
) -> Scraped:
    """Read one raw scraped text; ``path`` is only used in diagnostics.

    ``known_tags`` and ``known_names`` help split a tag line whose separators were
    lost; ``reference_date`` resolves relative dates ("أمس") in date lines.
    """
    try:
        return _Parser(text, path, lang, tuple(known_tags), tuple(known_names), reference_date).run()
    except Exception as exc:  # the contract is "never raise": a parser bug still yields the whole text
        return _fallback(text, path, exc)


def _fallback(text: object, path: str, exc: Exception) -> Scraped:
    """The text kept whole as the body, with the failure reported, when the parser itself failed."""
    raw = text if isinstance(text, str) else ""
    paragraphs = [_clean(line) for line in _LINE_BREAK.split(raw)]
    message = f"internal error while reading the text, kept as it is (please report): {type(exc).__name__}: {exc}"
    return Scraped(
        title=None,
        date=None,
        date_has_time=False,
        updated=None,
        image_credit=None,
        source=None,
        tags=(),
        related=(),
        body="\n\n".join(_md_escape(p) for p in paragraphs if p),
        posts=(),
        read_also=(),
        found=(),
        guessed=(),
        diagnostics=(Diagnostic(path, 0, 0, message, Severity.WARNING),),
    )


# --------------------------------------------------------------------------- text helpers

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INVISIBLE = re.compile("[\ufeff\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
_DIGIT_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WORD = re.compile(r"[^\W_]+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|t\.co)/\S+", re.IGNORECASE)
_CLOSERS = " \"'»”’)]"
_END_PUNCT = ".!?؟…:;؛»\"”’')]"


def _clean(raw: str) -> str:
    """One line as text: invisible marks and control characters gone, NBSP and runs of spaces made one space."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", _INVISIBLE.sub("", raw))).strip()


def _fold(text: str) -> str:
    """A comparison form: hamza/ta marbuta/alef maqsura folded, diacritics and tatweel dropped, ASCII digits."""
    text = unicodedata.normalize("NFKC", text)
    return _MARKS.sub("", text).translate(_LETTER_FOLD).translate(_DIGIT_FOLD).casefold()


def _key(text: str) -> str:
    """Folded words joined by single spaces: punctuation never decides whether two phrases are equal."""
    return " ".join(_WORD.findall(_fold(text)))


def _is_arabic_letter(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF


def _script(text: str) -> str:
    """``arabic``, ``latin`` or ``none``: which script most letters of ``text`` are in."""
    arabic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if _is_arabic_letter(char):
            arabic += 1
        elif ord(char) < 0x0250 or 0x1E00 <= ord(char) <= 0x1EFF:
            latin += 1
    if arabic > latin:
        return "arabic"
    return "latin" if latin > arabic else "none"


def _text_script(text: str) -> str:
    """The script of the words, links left out (a paragraph holding only a link has none)."""
    return _script(_URL.sub(" ", text))


def _has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


def _only_punctuation(text: str) -> bool:
    """True for lines like "." or "،" or "***": nothing an editor would call a sentence."""
    return bool(text) and all(unicodedata.category(c)[0] in "PZ" or c in "*~^`|+=<>" for c in text)


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in _END_PUNCT


def _tolerant(phrase: str) -> str:
    """A regex matching ``phrase`` (written folded) in unfolded text: any hamza form, ة/ه, ى/ي, diacritics."""
    variants = {"ا": "اأإآٱ", "ه": "هة", "ي": "يىی", "ك": "كک"}
    variants.update({d: d + "٠١٢٣٤٥٦٧٨٩"[int(d)] + "۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in "0123456789"})
    marks = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
    parts = []
    for char in phrase:
        if char == " ":
            parts.append(r"\s+")
        elif char in variants:
            parts.append(f"[{variants[char]}]{marks}")
        else:
            parts.append(re.escape(char) + marks)
    return "".join(parts)


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, so "اقرا ايضا" wins over "اقرا"."""
    return "|".join(_tolerant(p) for p in sorted(set(phrases), key=len, reverse=True))


def _col(raw: str, needle: str) -> int:
    """1-based column of ``needle`` in the raw line (1 when it cannot be found exactly)."""
    found = raw.find(needle) if needle else -1
    return found + 1 if found >= 0 else 1


def _md_escape(text: str) -> str:
    """Keep scraped text from turning into Markdown syntax: list markers, headings, ``:::`` blocks, ``[[``."""
    text = re.sub(r"^(#{1,6}(?=\s|$)|>|:::|[-*+](?=\s))", r"\\\1", text)
    text = re.sub(r"^(\d{1,9})([.)])(?=\s|$)", r"\1\\\2", text)
    return text.replace("[[", "\\[[")


def _quote_attr(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --------------------------------------------------------------------------- line classification tables

_BULLET = re.compile(r"^(?:[•·▪▫◦●○■□►▶◄◆◇✓✔➤➢→»>*\-–—]+|\d{1,2}[.)\-](?=\s))\s*")


def _phrases(table: str) -> tuple[str, ...]:
    """A phrase table written as ``a | b | c`` over several lines (kept compact and easy to extend)."""
    return tuple(dict.fromkeys(p.strip() for p in table.replace("\n", "|").split("|") if p.strip()))


def _keys(table: str) -> frozenset[str]:
    return frozenset(_key(p) for p in _phrases(table))


# Phrases are written folded (hamza → ا, ة → ه, ى → ي); ``_tolerant`` matches every spelling.
_RELATED_PHRASES = _phrases("""
    مقالات مشابهه | مقالات ذات صله | مواضيع ذات صله | مواضيع مشابهه | موضوعات ذات صله | موضوعات متعلقه
    اخبار ذات صله | اخبار متعلقه | اخبار مشابهه | تقارير ذات صله | اقرا ايضا | اقرا كذلك | اقرا المزيد | اقرا اكثر
    قد يهمك ايضا | قد يهمك | قد يعجبك ايضا | شاهد ايضا | طالع ايضا | related | related articles | related news
    related stories | read more | read also | see also | more on this
""")
_DROP_LIST_PHRASES = _phrases("""
    الاكثر قراءه | الاكثر مشاهده | الاكثر تداولا | الاكثر شعبيه | الاكثر تعليقا | اخترنا لك | اخر الاخبار
    محتوى مدعوم | most read | most popular | latest news | sponsored
""")
_TAGS_PHRASES = _phrases("""
    كلمات دلاليه | الكلمات الدلاليه | الكلمات المفتاحيه | كلمات مفتاحيه | الكلمات المتعلقه | كلمات البحث
    وسوم | الوسوم | الاوسمه | تاغ | tags | keywords | topics
""")
_SOURCE_PHRASES = _phrases("المصدر | مصدر الخبر | المصدر الاصلي | المصادر | source")
_CREDIT_LABELS = _phrases("الصوره | صوره | تصوير | مصدر الصوره | photo | credit | image | photo credit")

_HEADER_TAIL = r"\s*(?:(?:[:：]|\.\.+|…|\s[-–—]|>>|»)\s*(?P<rest>.*?))?\s*[:：]?\s*$"
_RELATED_RE = re.compile(r"^[\s>»«◄►•*\-–—]*(?P<head>" + _alternation(_RELATED_PHRASES) + ")" + _HEADER_TAIL, re.I)
_DROP_LIST_RE = re.compile(r"^[\s>»«◄►•*\-–—]*(?P<head>" + _alternation(_DROP_LIST_PHRASES) + r")\s*[:：]?\s*$", re.I)
_TAGS_RE = re.compile(r"^(?P<head>" + _alternation(_TAGS_PHRASES) + r")\s*(?:[:：]\s*(?P<rest>.*?))?\s*$", re.I)
_SOURCE_RE = re.compile(
    r"^\(?\s*(?P<head>" + _alternation(_SOURCE_PHRASES) + r")\s*(?:(?:[:：]|\s[-–—])\s*(?P<rest>.*?))?\s*\)?\s*$", re.I
)
_CREDIT_LABEL_RE = re.compile(
    r"^\(?\s*(?:(?:" + _alternation(_CREDIT_LABELS) + r")\s*[:：]|©)\s*(?P<rest>[^()]{2,80}?)\s*\)?$", re.I
)

_BOILERPLATE = _keys("""
    شارك | شارك الخبر | شارك المقال | شارك هذا المقال | شارك هذا الخبر | شارك القصة | شارك عبر | مشاركة | انشر
    طباعة | اطبع | نسخ الرابط | تم نسخ الرابط | انسخ الرابط | حفظ | أرسل | أرسل لصديق | إرسال | المزيد | إعلان
    Advertisement | Share | Share this | Share this article | Print | Copy link | Email | تعليقات | التعليقات
    أضف تعليق | أضف تعليقاً | استمع | استمع للمقال | استمع إلى المقال | Listen | تابعونا | تابعنا | اضغط هنا
    انقر هنا | Click here | عرض الكل | مشاهدة الكل | Skip to content | الرئيسية | Home | Menu | القائمة | بحث
    Search | فيديو | Video
""")
_SOCIAL = _keys("""
    facebook | twitter | whatsapp | telegram | linkedin | email | e-mail | mail | x | messenger | pinterest | reddit
    instagram | youtube | tiktok | threads | snapchat | print | copy | link | share | google | news | فيسبوك | فيس
    بوك | تويتر | واتساب | واتس | اب | تلغرام | تليغرام | تيليجرام | تلجرام | لينكد | ان | لينكدان | انستغرام
    انستجرام | يوتيوب | تيك | توك | البريد | الإلكتروني | ايميل | إكس | ماسنجر | نسخ | الرابط | طباعة | شارك
    مشاركة | عبر | على | أو | و | on | via | to | in | with | or
""")
_SOCIAL_NAMES = _keys("""
    facebook | twitter | whatsapp | telegram | linkedin | instagram | youtube | tiktok | google news | فيسبوك
    فيس بوك | تويتر | واتساب | تلغرام | تليغرام | تيليجرام | تلجرام | انستغرام | انستجرام | يوتيوب | تيك توك | إكس
    أخبار جوجل | جوجل نيوز | تطبيق | قناتنا | صفحتنا | نشرتنا | حساباتنا
""")
_SOCIAL_GLUE = _keys("عبر | على | أو | و | on | via | to | in | with | or")
_BOILER_PREFIX = tuple(
    _keys("""
    تابعونا على | تابعنا على | تابعونا عبر | تابعنا عبر | اشترك في النشرة | اشترك في نشرتنا | اشترك الآن
    اشترك بالنشرة | سجل في النشرة | اشترك مجانا | حمّل تطبيق | حمل التطبيق | نزّل تطبيق | تحميل تطبيق | حمّلوا تطبيق
    follow us | subscribe | sign up | download the app | download our app | get the app | جميع الحقوق محفوظة
    all rights reserved | حقوق النشر | copyright
""")
)
_FOLLOW_PREFIX = tuple(_keys("تابع | تابعوا | لمتابعة | للمزيد | لمزيد | انضم | انضموا"))
_BREADCRUMB_START = tuple(_keys("الرئيسية | الصفحة الرئيسية | home"))
_KNOWN_OUTLETS = _keys("""
    سكاي نيوز عربية | الجزيرة | الجزيرة نت | الشرق الأوسط | اليوم السابع | روسيا اليوم | RT | RT Arabic | العربية
    العربية نت | موقع 24 | 24 | بي بي سي | BBC | فرانس 24 | الحرة | يورونيوز | سبوتنيك | الأناضول | رويترز | أ ف ب
    وكالات | CNN | CNN بالعربية | إرم نيوز | الخليج | البيان | الاتحاد | النهار | الأخبار | الشروق | المصري اليوم
    الأهرام | عربي 21 | العربي الجديد | الميادين | وام
""")
_CREDIT_WORDS = re.compile(
    r"(?<!\w)(?:globallookpress|global look press|reuters|afp|getty|gettyimages|epa|anadolu|shutterstock|keystone|"
    r"sputnik|tass|ria novosti|xinhua|imago|zuma|sipa|dpa|alamy|associated press|ap photo|press agency|images|"
    r"photo|pool|رويترز|فرانس برس|ا ف ب|ا\.ف\.ب|اف ب|اسوشيتد برس|اسوشييتد برس|غيتي|جيتي|الاناضول|سبوتنيك|"
    r"تاس|شينخوا|صوره ارشيفيه|ارشيفيه|من الارشيف|الصوره|تصوير|مواقع التواصل|وسائل التواصل|وكالات الانباء)(?!\w)"
)
_BYLINE_RE = re.compile(r"^(?:بقلم|كتب|كتبت|كتبه|كتابة|إعداد|اعداد|تحرير|ترجمة|مراسل|by)\s*[:：]?\s*\S", re.I)
_DATELINE_RE = re.compile(
    r"^(?P<place>[^\d:«»\"()\-–—]{2,30}?)\s*(?:[:：]|\s[-–—]|[-–—]\s)\s*(?P<outlet>[«\"(][^«»\"()]{2,40}[»\")]"
    r"|[^«»\"():\-–—]{2,40})$"
)

# Credits: glued agency names and words that must not be split at their inner capital.
_GLUED_AGENCIES = {
    "globallookpress": "Global Look Press",
    "gettyimages": "Getty Images",
    "associatedpress": "Associated Press",
    "anadoluagency": "Anadolu Agency",
}
_AGENCIES = _phrases("""
    Global Look Press | Getty Images | Associated Press | Anadolu Agency | Keystone Press Agency | Reuters | AFP | EPA
    Sputnik | TASS | Xinhua | Shutterstock | Imago | ZUMA Press | dpa
""")
_CAMEL_KEEP = frozenset({"WhatsApp", "YouTube", "LinkedIn", "TikTok", "PlayStation", "iPhone", "McDonald", "DeLuca"})


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "يناير | كانون الثاني | كانون ثاني | جانفي | january | jan",
            "فبراير | شباط | فيفري | february | feb",
            "مارس | اذار | march | mar",
            "ابريل | نيسان | افريل | april | apr",
            "مايو | ايار | ماي | may",
            "يونيو | يونيه | حزيران | جوان | june | jun",
            "يوليو | يوليه | تموز | جويليه | يوليوز | july | jul",
            "اغسطس | اب | اوت | غشت | august | aug",
            "سبتمبر | ايلول | شتنبر | september | sept | sep",
            "اكتوبر | تشرين الاول | تشرين اول | october | oct",
            "نوفمبر | تشرين الثاني | تشرين ثاني | نونبر | november | nov",
            "ديسمبر | كانون الاول | كانون اول | دجنبر | december | dec",
        ),
        start=1,
    )
    for name in _phrases(names)
}
"""Gregorian month names, folded: Egyptian/Gulf, Levantine, Maghrebi and English forms."""
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True)).replace(" ", r"\s+")
_HIJRI_ALT = (
    r"محرم|صفر|ربيع\s+(?:الاول|الاخر|الثاني)|جمادي\s+(?:الاولي|الاول|الاخره|الاخر|الثانيه)|رجب|شعبان|رمضان|شوال|"
    r"ذ[وي]\s+القعده|ذ[وي]\s+الحجه"
)
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            "الاثنين monday mon",
            "الثلاثاء tuesday tue tues",
            "الاربعاء wednesday wed",
            "الخميس thursday thu thur thurs",
            "الجمعه friday fri",
            "السبت saturday sat",
            "الاحد sunday sun",
        )
    )
    for name in names.split()
}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ZONES = {
    name: hours
    for hours, names in (
        (0, "غرينتش | غرينيتش | جرينتش | جرينيتش | غرنتش"),
        (
            3,
            "مكه المكرمه | مكه | السعوديه | الرياض | الدوحه | قطر | الكويت | بغداد | العراق | موسكو | المنامه"
            " | البحرين",
        ),
        (4, "ابوظبي | ابو ظبي | دبي | الامارات | مسقط"),
    )
    for name in _phrases(names)
}
_ZONE_ALT = "|".join(sorted(_ZONES, key=len, reverse=True)).replace(" ", r"\s+")

_ISO_RE = re.compile(
    r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"(?:\s*(z|[+-]\d{2}:?\d{2})(?!\d))?(?![\d.])"
)
_TEXT_DMY_RE = re.compile(
    rf"(?<![\d:])(\d{{1,2}})\s*(?:من\s+)?({_MONTH_ALT})(?!\w)(?:\s*(?:/|\()\s*(?:{_MONTH_ALT})(?!\w)\s*\)?)?"
    rf"\s*[,،]?\s*(?:(?:عام|سنه)\s+)?(\d{{4}})(?=\d{{1,2}}:\d{{2}}|\D|$)"
)
_TEXT_MDY_RE = re.compile(rf"(?<!\w)({_MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(\d{{4}})(?!\d)")
_NUM_DMY_RE = re.compile(
    r"(?<![\d./\-:])(\d{1,2})\s*([./\-])\s*(\d{1,2})\s*\2\s*(?:(\d{4})(?=\d{1,2}:\d{2}|[^\d./\-]|$)|(\d{2})(?![\d./:\-]))"
)
_NUM_YMD_RE = re.compile(r"(?<![\d./\-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d./\-])")
_HIJRI_RE = re.compile(rf"(?<!\d)\d{{1,2}}\s+(?:{_HIJRI_ALT})\s+\d{{3,4}}(?:\s*ه(?!\w))?")
_TIME_RE = re.compile(r"(?<![\d:])([01]?\d|2[0-3])\s*:\s*([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_AMPM_RE = re.compile(r"^\s*(صباحا|مساءا|مساء|ص|م|a\.?m\.?|p\.?m\.?)(?!\w)")
_GREGORIAN_MARK_RE = re.compile(r"^\s*م(?!\w)")
_GMT_RE = re.compile(r"\(?\s*(?<!\w)(gmt|utc)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?!\w)\s*\)?")
_NAMED_ZONE_RE = re.compile(rf"\(?\s*(?<!\w)ب?توقيت\s+(?:({_ZONE_ALT})(?!\w)|(\S+(?:\s+\S+)?))\s*\)?")
_OFFSET_RE = re.compile(r"(?<![\w:])([+-])(\d{2}):?(\d{2})(?!\d)")
_WEEKDAY_RE = re.compile(r"(?<!\w)(?:يوم\s+)?(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?!\w)")
_RELATIVE_RE = re.compile(r"(?<!\w)(اول\s+امس|امس\s+الاول|امس|البارحه|اليوم|today|yesterday)(?!\w)")
_AGO_RE = re.compile(
    r"(?<!\w)(?:منذ\s+(?:(\d{1,4})\s+)?(دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|يومين|ايام)"
    r"|(\d{1,4})\s+(minutes?|hours?|days?)\s+ago)(?!\w)"
)
_PUB_LABEL_RE = re.compile(
    r"^\W*(تاريخ النشر|تاريخ نشر الخبر|تم النشر|نشر في|نشر بتاريخ|نشرت في|نشر|بتاريخ|التاريخ|published on|"
    r"published|posted on|posted|date)(?!\w)\s*([:：])?"
)
_UPD_LABEL_RE = re.compile(
    r"(?<!\w)(اخر تحديث|تاريخ التحديث|تم التحديث في|تم التحديث|تم تحديثه|اخر تعديل|تحديث|محدث|حدث في|"
    r"last updated|updated on|updated|modified)(?!\w)\s*([:：])?"
)
_FILLERS = frozenset("في الساعه ساعه الموافق يوم on at the of م ه ص ب ـ الي حتي و".split())


_IsoClock = tuple[int, int, int, str | None]
"""Hour, minute, second and the zone written after an ISO date-time."""


@dataclass(frozen=True)
class _When:
    """A date expression as written in one line, before it is resolved."""

    day: date | None
    relative: str | None
    offset_days: int | None
    clock: tuple[int, int, int] | None
    zone: tzinfo | None
    zone_written: str | None
    weekday: int | None
    leftover: bool
    notes: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def has_date(self) -> bool:
        return self.day is not None or self.relative is not None


def _date_fold(text: str) -> str:
    return _SPACES.sub(" ", _fold(text))


def _blank(text: str, match: re.Match[str]) -> str:
    """``text`` with the match replaced by spaces, so later searches keep their positions."""
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _year(text: str, notes: list[str]) -> int:
    value = int(text)
    if len(text) == 2:
        notes.append(f"two-digit year {text} read as {2000 + value}")
        return 2000 + value
    return value


def _find_day(text: str, notes: list[str], problems: list[str]) -> tuple[date | None, str, _IsoClock | None]:
    """The first calendar date in folded ``text``; returns it, the text with it blanked, and an ISO clock if any."""
    match = _ISO_RE.search(text)
    if match:
        y, m, d = int(match[1]), int(match[2]), int(match[3])
        clock = (int(match[4]), int(match[5]), int(match[6] or 0), match[7]) if match[4] else None
        if clock and not (clock[0] <= 23 and clock[1] <= 59 and clock[2] <= 59):
            problems.append(f"invalid time in {match[0].strip()!r}")
            clock = None
        return _make_day(y, m, d, match[0], problems), _blank(text, match), clock
    for regex, order in ((_TEXT_DMY_RE, "dmy"), (_TEXT_MDY_RE, "mdy")):
        match = regex.search(text)
        if match:
            if order == "dmy":
                d, m, y = int(match[1]), _MONTHS.get(_SPACES.sub(" ", match[2]), 0), int(match[3])
            else:
                m, d, y = _MONTHS.get(_SPACES.sub(" ", match[1]), 0), int(match[2]), int(match[3])
            blanked = _blank(text, match)
            mark = _GREGORIAN_MARK_RE.match(blanked[match.end() :])
            if mark:
                blanked = blanked[: match.end()] + " " * mark.end() + blanked[match.end() + mark.end() :]
            return _make_day(y, m, d, match[0], problems), blanked, None
    match = _NUM_YMD_RE.search(text)
    if match:
        return _make_day(int(match[1]), int(match[3]), int(match[4]), match[0], problems), _blank(text, match), None
    match = _NUM_DMY_RE.search(text)
    if match:
        first, second = int(match[1]), int(match[3])
        y = _year(match[4] or match[5], notes)
        d, m = first, second
        if second > 12 >= first:
            d, m = second, first
            notes.append(f"{match[0].strip()} read as month/day/year")
        elif first <= 12 and second <= 12 and first != second:
            notes.append(f"{match[0].strip()} read as day/month/year")
        return _make_day(y, m, d, match[0], problems), _blank(text, match), None
    return None, text, None


def _make_day(y: int, m: int, d: int, written: str, problems: list[str]) -> date | None:
    if not 1900 <= y <= 2100:
        problems.append(f"implausible year in date {written.strip()!r}")
        return None
    try:
        return date(y, m, d)
    except ValueError:
        problems.append(f"invalid date {written.strip()!r}")
        return None


def _read_when(text: str) -> _When | None:
    """Every date part of one (folded) piece of a line: date, relative word, weekday, time, zone.

    Returns None when the piece holds no date, no relative word and no time.
    """
    notes: list[str] = []
    problems: list[str] = []
    rest = _HIJRI_RE.sub(lambda m: " " * len(m[0]), text)
    day, rest, iso_clock = _find_day(rest, notes, problems)
    relative, offset = None, None
    match = _RELATIVE_RE.search(rest)
    if match:
        relative = match[1]
        offset = {"امس": 1, "البارحه": 1, "yesterday": 1, "اليوم": 0, "today": 0}.get(match[1], 2)
        rest = _blank(rest, match)
    else:
        match = _AGO_RE.search(rest)
        if match:
            relative = match[0]
            unit, count = (match[2], match[1]) if match[2] else (match[4], match[3])
            number = int(count) if count else (2 if unit in ("دقيقتين", "ساعتين", "يومين") else 1)
            offset = min(number, 3660) if unit in ("يوم", "يومين", "ايام") or unit.startswith("day") else 0
            rest = _blank(rest, match)
    weekday = None
    match = _WEEKDAY_RE.search(rest)
    if match:
        weekday = _WEEKDAYS[match[1]]
        rest = _blank(rest, match)
    clock: tuple[int, int, int] | None = None
    zone: tzinfo | None = None
    zone_written: str | None = None
    if iso_clock:
        clock = iso_clock[:3]
        if iso_clock[3]:
            zone, zone_written = _offset_zone(iso_clock[3]), iso_clock[3].upper()
    else:
        match = _TIME_RE.search(rest)
        if match:
            hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
            rest = _blank(rest, match)
            ampm = _AMPM_RE.match(rest[match.end() :])
            if ampm:
                word = ampm[1].replace(".", "")
                if word in ("م", "مساء", "مساءا", "pm") and hour < 12:
                    notes.append(f"{hour}:{minute:02d} {ampm[1]} read as {hour + 12}:{minute:02d}")
                    hour += 12
                elif word in ("ص", "صباحا", "am") and hour == 12:
                    hour = 0
                end = match.end() + ampm.end()
                rest = rest[: match.end()] + " " * ampm.end() + rest[end:]
            clock = (hour, minute, second)
    if zone is None:
        zone, zone_written, rest = _read_zone(rest, clock is not None)
    if day is None and relative is None and clock is None and not problems:
        return None
    leftover_words = [w for w in _WORD.findall(rest) if w not in _FILLERS and not w.isdigit()]
    return _When(
        day,
        relative,
        offset,
        clock,
        zone,
        zone_written,
        weekday,
        bool(leftover_words),
        tuple(notes),
        tuple(problems),
    )


def _offset_zone(written: str) -> tzinfo:
    if written in ("z", "Z"):
        return UTC
    sign = -1 if written[0] == "-" else 1
    digits = written[1:].replace(":", "")
    return _fixed(sign * (int(digits[:2]) * 60 + int(digits[2:4] or 0)))


def _fixed(minutes: int) -> tzinfo:
    if minutes == 0:
        return UTC
    minutes = max(-23 * 60, min(23 * 60, minutes))
    return timezone(timedelta(minutes=minutes))


def _read_zone(rest: str, has_clock: bool) -> tuple[tzinfo | None, str | None, str]:
    """The time zone written in ``rest`` (GMT+3, بتوقيت مكة, +03:00): the zone (None when unknown), its text, rest."""
    match = _GMT_RE.search(rest)
    if match:
        minutes = 0
        if match[2]:
            minutes = (int(match[3]) * 60 + int(match[4] or 0)) * (-1 if match[2] == "-" else 1)
        return _fixed(minutes), match[0].strip(" ()").upper(), _blank(rest, match)
    match = _NAMED_ZONE_RE.search(rest)
    if match:
        if match[1]:
            return _fixed(_ZONES[_SPACES.sub(" ", match[1])] * 60), match[0].strip(" ()"), _blank(rest, match)
        return None, match[0].strip(" ()"), _blank(rest, match)
    match = _OFFSET_RE.search(rest) if has_clock else None
    if match:
        return _offset_zone(match[0]), match[0], _blank(rest, match)
    return None, None, rest


@dataclass(frozen=True)
class _Moment:
    """A resolved date or date-time with what was guessed and what went wrong on the way."""

    value: datetime | None
    has_time: bool
    notes: tuple[str, ...]
    problems: tuple[str, ...]


def _resolve(when: _When, reference: date | None, fallback_day: date | None = None) -> _Moment:
    """Turn a written date into an aware datetime; relative words need ``reference``."""
    notes, problems = list(when.notes), list(when.problems)
    day = when.day
    if day is None and when.relative is not None:
        if reference is None:
            problems.append(
                f"relative date {when.relative!r} cannot be resolved without a reference date: "
                "give the date with --date"
            )
            return _Moment(None, False, tuple(notes), tuple(problems))
        try:
            day = reference - timedelta(days=when.offset_days or 0)
        except OverflowError:
            problems.append(f"relative date {when.relative!r} falls outside the calendar from {reference.isoformat()}")
            return _Moment(None, False, tuple(notes), tuple(problems))
        notes.append(f"relative date {when.relative!r} resolved against {reference.isoformat()} as {day.isoformat()}")
    if day is None and when.clock is not None and fallback_day is not None:
        day = fallback_day
        notes.append(f"time without a date read on the publication day {day.isoformat()}")
    if day is None:
        return _Moment(None, False, tuple(notes), tuple(problems))
    if when.weekday is not None and day.weekday() != when.weekday:
        problems.append(f"the weekday written does not match {day.isoformat()} (a {_WEEKDAY_NAMES[day.weekday()]})")
    if when.clock is None:
        return _Moment(datetime(day.year, day.month, day.day, tzinfo=UTC), False, tuple(notes), tuple(problems))
    zone = when.zone
    if zone is None:
        if when.zone_written:
            problems.append(f"time zone {when.zone_written!r} is not known: the time was read as UTC, check it")
        else:
            notes.append(f"time {when.clock[0]:02d}:{when.clock[1]:02d} has no time zone: read as UTC")
        zone = UTC
    hour, minute, second = when.clock
    return _Moment(
        datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone), True, tuple(notes), tuple(problems)
    )


def _describe(value: datetime, has_time: bool) -> str:
    """``2024-10-28 12:56 UTC`` / ``2024-10-28 12:56 UTC+03:00`` / ``2024-10-28``."""
    if not has_time:
        return value.date().isoformat()
    offset = value.utcoffset() or timedelta(0)
    if offset == timedelta(0):
        zone = "UTC"
    else:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{value:%Y-%m-%d %H:%M} {zone}"


@dataclass(frozen=True)
class _DateLine:
    """What one date line says: a publication part, an update part, or both."""

    published: _When | None
    updated: _When | None


def _date_line(text: str) -> _DateLine | None:
    """Read ``text`` as a date line, or None when it is not one.

    A line counts only when it is labelled (تاريخ النشر:, آخر تحديث:) or holds
    nothing but date parts, so "أمس الثلاثاء" inside a sentence never does.
    """
    if len(text) > 160:
        return None
    folded = _date_fold(text)
    pub_part, upd_part, upd_colon = folded, None, False
    upd = _UPD_LABEL_RE.search(folded)
    if upd:
        pub_part, upd_part, upd_colon = folded[: upd.start()], folded[upd.end() :], bool(upd[2])
    pub_label = _PUB_LABEL_RE.match(pub_part)
    pub_colon = bool(pub_label and pub_label[2])
    if pub_label:
        pub_part = pub_part[pub_label.end() :]
    published = _read_when(pub_part) if _WORD.search(pub_part) else None
    if published is not None and not _accept(published, labelled=bool(pub_label), colon=pub_colon):
        published = None
    updated = _read_when(upd_part) if upd_part is not None else None
    if updated is not None and not _accept(updated, labelled=True, colon=upd_colon):
        updated = None
    if published is None and updated is None:
        return None
    if upd and published is None and _WORD.search(pub_part) and not pub_label:
        return None  # words before the update label that are not a date: a sentence, not a date line
    return _DateLine(_spelled(published, text), _spelled(updated, text))


def _spelled(when: _When | None, original: str) -> _When | None:
    """``when`` with its relative word and zone shown as the line writes them (they were read folded)."""
    if when is None:
        return None
    return replace(
        when,
        relative=_as_written(when.relative, original),
        zone_written=_as_written(when.zone_written, original),
    )


def _as_written(folded: str | None, original: str) -> str | None:
    if not folded:
        return folded
    match = re.search(_tolerant(folded.casefold()), original, re.IGNORECASE)
    return match[0] if match else folded


def _accept(when: _When, *, labelled: bool, colon: bool) -> bool:
    if labelled and colon:
        return True
    if when.leftover:
        return False
    if labelled:
        return True
    ago = when.relative is not None and (when.relative.startswith("منذ") or when.relative.endswith("ago"))
    if when.day is not None or when.problems or ago:
        return True
    return when.relative is not None and (when.clock is not None or when.weekday is not None)


def _calendar_date(text: str) -> date | None:
    """The first calendar date written in ``text`` (for post signatures), or None."""
    day, _, _ = _find_day(_date_fold(text), [], [])
    return day


# --------------------------------------------------------------------------- posts

_SIGNATURE_RE = re.compile(
    r"^(?P<pre>.*?)(?:^|\s)(?:[—–]|--?)\s*(?P<author>[^()\n—–]{1,80}?)\s*\(\s*(?P<handle>@[A-Za-z0-9_]{1,30})\s*\)"
    r"\s*(?P<when>[^()]{0,60}?)\s*(?P<link>(?:https?://)?(?:www\.)?(?:twitter\.com|x\.com|t\.co)/\S*)?\s*$",
    re.IGNORECASE,
)
_STATUS_URL_RE = re.compile(r"(?:https?://)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/\w+/status(?:es)?/\d+\S*", re.I)
_MEDIA_LINK_RE = re.compile(r"\s*(?:https?://)?pic\.twitter\.com/\S+", re.IGNORECASE)
_TRAILING_TCO_RE = re.compile(r"\s*(?:https?://)?t\.co/\S+\s*$", re.IGNORECASE)


def _tweet_weight(text: str) -> int:
    """Length as X counts it: links 23 each, most emoji and CJK 2, joiners and variation selectors 0."""
    links = len(_URL.findall(text))
    weight = TWEET_LINK_WEIGHT * links
    for char in _URL.sub("", text):
        code = ord(char)
        if code in (0x200D, 0xFE0E, 0xFE0F):
            continue
        narrow = code <= 0x10FF or 0x2000 <= code <= 0x200D or 0x2010 <= code <= 0x201F or 0x2032 <= code <= 0x2037
        weight += 1 if narrow else 2
    return weight


def _absolute(url: str) -> str:
    return url if re.match(r"^https?://", url, re.I) else "https://" + url


# --------------------------------------------------------------------------- parser


@dataclass(frozen=True)
class _Line:
    number: int
    raw: str
    text: str


@dataclass(frozen=True)
class _Item:
    """One body element: a paragraph from raw lines ``first``–``last``, or an embedded post block."""

    first: int
    last: int
    text: str
    post: ScrapedPost | None = None
    joined: bool = False


class _Parser:
    """One run over one text. Holds the state of that run only (a new parser per call)."""

    def __init__(
        self,
        text: str,
        path: str,
        lang: str,
        known_tags: Sequence[str],
        known_names: Sequence[str],
        reference: date | None,
    ) -> None:
        self.lines = [_Line(n, raw, _clean(raw)) for n, raw in enumerate(_LINE_BREAK.split(text), start=1)]
        self.path = path
        self.lang = lang
        self.known_tags = known_tags
        self.known_names = known_names
        self.reference = reference
        self.found: list[str] = []
        self.guessed: list[str] = []
        self.diags: list[Diagnostic] = []
        self.items: list[_Item] = []
        self.title: str | None = None
        self.title_decided = False
        self.untitled_line = 0
        self.published: tuple[_Moment, int] | None = None
        self.updated: datetime | None = None
        self.pending_update: tuple[_When, int] | None = None
        self.credit: str | None = None
        self.source: str | None = None
        self.source_guess: str | None = None
        self.tags: list[str] = []
        self.related: list[str] = []
        self.read_also: list[ReadAlso] = []

    # ------------------------------------------------------------------ reporting

    def warn(self, line: int, col: int, message: str) -> None:
        self.diags.append(Diagnostic(self.path, line, col, message, Severity.WARNING))

    def first_content_line(self) -> int:
        return next((ln.number for ln in self.lines if ln.text), 0)

    # ------------------------------------------------------------------ driver

    def run(self) -> Scraped:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            index = index + 1 if not line.text else self.handle(index)
        return self.finish()

    def handle(self, index: int) -> int:
        """Classify the non-blank line at ``index``; return the index of the next line to look at."""
        line = self.lines[index]
        text = line.text
        if "(@" in text or "( @" in text:
            signature = _SIGNATURE_RE.match(text)
            if signature and (not signature["when"].strip() or _calendar_date(signature["when"])):
                self.take_post(line, signature)
                return index + 1
        match = _RELATED_RE.match(text)
        if match:
            return self.take_related(index, match)
        match = _DROP_LIST_RE.match(text)
        if match:
            return self.take_dropped_list(index, match["head"])
        match = _TAGS_RE.match(text)
        if match:
            return self.take_tags(index, match)
        match = _SOURCE_RE.match(text)
        if match and len(match["rest"] or "") <= 80:
            self.take_source(line, (match["rest"] or "").strip())
            return index + 1
        if self.is_boilerplate(text):
            self.found.append(f"dropped boilerplate {text!r} (line {line.number})")
            return index + 1
        if _only_punctuation(text):
            self.warn(line.number, 1, f"line has only punctuation {text!r}: dropped")
            return index + 1
        dates = _date_line(text)
        if dates is not None:
            self.take_dates(line, dates)
            return index + 1
        if self.take_credit(line):
            return index + 1
        if not self.body_started() and self.take_byline(line):
            return index + 1
        if not self.title_decided:
            return self.decide_title(index)
        self.add_paragraph(line)
        return index + 1

    def body_started(self) -> bool:
        return bool(self.items)

    def next_content(self, index: int) -> int | None:
        """Index of the first non-blank line after ``index``."""
        for later in range(index + 1, len(self.lines)):
            if self.lines[later].text:
                return later
        return None

    def only_blank_between(self, first: int, last: int) -> bool:
        """True when raw lines strictly between line numbers ``first`` and ``last`` are all blank."""
        return all(not self.lines[n - 1].text for n in range(first + 1, last))

    # ------------------------------------------------------------------ markers

    def is_marker(self, text: str) -> bool:
        """Lines that end a list, a tag block or a pasted article."""
        return bool(
            _RELATED_RE.match(text)
            or _DROP_LIST_RE.match(text)
            or _TAGS_RE.match(text)
            or (_SOURCE_RE.match(text) and len(text) <= 90)
            or self.is_boilerplate(text)
        )

    @staticmethod
    def is_boilerplate(text: str) -> bool:
        """Share buttons, follow/newsletter/app prompts, copyright and breadcrumb lines."""
        if len(text) > 160:
            return False
        key = _key(text)
        if not key:
            return False
        words = key.split()
        copyright_line = "©" in text and bool(re.search(r"\d{4}|حقوق|rights", key))
        if key in _BOILERPLATE or key.startswith(_BOILER_PREFIX) or (copyright_line and len(words) <= 16):
            return True
        if len(words) <= 12 and all(w in _SOCIAL for w in words) and any(w not in _SOCIAL_GLUE for w in words):
            return True
        if key.startswith(_FOLLOW_PREFIX) and any(name in key for name in _SOCIAL_NAMES):
            return True
        if ("النشره" in key and any(w in key for w in ("اشترك", "سجل", "بريد"))) or "newsletter" in key:
            return True
        return key.startswith(_BREADCRUMB_START) and bool(re.search(r"[>›»/|]", text))

    # ------------------------------------------------------------------ title and header lines

    def decide_title(self, index: int) -> int:
        """The first plain line is the headline when it looks like one; a lone section label before it is dropped."""
        line = self.lines[index]
        words = line.text.split()
        following = self.next_content(index)
        if len(words) <= 2 and len(line.text) <= 25 and following is not None:
            nxt = self.lines[following].text
            if _is_headline(nxt) and not self.is_marker(nxt) and _date_line(nxt) is None:
                self.found.append(f"section label {line.text!r} (line {line.number}) dropped")
                return index + 1
        self.title_decided = True
        if _is_headline(line.text):
            self.title = line.text
            self.found.append(f"title (line {line.number})")
            return index + 1
        self.untitled_line = line.number
        self.add_paragraph(line)
        return index + 1

    def take_byline(self, line: _Line) -> bool:
        text = line.text
        if len(text) > 60 or text.rstrip('»"”)').endswith((".", ":", "：", "!", "?", "؟", "؛", ";", "،", ",")):
            return False
        if _BYLINE_RE.match(text) and len(text.split()) <= 7:
            self.found.append(f"byline {text!r} (line {line.number}) dropped")
            return True
        match = _DATELINE_RE.match(text)
        if match and len(text.split()) <= 7 and self.title_decided:
            outlet = match["outlet"].strip(' «»"()')
            if match["outlet"][0] in '«"(' or _key(outlet) in _KNOWN_OUTLETS:
                self.found.append(f"dateline {text!r} (line {line.number}) dropped")
                if self.source_guess is None:
                    self.source_guess = outlet
                return True
        return False

    # ------------------------------------------------------------------ dates

    def take_dates(self, line: _Line, dates: _DateLine) -> None:
        if dates.published is not None:
            moment = _resolve(dates.published, self.reference)
            self.report_moment(line.number, moment)
            if moment.value is not None and self.published is None:
                self.published = (moment, line.number)
                self.found.append(f"publication date {_describe(moment.value, moment.has_time)} (line {line.number})")
            elif moment.value is not None:
                shown = _describe(moment.value, moment.has_time)
                self.found.append(f"another date line {shown} (line {line.number}) ignored")
        if dates.updated is None:
            return
        if self.updated is not None or self.pending_update is not None:
            self.found.append(f"another update line (line {line.number}) ignored")
        elif dates.updated.has_date:
            self.updated = self.resolve_update(dates.updated, line.number)
        else:
            self.pending_update = (dates.updated, line.number)  # a time alone: needs the publication day

    def report_moment(self, number: int, moment: _Moment) -> None:
        for note in moment.notes:
            self.guessed.append(f"{note} (line {number})")
        for problem in moment.problems:
            self.warn(number, 1, problem)

    def resolve_update(self, when: _When, number: int) -> datetime | None:
        """The update time; written without a zone, it is read in the publication date's zone when there is one."""
        published = self.published[0] if self.published else None
        day = published.value.date() if published and published.value else None
        moment = _resolve(when, self.reference, fallback_day=day)
        inherit = published is not None and published.value is not None and published.has_time
        if inherit and moment.value is not None and when.clock is not None and not when.zone and not when.zone_written:
            notes = tuple(n for n in moment.notes if "no time zone" not in n)
            zone = published.value.tzinfo if published and published.value else None
            notes += ("update time read in the publication date's time zone",)
            moment = _Moment(moment.value.replace(tzinfo=zone), True, notes, moment.problems)
        self.report_moment(number, moment)
        if moment.value is None:
            return None
        self.found.append(f"update date {_describe(moment.value, moment.has_time)} (line {number})")
        if published is not None and published.value is not None and moment.value < published.value:
            self.warn(number, 1, "the update date is before the publication date")
        return moment.value

    # ------------------------------------------------------------------ image credit

    def take_credit(self, line: _Line) -> bool:
        text = line.text
        labelled = _CREDIT_LABEL_RE.match(text)
        if labelled and len(text.split()) <= 12:
            return self.set_credit(line, labelled["rest"].strip())
        if self.body_started() or not self.title_decided or len(text) > 200:
            return False
        caption = re.search(r"\((?P<agency>[^()]{2,40})\)\s*$", text)
        if caption and _CREDIT_WORDS.search(_fold(caption["agency"])) and text.index("(") > 0:
            self.found.append(f"image caption {text[: caption.start()].strip()!r} (line {line.number}) dropped")
            return self.set_credit(line, caption["agency"].strip())
        short = len(text.split()) <= 12 and not (_ends_sentence(text) and text.endswith("."))
        if short and _CREDIT_WORDS.search(_fold(text)):
            return self.set_credit(line, text)
        if short and self.lang == "ar" and _script(text) == "latin" and len(text.split()) <= 8:
            self.guessed.append(
                f"image credit recognised by its place under the headline and its script (line {line.number})"
            )
            return self.set_credit(line, text)
        return False

    def set_credit(self, line: _Line, text: str) -> bool:
        repaired, repairs = _repair_credit(text)
        if self.credit is None:
            self.credit = repaired
            self.found.append(f"image credit {repaired!r} (line {line.number})")
            for repair in repairs:
                self.guessed.append(f"image credit repaired: {repair} (line {line.number})")
        else:
            self.found.append(f"another image credit {repaired!r} (line {line.number}) not kept")
        return True

    # ------------------------------------------------------------------ source

    def take_source(self, line: _Line, value: str) -> None:
        if not value:
            self.warn(line.number, 1, "empty source line: dropped")
            self.found.append(f"dropped empty source line (line {line.number})")
            return
        if self.source is None:
            self.source = value
            self.found.append(f"source {value!r} (line {line.number})")
        else:
            self.found.append(f"another source line {value!r} (line {line.number}) ignored")

    # ------------------------------------------------------------------ tags

    def take_tags(self, index: int, match: re.Match[str]) -> int:
        header = self.lines[index]
        chunks: list[tuple[str, _Line]] = []
        rest = (match["rest"] or "").strip()
        nxt = index + 1
        if rest:
            chunks.append((rest, header))
        else:
            later = self.next_content(index)
            while later is not None:
                text = self.lines[later].text
                if len(text) > 80 or _is_paragraph_like(text) or self.is_marker(text) or len(text.split()) > 8:
                    break
                chunks.append((text, self.lines[later]))
                nxt = later + 1
                later = self.next_content(later)
        if not chunks:
            self.found.append(f"tag header with no tags (line {header.number}) dropped")
            return nxt
        tags = self.tags
        before = len(tags)
        for text, line in chunks:
            for tag in self.split_tags(text, line):
                if _key(tag) in {_key(t) for t in tags}:
                    self.found.append(f"duplicate tag {tag!r} dropped (line {line.number})")
                elif _key(tag):
                    tags.append(tag)
        self.found.append(f"tags (line {header.number}): {', '.join(tags[before:])}")
        return nxt

    def split_tags(self, text: str, line: _Line) -> list[str]:
        separators = re.compile(r"\s*(?:[،,|;؛•#]|\s[-–—]\s|^[-–—]\s)\s*")
        pieces = [p.strip(" -–—.") for p in separators.split(text)]
        pieces = [p for p in pieces if p]
        if len(pieces) > 1 or len(text.split()) <= 3:
            return pieces
        return self.split_run(text, line)

    def split_run(self, text: str, line: _Line) -> list[str]:
        """Split tags whose separators were lost, using known tags and names (greedy, longest first)."""
        table: dict[tuple[str, ...], str] = {}
        for name in (*self.known_tags, *self.known_names):
            words = tuple(_key(name).split())
            if words and words not in table:
                table[words] = name
        longest = max((len(k) for k in table), default=0)
        words = text.split()
        keys = [_key(w) for w in words]
        result: list[str] = []
        matched: list[str] = []
        pending: list[str] = []
        ambiguous: list[str] = []

        def flush() -> None:
            if pending:
                run = " ".join(pending)
                result.append(run)
                ambiguous.append(run)
                pending.clear()

        position = 0
        while position < len(words):
            for size in range(min(longest, len(words) - position), 0, -1):
                name = table.get(tuple(keys[position : position + size]))
                if name is not None:
                    flush()
                    result.append(name)
                    matched.append(name)
                    position += size
                    break
            else:
                pending.append(words[position])
                position += 1
        flush()
        if matched:
            self.guessed.append(
                f"tags split using known names (line {line.number}): "
                + ", ".join(repr(m) for m in dict.fromkeys(matched))
            )
        if ambiguous and (matched or len(words) > 4):
            for run in ambiguous:
                self.warn(line.number, _col(line.raw, run.split()[0]), f"ambiguous tags kept whole: {run!r}")
        return result

    # ------------------------------------------------------------------ related lists and pasted articles

    def take_related(self, index: int, match: re.Match[str]) -> int:
        header = self.lines[index]
        head = match["head"]
        rest = (match["rest"] or "").strip()
        titles: list[tuple[str, int]] = []
        nxt = index + 1
        if rest:
            titles.append((_BULLET.sub("", rest), header.number))
        else:
            first = self.next_content(index)
            if (
                first is not None
                and _is_title_like(self.lines[first].text)
                and not self.is_marker(self.lines[first].text)
            ):
                second = self.next_content(first)
                if (
                    second is not None
                    and _is_paragraph_like(self.lines[second].text)
                    and not self.is_marker(self.lines[second].text)
                ):
                    return self.take_read_also(first, second)
        later = self.next_content(index)
        while later is not None:
            text = self.lines[later].text
            bulleted = bool(_BULLET.match(text)) and bool(_BULLET.sub("", text))
            if self.is_marker(text) or "(@" in text:
                break
            if rest and not bulleted:
                break
            if not (bulleted or _is_title_like(text)) or _is_paragraph_like(_BULLET.sub("", text)):
                break
            titles.append((_BULLET.sub("", text).strip(), self.lines[later].number))
            nxt = later + 1
            later = self.next_content(later)
        for title, _ in titles:
            if title and _key(title) not in {_key(t) for t in self.related}:
                self.related.append(title)
        if titles:
            last = titles[-1][1]
            where = f"lines {header.number}–{last}" if last != header.number else f"line {last}"
            self.found.append(f"related titles under {head!r} ({where}): {len(titles)}")
        else:
            self.found.append(f"dropped {head!r} with no titles after it (line {header.number})")
        return nxt

    def take_read_also(self, first: int, second: int) -> int:
        """A whole article pasted after "read also": its title line, then paragraphs up to the next marker."""
        title_line = self.lines[first]
        paragraphs: list[str] = []
        last = title_line.number
        index = second
        while index < len(self.lines):
            text = self.lines[index].text
            if text:
                if self.is_marker(text):
                    break
                if not _only_punctuation(text):
                    paragraphs.append(text)
                last = self.lines[index].number
            index += 1
        title = _BULLET.sub("", title_line.text).strip()
        self.read_also.append(ReadAlso(title, "\n\n".join(paragraphs), title_line.number))
        self.found.append(f"read-also article {title!r} (lines {title_line.number}–{last}): not part of the body")
        self.guessed.append(
            f"a title followed by full paragraphs after 'read also' (line {title_line.number}) was taken for a whole "
            f"pasted article up to line {last}"
        )
        return index

    def take_dropped_list(self, index: int, head: str) -> int:
        header = self.lines[index]
        nxt, count = index + 1, 0
        later = self.next_content(index)
        while later is not None:
            text = self.lines[later].text
            if self.is_marker(text) or not _is_title_like(text) or _is_paragraph_like(text):
                break
            count += 1
            nxt = later + 1
            later = self.next_content(later)
        self.found.append(f"dropped {head!r} list with {count} titles (line {header.number})")
        return nxt

    # ------------------------------------------------------------------ body

    def add_paragraph(self, line: _Line) -> None:
        text = line.text
        if text[0] in "،,؛;" and self.items and self.items[-1].post is None:
            previous = self.items[-1]
            if self.only_blank_between(previous.last, line.number):
                glue = " …" if previous.text[-1].isalnum() else ""
                joined = previous.text + glue + text
                self.items[-1] = _Item(previous.first, line.number, joined, joined=True)
                shown = " ".join(previous.text.split()[-2:]) + glue + " ".join(text.split()[:3])
                self.warn(
                    line.number,
                    _col(line.raw, text[0]),
                    f"sentence cut where a link was probably removed (line {previous.last} ends without punctuation, "
                    f"this line starts with {text[0]!r}): joined as '{shown}'",
                )
                self.guessed.append(
                    f"cut sentence at lines {previous.last}–{line.number} joined"
                    + (" with '…' marking the lost words" if glue else "")
                )
                return
        if text[0] in "،,؛;":
            self.warn(
                line.number, _col(line.raw, text[0]), f"line starts with {text[0]!r}: the text before it is missing"
            )
        self.items.append(_Item(line.number, line.number, text))

    def take_post(self, line: _Line, signature: re.Match[str]) -> None:
        """Turn the paragraphs just before a "— Name (@handle) Date" line into an embedded post.

        Scrapes keep no trace of where the embed began, so paragraphs are taken
        backwards while they could still be one post: same script, together within
        the length X allows, not an introduction ending with ":".
        """
        pre = signature["pre"].strip()
        chosen: list[_Item] = [_Item(line.number, line.number, pre)] if pre else []
        weight = _tweet_weight(pre) if pre else 0
        script = _text_script(pre) if pre else "none"
        start, taken, reason = line.number, 0, "the start of the text"
        for item in reversed(self.items):
            stop = self.post_stop(item, start, chosen, weight, script)
            if stop:
                reason = stop
                break
            weight = weight + 2 + _tweet_weight(item.text) if chosen else _tweet_weight(item.text)
            script = script if script != "none" else _text_script(item.text)
            chosen.append(item)
            start, taken = item.first, taken + 1
        if taken:
            del self.items[-taken:]
        paragraphs = [c.text for c in reversed(chosen)]
        post = self.make_post(signature, paragraphs, script)
        first = start if chosen else line.number
        if not paragraphs:
            self.warn(line.number, 1, "embedded post with no text before its signature line")
        elif weight > TWEET_LIMIT:
            self.warn(first, 1, f"embedded post longer than {TWEET_LIMIT} characters: check where it begins")
        self.items.append(_Item(first, line.number, _post_block(post), post=post))
        self.found.append(f"embedded post by {post.author} ({post.handle}) (lines {first}–{line.number})")
        count = len(paragraphs)
        self.guessed.append(
            f"embedded post boundary: {count} paragraph{'s' if count != 1 else ''} before line {line.number}, "
            f"from line {first}; stopped at {reason}"
        )
        if post.date is None and signature["when"].strip():
            self.warn(line.number, 1, f"post date {signature['when'].strip()!r} not understood")

    def post_stop(self, item: _Item, start: int, chosen: list[_Item], weight: int, script: str) -> str | None:
        """Why ``item`` cannot belong to the post that begins at line ``start``, or None when it can."""
        if item.post is not None:
            return f"the post ending at line {item.last}"
        if not self.only_blank_between(item.last, start):
            return f"a non-paragraph line before line {start}"
        if item.text.endswith((":", "：")):
            return f"line {item.last}, which introduces the post"
        if not chosen:
            return None
        if "none" not in (script, _text_script(item.text)) and _text_script(item.text) != script:
            return f"line {item.last}, which is in another script"
        if weight + 2 + _tweet_weight(item.text) > TWEET_LIMIT:
            return f"line {item.last}, which would make the post longer than {TWEET_LIMIT} characters"
        if item.joined:
            return f"line {item.last}, a repaired sentence of the article"
        if item is self.items[0]:
            return f"line {item.last}, the article's first paragraph"
        if re.match(r"^و[\u0621-\u064a]{2,}", item.text) and item.text.rstrip(_CLOSERS).endswith("."):
            return f"line {item.last}, which reads as the article's narration (a sentence opening with و)"
        return None

    def make_post(self, signature: re.Match[str], paragraphs: list[str], script: str | None) -> ScrapedPost:
        """The post's fields: media links leave the text and become its url unless a status link is known."""
        link = signature["link"]
        status = next((m[0] for p in (link or "", *paragraphs) for m in [_STATUS_URL_RE.search(p)] if m), None)
        media = next((m[0].strip() for p in paragraphs for m in [_MEDIA_LINK_RE.search(p)] if m), None)
        cleaned = [_MEDIA_LINK_RE.sub("", p).strip() for p in paragraphs]
        if cleaned:
            tco = _TRAILING_TCO_RE.search(cleaned[-1])
            if tco:
                media = media or tco[0].strip()
                cleaned[-1] = cleaned[-1][: tco.start()].strip()
        url = status or link or media
        day = _calendar_date(signature["when"]) if signature["when"].strip() else None
        lang = {"arabic": "ar", "latin": "en"}.get(script or "", self.lang)
        if script not in ("arabic", "latin") and paragraphs:
            self.guessed.append(f"embedded post language not clear from its script: {lang} assumed")
        return ScrapedPost(
            author=signature["author"].strip(),
            handle=signature["handle"],
            date=day.isoformat() if day else None,
            url=_absolute(url) if url else None,
            lang=lang,
            text="\n\n".join(p for p in cleaned if p),
        )

    # ------------------------------------------------------------------ result

    def finish(self) -> Scraped:
        """Resolve what needed the whole text (a time-only update, related titles) and report what is missing."""
        updated = self.resolve_update(*self.pending_update) if self.pending_update else self.updated
        published = self.published[0] if self.published else None
        self.final_checks()
        source = self.source
        if source is None and self.source_guess:
            source = self.source_guess
            self.guessed.append(f"source {source!r} taken from the dateline under the headline")
        for extra in self.read_also:
            if _key(extra.title) not in {_key(t) for t in self.related}:
                self.related.append(extra.title)
        posts = tuple(item.post for item in self.items if item.post is not None)
        if self.items:
            count = len(self.items) - len(posts)
            with_posts = f" and {len(posts)} embedded post{'s' if len(posts) != 1 else ''}" if posts else ""
            first, last = self.items[0].first, self.items[-1].last
            where = f"lines {first}–{last}" if last != first else f"line {first}"
            self.found.append(f"body: {count} paragraph{'s' if count != 1 else ''}{with_posts} ({where})")
        return Scraped(
            title=self.title,
            date=published.value if published else None,
            date_has_time=bool(published and published.has_time),
            updated=updated,
            image_credit=self.credit,
            source=source,
            tags=tuple(self.tags),
            related=tuple(self.related),
            body="\n\n".join(item.text if item.post else _md_escape(item.text) for item in self.items),
            posts=posts,
            read_also=tuple(self.read_also),
            found=tuple(self.found),
            guessed=tuple(self.guessed),
            diagnostics=tuple(sorted(set(self.diags))),
        )

    def final_checks(self) -> None:
        """Warnings that need the whole text: a missing title or date, a date after the reference, body lines."""
        if self.title is None:
            where = self.untitled_line or self.first_content_line()
            self.warn(where, 1 if where else 0, "no title found: give one with --title")
        if self.published is None:
            self.warn(0, 0, "no publication date found: give one with --date")
        else:
            moment, number = self.published
            if self.reference and moment.value and moment.value.date() > self.reference:
                self.warn(number, 1, "the publication date is after the reference date")
        for item in self.items:
            if item.post is None:
                self.check_paragraph(item)

    def check_paragraph(self, item: _Item) -> None:
        """Warnings an editor should look at: leftover links and very short orphan lines."""
        for number in range(item.first, item.last + 1):
            raw = self.lines[number - 1].raw
            for match in _URL.finditer(raw):
                self.warn(number, match.start() + 1, f"leftover link in the body text: {match[0]}")
        words = item.text.split()
        if (
            not item.joined
            and len(words) <= SHORT_LINE_WORDS
            and len(item.text) <= 30
            and not _ends_sentence(item.text)
        ):
            self.warn(item.first, 1, f"very short line {item.text!r}: a cut sentence or a subheading?")


# --------------------------------------------------------------------------- small predicates and formatters


def _is_headline(text: str) -> bool:
    """Short, at least three words, and not ending like a sentence (a headline may end in ? or !)."""
    words = text.split()
    if len(words) < 3 or len(text) > TITLE_MAX or not _has_letter(text):
        return False
    core = text.rstrip(_CLOSERS)
    if core.endswith(("..", "...", "…")):
        return True
    return not core.endswith((".", ":", "：", "،", ",", "؛", ";"))


def _is_paragraph_like(text: str) -> bool:
    """A body paragraph rather than a title: long, or a sentence of several words ending with a period."""
    if len(text) > 200:
        return True
    core = text.rstrip(_CLOSERS)
    return core.endswith(".") and not core.endswith("..") and len(text.split()) >= 6


def _is_title_like(text: str) -> bool:
    bare = _BULLET.sub("", text).strip()
    return bool(bare) and len(bare) <= 200 and _has_letter(bare) and not _is_paragraph_like(bare)


def _repair_credit(text: str) -> tuple[str, list[str]]:
    """Undo the gluing scrapers do to credit lines: ``WheatleyKeystone``, ``Globallookpress``."""
    repairs: list[str] = []
    words = []
    for word in text.split():
        replacement = _GLUED_AGENCIES.get(word.lower())
        if replacement and replacement != word:
            repairs.append(f"{word!r} → {replacement!r}")
            word = replacement
        elif word not in _CAMEL_KEEP:
            split = re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2,})", " / ", word)
            if split != word:
                repairs.append(f"{word!r} → {split!r}")
                word = split
        words.append(word)
    result = " ".join(words)
    for agency in _AGENCIES:
        if result.lower().startswith(agency.lower() + " ") and not re.match(r"\s*[/,\-–—|]", result[len(agency) :]):
            result = result[: len(agency)] + " /" + result[len(agency) :]
            repairs.append(f"agency {agency!r} separated from the name after it")
            break
    for agency in _AGENCIES:
        cut = len(result) - len(agency)
        if cut > 0 and result.lower().endswith(" " + agency.lower()) and not re.search(r"[/,\-–—|]\s*$", result[:cut]):
            if result[:cut].rstrip().endswith("/"):
                break
            result = result[:cut].rstrip() + " / " + result[cut:]
            repairs.append(f"agency {agency!r} separated from the name before it")
            break
    return result, repairs


def _post_block(post: ScrapedPost) -> str:
    """The ``::: post …`` block for the body, attributes quoted as docs/format.md shows."""
    attrs = [f"author={_quote_attr(post.author)}"]
    if post.handle:
        attrs.append(f"handle={_quote_attr(post.handle)}")
    if post.date:
        attrs.append(f"date={post.date}")
    attrs.append(f"lang={post.lang}")
    attrs.append("platform=x")
    if post.url:
        attrs.append(f"url={_quote_attr(post.url)}")
    text = "\n\n".join(_md_escape(p) for p in post.text.split("\n\n")) if post.text else ""
    return f"::: post {' '.join(attrs)}\n{text}\n:::" if text else f"::: post {' '.join(attrs)}\n:::"
