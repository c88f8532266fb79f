"""Outlet profiles: a line an outlet prints on two pages is dropped from the third import on."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.editor import outlets
from digest.editor.scrape import parse_scraped

_MAST = "صحيفة المثال اليومية المستقلة"
_PROMPT = "شاركونا آراءكم في خانة التعليقات أسفل الصفحة"


def _page(title: str, sentence: str) -> str:
    return "\n".join([_MAST, title, "28/10/2024", sentence, _PROMPT])


_PAGES = [
    _page("عنوان تجريبي أول عن زيارة الوزير", "قال الوزير في مؤتمر صحفي اليوم إن المحادثات كانت مثمرة وبناءة."),
    _page("عنوان تجريبي ثان عن اجتماع المجلس", "أعلن المجلس في بيان مساء اليوم أنه سيجتمع مجددا الأسبوع المقبل."),
    _page("عنوان تجريبي ثالث عن أسعار الوقود", "رفعت الحكومة أسعار الوقود بنسبة خمسة في المئة اعتبارا من الغد."),
]


def test_a_line_on_two_pages_of_an_outlet_is_dropped_from_the_next(tmp_path: Path) -> None:
    path = outlets.profile_path(tmp_path, "example.com")
    learned: list[tuple[str, ...]] = []
    for text in _PAGES[:2]:
        profile = outlets.load(path, "example.com")
        scraped = parse_scraped(text, "p.txt", furniture=profile.furniture)
        profile, new = outlets.learn(profile, scraped.candidates)
        learned.append(new)
        outlets.save(path, profile)
    assert learned[0] == ()
    assert set(learned[1]) >= {"صحيفه المثال اليوميه المستقله", "شاركونا اراءكم في خانه التعليقات اسفل الصفحه"}
    assert not any("عنوان" in key for key in learned[1]), "a headline is not furniture"
    third = parse_scraped(_PAGES[2], "p.txt", furniture=outlets.load(path, "example.com").furniture)
    assert third.title == "عنوان تجريبي ثالث عن أسعار الوقود"
    assert third.body == "رفعت الحكومة أسعار الوقود بنسبة خمسة في المئة اعتبارا من الغد."
    assert {d.text for d in third.dropped} == {_MAST, _PROMPT}


def test_a_line_the_editor_keeps_is_never_learned_again(tmp_path: Path) -> None:
    profile = outlets.Profile("example.com", keep=("شاركونا اراءكم في خانه التعليقات اسفل الصفحه",))
    for text in _PAGES[:2]:
        profile, _ = outlets.learn(profile, parse_scraped(text, "p.txt").candidates)
    assert "شاركونا اراءكم في خانه التعليقات اسفل الصفحه" not in profile.furniture
    path = outlets.profile_path(tmp_path, "example.com")
    outlets.save(path, profile)
    assert outlets.load(path, "example.com") == profile
    assert path.read_text(encoding="utf-8").startswith("# Lines this outlet prints")


def test_a_broken_profile_is_reported_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "outlets" / "x.yaml"
    path.parent.mkdir()
    path.write_text("furniture: [a\nseen: {", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.yaml:\d+:\d+: not valid YAML"):
        outlets.load(path, "x")


@pytest.mark.parametrize(
    ("url", "name", "key"),
    [
        ("https://www.Example.com/news/1", None, "example.com"),
        (None, "Sky News Arabia", "sky-news-arabia"),
        (None, None, None),
    ],
)
def test_outlet_key(url: str | None, name: str | None, key: str | None) -> None:
    assert outlets.outlet_key(url, name) == key
