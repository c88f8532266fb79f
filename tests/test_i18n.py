"""Interface strings: plural forms by CLDR category, localised dates, directions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from digest import i18n
from digest.diagnostics import Diagnostics
from digest.read.strings import load_strings
from digest.templating import Templates

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def templates() -> Templates:
    diags = Diagnostics()
    strings = load_strings(ROOT / "templates" / "i18n", ("ar", "en"), diags)
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
    load_strings(tmp_path, ("ar", "en"), diags)
    assert [d.format() for d in diags] == ["templates/i18n/ar.yaml:1:1: missing interface string 'c'"]


def _theme(root: Path, template: str, files: dict[str, str]) -> Path:
    """A theme folder with one template and the given interface-string files."""
    (root / "i18n").mkdir(parents=True)
    (root / "page.html").write_text(template, encoding="utf-8")
    for lang, text in files.items():
        (root / "i18n" / f"{lang}.yaml").write_text(text, encoding="utf-8")
    return root / "i18n"


def _problems(folder: Path) -> list[str]:
    diags = Diagnostics()
    load_strings(folder, ("ar", "en"), diags)
    return [d.format() for d in diags]


def test_a_misspelt_key_is_reported_at_its_line_with_the_key_it_stands_for(tmp_path: Path) -> None:
    """The templates ask for 'legend', so 'legnd' (in en.yaml only) is the misspelling, not
    'legend' (in ar.yaml only): one error, in the file and at the line that has it."""
    folder = _theme(
        tmp_path,
        "{{ t('legend') }} {{ t('notes') }}",
        {"ar": 'notes: "ملاحظات"\nlegend: "الألوان"\n', "en": 'notes: "Notes"\n\nlegnd: "Highlighting"\n'},
    )
    assert _problems(folder) == [
        "templates/i18n/en.yaml:3:1: interface string 'legnd' is not in ar.yaml (did you mean 'legend'?)"
    ]


def test_between_two_keys_no_template_uses_each_file_is_told_of_its_own(tmp_path: Path) -> None:
    """Keys the engine looks up itself are not in the templates: nothing says which spelling is right."""
    folder = _theme(tmp_path, "", {"ar": 'a: "x"\nnotes: "y"\n', "en": 'a: "x"\nnotse: "y"\n'})
    assert _problems(folder) == [
        "templates/i18n/ar.yaml:2:1: interface string 'notes' is not in en.yaml (did you mean 'notse'?)",
        "templates/i18n/en.yaml:2:1: interface string 'notse' is not in ar.yaml (did you mean 'notes'?)",
    ]


def test_a_misspelt_plural_form_is_reported_at_its_key(tmp_path: Path) -> None:
    folder = _theme(tmp_path, "", {"ar": 'n.one: "x"\nn.othr: "y"\n', "en": 'n.one: "x"\nn.other: "y"\n'})
    assert _problems(folder) == [
        "templates/i18n/ar.yaml:2:1: unknown plural form 'othr' in 'n.othr' (did you mean 'other'?) "
        "(one of: zero, one, two, few, many, other)"
    ]


def test_interface_strings_are_read_like_content_files(tmp_path: Path) -> None:
    """A YAML mistake is explained at its place, and a key given twice is refused, not overwritten."""
    folder = _theme(tmp_path, "", {"ar": 'a: "x\nb: "y"\n', "en": 'a: "x"\nb: "y"\na: "z"\n'})
    assert _problems(folder) == [
        "templates/i18n/ar.yaml:2:5: YAML syntax error: the quoted text that ends before this began on an "
        'earlier line: a closing " is missing there',
        "templates/i18n/en.yaml:3:1: duplicate key 'a'",
    ]


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
