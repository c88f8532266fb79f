"""The search pages in Chromium: Arabic queries with and without ال and with hamza variants,
English queries in the English edition, filters, and the query normaliser shared with Python."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from digest.search.forms import search_key
from digest.tuning import Tuning
from tests.conftest import build_ok, copy_project, serve_folder
from tests.test_browser import browser  # noqa: F401  (the module-scoped Chromium fixture)

pytestmark = pytest.mark.browser

RUTTE = "2024-10-28-nato-rutte-north-korean-troops-kursk"
SOUTH_KOREA = "2024-10-23-south-korea-nato-brussels-north-korea"


def _open(chromium, origin: str, path: str):  # type: ignore[no-untyped-def]
    page = chromium.new_page()
    errors: list[str] = []

    def on_console(msg) -> None:  # type: ignore[no-untyped-def]
        if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(origin + path)
    page.wait_for_selector("#search-form[data-ready]", state="attached")
    return page, errors


def _search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``query`` and return the result links once the status line reports."""
    page.evaluate("document.querySelector('#search-status').textContent = ''")
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_function("document.querySelector('#search-status').textContent !== ''")
    return page.eval_on_selector_all("#search-results a", "links => links.map(a => a.pathname)")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("سكابييفا", RUTTE),  # as written
        ("الأمين", SOUTH_KOREA),  # with the article and hamza, as the text has it
        ("أمين", SOUTH_KOREA),  # without ال: Pagefind's stemmer alone misses this one
        ("امين", SOUTH_KOREA),  # without ال and without hamza
        ("الاعلامية", RUTTE),  # hamza dropped: the text has الإعلامية
        ("مقاطعه", RUTTE),  # ه for ة
        ("الي", RUTTE),  # ي for ى (إلى)
    ],
)
def test_arabic_query_finds_the_article(browser, sample_origin: str, query: str, expected: str) -> None:  # noqa: F811
    page, errors = _open(browser, sample_origin, "/ar/search/")
    found = _search(page, query)
    assert f"/ar/articles/{expected}/" in found, (query, found)
    assert all(path.startswith("/ar/") for path in found)
    assert errors == []
    page.close()


def test_arabic_query_that_matches_nothing_says_so(browser, sample_origin: str) -> None:  # noqa: F811
    page, errors = _open(browser, sample_origin, "/ar/search/")
    assert _search(page, "زرزورخفاش") == []
    assert page.inner_text("#search-status") == "لا توجد مقالة مطابقة."
    assert errors == []
    page.close()


def test_english_query_in_the_english_edition(browser, sample_origin: str) -> None:  # noqa: F811
    page, errors = _open(browser, sample_origin, "/en/search/")
    found = _search(page, "Skabeyeva")
    assert found == [f"/en/articles/{RUTTE}/"]
    titles = page.eval_on_selector_all("#search-results h2", "hs => hs.map(h => h.textContent)")
    assert titles[0].startswith("NATO Secretary General claims")
    assert errors == []
    page.close()


def test_a_filter_narrows_the_results(browser, sample_origin: str) -> None:  # noqa: F811
    page, errors = _open(browser, sample_origin, "/ar/search/")
    everything = _search(page, "الناتو")
    assert len(everything) == 3
    page.wait_for_function("document.querySelector('#search-entity').options.length > 1")
    page.select_option("#search-entity", label="أولغا سكابييفا")
    page.wait_for_function("document.querySelectorAll('#search-results a').length === 1")
    found = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.pathname)")
    assert found == [f"/ar/articles/{RUTTE}/"]
    assert "entity=" in page.url
    assert errors == []
    page.close()


def test_script_and_python_normalise_queries_alike(browser, sample_origin: str) -> None:  # noqa: F811
    words = ["الأمين", "أمين", "وبالإعلامية", "للحلف", "إلى", "مقاطعةً", "كـوريا", "ال", "آل", "Rutte", "الـناتو"]
    page, errors = _open(browser, sample_origin, "/ar/search/")
    from_js = page.evaluate(
        "async words => { const m = await import('/assets/search.js'); return words.map(m.searchKey); }", words
    )
    assert from_js == [search_key(word) for word in words]
    assert errors == []
    page.close()


@pytest.fixture(scope="module")
def sharded_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample built with at most two pages per search shard: its Arabic edition has two."""
    project = copy_project(tmp_path_factory.mktemp("sharded"))
    build_ok(project, tuning=Tuning(shard_pages=2))
    assert len(list((project.site_dir / "pagefind" / "ar").iterdir())) == 2
    server, origin = serve_folder(project.site_dir)
    yield origin
    server.shutdown()
    server.server_close()


def test_shards_are_searched_and_filtered_as_one_index(browser, sample_origin: str, sharded_origin: str) -> None:  # noqa: F811
    """The three articles are in two shards; the page merges them: the same results as one
    index (ranked by score across shards), one set of filters."""
    queries = ["زرزورخفاش", "أمين", "الاعلامية", "مقاطعه", "سكابييفا", "الناتو"]  # the filter narrows the last
    whole, errors = _open(browser, sample_origin, "/ar/search/")
    expected = {query: sorted(_search(whole, query)) for query in queries}
    whole.close()
    page, errors = _open(browser, sharded_origin, "/ar/search/")
    assert len(expected["الناتو"]) == 3
    for query in queries:
        assert sorted(_search(page, query)) == expected[query], query
    page.wait_for_function("document.querySelector('#search-entity').options.length > 1")
    page.select_option("#search-entity", label="أولغا سكابييفا")
    page.wait_for_function("document.querySelectorAll('#search-results a').length === 1")
    found = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.pathname)")
    assert found == [f"/ar/articles/{RUTTE}/"]
    assert errors == []
    page.close()


_PAGE_TEXT = """async url => {
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const parts = [".article__title", ".article__summary", ".article__body"];
  return parts.map((part) => doc.querySelector(part)?.textContent || "").join("\\n");
}"""
"""The text a reader sees on an article page: headline, summary and body (hidden parts left out)."""


def _words(text: str) -> set[str]:
    """The words of a text as separated by white space, without the joiners that only keep
    letters joined across an element's edge (invisible) and without a sentence's final full
    stop (Pagefind ends a block that has none with one)."""
    return {word.rstrip(".") for word in text.replace("\u200d", "").split()}


@pytest.mark.parametrize("query", ["روسيا", "لروسيا", "الناتو", "كوريا"])
def test_excerpts_are_the_text_as_the_page_shows_it(browser, sample_origin: str, query: str) -> None:  # noqa: F811
    """An excerpt is made of the page's own words: a mention is joined to the clitic or quote
    mark before it as on the page (``لروسيا``, ``"الناتو"``), with no space where the page has
    none and no joiner left beside a space."""
    page, errors = _open(browser, sample_origin, "/ar/search/")
    assert _search(page, query)
    results = page.eval_on_selector_all(
        "#search-results li",
        "items => items.map(li => [li.querySelector('a').pathname, li.querySelector('.search__excerpt').innerHTML])",
    )
    assert results
    for path, excerpt_html in results:
        excerpt = re.sub(r"</?mark>", "", excerpt_html)
        assert not re.search(r"\u200d\s|\s\u200d", excerpt), excerpt
        text = page.evaluate(_PAGE_TEXT, path)
        for quote, word in re.findall(r"([\"«])\s+(\w+)", excerpt):
            assert re.search(rf"{quote}\s+{word}", text), (path, excerpt)  # the page has that space too
        shown = _words(text)
        strays = [word for word in _words(excerpt.strip("… ")) if word not in shown]
        assert strays == [], (path, excerpt)
    excerpts = dict(results)
    if query == "روسيا":
        assert any("لروسيا" in excerpt for excerpt in excerpts.values()), excerpts
    if query == "لروسيا":
        # The page: فيما سبق ل[[russia|روسيا]] وكذّبت. The word is found where it is a mention.
        assert "سبق <mark>لروسيا</mark> وكذّبت" in excerpts[f"/ar/articles/{RUTTE}/"], excerpts
    assert errors == []
    page.close()
