"""``scrape.byline``: the name a dropped byline line gives, and the author it makes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from digest.editor.scrape import parse_scraped
from digest.editor.scrape.byline import byline_name, with_author
from digest.editor.scrape.model import Dropped

_STORY = "قال الوزير في مؤتمر صحفي إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار."


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("كتب : وكالات", "وكالات"),
        ("كتب: وكالات", "وكالات"),
        ("كتب - وكالات", "وكالات"),
        ("كتبت سارة أحمد", "سارة أحمد"),
        ("بقلم محمد علي", "محمد علي"),
        ("بقلم: د. محمد علي", "د. محمد علي"),
        ("إعداد: «فريق التحرير»", "فريق التحرير"),
        ("سمير عطا الله يكتب:", "سمير عطا الله"),
        ("سلمى الراوي تكتب", "سلمى الراوي"),
        ("By Jane Doe", "Jane Doe"),
        ("written by: Jane Doe", "Jane Doe"),
    ],
)
def test_the_name_is_taken_from_the_byline_shapes(line: str, name: str) -> None:
    assert byline_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "كتب",  # nothing after the verb
        "كتب 3 مقالات",  # digits: not a name
        "كتب الرئيس رسالة طويلة إلى الأمين العام للأمم المتحدة يطلب فيها",  # a sentence
        "كتبي الجديد",  # another word that starts like the verb
        "Bynum Smith",
        "تحرير: أحمد",  # an editor, not the author
    ],
)
def test_a_line_of_another_shape_gives_no_name(line: str) -> None:
    assert byline_name(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("د. سمير عطا الله", "د. سمير عطا الله"),
        ("الكاتب سمير عطا الله", "سمير عطا الله"),
        ("كتب : وكالات", "وكالات"),
        ("تحرير: أحمد حسن", None),  # an editor
        ("مراسل الجزيرة", None),  # a correspondent, named by the outlet
        ("تصوير محمد علي", None),  # a photographer
        ("المحرر: سامي", None),
    ],
)
def test_a_line_dropped_as_a_byline_may_be_the_name_alone(line: str, name: str | None) -> None:
    assert byline_name(line, alone=True) == name


def test_the_first_byline_the_readers_dropped_is_the_author() -> None:
    text = f"عنوان تجريبي عن زيارة وزير إلى العاصمة\nكتب : وكالات\n28/10/2024\n{_STORY}\nبقلم محمد علي\n"
    scraped = with_author(parse_scraped(text, "t.txt"))
    assert scraped.author == "وكالات"
    assert "author 'وكالات' from the byline (line 2)" in scraped.found


def test_a_byline_dropped_as_furniture_counts() -> None:
    text = f"عنوان تجريبي عن زيارة وزير إلى العاصمة\n28/10/2024\n{_STORY}\nبقلم محمد علي\n"
    scraped = with_author(parse_scraped(text, "t"))
    assert scraped.author == "محمد علي"
    assert "author 'محمد علي' from the byline (line 4)" in scraped.found


def test_only_byline_records_count_and_an_author_already_known_wins() -> None:
    scraped = parse_scraped(f"عنوان تجريبي عن زيارة وزير إلى العاصمة\n28/10/2024\n{_STORY}\n", "t")
    assert with_author(scraped).author is None
    caption = replace(scraped, dropped=(Dropped(3, "بقلم محمد علي", "the caption beside the photo credit"),))
    assert with_author(caption).author is None
    byline = replace(scraped, dropped=(Dropped(3, "سمير عطا الله يكتب:", "a byline"),))
    assert with_author(byline).author == "سمير عطا الله"
    honorific = replace(scraped, dropped=(Dropped(1, "د. سمير عطا الله", "a byline (a name with an honorific)"),))
    assert with_author(honorific).author == "د. سمير عطا الله"
    known = replace(byline, author="سلمى الراوي")
    assert with_author(known) is known
