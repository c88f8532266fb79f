"""The ``author`` of an article: front matter → the article's meta line in both editions, its
JSON-LD ``NewsArticle.author`` and its Atom entries' ``<author>``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from digest.read.project import Project
from digest.structured import byline

from .conftest import build_ok, copy_project
from .test_structured import head

RUTTE = "2024-10-28-nato-rutte-north-korean-troops-kursk"
NEW = "2024-10-30-correspondent-report"
ATOM = "{http://www.w3.org/2005/Atom}"


def _add_author(path: Path, author: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ndate: ", f"\nauthor: {json.dumps(author, ensure_ascii=False)}\ndate: ", 1), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with bylines: an agency in Latin letters on an Arabic article, a person on its
    English translation, and an Arabic name on an article written only in Arabic."""
    project = copy_project(tmp_path_factory.mktemp("author"))
    articles = project.content_dir / "articles"
    _add_author(articles / f"{RUTTE}.ar.md", "AFP")
    _add_author(articles / f"{RUTTE}.en.md", "Jane Doe")
    (articles / f"{NEW}.ar.md").write_text(
        "---\ntitle: تقرير مراسلة عن الوضع في مقاطعة كورسك\ndate: 2024-10-30\nauthor: سلمى الراوي\n"
        "source: {name: أخبار الشرق, url: null}\n---\n\n"
        "قالت مصادر محلية إن الوضع في [[kursk-oblast|مقاطعة كورسك]] هادئ.\n",
        encoding="utf-8",
    )
    build_ok(project, search=False)
    return project.site_dir


def _meta_line(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    match = re.search(r'<dl class="article__meta">(.*?)</dl>', html, re.S)
    assert match, page
    return match[1]


def _news_article(page: Path) -> dict:  # type: ignore[type-arg]
    (data,) = [json.loads(s) for s in head(page).scripts]
    return data


def _page(site: Path, lang: str, slug: str) -> Path:
    return site / lang / "articles" / slug / "index.html"


def test_the_meta_line_shows_the_author_marked_with_its_own_language(site: Path) -> None:
    assert '<div><dt>الكاتب</dt><dd lang="en" dir="ltr">AFP</dd></div>' in _meta_line(_page(site, "ar", RUTTE))
    assert "<div><dt>Author</dt><dd>Jane Doe</dd></div>" in _meta_line(_page(site, "en", RUTTE))
    assert "<div><dt>الكاتب</dt><dd>سلمى الراوي</dd></div>" in _meta_line(_page(site, "ar", NEW))
    # the English edition shows the Arabic original, its byline marked as Arabic
    assert '<div><dt>Author</dt><dd lang="ar" dir="rtl">سلمى الراوي</dd></div>' in _meta_line(_page(site, "en", NEW))
    # before the source, after the dates
    line = _meta_line(_page(site, "ar", NEW))
    assert line.index("<time") < line.index("الكاتب") < line.index("المصدر")


def test_an_article_without_an_author_shows_none(site: Path) -> None:
    slug = "2024-10-23-south-korea-nato-brussels-north-korea"
    for lang, label in (("ar", "الكاتب"), ("en", "Author")):
        assert f"<dt>{label}</dt>" not in _meta_line(_page(site, lang, slug))
        data = _news_article(_page(site, lang, slug))
        assert data["author"]["@type"] in ("NewsMediaOrganization", "Organization")
        assert data["author"] == data.get("sourceOrganization", data["publisher"])


def test_json_ld_names_an_agency_as_an_organization_and_a_writer_as_a_person(site: Path) -> None:
    agency = _news_article(_page(site, "ar", RUTTE))
    assert agency["author"] == {"@type": "Organization", "name": "AFP"}
    assert agency["sourceOrganization"]["@type"] == "NewsMediaOrganization"  # the outlet is still named
    assert _news_article(_page(site, "en", RUTTE))["author"] == {"@type": "Person", "name": "Jane Doe"}
    for lang in ("ar", "en"):
        data = _news_article(_page(site, lang, NEW))
        assert data["author"] == {"@type": "Person", "name": "سلمى الراوي"}
        assert data["sourceOrganization"] == {"@type": "NewsMediaOrganization", "name": "أخبار الشرق"}


def test_the_feed_entries_name_the_author(site: Path) -> None:
    def authors(lang: str) -> dict[str, str]:
        tree = ET.parse(site / lang / "feed.xml")
        return {
            entry.findtext(f"{ATOM}id").rstrip("/").rsplit("/", 1)[-1]: entry.findtext(f"{ATOM}author/{ATOM}name")
            for entry in tree.getroot().iter(f"{ATOM}entry")
        }

    ar, en = authors("ar"), authors("en")
    assert ar[RUTTE] == "AFP" and en[RUTTE] == "Jane Doe"
    assert ar[NEW] == en[NEW] == "سلمى الراوي"
    slug = "2024-10-23-south-korea-nato-brussels-north-korea"
    assert ar[slug] != "" and ar[slug] not in ("AFP", "Jane Doe")  # without an author: the source, as before
    entity_feed = ET.parse(site / "ar" / "entities" / "kursk-oblast" / "feed.xml").getroot()
    names = {e.findtext(f"{ATOM}author/{ATOM}name") for e in entity_feed.iter(f"{ATOM}entry")}
    assert {"AFP", "سلمى الراوي"} <= names


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("وكالات", "Organization"),
        ("وكالة الأنباء الألمانية", "Organization"),
        ("Agencies", "Organization"),
        ("رويترز", "Organization"),
        ("أ ف ب", "Organization"),
        ("AP", "Organization"),
        ("سلمى الراوي", "Person"),
        ("Mark Rutte", "Person"),
        ("Apple Smith", "Person"),
    ],
)
def test_an_agency_is_an_organization(name: str, kind: str) -> None:
    assert byline(name)["@type"] == kind


def test_the_outlet_itself_is_an_organization() -> None:
    assert byline("RT Arabic", "RT Arabic")["@type"] == "Organization"
    assert byline("سلمى الراوي", "RT Arabic")["@type"] == "Person"


def test_check_accepts_an_author_and_the_build_says_nothing_about_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _add_author(project.content_dir / "articles" / f"{RUTTE}.ar.md", "كتب: محمد علي")
    result = build_ok(Project(project.root), search=False)
    assert not result.diagnostics
