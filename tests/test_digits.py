"""Arabic-Indic digits: site.yaml ``digits`` switches an edition's numbers and dates to ٠١٢٣…"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digest import i18n
from digest.diagnostics import Diagnostics
from digest.index import build_index
from digest.pipeline import build
from digest.plan import plan_site
from digest.read.project import Project
from digest.read.reader import read_project
from digest.read.strings import load_strings
from digest.templating import Templates
from digest.urls import Urls
from digest.views import ViewBuilder
from tests.conftest import copy_project

ASCII_DIGIT = re.compile(r"[0-9]")
ARABIC_INDIC = re.compile(r"[\u0660-\u0669]")
MOMENT = datetime(2024, 10, 28, 12, 56, tzinfo=UTC)


# -- formatting -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        lambda d: i18n.date_text(MOMENT, "ar", d),
        lambda d: i18n.datetime_text(MOMENT, "ar", True, d),
        lambda d: i18n.month_text("2024-10", "ar", d),
        lambda d: i18n.number_text(12345, "ar", d),
        lambda d: i18n.pattern_text(date(2024, 10, 28), "d LLL y", "ar", d),
    ],
    ids=["date", "datetime", "month", "number", "pattern"],
)
def test_arabic_indic_digits_replace_every_latin_digit(text) -> None:  # type: ignore[no-untyped-def]
    latin, arabic = text("latn"), text("arab")
    assert ASCII_DIGIT.search(latin) and not ARABIC_INDIC.search(latin)
    assert ARABIC_INDIC.search(arabic) and not ASCII_DIGIT.search(arabic)
    # Only the digits differ (numbers also take Arabic separators: ٬).
    assert len(latin) == len(arabic)
    assert [int(c) for c in latin if c.isdigit()] == [int(c) for c in arabic if c.isdigit()]


def test_numbers_keep_babel_grouping_in_each_system() -> None:
    assert i18n.number_text(12345, "en") == "12,345"
    assert i18n.number_text(12345, "ar", "arab") == "١٢٬٣٤٥"
    assert i18n.number_text(7, "ar", "arabext") == "۷"


def test_latin_is_the_default() -> None:
    assert i18n.date_text(MOMENT, "ar") == i18n.date_text(MOMENT, "ar", "latn")
    assert ASCII_DIGIT.search(i18n.date_text(MOMENT, "ar"))


# -- site.yaml ----------------------------------------------------------------------


def with_site_line(tmp_path: Path, line: str) -> Project:
    project = copy_project(tmp_path)
    site = project.content_dir / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return project


def site_line(project: Project) -> int:
    return len((project.content_dir / "site.yaml").read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("line", "col", "message"),
    [
        (
            "digits: {ar: arabic}",
            14,
            "'digits': unknown digits 'arabic' (one of: latin, arabic-indic, extended-arabic-indic)"
            " (did you mean 'arabic-indic'?)",
        ),
        ("digits: {fa: arabic-indic}", 10, "'digits': unknown language 'fa' (site languages: ar, en)"),
        ("digits: arabic-indic", 9, "'digits': expected a mapping by language (e.g. {ar: arabic-indic}), found text"),
    ],
    ids=["unknown-name", "unknown-language", "not-a-mapping"],
)
def test_invalid_digits_are_reported_at_their_position(tmp_path: Path, line: str, col: int, message: str) -> None:
    project = with_site_line(tmp_path, line)
    result = build(project)
    assert not result.ok
    shown = [d.format() for d in result.diagnostics]
    assert any(s.startswith(f"content/site.yaml:{site_line(project)}:{col}: {message}") for s in shown), shown
    assert not project.site_dir.exists()


# -- rendered pages -------------------------------------------------------------------


def render(project: Project, digits: tuple[tuple[str, str], ...], routes: list[str]) -> dict[str, str]:
    """Render ``routes`` of the sample with ``digits`` set on its site settings."""
    diags = Diagnostics()
    corpus = read_project(project, diags).corpus
    assert corpus is not None and not diags.has_errors
    index = build_index(replace(corpus, site=replace(corpus.site, digits=digits)))
    strings = load_strings(project.templates_dir / "i18n", corpus.site.languages, diags)
    templates = Templates(project.templates_dir, strings, project.root)
    urls = Urls(corpus.site.base_url)
    specs = {spec.route: spec for spec in plan_site(index, ViewBuilder(index, urls, strings), urls, diags)}
    pages = {}
    for route in routes:
        spec = specs[route]
        html = templates.render(spec.template, diags, **spec.make())  # type: ignore[arg-type,union-attr]
        assert html is not None, [d.format() for d in diags]
        pages[route] = html
    return pages


def shown_text(page: str) -> str:
    """What readers see in <main>: the text between tags, without attributes, scripts or URLs."""
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", "", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


GENERATED = re.compile(
    r"<time [^>]*>([^<]*)</time>"  # dates
    r'|<span class="chip__count">([^<]*)<'  # counts on entity chips
    r'|<text class="chart__(?:tick|value)"[^>]*>([^<]*)<'  # chart axes and values
    r"|<td>([^<]*)</td>"  # chart data tables
    r'|<span class="count">([^<]*)<'  # counts in topic and archive lists
    r'|<p class="page-intro">([^<]*)<'
)


def generated_numbers(page: str) -> list[str]:
    """Dates and numbers the build wrote (not the editors' text)."""
    return [next(g for g in m.groups() if g is not None) for m in GENERATED.finditer(page)]


ROUTES = ["ar/", "ar/entities/russia/", "ar/entities/", "ar/archive/", "en/", "en/entities/russia/"]


def test_arabic_edition_writes_arabic_indic_digits(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    latin = render(project, (), ROUTES)
    arabic = render(project, (("ar", "arab"),), ROUTES)
    for route in ROUTES:
        if route.startswith("ar/"):
            before, after = generated_numbers(latin[route]), generated_numbers(arabic[route])
            assert len(before) == len(after) > 0, route
            assert any(ASCII_DIGIT.search(text) for text in before), route
            for text in after:
                assert not ASCII_DIGIT.search(text.replace("UTC", "")), (route, text)
            assert any(ARABIC_INDIC.search(text) for text in after), route
        else:
            assert arabic[route] == latin[route], route
    # Machine-readable values keep ASCII digits.
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}', arabic["ar/"])


def test_counts_in_interface_strings_and_chips_use_the_digits(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = render(project, (("ar", "arab"),), ["ar/entities/russia/"])["ar/entities/russia/"]
    counts = re.findall(r'<span class="chip__count">([^<]*)</span>', page)
    assert counts and all(ARABIC_INDIC.fullmatch(c[0]) and not ASCII_DIGIT.search(c) for c in counts)
    facts = page.split('<dl class="entity__facts">', 1)[1].split("</dl>", 1)[0]
    mentions = re.search(r"<dd>([^<]*مر[^<]*)</dd>", facts)
    assert mentions is not None and ARABIC_INDIC.search(mentions.group(1)), facts


def test_site_yaml_option_reaches_the_pages(tmp_path: Path) -> None:
    project = with_site_line(tmp_path, "digits: {ar: arabic-indic}")
    result = build(project)
    assert result.ok, [d.format() for d in result.diagnostics]
    html = (project.site_dir / "ar" / "entities" / "russia" / "index.html").read_text(encoding="utf-8")
    assert ARABIC_INDIC.search(shown_text(html))
