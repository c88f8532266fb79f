"""Every kind of page in Chromium, as a reader sees it: on a phone, in both directions.

The pages come from a copy of the sample with more to show: enough stories for a second
home page, and an article naming organisations whose names are long, hyphenated or both
(a chart label wider than the chart, a mention wider than a phone's line).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from digest.i18n import date_text
from digest.markup.bodyhtml import BodyContext, post_date

from .conftest import add_copies, build_ok, copy_project, serve_folder
from .test_browser import SLUG, browser  # noqa: F401 (the shared Chromium fixture)

LANGS = ("ar", "en")
PHONES = (320, 390)
SCHEMES = ("light", "dark")
"""Every layout check runs in both colour schemes: the dark one has its own rules."""

LONG_ENTITIES = {
    "election-commission": (
        "organization",
        "الهيئة الوطنية المستقلة للرقابة على الانتخابات البرلمانية والرئاسية والبلدية",
        "Independent National Commission for the Oversight of Parliamentary, Presidential and Municipal Elections",
    ),
    "pacific-office": (
        "organization",
        "مكتب-التنسيق-للأمانة-العامة-لشراكة-المحيط-الهادئ",
        "Trans-Pacific-Partnership-Secretariat-Coordination-Office",
    ),
    "asean-nato-forum": ("organization", "منتدى آسيان-الناتو", "ASEAN-NATO Forum"),
}
LONG_SLUG = "2024-10-29-long-names"
LONG_ARTICLE = {
    "ar": """---
title: "منتدى آسيان-الناتو يرحب بتقرير الهيئة-الوطنية عن روسيا-1"
date: 2024-10-29
summary: "تقرير عن أسماء طويلة: منتدى آسيان-الناتو والهيئة الوطنية."
tags: [الناتو]
---

رحب [[asean-nato-forum|منتدى آسيان-الناتو]] وحلف [[nato|الناتو]] بتقرير أصدرته \
[[election-commission|الهيئة الوطنية المستقلة للرقابة على الانتخابات البرلمانية والرئاسية والبلدية]] اليوم، وقال إن قناة \
[[russia-1|روسيا-1]] نقلت عن [[pacific-office|مكتب-التنسيق-للأمانة-العامة-لشراكة-المحيط-الهادئ]] أن \
[[nato-russia-council|مجلس روسيا-الناتو]] لم يعد قائماً.
""",  # noqa: E501 - names as long as real ones
    "en": """---
title: "ASEAN-NATO Forum welcomes the commission's report on Russia-1"
date: 2024-10-29
summary: "A report about long names: the ASEAN-NATO Forum and the national commission."
tags: [NATO]
---

The [[asean-nato-forum|ASEAN-NATO Forum]] and [[nato|NATO]] welcomed a report by the \
[[election-commission|Independent National Commission for the Oversight of Parliamentary, Presidential and Municipal Elections]] today, saying that \
[[russia-1|Russia-1]] had quoted the [[pacific-office|Trans-Pacific-Partnership-Secretariat-Coordination-Office]] as saying that the \
[[nato-russia-council|Russia-NATO Council]] no longer exists.
""",  # noqa: E501 - names as long as real ones
}


@pytest.fixture(scope="module")
def long_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample plus long names and a second home page, built and served."""
    project = copy_project(tmp_path_factory.mktemp("long"))
    entities = project.content_dir / "entities"
    for entity_id, (kind, ar, en) in LONG_ENTITIES.items():
        (entities / f"{entity_id}.yaml").write_text(
            f'type: {kind}\nname: {{ar: "{ar}", en: "{en}"}}\n', encoding="utf-8"
        )
    for lang, text in LONG_ARTICLE.items():
        (project.content_dir / "articles" / f"{LONG_SLUG}.{lang}.md").write_text(text, encoding="utf-8")
    add_copies(project, 50, lambda n: f"2024-09-{n % 28 + 1:02d}", "2024-09-copy")
    build_ok(project)
    server, origin = serve_folder(project.site_dir)
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture
def phone(browser, request):  # type: ignore[no-untyped-def]  # noqa: F811
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    yield context.new_page()
    context.close()


def links_under(page, origin: str, index: str, section: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(f"{origin}{index}")
    hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
    return [h for h in hrefs if f"/{section}/" in h and h != index and not h.endswith(".xml")]


def every_kind_of_page(page, origin: str, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    """One page of each kind (two of some) in an edition, found by following links."""
    paths = [
        f"/{lang}/",
        f"/{lang}/page/2/",
        f"/{lang}/articles/{SLUG}/",
        f"/{lang}/articles/{LONG_SLUG}/",
        f"/{lang}/articles/2024-10-23-south-korea-nato-brussels-north-korea/",
        f"/{lang}/entities/",
        f"/{lang}/entities/nato/",
        f"/{lang}/entities/nato/page/2/",
        f"/{lang}/entities/election-commission/",
        f"/{lang}/entities/pacific-office/",
        f"/{lang}/tags/",
        f"/{lang}/archive/",
        f"/{lang}/search/",
    ]
    paths.append(links_under(page, origin, f"/{lang}/tags/", "tags")[0])
    paths.append(links_under(page, origin, f"/{lang}/archive/", "archive")[0])
    return paths


@pytest.mark.browser
@pytest.mark.parametrize(
    "phone",
    [(w, scheme) for w in PHONES for scheme in SCHEMES],
    indirect=True,
    ids=[f"{w}px-{scheme}" for w in PHONES for scheme in SCHEMES],
)
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_is_wider_than_a_phone(phone, long_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The search page was 31 px wider than a 390 px screen (its filter's longest option set
    the form's width, the button was cut off); no page may scroll sideways."""
    paths = [*every_kind_of_page(phone, long_origin, lang), "/404.html"]
    too_wide = {}
    for path in paths:
        response = phone.goto(f"{long_origin}{path}")
        assert response is not None and response.ok, path
        if path.endswith("/search/"):  # the filters are filled from the index: wait for them
            phone.wait_for_function("document.querySelectorAll('#search-entity option').length > 1")
            button = phone.locator(".search__form button").bounding_box()
            assert button["x"] >= 0 and button["x"] + button["width"] <= phone.viewport_size["width"]
        width = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            too_wide[path] = width
    assert too_wide == {}


CHART_CHECK = """svg => {
    const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
    const box = el => { const b = el.getBBox(); return {l: b.x, t: b.y, r: b.x + b.width, b: b.y + b.height}; };
    const meets = (a, b) => a.l < b.r - 0.01 && b.l < a.r - 0.01 && a.t < b.b - 0.01 && b.t < a.b - 0.01;
    const bars = [...svg.querySelectorAll('rect.chart__bar')].map(box);
    const problems = [];
    const texts = [...svg.querySelectorAll('text')];
    for (const text of texts) {
        const b = box(text);
        const name = `${text.getAttribute('class')} "${text.textContent}"`;
        if (b.l < -0.01 || b.t < -0.01 || b.r > width + 0.01 || b.b > height + 0.01) problems.push(`${name} outside`);
        for (const bar of bars) if (meets(b, bar)) problems.push(`${name} over a bar`);
    }
    // Row charts: each label is above its own bar (the next bar in the drawing).
    if (svg.closest('#chart-cooccurring')) {
        const labels = texts.filter(t => t.classList.contains('chart__label')).map(box);
        labels.forEach((label, i) => {
            if (label.b > bars[i].t + 0.01) problems.push(`label ${i} not above its bar`);
        });
    }
    return problems;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_chart_text_stays_inside_the_chart_and_off_the_bars(browser, long_origin: str, lang: str, scheme: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Bars were drawn over the lower part of their labels (Arabic dots and hamza below the
    line, English descenders) and long labels ran past the chart's edge."""
    page = browser.new_page(viewport={"width": 390, "height": 800}, color_scheme=scheme)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    entities = links_under(page, long_origin, f"/{lang}/entities/", "entities")
    assert len(entities) > 30
    problems, charts = {}, 0
    for path in entities:
        page.goto(f"{long_origin}{path}")
        page.evaluate("document.fonts.ready.then(() => true)")
        for svg in page.locator("svg.chart__svg").all():
            charts += 1
            found = svg.evaluate(CHART_CHECK)
            if found:
                problems[path] = found
    assert charts > 30 and problems == {}
    # The long name is shortened in the chart; its whole name is the label's tooltip and
    # is in the table under the chart.
    page.goto(f"{long_origin}/{lang}/entities/asean-nato-forum/")
    name = LONG_ENTITIES["election-commission"][1 if lang == "ar" else 2]
    label = page.locator("#chart-cooccurring text.chart__label", has=page.locator("title"))
    assert label.count() >= 1
    shown = label.first.evaluate("t => t.firstChild.textContent")
    assert shown.endswith("…") and name.startswith(shown[:-1].rstrip())
    assert label.first.locator("title").text_content() == name
    assert page.locator("#chart-cooccurring table th", has_text=name).count() == 1
    page.close()


LINES = """el => new Set([...el.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size"""
SQUEEZE = """(el, lines) => {
    // Narrow the block around ``el`` a pixel at a time: wherever its line ends, the name
    // must never be split over two lines.
    const block = el.closest('p, h1, h3, li, dd, th');
    const full = block.getBoundingClientRect().width;
    const split = [];
    for (let w = Math.floor(full); w >= 120; w -= 1) {
        block.style.inlineSize = w + 'px';
        if (eval(lines)(el) !== 1) split.push(w);
    }
    block.style.inlineSize = '';
    return split;
}"""


WORDS = """block => {
    // Each word of ``block`` joined by a hyphen, as a Range over the text (whatever elements
    // the page wraps it in), and the number of lines it is drawn on.
    const words = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\S*[\\p{L}\\p{N}][-\u2013][\\p{L}\\p{N}]\\S*/gu)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            words.push(range);
        }
    }
    return words;
}"""
SQUEEZE_WORDS = f"""block => {{
    const words = ({WORDS})(block);
    const lines = range => new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.top))).size;
    const full = block.getBoundingClientRect().width;
    const split = new Set();
    for (let w = Math.floor(full); w >= 120; w -= 1) {{
        block.style.inlineSize = w + 'px';
        for (const range of words) if (lines(range) !== 1) split.add(range.toString());
    }}
    block.style.inlineSize = '';
    return [words.length, [...split]];
}}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hyphenated_names_never_break_at_their_hyphen(browser, long_origin: str, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """ "Russia-" / "1" and "روسيا-" / "الناتو" were split over two lines, in bodies and headlines:
    a mention stays on one line, and so does a hyphenated word of a headline, wherever the
    line ends (the block is narrowed a pixel at a time)."""
    page = browser.new_page(viewport={"width": 320, "height": 800})
    names = 0
    for path in (f"/{lang}/articles/{LONG_SLUG}/", f"/{lang}/articles/2024-10-23-medvedev-nato-russia-council-enemy/"):
        page.goto(f"{long_origin}{path}")
        page.evaluate("document.fonts.ready.then(() => true)")
        mentions = page.locator(".article__body a.mention:not(.mention--long)").all()
        hyphenated = [m for m in mentions if "-" in m.inner_text()]
        assert hyphenated, path
        for mention in hyphenated:
            names += 1
            assert mention.evaluate(LINES) == 1
            assert mention.evaluate(SQUEEZE, LINES) == [], mention.inner_text()
        found, split = page.locator("h1.article__title").evaluate(SQUEEZE_WORDS)
        assert found >= 1 and split == [], (path, split)
        names += found
    # Headlines of the story cards on the home page too.
    page.goto(f"{long_origin}/{lang}/")
    for title in page.locator(".card__title").all()[:8]:
        found, split = title.evaluate(SQUEEZE_WORDS)
        assert split == [], split
        names += found
    assert names >= 8
    page.close()


@pytest.mark.browser
def test_a_long_name_wraps_between_its_words_and_a_long_hyphenated_run_may_break(browser, long_origin: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Kept whole, a name wider than the phone's line would push the page sideways."""
    page = browser.new_page(viewport={"width": 320, "height": 800})
    for lang in LANGS:
        page.goto(f"{long_origin}/{lang}/articles/{LONG_SLUG}/")
        for entity_id in ("election-commission", "pacific-office"):
            mention = page.locator(f'.article__body a.mention[data-entity="{entity_id}"]')
            assert "mention--long" in (mention.get_attribute("class") or "")
            assert mention.evaluate(LINES) > 1
            box = mention.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    page.close()


@pytest.mark.browser
def test_every_page_links_its_icon(browser, long_origin: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Without an icon link, browsers ask every page's server for /favicon.ico: a 404 each time."""
    page = browser.new_page()
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    for path in ("/", "/404.html", *every_kind_of_page(page, long_origin, "ar"), f"/en/articles/{SLUG}/"):
        page.goto(f"{long_origin}{path}")
        href = page.locator('head link[rel="icon"]').get_attribute("href")
        assert href == "/assets/favicon.svg", path
    icon = page.request.get(f"{long_origin}/assets/favicon.svg")
    assert icon.ok and icon.headers["content-type"] == "image/svg+xml"
    assert icon.text().lstrip().startswith("<svg")
    assert missing == []
    page.close()


UNDERLINE = """([selector, mode]) => {
    // Only the probed mention is drawn, in black: its underline alone ("line"), then its
    // letters alone ("text"). Everything else around it is transparent.
    const el = document.querySelector(selector);
    el.closest('p').style.setProperty('color', 'transparent', 'important');
    for (const other of document.querySelectorAll('.mention')) {
        other.style.setProperty('background', 'none', 'important');
        other.style.setProperty('color', 'transparent', 'important');
        if (other !== el) other.style.setProperty('text-decoration-line', 'none', 'important');
    }
    el.style.setProperty('text-decoration-color', mode === 'line' ? '#000' : 'transparent', 'important');
    el.style.setProperty('color', mode === 'line' ? 'transparent' : '#000', 'important');
}"""


def ink_rows(page, png: bytes) -> list[int]:  # type: ignore[no-untyped-def]
    """Rows of ``png`` holding any ink on the light page (decoded by the browser: no imaging library needed)."""
    import base64

    return page.evaluate(
        """async (data) => {
        const image = new Image();
        image.src = 'data:image/png;base64,' + data;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width; canvas.height = image.height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(image, 0, 0);
        const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
        const rows = [];
        for (let y = 0; y < image.height; y++) {
            for (let x = 0; x < image.width; x++) {
                const i = (y * image.width + x) * 4;
                if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) { rows.push(y); break; }
            }
        }
        return rows;
    }""",
        base64.b64encode(png).decode(),
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "entity"),
    [("ar", "security-council-of-russia"), ("ar", "dmitry-medvedev"), ("en", "dmitry-medvedev")],
)
def test_mention_underlines_run_below_the_descenders(browser, long_origin: str, lang: str, entity: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The organisation's double underline ran through the tail of a final ي (مجلس الأمن الروسي)."""
    # Wide enough for the mention to sit on one line; drawn at twice the resolution.
    page = browser.new_page(viewport={"width": 1280, "height": 800}, device_scale_factor=2)
    page.goto(f"{long_origin}/{lang}/articles/2024-10-23-medvedev-nato-russia-council-enemy/")
    page.evaluate("document.fonts.ready.then(() => true)")
    selector = f'.article__body a.mention[data-entity="{entity}"]'
    page.evaluate(f"document.querySelector('{selector}').id = 'probe'")
    page.evaluate("document.querySelector('#probe').scrollIntoView({block: 'center'})")
    box = page.locator("#probe").bounding_box()
    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"] + 16}
    rows = {}
    for mode in ("line", "text"):
        page.evaluate(UNDERLINE, ["#probe", mode])
        rows[mode] = ink_rows(page, page.screenshot(clip=clip))
    assert rows["line"] and rows["text"], rows
    assert page.locator("#probe").evaluate("m => m.getClientRects().length") == 1
    assert min(rows["line"]) > max(rows["text"]), rows
    page.close()


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [
        ("2024-10-23", "ar", "latn", date_text(date(2024, 10, 23), "ar")),
        ("2024-10-23", "ar", "arab", "٢٣ أكتوبر ٢٠٢٤"),
        ("2024-10-23", "en", "latn", "October 23, 2024"),
        ("2024-10-23T14:05:00+03:00", "en", "latn", "October 23, 2024, 14:05 UTC+3"),
        ("2024-10-23T23:30:00", "en", "latn", "October 23, 2024"),
    ],
)
def test_a_posts_date_is_written_as_the_page_writes_dates(value: str, lang: str, digits: str, expected: str) -> None:
    """Posts showed their date as written in the source (2024-10-23) among localised dates."""
    ctx = BodyContext(lang, {}, str, {}, lang, digits)
    assert post_date(value, ctx) == expected


def test_a_posts_date_on_the_built_pages_is_localised(sample_site: Path) -> None:
    slug = "2024-10-23-south-korea-nato-brussels-north-korea"
    for lang in LANGS:
        html = (sample_site / lang / "articles" / slug / "index.html").read_text(encoding="utf-8")
        expected = date_text(date(2024, 10, 23), lang)
        assert f'<time datetime="2024-10-23">{expected}</time>' in html
        assert '<time datetime="2024-10-23">2024-10-23</time>' not in html
