"""The import command end to end: seeds in, valid annotated content files out."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.cli import main
from digest.read.project import Project

from .conftest import SEED_24, SEED_RT, copy_project, seed_path

SAMPLE_OF_SEED = {
    SEED_RT: "2024-10-28-nato-rutte-north-korean-troops-kursk",
    SEED_24: "2024-10-23-south-korea-nato-brussels-north-korea",
}
"""The sample article each seed was made into: the sample project already holds it."""


def _raw(scratch: Project, name: str) -> Path:
    """A copy of the shared seed ``name`` in the project's folder, under the same name."""
    target = scratch.root / name
    shutil.copy(seed_path(name), target)
    return target


def _new_seed(scratch: Project, name: str) -> Path:
    """``_raw`` in a project that does not hold the seed's article yet (the sample does, in both
    languages: importing the seed there again is refused as a duplicate)."""
    without_article(scratch, SAMPLE_OF_SEED[name])
    return _raw(scratch, name)


def without_article(scratch: Project, slug: str) -> None:
    """Remove every language version of the article ``slug`` from the project."""
    for path in (scratch.content_dir / "articles").glob(f"{slug}.*.md"):
        path.unlink()


def _run(scratch: Project, *args: str) -> int:
    return main(["--root", str(scratch.root), "import", *args])


def test_import_finds_fields_and_writes_an_annotated_valid_article(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_RT)
    assert _run(scratch, str(raw), "--title-en", "NATO chief says North Korean troops are in Kursk") == 0
    out = capsys.readouterr().out
    path = scratch.content_dir / "articles" / "2024-10-28-nato-chief-says-north-korean-troops-are-in.ar.md"
    text = path.read_text(encoding="utf-8")
    assert 'title:\n  ar: أمين عام "الناتو" يزعم بوجود قوات كورية شمالية في مقاطعة كورسك الحدودية الروسية\n' in text
    assert "date: '2024-10-28T12:56:00Z'\nupdated: '2024-10-28T13:47:00Z'\n" in text
    assert "image_credit: Global Look Press / Martyn Wheatley / Keystone Press Agency\n" in text
    assert "ل[[russia|روسيا]]" in text and "[[mark-rutte|مارك روته]]" in text
    assert "تاريخ النشر" not in text and "المصدر:" not in text
    assert "(44 mentions annotated)" in out and "warning: empty source line" in out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_a_byline_in_a_raw_text_becomes_the_author(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = scratch.root / "byline.txt"
    raw.write_text(
        "عنوان تجريبي عن زيارة وزير إلى العاصمة\nكتب : وكالات\n28/10/2024\n"
        "قال الوزير في مؤتمر صحفي إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار.\n"
        "بقلم محمد علي\n",
        encoding="utf-8",
    )
    assert _run(scratch, str(raw), "--slug", "byline", "--source", "Example Daily") == 0
    out = capsys.readouterr().out
    text = (scratch.content_dir / "articles" / "byline.ar.md").read_text(encoding="utf-8")
    head, story = text.split("\n---\n", 1)
    assert "source:\n  name: Example Daily\n  url: null\nauthor: وكالات" in head  # the first byline
    assert "كتب" not in story and "بقلم" not in story and "محمد علي" not in story
    assert "  found: author 'وكالات' from the byline (line 2)\n" in out
    assert "  dropped: line 5: 'بقلم محمد علي' (a byline)\n" in out
    assert main(["--root", str(scratch.root), "check"]) == 0

    # a byline under the body only: its name is the author
    raw.write_text(
        "عنوان آخر عن اجتماع المجلس في العاصمة\n29/10/2024\n"
        "أعلن المجلس في بيان مساء اليوم أنه سيجتمع مجددا الأسبوع المقبل لبحث الموازنة.\nبقلم: سلمى الراوي\n",
        encoding="utf-8",
    )
    assert _run(scratch, str(raw), "--slug", "byline-end") == 0
    assert "\nauthor: سلمى الراوي\n" in (scratch.content_dir / "articles" / "byline-end.ar.md").read_text("utf-8")
    assert "  found: author 'سلمى الراوي' from the byline (line 4)\n" in capsys.readouterr().out

    # no byline, no author
    weather = "قالت الأرصاد إن الطقس سيكون معتدلا غدا في معظم المناطق."
    raw.write_text(f"عنوان ثالث عن الطقس في المنطقة\n30/10/2024\n{weather}\n", encoding="utf-8")
    assert _run(scratch, str(raw), "--slug", "no-byline") == 0
    assert "author:" not in (scratch.content_dir / "articles" / "no-byline.ar.md").read_text(encoding="utf-8")
    assert "found: author" not in capsys.readouterr().out


def test_missing_title_and_date_are_asked_for_never_invented(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _raw(scratch, SEED_24)
    before = sorted(p.name for p in (scratch.content_dir / "articles").iterdir())
    assert _run(scratch, str(raw)) == 1
    err = capsys.readouterr().err
    assert "no title found in the text: give one with --title" in err
    assert "no publication date found in the text: give one with --date" in err
    assert sorted(p.name for p in (scratch.content_dir / "articles").iterdir()) == before


def test_read_also_article_is_split_off_and_related_kept(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_24)
    code = _run(
        scratch,
        str(raw),
        "--title",
        "ممثلو كوريا الجنوبية إلى مقر الناتو",
        "--date",
        "2024-10-23",
        "--slug",
        "2024-10-23-imported",
    )
    assert code == 0
    text = (scratch.content_dir / "articles" / "2024-10-23-imported.ar.md").read_text(encoding="utf-8")
    assert '::: post author="Slippery Mountaineer" handle="@slippy_mountain" date=2024-10-23 lang=en' in text
    assert "- 'مدفيديف: إلغاء مجلس \"روسيا-الناتو\" يؤكد أن الحلف عدو لروسيا'" in text
    assert "دميتري مدفيديف" not in text  # the pasted article is not glued in
    assert "If [[north-korea|North Korea]] sends troops" in text
    split = raw.with_name(f"{raw.stem}.read-also-1.txt")
    assert split.read_text(encoding="utf-8").startswith('مدفيديف: إلغاء مجلس "روسيا-الناتو"')
    assert "no title found" not in capsys.readouterr().out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_existing_file_is_never_overwritten_silently(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_RT)
    args = [str(raw), "--slug", "2024-10-28-nato-rutte-north-korean-troops-kursk"]
    target = scratch.content_dir / "articles" / "2024-10-28-nato-rutte-north-korean-troops-kursk.ar.md"
    # Another article under the name the import asks for: a clash of names, not a duplicate.
    other = scratch.content_dir / "articles" / "2024-10-23-medvedev-nato-russia-council-enemy.ar.md"
    target.write_bytes(other.read_bytes())
    original = target.read_bytes()
    assert _run(scratch, *args) == 1
    assert "already exists: use --force" in capsys.readouterr().err
    assert target.read_bytes() == original
    assert _run(scratch, *args, "--force") == 0
    backup = target.with_name(f".{target.name}.bak")
    assert backup.read_bytes() == original and target.read_bytes() != original
    assert main(["--root", str(scratch.root), "check"]) == 0  # the hidden backup is not content


def test_dry_run_prints_the_file_and_writes_nothing(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_RT)
    before = sorted(p.name for p in (scratch.content_dir / "articles").iterdir())
    assert _run(scratch, str(raw), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "(dry run, not written)" in out and "\ndate: '2024-10-28T12:56:00Z'\n" in out
    assert sorted(p.name for p in (scratch.content_dir / "articles").iterdir()) == before


def test_messages_count_in_english_and_a_dry_run_says_what_it_would_do(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    articles = scratch.content_dir / "articles"
    raw = scratch.root / "one.txt"
    raw.write_text("قال مسؤول إن روسيا ردت.\n", encoding="utf-8")
    title = ["--title", "عنوان", "--date", "2024-10-29"]
    before = sorted(p.name for p in articles.iterdir())

    assert _run(scratch, str(raw), *title, "--slug", "2024-10-29-one", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "  would annotate 1 mention and write content/articles/2024-10-29-one.ar.md\n" in out
    assert out.endswith("\nwould import 1 file; nothing written\n")
    assert "mentions" not in out and "wrote" not in out and "imported" not in out
    assert sorted(p.name for p in articles.iterdir()) == before

    assert _run(scratch, str(raw), *title, "--slug", "2024-10-29-one") == 0
    out = capsys.readouterr().out
    assert "  wrote content/articles/2024-10-29-one.ar.md (1 mention annotated)\n" in out
    assert out.endswith("\nimported 1 file\n")

    # what the real run would refuse, the dry run refuses too; with --force it says what it keeps
    raw.write_text("قال مسؤول آخر إن أوكرانيا ردت أيضا.\n", encoding="utf-8")  # another text, the same name
    assert _run(scratch, str(raw), *title, "--slug", "2024-10-29-one", "--dry-run") == 1
    captured = capsys.readouterr()
    assert "already exists: use --force" in captured.err
    assert captured.out.endswith("\nwould import nothing: 1 file failed; nothing written\n")
    assert _run(scratch, str(raw), *title, "--slug", "2024-10-29-one", "--dry-run", "--force") == 0
    out = capsys.readouterr().out
    assert "  would keep the previous file as content/articles/.2024-10-29-one.ar.md.bak\n" in out
    assert not (articles / ".2024-10-29-one.ar.md.bak").exists()

    none = scratch.root / "none.txt"
    none.write_text("لا شيء هنا.\n", encoding="utf-8")
    missing = scratch.root / "missing.txt"
    assert _run(scratch, str(none), str(missing), *title, "--slug", "2024-10-29-none", "--dry-run") == 1
    out = capsys.readouterr().out
    assert "  would annotate 0 mentions and write content/articles/2024-10-29-none.ar.md\n" in out
    assert out.endswith("\nwould import 1 of 2 files; 1 failed; nothing written\n")


def test_dry_run_says_where_it_would_split_off_a_pasted_article(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_24)
    assert _run(scratch, str(raw), "--title", "ع", "--date", "2024-10-23", "--dry-run") == 0
    out = capsys.readouterr().out
    split = raw.with_name(f"{raw.stem}.read-also-1.txt")
    assert f"  would split off a related article (line 27) into {split.as_posix()}: import it with" in out
    assert not split.exists()


def test_slug_is_made_of_the_entities_the_title_names_without_an_english_title(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_RT)
    assert _run(scratch, str(raw)) == 0
    names = [p.name for p in (scratch.content_dir / "articles").glob("2024-10-28-*.ar.md")]
    assert "2024-10-28-nato-kursk-oblast.ar.md" in names
    out = capsys.readouterr().out
    note = "(from the entities the title names; set it with --slug or --title-en)"
    assert f"  slug: 2024-10-28-nato-kursk-oblast {note}\n" in out


def test_a_raw_text_gets_the_slug_a_page_gets(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = scratch.root / "rutte.txt"
    raw.write_text(
        "مارك روته: قوات من كوريا الشمالية في مقاطعة كورسك\n28/10/2024\n"
        "قال الأمين العام لحلف الناتو إن وحدات عسكرية أرسلت إلى روسيا ونشرت قرب الحدود مع أوكرانيا.\n",
        encoding="utf-8",
    )
    # --title-en, or --slug, names the file instead
    assert _run(scratch, str(raw), "--title-en", "Rutte says North Korean troops are in Kursk", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "write content/articles/2024-10-28-rutte-says-north-korean-troops-are-in-kursk.ar.md\n" in out
    assert "  slug: " not in out
    assert _run(scratch, str(raw), "--slug", "2024-10-28-rutte-kursk", "--dry-run") == 0
    assert "write content/articles/2024-10-28-rutte-kursk.ar.md\n" in capsys.readouterr().out
    assert _run(scratch, str(raw)) == 0
    assert (scratch.content_dir / "articles" / "2024-10-28-mark-rutte-north-korea-kursk-oblast.ar.md").exists()
    assert "(from the entities the title names; set it with --slug or --title-en)" in capsys.readouterr().out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_slug_is_transliterated_when_the_title_names_fewer_than_two_entities(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = _new_seed(scratch, SEED_RT)
    assert _run(scratch, str(raw), "--title", 'أمين عام "الناتو" يزعم بوجود قوات كورية شمالية') == 0
    names = [p.name for p in (scratch.content_dir / "articles").glob("2024-10-28-*.ar.md")]
    assert "2024-10-28-myn-m-lntw-yzm-bwjwd-qwt-kwryh-shmlyh.ar.md" in names
    assert "(the title transliterated; set it with --slug or --title-en)" in capsys.readouterr().out


WORDS = st.sampled_from(
    [
        "تاريخ النشر: 28.10.2024 | 12:56 GMT",
        "المصدر:",
        "كلمات دلالية: الناتو روسيا",
        "إقرأ أيضاً:",
        "مقالات مشابهة",
        "— A (@b) October 23, 2024",
        "روسيا",
        "[[",
        ":::",
        "---",
        "\n",
        "\n\n",
        "،",
        "أمس",
        "pic.twitter.com/x",
    ]
)


@given(st.lists(st.one_of(WORDS, st.text(max_size=30)), max_size=25).map("".join))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_import_never_raises_and_writes_valid_files_or_says_why(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    project = copy_project(tmp_path_factory.mktemp("imp"))
    raw = project.root / "raw.txt"
    raw.write_text(text, encoding="utf-8")
    before = set((project.content_dir / "articles").iterdir())
    code = main(
        [
            "--root",
            str(project.root),
            "import",
            str(raw),
            "--title",
            "عنوان",
            "--date",
            "2024-01-01",
            "--slug",
            "2024-01-01-prop",
        ]
    )
    written = set((project.content_dir / "articles").iterdir()) - before
    if code == 0:
        assert [p.name for p in written] == ["2024-01-01-prop.ar.md"]
        assert main(["--root", str(project.root), "check"]) == 0
    else:
        assert code == 1 and not written


_FLOATING = """عنوان تجريبي عن زيارة وزير إلى العاصمة
تاريخ النشر: 28/10/2024 - 14:30
قال الوزير في مؤتمر صحفي إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار.
"""


def test_a_time_without_a_zone_stays_without_one(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = scratch.root / "floating.txt"
    raw.write_text(_FLOATING, encoding="utf-8")
    assert _run(scratch, str(raw), "--slug", "floating") == 0
    out = capsys.readouterr().out
    text = (scratch.content_dir / "articles" / "floating.ar.md").read_text(encoding="utf-8")
    assert "date: '2024-10-28T14:30:00'\n" in text
    assert "has no time zone: kept without one" in out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_timezone_places_a_floating_time_in_the_outlet_zone_and_says_so(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = scratch.root / "floating.txt"
    raw.write_text(_FLOATING, encoding="utf-8")
    assert _run(scratch, str(raw), "--slug", "riyadh", "--timezone", "Asia/Riyadh") == 0
    out = capsys.readouterr().out
    text = (scratch.content_dir / "articles" / "riyadh.ar.md").read_text(encoding="utf-8")
    assert "date: '2024-10-28T14:30:00+03:00'\n" in text
    assert "guessed: time 14:30 read in Asia/Riyadh (--timezone)" in out
    raw.write_text(_FLOATING.replace("المحادثات كانت مثمرة", "الزيارة كانت ناجحة"), encoding="utf-8")  # another article
    assert _run(scratch, str(raw), "--slug", "offset", "--timezone", "+02:00") == 0
    assert "date: '2024-10-28T14:30:00+02:00'\n" in (scratch.content_dir / "articles" / "offset.ar.md").read_text()


def test_a_stated_zone_wins_over_timezone(scratch: Project) -> None:
    raw = scratch.root / "stated.txt"
    raw.write_text(_FLOATING.replace("14:30", "14:30 GMT"), encoding="utf-8")
    assert _run(scratch, str(raw), "--slug", "stated", "--timezone", "Asia/Riyadh") == 0
    assert "date: '2024-10-28T14:30:00Z'\n" in (scratch.content_dir / "articles" / "stated.ar.md").read_text()


def test_an_unknown_timezone_is_one_line_and_exit_2(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = scratch.root / "floating.txt"
    raw.write_text(_FLOATING, encoding="utf-8")
    assert _run(scratch, str(raw), "--timezone", "Mars/Olympus") == 2
    err = capsys.readouterr().err
    assert "--timezone 'Mars/Olympus' is not a time zone" in err
    assert not (scratch.content_dir / "articles" / "floating.ar.md").exists()


def test_an_outlet_profile_is_learned_from_imports_and_every_dropped_line_is_reported(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    mast, prompt = "صحيفة المثال اليومية المستقلة", "شاركونا آراءكم في خانة التعليقات أسفل الصفحة"
    sentences = [
        "قال الوزير في مؤتمر صحفي اليوم إن المحادثات كانت مثمرة وبناءة.",
        "أعلن المجلس في بيان مساء اليوم أنه سيجتمع مجددا الأسبوع المقبل.",
        "رفعت الحكومة أسعار الوقود بنسبة خمسة في المئة اعتبارا من الغد.",
    ]
    for number, sentence in enumerate(sentences):
        raw = scratch.root / f"page{number}.txt"
        raw.write_text(
            f"{mast}\nعنوان تجريبي رقم {number} عن الأخبار\n28/10/2024\n{sentence}\n{prompt}\n", encoding="utf-8"
        )
        assert _run(scratch, str(raw), "--source", "Example Daily", "--slug", f"page{number}") == 0
    out = capsys.readouterr().out
    assert "learned 2 lines this outlet repeats" in out and "content/outlets/example-daily.yaml" in out
    third = (scratch.content_dir / "articles" / "page2.ar.md").read_text(encoding="utf-8")
    assert mast not in third and prompt not in third and sentences[2] in third
    assert "title: عنوان تجريبي رقم 2 عن الأخبار" in third
    assert f"dropped: line 1: {mast!r} (this outlet prints it on its pages (outlet profile))" in out
    assert main(["--root", str(scratch.root), "check"]) == 0


def test_author_option_overrides_the_byline(scratch: Project, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = scratch.root / "byline.txt"
    raw.write_text(
        "عنوان تجريبي عن زيارة وزير إلى العاصمة\nكتب : وكالات\n28/10/2024\n"
        "قال الوزير في مؤتمر صحفي إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار.\n",
        encoding="utf-8",
    )
    assert _run(scratch, str(raw), "--slug", "byline", "--author", "سلمى الراوي", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "\nauthor: سلمى الراوي\n" in out and "author: وكالات" not in out
