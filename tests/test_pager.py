"""The pager's page numbers: a bounded window around the current page, every page reachable."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.read.project import Project
from digest.views import PAGER_WIDTH, page_window

from .conftest import add_copies, build_ok


@pytest.mark.parametrize(
    ("number", "total", "shown"),
    [
        (1, 2, (1, 2)),
        (1, 7, (1, 2, 3, 0, 7)),
        (4, 7, (1, 2, 3, 4, 5, 6, 7)),
        (5, 400, (1, 2, 3, 4, 5, 6, 7, 0, 400)),
        (200, 400, (1, 0, 198, 199, 200, 201, 202, 0, 400)),
        (400, 400, (1, 0, 398, 399, 400)),
        (5, 9, (1, 2, 3, 4, 5, 6, 7, 8, 9)),  # a gap of one page shows the page
        (6, 9, (1, 0, 4, 5, 6, 7, 8, 9)),
    ],
)
def test_window(number: int, total: int, shown: tuple[int, ...]) -> None:
    assert page_window(number, total) == shown


@given(st.integers(2, 2000).flatmap(lambda total: st.tuples(st.integers(1, total), st.just(total))))
def test_window_properties(case: tuple[int, int]) -> None:
    number, total = case
    shown = page_window(number, total)
    pages = [n for n in shown if n]
    assert pages == sorted(set(pages)) and pages[0] == 1 and pages[-1] == total and number in pages
    assert all(n in pages for n in range(max(1, number - PAGER_WIDTH), min(total, number + PAGER_WIDTH) + 1))
    assert len(shown) <= 2 * PAGER_WIDTH + 5
    for before, gap, after in zip(shown, shown[1:], shown[2:], strict=False):
        if gap == 0:  # a gap hides at least two pages, between two shown ones
            assert before and after and after - before > 2


def test_a_long_listing_links_a_window_and_every_page_is_reachable(scratch: Project) -> None:
    add_copies(scratch, 300, lambda n: f"2024-0{n % 9 + 1}-{n % 28 + 1:02d}", "2024-01-copy")
    build_ok(scratch, search=False)
    site = scratch.site_dir
    total = len(list((site / "ar" / "page").iterdir())) + 1
    assert total >= 7

    def pager(number: int) -> list[str]:
        path = site / "ar" / (f"page/{number}/" if number > 1 else "") / "index.html"
        found = re.search(r'<nav class="pager".*?</nav>', path.read_text(encoding="utf-8"), re.S)
        assert found, path
        return re.findall(r"<li[^>]*>(.*?)</li>", found.group(0), re.S)

    middle = pager(4)
    assert middle[0].startswith('<a href="/ar/page/3/" rel="prev"') and middle[-1].startswith('<a href="/ar/page/5/"')
    assert '<span aria-current="page">4</span>' in middle
    last = pager(total)
    assert "…" in last and f'<span aria-current="page">{total}</span>' in last
    # Every page is reached by following the pager's links from the first page.
    seen, todo = {1}, [1]
    while todo:
        for href in re.findall(r'href="/ar/(?:page/(\d+)/)?"', "".join(pager(todo.pop()))):
            number = int(href or 1)
            if number not in seen:
                seen.add(number)
                todo.append(number)
    assert seen == set(range(1, total + 1))
    assert all(len(pager(n)) <= 2 * PAGER_WIDTH + 7 for n in range(1, total + 1))  # + newer and older
