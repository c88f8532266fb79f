"""``import`` refuses what content/ already holds: the same source URL, or nearly the same text."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from digest.editor.duplicates import SAME_TEXT, Catalogue, jaccard, shingles
from digest.read.project import Project

from .test_import_web import RUTTE, RUTTE_SLUG, SEOUL, article, refused_port, run, saved_page, web

__all__ = ["refused_port", "web"]  # the fixtures, shared with the web tests

MIRROR = "/mirror/2024/10/28/12345.html"


def _articles(scratch: Project) -> list[Path]:
    return sorted((scratch.content_dir / "articles").iterdir())


def test_the_same_source_url_is_refused_with_the_existing_file(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + RUTTE) == 0
    capsys.readouterr()
    before = [(p, p.read_bytes()) for p in _articles(scratch)]
    variant = web + RUTTE.rstrip("/") + "?utm_campaign=x&utm_source=y"
    assert run(scratch, variant) == 1
    err = capsys.readouterr().err
    assert (
        f"{variant}: already imported as content/articles/{RUTTE_SLUG}.ar.md (same source URL): --force to replace\n"
        in err
    )
    assert [(p, p.read_bytes()) for p in _articles(scratch)] == before


def test_an_editors_hand_written_source_url_counts_too(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    existing = scratch.content_dir / "articles" / "2024-10-28-nato-rutte-north-korean-troops-kursk.ar.md"
    text = existing.read_text(encoding="utf-8")
    host = web.removeprefix("http://").upper()
    existing.write_text(text.replace("url: null", f'url: "HTTPS://{host}{RUTTE.rstrip("/")}"'), encoding="utf-8")
    assert run(scratch, web + RUTTE) == 1
    err = capsys.readouterr().err
    assert f"already imported as {existing.relative_to(scratch.root).as_posix()} (same source URL)" in err


def test_the_same_text_under_another_address_is_refused(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + RUTTE) == 0
    capsys.readouterr()
    before = _articles(scratch)
    assert run(scratch, web + MIRROR) == 1
    err = capsys.readouterr().err
    assert (
        f"{web}{MIRROR}: already imported as content/articles/{RUTTE_SLUG}.ar.md (same text): --force to replace\n"
        in err
    )
    assert _articles(scratch) == before


def test_a_saved_copy_of_an_imported_page_is_refused_and_a_dry_run_refuses_too(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + SEOUL) == 0
    capsys.readouterr()
    page = saved_page(scratch.root, "seoul-visit.html", web)
    assert run(scratch, str(page), "--dry-run") == 1
    captured = capsys.readouterr()
    assert f"{page.as_posix()}: already imported as content/articles/2024-10-29-" in captured.err
    assert "(same source URL): --force to replace" in captured.err
    assert captured.out.endswith("\nwould import nothing: 1 file failed; nothing written\n")


def test_force_replaces_the_imported_article_under_its_own_name_and_keeps_a_backup(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + RUTTE) == 0
    target = scratch.content_dir / "articles" / f"{RUTTE_SLUG}.ar.md"
    original = target.read_bytes()
    capsys.readouterr()
    before = _articles(scratch)
    assert run(scratch, web + MIRROR, "--force") == 0
    out = capsys.readouterr().out
    assert f"  replacing content/articles/{RUTTE_SLUG}.ar.md (same text; --force)\n" in out
    assert f"  kept the previous file as content/articles/.{RUTTE_SLUG}.ar.md.bak\n" in out
    backup = target.with_name(f".{target.name}.bak")
    assert backup.read_bytes() == original
    assert "بوابة الأخبار التجريبية" in article(scratch, RUTTE_SLUG)  # the new text, under the old name
    assert [p for p in _articles(scratch) if not p.name.startswith(".")] == [
        p for p in before if not p.name.startswith(".")
    ]


def test_two_copies_in_one_batch_the_second_is_refused(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str
) -> None:
    assert run(scratch, web + RUTTE, web + MIRROR) == 1
    captured = capsys.readouterr()
    assert f"{web}{MIRROR}: already imported as content/articles/{RUTTE_SLUG}.ar.md (same text)" in captured.err
    assert captured.out.endswith("\nimported 1 of 2 files; 1 failed\n")


def test_a_feed_item_seen_under_another_address_is_skipped_not_failed(
    scratch: Project, capsys: pytest.CaptureFixture[str], web: str, tmp_path: Path
) -> None:
    assert run(scratch, web + RUTTE) == 0
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>x</title><link>{web}{MIRROR}</link></item></channel></rss>",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(scratch, "--feed", str(feed)) == 0
    out = capsys.readouterr().out
    assert f"  skipped: already imported as content/articles/{RUTTE_SLUG}.ar.md (same text)\n" in out
    assert out.endswith("\nnothing new to import; skipped 1 already imported\n")


def test_a_raw_text_repeating_an_article_is_refused_and_force_replaces_it(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = scratch.content_dir / "articles" / "2024-10-28-nato-rutte-north-korean-troops-kursk.ar.md"
    shown = existing.relative_to(scratch.root).as_posix()
    original = existing.read_bytes()
    story = existing.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    story = re.sub(r"\[\[[a-z0-9-]+\|([^\]]*)\]\]", r"\1", story)  # the text as a scrape has it
    story = "\n".join(line for line in story.splitlines() if not line.startswith(":::"))
    raw = scratch.root / "again.txt"
    raw.write_text("عنوان تجريبي للنص المكرر\n2024-10-28\n" + story, encoding="utf-8")
    before = [(p, p.read_bytes()) for p in _articles(scratch)]

    assert run(scratch, str(raw)) == 1
    captured = capsys.readouterr()
    assert f"{raw.as_posix()}: already imported as {shown} (same text): --force to replace\n" in captured.err
    assert captured.out.endswith("\nimported nothing: 1 file failed\n")
    assert [(p, p.read_bytes()) for p in _articles(scratch)] == before
    assert run(scratch, str(raw), "--dry-run") == 1
    assert f"already imported as {shown} (same text)" in capsys.readouterr().err

    assert run(scratch, str(raw), "--force") == 0
    out = capsys.readouterr().out
    assert f"  replacing {shown} (same text; --force)\n" in out
    backup = existing.with_name(f".{existing.name}.bak")
    assert f"  kept the previous file as {backup.relative_to(scratch.root).as_posix()}\n" in out
    assert backup.read_bytes() == original
    assert "title: عنوان تجريبي للنص المكرر\n" in existing.read_text(encoding="utf-8")  # the new text, the old name
    assert [p for p in _articles(scratch) if not p.name.startswith(".")] == [p for p, _ in before]

    # --slug with --force names another file: the article there is kept, and the report says why
    assert run(scratch, str(raw), "--force", "--slug", "again") == 0
    out = capsys.readouterr().out
    assert "  the same text (" in out and f"is already in {shown}, which is kept: --slug names another file" in out
    assert (scratch.content_dir / "articles" / "again.ar.md").exists()


def test_different_articles_on_the_same_story_are_not_duplicates(scratch: Project, web: str) -> None:
    assert run(scratch, web + RUTTE, web + SEOUL, web + "/local/budget.html") == 0


def test_near_identical_texts_are_found_among_ten_thousand_quickly() -> None:
    rng = random.Random(7)
    vocab = [f"كلمة{n}" for n in range(30_000)]
    texts = [" ".join(rng.choice(vocab) for _ in range(300)) for _ in range(10_000)]
    catalogue = Catalogue()
    for number, text in enumerate(texts):
        catalogue.add(Path(f"a{number}.ar.md"), text)
    words = texts[4321].split()
    words[100:115] = [rng.choice(vocab) for _ in range(15)]  # an edited copy: 15 of 300 words changed
    edited = " ".join(words)
    assert jaccard(shingles(edited), shingles(texts[4321])) >= SAME_TEXT
    started = time.perf_counter()
    found = catalogue.by_text(edited)
    misses = [catalogue.by_text(" ".join(rng.choice(vocab) for _ in range(300))) for _ in range(100)]
    assert time.perf_counter() - started < 2.0
    assert found is not None and found[0] == Path("a4321.ar.md")
    assert misses == [None] * 100


def test_spelling_variants_do_not_make_a_text_new() -> None:
    text = "قال الأمين العام لحلف الناتو إن القوات وصلت إلى المنطقة الحدودية وإن الحلفاء سيتشاورون قريبا"
    variant = text.replace("الأمين", "الامين").replace("إلى", "الى").replace("المنطقة", "المنطقه")
    assert jaccard(shingles(text), shingles(variant)) == 1.0
