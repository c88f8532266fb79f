"""Date lines that carry more than the date, and the wider ways outlets write a date.

A row may hold the article's counters after the date (``… - 1234 مشاهدة``), a section, a
place or the writer before it (``سياسة | …``, ``القاهرة - …``, ``الكاتب: فلان - …``), the update
printed before the publication, a month's name between slashes, a part of the day after the
time (``2:30 ظهراً``) or an abbreviated zone (``ت.غ``). Each form is read through ``date_line``
(the exact day, time, zone, the words left out and why) and through ``parse_scraped``; each has
its near misses that must stay what they are: a headline, a sentence of the body, no zone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from digest.editor.scrape import Scraped, parse_scraped
from digest.editor.scrape.dates import (
    BYLINE_BESIDE_DATE,
    COUNTERS_BESIDE_DATE,
    NAME_BEFORE_DATE,
    DateLine,
    date_line,
    resolve,
)

PLUS3 = timezone(timedelta(hours=3))
HEADLINE = "عنوان تجريبي عن زيارة الوزير إلى العاصمة"
LEAD = "قال وزير الخارجية في مؤتمر صحفي اليوم إن المحادثات مع نظيره كانت مثمرة وبناءة."
LAST = "وأضاف أن الجانبين اتفقا على عقد جولة جديدة من المحادثات الشهر المقبل في العاصمة."
DAY = datetime(2025, 10, 12)


def read(line: str) -> DateLine:
    found = date_line(line)
    assert found is not None, line
    return found


def published(found: DateLine) -> datetime | None:
    return resolve(found.published, None).value if found.published is not None else None


def updated(found: DateLine) -> datetime | None:
    return resolve(found.updated, None).value if found.updated is not None else None


def same_moment(value: datetime | None, expected: datetime) -> bool:
    """Equal and in the same zone (or both floating): 10:30 UTC is not 13:30 UTC+3 here."""
    return (
        value is not None
        and value.replace(tzinfo=None) == expected.replace(tzinfo=None)
        and (value.utcoffset() == expected.utcoffset())
    )


def article(*lines: str) -> Scraped:
    return parse_scraped("\n".join([HEADLINE, *lines, LEAD, LAST]), "f.txt")


def dropped(scraped: Scraped) -> dict[str, str]:
    return {d.text: d.reason for d in scraped.dropped}


# --------------------------------------------------------------------------- counters after the date


@pytest.mark.parametrize(
    ("line", "counters"),
    [
        ("الأحد 12 أكتوبر 2025 - 1234 مشاهدة", "1234 مشاهدة"),
        ("الأحد 12 أكتوبر 2025 - 0 تعليق", "0 تعليق"),
        ("الأحد 12 أكتوبر 2025 | 3 دقائق للقراءة", "3 دقائق للقراءة"),
        ("الأحد 12 أكتوبر 2025 عدد القراءات: 450", "عدد القراءات: 450"),
        ("12 أكتوبر 2025 - لا توجد تعليقات", "لا توجد تعليقات"),
        ("12 أكتوبر 2025 - 12 ألف مشاهدة", "12 ألف مشاهدة"),
        ("١٢ أكتوبر ٢٠٢٥ - ١٢٣٤ مشاهدة", "١٢٣٤ مشاهدة"),
        ("12 أكتوبر 2025 | 9.6K views", "9.6K views"),
        ("October 12, 2025 · 5 min read", "5 min read"),
        ("الأحد 12 أكتوبر 2025 تعليق", "تعليق"),  # the year is not taken for the count
    ],
)
def test_counters_after_the_date_are_left_out_as_counters(line: str, counters: str) -> None:
    found = read(line)
    assert published(found) == DAY and found.updated is None
    assert (found.rest, found.rest_reason) == (counters, COUNTERS_BESIDE_DATE)


def test_counters_after_a_section_and_a_date_go_with_the_section() -> None:
    found = read("سياسة | 12 أكتوبر 2025 | 1234 مشاهدة")
    assert published(found) == DAY
    assert (found.rest, found.rest_reason) == ("سياسة 1234 مشاهدة", NAME_BEFORE_DATE)


@pytest.mark.parametrize(
    "line",
    [
        "1234 مشاهدة",
        "وزارة الصحة سجلت 12 أكتوبر 2025 1234 مشاهدة",
        "وزير الخارجية يصل القاهرة - 12 أكتوبر 2025 - 1234 مشاهدة",
        "منذ 3 ساعات - 1234 مشاهدة",  # no day is written: counters alone make no date line
    ],
)
def test_counters_beside_no_date_or_beside_a_sentence_are_no_date_line(line: str) -> None:
    assert date_line(line) is None


def test_an_import_drops_the_counters_with_their_reason() -> None:
    scraped = article("الأحد 12 أكتوبر 2025 - 1234 مشاهدة")
    assert scraped.date == DAY and not scraped.date_has_time
    assert scraped.body.split("\n\n") == [LEAD, LAST]
    assert dropped(scraped) == {"1234 مشاهدة": COUNTERS_BESIDE_DATE}


# --------------------------------------------------------------------------- a section or a place before the date


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("سياسة | 12 أكتوبر 2025", "سياسة"),
        ("القاهرة - 12 أكتوبر 2025", "القاهرة"),
        ("رام الله - الأحد 12 أكتوبر 2025", "رام الله"),
        ("أخبار مصر | يوم الأحد 12 أكتوبر 2025", "أخبار مصر"),
    ],
)
def test_a_section_or_a_place_before_the_date_is_left_out(line: str, name: str) -> None:
    found = read(line)
    assert published(found) == DAY
    assert (found.rest, found.rest_reason) == (name, NAME_BEFORE_DATE)


@pytest.mark.parametrize(
    "line",
    [
        "قال الوزير - في 12 أكتوبر 2025 - إن الاجتماع سيعقد في موعده",
        "قال الوزير - في 12 أكتوبر 2025",
        "وزير الخارجية يصل القاهرة - 12 أكتوبر 2025",
        "الرئيس يزور القاهرة | 12 أكتوبر 2025",
        "القاهرة - منذ 3 ساعات",
        "سياسة | أمس",
    ],
)
def test_a_headline_or_a_sentence_with_a_dash_and_a_date_is_no_date_line(line: str) -> None:
    assert date_line(line) is None


def test_an_import_leaves_the_place_out_and_does_not_take_it_for_the_outlet() -> None:
    scraped = article("القاهرة - 12 أكتوبر 2025")
    assert scraped.date == DAY
    assert scraped.source is None
    assert scraped.body.split("\n\n") == [LEAD, LAST]
    assert dropped(scraped) == {"القاهرة": NAME_BEFORE_DATE}


def test_a_headline_with_its_date_stays_the_headline() -> None:
    title = "وزير الخارجية يصل القاهرة - 12 أكتوبر 2025"
    scraped = parse_scraped("\n".join([title, "نشر في: 13 أكتوبر 2025", LEAD, LAST]), "h.txt")
    assert scraped.title == title
    assert scraped.date == datetime(2025, 10, 13)


def test_a_body_sentence_with_a_dash_and_a_date_stays_in_the_body() -> None:
    sentence = "قال الوزير - في 12 أكتوبر 2025 - إن الاجتماع سيعقد في موعده."
    scraped = parse_scraped("\n".join([HEADLINE, "نشر في: 13 أكتوبر 2025", LEAD, sentence, LAST]), "s.txt")
    assert scraped.date == datetime(2025, 10, 13)
    assert scraped.body.split("\n\n") == [LEAD, sentence, LAST]


# --------------------------------------------------------------------------- the writer before the date


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("الكاتب: فلان - 12 أكتوبر 2025", "الكاتب: فلان"),
        ("نُشر بواسطة: فلان الفلاني في الأحد 12 أكتوبر 2025", "نُشر بواسطة: فلان الفلاني"),
        ("بواسطة: سارة أحمد | 12 أكتوبر 2025", "بواسطة: سارة أحمد"),
        ("By John Smith on October 12, 2025", "By John Smith"),
    ],
)
def test_the_writer_before_the_date_is_left_out_as_a_byline(line: str, byline: str) -> None:
    found = read(line)
    assert published(found) == DAY
    assert (found.rest, found.rest_reason) == (byline, BYLINE_BESIDE_DATE)


@pytest.mark.parametrize(
    "line",
    [
        "أعداد الضحايا في 12 أكتوبر 2025",  # أعداد: "numbers", not إعداد "prepared by"
        "by the end of October 12, 2025",
        "الكاتب: فلان الفلاني يكتب اليوم عن الحرب الطويلة في بلاده في 12 أكتوبر 2025",
    ],
)
def test_a_sentence_that_begins_like_a_byline_is_no_date_line(line: str) -> None:
    assert date_line(line) is None


def test_an_import_drops_the_writer_with_the_byline_reason() -> None:
    scraped = article("نُشر بواسطة: سارة أحمد في الأحد 12 أكتوبر 2025")
    assert scraped.date == DAY
    assert scraped.body.split("\n\n") == [LEAD, LAST]
    assert dropped(scraped) == {"نُشر بواسطة: سارة أحمد": BYLINE_BESIDE_DATE}


# --------------------------------------------------------------------------- the update printed first


@pytest.mark.parametrize(
    "line",
    [
        "آخر تحديث: 13 أكتوبر 2025 10:00 نشر: 12 أكتوبر 2025 09:00",
        "آخر تحديث: 13 أكتوبر 2025 10:00 | تاريخ النشر: 12 أكتوبر 2025 09:00",
        "آخر تحديث: 13 أكتوبر 2025 10:00 نشر في 12 أكتوبر 2025 09:00",
        "Updated: October 13, 2025 10:00 Published: October 12, 2025 09:00",
    ],
)
def test_an_update_printed_before_the_publication_is_read_as_the_update(line: str) -> None:
    found = read(line)
    assert published(found) == datetime(2025, 10, 12, 9, 0)
    assert updated(found) == datetime(2025, 10, 13, 10, 0)
    assert found.rest is None


def test_words_after_an_update_that_are_no_publication_label_give_no_publication() -> None:
    found = read("آخر تحديث: 13 أكتوبر 2025 10:00 نشر الجيش صورا")
    assert found.published is None
    assert updated(found) == datetime(2025, 10, 13, 10, 0)


def test_a_sentence_before_an_update_label_is_no_date_line() -> None:
    assert date_line("وقال إن آخر تحديث للخطة كان في 13 أكتوبر 2025 نشر: 12 أكتوبر 2025") is None


def test_an_import_takes_both_dates_from_an_update_printed_first() -> None:
    scraped = article("آخر تحديث: 13 أكتوبر 2025 10:00 نشر: 12 أكتوبر 2025 09:00")
    assert scraped.date == datetime(2025, 10, 12, 9, 0) and scraped.date_has_time
    assert scraped.updated == datetime(2025, 10, 13, 10, 0)
    assert scraped.body.split("\n\n") == [LEAD, LAST]


# --------------------------------------------------------------------------- a month's name between slashes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12/أكتوبر/2025", DAY),
        ("الأحد 12 / أكتوبر / 2025", DAY),
        ("نشر في: 12/أكتوبر/2025 - 10:30", datetime(2025, 10, 12, 10, 30)),
        ("03/آب/2025", datetime(2025, 8, 3)),
    ],
)
def test_a_month_name_between_slashes(line: str, expected: datetime) -> None:
    assert published(read(line)) == expected


@pytest.mark.parametrize("line", ["12/أكتوبر", "وقع الحادث في 12/أكتوبر/2025 في المدينة"])
def test_a_month_name_between_slashes_without_a_year_or_in_a_sentence(line: str) -> None:
    assert date_line(line) is None


# --------------------------------------------------------------------------- parts of the day


@pytest.mark.parametrize(
    ("written", "hour", "minute"),
    [
        ("2:30 ظهراً", 14, 30),
        ("11:30 ظهراً", 11, 30),
        ("12:15 ظهراً", 12, 15),
        ("1:30 الظهر", 13, 30),
        ("2:30 بعد الظهر", 14, 30),
        ("4:30 عصراً", 16, 30),
        ("5:30 فجراً", 5, 30),
        ("10:30 ليلاً", 22, 30),
        ("1:00 ليلاً", 1, 0),
        ("1 ليلاً", 1, 0),
        ("الساعة 1 ليلاً", 1, 0),
        ("12 ليلاً", 0, 0),
        ("الساعة 9 صباحاً", 9, 0),
        ("الساعة 07 مساءً", 19, 0),
    ],
)
def test_a_part_of_the_day_after_the_time(written: str, hour: int, minute: int) -> None:
    found = read(f"الأحد 12 أكتوبر 2025 {written}")
    assert found.published is not None and found.published.clock == (hour, minute, 0)
    assert published(found) == datetime(2025, 10, 12, hour, minute)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("نشر في: 12 أكتوبر 2025 ليلاً", None),  # a part of the day without an hour gives no time
        ("الأحد 12 أكتوبر 2025 م", None),  # the Gregorian mark after the year is no hour
    ],
)
def test_no_hour_is_read_where_none_is_written(line: str, expected: None) -> None:
    found = read(line)
    assert found.published is not None and found.published.clock is expected
    assert published(found) == DAY


def test_a_part_of_the_day_without_a_label_or_an_hour_is_no_date_line() -> None:
    assert date_line("12 أكتوبر 2025 ليلاً") is None


def test_an_import_reads_the_part_of_the_day() -> None:
    scraped = article("الأحد 12 أكتوبر 2025 - 4:30 عصراً")
    assert scraped.date == datetime(2025, 10, 12, 16, 30) and scraped.date_has_time
    assert scraped.date.tzinfo is None


# --------------------------------------------------------------------------- abbreviated zones


@pytest.mark.parametrize(
    ("line", "expected", "written"),
    [
        ("الأحد 12 أكتوبر 2025 - 10:30 ت.غ", datetime(2025, 10, 12, 10, 30, tzinfo=UTC), "ت.غ"),
        ("الأحد 12 أكتوبر 2025 - 10:30 (ت غ)", datetime(2025, 10, 12, 10, 30, tzinfo=UTC), "ت غ"),
        ("الأحد 12 أكتوبر 2025 - 10:30 ت.م", datetime(2025, 10, 12, 10, 30, tzinfo=PLUS3), "ت.م"),
        ("نشر في: 12 أكتوبر 2025 10:30 ص ت م", datetime(2025, 10, 12, 10, 30, tzinfo=PLUS3), "ت م"),
    ],
)
def test_abbreviated_zones(line: str, expected: datetime, written: str) -> None:
    found = read(line)
    assert found.published is not None and found.published.zone_written == written
    assert same_moment(published(found), expected)


@pytest.mark.parametrize(
    "line",
    [
        "نشر في: 12 أكتوبر 2025 10:30",  # no zone written: the time floats, none is made up
        "نشر في: 12 أكتوبر 2025 10:30 م",  # م after the time is the afternoon, not Mecca's zone
    ],
)
def test_no_zone_is_read_where_none_is_written(line: str) -> None:
    found = read(line)
    assert found.published is not None
    assert found.published.zone is None and found.published.zone_written is None


def test_the_word_tam_is_no_abbreviated_zone() -> None:
    assert date_line("12 أكتوبر 2025 10:30 تم") is None


def test_an_import_keeps_the_abbreviated_zone() -> None:
    scraped = article("الأحد 12 أكتوبر 2025 - 10:30 ت.م")
    assert scraped.date is not None and scraped.date_has_time
    assert same_moment(scraped.date, datetime(2025, 10, 12, 10, 30, tzinfo=PLUS3))


# --------------------------------------------------------------------------- publication and update labels


@pytest.mark.parametrize(
    "label",
    [
        "تاريخ ووقت النشر:",
        "وقت النشر:",
        "تاريخ الخبر:",
        "تاريخ الإضافة:",
        "أضيف بتاريخ",
        "أُضيف في",
        "منشور في",
        "منشور بتاريخ:",
        "نشرت بتاريخ",
        "published at",
    ],
)
def test_publication_labels(label: str) -> None:
    found = read(f"{label} 12 أكتوبر 2025 10:30")
    assert published(found) == datetime(2025, 10, 12, 10, 30)
    assert found.updated is None


@pytest.mark.parametrize("label", ["آخر تحديث في", "تاريخ التعديل:", "عُدّل في", "updated at"])
def test_update_labels(label: str) -> None:
    found = read(f"{label} 13 أكتوبر 2025 10:30")
    assert found.published is None
    assert updated(found) == datetime(2025, 10, 13, 10, 30)


def test_publication_then_new_update_label_on_one_line() -> None:
    found = read("نشر في: 12 أكتوبر 2025 آخر تحديث في 13 أكتوبر 2025")
    assert (published(found), updated(found)) == (DAY, datetime(2025, 10, 13))


@pytest.mark.parametrize(
    "line",
    [
        "أكد أن الحكم عدل في 12 أكتوبر 2025",
        "وزير العدل في 12 أكتوبر 2025",
        "منشور في الصحف 12 أكتوبر 2025",
    ],
)
def test_label_words_inside_a_sentence_are_no_labels(line: str) -> None:
    assert date_line(line) is None


def test_an_import_reads_a_new_update_label() -> None:
    scraped = article("نشر في: 12 أكتوبر 2025", "تاريخ التعديل: 13 أكتوبر 2025 10:30")
    assert scraped.date == DAY
    assert scraped.updated == datetime(2025, 10, 13, 10, 30)
