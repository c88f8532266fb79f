"""Integration: build the sample digest and inspect the result through its HTML, feeds and sitemap."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from digest.cli import main
from digest.read.project import Project

from .conftest import ROOT, add_copies, build_ok, copy_project
from .sitetools import html_pages, page_facts, resolve

SLUG = "2024-10-28-nato-rutte-north-korean-troops-kursk"
SLUGS = sorted(p.name.split(".")[0] for p in (ROOT / "content" / "articles").glob("*.ar.md"))


def test_every_kind_of_page_exists_in_both_languages(sample_site: Path) -> None:
    for lang in ("ar", "en"):
        for route in ("", "entities/", "tags/", "archive/", "archive/2024/10/", "entities/mark-rutte/"):
            assert (sample_site / lang / route / "index.html").is_file(), f"/{lang}/{route}"
        for slug in SLUGS:
            assert (sample_site / lang / "articles" / slug / "index.html").is_file()
        assert (sample_site / lang / "feed.xml").is_file()
        assert (sample_site / lang / "entities" / "mark-rutte" / "feed.xml").is_file()
    for name in ("index.html", "404.html", "sitemap.xml", "assets/style.css"):
        assert (sample_site / name).is_file()


def test_lang_and_dir_match_the_edition(sample_site: Path) -> None:
    for page in html_pages(sample_site):
        facts = page_facts(page)
        rel = page.relative_to(sample_site).parts
        if rel[0] in ("ar", "en"):
            assert facts.lang == rel[0], page
        assert facts.dir == ("rtl" if facts.lang == "ar" else "ltr"), page


def test_every_internal_link_and_fragment_resolves(sample_site: Path) -> None:
    checked = 0
    for page in html_pages(sample_site):
        for href in page_facts(page).links:
            target, fragment = resolve(sample_site, "/", href, page)
            if target is None:
                continue
            assert target.is_file(), f"{page.relative_to(sample_site)} links to missing {href}"
            if fragment and target.suffix == ".html":
                assert fragment in page_facts(target).ids, f"{page}: missing #{fragment} in {href}"
            checked += 1
    assert checked > 1000


def test_root_sends_readers_to_the_default_language(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=/ar/"' in html


def test_article_page_shows_highlighted_mentions_and_metadata(sample_site: Path) -> None:
    html = (sample_site / "ar" / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    assert 'class="mention" data-type="person" data-entity="mark-rutte"' in html
    assert 'href="/ar/entities/mark-rutte/"' in html
    # The tooltip carries both names and the type.
    assert 'title="مارك روته · Mark Rutte — شخص"' in html
    # Dates are localised by Babel, with the article's own time zone.
    assert "28 أكتوبر 2024، 12:56 UTC" in html
    assert '<figure class="quote"' in html and "<figcaption>" in html
    assert 'class="footnotes"' in html
    english = (sample_site / "en" / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "October 28, 2024, 12:56 UTC" in english


def test_clitic_before_a_mention_keeps_arabic_letters_joined(sample_site: Path) -> None:
    html = (sample_site / "ar" / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
    # ل + ZWJ outside the link, ZWJ + روسيا inside it.
    assert 'ل\u200d<a class="mention" data-type="place" data-entity="russia"' in html
    assert ">\u200dروسيا</a>" in html


def test_latin_passage_and_embedded_post_in_an_arabic_article_are_ltr(sample_site: Path) -> None:
    slug = "2024-10-23-south-korea-nato-brussels-north-korea"
    html = (sample_site / "ar" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert '<p lang="en" dir="ltr">If ' in html
    assert '<blockquote class="post__text" lang="en" dir="ltr">' in html
    assert "@slippy_mountain" in html


def test_entity_page_gathers_mentions_with_context_quotes_and_neighbours(sample_site: Path) -> None:
    html = (sample_site / "en" / "entities" / "mark-rutte" / "index.html").read_text(encoding="utf-8")
    written = sum(
        p.read_text(encoding="utf-8").count("[[mark-rutte") for p in (ROOT / "content" / "articles").glob("*.en.md")
    )
    # every mention highlighted, in one entry a sentence (one of them names him twice)
    assert written > 5 and html.count('class="snippet__mention"') == written
    assert 0 < html.count('class="snippet"') < written
    assert "entity__quotes" in html
    assert "https://www.wikidata.org/wiki/Q57792" in html
    assert 'href="/en/entities/nato/"' in html  # co-occurring entity
    assert "First seen" in html and "October 23, 2024" in html


def test_entity_index_groups_by_type_with_counts(sample_site: Path) -> None:
    html = (sample_site / "ar" / "entities" / "index.html").read_text(encoding="utf-8")
    for kind in ("person", "organization", "place"):
        assert f'id="type-{kind}"' in html
    assert 'class="chip__count"' in html


def test_home_lists_newest_first_grouped_by_day(sample_site: Path) -> None:
    html = (sample_site / "en" / "index.html").read_text(encoding="utf-8")
    first, second = html.index('datetime="2024-10-28"'), html.index('datetime="2024-10-23"')
    assert first < second
    assert html.count('class="card"') == len(SLUGS)


def test_feeds_parse_and_link_to_pages(sample_site: Path) -> None:
    feeds = sorted(sample_site.rglob("feed.xml"))
    assert len(feeds) > 2
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            target, _ = resolve(sample_site, "/", entry.link.removeprefix("https://example.org"), path)
            assert target is not None and target.is_file(), entry.link
    main_feed = feedparser.parse((sample_site / "ar" / "feed.xml").read_bytes())
    assert len(main_feed.entries) == len(SLUGS)


def test_sitemap_lists_pages_with_reciprocal_hreflang(sample_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(sample_site / "sitemap.xml").getroot()
    locs = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    assert len(locs) == len(root.findall("s:url", ns)), "a URL is listed twice"
    for loc, url in locs.items():
        target, _ = resolve(sample_site, "/", loc.removeprefix("https://example.org"), sample_site)
        assert target is not None and target.is_file(), loc
        for link in url.findall("x:link", ns):
            if link.get("hreflang") == "x-default":
                continue
            back = locs[link.get("href")]
            assert loc in {x.get("href") for x in back.findall("x:link", ns)}


def test_rebuild_is_byte_identical_and_writes_nothing(scratch: Project, tmp_path: Path) -> None:
    first = build_ok(scratch)
    assert first.report and first.report.written == first.report.total
    snapshot = {p: p.read_bytes() for p in scratch.site_dir.rglob("*") if p.is_file()}
    inodes = {p: p.stat().st_ino for p in snapshot}
    second = build_ok(scratch)
    assert second.report and second.report.written == 0 and second.report.removed == 0
    assert {p: p.read_bytes() for p in snapshot} == snapshot
    assert {p: p.stat().st_ino for p in snapshot} == inodes
    other = copy_project(tmp_path / "other")
    build_ok(other)
    for path, data in snapshot.items():
        assert (other.site_dir / path.relative_to(scratch.site_dir)).read_bytes() == data


def test_editing_one_article_rewrites_only_affected_files(scratch: Project) -> None:
    build_ok(scratch)
    article = scratch.content_dir / "articles" / f"{SLUG}.en.md"
    article.write_text(article.read_text(encoding="utf-8").replace("said", "stated", 1), encoding="utf-8")
    report = build_ok(scratch).report
    assert report and 0 < report.written < report.total / 2


def test_failed_build_leaves_previous_site_untouched(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    build_ok(scratch)
    before = {p: p.read_bytes() for p in scratch.site_dir.rglob("*") if p.is_file()}
    article = scratch.content_dir / "articles" / f"{SLUG}.en.md"
    broken = article.read_text(encoding="utf-8").replace("[[mark-rutte|", "[[mark-rute|", 1)
    article.write_text(broken, encoding="utf-8")
    assert main(["--root", str(scratch.root), "build"]) == 1
    err = capsys.readouterr().err
    assert f"content/articles/{SLUG}.en.md:" in err and "unknown entity 'mark-rute' (did you mean 'mark-rutte'?)" in err
    assert err.strip().endswith("site/ left unchanged")
    assert {p: p.read_bytes() for p in scratch.site_dir.rglob("*") if p.is_file()} == before
    assert article.read_text(encoding="utf-8") == broken
    assert not list(scratch.root.glob(".site.staging-*"))


def test_check_writes_nothing(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(scratch.root), "check"]) == 0
    assert not scratch.site_dir.exists()
    assert capsys.readouterr().out.startswith("check passed: 6 articles, 31 entities")


def test_build_prints_one_summary_line(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(scratch.root)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("built ") and " written, " in out[0] and out[0].endswith(" s")


def test_output_never_leaves_the_site_folder(scratch: Project) -> None:
    build_ok(scratch)
    outside = {p for p in scratch.root.rglob("*") if p.is_file()} - set(scratch.site_dir.rglob("*"))
    outside -= set(scratch.cache_dir.rglob("*"))  # the build cache, outside site/ by design
    sources = {p for p in (scratch.content_dir.rglob("*"))} | set(scratch.templates_dir.rglob("*"))
    assert outside <= sources


def test_two_tags_on_one_output_path_are_an_error(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = scratch.content_dir / "articles" / f"{SLUG}.en.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("tags: [", "tags: [North Korea!, ", 1), encoding="utf-8")
    assert main(["--root", str(scratch.root), "check"]) == 1
    err = capsys.readouterr().err
    assert "duplicate output path 'en/tags/north-korea/index.html'" in err


def test_repeated_list_entries_are_dropped_with_a_warning(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = scratch.content_dir / "articles" / f"{SLUG}.en.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("tags: [NATO,", "tags: [NATO, NATO,", 1), encoding="utf-8"
    )
    assert main(["--root", str(scratch.root), "check"]) == 0
    err = capsys.readouterr().err
    assert f"content/articles/{SLUG}.en.md:7:14: warning: 'tags': 'NATO' is listed twice; the repeat is dropped" in err


def test_long_lists_are_paginated(scratch: Project) -> None:
    add_copies(scratch, 60, lambda day: f"2024-09-{(day % 28) + 1:02d}", "2024-09-copy")
    build_ok(scratch)
    site = scratch.site_dir
    stories = 60 + len(SLUGS)
    assert (site / "ar" / "page" / "2" / "index.html").is_file() and not (site / "ar" / "page" / "3").exists()
    first = (site / "ar" / "index.html").read_text(encoding="utf-8")
    second = (site / "ar" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert first.count('class="card"') == 50 and second.count('class="card"') == stories - 50
    assert 'href="/ar/page/2/" rel="next"' in first and 'href="/ar/" rel="prev"' in second
    # page 2 of the English edition holds the same stories, so the two are translations
    assert page_facts(site / "ar" / "page" / "2" / "index.html").alternates[:2] == [
        ("ar", "https://example.org/ar/page/2/"),
        ("en", "https://example.org/en/page/2/"),
    ]
    tag_pages = list((site / "ar" / "tags").glob("*/page/2/index.html"))
    assert tag_pages, "a topic with more than 50 stories has a second page"
    entity = site / "ar" / "entities" / "dmitry-medvedev"
    first_page, second_page = entity / "index.html", entity / "page" / "2" / "index.html"
    assert 'href="/ar/entities/dmitry-medvedev/page/2/" rel="next"' in first_page.read_text(encoding="utf-8")
    later = second_page.read_text(encoding="utf-8")
    assert later.count('class="mention-group"') == 61 - 50  # 61 Arabic articles mention him, 50 a page
    assert "entity__facts" not in later and page_facts(second_page).alternates == []
    test_every_internal_link_and_fragment_resolves(site)


def test_build_py_reports_everything_before_it_leaves(tmp_path: Path) -> None:
    """``build.py`` leaves without tearing its heap down (``cli.run``): its output, to a
    pipe, is complete and its exit code is the build's."""
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(project.root), "--no-search"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built ") and done.stdout.endswith("\n")
    article = next((project.content_dir / "articles").glob("*.en.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    failed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert f"{project.display(article)}:2:1: unknown key 'titel'" in failed.stderr
    assert failed.stderr.rstrip().endswith("site/ left unchanged")


_FILLER = " ".join(["والحلف يتابع التطورات في المنطقة عن كثب"] * 7)
_TWICE = f"قال [[mark-rutte|مارك روته]] زرزور إن {_FILLER}، وأضاف [[mark-rutte|روته]] أن الحلف مستعد."


def test_a_sentence_that_mentions_an_entity_twice_is_listed_once_with_both_mentions(scratch: Project) -> None:
    """The entity page quotes each sentence once: its two mentions are highlighted in one
    entry, and the sentence is whole (the text between them is shorter than the limit on
    either side of a mention, so nothing of it is left out)."""
    source = (scratch.content_dir / "articles" / f"{SLUGS[0]}.ar.md").read_text(encoding="utf-8")
    front, _, _ = source.partition("\n---\n")
    article = scratch.content_dir / "articles" / "2024-10-30-twice.ar.md"
    article.write_text(f"{front}\n---\n\n{_TWICE}\n\nثم قال [[mark-rutte|روته]] كلاما آخر.\n", encoding="utf-8")
    build_ok(scratch)
    page = (scratch.site_dir / "ar" / "entities" / "mark-rutte" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="snippet"[^>]*>(.*?)</li>', page, re.DOTALL)
    twice = [entry for entry in entries if "زرزور" in entry]
    assert len(twice) == 1, twice
    marks = re.findall(r'<mark class="snippet__mention"[^>]*>(.*?)</mark>', twice[0])
    assert [re.sub(r"<[^>]+>", "", mark) for mark in marks] == ["مارك روته", "روته"]
    shown = html.unescape(re.sub(r"<[^>]+>", "", twice[0].partition('<a class="snippet__link"')[0])).strip()
    assert shown == re.sub(r"\[\[[^|]+\|([^]]+)\]\]", r"\1", _TWICE)
    assert 'href="/ar/articles/2024-10-30-twice/#m1"' in twice[0], "the entry links to the first mention"
    assert any("كلاما آخر" in entry for entry in entries), "another sentence is another entry"


def test_the_readmes_summary_line_is_what_a_build_of_the_sample_prints(tmp_path: Path) -> None:
    """The README shows a newcomer the line their first builds end with: it must be that line."""
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"`(built \d+ files \(\d+ articles, \d+ entities\)): (\d+) written, (\d+) unchanged", readme)
    assert shown is not None
    project = copy_project(tmp_path)
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(project.root)]
    subprocess.run(command, check=True, capture_output=True)
    article = project.content_dir / "articles" / "2024-10-28-nato-rutte-north-korean-troops-kursk.en.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    printed = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    assert printed.startswith(f"{shown.group(1)}: {shown.group(2)} written, {shown.group(3)} unchanged"), printed


def test_a_clitic_stays_joined_to_the_highlighted_name_on_entity_pages(sample_site: Path) -> None:
    """``ل[[russia|روسيا]]``: the entity page's entry has the joiners the article body has on
    both sides of the mark's edge, or the clitic stands apart from the name on screen."""
    page = (sample_site / "ar" / "entities" / "russia" / "index.html").read_text(encoding="utf-8")
    joined = re.findall('ل\u200d<mark class="snippet__mention" data-type="place">(?:<span class="nobr">)?(.)', page)
    assert joined and all(first == "\u200d" for first in joined)
