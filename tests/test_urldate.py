"""The day a page's address gives: read from the path only, used only when the text prints no date."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from digest.cli import main
from digest.editor.scrape import parse_scraped
from digest.editor.scrape.urldate import UrlDate, date_in_url
from digest.read.project import Project

_TEXT = (
    "وزير الخارجية يبحث مع نظيره تطورات الأوضاع في المنطقة\n\n"
    "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره بحث فيه تطورات الأوضاع في المنطقة.\n\n"
    "وأكد الوزيران أهمية مواصلة التنسيق بين البلدين في القضايا ذات الاهتمام المشترك.\n"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/news/details/2025/7/19/2822060/slug", UrlDate(2025, 7, date(2025, 7, 19))),
        ("https://example.com/story/2016/11/15/مقالات/2968296", UrlDate(2016, 11, date(2016, 11, 15))),
        ("https://example.com/2022-06-19/7645-943/amp", UrlDate(2022, 6, date(2022, 6, 19))),
        ("https://example.com/a/20240131/item.html", UrlDate(2024, 1, date(2024, 1, 31))),
        ("https://example.com/2023/09/%d9%85%d8%ac%d9%84%d8%a9.html", UrlDate(2023, 9, None)),
        ("https://example.com/Web/Politics/2007/11/281603.htm", UrlDate(2007, 11, None)),
        ("https://example.com/2025/02/30/not-a-day", UrlDate(2025, 2, None)),
    ],
)
def test_the_path_gives_a_day_or_only_a_month(url: str, expected: UrlDate) -> None:
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.com/1365813",
        "https://example.com/columns/print.aspx?cdate=12112009&id=5ab1",
        "https://2024.example.com/news/item",
        "https://example.com/news/120250719/item",
    ],
)
def test_ids_hosts_and_queries_are_not_dates(url: str | None) -> None:
    assert date_in_url(url) is None


def test_the_address_gives_the_day_only_when_the_text_prints_none() -> None:
    scraped = parse_scraped(_TEXT, "t.txt", url="https://example.com/2025/07/19/slug")
    assert scraped.date == datetime(2025, 7, 19) and not scraped.date_has_time
    assert any("2025-07-19 taken from the page's address" in g for g in scraped.guessed)
    assert not any("no publication date" in d.message for d in scraped.diagnostics)

    printed = parse_scraped("السبت، 13-09-2025 08:24 م\n\n" + _TEXT, "t.txt", url="https://example.com/2025/07/19/x")
    assert printed.date == datetime(2025, 9, 13, 20, 24) and printed.date_has_time

    month = parse_scraped(_TEXT, "t.txt", url="https://example.com/2023/09/slug.html")
    assert month.date is None
    assert any("only the month 2023-09" in g for g in month.guessed)
    assert any("no publication date" in d.message for d in month.diagnostics)


def test_import_url_records_the_address_and_its_day(scratch: Project, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = tmp_path / "page.txt"
    raw.write_text(_TEXT, encoding="utf-8")
    url = "https://example.com/news/2025/7/19/2822060/slug"
    root = ["--root", str(scratch.root), "import"]
    assert main([*root, str(raw), "--url", url, "--title-en", "Ministers call", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "date: '2025-07-19'" in out and f"url: {url}" in out
    assert "taken from the page's address" in out


def test_import_url_names_one_file_and_an_http_address(scratch: Project, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    for path in (one, two):
        path.write_text(_TEXT, encoding="utf-8")
    root = ["--root", str(scratch.root), "import"]
    assert main([*root, str(one), str(two), "--url", "https://example.com/2025/07/19/x"]) == 2
    assert "--url gives the address of one text" in capsys.readouterr().err
    assert main([*root, str(one), "--url", "example.com/2025/07/19/x"]) == 2
    assert "is not an http(s) address" in capsys.readouterr().err
