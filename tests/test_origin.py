"""The outlet a text credits itself to, when it prints no "المصدر:" line: credit lines, a name in
quotes, the words beside the date, the dateline that opens the first paragraph."""

from __future__ import annotations

import pytest

from digest.editor.scrape import parse_scraped
from digest.editor.scrape.datelines import dateline_outlet
from digest.editor.scrape.origin import credit_name, outlet_shaped, quoted_name

_TITLE = "وزير الخارجية يبحث مع نظيره تطورات الأوضاع في المنطقة\n\n"
_BODY = (
    "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره بحث فيه تطورات الأوضاع في المنطقة.\n\n"
    "وأكد الوزيران أهمية مواصلة التنسيق بين البلدين في القضايا ذات الاهتمام المشترك.\n"
)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("متابعة – الشرق نيوز", "الشرق نيوز"),
        ("متابعات: صحيفة الغد", "صحيفة الغد"),
        ("وادي برس- متابعات", "وادي برس"),
        ("وكالات", "وكالات"),
        ("(وكالات)", "وكالات"),
        ("متابعة – قال الوزير إن الاجتماع انتهى.", None),
        ("متابعة المفاوضات مستمرة", None),
        ("خاص - 2024", None),
    ],
)
def test_credit_lines(line: str, name: str | None) -> None:
    assert credit_name(line) == name


def test_quoted_names_and_outlet_shapes() -> None:
    assert quoted_name("“الوادي اليوم”") == ("الوادي اليوم", None)
    assert quoted_name('"موقع الوادي" / سالم ناصر') == ("موقع الوادي", "سالم ناصر")
    assert quoted_name("«قال الوزير: لن نتراجع عن القرار أبدا»") is None
    assert outlet_shaped("بوابة الوادي") and outlet_shaped("الوادي نيوز") and outlet_shaped("الوادي الإخباري")
    assert not outlet_shaped("أحمد سالم") and not outlet_shaped("القاهرة")


def _source(text: str) -> tuple[str | None, list[str]]:
    scraped = parse_scraped(text, "t.txt")
    return scraped.source, [g for g in scraped.guessed if g.startswith("source")]


def test_a_credit_line_gives_the_source_and_is_not_the_headline() -> None:
    scraped = parse_scraped("متابعة – الشرق نيوز\n\n" + _TITLE + _BODY, "t.txt")
    assert scraped.source == "الشرق نيوز"
    assert scraped.title == _TITLE.strip()
    assert (1, "credits an outlet (الشرق نيوز)") in [(d.line, d.reason) for d in scraped.dropped]
    assert "taken from the credit on line 1" in " ".join(scraped.guessed)


def test_a_quoted_name_with_a_writer_gives_the_source_and_is_left_out() -> None:
    scraped = parse_scraped(_TITLE + '"موقع الوادي" / سالم ناصر\n\n' + _BODY, "t.txt")
    assert scraped.source == "موقع الوادي"
    assert "سالم ناصر" not in scraped.body
    assert scraped.body.startswith("أجرى وزير الخارجية")


def test_the_words_beside_the_date_give_the_source() -> None:
    source, guessed = _source(_TITLE + "الإثنين 07 مايو 2007 الساعة 07 مساءً / وادي برس- متابعات\n\n" + _BODY)
    assert source == "وادي برس"
    assert guessed == ["source 'وادي برس' taken from beside the date on line 3"]


def test_the_dateline_that_opens_the_first_paragraph_gives_the_source() -> None:
    dash = _TITLE + "الوادي الإخباري-   أجرى وزير الخارجية اتصالا هاتفيا مع نظيره بحث فيه تطورات الأوضاع.\n"
    assert _source(dash)[0] == "الوادي الإخباري"
    brackets = _TITLE + "الشارقة (الوادي) أصدر الحاكم مرسوما بشأن فض دور الانعقاد للمجلس الاستشاري.\n"
    assert _source(brackets)[0] == "الوادي"


def test_a_place_before_a_dash_or_an_aside_in_brackets_is_not_an_outlet() -> None:
    assert _source(_TITLE + "القاهرة - أجرى وزير الخارجية اتصالا هاتفيا مع نظيره اليوم.\n")[0] is None
    assert _source(_TITLE + "قال بوتين (72 عاما) إن بلاده لن تتراجع عن موقفها.\n")[0] is None
    assert _source(_TITLE + _BODY) == (None, [])


def test_a_source_line_wins_over_a_credit() -> None:
    scraped = parse_scraped("متابعة – الشرق نيوز\n\n" + _TITLE + _BODY + "\nالمصدر: صحيفة الغد\n", "t.txt")
    assert scraped.source == "صحيفة الغد"


def test_a_place_after_the_date_is_not_the_source() -> None:
    assert _source(_TITLE + "الأحد 15 فبراير 2026 - القاهرة\n\n" + _BODY) == (None, [])
    assert _source(_TITLE + "صوت الوادي ـ نشر في 2026/01/20 الساعة 09:45\n\n" + _BODY)[0] == "صوت الوادي"


def test_the_sites_own_name_is_known_by_its_address() -> None:
    from digest.editor.scrape.origin import names_site

    assert names_site("المؤشر", "https://elmuashir.com/16221/x")
    assert names_site("المنبر 24", "https://almenbar24.com/?p=2842")
    assert names_site("القرار", "https://www.alqararaldawlia.com/news/1")
    assert not names_site("رويترز", "https://www.akhbaralaan.net/news/1")
    assert not names_site("المؤشر", None)
    assert not names_site("لبنان", "https://www.lebanon24.com/news/1")  # the site's name has its number
    assert names_site("Lebanon 24", "https://www.lebanon24.com/news/1")
    text = _TITLE + "المرصد\n\n" + _BODY
    assert parse_scraped(text, "t.txt", url="https://almarsad.example/1").source == "المرصد"
    assert parse_scraped(text, "t.txt").source is None  # without the address, a bare name is no outlet
    placed = _TITLE + "القاهرة : الوادي 24\n\n" + _BODY
    assert parse_scraped(placed, "t.txt", url="https://alwadi24.example/?p=1").source == "الوادي 24"


def test_a_bar_after_the_outlets_name_is_not_part_of_it() -> None:
    body = "\n".join(line for line in _BODY.split("\n") if line)
    text = "مسقط – الوطن|\n" + body + "\n"  # no headline printed: the dateline opens the text
    assert parse_scraped(text, "t.txt", url="https://alwatan.example/1").source == "الوطن"


def test_the_agency_in_brackets_closing_a_dateline_line() -> None:
    text = "الوادي نيوز | دبي – الإمارات العربية المتحدة – (رويترز)\n\n" + _TITLE + _BODY
    assert _source(text)[0] == "رويترز"


def test_a_long_place_or_a_date_before_the_brackets_of_the_opening_dateline() -> None:
    em_dash = _TITLE + "دبي، الإمارات العربية المتحدة (CNN)—نشر المقاول أول تغريدة له بعد إعلانه الاعتزال.\n"
    assert _source(em_dash)[0] == "CNN"
    dated = _TITLE + "الجزائر 7 يوليو 2021 (شينخوا) أعلنت الرئاسة تشكيلة الحكومة الجديدة مساء اليوم.\n"
    assert _source(dated)[0] == "شينخوا"
    verb = _TITLE + "أعلنت الرئاسة (الديوان) تشكيلة الحكومة الجديدة مساء اليوم.\n"
    assert _source(verb)[0] is None


def test_a_bulleted_tag_is_not_an_outlet() -> None:
    assert _source(_TITLE + "- الوادي نيوز\n- مجلس الأمن\n\n" + _BODY)[0] is None


def test_a_name_inside_the_address_is_not_the_sites() -> None:
    from digest.editor.scrape.origin import names_site

    assert not names_site("لبنان", "https://www.thisislebanon.example/news/1")
    assert names_site("الوطن", "https://www.elwatannews.example/news/1")


def test_a_word_of_the_name_is_the_address_without_its_media_ending() -> None:
    from digest.editor.scrape.origin import names_site

    assert names_site("الوادي اليوم", "https://alwadinews.example/123/")
    assert names_site("أخبار الوادي", "https://alwadinews.example/article/1")
    assert not names_site("الوادي اليوم", "https://alwadi.example/1")  # no media ending to cut: too weak
    assert not names_site("القاهرة اليوم", "https://alwadinews.example/1")


def test_the_sites_name_glued_to_a_colon_opens_the_first_paragraph() -> None:
    text = _TITLE + "الوادي اليوم:أجرى وزير الخارجية اتصالا هاتفيا مع نظيره بحث فيه تطورات الأوضاع.\n"
    scraped = parse_scraped(text, "t.txt", url="https://alwadinews.example/5/")
    assert scraped.source == "الوادي اليوم"
    assert scraped.body.startswith("الوادي اليوم:أجرى")
    assert parse_scraped(text, "t.txt", url="https://othersite.example/5/").source is None


def test_a_first_paragraph_opening_with_the_outlets_dateline_is_not_the_headline() -> None:
    first = "أخبار الوادي - أصيب اليوم عشرة أشخاص بحادث تدهور حافلة على الطريق الرئيسي في المحافظة"
    second = "وقال مدير المستشفى إن حالة المصابين ما بين جيدة ومتوسطة"
    scraped = parse_scraped(f"{first}\n{second}\n", "t.txt", url="https://alwadinews.example/article/9")
    assert scraped.title is None
    assert scraped.source == "أخبار الوادي"
    assert scraped.body.split("\n\n") == [first, second]
    headline = "الوادي - مهرجان الربيع في ساحة البلدة يلاقي إقبالا كبيرا من الأهالي والزوار هذا العام"
    titled = parse_scraped(f"{headline}\nلاقى مهرجان الربيع إقبالا كبيرا من الأهالي.\n", "t.txt")
    assert titled.title == headline


def test_an_outlets_name_before_its_section_on_a_credit_line() -> None:
    scraped = parse_scraped(_TITLE + "شبكة الوادي – أخبار المنطقة\n\n" + _BODY, "t.txt")
    assert scraped.source == "شبكة الوادي"
    assert "أخبار المنطقة" not in scraped.body


def test_an_agency_in_brackets_closing_the_article_is_its_source_and_not_its_text() -> None:
    text = "الوادي نيوز\n" + _BODY.rstrip("\n") + "(وان)\n"
    scraped = parse_scraped(_TITLE + text, "t.txt")
    assert scraped.source == "وان"
    assert scraped.body.endswith("ذات الاهتمام المشترك.")
    assert (6, "(وان)") in [(d.line, d.text) for d in scraped.dropped]


def test_an_agency_in_brackets_closing_the_first_paragraph_is_the_source() -> None:
    first = "أعلنت وزارة الزراعة عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية صباح الخميس (وان)"
    scraped = parse_scraped(_TITLE + first + "\n\nوأوضحت الوزارة أن الخطة تبدأ الشهر المقبل.\n", "t.txt")
    assert scraped.source == "وان"
    assert scraped.body.startswith(first)


def test_a_number_or_a_clause_in_closing_brackets_is_no_agency() -> None:
    aside = _TITLE + "وبلغ عدد المشاركين في المؤتمر ألف مشارك (بحسب المنظمين: 1200).\n"
    assert _source(aside)[0] is None
    assert _source(_TITLE + "وارتفع عدد الإصابات إلى عشرين (20)\n")[0] is None


def test_an_agency_in_brackets_alone_after_the_article_is_its_source() -> None:
    scraped = parse_scraped(_TITLE + _BODY + "\n(وان)\n", "t.txt")
    assert scraped.source == "وان"
    assert scraped.body.endswith("ذات الاهتمام المشترك.")


def test_a_long_dated_headline_followed_by_a_paragraph_opening_with_a_waw_noun_stays_the_headline() -> None:
    headline = "الوادي - وزير الخارجية يبحث مع نظيره تطورات الأوضاع في المنطقة والعلاقات بين البلدين اليوم"
    scraped = parse_scraped(f"{headline}\nوزير الخارجية أجرى اتصالا هاتفيا مع نظيره.\n", "t.txt")
    assert scraped.title == headline


def test_an_acronym_in_brackets_closing_the_first_paragraph_is_no_source() -> None:
    first = "أعلنت منظمة الأمم المتحدة للطفولة عن خطة لدعم المدارس في المحافظات الجنوبية (يونيسف)"
    scraped = parse_scraped(_TITLE + first + "\n\nوأوضحت المنظمة أن الخطة تبدأ الشهر المقبل.\n", "t.txt")
    assert scraped.source is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("جدة – واس:", "واس"),
        ("شفق نيوز- أنقرة", "شفق نيوز"),
        ("شمس نيوز/ عمّان", "شمس نيوز"),
        ("رام الله - وكالة خبر", "وكالة خبر"),
        ("أنا الخبر ـ و.م.ع", "و.م.ع"),
        ("القاهرة - أ ش أ", "أ ش أ"),
        ("مصر – السودان", None),
        ("قال الوزير - إن الاتفاق قريب", None),
        ("وزير الخارجية يصل إلى الرياض - واس في زيارة", None),
    ],
)
def test_a_dateline_line_names_the_outlet_by_its_shape_on_either_side(line: str, outlet: str | None) -> None:
    assert dateline_outlet(line, outlet_shaped) == outlet


def test_a_dateline_with_the_outlet_in_quotes_and_a_closing_dash() -> None:
    from digest.editor.scrape.datelines import dateline_parts
    from digest.editor.scrape.origin import outlet_shaped

    assert dateline_parts("نواكشوط-“مورينيوز”-") == ("نواكشوط", "مورينيوز")
    assert outlet_shaped("مورينيوز")  # a media word glued to the name
    text = _TITLE + "نواكشوط-“الوادي نيوز”-\n" + _BODY
    assert parse_scraped(text, "t.txt").source == "الوادي نيوز"


def test_the_sites_description_of_itself_after_the_article_is_left_out() -> None:
    text = _TITLE + _BODY + "\nالوطن مؤسسة إعلامية رائدة في قطاع الأخبار\n"
    scraped = parse_scraped(text, "t.txt", url="https://alwatan.example/2025/01/02/x")
    assert scraped.body.rstrip().endswith("ذات الاهتمام المشترك.")
    assert ("الوطن مؤسسة إعلامية رائدة في قطاع الأخبار", "the site's description of itself after the article") in [
        (d.text, d.reason) for d in scraped.dropped
    ]
    kept = parse_scraped(text, "t.txt")  # without the address the line cannot be told from a sentence
    assert kept.body.rstrip().endswith("قطاع الأخبار")


def test_a_closing_sentence_that_begins_like_the_sites_name_stays() -> None:
    text = _TITLE + _BODY + "\nالوطن موقع تاريخي يزوره الآلاف كل عام.\n"
    scraped = parse_scraped(text, "t.txt", url="https://alwatan.example/2025/01/02/x")
    assert scraped.body.rstrip().endswith("يزوره الآلاف كل عام.")


def test_a_place_a_dash_and_the_outlet_with_its_colon_open_the_first_paragraph() -> None:
    first = "موسكو – وكالة النبض نيوز: التقى وزير الخارجية نظيره في موسكو اليوم لبحث العلاقات بين البلدين.\n\n"
    text = _TITLE + first + _BODY
    assert _source(text)[0] == "وكالة النبض نيوز"  # up to its colon, not the first two words
    plain = _TITLE + "موسكو – أعلنت الوزارة اليوم خطة جديدة للتعاون بين البلدين في المنطقة.\n\n" + _BODY
    assert _source(plain)[0] is None  # after the dash a sentence, no outlet
