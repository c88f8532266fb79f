"""``import`` of saved pages, URLs and feeds, end to end, against a real HTTP server on 127.0.0.1.

The pages under ``tests/fixtures/web_pages/`` are written for these tests in the shape of
Arabic news pages (navigation, share buttons, related and most-read lists, captions,
cookie and newsletter boxes, a footer, JSON-LD and Open Graph tags, tweet embeds); their
text is invented. ``{{origin}}`` in a fixture stands for the test server's address.
"""

from __future__ import annotations

import http.server
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from digest.cli import main
from digest.editor import fetching
from digest.editor.duplicates import url_key
from digest.editor.pagemeta import parse_moment
from digest.editor.webpage import read_page
from digest.read.project import Project

PAGES = Path(__file__).parent / "fixtures" / "web_pages"
RUTTE = "/world/2024/10/28/rutte-kursk/"
SEOUL = "/news/seoul-visit.html"
ROUTES = {
    RUTTE: ("rutte-kursk.html", "text/html; charset=utf-8"),
    SEOUL: ("seoul-visit.html", "text/html; charset=UTF-8"),
    "/local/budget.html": ("plain.html", "text/html"),
    "/mirror/2024/10/28/12345.html": ("syndicated.html", "text/html; charset=utf-8"),
    "/feed.rss": ("feed.rss", "application/rss+xml; charset=utf-8"),
    "/feed.atom": ("feed.atom", "application/atom+xml"),
    "/api/data.json": ("data.json", "application/json"),
}
REDIRECTS = {"/r/1001": RUTTE}
RUTTE_SLUG = "2024-10-28-mark-rutte-north-korea-kursk-oblast"


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves the fixtures at news-site-like paths (query strings ignored, as most sites do)."""

    origin = ""
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        type(self).requests.append(self.path)
        path = urlsplit(self.path).path
        if path in REDIRECTS:
            self.send_response(301)
            self.send_header("Location", REDIRECTS[path])
            self.end_headers()
            return
        route = ROUTES.get(path) or ROUTES.get(path.rstrip("/")) or ROUTES.get(path + "/")
        if route is None:
            body = "<html><body><h1>الصفحة غير موجودة</h1></body></html>".encode()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        name, kind = route
        body = (PAGES / name).read_text(encoding="utf-8").replace("{{origin}}", self.origin).encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def web() -> Iterator[str]:
    """The fixture pages served on 127.0.0.1 (a free port); yields the origin ``http://127.0.0.1:PORT``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.origin = origin
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture
def refused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed): a connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def saved_page(folder: Path, name: str, origin: str, target: str | None = None) -> Path:
    """A fixture page saved as a file, its ``{{origin}}`` filled in."""
    path = folder / (target or name)
    path.write_text((PAGES / name).read_text(encoding="utf-8").replace("{{origin}}", origin), encoding="utf-8")
    return path


def run(scratch: Project, *args: str) -> int:
    return main(["--root", str(scratch.root), "import", *args])


def article(scratch: Project, slug: str, lang: str = "ar") -> str:
    return (scratch.content_dir / "articles" / f"{slug}.{lang}.md").read_text(encoding="utf-8")


def front(text: str) -> str:
    return text.split("\n---\n", 1)[0] + "\n"


def body(text: str) -> str:
    return text.split("\n---\n", 1)[1]


FURNITURE = (
    "الرئيسية",
    "آراء ومقالات",
    "ابحث في الموقع",
    "عاجل",
    "شارك على فيسبوك",
    "نسخ الرابط",
    "واتساب",
    "تيليجرام",
    "اقرأ أيضا",
    "عنوان خبر سابق",
    "أخبار ذات صلة",
    "عنوان تجريبي أول",
    "الأكثر قراءة",
    "خبر رياضي تجريبي",
    "جميع الحقوق محفوظة",
    "من نحن",
    "سياسة الخصوصية",
    "تابعونا",
    "الأمين العام خلال مؤتمر صحفي في بروكسل",
    "بقلم",
)


# --------------------------------------------------------------------------- a saved page


def test_a_saved_page_becomes_an_article_from_its_metadata_and_main_text(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    page = saved_page(scratch.root, "rutte-kursk.html", web)
    assert run(scratch, str(page)) == 0
    out = capsys.readouterr().out
    text = article(scratch, RUTTE_SLUG)
    head = front(text)
    assert "title: 'مارك روته: قوات من كوريا الشمالية في مقاطعة كورسك'\n" in head
    assert "date: '2024-10-28T12:56:00+03:00'\nupdated: '2024-10-28T13:47:00+03:00'\n" in head
    assert f"source:\n  name: أخبار الشرق التجريبية\n  url: {web}{RUTTE}\n" in head  # the canonical, no utm_
    assert "tags:\n- الناتو\n- كوريا الشمالية\n- مقاطعة كورسك\n" in head
    story = body(text)
    assert "[[mark-rutte|مارك روته]]" in story and "[[kursk-oblast|مقاطعة كورسك]]" in story
    for line in FURNITURE:
        assert line not in story, line
    paragraphs = story.strip().split("\n\n")
    assert paragraphs[0].startswith("قال الأمين العام لحلف") and paragraphs[-1].startswith("وكانت تقارير")
    post = (
        '::: post author="حساب تجريبي للحلف" handle="@TestAlliance" date=2024-10-28 lang=ar platform=x '
        'url="https://twitter.com/TestAlliance/status/1850877654321098765"\n'
        "نتابع بقلق بالغ التقارير عن وصول قوات أجنبية إلى الجبهة، ونؤكد تضامننا الكامل مع شركائنا.\n:::"
    )
    assert paragraphs[2] == post  # at its place: after the second paragraph, before the third
    assert "pic.twitter.com" not in story and "digest" not in story
    assert "  found: title from JSON-LD headline: 'مارك روته: قوات من كوريا الشمالية في مقاطعة كورسك'\n" in out
    assert "  found: date from JSON-LD datePublished: 2024-10-28T12:56:00+03:00\n" in out
    assert "  found: source 'أخبار الشرق التجريبية' from JSON-LD publisher.name\n" in out
    assert "  found: embedded post by حساب تجريبي للحلف (@TestAlliance) from the page's twitter embed\n" in out
    assert "  found: author 'سلمى الراوي' from JSON-LD author.name\n" in out
    assert f"source:\n  name: أخبار الشرق التجريبية\n  url: {web}{RUTTE}\nauthor: سلمى الراوي\n" in head
    assert "embedded post boundary" not in out  # known from the markup, not guessed
    assert f"  slug: {RUTTE_SLUG} (from the entities the title names; set it with --slug or --title-en)\n" in out
    assert out.endswith("\nimported 1 file\n")
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_a_page_without_structured_metadata_gives_its_title_and_dated_text(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    page = scratch.root / "budget.htm"
    page.write_bytes((PAGES / "plain.html").read_bytes())
    assert run(scratch, str(page)) == 0
    out = capsys.readouterr().out
    (written,) = (scratch.content_dir / "articles").glob("2024-10-30-*.ar.md")
    text = written.read_text(encoding="utf-8")
    assert "title: البرلمان يقر موازنة العام المقبل بعد جلسة طويلة\ndate: '2024-10-30T11:20:00'\n" in text
    assert "source:" not in text  # a saved file with no address and no outlet named: nothing invented
    assert "تاريخ النشر" not in body(text) and "محليات" not in text and "جميع الحقوق" not in text
    assert "found: title from the page's <title> or first heading" in out
    assert "(the title transliterated; set it with --slug or --title-en)" in out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_a_page_with_no_article_text_is_one_line_and_nothing_is_written(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    page = scratch.root / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>")
    before = sorted((scratch.content_dir / "articles").iterdir())
    assert run(scratch, str(page)) == 1
    captured = capsys.readouterr()
    assert f"{page.as_posix()}: no article text found in the page\n" in captured.err
    assert sorted((scratch.content_dir / "articles").iterdir()) == before


def test_show_text_prints_the_text_a_page_was_read_as(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    page = saved_page(scratch.root, "rutte-kursk.html", web)
    assert run(scratch, str(page), "--show-text", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "     1 | مارك روته: قوات من كوريا الشمالية في مقاطعة كورسك\n" in out
    assert re.search(
        r"\n +\d+ \| نتابع بقلق بالغ .* — حساب تجريبي للحلف \(@TestAlliance\) October 28, 2024 https://", out
    )


# --------------------------------------------------------------------------- URLs


def test_a_url_is_fetched_its_floating_time_kept_and_a_picture_only_tweet_kept(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + SEOUL) == 0
    out = capsys.readouterr().out
    (written,) = (scratch.content_dir / "articles").glob("2024-10-29-*.ar.md")
    text = written.read_text(encoding="utf-8")
    assert "date: '2024-10-29T09:15:00'\n" in text  # article:published_time gave no offset: no Z added
    assert f"source:\n  name: صحيفة الوسط التجريبية\n  url: {web}{SEOUL}\n" in text
    assert "title: وزير الخارجية يصل إلى سيول في زيارة تستمر يومين\n" in text  # og:title without the site name
    assert "\nauthor: فريق التحرير\n" in text  # the byline trafilatura found, without its "كتب"
    assert "  found: author 'فريق التحرير' from the page (trafilatura)\n" in out
    post = (
        '::: post author="وزارة الخارجية التجريبية" handle="@TestMinistry" date=2024-10-29 lang=ar platform=x '
        'url="https://twitter.com/TestMinistry/status/1851111111111111111"\n:::'
    )
    story = body(text)
    assert "ونشرت الوزارة على حسابها صورة من الاستقبال الرسمي في المطار:\n\n" + post + "\n\nومن المقرر" in story
    for line in ("نستخدم ملفات تعريف الارتباط", "تسجيل الدخول", "1520", "طباعة", "النشرة البريدية", "الأكثر قراءة"):
        assert line not in story, line
    assert "صورة من وصول الوفد" not in story  # the caption under the photo
    assert "found: date from article:published_time: 2024-10-29T09:15:00 (no zone given: kept without one)" in out
    assert "found: title from og:title" in out
    # one entity (سيول) is not enough to name the story: the title is transliterated
    assert written.name.startswith("2024-10-29-wzyr-lkhrjyh-") and "(the title transliterated;" in out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_a_redirect_is_followed_and_the_canonical_address_kept(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + "/r/1001?utm_source=newsletter") == 0
    text = article(scratch, RUTTE_SLUG)
    assert f"  url: {web}{RUTTE}\n" in text


def test_each_failed_url_is_one_line_and_the_other_inputs_still_import(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str, refused_port
) -> None:
    raw = scratch.root / "one.txt"
    raw.write_text("عنوان تجريبي عن زيارة وزير إلى العاصمة\n28/10/2024\nقال الوزير إن المحادثات كانت مثمرة.\n")
    offline = f"http://127.0.0.1:{refused_port}/news/1.html"
    missing = web + "/news/no-such-page.html"
    not_html = web + "/api/data.json"
    nowhere = "https://news.example.invalid/a.html"
    code = run(scratch, offline, missing, str(raw), not_html, nowhere, web + SEOUL)
    captured = capsys.readouterr()
    assert code == 1
    assert f"{offline}: cannot fetch: connection refused\n" in captured.err
    assert f"{missing}: cannot fetch: HTTP 404 Not Found\n" in captured.err
    assert f"{not_html}: cannot fetch: not an HTML page (application/json)\n" in captured.err
    assert f"{nowhere}: cannot fetch: host not found" in captured.err
    assert len([line for line in captured.err.splitlines() if "cannot fetch" in line]) == 4
    assert captured.out.endswith("\nimported 2 of 6 files; 4 failed\n")
    assert len(list((scratch.content_dir / "articles").glob("2024-10-2[89]-*.ar.md"))) == 2 + 1  # + the sample's


def test_a_server_that_does_not_answer_times_out_in_one_line(
    scratch: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    monkeypatch.setattr(fetching, "READ_TIMEOUT", 0.5)
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/slow.html"
    try:
        started = time.monotonic()
        assert run(scratch, url) == 1
        assert time.monotonic() - started < 10
    finally:
        silent.close()
    assert f"{url}: cannot fetch: no answer within 0.5 s\n" in capsys.readouterr().err


def test_dry_run_fetches_and_prints_but_writes_nothing(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    before = sorted((scratch.content_dir / "articles").iterdir())
    assert run(scratch, web + RUTTE, "--dry-run") == 0
    out = capsys.readouterr().out
    assert f"--- content/articles/{RUTTE_SLUG}.ar.md (dry run, not written)\n" in out
    assert "date: '2024-10-28T12:56:00+03:00'" in out
    assert out.endswith("\nwould import 1 file; nothing written\n")
    assert sorted((scratch.content_dir / "articles").iterdir()) == before
    assert not (scratch.content_dir / "outlets").exists()


def test_slug_and_title_en_still_choose_the_name(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + RUTTE, "--slug", "2024-10-28-chosen") == 0
    assert "  slug:" not in capsys.readouterr().out
    assert "title: 'مارك روته" in article(scratch, "2024-10-28-chosen")
    assert run(scratch, web + SEOUL, "--title-en", "Foreign minister arrives in Seoul") == 0
    assert article(scratch, "2024-10-29-foreign-minister-arrives-in-seoul")


# --------------------------------------------------------------------------- feeds


def test_an_rss_feed_imports_every_item_and_a_second_run_skips_them(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, "--feed", web + "/feed.rss") == 0
    out = capsys.readouterr().out
    assert f"{web}/feed.rss: 2 items (أخبار الشرق التجريبية - العالم)\n" in out
    assert f"{web}/feed.rss: 2 imported\n" in out and out.endswith("\nimported 2 files\n")
    assert f"url: {web}{RUTTE}\n" in article(scratch, RUTTE_SLUG)
    seoul = next((scratch.content_dir / "articles").glob("2024-10-29-*.ar.md"))
    assert "date: '2024-10-29T09:15:00'\n" in seoul.read_text(encoding="utf-8")  # the page's own date wins

    _Handler.requests.clear()
    assert run(scratch, "--feed", web + "/feed.rss") == 0
    out = capsys.readouterr().out
    shown = f"content/articles/{RUTTE_SLUG}.ar.md"
    link = f"{web}{RUTTE}?utm_source=rss&utm_medium=feed"
    assert f"{link}: skipped, already imported as {shown} (same source URL)\n" in out
    assert f"{web}{SEOUL}: skipped, already imported as content/articles/{seoul.name} (same source URL)\n" in out
    assert f"{web}/feed.rss: 0 imported, 2 skipped (already imported)\n" in out
    assert out.endswith("\nnothing new to import; skipped 2 already imported\n")
    assert _Handler.requests == ["/feed.rss"]  # skipped items are not even fetched


def test_an_atom_feed_from_a_file_skips_what_another_feed_brought(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + SEOUL) == 0
    feed = saved_page(scratch.root, "feed.atom", web)
    capsys.readouterr()
    assert run(scratch, "--feed", str(feed)) == 0
    out = capsys.readouterr().out
    # the Atom link ends with a slash the page's address does not have: the same article
    assert f"{web}{SEOUL}/: skipped, already imported as content/articles/2024-10-29-" in out
    (budget,) = (scratch.content_dir / "articles").glob("2024-10-30-*.ar.md")
    text = budget.read_text(encoding="utf-8")
    # the page's text gives the time without a zone; the feed's item gives it with one, and wins
    assert "date: '2024-10-30T11:20:00+03:00'\n" in text
    assert "found: date from the feed: 2024-10-30T11:20:00+03:00" in out
    assert f"url: {web}/local/budget.html\n" in text
    assert out.endswith("\nimported 1 file; skipped 1 already imported\n")


def test_the_pages_own_date_comes_before_the_feeds(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>عنوان من الخلاصة عن الموازنة</title><link>{web}/mirror/2024/10/28/12345.html</link>"
        "<pubDate>Mon, 28 Oct 2024 11:00:00 +0300</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    assert run(scratch, "--feed", str(feed), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "date: '2024-10-28T10:30:00Z'" in out  # the page's JSON-LD still comes first


def test_a_feed_that_cannot_be_read_fails_in_one_line(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str, refused_port: int
) -> None:
    page = saved_page(scratch.root, "plain.html", web, "not-a-feed.xml")
    offline = f"http://127.0.0.1:{refused_port}/feed.rss"
    assert run(scratch, "--feed", str(page), "--feed", offline, "--feed", web + "/feed.none") == 1
    err = capsys.readouterr().err
    assert f"{page.as_posix()}: not an RSS or Atom feed" in err or f"{page.as_posix()}: the feed has no items" in err
    assert f"{offline}: cannot fetch: connection refused\n" in err
    assert f"{web}/feed.none: cannot fetch: HTTP 404 Not Found\n" in err


def test_nothing_to_import_is_a_usage_error(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(scratch) == 2
    assert "nothing to import" in capsys.readouterr().err


# --------------------------------------------------------------------------- the readers on their own


def test_embeds_keep_their_place_whatever_wraps_them() -> None:
    paragraphs = [
        f"<p>الفقرة رقم {n} من نص الخبر التجريبي عن اجتماع الوزراء في العاصمة أمس لبحث الملفات المشتركة.</p>"
        for n in range(5)
    ]
    wrapped = (
        '<figure class="embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">We follow the news closely.'
        '<br><br>More soon — stay tuned <a href="https://t.co/x1">https://t.co/x1</a></p>&mdash; Test Person '
        '(@tperson) <a href="https://x.com/tperson/status/99?s=20">28 أكتوبر 2024</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script></figure>'
    )
    bare = '<div class="embed-x"><blockquote class="twitter-tweet"><a href="https://twitter.com/solo/status/5"></a></blockquote></div>'
    page = (
        '<html><head><meta property="og:title" content="عنوان الخبر التجريبي عن الاجتماع الوزاري">'
        '<meta property="article:published_time" content="2024-10-28"></head><body><header><nav><a href="/">الرئيسية'
        "</a></nav></header><article>"
        + "".join(paragraphs[:2])
        + wrapped
        + paragraphs[2]
        + bare
        + "".join(paragraphs[3:])
        + wrapped.replace("99", "100").replace("@tperson", "@other")
        + "</article></body></html>"
    )
    scraped = read_page(page, "embeds.html").scraped
    blocks = scraped.body.split("\n\n")
    assert [b.split()[0] if b.startswith(":::") else b.split()[2] for b in blocks] == [
        "0",
        "1",
        ":::",
        "2",
        ":::",
        "3",
        "4",
        ":::",
    ]
    assert (
        'handle="@tperson" date=2024-10-28 lang=en platform=x url="https://twitter.com/tperson/status/99"' in blocks[2]
    )
    assert "We follow the news closely. More soon — stay tuned\n:::" in scraped.body  # the dash did not cut it
    assert 'author="solo" handle="@solo" lang=ar platform=x url="https://twitter.com/solo/status/5"\n:::' in blocks[4]
    assert 'handle="@other"' in blocks[7]
    assert not any("put at the end" in line for line in scraped.found)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-28T12:56:00+03:00", "2024-10-28T12:56:00+03:00"),
        ("2024-10-28T12:56:00Z", "2024-10-28T12:56:00+00:00"),
        ("2024-10-28T12:56:00.250+0300", "2024-10-28T12:56:00+03:00"),
        ("2024-10-28T12:56:00", "2024-10-28T12:56:00"),
        ("2024-10-28 12:56", "2024-10-28T12:56:00"),
        ("2024-10-28", "2024-10-28 (day)"),
        ("28/10/2024", None),
    ],
)
def test_a_structured_date_keeps_its_zone_exactly(value: str, expected: str | None) -> None:
    parsed = parse_moment(value)
    if expected is None:
        assert parsed is None
        return
    moment, has_time = parsed  # type: ignore[misc]
    assert (moment.isoformat() if has_time else f"{moment:%Y-%m-%d} (day)") == expected


def test_addresses_compare_without_scheme_case_slash_or_tracking() -> None:
    same = [
        "https://News.Example.com/world/2024/10/28/rutte-kursk/",
        "http://news.example.com/world/2024/10/28/rutte-kursk",
        "https://news.example.com:443/world/2024/10/28/rutte-kursk/?utm_source=rss&utm_medium=feed#top",
        "https://news.example.com/world/2024/10/28/rutte-kursk?fbclid=abc",
    ]
    assert len({url_key(u) for u in same}) == 1
    assert url_key("https://news.example.com/a?id=1") != url_key("https://news.example.com/a?id=2")
    assert url_key("https://news.example.com/%D8%AE%D8%A8%D8%B1") == url_key("https://news.example.com/خبر")
    assert url_key("ftp://news.example.com/a") is None and url_key("not a url") is None
