"""Search: the Pagefind bundle per edition, the markup it reads, incremental indexing, and
the build without the Pagefind binary."""

from __future__ import annotations

import gzip
import html as html_module
import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest import buildstate
from digest.buildstate import Manifest, manifest_file
from digest.cli import main
from digest.pipeline import build
from digest.read.project import Project
from digest.search import pagefind, shards
from digest.search.forms import FORMS_ID, reading_html, search_forms, search_key, search_text
from digest.text.matching import WORD_RE, normalized_text
from digest.tuning import Tuning
from tests.conftest import build_ok, copy_project

RUTTE = "2024-10-28-nato-rutte-north-korean-troops-kursk"


def _entry(site: Path, lang: str, shard: int) -> dict:  # type: ignore[type-arg]
    return json.loads((site / "pagefind" / lang / str(shard) / "pagefind-entry.json").read_text(encoding="utf-8"))


def _bundle(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("الأمين", "امين"),
        ("أمين", "امين"),
        ("إلى", "الي"),
        ("مقاطعة", "مقاطعه"),
        ("للحلف", "حلف"),
        ("وبالإعلامية", "اعلاميه"),
        ("ال", "ال"),
        ("الـنَّاتو", "ناتو"),
        ("NATO", "NATO"),
    ],
)
def test_search_key_folds_variants_and_the_article(word: str, key: str) -> None:
    assert search_key(word) == key


def test_search_forms_are_distinct_arabic_words_in_order_but_those_written_as_such() -> None:
    html = '<p>زعم <a href="/x">الأمين</a> أن أمين &amp; Rutte</p>'
    # عنوان and زعم are in the text as they are: Pagefind indexes them from it.
    assert search_forms("عنوان", html) == "امين ان"
    assert search_forms("<p>الأمين امين</p>") == ""


def _forms_of_whole_texts(*texts: str) -> str:
    """``search_forms`` as its definition says it: each whole text normalised and split into words."""
    seen: dict[str, None] = {}
    written: set[str] = set()
    for text in texts:
        plain = html_module.unescape(re.sub(r"<[^>]+>", " ", text))
        written.update(WORD_RE.findall(plain))
        for word in WORD_RE.findall(normalized_text(plain)):
            if re.search("[\u0600-\u06ff]", word):
                seen.setdefault(search_key(word), None)
    return " ".join(form for form in seen if form not in written)


_PIECES = [*"اأإآٱلمنةىيو ب", "\u064e", "\u0651", "\u0640", "\u200c", "\u200d", "\u200f", "\u0301", "e", "_"]
_PIECES += [" ", "\n", "\u00a0", "\u2003", "<b>", "</b>", "&amp;", "&#32;", "&nbsp;", "،", "-", "7", "٣"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@given(st.lists(_TEXT, min_size=1, max_size=3))
def test_search_forms_taken_chunk_by_chunk_are_those_of_the_whole_texts(texts: list[str]) -> None:
    assert search_forms(*texts) == _forms_of_whole_texts(*texts)


def test_the_body_is_read_without_inline_elements_and_the_joiners_of_their_edges() -> None:
    """Pagefind breaks a word where an element with an id starts; the text it indexes has
    no inline elements, so a mention reads as on the page."""
    body = (
        '<p lang="ar">سبق ل\u200d<a class="mention" data-type="place" id="m6" href="/ar/entities/russia/">'
        '\u200dروسيا</a> و&quot;<a class="mention" id="m1" href="/x"><span class="nobr">روسيا-1</span></a>&quot;'
        '…<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> <em>Mark</em>\u200d👩</p>\n'
        '<h2>عنوان</h2>\n<figure class="quote" id="q1">\n<blockquote>\n<p>نص</p>\n</blockquote>\n</figure>\n'
    )
    assert reading_html(body) == (
        "<p>سبق لروسيا و&quot;روسيا-1&quot;…[1] Mark👩</p>\n"
        "<h2>عنوان</h2>\n<figure>\n<blockquote>\n<p>نص</p>\n</blockquote>\n</figure>\n"
    )


def test_a_mention_joined_to_a_clitic_is_found_by_its_name() -> None:
    """``لروسيا`` is one word as read (Pagefind's stemmer keeps the ل); the mention's name is
    a search form, unless the text has it as a word of its own."""
    joined = '<p>عدو ل\u200d<a class="mention" id="m1" href="/r">\u200dروسيا</a></p>'
    text = search_text("عنوان", "", joined)
    assert str(text.body) == "<p>عدو لروسيا</p>"
    assert "روسيا" in text.forms.split()
    assert "روسيا" not in search_text("عنوان", "", joined + "<p>روسيا</p>").forms.split()
    long = '<p>ل\u200d<a class="mention mention--long" id="m2" href="/k">\u200dكوريا الشمالية</a></p>'
    assert {"كوريا", "شماليه"} <= set(search_text("", "", long).forms.split())


def _fragment(site: Path, lang: str, path: str) -> dict:  # type: ignore[type-arg]
    """Pagefind's record of one page (its indexed text, anchors, filters)."""
    for fragment in (site / "pagefind" / lang).rglob("*.pf_fragment"):
        raw = gzip.decompress(fragment.read_bytes())
        data = json.loads(raw[len(b"pagefind_dcd") :])
        if data["url"] == path:
            return data  # type: ignore[no-any-return]
    raise AssertionError(f"no fragment for {path}")


def test_pagefind_indexes_the_text_as_the_page_shows_it(sample_site: Path) -> None:
    """The indexed text (what excerpts are cut from) joins a mention to the clitic and the
    quote marks around it as the page does, and holds no filter values run together."""
    content = _fragment(sample_site, "ar", f"/ar/articles/{RUTTE}/")["content"]
    assert "فيما سبق لروسيا وكذّبت" in content  # ل[[russia|روسيا]]
    assert 'حلف "الناتو" مارك روته' in content and '" الناتو' not in content
    assert "\u200d" not in content
    assert "مارك روتهالناتو" not in content, "the entity filters are not indexed as text"


def test_each_edition_has_its_own_index_of_its_articles(sample_site: Path) -> None:
    stories = {p.name for p in (sample_site / "ar" / "articles").iterdir()}
    assert sorted(p.name for p in (sample_site / "pagefind").iterdir()) == ["ar", "en"]
    for lang in ("ar", "en"):
        assert [p.name for p in (sample_site / "pagefind" / lang).iterdir()] == ["0"], "one shard each"
        entry = _entry(sample_site, lang, 0)
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == len(stories)
        assert (sample_site / "pagefind" / lang / "0" / "pagefind.js").is_file()
    assert not list((sample_site / "pagefind").rglob("pagefind-ui.*")), "Pagefind's own UI is not published"


def test_an_untranslated_article_is_searched_in_its_own_edition_only(scratch: Project) -> None:
    """The English page of an article with no translation shows the Arabic original: a copy
    (noindex, canonical to the original) that the English index leaves out."""
    (scratch.content_dir / "articles" / f"{RUTTE}.en.md").unlink()
    build_ok(scratch)
    site = scratch.site_dir
    stories = len(list((site / "ar" / "articles").iterdir()))
    assert _entry(site, "ar", 0)["languages"]["ar"]["page_count"] == stories
    assert _entry(site, "en", 0)["languages"]["en"]["page_count"] == stories - 1
    fallback = (site / "en" / "articles" / RUTTE / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in fallback
    assert "data-pagefind-body" not in fallback
    assert FORMS_ID not in fallback, "no hidden text to index"


def test_an_edition_with_no_articles_of_its_own_says_so(scratch: Project) -> None:
    for path in (scratch.content_dir / "articles").glob("*.en.md"):
        path.unlink()
    build_ok(scratch)
    assert not (scratch.site_dir / "pagefind" / "en").exists()
    page = (scratch.site_dir / "en" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-bundles=""' in page
    assert "This edition has no articles in its own language yet." in page


def test_article_markup_marks_body_filters_and_search_forms(sample_site: Path) -> None:
    html = (sample_site / "ar" / "articles" / RUTTE / "index.html").read_text(encoding="utf-8")
    header, _, rest = html.partition('<main id="main"')
    assert "data-pagefind" not in header, "navigation is not indexed"
    assert '<p data-pagefind-ignore data-pagefind-meta="title">أمين عام &#34;الناتو&#34; يزعم' in html
    visible, _, hidden = html.partition('<div class="search-text" hidden>')
    assert html.count("data-pagefind-body") == 1 and "data-pagefind-body" in hidden, "the body as read is indexed"
    assert '<article class="article">' in visible
    assert '<span data-pagefind-filter="entity">مارك روته</span>' in hidden.partition("data-pagefind-body")[0]
    assert re.search(r'data-pagefind-filter="tag"><bdi>مقاطعة كورسك</bdi>', html)
    title = '<p data-pagefind-ignore data-pagefind-meta="title">[^<]*</p>'
    forms = re.search(rf'<h2 id="{FORMS_ID}">#</h2>{title}<p>([^<]*)</p>', html)
    assert forms is not None
    assert {"امين", "ناتو", "اعلاميه"} <= set(forms.group(1).split())
    footer = rest.rpartition("</main>")[2]
    assert "data-pagefind" not in footer


def test_only_article_pages_are_indexed(sample_site: Path) -> None:
    for page in ("ar/index.html", "en/entities/index.html", "ar/tags/index.html", "en/search/index.html"):
        assert "data-pagefind-body" not in (sample_site / page).read_text(encoding="utf-8"), page


def test_search_pages_are_linked_from_every_page(sample_site: Path) -> None:
    for lang, label in (("ar", "بحث"), ("en", "Search")):
        home = (sample_site / lang / "index.html").read_text(encoding="utf-8")
        assert f'<a href="/{lang}/search/">{label}</a>' in home
        search = (sample_site / lang / "search" / "index.html").read_text(encoding="utf-8")
        assert f'<a href="/{lang}/search/" aria-current="page">{label}</a>' in search
        assert f'data-bundles="/pagefind/{lang}/0/"' in search
        assert '<script type="module" src="/assets/search.js"></script>' in search


def test_large_editions_are_split_into_shards_and_an_edit_reindexes_one(
    scratch: Project,
) -> None:
    """With at most two pages per shard the sample's editions need several shards; every
    article page is in exactly one, the search page lists them all, and an edit re-indexes
    only its article's shard."""
    build_ok(scratch, tuning=TWO_PER_SHARD)
    site = scratch.site_dir
    stories = sorted(p.name for p in (site / "ar" / "articles").iterdir())
    count = shards.shard_count(len(stories), 2)
    for lang in ("ar", "en"):
        numbers = sorted({shards.shard_of(f"{lang}/articles/{slug}/index.html", count) for slug in stories})
        assert len(numbers) == {"ar": 2, "en": 1}[lang], "the English pages all hash to one shard"
        folders = sorted(int(p.name) for p in (site / "pagefind" / lang).iterdir())
        assert folders == numbers, "a folder for every shard that has pages"
        pages = [_entry(site, lang, n)["languages"][lang]["page_count"] for n in numbers]
        assert sum(pages) == len(stories)
        page = (site / lang / "search" / "index.html").read_text(encoding="utf-8")
        hrefs = " ".join(f"/pagefind/{lang}/{n}/" for n in numbers)
        assert f'data-bundles="{hrefs}"' in page
    entries = {int(p.name): p / "pagefind-entry.json" for p in (site / "pagefind" / "ar").iterdir()}
    inodes = {n: path.stat().st_ino for n, path in entries.items()}
    article = scratch.content_dir / "articles" / f"{RUTTE}.ar.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nزرزور\n", encoding="utf-8")
    result = build_ok(scratch, tuning=TWO_PER_SHARD)
    edited = shards.shard_of(f"ar/articles/{RUTTE}/index.html", count)
    changed = {n for n, path in entries.items() if path.stat().st_ino != inodes[n]}
    assert changed == {edited}
    assert result.report is not None and result.report.written > 0
    fresh = copy_project(scratch.root.parent / "fresh", scratch.content_dir)
    build_ok(fresh, tuning=TWO_PER_SHARD)
    assert _bundle(fresh.site_dir) == _bundle(site), "the same bundles as a clean build"


def test_same_input_same_bundle(tmp_path: Path) -> None:
    """Pagefind writes filters in hash-map order; the build sorts them (bundle.canonical_bundle)."""
    first, second = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    build_ok(first)
    build_ok(second)
    bundle = _bundle(first.site_dir)
    assert any("/0/filter/" in k for k in bundle) and any("/0/index/" in k for k in bundle)
    assert bundle == _bundle(second.site_dir)


def test_index_is_rebuilt_only_when_an_article_page_changes(scratch: Project) -> None:
    build_ok(scratch)
    before = _bundle(scratch.site_dir)
    entry = scratch.site_dir / "pagefind" / "ar" / "0" / "pagefind-entry.json"
    inode = entry.stat().st_ino
    (scratch.content_dir / "entities" / "nato.yaml").touch()  # re-hashed, same bytes: nothing to re-index
    build_ok(scratch)
    assert entry.stat().st_ino == inode
    article = scratch.content_dir / "articles" / f"{RUTTE}.ar.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nزرزور\n", encoding="utf-8")
    result = build_ok(scratch)
    after = _bundle(scratch.site_dir)
    assert after != before
    assert result.report is not None and result.report.written > 0
    assert all(path in after for path in ("ar/0/pagefind.js", "ar/0/pagefind-entry.json"))


def test_only_a_change_to_article_pages_reindexes(scratch: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards follow the pages' bytes: a template change that leaves article pages as they
    were re-indexes nothing; one that changes them re-indexes every shard."""
    binary, runs = _logged_pagefind(scratch.root / "wrapper")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    build_ok(scratch)
    assert len(runs()) == 2, "one shard per edition"
    entity = scratch.templates_dir / "entity.html"
    entity.write_text(entity.read_text(encoding="utf-8").replace('class="entity"', 'class="entity v2"'), "utf-8")
    result = build_ok(scratch)
    assert result.rendered > 0 and len(runs()) == 2
    article = scratch.templates_dir / "article.html"
    article.write_text(article.read_text(encoding="utf-8").replace('class="article"', 'class="article v2"'), "utf-8")
    build_ok(scratch)
    assert len(runs()) == 4


def test_no_search_keeps_the_old_index_until_the_next_build(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    root = str(scratch.root)
    assert main(["--root", root, "build"]) == 0
    before = _bundle(scratch.site_dir)
    article = scratch.content_dir / "articles" / f"{RUTTE}.ar.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nزرزور\n", encoding="utf-8")
    assert main(["--root", root, "build", "--no-search"]) == 0
    assert _bundle(scratch.site_dir) == before
    assert main(["--root", root, "build"]) == 0  # no input changed, but the index is behind
    assert _bundle(scratch.site_dir) != before
    capsys.readouterr()


def test_build_without_the_binary_says_so_once(scratch: Project, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(scratch.root / "no-such-pagefind"))
    assert main(["--root", str(scratch.root), "build"]) == 0
    out, err = capsys.readouterr()
    notices = [line for line in (out + err).splitlines() if "Pagefind" in line]
    assert len(notices) == 1, out + err
    assert "search not built" in notices[0] and "pagefind[bin]" in notices[0]
    assert (scratch.site_dir / "ar" / "search" / "index.html").is_file()
    assert not (scratch.site_dir / "pagefind").exists()
    assert out.strip().splitlines()[-1].startswith("built ")


def test_a_shard_that_fails_leaves_a_consistent_site_and_the_next_build_indexes_again(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bundles are put into the site as their shards finish. When one shard fails, the build
    still succeeds (search is optional) and says so; the site holds exactly the files it
    records, and the next build indexes every shard again."""
    binary, runs = _logged_pagefind(scratch.root / "wrapper", fail_on=2)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    result = build_ok(scratch, tuning=TWO_PER_SHARD)
    notices = [d.message for d in result.diagnostics]
    assert "search not built, Pagefind failed: disk full" in notices
    site = scratch.site_dir
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    manifest = Manifest.load(manifest_file(scratch.cache_dir))
    assert manifest.outputs, "a manifest was saved"
    assert on_disk == set(manifest.outputs), "the site is exactly what the build recorded"
    assert pagefind.is_stale(scratch.cache_dir)
    present = {path.split("/")[1] + "/" + path.split("/")[2] for path in on_disk if path.startswith("pagefind/")}
    articles = sorted(p for p in on_disk if re.fullmatch(r"(ar|en)/articles/[^/]+/index\.html", p))
    wanted = shards.plan_shards(articles, 2)
    missing = {folder.removeprefix("pagefind/").rstrip("/") for folder in wanted} - present
    assert missing, "the failed shard is not in the site"
    before = len(runs())
    build_ok(scratch, tuning=TWO_PER_SHARD)
    assert len(runs()) - before == len(missing), "the next build indexes the missing shards, and only those"
    fresh = copy_project(scratch.root.parent / "fresh-after-failure", scratch.content_dir)
    build_ok(fresh, tuning=TWO_PER_SHARD)
    assert _bundle(fresh.site_dir) == _bundle(site), "the same bundles as a clean build"


def test_a_shard_glob_names_exactly_its_pages() -> None:
    pages = ["ar/articles/2024-10-28-a/index.html", "ar/articles/b-2/index.html"]
    assert shards.shard_glob(pages) == "ar/articles/{2024-10-28-a,b-2}/index.html"
    assert shards.shard_glob(pages[:1]) == "ar/articles/2024-10-28-a/index.html"
    assert shards.shard_glob([*pages, "en/articles/c/index.html"]) is None, "one edition per shard"
    assert shards.shard_glob(["ar/articles/a,b/index.html"]) is None, "a path a glob would misread"
    assert shards.shard_glob(["ar/articles/{a}/index.html"]) is None
    assert shards.shard_glob(["ar/tags/x/index.html"]) is None
    assert shards.shard_glob([]) is None


def test_a_deleted_article_left_in_the_spare_is_not_indexed(scratch: Project) -> None:
    """Pagefind reads a shard's pages straight from the staged site, which holds the deleted
    article's page until the swap: the shard's glob leaves it out."""
    build_ok(scratch)
    build_ok(scratch, clean=True)  # the spare now holds every page, the deleted one too
    for lang in ("ar", "en"):
        (scratch.content_dir / "articles" / f"{RUTTE}.{lang}.md").unlink()
    build_ok(scratch)
    stories = sorted(p.name for p in (scratch.site_dir / "ar" / "articles").iterdir())
    assert RUTTE not in stories
    assert _entry(scratch.site_dir, "ar", 0)["languages"]["ar"]["page_count"] == len(stories)
    fresh = copy_project(scratch.root.parent / "fresh-deleted", scratch.content_dir)
    build_ok(fresh)
    assert _bundle(fresh.site_dir) == _bundle(scratch.site_dir)


def test_pages_a_glob_cannot_name_are_indexed_from_a_mirror(
    scratch: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback for paths ``shard_glob`` refuses gives the same bundle."""
    globbed = copy_project(tmp_path / "globbed", scratch.content_dir)
    build_ok(globbed)
    monkeypatch.setattr(shards, "shard_glob", lambda pages: None)
    build_ok(scratch)
    assert _bundle(scratch.site_dir) == _bundle(globbed.site_dir)


@pytest.mark.parametrize("fork_from", [10**6, 1])
def test_the_parse_cache_is_complete_before_the_manifest_and_its_errors_stop_the_build(
    scratch: Project, monkeypatch: pytest.MonkeyPatch, fork_from: int
) -> None:
    """``index_site`` calls ``meanwhile`` (the build finishing its parse-cache save) once, with
    or without search; an error writing the cache, in the build or in the process it forked
    to write it, is the build's (raised, the live site kept), not a Pagefind notice."""
    tuning = Tuning(fork_from=fork_from)
    calls: list[bool] = []
    for enabled in (True, False):
        staging = _NoStaging(scratch.root)
        out = pagefind.index_site(
            staging, [], [], scratch.cache_dir, enabled=enabled, meanwhile=lambda: calls.append(True), per_shard=2
        )
        assert out.notice is None
    assert calls == [True, True]
    build_ok(scratch, tuning=tuning)
    before = _bundle(scratch.site_dir)
    home = (scratch.site_dir / "en" / "index.html").read_bytes()
    article = scratch.content_dir / "articles" / f"{RUTTE}.ar.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nزرزور\n", encoding="utf-8")

    def broken(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(buildstate, "_atomic_write", broken)
        with pytest.raises(OSError, match="No space left"):
            build(scratch, tuning=tuning)
    assert _bundle(scratch.site_dir) == before and (scratch.site_dir / "en" / "index.html").read_bytes() == home
    build_ok(scratch, tuning=tuning)
    fresh = copy_project(scratch.root.parent / f"fresh-after-cache-error-{fork_from}", scratch.content_dir)
    build_ok(fresh)
    assert _bundle(fresh.site_dir) == _bundle(scratch.site_dir)


TWO_PER_SHARD = Tuning(shard_pages=2)
"""At most two pages per search shard: the sample's Arabic edition then has two, as an
edition of more than 1,000 articles would."""


def _logged_pagefind(folder: Path, fail_on: int | None = None) -> tuple[Path, Callable[[], list[str]]]:
    """A wrapper around the real Pagefind binary (given to the build as ``PAGEFIND_BINARY_PATH``,
    as a user would point it at another binary) that logs every run, and whose
    ``fail_on``-th run fails as Pagefind does on a full disk (its last stderr line, a
    non-zero exit). Returns the wrapper and a function listing the runs so far."""
    from pagefind.service import get_executable

    real = get_executable()
    assert real is not None and real.is_file()
    folder.mkdir()
    log, script = folder / "pagefind-runs.log", folder / "pagefind-wrapper"
    fail = "" if fail_on is None else f'[ "$n" = {fail_on} ] && {{ echo "disk full" >&2; exit 1; }}\n'
    script.write_text(
        "#!/bin/sh\n"
        f"exec 9>>{shlex.quote(str(log))}\n"
        "flock 9\n"
        'echo "$*" >&9\n'
        f"n=$(wc -l < {shlex.quote(str(log))})\n"
        "flock -u 9\n"
        f"{fail}"
        f'exec {shlex.quote(str(real))} "$@"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)

    def runs() -> list[str]:
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    return script, runs


class _NoStaging:
    """A staging with nothing in it (no page to index)."""

    def __init__(self, root: Path) -> None:
        self.path = root / "staging"
        self.site_dir = root / "live"

    def put(self, relpath: str, data: bytes | object) -> bool:
        raise AssertionError("nothing to put")
