"""Interface strings: plural forms by CLDR category, localised dates, directions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from digest import i18n
from digest.diagnostics import Diagnostics
from digest.templating import Templates

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def templates() -> Templates:
    diags = Diagnostics()
    strings = i18n.load_strings(ROOT / "templates" / "i18n", ("ar", "en"), diags)
    assert not diags.has_errors
    return Templates(ROOT / "templates", strings, ROOT)


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("ar", 0, "لم يُذكر"),
        ("ar", 1, "مرة واحدة"),
        ("ar", 2, "مرتان"),
        ("ar", 3, "3 مرات"),
        ("ar", 11, "11 مرة"),
        ("ar", 100, "100 مرة"),
        ("en", 1, "1 mention"),
        ("en", 2, "2 mentions"),
        ("en", 0, "0 mentions"),
    ],
)
def test_counts_use_the_languages_plural_forms(templates: Templates, lang: str, count: int, expected: str) -> None:
    template = templates.env.from_string("{{ t('mentions_count', count=n) }}")
    assert template.render(page=SimpleNamespace(lang=lang), n=count) == expected


def test_every_language_has_the_same_strings(tmp_path: Path) -> None:
    (tmp_path / "ar.yaml").write_text('a: "x"\nb.one: "y"\n', encoding="utf-8")
    (tmp_path / "en.yaml").write_text('a: "x"\nb.other: "y"\nc: "z"\n', encoding="utf-8")
    diags = Diagnostics()
    i18n.load_strings(tmp_path, ("ar", "en"), diags)
    assert [d.format() for d in diags] == ["templates/i18n/ar.yaml:1:1: missing interface string 'c'"]


def test_dates_keep_the_articles_time_zone() -> None:
    moment = datetime(2024, 10, 28, 15, 56, tzinfo=timezone(timedelta(hours=3)))
    assert i18n.datetime_text(moment, "en") == "October 28, 2024, 15:56 UTC+3"
    assert i18n.datetime_text(moment, "ar") == "28 أكتوبر 2024، 15:56 UTC+3"
    assert i18n.datetime_text(datetime(2024, 10, 23, tzinfo=UTC), "en", with_time=False) == "October 23, 2024"


def test_a_date_is_the_day_of_its_own_zone_whatever_was_shown_before() -> None:
    """One instant written in two zones falls on two days; the memoised formatting must not
    hand one the other's (aware datetimes are equal when their instants are)."""
    riyadh = datetime(2023, 9, 15, 0, 9, tzinfo=timezone(timedelta(hours=3)))
    utc = riyadh.astimezone(UTC)
    assert riyadh == utc and hash(riyadh) == hash(utc)
    for first, second in ((riyadh, utc), (utc, riyadh)):
        i18n._day_text.cache_clear()
        texts = {moment: i18n.date_text(moment, "en") for moment in (first, second)}
        assert [i18n.date_text(first, "en"), i18n.date_text(second, "en")] == [
            "September 15, 2023" if first is riyadh else "September 14, 2023",
            "September 14, 2023" if first is riyadh else "September 15, 2023",
        ], texts


def test_direction() -> None:
    assert [i18n.direction(code) for code in ("ar", "en", "fa", "he", "en-GB", "ar-EG")] == [
        "rtl",
        "ltr",
        "rtl",
        "rtl",
        "ltr",
        "rtl",
    ]
