"""Page furniture judged by shape and place: one invented page per rule, in the shape of a real layout.

The pages are in ``tests/fixtures/scrape_furniture/``; each test asserts where the kept body
starts and ends and every line left out with its reason, so that a rule which begins to
drop a sentence, or stops dropping its furniture, shows here.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from digest.editor.scrape import Scraped, parse_scraped

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "scrape_furniture"


def parse(name: str) -> Scraped:
    return parse_scraped((FIXTURES / name).read_bytes().decode("utf-8"), name)


def paragraphs(scraped: Scraped) -> list[str]:
    return scraped.body.split("\n\n") if scraped.body else []


def dropped(scraped: Scraped) -> list[tuple[int, str, str]]:
    return [(d.line, d.text, d.reason) for d in scraped.dropped]


def test_menu_labels_and_a_follow_prompt_above_the_headline_are_left_out() -> None:
    scraped = parse("nav_before_headline.txt")
    assert scraped.title == "وزير الزراعة يفتتح سوقا جديدة للخضار في المدينة"
    body = paragraphs(scraped)
    assert body[0].startswith("افتتح وزير الزراعة صباح اليوم")
    assert body[-1].endswith("قبل نهاية الصيف.")
    assert len(body) == 3  # the headline printed again after the lead is not the end of the article
    above = "above the headline (the page's chrome, not the article)"
    twice = "printed twice above the headline (a menu's item)"
    assert dropped(scraped) == [
        (1, "أين يمكنك متابعتنا", "speaks to the reader (a prompt), not a headline"),
        (3, "أقسام مهمة", above),
        (5, "Stories", "a Latin line above an Arabic text (the site's name), not a headline"),
        (7, "• أخبار الطقس في المدن", above),
        (8, "• مهرجان الربيع للكتاب", above),
        (9, "• أخبار الطقس في المدن", twice),
        (11, "أخبار الطقس في المدن", twice),
        (17, "وزير الزراعة يفتتح سوقا جديدة للخضار في المدينة", "repeats the headline"),
    ]


def test_banners_a_menu_a_site_name_and_an_author_are_not_the_headline() -> None:
    scraped = parse("banners_above_headline.txt")
    assert scraped.title == "مجلس المدينة يقر خطة جديدة لتنظيم حركة السير في الأسواق"
    assert scraped.date == datetime(2026, 2, 12)
    assert paragraphs(scraped) == [
        "أقر مجلس المدينة في جلسته الأسبوعية خطة جديدة لتنظيم حركة السير في الأسواق المزدحمة.",
        "وتبدأ الخطة مطلع الشهر المقبل وتستمر ستة أشهر على سبيل التجربة.",
    ]
    menu = "the site's navigation, not a headline"
    assert dropped(scraped) == [
        (1, "الأحد 27 شعبان 1447 هـ", "a Hijri date alone (the site's banner), not a headline"),
        (2, "أخبار | اقتصاد | رياضة | ثقافة | منوعات | فيديو", menu),
        (3, "محليات عربي ودولي اقتصاد رياضة فن منوعات", menu),
        (4, "Example Times", "a Latin line above an Arabic text (the site's name), not a headline"),
        (5, "سليم فؤاد الحداد", "a byline (a name alone above the headline)"),
    ]


def test_the_headline_is_the_line_above_the_date_when_a_ticker_comes_first() -> None:
    scraped = parse("ticker_above_headline.txt")
    assert scraped.title == "مهرجان الزيتون يعود بعد غياب طويل"
    assert scraped.date == datetime(2020, 3, 12, 21, 0) and scraped.date_has_time
    body = paragraphs(scraped)
    assert body[0].startswith("عاد مهرجان الزيتون السنوي")
    assert body[-1].endswith("من الزيت والزيتون.")
    assert dropped(scraped) == [(8, "عدد القراءات 120", "a counter")]
    assert "dropped 'آخر الأخبار' list with 1 titles (line 1)" in scraped.found


def test_a_list_of_other_headlines_before_the_first_punctuated_paragraph() -> None:
    scraped = parse("headline_list.txt")
    assert scraped.title == "البلدية تطلق حملة تشجير واسعة في الأحياء الجديدة"
    assert paragraphs(scraped) == [
        "أطلقت البلدية اليوم حملة تشجير واسعة تشمل زراعة عشرة آلاف شجرة في الأحياء الجديدة.",
        "وقال رئيس البلدية إن الحملة تستمر شهرين بمشاركة المدارس والجمعيات الأهلية.",
    ]
    reason = "one of 4 headlines listed before the article (no final punctuation)"
    assert dropped(scraped) == [
        (2, "الفريق الأول يفوز على ضيفه بهدفين نظيفين", reason),
        (3, "5 نصائح للحفاظ على صحة القلب في الشتاء", reason),
        (4, "ارتفاع أسعار الذهب في ختام تعاملات الأسبوع", reason),
        (5, "افتتاح جسر جديد يربط ضفتي النهر", reason),
    ]


def test_two_unpunctuated_lines_before_the_body_are_not_a_list_of_headlines() -> None:
    text = "\n".join(
        [
            "البلدية تطلق حملة تشجير واسعة في الأحياء الجديدة",
            "الحملة تشمل عشرة أحياء في المدينة خلال شهرين",
            "أطلقت البلدية اليوم حملة تشجير واسعة تشمل زراعة عشرة آلاف شجرة في الأحياء الجديدة.",
        ]
    )
    scraped = parse_scraped(text, "l.txt")
    assert paragraphs(scraped)[0] == "الحملة تشمل عشرة أحياء في المدينة خلال شهرين"
    assert scraped.dropped == ()


def test_a_caption_of_role_titles_and_a_name_under_the_headline() -> None:
    scraped = parse("caption_of_titles_and_names.txt")
    assert scraped.title == "وزير الصحة يبحث مع نظيره الأردني التعاون في مجال الدواء"
    assert scraped.date == datetime(2025, 3, 9, 20, 40)
    body = paragraphs(scraped)
    assert body[0].startswith("أجرى نائب رئيس الوزراء وزير الصحة سامي الخطيب")
    assert body[-1] == "واتفق الوزيران على تشكيل لجنة مشتركة تجتمع خلال الشهر المقبل في العاصمة."
    assert dropped(scraped) == [
        (1, "الأحد 2025-03-09 10:15 م", "a date above the headline (the site's banner), not the article's"),
        (
            6,
            "نائب رئيس الوزراء وزير الصحة والسكان سامي الخطيب",
            "role titles and a name only (a caption), before the article's first sentence",
        ),
        (7, "سامي الخطيب", "not a sentence, before the article's first one"),
    ]


def test_a_caption_printed_bare_and_credited_and_a_blogs_footer() -> None:
    scraped = parse("blog_footer.txt")
    assert scraped.title == 'مجلة الأسبوع: "المدينة تستعيد أسواقها القديمة"'
    assert scraped.image_credit == "وكالة تجريبية"
    assert paragraphs(scraped) == [
        "عادت الحياة إلى أسواق المدينة القديمة بعد عامين من أعمال الترميم، وامتلأت الأزقة بالباعة والزوار من جديد."
    ]
    prompt = "speaks to the reader (a prompt or a form), after the article's last sentence"
    assert dropped(scraped) == [
        (3, 'مجلة الأسبوع: "المدينة تستعيد أسواقها القديمة"', "repeats the headline"),
        (
            6,
            "جولة في أسواق المدينة القديمة التي عادت إليها الحياة بعد الترميم",
            "printed twice, before the article's first sentence",
        ),
        (
            7,
            "جولة في أسواق المدينة القديمة التي عادت إليها الحياة بعد الترميم © وكالة تجريبية",
            "a photo caption with its credit (©)",
        ),
        (14, "اكتشاف المزيد من موقع الأسبوع", "printed twice, after the article's last sentence"),
        (16, "اشترك لتصلك أحدث مقالاتنا على بريدك الإلكتروني كل صباح.", prompt),
        (20, "لن ننشر بريدك الإلكتروني. الحقول المطلوبة مشار إليها بـ *", prompt),
        (22, "اكتشاف المزيد من موقع الأسبوع", "printed twice"),
        (24, "Continue reading", "not a sentence, after the article's last one"),
    ]


def test_the_headline_printed_again_below_the_article_ends_it() -> None:
    scraped = parse("another_text_after.txt")
    body = paragraphs(scraped)
    assert body[0].startswith("زرعت البلدية ألف شجرة في شوارع الحي الشرقي")
    assert body[-1].endswith("والمحافظة على الأشجار الجديدة أمام منازلهم.")
    assert dropped(scraped) == [
        (6, "البلدية تزرع ألف شجرة في الحي الشرقي", "repeats the headline"),
        (
            7,
            "الحي الشرقي هو أكبر أحياء المدينة، ويقع على الضفة اليسرى للنهر ويبلغ عدد سكانه نحو مئة ألف نسمة.",
            "after the headline printed again below the article (another text)",
        ),
    ]


def test_a_columnists_byline_and_a_site_name_before_a_labelled_date() -> None:
    scraped = parse("column_dateline.txt")
    assert scraped.title == "الحداد يكتب: المدينة التي لا تنام"
    assert scraped.date == datetime(2026, 1, 20, 9, 45) and scraped.date_has_time
    body = paragraphs(scraped)
    assert body[0].startswith("إنها المدينة التي تضيء لياليها")
    assert body[-1] == "وفي كل حي من أحيائها حكاية يرويها كبار السن للزوار."
    assert dropped(scraped) == [
        (3, "د. سمير الحداد", "a byline (a name with an honorific), before the article's first sentence"),
        (4, "صوت المدينة", "beside the date on its line"),
    ]


def test_a_placeholder_and_a_latin_credit_go_a_subheading_and_a_closing_list_stay() -> None:
    scraped = parse("placeholders_and_lists.txt")
    body = paragraphs(scraped)
    assert body[0].startswith("افتتح المتحف الوطني أبوابه")
    assert "قاعات جديدة" in body
    assert body[-4:] == [
        "ويضم المتحف بعد التوسعة الأقسام التالية:",
        "• قاعة الآثار القديمة",
        "• قاعة الفنون الحديثة",
        "• مكتبة الأطفال",
    ]
    assert dropped(scraped) == [
        (3, "#2#", "a template placeholder"),
        (4, "M.Adam", "a Latin name alone in an Arabic text (a photographer's credit)"),
    ]


def test_newspaper_names_in_a_press_review_are_subheadings() -> None:
    scraped = parse("press_review.txt")
    assert scraped.dropped == ()
    body = paragraphs(scraped)
    assert body[0].startswith("تقدم الصحيفة خدمة يومية")
    assert body[1] == "الصباح" and body[4] == "المساء"
    assert body[-1].endswith("على القراءة.")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأحد 27 من شعبان 1447 هـ - 15 من فبراير 2026 م", datetime(2026, 2, 15)),
        ("الأحد 27/8/1447 هـ - 15/2/2026 م", datetime(2026, 2, 15)),
        ("1447/08/27 - 2026/02/15", datetime(2026, 2, 15)),
        ("15 فبراير 2026 ميلادي الموافق 27 شعبان 1447 هجري", datetime(2026, 2, 15)),
        ("الأحد 27 شعبان 1447 هـ الموافق لـ 15 فبراير 2026 م", datetime(2026, 2, 15)),
        ("الأحد 27 شعبان 1447 | 15 فبراير 2026 | 9:41 ص | القاهرة", datetime(2026, 2, 15, 9, 41)),
        ("الأحد 15 فبراير 2026 - 27 شعبان 1447 - القاهرة", datetime(2026, 2, 15)),
    ],
)
def test_a_hijri_date_beside_the_gregorian_one_is_not_read_as_it(line: str, expected: datetime) -> None:
    text = f"عنوان تجريبي عن زيارة الوزير إلى العاصمة\n{line}\nقال الوزير في مؤتمر صحفي إن الزيارة كانت مثمرة."
    assert parse_scraped(text, "h.txt").date == expected


def test_a_row_of_links_the_sites_name_and_the_author_above_a_dated_headline() -> None:
    scraped = parse("site_and_author_above_headline.txt")
    assert scraped.title == "مجلس المدينة يقر خطة جديدة لتنظيم حركة السير في الأسواق"
    assert scraped.date == datetime(2026, 2, 15)
    assert paragraphs(scraped) == [
        "أقر مجلس المدينة في جلسته الأسبوعية خطة جديدة لتنظيم حركة السير في الأسواق المزدحمة.",
        "وتبدأ الخطة مطلع الشهر المقبل وتستمر ستة أشهر على سبيل التجربة.",
    ]
    assert dropped(scraped) == [
        (1, "محليات عربي ودولي مصر الخليج اقتصاد رياضة المغرب فن السعودية", "the site's navigation, not a headline"),
        (2, "صحيفة المدينة اليومية", "an outlet's name alone (the site's, a caption's), not a headline"),
        (3, "سليم فؤاد الحداد", "a byline (a name alone above the headline)"),
        (4, "القاهرة", "beside the date on its line"),
    ]


@pytest.mark.parametrize(
    "headline",
    ["حكومة جديدة والفانوس السحري", "زلزال قوي يضرب الساحل الغربي"],
)
def test_a_short_headline_above_its_date_is_still_the_headline(headline: str) -> None:
    sentence = "قال مسؤولون في العاصمة اليوم إن الحكومة الجديدة ستعقد أول اجتماع لها الأسبوع المقبل."
    text = f"{headline}\n12 فبراير 2026\n{sentence}"
    scraped = parse_scraped(text, "s.txt")
    assert scraped.title == headline
    assert scraped.dropped == ()


_PARAGRAPHS = [
    "زرعت البلدية ألف شجرة في شوارع الحي الشرقي ضمن خطتها لزيادة المساحات الخضراء في المدينة.",
    "وأوضحت البلدية أن عشرين متطوعا شاركوا في الزراعة على مدى ثلاثة أيام متتالية.",
    "ودعت البلدية السكان إلى المشاركة في المبادرات المقبلة والمحافظة على الأشجار الجديدة.",
]


def test_the_headline_again_as_a_pictures_caption_does_not_end_the_article() -> None:
    headline = "البلدية تزرع ألف شجرة في الحي الشرقي"
    last = "وأضاف رئيس البلدية أن المرحلة الثانية تبدأ في الربيع وتشمل الحي الغربي."
    scraped = parse_scraped("\n".join([headline, *_PARAGRAPHS, headline, last]), "c.txt")
    assert paragraphs(scraped) == [*_PARAGRAPHS, last]
    assert dropped(scraped) == [(5, headline, "repeats the headline")]


def test_a_bulleted_summary_before_the_body_is_not_a_list_of_headlines() -> None:
    points = [
        "• ألف شجرة جديدة في شوارع الحي الشرقي",
        "• عشرون متطوعا شاركوا في ثلاثة أيام",
        "• مرحلة ثانية في الربيع تشمل الحي الغربي",
        "• دعوة للسكان إلى المحافظة على الأشجار",
    ]
    scraped = parse_scraped("\n".join(["البلدية تزرع ألف شجرة في الحي الشرقي", *points, *_PARAGRAPHS]), "k.txt")
    assert paragraphs(scraped) == [*points, *_PARAGRAPHS]
    assert scraped.dropped == ()


def test_short_paragraphs_without_periods_that_go_on_from_each_other_are_the_article() -> None:
    lines = [
        "البلدية تزرع ألف شجرة في الحي الشرقي",
        "زرعت البلدية ألف شجرة في شوارع الحي الشرقي",
        "وشارك عشرون متطوعا في الزراعة على مدى ثلاثة أيام",
        "وقال رئيس البلدية إن المرحلة الثانية تبدأ في الربيع",
        "وأضاف أن الحي الغربي يأتي بعد ذلك",
        "ودعت البلدية السكان إلى المحافظة على الأشجار الجديدة أمام منازلهم.",
    ]
    scraped = parse_scraped("\n".join(lines), "p.txt")
    assert paragraphs(scraped) == lines[1:]
    assert scraped.dropped == ()


def test_a_date_under_a_label_of_its_own_above_the_headline_is_the_sites_banner() -> None:
    text = "\n".join(["تاريخ اليوم: الأحد 15 فبراير 2026", "عنوان تجريبي عن زيارة الوزير إلى العاصمة", _PARAGRAPHS[0]])
    scraped = parse_scraped(text, "t.txt")
    assert scraped.title == "عنوان تجريبي عن زيارة الوزير إلى العاصمة"
    assert scraped.date is None
    assert dropped(scraped) == [
        (1, "تاريخ اليوم: الأحد 15 فبراير 2026", "a date under a label of its own (the site's banner), not a headline")
    ]


@pytest.mark.parametrize("byline", ["د. سمير الحداد", "الكاتب: سمير الحداد", "الدكتورة هدى يوسف"])
def test_a_name_with_an_honorific_under_the_headline_is_a_byline(byline: str) -> None:
    text = "\n".join(["الحداد يكتب: المدينة التي لا تنام", byline, *_PARAGRAPHS])
    scraped = parse_scraped(text, "b.txt")
    assert paragraphs(scraped) == _PARAGRAPHS
    assert dropped(scraped) == [(2, byline, "a byline (a name with an honorific), before the article's first sentence")]


def test_a_name_above_a_short_headline_is_its_byline() -> None:
    sentence = "قال مسؤولون في العاصمة اليوم إن الحكومة الجديدة ستعقد أول اجتماع لها الأسبوع المقبل."
    scraped = parse_scraped(f"سليم فؤاد الحداد\nحكومة جديدة للمدينة الساحلية\n{sentence}", "n.txt")
    assert scraped.title == "حكومة جديدة للمدينة الساحلية"
    assert paragraphs(scraped) == [sentence]
    assert dropped(scraped) == [(1, "سليم فؤاد الحداد", "a byline (a name alone above the headline)")]


def test_a_headline_shaped_like_a_phrase_is_not_taken_for_a_name() -> None:
    sentence = "قال مسؤولون في العاصمة اليوم إن الحكومة الجديدة ستعقد أول اجتماع لها الأسبوع المقبل."
    text = f"حكومة سلام والفانوس السحري\nالحكومة تبدأ عملها غدا وسط آمال واسعة\n12 فبراير 2026\n{sentence}"
    scraped = parse_scraped(text, "n.txt")
    assert scraped.title == "حكومة سلام والفانوس السحري"
    assert paragraphs(scraped) == [sentence]


def test_a_dateline_of_a_place_and_a_name_is_not_the_headline() -> None:
    text = "\n".join(["المدينة الساحلية - سليم الحداد", "عنوان تجريبي عن زيارة الوزير إلى العاصمة", *_PARAGRAPHS])
    scraped = parse_scraped(text, "d.txt")
    assert scraped.title == "عنوان تجريبي عن زيارة الوزير إلى العاصمة"
    assert paragraphs(scraped) == _PARAGRAPHS
    assert dropped(scraped) == [
        (1, "المدينة الساحلية - سليم الحداد", "a dateline (a place and a byline), not a headline")
    ]


@pytest.mark.parametrize("headline", ["غزة - استشهاد خمسة في قصف ليلي", "القاهرة - الحكومة تقر الموازنة الجديدة"])
def test_a_headline_after_a_place_and_a_dash_is_still_the_headline(headline: str) -> None:
    scraped = parse_scraped("\n".join([headline, *_PARAGRAPHS]), "d.txt")
    assert scraped.title == headline


def test_a_date_written_with_colons_and_the_pages_buttons_beside_it() -> None:
    scraped = parse("colon_date_and_buttons.txt")
    assert scraped.title == "افتتاح معرض الكتاب الدولي في العاصمة بمشاركة مئتي دار نشر"
    assert scraped.date == datetime(2025, 3, 14, 11, 5) and scraped.date.tzinfo is None  # no zone written
    assert scraped.date_has_time
    body = paragraphs(scraped)
    assert body[0].startswith("العاصمة 13 مارس 2025 (وكالة تجريبية) افتتح وزير الثقافة")  # the event's day, kept
    assert body[-1] == "وتقام على هامش المعرض ندوات يومية عن الترجمة والنشر الرقمي."
    assert len(body) == 3
    assert dropped(scraped) == [
        (
            1,
            "Example Daily 2025:03:14.18:40:12",
            "a Latin line above an Arabic text (the site's name), not a headline",
        ),
        (2, "أخبار عاجلة", "an outlet's name alone (the site's, a caption's), not a headline"),
        (7, "حجم الخط اطبع", "the page's buttons beside the date (font size, print, share)"),
    ]


def test_a_day_first_date_at_the_hour_under_the_photo_credit() -> None:
    scraped = parse("date_at_the_hour.txt")
    assert scraped.title == "الحكومة تعلن موعد انطلاق الموسم الفلاحي الجديد"
    assert scraped.image_credit == "DR"
    assert scraped.date == datetime(2025, 3, 14, 11, 5) and scraped.date.tzinfo is None
    assert paragraphs(scraped) == [
        "أعلنت الحكومة اليوم أن الموسم الفلاحي الجديد ينطلق مطلع الشهر المقبل في جميع الجهات.",
        "وزير الفلاحة:",  # the body's own subheading
        "وقال وزير الفلاحة إن الأمطار الأخيرة تبشر بموسم جيد بعد سنتين من الجفاف.",
    ]
    assert scraped.dropped == ()


def test_ali_before_a_date_is_a_name_not_a_date_word() -> None:
    sentence = "قال مسؤولون في العاصمة اليوم إن الحكومة الجديدة ستعقد أول اجتماع لها الأسبوع المقبل."
    scraped = parse_scraped(f"عنوان تجريبي عن زيارة الوزير إلى العاصمة\nعلي 14/03/2025\n{sentence}", "a.txt")
    assert scraped.date is None


def test_a_french_date_under_an_english_banner() -> None:
    scraped = parse("french_date_under_english_banner.txt")
    assert scraped.title == "مهرجان الموسيقى الأندلسية يعود إلى المدينة القديمة"
    assert scraped.date == datetime(2025, 3, 14, 21, 40) and scraped.date.tzinfo is None
    assert paragraphs(scraped) == [
        "يعود مهرجان الموسيقى الأندلسية إلى المدينة القديمة هذا الصيف بعد غياب دام ثلاث سنوات.",
        "وقالت إدارة المهرجان إن البرنامج يضم عشرين حفلا في ساحات المدينة.",
    ]
    assert dropped(scraped) == [
        (1, "Friday, March 14, 2025", "a date above the headline (the site's banner), not the article's")
    ]


def test_keywords_without_a_label_and_a_masthead_above_the_headline() -> None:
    scraped = parse("masthead_and_keywords_above_headline.txt")
    assert scraped.title == "البلدية تبدأ صيانة الشارع الرئيسي في وسط المدينة"
    assert scraped.tags == ("البلدية", "الشارع الرئيسي", "أعمال الصيانة", "سليم الحداد رئيس البلدية", "حركة السير")
    assert paragraphs(scraped) == [
        "بدأت البلدية صباح اليوم أعمال صيانة الشارع الرئيسي في وسط المدينة، على أن تستمر ثلاثة أسابيع.",
        "وقال رئيس البلدية سليم الحداد إن أعمال الصيانة في الشارع الرئيسي تنتهي قبل حلول الصيف.",
    ]
    above = "above the newspaper's masthead (the page's header), not a headline"
    assert dropped(scraped) == [
        (1, "أحدث العناوين", above),
        (3, "قال رئيس البلدية إن أعمال الصيانة في الشارع الرئيسي تنتهي قبل حلول الصي", above),  # a teaser, cut
        (7, "رئيس التحرير", "the newspaper's masthead (its editors), not a headline"),
        (8, "كمال يوسف منصور", "the name under the masthead's title (its editor)"),
    ]
    assert "tags (line 5, a line of comma-separated keywords without a label): البلدية, الشارع الرئيسي, " in "".join(
        scraped.found
    )


def test_a_bulleted_list_of_names_printed_twice_under_the_headline_is_the_tags() -> None:
    scraped = parse("tags_bulleted_twice.txt")
    assert scraped.title == "الحداد: المدينة تستعد لاستقبال مهرجان الربيع"
    assert scraped.tags == ("سليم الحداد", "وزير الثقافة", "مهرجان الربيع", "دار الأوبرا")
    assert scraped.source is None  # a tag ending in a media word is no credit
    assert paragraphs(scraped) == [
        "قال سليم الحداد، وزير الثقافة، إن المدينة تستعد لاستقبال مهرجان الربيع.",
        "وأضاف الحداد أن دار الأوبرا تستضيف حفل الافتتاح في الأسبوع الأول من أبريل.",
    ]
    assert dropped(scraped) == [(3, "الحداد: المدينة تستعد لاستقبال مهرجان الربيع", "repeats the headline")]


def test_keywords_without_a_label_after_the_last_sentence_are_the_tags() -> None:
    scraped = parse("keywords_after_the_body.txt")
    assert scraped.tags == ("المكتبات العامة", "الحي الغربي", "البلدية", "القراءة")
    assert paragraphs(scraped) == [
        "افتتحت البلدية اليوم مكتبة عامة جديدة في الحي الغربي تضم عشرة آلاف كتاب.",
        "وتفتح المكتبة أبوابها كل يوم من التاسعة صباحا حتى الثامنة مساء.",
    ]
    assert scraped.dropped == ()


@pytest.mark.parametrize(
    "line",
    [
        "التقى الرئيس بالوزير، والسفير، ورئيس الوزراء، وقائد الجيش",  # a sentence's list, joined by و
        "الطاقة، المياه، النقل، والصحة",  # the last item joined by و
        "الطاقة، المياه، النقل، الصحة.",  # final punctuation
        "أكد الوزير، أهمية التعاون، ضرورة العمل، دعم الشركاء",  # opens with a verb
        "يبحث الوزير، يلتقي السفير، تبدأ الجولة، المدير",  # clauses, not names
        "قال الوزير، خلال اللقاء، أهمية التعاون، ضرورة العمل",  # function words
        "المكتبة، الحي، البلدية",  # three items only
        "الوزير سليم الحداد، السفير كمال يوسف، المدير سامي منصور، الحاضرون",  # a caption of who is pictured
    ],
)
def test_a_line_with_commas_that_is_no_tag_list_stays_where_it_is(line: str) -> None:
    first = "افتتحت البلدية اليوم مكتبة عامة جديدة في الحي الغربي تضم عشرة آلاف كتاب."
    for text in (f"عنوان تجريبي عن مكتبة الحي\n{line}\n{first}", f"عنوان تجريبي عن مكتبة الحي\n{first}\n{line}"):
        scraped = parse_scraped(text, "c.txt")
        assert scraped.tags == ()


def test_a_headline_of_names_with_commas_above_the_article_is_the_headline() -> None:
    first = "افتتحت البلدية اليوم مكتبة عامة جديدة في الحي الغربي تضم عشرة آلاف كتاب."
    scraped = parse_scraped(f"مصر، السودان، إثيوبيا، سد النهضة\n{first}", "h.txt")
    assert scraped.title == "مصر، السودان، إثيوبيا، سد النهضة"
    assert scraped.tags == ()


@pytest.mark.parametrize("times", [1, 2])
def test_short_bullets_above_the_headline_are_not_tags(times: int) -> None:
    bullets = ["- سليم الحداد", "- دار الأوبرا", "- مهرجان الربيع"] * times
    scraped = parse_scraped("\n".join([*bullets, "عنوان تجريبي عن مهرجان الربيع في المدينة", _PARAGRAPHS[0]]), "b.txt")
    assert scraped.tags == ()
    assert scraped.title == "عنوان تجريبي عن مهرجان الربيع في المدينة"
    assert paragraphs(scraped) == [_PARAGRAPHS[0]]


def test_a_line_shaped_like_keywords_between_two_sentences_is_the_articles() -> None:
    middle = "المكتبات العامة، الحي الغربي، البلدية، القراءة"
    text = "\n".join(["عنوان تجريبي عن مكتبة الحي", _PARAGRAPHS[0], middle, _PARAGRAPHS[1]])
    scraped = parse_scraped(text, "m.txt")
    assert scraped.tags == ()
    assert paragraphs(scraped) == [_PARAGRAPHS[0], middle, _PARAGRAPHS[1]]


def test_a_tam_nashrahu_date_line_with_two_month_names_and_a_stop_before_the_time() -> None:
    scraped = parse("date_line_tam_nashrahu.txt")
    assert scraped.title == "افتتاح معرض الكتاب السنوي في المدينة"
    assert (scraped.date, scraped.date_has_time) == (datetime(2013, 3, 3, 10, 30), True)  # floating: no zone printed
    assert paragraphs(scraped) == [
        "المدينة - افتتح محافظ المدينة أمس معرض الكتاب السنوي بمشاركة عشرات دور النشر.",
        "ويستمر المعرض أسبوعا كاملا في قاعة البلدية الكبرى.",
    ]
    assert dropped(scraped) == []


def test_an_outlet_a_bar_and_an_agency_before_a_labelled_date_name_the_agency_as_source() -> None:
    scraped = parse("outlet_bar_agency_date.txt")
    assert scraped.title == "ارتفاع أسعار الخضار في أسواق العاصمة هذا الأسبوع"
    assert (scraped.date, scraped.date_has_time) == (datetime(2022, 3, 7), False)
    assert scraped.source == "و.أ.ن"
    assert paragraphs(scraped)[0].startswith("شهدت أسواق العاصمة ارتفاعا")
    assert len(paragraphs(scraped)) == 2
    assert dropped(scraped) == [
        (1, "اقتصاد", "above the headline (the page's chrome, not the article)"),
        (5, "نجمة24 | و.أ.ن", "beside the date on its line"),
    ]


def test_a_byline_with_the_date_and_a_counter_gives_the_date_and_the_banner_gives_way() -> None:
    scraped = parse("byline_with_date_and_counter.txt")
    assert scraped.title == "حريق في مستودع للأخشاب شرق المدينة"
    assert (scraped.date, scraped.date_has_time) == (datetime(2019, 2, 4, 20, 15), True)
    assert scraped.source is None
    assert paragraphs(scraped) == [
        "اندلع حريق كبير في مستودع للأخشاب شرق المدينة مساء اليوم، دون وقوع إصابات.",
        "وقال الدفاع المدني إن فرقه سيطرت على الحريق بعد ساعتين.",
    ]
    assert dropped(scraped) == [
        (1, "الأربعاء 12 يونيو 2024", "a date above the headline (the site's banner), not the article's"),
        (3, "سالم العبدالله _ عمان", "not a sentence, before the article's first one"),
        (4, "بواسطة : سالم العبدالله _ عمان 3.2K", "a byline (and the page's counter) beside the date"),
    ]


def test_a_starred_place_and_name_dateline_ending_in_a_colon_is_not_the_body() -> None:
    text = "\n".join(["* الوادي - سالم العبدالله:", _PARAGRAPHS[0], _PARAGRAPHS[1]])
    scraped = parse_scraped(text, "d.txt")
    assert paragraphs(scraped) == [_PARAGRAPHS[0], _PARAGRAPHS[1]]
    assert dropped(scraped) == [(1, "* الوادي - سالم العبدالله:", "a dateline (a place and a byline), not a headline")]


def test_a_most_read_header_with_its_period_and_a_banner_update_above_the_headline() -> None:
    scraped = parse("most_read_and_banner_update.txt")
    assert scraped.title == "افتتاح سوق الزيتون السنوي في ساحة البلدة القديمة"
    assert (scraped.date, scraped.date_has_time) == (datetime(2019, 11, 5, 18, 10), True)
    assert scraped.updated == datetime(2019, 11, 5, 21, 5)  # حُتلن: the outlet's word for "updated"
    assert paragraphs(scraped)[0].startswith("افتتحت البلدية مساء الثلاثاء")
    assert len(paragraphs(scraped)) == 2
    assert (2, "آخر تعديل: الخميس 12 / مارس 10:40") in [(d[0], d[1]) for d in dropped(scraped)]


def test_a_short_title_line_with_a_colon_under_the_headline_is_a_deck() -> None:
    deck = "الحي والبلدية: ماذا ينتظر الأشجار الجديدة؟"
    text = "\n".join(["البلدية تزرع ألف شجرة في الحي الشرقي", deck, _PARAGRAPHS[0], _PARAGRAPHS[1]])
    scraped = parse_scraped(text, "d.txt")
    assert paragraphs(scraped) == [_PARAGRAPHS[0], _PARAGRAPHS[1]]
    assert (2, deck, "a second headline (a deck) between the headline and the first sentence") in dropped(scraped)


def test_a_first_paragraph_with_a_colon_and_a_stop_is_not_a_deck() -> None:
    first = "البلدية: زرعنا ألف شجرة هذا الأسبوع."
    text = "\n".join(["البلدية تزرع ألف شجرة في الحي الشرقي", first, _PARAGRAPHS[0]])
    assert paragraphs(parse_scraped(text, "d.txt")) == [first, _PARAGRAPHS[0]]


def test_style_rules_and_a_timeline_widgets_label_printed_as_text_are_left_out() -> None:
    scraped = parse("style_code_and_widget.txt")
    assert paragraphs(scraped)[-1].endswith("ليحسم اللقب لفريقه للمرة الثانية.")
    code = "style or script code (the page's CSS or JavaScript printed as text)"
    assert dropped(scraped) == [
        (6, ".site-epaper-widget{margin-top: 20px; max-width:250px}", code),
        (7, "Tweets by siteweekly", "a timeline widget's label"),
        (8, ".site-facebook-embed{margin-top: 70px;}", code),
    ]


def test_braces_and_a_widget_word_inside_sentences_are_kept() -> None:
    text = (
        "وزير المالية يعرض الموازنة\n\n"
        "عرض وزير المالية الموازنة على البرلمان {بحسب النسخة الأولية: 20 مليارا} أمس.\n\n"
        "وقال الوزير إن Tweets by the ministry تنشر الأرقام كل أسبوع.\n"
    )
    scraped = parse_scraped(text, "inline.txt")
    assert len(paragraphs(scraped)) == 2 and dropped(scraped) == []


def test_post_navigation_glued_after_the_last_sentence_is_cut_off() -> None:
    scraped = parse("post_navigation_glued.txt")
    assert paragraphs(scraped) == [
        "افتتح وزير النقل الطريق الجديد بين المدينتين صباح اليوم.وقال الوزير إن الطريق يختصر المسافة بنصف ساعة."
        "ويبلغ طول الطريق أربعين كيلومترا."
    ]
    assert dropped(scraped) == [
        (
            1,
            "تصفّح المقالاتالوزير يتفقد الميناء الجديد الحكومة تقر موازنة العام المقبل",
            "the post navigation (the previous and next articles)",
        )
    ]


def test_the_label_of_a_post_navigation_inside_a_sentence_is_text() -> None:
    text = "عنوان الخبر هنا للتجربة\n\nقال المطور إن زر تصفح المقالات في الموقع الجديد أسرع من القديم.\n"
    assert paragraphs(parse_scraped(text, "inline.txt")) == [
        "قال المطور إن زر تصفح المقالات في الموقع الجديد أسرع من القديم."
    ]


def test_the_outlets_name_with_its_city_is_the_source_and_not_the_headline() -> None:
    name = "outlet_and_city_dateline.txt"
    text = (FIXTURES / name).read_bytes().decode("utf-8")
    scraped = parse_scraped(text, name, url="https://syria-today.org/2021/06/13/governor/")
    assert scraped.title is None and scraped.source == "سوريا اليوم"
    assert scraped.date == datetime(2021, 6, 13)
    assert dropped(scraped) == [
        (2, "سوريا اليوم – دمشق", "the outlet's name with a place beside it (a dateline), not a headline")
    ]
    assert paragraphs(scraped)[0].startswith("استقبل المحافظ اليوم")


def test_a_headline_that_names_a_city_after_a_dash_stays_the_headline() -> None:
    text = (
        "الأحد 13 حزيران/يونيو 2021\nسوريا اليوم\nافتتاح معرض الكتاب – دمشق\n"
        "افتتح وزير الثقافة معرض الكتاب السنوي بمشاركة مئة دار نشر من عشر دول.\n"
    )
    scraped = parse_scraped(text, "inline.txt", url="https://syria-today.org/2021/06/13/book-fair/")
    assert scraped.title == "افتتاح معرض الكتاب – دمشق"


def test_a_dateline_of_a_place_and_an_agency_on_its_own_line_is_the_source() -> None:
    scraped = parse("agency_dateline_lines.txt")
    assert scraped.title == "أمير المنطقة يستقبل رئيس البلدية في مقر الإمارة" and scraped.source == "واس"
    assert paragraphs(scraped)[0].startswith("استقبل أمير المنطقة")
    assert (3, "جدة – واس:", "a dateline (the outlet, and the place if given) before the first paragraph") in dropped(
        scraped
    )


def test_a_headline_printed_with_a_stop_over_an_empty_date_label_and_a_wire_end_on_its_own_line() -> None:
    scraped = parse("headline_with_stop_and_wire_end.txt")
    assert scraped.title == "رئيس المؤسسة يبحث مع المبعوثة الأممية خطط تطوير قطاع النفط."
    assert scraped.date == datetime(2025, 3, 4) and scraped.source == "وال"
    assert paragraphs(scraped)[-1] == "وأكد الجانبان أهمية استقرار الإنتاج لدعم الاقتصاد الوطني في المرحلة المقبلة."
    assert dropped(scraped) == [
        (2, "نشر بتاريخ:", "a date's label without its date"),
        (3, "طرابلس 04 مارس 2025 (وال )", "a dateline glued before the first sentence"),
        (5, "...(وال ) ...", "an agency's credit in brackets closing a paragraph (وال)"),
    ]


def test_a_first_paragraph_ending_in_a_stop_is_not_a_headline() -> None:
    text = "بحث رئيس المؤسسة خطط التطوير.\nوأكد الجانبان أهمية الاستقرار في المرحلة المقبلة لدعم الاقتصاد.\n"
    assert parse_scraped(text, "inline.txt").title is None


def test_the_browsers_title_bar_is_not_the_headline_and_a_slash_dateline_names_the_outlet() -> None:
    scraped = parse("title_bar_and_slash_dateline.txt")
    assert scraped.title == "ارتفاع عدد الزوار في معرض الكتاب إلى خمسين ألفا"
    assert scraped.source == "المدينة نيوز"
    assert (
        5,
        "وكالة المدينة نيوز الإخبارية - Madina News || آخر أخبار المدينة",
        "the site's name and tagline (the browser's title bar), not a headline",
    ) in dropped(scraped)


def test_an_outlet_marked_with_an_asterisk_after_the_article_is_its_source() -> None:
    scraped = parse("starred_source_after.txt")
    assert scraped.source == "روسيا اليوم"
    assert paragraphs(scraped)[-1] == "وقال محللون إن الطلب يفوق العرض بنحو مليون برميل."
    note = "*ملاحظة: الأسعار تقريبية وقد تتغير."
    text = (FIXTURES / "starred_source_after.txt").read_text(encoding="utf-8").replace("*روسيا اليوم", note)
    assert parse_scraped(text, "inline.txt").source is None


def test_an_agency_between_slashes_in_the_opening_dateline_is_the_source() -> None:
    text = (
        "وزير الدولة يهنئ بالعيد الوطني\n\n"
        "أبوظبي في الأول من ديسمبر /وام/ أكد وزير الدولة أن العيد الوطني مناسبة لاستلهام الدروس.\n\n"
        "وقال الوزير إن المسيرة مستمرة.\n"
    )
    assert parse_scraped(text, "inline.txt").source == "وام"


def test_a_share_button_and_the_post_navigation_glued_after_the_last_sentence_are_cut_off() -> None:
    text = (
        "الخرطوم: المدينة نيوز افتتح وزير النقل الطريق الجديد بين المدينتين صباح اليوم. وقال الوزير إن الطريق"
        " يختصر المسافة. شارك تصفّح المقالات الوزير يتفقد الميناء الحكومة تقر الموازنة\n"
    )
    scraped = parse_scraped(text, "inline.txt")
    assert scraped.body.endswith("وقال الوزير إن الطريق يختصر المسافة.")
    assert scraped.source == "المدينة نيوز"
    assert dropped(scraped)[-1][1:] == (
        "شارك تصفّح المقالات الوزير يتفقد الميناء الحكومة تقر الموازنة",
        "the post navigation (the previous and next articles)",
    )


def test_a_place_and_a_colon_before_a_sentence_name_no_outlet() -> None:
    text = "عنوان الخبر للتجربة هنا\n\nالخرطوم: وصلت أول رحلة جوية تجارية إلى المطار اليوم بعد توقف طويل.\n"
    assert parse_scraped(text, "inline.txt").source is None


def test_a_long_masthead_its_editor_a_placeholder_and_an_outlet_with_a_colon() -> None:
    scraped = parse("masthead_and_placeholder.txt")
    assert scraped.title == "افتتاح الطريق الدائري الجديد حول العاصمة بعد عامين من العمل"
    assert scraped.source == "الوادي الإخباري" and scraped.image_credit is None
    assert dropped(scraped) == [
        (1, "رئيس مجلس الإدارة والمشرف العام", "the newspaper's masthead (its editors), not a headline"),
        (2, "د/ سامي النجار", "a byline (a name with an honorific), not a headline"),
        (6, "{clean_title}", "a template placeholder"),
        (7, "الوادي الإخباري :", "a dateline (the outlet, and the place if given) before the first paragraph"),
    ]


def test_a_first_line_that_leaves_a_quotation_open_is_the_first_paragraph() -> None:
    scraped = parse("open_quote_first_line.txt")
    assert scraped.title is None
    assert paragraphs(scraped)[0].endswith(
        '"طواقم الاطفاء عملت فجر اليوم على اخماد الحريق ومنع انتشاره للمنازل المحاذية".'
    )


def test_the_sites_name_glued_by_a_dash_and_a_news_word_inside_an_outlets_name() -> None:
    text = "بلدنا-قالت إدارة المشفى إن سبعة أطفال توفوا خلال أسبوع.\n\nوأوضحت في بيان أن بينهم أجنة.\n"
    assert parse_scraped(text, "inline.txt", url="https://baladna.ps/news/1").source == "بلدنا"
    assert parse_scraped(text.replace("بلدنا-", "غزة-"), "inline.txt", url="https://baladna.ps/news/1").source is None
    dateline = (
        "بغداد - المركز الخبري المستقل\nأكد مواطنون في بغداد أن مدنهم تتعرض لقطع التيار الكهربائي لساعات طويلة.\n"
    )
    scraped = parse_scraped(dateline, "inline.txt")
    assert scraped.title is None and scraped.source == "المركز الخبري المستقل"


@pytest.mark.parametrize(
    "disclaimer",
    [
        "المقالات المنشورة تعبر عن رأي كاتبها فقط، والموقع يفسح المجال أمام الكتاب لطرح أفكارهم.",
        "الآراء الواردة لا تعبر بالضرورة عن رأي الموقع.",
    ],
)
def test_the_sites_disclaimer_after_the_article_is_left_out(disclaimer: str) -> None:
    text = (
        "افتتاح المعرض السنوي للكتاب في المدينة\n\n"
        "افتتح وزير الثقافة المعرض السنوي للكتاب بمشاركة مئة دار نشر.\n\n"
        f"ويستمر المعرض عشرة أيام.\n\n{disclaimer}\n"
    )
    scraped = parse_scraped(text, "inline.txt")
    assert paragraphs(scraped)[-1] == "ويستمر المعرض عشرة أيام."
    assert dropped(scraped)[-1][2].startswith("the site's disclaimer")


def test_a_minister_saying_a_statement_is_not_the_governments_view_is_the_article() -> None:
    text = (
        "الوزير يرد على التصريحات\n\n"
        "رد وزير الخارجية على تصريحات النائب أمس أمام البرلمان.\n\n"
        "وقال الوزير إن هذه التصريحات لا تعبر عن رأي الحكومة.\n"
    )
    assert paragraphs(parse_scraped(text, "inline.txt"))[-1] == "وقال الوزير إن هذه التصريحات لا تعبر عن رأي الحكومة."


def test_the_comment_section_ends_the_article_with_the_comments_in_it() -> None:
    scraped = parse("comment_section_after.txt")
    body = paragraphs(scraped)
    assert body[0].startswith("أعلنت وزارة المياه اليوم الثلاثاء")
    assert body[-1] == "ودعت الوزارة السكان إلى تخزين ما يكفي من المياه قبل مواعيد الانقطاع المعلنة."
    section = "the comment section after the article (its heading, comments and form)"
    assert [d for d in dropped(scraped) if d[2] == section] == [
        (9, "تعليقات الزوار", section),
        (11, "لم يتم العثور على نتائج", section),
        (13, "الله يعطيكم العافية على هذا العمل الطيب.", section),
    ]
    assert any("أضف تعليقًا" in note for note in scraped.found)  # the form's button: boilerplate every site prints


def test_a_comment_counter_above_the_article_does_not_end_it() -> None:
    scraped = parse("counter_before_and_comments_after.txt")
    body = paragraphs(scraped)
    assert len(body) == 3
    assert body[0].startswith("افتتح محافظ المدينة صباح اليوم")
    assert body[-1].endswith("وورشا للأطفال في كل مساء.")
    assert (3, "0 تعليق") in [(line, text) for line, text, _ in dropped(scraped)]
    assert [text for _, text, reason in dropped(scraped) if reason.startswith("the comment section")] == [
        "لا توجد تعليقات حتى الآن",
        "الرد كضيف",
    ]


def test_a_more_follows_mark_and_an_aggregators_disclaimer_are_not_the_article() -> None:
    scraped = parse("aggregator_disclaimer_and_more_follows.txt")
    body = paragraphs(scraped)
    assert body[-1].endswith("إلى المكان الذي شهد سقوط الطائرة.")
    reasons = {text: reason for _, text, reason in dropped(scraped)}
    assert reasons["يتبع.."] == "a wire service's end mark"
    disclaimer = next(text for text in reasons if text.startswith("ملحوظة: مضمون هذا الخبر"))
    assert reasons[disclaimer].startswith("the site's disclaimer")
    assert scraped.source == "المدينة"  # the paper the aggregator's note says wrote the story


def test_the_days_banner_and_a_section_before_the_headline_are_left_out() -> None:
    scraped = parse("day_banner_and_section_before_headline.txt")
    assert scraped.title == "الصحة: افتتاح مستشفى جديد للأطفال في المدينة"
    assert paragraphs(scraped)[0].startswith("افتتحت وزارة الصحة اليوم")
    assert scraped.date is None  # the day's banner is not the article's date
    assert dropped(scraped)[:2] == [
        (
            1,
            "Mosul 21°C الخميس 14 تشرين الثاني 09:12",
            "the page's banner of the day (its date and time), not a headline",
        ),
        (3, "الأخبار", "the section's name printed before the headline"),
    ]


def test_a_section_after_the_date_and_time_leaves_the_date() -> None:
    scraped = parse("date_row_with_section_after.txt")
    assert scraped.title == "بلدية المدينة تنهي صيانة ثلاثة جسور في الحي الشمالي"
    assert scraped.date == datetime(2024, 11, 14, 9, 12, 5)
    assert scraped.source is None  # a section is not the outlet
    assert paragraphs(scraped)[0].startswith("أنهت بلدية المدينة اليوم")


def test_a_share_label_its_count_and_a_same_section_list_are_left_out() -> None:
    scraped = parse("share_label_count_and_same_section.txt")
    assert scraped.title == "النادي الأهلي يعود بفوز ثمين من ملعب منافسه …."  # an ellipsis, then a stop
    body = paragraphs(scraped)
    assert body[0].startswith("عاد النادي الأهلي بفوز ثمين")
    assert body[-1].endswith("في المركز الثالث من جدول الترتيب.")
    reasons = {text: reason for _, text, reason in dropped(scraped)}
    assert reasons["3120"] == "a number alone (a counter without its label)"
    assert any("ارسال بالايميل :" in note for note in scraped.found)  # a share button, as every site prints it
    assert "الأهلي يستعد لمواجهة الاتحاد في الكأس" not in scraped.body


def test_a_date_above_the_headline_gives_way_to_the_day_of_the_address() -> None:
    text = (FIXTURES / "banner_date_and_address_day.txt").read_text(encoding="utf-8")
    filed = parse_scraped(text, "t.txt", url="https://outlet.example/2025/11/30/agriculture-campaign")
    assert filed.date == datetime(2025, 11, 30)
    assert (1, "الأحد 7 ديسمبر 2025") in [(line, text) for line, text, _ in dropped(filed)]
    same_day = parse_scraped(text, "t.txt", url="https://outlet.example/2025/12/07/agriculture-campaign")
    assert same_day.date == datetime(2025, 12, 7)
    assert parse_scraped(text, "t.txt").date == datetime(2025, 12, 7)  # without an address, the printed date
