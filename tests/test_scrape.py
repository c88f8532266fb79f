"""The scraped-article parser: two real scrapes and hand-made samples in other outlets' layouts.

The hand-made samples live in ``tests/fixtures/scrape/``; the two real scrapes are read
from the shared seeds (``conftest.seed_text``: never committed, skipped where absent).
Texts are read as bytes and decoded so CRLF samples keep their line ends.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.diagnostics import Diagnostics, Severity
from digest.editor.scrape import ReadAlso, Scraped, ScrapedPost, parse_scraped
from digest.editor.scrape.spelling import phrase_key
from digest.markup import make_parser, parse_body

from .conftest import ROOT, SEED_24, SEED_RT, SEEDS, seed_text

FIXTURES = ROOT / "tests" / "fixtures" / "scrape"
PLUS3 = timezone(timedelta(hours=3))
PLUS4 = timezone(timedelta(hours=4))


def raw(name: str) -> str:
    """A raw text by file name: one of the shared seeds, or a hand-made sample."""
    if name in SEEDS:
        return seed_text(name)
    return (FIXTURES / name).read_bytes().decode("utf-8")


def raw_lines(name: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", raw(name))


def known() -> tuple[list[str], list[str]]:
    """Tags used by the sample articles and every entity name and alias (as the importer passes them)."""
    tags: set[str] = set()
    names: set[str] = set()
    for path in (ROOT / "content" / "articles").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) or {}
        tags.update(front.get("tags") or [])
    for path in (ROOT / "content" / "entities").glob("*.yaml"):
        entity = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names.update((entity.get("name") or {}).values())
        for aliases in (entity.get("aliases") or {}).values():
            names.update(aliases)
    return sorted(tags), sorted(names)


def parse(name: str, **options: object) -> Scraped:
    if "known_tags" not in options:
        options["known_tags"], options["known_names"] = known()
    return parse_scraped(raw(name), name, **options)  # type: ignore[arg-type]


def paragraphs(scraped: Scraped) -> list[str]:
    return scraped.body.split("\n\n")


def messages(scraped: Scraped) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in scraped.diagnostics]


def warned(scraped: Scraped, line: int, text: str) -> bool:
    return any(d.line == line and text in d.message for d in scraped.diagnostics)


def assert_valid_body(scraped: Scraped, name: str) -> None:
    """The body must be digest Markdown the build accepts (post blocks included)."""
    diags = Diagnostics()
    body = parse_body(make_parser(), scraped.body, name, 1, diags)
    assert not diags.has_errors, [d.format() for d in diags]
    assert len(body.posts) == len(scraped.posts)


# --------------------------------------------------------------------------- the real seeds


class TestSeed000:
    """RT Arabic: headline, GMT date lines, a glued photo credit, a sentence cut by a lost link, empty source."""

    name = SEED_RT

    @pytest.fixture(scope="class")
    @classmethod
    def scraped(cls) -> Scraped:
        return parse(cls.name)

    def test_title(self, scraped: Scraped) -> None:
        assert scraped.title == 'أمين عام "الناتو" يزعم بوجود قوات كورية شمالية في مقاطعة كورسك الحدودية الروسية'
        assert "title (line 1)" in scraped.found

    def test_dates(self, scraped: Scraped) -> None:
        assert scraped.date == datetime(2024, 10, 28, 12, 56, tzinfo=UTC)
        assert scraped.date.utcoffset() == timedelta(0)
        assert scraped.date_has_time is True
        assert scraped.updated == datetime(2024, 10, 28, 13, 47, tzinfo=UTC)
        assert "publication date 2024-10-28 12:56 UTC (line 2)" in scraped.found
        assert "update date 2024-10-28 13:47 UTC (line 3)" in scraped.found

    def test_image_credit_is_repaired_and_the_repair_reported(self, scraped: Scraped) -> None:
        assert scraped.image_credit == "Global Look Press / Martyn Wheatley / Keystone Press Agency"
        guesses = "\n".join(scraped.guessed)
        assert "'WheatleyKeystone' → 'Wheatley / Keystone'" in guesses
        assert "'Globallookpress' → 'Global Look Press'" in guesses

    def test_empty_source_line_is_a_warning(self, scraped: Scraped) -> None:
        assert scraped.source is None
        assert warned(scraped, 16, "empty source line")

    def test_no_tags_related_posts_or_pasted_articles(self, scraped: Scraped) -> None:
        assert scraped.tags == ()
        assert scraped.related == ()
        assert scraped.posts == ()
        assert scraped.read_also == ()

    def test_cut_sentence_is_joined_and_warned_on_its_second_line(self, scraped: Scraped) -> None:
        joined = paragraphs(scraped)[1]
        assert joined.startswith("جاء ذلك فيما …، حيث تابع الموقع أن ذلك")
        assert joined.endswith('"مساعدة فلاديمير بوتين في استعادة الأراضي".')
        cut = [d for d in scraped.diagnostics if "sentence cut" in d.message]
        assert [(d.line, d.col, d.severity) for d in cut] == [(7, 1, Severity.WARNING)]

    def test_body_boundaries_and_nothing_lost(self, scraped: Scraped) -> None:
        lines = raw_lines(self.name)
        body = paragraphs(scraped)
        assert len(body) == 10
        assert body[0] == lines[4]
        assert body[-1] == lines[14] == "ولم يرد حتى لحظة نشر هذا الخبر رد من الجانب الروسي على هذه التصريحات."
        for line in lines[4:15]:
            assert line in scraped.body
        for boilerplate in ("المصدر", "تاريخ النشر", "Globallookpress", lines[0]):
            assert boilerplate not in scraped.body

    def test_only_the_two_expected_warnings(self, scraped: Scraped) -> None:
        assert [line for line, _ in messages(scraped)] == [7, 16]
        assert all(d.severity is Severity.WARNING and d.path == self.name for d in scraped.diagnostics)

    def test_body_is_valid_markup(self, scraped: Scraped) -> None:
        assert_valid_body(scraped, self.name)


class TestSeed001:
    """موقع 24: no headline or date, a tweet embed, tags run together, a pasted article, a related list."""

    name = SEED_24
    medvedev = 'مدفيديف: إلغاء مجلس "روسيا-الناتو" يؤكد أن الحلف عدو لروسيا'

    @pytest.fixture(scope="class")
    @classmethod
    def scraped(cls) -> Scraped:
        return parse(cls.name)

    def test_no_title_and_no_date_are_warnings_not_inventions(self, scraped: Scraped) -> None:
        assert scraped.title is None
        assert scraped.date is None and scraped.date_has_time is False and scraped.updated is None
        found = [m for _, m in messages(scraped)]
        assert "no title found: give one with --title" in found
        assert "no publication date found: give one with --date" in found

    def test_source(self, scraped: Scraped) -> None:
        assert scraped.source == "موقع 24"
        assert "source 'موقع 24' (line 21)" in scraped.found

    def test_tags_split_with_known_names(self, scraped: Scraped) -> None:
        for tag in ("كوريا الشمالية", "الناتو", "الحرب الأوكرانية"):
            assert tag in scraped.tags
        assert len(scraped.tags) == len(set(scraped.tags))
        assert scraped.tags.index("الحرب الأوكرانية") < scraped.tags.index("كوريا الشمالية")
        # nothing of the tag line is lost: every word is in some tag
        words = raw_lines(self.name)[22].split(":", 1)[1].split()
        assert set(words) <= {w for tag in scraped.tags for w in tag.split()}
        ambiguous = [d for d in scraped.diagnostics if "ambiguous tags kept whole" in d.message]
        assert ambiguous and all(d.line == 23 for d in ambiguous)
        assert "عام على حرب غزة" in ambiguous[0].message
        assert any("tags split using known names" in g for g in scraped.guessed)

    def test_tags_without_known_names_stay_whole_with_a_warning(self) -> None:
        scraped = parse(self.name, known_tags=(), known_names=())
        assert len(scraped.tags) == 1
        assert scraped.tags[0].startswith("عام على حرب غزة") and scraped.tags[0].endswith("الناتو")
        assert warned(scraped, 23, "ambiguous tags kept whole")

    def test_related_titles(self, scraped: Scraped) -> None:
        listed = tuple(line.strip().removeprefix("• ") for line in raw_lines(self.name)[48:58])
        assert len(listed) == 10 and all(title and not title.startswith("•") for title in listed)
        assert scraped.related == listed
        assert self.medvedev in scraped.related
        assert len(set(scraped.related)) == len(scraped.related)

    def test_embedded_post(self, scraped: Scraped) -> None:
        assert scraped.posts == (
            ScrapedPost(
                author="Slippery Mountaineer",
                handle="@slippy_mountain",
                date="2024-10-23",
                url="https://pic.twitter.com/S8qCGbfmio",
                lang="en",
                text="⚡️Newsflash Rutte: There are NO North Korean troops fighting in Ukraine, nor will there be."
                "\n\nThey are not required.…",
            ),
        )
        block = (
            '::: post author="Slippery Mountaineer" handle="@slippy_mountain" date=2024-10-23 lang=en platform=x '
            'url="https://pic.twitter.com/S8qCGbfmio"\n'
            "⚡️Newsflash Rutte: There are NO North Korean troops fighting in Ukraine, nor will there be.\n\n"
            "They are not required.…\n:::"
        )
        assert block in scraped.body
        assert any("embedded post boundary: 2 paragraphs before line 15" in g for g in scraped.guessed)

    def test_english_paragraph_before_the_post_stays_in_the_body(self, scraped: Scraped) -> None:
        english = raw_lines(self.name)[8]
        assert english.startswith("If North Korea sends troops")
        assert english in paragraphs(scraped)
        assert scraped.body.index(english) < scraped.body.index("::: post")
        assert english not in scraped.posts[0].text

    def test_pasted_article_is_split_off(self, scraped: Scraped) -> None:
        lines = raw_lines(self.name)
        assert len(scraped.read_also) == 1
        extra: ReadAlso = scraped.read_also[0]
        assert extra.title == self.medvedev
        assert extra.line == 27
        parts = extra.body.split("\n\n")
        assert parts[0] == lines[28]
        assert parts[-1] == lines[44]
        assert len(parts) == 5  # the NBSP-only lines between them are blank lines
        assert "مدفيديف" not in scraped.body

    def test_body_boundaries(self, scraped: Scraped) -> None:
        lines = raw_lines(self.name)
        body = paragraphs(scraped)
        assert body[0] == lines[0]
        assert body[-1] == lines[18] == "ومع ذلك، قال إن سيؤول ستقدم أحدث المعلومات في أوائل الأسبوع المقبل."
        for line in (lines[i] for i in (0, 2, 4, 6, 8, 16, 18)):
            assert line in body
        for marker in ("المصدر", "كلمات دلالية", "إقرأ أيضاً", "مقالات مشابهة", "•", "required.… pic", "— Slippery"):
            assert marker not in scraped.body

    def test_body_is_valid_markup(self, scraped: Scraped) -> None:
        assert_valid_body(scraped, self.name)


# --------------------------------------------------------------------------- other outlets' layouts


def test_aljazeera_style() -> None:
    """Date alone, update glued to its time with بتوقيت مكة, share buttons, caption credit, a mid-body list, a URL."""
    name = "aljazeera_style.txt"
    scraped = parse(name)
    lines = raw_lines(name)
    assert scraped.title == "مصادر: كوريا الشمالية ترسل آلاف الجنود إلى جبهة كورسك"
    assert scraped.date == datetime(2024, 10, 28) and scraped.date_has_time is False
    assert scraped.updated == datetime(2024, 10, 28, 11, 39, tzinfo=PLUS3)
    assert scraped.updated.utcoffset() == timedelta(hours=3)
    assert scraped.image_credit == "رويترز"
    assert scraped.source == "الجزيرة + وكالات"
    assert scraped.tags == ()
    assert scraped.related == (
        "روسيا تنفي وجود قوات كورية شمالية على أراضيها",
        "الناتو يدعو ممثلي كوريا الجنوبية إلى اجتماع طارئ في بروكسل",
    )
    assert paragraphs(scraped) == [lines[6], lines[7], lines[13], lines[14]]
    assert "أمس الأحد" in scraped.body  # a relative word inside a sentence is not a date line
    assert "dropped boilerplate 'شارك' (line 4)" in scraped.found
    assert "dropped boilerplate 'Facebook Twitter WhatsApp' (line 5)" in scraped.found
    assert [(d.line, d.col) for d in scraped.diagnostics] == [(15, lines[14].index("https") + 1)]
    assert "leftover link" in scraped.diagnostics[0].message
    assert_valid_body(scraped, name)


def test_skynews_style() -> None:
    """Dateline with the outlet, Arabic month names with بتوقيت أبوظبي, tags with ، and an Arabic tweet."""
    name = "skynews_style.txt"
    scraped = parse(name)
    lines = raw_lines(name)
    assert scraped.title == "قطر تدعو إلى وقف فوري للتصعيد في أوكرانيا"
    assert scraped.date == datetime(2024, 10, 28, 12, 56, tzinfo=PLUS4)
    assert scraped.date.utcoffset() == timedelta(hours=4) and scraped.date_has_time
    assert scraped.updated == datetime(2024, 10, 28, 13, 47, tzinfo=PLUS4)
    assert "publication date 2024-10-28 12:56 UTC+04:00 (line 3)" in scraped.found
    assert scraped.image_credit == "صورة أرشيفية"
    assert scraped.source == "سكاي نيوز عربية"
    assert any("taken from the dateline" in g for g in scraped.guessed)
    assert scraped.tags == ("قطر", "أوكرانيا", "روسيا", "كوريا الشمالية", "الناتو")
    assert scraped.posts == (
        ScrapedPost(
            author="الخارجية القطرية",
            handle="@MofaQatar_AR",
            date="2024-10-28",
            url="https://pic.twitter.com/QaTr28Oct",
            lang="ar",
            text=lines[10].replace(" pic.twitter.com/QaTr28Oct", ""),
        ),
    )
    body = paragraphs(scraped)
    assert body[0] == lines[6]
    assert body[1] == lines[8]  # the introduction ending with ":" is not part of the post
    assert body[2].startswith('::: post author="الخارجية القطرية" handle="@MofaQatar_AR" date=2024-10-28 lang=ar')
    assert body[-1] == lines[14]
    assert "تابعونا" not in scraped.body and "شارك" not in body
    assert scraped.diagnostics == ()
    assert_valid_body(scraped, name)


def test_asharq_style_with_crlf_breadcrumb_hijri_date_and_newline_tags() -> None:
    name = "asharq_style.txt"
    assert "\r\n" in raw(name) and "\u00a0" in raw(name)
    scraped = parse(name)
    lines = raw_lines(name)
    assert scraped.title == "سيول تستدعي السفير الروسي احتجاجاً على إرسال قوات كورية شمالية"
    assert scraped.date == datetime(2024, 10, 28, 17, 40)
    assert any("has no time zone: kept without one" in g for g in scraped.guessed)
    assert scraped.updated is None and scraped.image_credit is None
    assert scraped.source == "الشرق الأوسط"
    assert scraped.tags == ("كوريا الجنوبية", "روسيا", "كوريا الشمالية")
    assert scraped.related == ()  # "most read" lists are not related articles
    assert paragraphs(scraped) == [lines[5], lines[7], lines[8]]
    assert "\r" not in scraped.body and "\u00a0" not in scraped.body
    for dropped in ("الرئيسية", "النشرة", "الأكثر قراءة", "مقتل ثلاثة", "ربيع"):
        assert dropped not in scraped.body
    assert scraped.diagnostics == ()
    assert_valid_body(scraped, name)


def test_youm7_style_with_arabic_indic_digits() -> None:
    """A kicker, a byline, a weekday date in Arabic-Indic digits with م, an inline "read also", an app prompt."""
    name = "youm7_style.txt"
    scraped = parse(name)
    lines = raw_lines(name)
    assert scraped.title == lines[1]
    assert "section label 'عاجل' (line 1) dropped" in scraped.found
    assert "byline 'كتب أحمد عبد الله' (line 3) dropped" in scraped.found
    assert scraped.date == datetime(2024, 10, 28, 12, 56) and scraped.date_has_time
    assert scraped.related == ("الخارجية: مصر تدعم كل جهود التسوية السلمية للأزمة الأوكرانية",)
    assert scraped.source is None and scraped.tags == () and scraped.image_credit is None
    assert paragraphs(scraped) == [lines[4], lines[5], lines[7]]
    assert "١٢ ألف جندي" in scraped.body  # digits in the body are left as written
    assert "حمّل تطبيق" not in scraped.body and "كتب أحمد" not in scraped.body
    assert scraped.diagnostics == ()
    assert_valid_body(scraped, name)


def test_relative_date_resolves_against_the_reference_date() -> None:
    """Levantine months, أمس + weekday + م, a labelled photo credit, tags with |, a bulleted related list."""
    name = "levant_relative.txt"
    scraped = parse(name, reference_date=date(2024, 10, 23))
    lines = raw_lines(name)
    assert scraped.title == "ميقاتي يحذر من انعكاسات الحرب الأوكرانية على لبنان"
    assert scraped.date == datetime(2024, 10, 22, 22, 30) and scraped.date_has_time
    assert scraped.updated == datetime(2024, 10, 23)
    assert any("'أمس' resolved against 2024-10-23 as 2024-10-22" in g for g in scraped.guessed)
    assert scraped.image_credit == "الوكالة الوطنية للإعلام"
    assert scraped.tags == ("لبنان", "أوكرانيا", "الحرب الأوكرانية")
    assert scraped.related == (
        "البنك الدولي: الاقتصاد اللبناني قد ينكمش مجدداً هذا العام",
        "أسعار الخبز ترتفع في لبنان للمرة الثالثة",
    )
    assert paragraphs(scraped) == [lines[5], lines[7]]
    assert scraped.diagnostics == ()


def test_relative_date_without_reference_is_a_warning() -> None:
    scraped = parse("levant_relative.txt")
    assert scraped.date is None
    assert warned(scraped, 2, "relative date 'أمس' cannot be resolved")
    assert warned(scraped, 0, "no publication date found: give one with --date")
    assert scraped.updated == datetime(2024, 10, 23)


def test_relative_date_with_the_wrong_weekday_is_warned() -> None:
    scraped = parse("levant_relative.txt", reference_date=date(2024, 10, 25))
    assert scraped.date == datetime(2024, 10, 24, 22, 30)
    assert warned(scraped, 2, "the weekday written does not match 2024-10-24 (a Thursday)")


def test_persian_digits_cut_sentence_punctuation_and_orphans() -> None:
    name = "persian_digits_cut.txt"
    scraped = parse(name)
    lines = raw_lines(name)
    assert scraped.title == "الكرملين: لا تعليق على تقارير نشر جنود كوريين شماليين"
    assert scraped.date == datetime(2024, 10, 28, 14, 5, tzinfo=PLUS3)
    assert scraped.image_credit == "Getty Images"
    assert scraped.related == () and scraped.tags == () and scraped.source is None
    body = paragraphs(scraped)
    assert body == [
        lines[4],
        'وقال بيسكوف في مؤتمر صحفي نقلته وكالة …, إن موسكو "تتصرف وفق القانون الدولي" في علاقاتها مع بيونغ يانغ.',
        "خلفية",
        lines[9],
    ]
    assert warned(scraped, 7, "sentence cut")
    assert warned(scraped, 8, "only punctuation")
    assert warned(scraped, 9, "very short line")
    assert "dropped boilerplate 'Share' (line 1)" in scraped.found
    assert [d.line for d in scraped.diagnostics] == [7, 8, 9]


def test_alarabiya_style_with_english_tweet_and_status_link() -> None:
    name = "alarabiya_style.txt"
    scraped = parse(name)
    lines = raw_lines(name)
    assert scraped.date == datetime(2024, 10, 28, 15, 15, tzinfo=PLUS3)
    assert scraped.image_credit == "AFP"
    assert scraped.source == "العربية.نت"
    assert scraped.tags == ("الناتو", "كوريا الشمالية", "روسيا-أوكرانيا")  # a hyphen inside a tag is kept
    (post,) = scraped.posts
    assert (post.author, post.handle, post.date, post.lang) == ("NATO", "@NATO", "2024-10-28", "en")
    assert post.url == "https://twitter.com/NATO/status/1850877654321098765"
    assert post.text == lines[9]
    assert paragraphs(scraped)[1] == lines[7]
    assert paragraphs(scraped)[-1] == lines[13]
    assert scraped.diagnostics == ()
    assert_valid_body(scraped, name)


def test_only_boilerplate() -> None:
    scraped = parse("only_boilerplate.txt")
    assert scraped.body == ""
    assert scraped.title is None and scraped.date is None and scraped.source is None
    assert {m for _, m in messages(scraped)} == {
        "no title found: give one with --title",
        "no publication date found: give one with --date",
        "empty source line: dropped",
    }
    assert sum("dropped boilerplate" in f for f in scraped.found) == 3


# --------------------------------------------------------------------------- small cases


@pytest.mark.parametrize(
    ("line", "expected", "has_time"),
    [
        ("تاريخ النشر: 28.10.2024 | 12:56 GMT", datetime(2024, 10, 28, 12, 56, tzinfo=UTC), True),
        ("نشر بتاريخ 2024-10-28", datetime(2024, 10, 28), False),
        ("2024-10-28T12:56:00+03:00", datetime(2024, 10, 28, 12, 56, tzinfo=PLUS3), True),
        ("الاثنين 28 تشرين الأول 2024 - 09:15 ص بتوقيت غرينتش", datetime(2024, 10, 28, 9, 15, tzinfo=UTC), True),
        ("٢٨ أكتوبر ٢٠٢٤ - ٠٣:٤٥ مساءً (GMT+3)", datetime(2024, 10, 28, 15, 45, tzinfo=PLUS3), True),
        ("نُشر في 28/10/2024 12:00 ص بتوقيت مكة", datetime(2024, 10, 28, 0, 0, tzinfo=PLUS3), True),
        ("Published: October 28, 2024 13:05 UTC", datetime(2024, 10, 28, 13, 5, tzinfo=UTC), True),
        ("28 آذار 2024", datetime(2024, 3, 28), False),
        ("الخميس، 1 فبراير 2024", datetime(2024, 2, 1), False),
    ],
)
def test_date_line_forms(line: str, expected: datetime, has_time: bool) -> None:
    text = f"عنوان تجريبي عن الأخبار العاجلة\n{line}\nفقرة أولى من نص الخبر تكفي لتكون فقرة كاملة في المتن."
    scraped = parse_scraped(text, "t.txt")
    assert scraped.date == expected
    assert scraped.date.utcoffset() == expected.utcoffset()
    assert scraped.date_has_time is has_time
    assert line not in scraped.body


def test_unknown_time_zone_is_read_as_utc_with_a_warning() -> None:
    text = "عنوان تجريبي عن الأخبار العاجلة\nنشر في: 28/10/2024 10:00 بتوقيت القاهرة\nنص الخبر كاملاً هنا."
    scraped = parse_scraped(text, "t.txt")
    assert scraped.date == datetime(2024, 10, 28, 10, 0)
    assert warned(scraped, 2, "time zone 'بتوقيت القاهرة' is not known")


def test_time_only_update_uses_the_publication_day_and_zone() -> None:
    text = "عنوان تجريبي عن الأخبار العاجلة\nنشر في: 28/10/2024 10:00 GMT+3\nآخر تحديث: 11:30\nنص الخبر كاملاً هنا."
    scraped = parse_scraped(text, "t.txt")
    assert scraped.updated == datetime(2024, 10, 28, 11, 30, tzinfo=PLUS3)


def test_date_words_inside_sentences_are_not_dates() -> None:
    text = (
        "عنوان تجريبي عن الأخبار العاجلة\n"
        "وقال الوزير أمس الثلاثاء إن الاجتماع المقبل سيعقد في 28 أكتوبر 2024 في العاصمة.\n"
        "نشر الجيش صورا يوم 28/10/2024 تظهر الدمار الذي خلفه القصف."
    )
    scraped = parse_scraped(text, "t.txt", reference_date=date(2024, 10, 23))
    assert scraped.date is None
    assert len(paragraphs(scraped)) == 2


def test_an_invalid_date_is_a_warning_not_an_exception() -> None:
    scraped = parse_scraped("عنوان تجريبي عن الأخبار العاجلة\nتاريخ النشر: 31/02/2024\nنص.", "t.txt")
    assert scraped.date is None
    assert warned(scraped, 2, "invalid date")


def test_markdown_syntax_in_scraped_text_is_escaped() -> None:
    first = "قال المتحدث في بيان اليوم إن الاجتماع سيعقد في موعده."
    text = f"عنوان تجريبي عن الأخبار العاجلة\n{first}\n# ليس عنوانا\n1. ليس قائمة\n::: quote x\nنص مع [[وسم]] غريب."
    scraped = parse_scraped(text, "t.txt")
    assert paragraphs(scraped) == [first, "\\# ليس عنوانا", "1\\. ليس قائمة", "\\::: quote x", "نص مع \\[[وسم]] غريب."]
    assert_valid_body(scraped, "t.txt")


def test_signature_on_the_same_line_as_the_post_text() -> None:
    text = (
        "عنوان تجريبي عن الأخبار العاجلة\n"
        "وكتب الوزير على حسابه:\n"
        "نرحب بأي مبادرة للسلام https://t.co/AbC123 — وزير الخارجية (@FM_Test) 23 أكتوبر 2024\n"
        "وتابع الوزير حديثه للصحفيين بعد ذلك."
    )
    scraped = parse_scraped(text, "t.txt")
    (post,) = scraped.posts
    assert post == ScrapedPost(
        "وزير الخارجية", "@FM_Test", "2024-10-23", "https://t.co/AbC123", "ar", "نرحب بأي مبادرة للسلام"
    )
    assert paragraphs(scraped)[0] == "وكتب الوزير على حسابه:"
    assert_valid_body(scraped, "t.txt")


def test_media_link_on_its_own_line_stays_with_the_post() -> None:
    text = (
        "عنوان تجريبي عن الأخبار العاجلة\n\n"
        "فقرة أولى من نص الخبر تكفي لتكون فقرة كاملة في المتن.\n\n"
        "نص التغريدة باللغة العربية\n\n"
        "pic.twitter.com/Zz9\n\n"
        "— حساب تجريبي (@test_account) 23 تشرين الأول 2024\n"
    )
    scraped = parse_scraped(text, "t.txt")
    (post,) = scraped.posts
    assert (post.text, post.url, post.lang, post.date) == (
        "نص التغريدة باللغة العربية",
        "https://pic.twitter.com/Zz9",
        "ar",
        "2024-10-23",
    )
    assert paragraphs(scraped)[0] == "فقرة أولى من نص الخبر تكفي لتكون فقرة كاملة في المتن."


def test_arabic_post_does_not_swallow_the_narration_before_it() -> None:
    text = (
        "عنوان تجريبي عن الأخبار العاجلة\n"
        "فقرة أولى من نص الخبر تكفي لتكون فقرة كاملة في المتن.\n"
        "وقال المتحدث إن الوضع مستقر.\n"
        "نص التغريدة باللغة العربية\n"
        "— حساب تجريبي (@test_account) 23 أكتوبر 2024"
    )
    scraped = parse_scraped(text, "t.txt")
    assert scraped.posts[0].text == "نص التغريدة باللغة العربية"
    assert paragraphs(scraped)[1] == "وقال المتحدث إن الوضع مستقر."
    assert any("narration" in g for g in scraped.guessed)


@pytest.mark.parametrize(
    "line", ["Share on Facebook", "شارك عبر واتساب", "© 2024 جميع الحقوق محفوظة", "تابعونا على تلغرام", "Share"]
)
def test_share_and_copyright_lines_are_dropped(line: str) -> None:
    text = f"عنوان تجريبي عن الأخبار العاجلة\nفقرة أولى من نص الخبر تكفي لتكون فقرة كاملة في المتن.\n{line}"
    scraped = parse_scraped(text, "t.txt")
    assert line not in scraped.body
    assert f"dropped boilerplate {line!r} (line 3)" in scraped.found


def test_copyright_sign_before_a_photographer_is_a_credit() -> None:
    text = "عنوان تجريبي عن الأخبار العاجلة\n© Sputnik / Ramil Sitdikov\nفقرة أولى من نص الخبر تكفي."
    assert parse_scraped(text, "t.txt").image_credit == "Sputnik / Ramil Sitdikov"


def test_hours_ago_resolves_to_the_reference_day() -> None:
    text = "عنوان تجريبي عن الأخبار العاجلة\nمنذ 3 ساعات\nفقرة أولى من نص الخبر تكفي."
    scraped = parse_scraped(text, "t.txt", reference_date=date(2024, 10, 28))
    assert scraped.date == datetime(2024, 10, 28) and not scraped.date_has_time
    assert any("resolved against 2024-10-28" in g for g in scraped.guessed)


def test_read_also_list_of_titles_is_not_an_article() -> None:
    text = (
        "عنوان تجريبي عن الأخبار العاجلة\n"
        "فقرة أولى من نص الخبر تكفي لتكون فقرة كاملة في المتن.\n"
        "إقرأ أيضاً:\n"
        "عنوان أول لمقال آخر\n"
        "عنوان ثان لمقال آخر\n"
        "فقرة ثانية من نص الخبر تعود بعد القائمة وتنتهي بنقطة.\n"
    )
    scraped = parse_scraped(text, "t.txt")
    assert scraped.related == ("عنوان أول لمقال آخر", "عنوان ثان لمقال آخر")
    assert scraped.read_also == ()
    assert len(paragraphs(scraped)) == 2


def test_relative_date_before_the_first_calendar_day_is_a_warning() -> None:
    scraped = parse_scraped(
        "عنوان تجريبي عن الأخبار العاجلة\nأمس الثلاثاء 10:00\nنص.", "t.txt", reference_date=date.min
    )
    assert scraped.date is None
    assert warned(scraped, 2, "falls outside the calendar")


@pytest.mark.parametrize("text", ["", "\n\n", "\u00a0\r\n \r\n", "x", "\x00\x01\ufffd", "\ud800"])
def test_degenerate_inputs(text: str) -> None:
    scraped = parse_scraped(text, "t.txt")
    assert scraped.date is None
    assert all(d.severity is Severity.WARNING for d in scraped.diagnostics)
    assert not any("internal error" in d.message for d in scraped.diagnostics)


# --------------------------------------------------------------------------- property

MARKERS = [
    "تاريخ النشر: 28.10.2024 | 12:56 GMT",
    "آخر تحديث:",
    "نشر في",
    "28/10/2024",
    "2024-10-28",
    "أمس",
    "اليوم",
    "أول أمس",
    "الاثنين",
    "تشرين الأول",
    "٢٨ أكتوبر ٢٠٢٤",
    "۱۲:۵۶",
    "م",
    "ص",
    "بتوقيت مكة",
    "GMT+3",
    "المصدر:",
    "المصدر: موقع 24",
    "كلمات دلالية:",
    "وسوم:",
    "مقالات مشابهة",
    "إقرأ أيضاً:",
    "اقرأ المزيد",
    "شارك",
    "Facebook Twitter WhatsApp",
    "تابعونا على",
    "اشترك في النشرة",
    "— A (@a) October 23, 2024",
    "pic.twitter.com/x",
    "(@",
    "—",
    "،",
    ",",
    "•",
    "\u00a0",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    ":::",
    "[[",
    "(الصورة: رويترز)",
    "Globallookpress",
    "https://x.com/a/status/1",
    "منذ 99999 يوم",
    "99:99",
    "2024-13-45T25:61",
    "GMT+99",
    "هـ",
    "ربيع الآخر",
]
pieces = st.one_of(st.sampled_from(MARKERS), st.text(max_size=12), st.sampled_from(["\n", " ", "\n\n"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(pieces, max_size=40).map("".join),
    st.one_of(st.none(), st.dates()),
)
def test_never_raises_and_diagnostics_point_into_the_text(text: str, reference: date | None) -> None:
    scraped = parse_scraped(
        text, "p.txt", known_tags=["الناتو", "كوريا الشمالية"], known_names=["روسيا"], reference_date=reference
    )
    line_count = len(re.split(r"\r\n|\r|\n", text))
    for diag in scraped.diagnostics:
        assert 0 <= diag.line <= line_count
        assert diag.col >= 0
        assert diag.severity is Severity.WARNING
        assert "internal error" not in diag.message, diag.message
    # A zone is never invented: a date-time is aware only when the text wrote a zone.
    if scraped.date is not None and scraped.date.tzinfo is not None:
        assert re.search(r"(?i)gmt|utc|توقيت|غرينتش|[+-]\d", text), text
    assert len(set(scraped.tags)) == len(scraped.tags)


# --------------------------------------------------------------------------- page furniture by features

_LEAD = "قال وزير الخارجية في مؤتمر صحفي اليوم إن المحادثات مع نظيره كانت مثمرة وبناءة."
_LAST = "وأضاف أن الجانبين اتفقا على عقد جولة جديدة من المحادثات الشهر المقبل في العاصمة."


def _furniture_case(*lines: str) -> Scraped:
    return parse_scraped("\n".join(["عنوان تجريبي عن زيارة الوزير إلى العاصمة", "28/10/2024", *lines]), "f.txt")


def _reasons(scraped: Scraped) -> dict[str, str]:
    return {d.text: d.reason for d in scraped.dropped}


def test_furniture_is_judged_by_shape_and_listed_with_its_reason() -> None:
    scraped = _furniture_case(
        "عاجل",
        "عنوان تجريبي عن زيارة الوزير إلى العاصمة",
        "A+ A-",
        "كتب : وكالات",
        _LEAD,
        "0 تعليق",
        "العدد : ١٧٠٤٧ - السنة الخمسون",
        "photo_2024-10-28.jpg",
        "حمل الآن تطبيق الموقع على هاتفك",
        _LAST + " minister-visit.jpg",
        "الكلمات الدالة",
    )
    assert paragraphs(scraped) == [_LEAD, _LAST]
    reasons = _reasons(scraped)
    assert reasons["عنوان تجريبي عن زيارة الوزير إلى العاصمة"] == "repeats the headline"
    assert reasons["A+ A-"].startswith(("font-size buttons", "not a sentence"))
    assert reasons["0 تعليق"] == "a counter"
    assert reasons["العدد : ١٧٠٤٧ - السنة الخمسون"] == "an issue header"
    assert reasons["photo_2024-10-28.jpg"] == "an image file name"
    assert reasons["minister-visit.jpg"] == "an image file name glued to the end of a paragraph"
    assert reasons["حمل الآن تطبيق الموقع على هاتفك"] == "a follow or app prompt"
    assert "الكلمات الدالة" in reasons


def test_a_short_line_inside_the_body_is_kept_as_a_subheading() -> None:
    scraped = _furniture_case(_LEAD, "ردود الفعل", _LAST)
    assert paragraphs(scraped) == [_LEAD, "ردود الفعل", _LAST]
    assert scraped.dropped == ()


def test_a_line_break_inside_a_sentence_is_joined_and_said() -> None:
    scraped = _furniture_case(
        "قال وزير الخارجية في مؤتمر صحفي عقده اليوم في", "العاصمة إن المحادثات كانت مثمرة.", _LAST
    )
    assert paragraphs(scraped)[0] == "قال وزير الخارجية في مؤتمر صحفي عقده اليوم في العاصمة إن المحادثات كانت مثمرة."
    assert any("a line break inside a sentence" in g for g in scraped.guessed)


def test_wire_end_marks_and_a_glued_dateline_are_cut_and_the_dateline_gives_the_date() -> None:
    text = "\n".join(
        [
            "عنوان تجريبي عن أسعار الذهب في الأسواق",
            "سارة أحمد - القاهرة في الثلاثاء 20 يناير 2026 12:29 مساءً - " + _LEAD,
            _LAST + " // انتهى // 22:01 ت م NNNN",
        ]
    )
    scraped = parse_scraped(text, "w.txt")
    assert paragraphs(scraped) == [_LEAD, _LAST]
    assert scraped.date == datetime(2026, 1, 20, 12, 29) and scraped.date_has_time
    reasons = _reasons(scraped)
    assert (
        reasons["سارة أحمد - القاهرة في الثلاثاء 20 يناير 2026 12:29 مساءً"]
        == "a dateline glued before the first sentence"
    )
    assert reasons["// انتهى // 22:01 ت م NNNN"] == "a wire service's end mark"


def test_a_banner_date_above_the_headline_gives_way_to_the_article_date() -> None:
    text = "\n".join(
        ["الأحد 21 ديسمبر 2025", "عنوان تجريبي عن زيارة الوزير إلى العاصمة", "تاريخ النشر: 24-نوفمبر-2024", _LEAD]
    )
    scraped = parse_scraped(text, "b.txt")
    assert scraped.date == datetime(2024, 11, 24)
    assert _reasons(scraped)["الأحد 21 ديسمبر 2025"].startswith("a date above the headline")


def test_the_outlet_profile_drops_its_lines_anywhere_even_where_the_headline_would_be() -> None:
    text = "\n".join(
        [
            "صحيفة تجريبية اليومية المستقلة",
            "عنوان تجريبي عن زيارة الوزير إلى العاصمة",
            "28/10/2024",
            _LEAD,
            "تابعونا على كل المنصات",
        ]
    )
    scraped = parse_scraped(text, "p.txt", furniture=["صحيفة تجريبية اليومية المستقلة", "تابعونا على كل المنصات"])
    assert scraped.title == "عنوان تجريبي عن زيارة الوزير إلى العاصمة"
    assert paragraphs(scraped) == [_LEAD]
    assert {d.reason for d in scraped.dropped} == {"this outlet prints it on its pages (outlet profile)"}
    assert phrase_key("صحيفة تجريبية اليومية المستقلة") in parse_scraped(text, "p.txt").candidates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("تاريخ النشر: 4th, November 2023 GMT", (datetime(2023, 11, 4), False)),
        ("28th, October 2024", (datetime(2024, 10, 28), False)),
        ("24-نوفمبر-2024", (datetime(2024, 11, 24), False)),
        ("الإثنين 07 مايو 2007 الساعة 07 مساءً / مأرب اليوم- متابعات", (datetime(2007, 5, 7, 19, 0), True)),
        ("٢٨ أكتوبر ٢٠٢٤ - ١٢:٥٦", (datetime(2024, 10, 28, 12, 56), True)),
        ("2025:03:14.11:05", (datetime(2025, 3, 14, 11, 5), True)),
        ("2025:03:14", (datetime(2025, 3, 14), False)),
        ("في 14/03/2025 على الساعة 11:05", (datetime(2025, 3, 14, 11, 5), True)),
        ("Publié le Vendredi 14 Mars 2025 - 21:40", (datetime(2025, 3, 14, 21, 40), True)),
        ("le 3 fevrier 2025 à 08:15", (datetime(2025, 2, 3, 8, 15), True)),
        ("14 août 2025", (datetime(2025, 8, 14), False)),
        ("Publié le : 28 février 2026 à 22h53", (datetime(2026, 2, 28, 22, 53), True)),
        ("1er mars 2026", (datetime(2026, 3, 1), False)),
    ],
)
def test_more_date_forms(line: str, expected: tuple[datetime, bool]) -> None:
    scraped = parse_scraped(f"عنوان تجريبي عن زيارة الوزير إلى العاصمة\n{line}\n{_LEAD}", "d.txt")
    assert (scraped.date.replace(tzinfo=None) if scraped.date else None, scraped.date_has_time) == expected


def test_a_masthead_and_a_split_headline_are_not_the_title_or_the_body() -> None:
    text = "\n".join(
        [
            "رئيس مجلس الإدارة",
            "سعاد منصور",
            "رئيس التحرير",
            "كريم فؤاد",
            "عاجل.. مجلس المدينة يقر خطة جديدة للنقل العام",
            "مجلس المدينة يقر خطة جديدة",
            "28/10/2024",
            _LEAD,
        ]
    )
    scraped = parse_scraped(text, "m.txt")
    assert scraped.title == "عاجل.. مجلس المدينة يقر خطة جديدة للنقل العام"
    assert paragraphs(scraped) == [_LEAD]
    reasons = _reasons(scraped)
    assert reasons["رئيس مجلس الإدارة"].startswith("the newspaper's masthead")
    assert reasons["مجلس المدينة يقر خطة جديدة"] == "repeats part of the headline"
