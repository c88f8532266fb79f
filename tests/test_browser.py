"""Browser checks with Playwright driving Debian's Chromium (``/usr/bin/chromium``).

Skipped where Chromium is missing, except in CI (``DIGEST_REQUIRE_BROWSER=1``),
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("DIGEST_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLUG = "2024-10-28-nato-rutte-north-korean-troops-kursk"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or not shutil.which(CHROMIUM):
        if os.environ.get("DIGEST_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def test_arabic_letters_join_across_a_mention_edge(browser, sample_origin: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``ل[[russia|روسيا]]`` must draw exactly like the plain word ``لروسيا``.

    An unjoined lam is drawn in its isolated form, which is wider: the marked-up
    word must be exactly as wide as the plain one, while a control with a
    zero-width non-joiner (forcing the isolated form) must be visibly wider.
    """
    page = browser.new_page()
    page.goto(f"{sample_origin}/ar/articles/{SLUG}/")
    html = page.evaluate(
        """() => {
        const a = [...document.querySelectorAll('a.mention[data-entity="russia"]')]
            .find(m => m.previousSibling && m.previousSibling.textContent.endsWith("ل\u200d"));
        return "ل\u200d" + a.outerHTML;
    }"""
    )
    assert html.startswith("ل\u200d<a ") and ">\u200dروسيا</a>" in html
    page.set_content(
        f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><style>
        body {{ font: 48px "Noto Naskh Arabic", serif; margin: 0; }}
        span {{ display: inline-block; padding: 4px; }}
        a {{ color: inherit; text-decoration: none; }}
        </style></head><body>
        <p><span id="marked">{html}</span></p><p><span id="plain">لروسيا</span></p>
        <p><span id="broken">ل\u200cروسيا</span></p>
        </body></html>"""
    )
    width = {name: page.locator(f"#{name}").bounding_box()["width"] for name in ("marked", "plain", "broken")}
    assert abs(width["marked"] - width["plain"]) < 0.5, width
    assert width["broken"] - width["plain"] > 2, width
    page.locator("body").screenshot(path=str(tmp_path / "joining.png"))
    page.close()


def test_article_page_renders_without_console_errors(browser, sample_origin: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{sample_origin}/ar/articles/{SLUG}/")
    title = page.locator("h1.article__title")
    box, viewport = title.bounding_box(), page.viewport_size
    # Right-to-left: the headline starts at the right edge of the column.
    assert box["x"] + box["width"] > viewport["width"] / 2
    assert page.locator("a.mention").count() > 20
    assert errors == []
    page.close()
