"""The vocabulary of date lines: month, weekday and zone names, and the patterns dates are written in.

Arabic outlets name months three ways (Egyptian/Gulf, Levantine, Maghrebi) besides
English, write digits in three scripts and give zones as GMT offsets or city names.
Everything is written folded (see ``text.fold``) and compiled once here, so the
readers in ``when`` and ``dates`` hold logic only.
"""

from __future__ import annotations

import re

from .spelling import phrase_table

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "يناير | كانون الثاني | كانون ثاني | جانفي | january | jan | janvier | janv",
            "فبراير | شباط | فيفري | february | feb | février | fevrier | févr | fevr | fév | fev",
            "مارس | اذار | march | mar | mars",
            "ابريل | نيسان | افريل | april | apr | avril | avr",
            "مايو | ايار | ماي | may | mai",
            "يونيو | يونيه | حزيران | جوان | june | jun | juin",
            "يوليو | يوليه | تموز | جويليه | يوليوز | july | jul | juillet | juil",
            "اغسطس | اب | اوت | غشت | august | aug | août | aout",
            "سبتمبر | ايلول | شتنبر | september | sept | sep | septembre",
            "اكتوبر | تشرين الاول | تشرين اول | october | oct | octobre",
            "نوفمبر | تشرين الثاني | تشرين ثاني | نونبر | november | nov | novembre",
            "ديسمبر | كانون الاول | كانون اول | دجنبر | december | dec | décembre | decembre | déc",
        ),
        start=1,
    )
    for name in phrase_table(names)
}
"""Gregorian month names, folded: Egyptian/Gulf, Levantine, Maghrebi, English and French forms (Maghrebi
and Lebanese outlets print French dates, with or without accents)."""
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True)).replace(" ", r"\s+")
_HIJRI_ALT = (
    r"محرم|صفر|ربيع\s+(?:الاول|الاخر|الثاني)|جمادي\s+(?:الاولي|الاول|الاخره|الاخر|الثانيه)|رجب|شعبان|رمضان|شوال|"
    r"ذ[وي]\s+القعده|ذ[وي]\s+الحجه"
)
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            "الاثنين monday mon lundi",
            "الثلاثاء tuesday tue tues mardi",
            "الاربعاء wednesday wed mercredi",
            "الخميس thursday thu thur thurs jeudi",
            "الجمعه friday fri vendredi",
            "السبت saturday sat samedi",
            "الاحد sunday sun dimanche",
        )
    )
    for name in names.split()
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ZONES = {
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
    for name in phrase_table(names)
}
_ZONE_ALT = "|".join(sorted(ZONES, key=len, reverse=True)).replace(" ", r"\s+")

ISO_RE = re.compile(
    r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"(?:\s*(z|[+-]\d{2}:?\d{2})(?!\d))?(?![\d.])"
)
COLON_YMD_RE = re.compile(
    r"(?<![\d.:])(\d{4}):(\d{1,2}):(\d{1,2})(?:[.\s]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?![\d.:])"
)
"""``2021:07:08.09:07``: year, month and day between colons, the time after a dot (no zone is written)."""
TEXT_DMY_RE = re.compile(
    rf"(?<![\d:])(\d{{1,2}})(?:st|nd|rd|th|er)?\s*[,،\-/]?\s*(?:من\s+)?({_MONTH_ALT})(?!\w)"
    rf"(?:\s*(?:/|\()\s*(?:{_MONTH_ALT})(?!\w)\s*\)?)?"
    rf"\s*[,،\-/]?\s*(?:(?:عام|سنه)\s+)?(\d{{4}})(?=\d{{1,2}}:\d{{2}}|\D|$)"
)
"""``28 أكتوبر 2024``, ``28-أكتوبر-2024``, ``12/أكتوبر/2025`` (the month's name between slashes), ``4th, October``,
``28 من أكتوبر``, ``1 أيار / مايو 2010`` (two names of the month), ``عام 2024`` before the year."""
TEXT_MDY_RE = re.compile(rf"(?<!\w)({_MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(\d{{4}})(?!\d)")
NUM_DMY_RE = re.compile(
    r"(?<![\d./\-:])(\d{1,2})\s*([./\-])\s*(\d{1,2})\s*\2\s*(?:(\d{4})(?=\d{1,2}:\d{2}|[^\d./\-]|$)|(\d{2})(?![\d./:\-]))"
)
NUM_YMD_RE = re.compile(r"(?<![\d./\-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d./\-])")
HIJRI_RE = re.compile(
    rf"(?<!\d)\d{{1,2}}\s+(?:من\s+)?(?:{_HIJRI_ALT})\s+\d{{3,4}}(?:\s*ه(?!\w))?"
    r"|(?<![\d./\-])(?:\d{1,2}([./\-])\d{1,2}\1\s*1[34]\d\d|1[34]\d\d([./\-])\d{1,2}\2\d{1,2})(?![\d./\-])(?:\s*ه(?!\w))?"
)
"""A Hijri date, by month name (``27 شعبان 1447 هـ``, ``27 من شعبان``) or in digits with a year 13xx–14xx
(``27/8/1447 هـ``): blanked before the Gregorian date is looked for."""
TIME_RE = re.compile(r"(?<![\d:])([01]?\d|2[0-3])(?:\s*:\s*|h(?=\d))([0-5]\d)(?::([0-5]\d))?(?![\d:])")
"""``12:56``, ``12:56:08``, and the French ``22h53``."""
_DAY_PARTS = r"بعد\s+الظهر|ظهرا|الظهر|عصرا|العصر|فجرا|الفجر|ليلا"
"""Parts of the day written after a time: about noon, afternoon, dawn, at night."""
HOUR_RE = re.compile(
    rf"(?<!\w)الساعه\s+(\d{{1,2}})(?![\d:])(?=\s*(?:صباحا|مساءا|مساء|{_DAY_PARTS}|ص|م)(?!\w))"
    rf"|(?<![\w:.,/\-])(\d{{1,2}})(?=\s*(?:صباحا|مساءا|مساء|{_DAY_PARTS})(?!\w))"
)
"""``الساعة 07 مساءً``, ``1 ليلاً``: an hour without minutes, said only with the half or the part of the
day after it (a bare number only before a word, never before ص/م: ``2025 م`` is the Gregorian year)."""
AMPM_RE = re.compile(rf"^\s*(صباحا|مساءا|مساء|{_DAY_PARTS}|ص|م|a\.?m\.?|p\.?m\.?)(?!\w)")
"""What follows a time to say which half of the day: ص/م, صباحاً/مساءً, and the parts of the day
outlets also write (``2:30 ظهراً``, ``4:30 عصراً``, ``5:30 فجراً``, ``10:30 ليلاً``)."""
GREGORIAN_MARK_RE = re.compile(r"^\s*م(?!\w)")
GMT_RE = re.compile(r"\(?\s*(?<!\w)(gmt|utc)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?!\w)\s*\)?")
NAMED_ZONE_RE = re.compile(rf"\(?\s*(?<!\w)ب?توقيت\s+(?:({_ZONE_ALT})(?!\w)|(\S+(?:\s+\S+)?))\s*\)?")
ABBREVIATED_ZONE_RE = re.compile(r"\(?(?<!\w)ت(?:\s*\.\s*|\s+)(غ|م)(?!\w)\.?\)?")
"""``ت.غ`` / ``ت غ`` (توقيت غرينتش, GMT) and ``ت.م`` / ``ت م`` (توقيت مكة, UTC+3), as wires abbreviate them.
A dot or a space must part the letters: ``تم`` is the word "done" (``تم النشر``)."""
ABBREVIATED_ZONES = {"غ": 0, "م": 3}
OFFSET_RE = re.compile(r"(?<![\w:])([+-])(\d{2}):?(\d{2})(?!\d)")
WEEKDAY_RE = re.compile(r"(?<!\w)(?:يوم\s+)?(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")(?!\w)")
RELATIVE_RE = re.compile(r"(?<!\w)(اول\s+امس|امس\s+الاول|امس|البارحه|اليوم|today|yesterday)(?!\w)")
AGO_RE = re.compile(
    r"(?<!\w)(?:منذ\s+(?:(\d{1,4})\s+)?(دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|يومين|ايام)"
    r"|(\d{1,4})\s+(minutes?|hours?|days?)\s+ago)(?!\w)"
)
PUB_LABEL_RE = re.compile(
    r"^\W*(تاريخ ووقت النشر|تاريخ و وقت النشر|وقت النشر|ساعه النشر|توقيت النشر|تاريخ النشر|تاريخ نشر الخبر|"
    r"تاريخ الخبر|تاريخ المقال|تاريخ الاضافه|اضيف بتاريخ|اضيف في|تم نشره في|تم نشرها في|تم نشره|تم نشرها|"
    r"تم النشر|منشور بتاريخ|منشور في|نشر في|نشر بتاريخ|نشرت بتاريخ|نشرت في|نشر|بتاريخ|التاريخ|"
    r"published at|published on|"
    r"published|posted on|posted|date|publié le|publie le|publié|publie|mis en ligne le)(?!\w)\s*([:：])?"
)
UPD_LABEL_RE = re.compile(
    r"(?<!\w)(اخر تحديث في|اخر تحديث|تاريخ التحديث|تاريخ التعديل|عدل في|حتلن|تم التحديث في|تم التحديث|تم تحديثه|"
    r"اخر تعديل|تحديث|محدث|حدث في|last updated|updated on|updated at|updated|modified|"
    r"mis à jour le|mis a jour le|mis à jour|mis a jour|modifié le)(?!\w)"
    r"\s*([:：])?"
)
FILLERS = frozenset(
    "في الساعه ساعه الموافق يوم on at the of م ه ص ب ـ الي حتي و ل ميلادي ميلاديه هجري هجريه le à".split()
)
AT_HOUR_RE = re.compile(r"(?<!\w)علي(?=\s+الساعه(?!\w))")
"""``على الساعة 08:30`` (Maghrebi "at the hour"): the preposition is a date word only before الساعة."""
