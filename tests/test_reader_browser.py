"""Reader aids in Chromium: entity cards, highlighting toggles, the language switch, RTL layout.

Expected texts come from the sample's entity files and the theme's interface strings, so
the tests follow the content rather than repeat it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .test_browser import ARGS, CHROMIUM, SLUG, browser  # noqa: F401 (the shared Chromium fixture)

pytestmark = pytest.mark.browser

OTHER_SLUG = "2024-10-23-medvedev-nato-russia-council-enemy"
LANGS = ("en", "ar")
TRANSPARENT = "rgba(0, 0, 0, 0)"


def strings(lang: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / "templates" / "i18n" / f"{lang}.yaml").read_text(encoding="utf-8"))


def entity(entity_id: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "content" / "entities" / f"{entity_id}.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]  # noqa: F811
    """A fresh browser context (empty localStorage) per test, desktop-sized."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def card_for(page, mention):  # type: ignore[no-untyped-def]
    card_id = mention.get_attribute("aria-describedby")
    assert card_id, "the mention is not described by a card"
    return page.locator(f"#{card_id}")


@pytest.mark.parametrize("lang", LANGS)
def test_hovering_a_mention_shows_its_card(page, sample_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{sample_origin}/{lang}/articles/{SLUG}/")
    mention = page.locator('.article__body a.mention[data-entity="mark-rutte"]').first
    card = card_for(page, mention)
    assert card.is_hidden()
    assert mention.get_attribute("title") is None  # no native tooltip on top of the card
    mention.hover()
    card.wait_for(state="visible")
    facts, t = entity("mark-rutte"), strings(lang)
    text = card.inner_text()
    for name in facts["name"].values():
        assert name in text
    assert facts["description"][lang] in text
    assert t["type_person"] in text
    assert card.locator("a").get_attribute("href") == mention.get_attribute("href")
    # The count is the one the entity page gives.
    page.goto(f"{sample_origin}{mention.get_attribute('href')}")
    count = page.locator(".entity__facts dd").nth(1).inner_text()
    page.go_back()
    mention = page.locator('.article__body a.mention[data-entity="mark-rutte"]').first
    mention.hover()
    assert count in card_for(page, mention).inner_text()
    # The pointer may travel onto the card; it stays, and hides once the pointer leaves both.
    box = card.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
    page.wait_for_timeout(500)
    assert card.is_visible()
    page.mouse.move(5, 5)
    card.wait_for(state="hidden")


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_focus_shows_the_card_and_escape_hides_it(page, sample_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{sample_origin}/{lang}/articles/{SLUG}/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.article__body a.mention')"):
            break
    else:
        pytest.fail("Tab never reached a mention")
    mention = page.locator("a.mention:focus")
    card = card_for(page, mention)
    card.wait_for(state="visible")
    facts = entity(mention.get_attribute("data-entity"))
    name = facts["name"].get(lang) or next(iter(facts["name"].values()))
    assert name in card.inner_text()
    # Screen readers hear the card as the link's description.
    from playwright.sync_api import expect

    expect(mention).to_have_accessible_description(re.compile(re.escape(name)))
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.matches('a.mention')")  # focus stays put
    page.keyboard.press("Tab")  # and moves on through the text, never into a card
    assert not page.evaluate("!!document.activeElement.closest('.entity-card')")
    assert page.locator(".entity-card:visible").count() <= 1


def test_card_starts_at_the_mention_in_rtl_and_fits_a_phone(browser, sample_origin: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=False)
    page = context.new_page()
    page.goto(f"{sample_origin}/ar/articles/{SLUG}/")
    for mention in page.locator(".article__body a.mention").all()[:12]:
        mention.focus()
        card = card_for(page, mention)
        card.wait_for(state="visible")
        box, start = card.bounding_box(), mention.evaluate("m => m.getClientRects()[0].right")
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
        # Right-to-left: the card's right edge is the mention's start, moved only as far as
        # needed to keep 8 px from either edge of the screen.
        expected = max(8 + box["width"], min(start, 360 - 8))
        assert abs(box["x"] + box["width"] - expected) < 2, (box, start)
        assert page.evaluate("getComputedStyle(document.activeElement).direction") == "rtl"
    context.close()


def test_without_javascript_mentions_are_plain_links(browser, sample_origin: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{sample_origin}/en/articles/{SLUG}/")
    assert page.locator(".legend__toggle").count() == 0
    assert page.locator(".legend .mention-sample").count() == 5
    assert page.locator(".legend__hint").is_hidden()
    mention = page.locator('.article__body a.mention[data-entity="mark-rutte"]').first
    mention.hover()
    assert page.locator(".entity-card:visible").count() == 0
    mention.click()
    page.wait_for_url(re.compile(r"/en/entities/mark-rutte/$"))
    context.close()


def highlighted(page, kind: str) -> bool:  # type: ignore[no-untyped-def]
    background = page.locator(f'.article__body a.mention[data-type="{kind}"]').first.evaluate(
        "m => getComputedStyle(m).backgroundColor"
    )
    return background != TRANSPARENT


def test_toggles_hide_a_type_and_the_choice_persists(page, sample_origin: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{sample_origin}/en/articles/{SLUG}/")
    toggles = page.locator(".legend button.legend__toggle")
    assert toggles.count() == 5
    assert [toggles.nth(i).get_attribute("aria-pressed") for i in range(5)] == ["true"] * 5
    assert page.locator(".legend__hint").is_visible()
    assert highlighted(page, "person") and highlighted(page, "place")
    person = page.locator('.legend__toggle[data-type="person"]')
    person.click()
    assert person.get_attribute("aria-pressed") == "false"
    assert not highlighted(page, "person")
    assert highlighted(page, "place")
    # Another article, in the other edition: still off, and the toggle says so.
    page.goto(f"{sample_origin}/ar/articles/{OTHER_SLUG}/")
    assert page.locator('.legend__toggle[data-type="person"]').get_attribute("aria-pressed") == "false"
    assert not highlighted(page, "person")
    assert highlighted(page, "place")
    page.keyboard.press("Tab")  # toggles are buttons: keyboard works too
    page.locator('.legend__toggle[data-type="person"]').focus()
    page.keyboard.press("Enter")
    assert highlighted(page, "person")
    page.reload()
    assert highlighted(page, "person")
    assert page.locator('.legend__toggle[data-type="person"]').get_attribute("aria-pressed") == "true"


def switch_target(page, sample_origin: str, path: str, to: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(f"{sample_origin}{path}")
    page.locator(f'nav.lang-switch a[hreflang="{to}"]').click()
    page.wait_for_load_state()
    return page.url.removeprefix(sample_origin)


def test_language_switch_lands_on_the_same_page(page, sample_origin: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{sample_origin}/en/archive/")
    month = page.locator(".index-list a").first.get_attribute("href")
    paths = [
        "/en/",
        f"/en/articles/{SLUG}/",
        "/en/entities/",
        "/en/entities/mark-rutte/",
        "/en/tags/",
        "/en/archive/",
        month,
    ]
    for path in paths:
        assert switch_target(page, sample_origin, path, "ar") == "/ar/" + path.removeprefix("/en/")
        assert page.locator("html").get_attribute("lang") == "ar"
        assert switch_target(page, sample_origin, "/ar/" + path.removeprefix("/en/"), "en") == path


def first_glyph_box(page, selector: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The box of the first visible character inside ``selector``: where its line starts."""
    return page.locator(selector).first.evaluate(
        """el => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const i = node.data.search(/[\\p{L}\\p{N}]/u);
            if (i < 0) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = range.getBoundingClientRect();
            return {left: r.left, right: r.right};
        }
        return null;
    }"""
    )


@pytest.mark.parametrize("lang", LANGS)
def test_layout_is_mirrored_in_arabic(page, sample_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{sample_origin}/{lang}/articles/{SLUG}/")
    rtl = lang == "ar"
    width = page.viewport_size["width"]
    for selector in ("h1.article__title", ".article__body > p", ".legend__title", ".site-title"):
        box = page.locator(selector).first.bounding_box()
        glyph = first_glyph_box(page, selector)
        if rtl:  # a line starts at the right edge of its block, on the right half of the page
            assert abs(glyph["right"] - (box["x"] + box["width"])) < 3, (selector, glyph, box)
            assert glyph["right"] > width / 2, selector
        else:
            assert abs(glyph["left"] - box["x"]) < 3, (selector, glyph, box)
            assert glyph["left"] < width / 2, selector
    # Navigation reads from the start side too: the first item is the rightmost in Arabic.
    first, second = (page.locator(".site-nav a").nth(i).bounding_box()["x"] for i in range(2))
    assert (first > second) if rtl else (first < second)


def page_paths(page, sample_origin: str, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    """One page of every kind in an edition, found by following links rather than guessing."""
    paths = [f"/{lang}/", f"/{lang}/articles/{SLUG}/", f"/{lang}/entities/", f"/{lang}/tags/", f"/{lang}/archive/"]
    for section in ("entities", "tags", "archive"):
        index, pattern = f"/{lang}/{section}/", f"/{section}/"
        page.goto(f"{sample_origin}{index}")
        hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
        deeper = [h for h in hrefs if pattern in h and h != index and not h.endswith(".xml")]
        assert deeper, index
        paths.append(deeper[0])
    return paths


def test_no_console_or_page_errors_on_any_page(page, sample_origin: str) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))

    # A request the next navigation cancels (the icon, fetched after the page's load) is not a failure.
    def failed(req) -> None:  # type: ignore[no-untyped-def]
        if req.failure != "net::ERR_ABORTED":
            errors.append(f"{page.url}: failed {req.url} ({req.failure})")

    page.on("requestfailed", failed)
    visited = ["/404.html"]
    for lang in LANGS:
        visited += page_paths(page, sample_origin, lang)
    for path in visited:
        response = page.goto(f"{sample_origin}{path}")
        assert response is not None and response.ok, path
        if page.locator(".article__body a.mention").count():
            page.locator(".article__body a.mention").first.hover()
            page.locator(".legend__toggle").first.click()
            page.locator(".legend__toggle").first.click()
    assert len(visited) == 1 + 2 * 8
    page.goto(f"{sample_origin}/")  # the root page sends readers on to the default edition
    page.wait_for_url(re.compile(r"/ar/$"))
    assert errors == []


def test_reader_script_is_a_small_deferred_self_hosted_file(sample_site: Path) -> None:
    """No library and no third-party address: one deferred file from the site's own assets."""
    html = (sample_site / "en" / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r"<script\b[^>]*>", html)
    own = [tag for tag in tags if "src=" in tag]
    assert own == ['<script src="/assets/reader.js" defer>']
    assert (sample_site / "assets" / "reader.js").stat().st_size < 12_000


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]  # noqa: F811
    """A touch screen: a phone-sized, mobile, touch-only context."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_first_tap_shows_the_card_and_a_second_tap_follows_the_link(phone, sample_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A touch screen has no hover: tapping a mention first shows its card (with its link)."""
    article = f"{sample_origin}/{lang}/articles/{SLUG}/"
    phone.goto(article)
    mention = phone.locator('.article__body a.mention[data-entity="mark-rutte"]').first
    card = card_for(phone, mention)
    mention.scroll_into_view_if_needed()
    mention.tap()
    card.wait_for(state="visible")
    phone.wait_for_timeout(400)  # no navigation, and the card stays
    assert phone.url == article and card.is_visible()
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    # A second tap on the mention follows it.
    mention.tap()
    phone.wait_for_url(re.compile(r"/entities/mark-rutte/$"))
    # The card's own link follows it too.
    phone.goto(article)
    mention = phone.locator('.article__body a.mention[data-entity="mark-rutte"]').first
    mention.tap()
    card = card_for(phone, mention)
    card.wait_for(state="visible")
    card.locator("a").tap()
    phone.wait_for_url(re.compile(r"/entities/mark-rutte/$"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_tap_elsewhere_closes_the_card_another_mention_opens_its_own(phone, sample_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    article = f"{sample_origin}/{lang}/articles/{SLUG}/"
    phone.goto(article)
    mentions = phone.locator(".article__body a.mention[aria-describedby]")
    first = mentions.first
    other = next(m for m in mentions.all() if m.get_attribute("data-entity") != first.get_attribute("data-entity"))
    first.tap()
    card_for(phone, first).wait_for(state="visible")
    other.scroll_into_view_if_needed()
    other.tap()  # a first tap on another mention: its card replaces the first one
    card_for(phone, other).wait_for(state="visible")
    assert card_for(phone, first).is_hidden() and phone.url == article
    phone.locator("h1.article__title").tap()
    card_for(phone, other).wait_for(state="hidden")
    assert phone.url == article
    # Tapping inside the card (not on its link) keeps it.
    other.tap()
    card = card_for(phone, other)
    card.wait_for(state="visible")
    card.locator(".entity-card__name").tap()
    phone.wait_for_timeout(400)
    assert card.is_visible() and phone.url == article
