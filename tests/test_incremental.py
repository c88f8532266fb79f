"""Incremental builds: after any sequence of edits, the site equals a clean build, byte for byte."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from digest import buildstate, pipeline
from digest.buildstate import Manifest, manifest_file
from digest.pipeline import build, warm_up
from digest.read import reader
from digest.read.project import Project
from digest.tuning import Tuning
from digest.warm import Warm

from .conftest import build_ok, copy_project

SLUG = "2024-10-28-nato-rutte-north-korean-troops-kursk"
MEDVEDEV = "2024-10-23-medvedev-nato-russia-council-enemy"


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _article(project: Project, slug: str, lang: str) -> Path:
    return project.content_dir / "articles" / f"{slug}.{lang}.md"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: list[tuple[str, Callable[[Project], None]]] = [
    (
        "add a mention",
        lambda p: _replace(_article(p, SLUG, "en"), "Russian border region", "[[russia|Russian]] border region"),
    ),
    ("remove a mention", lambda p: _replace(_article(p, SLUG, "en"), "[[politico|Politico]]", "Politico")),
    (
        "rename a title",
        lambda p: _replace(_article(p, MEDVEDEV, "en"), "title:", 'title: "Medvedev calls NATO the enemy"\nx_title:'),
    ),
    ("delete an article", lambda p: _article(p, MEDVEDEV, "en").unlink()),
    (
        "change an entity name",
        lambda p: _replace(
            p.content_dir / "entities" / "mark-rutte.yaml", 'en: "Mark Rutte"', 'en: "Mark Rutte (NATO)"'
        ),
    ),
    (
        "change a template",
        lambda p: _replace(
            p.templates_dir / "entity.html", '<article class="entity">', '<article class="entity entity--v2">'
        ),
    ),
    ("add an article", lambda p: shutil.copy(_article(p, MEDVEDEV, "ar"), _article(p, "2024-11-01-copy", "ar"))),
    ("change a tag", lambda p: _replace(_article(p, SLUG, "en"), "tags: [", "tags: [Kursk, ")),
    (
        "change an updated date",
        lambda p: _replace(_article(p, SLUG, "en"), "updated: 2024-10-28T13", "updated: 2024-11-02T09"),
    ),
    (
        "move an article to a new month",
        lambda p: _replace(_article(p, "2024-11-01-copy", "ar"), "date: 2024-10-23", "date: 2024-12-01"),
    ),
]


def _fix_rename(project: Project) -> None:
    """The 'rename a title' edit leaves an unknown key on purpose; remove it in the next step."""
    path = _article(project, MEDVEDEV, "en")
    if path.exists():
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.split("\n") if not line.startswith("x_title:")]
        path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("warm", [False, True], ids=["from disk", "warm (serve)"])
def test_incremental_builds_equal_clean_builds_through_a_sequence_of_edits(tmp_path: Path, warm: bool) -> None:
    """Each build after an edit equals a clean build; with ``warm`` the build cache stays in
    memory between builds, as ``serve`` keeps it."""
    project = copy_project(tmp_path / "inc")
    options = {"warm": Warm()} if warm else {}
    build_ok(project, **options)
    for name, edit in EDITS:
        edit(project)
        result = build(project, **options)  # type: ignore[arg-type]
        if not result.ok:  # the rename step introduces an unknown key: an error, site untouched
            assert name == "rename a title", [d.format() for d in result.diagnostics]
            _fix_rename(project)
            result = build_ok(project, **options)
        clean = copy_project(tmp_path / f"clean-{name.replace(' ', '-')}", project.content_dir)
        shutil.rmtree(clean.templates_dir)
        shutil.copytree(project.templates_dir, clean.templates_dir)
        build_ok(clean, clean=True)
        assert _snapshot(project.site_dir) == _snapshot(clean.site_dir), name


def test_second_build_renders_and_writes_nothing(scratch: Project) -> None:
    build_ok(scratch)
    again = build_ok(scratch)
    assert again.report is not None and again.report.written == 0 and again.rendered == 0


def test_one_article_edit_renders_only_what_shows_it(scratch: Project) -> None:
    first = build_ok(scratch, search=False)
    untouched = scratch.site_dir / "en" / "entities" / "olga-skabeyeva" / "index.html"
    touched = scratch.site_dir / "en" / "entities" / "dmitry-medvedev" / "index.html"
    before = untouched.stat().st_ino, touched.read_bytes()
    _replace(_article(scratch, MEDVEDEV, "en"), "enemy", "foe")
    result = build_ok(scratch, search=False)  # the search bundle is re-made, not rendered
    # its own pages, the lists and feeds that show it, the pages of entities it mentions; nothing else
    assert 0 < result.rendered < first.pages / 3
    assert result.report is not None and result.report.written <= result.rendered
    assert untouched.stat().st_ino == before[0]
    assert touched.read_bytes() != before[1] and b"foe" in touched.read_bytes()


def test_clean_ignores_and_rebuilds_the_cache(scratch: Project) -> None:
    build_ok(scratch)
    for shard in (scratch.cache_dir / "parsed").glob("*.pickle"):
        shard.write_bytes(b"garbage")
    manifest_file(scratch.cache_dir).write_bytes(b"\xff garbage")
    result = build_ok(scratch)  # a broken cache is a cold build, not a failure
    # Theme assets and the search bundle are outputs, but not rendered from page specs.
    made = [path for folder in ("assets", "pagefind") for path in (scratch.site_dir / folder).rglob("*")]
    assets = [path for path in made if path.is_file()]
    assert result.rendered == result.pages - len(assets)
    assert build_ok(scratch, clean=True).rendered == result.rendered


def test_a_deleted_output_is_made_again(scratch: Project) -> None:
    build_ok(scratch)
    page = scratch.site_dir / "en" / "index.html"
    good = page.read_bytes()
    page.unlink()
    build_ok(scratch)
    assert page.read_bytes() == good


def test_a_warm_build_makes_again_an_output_deleted_since_the_last(scratch: Project) -> None:
    """``serve`` takes the pages of unchanged entities from its last plan; one of them
    deleted from the site meanwhile is still made again."""
    warm = Warm()
    build_ok(scratch, search=False, warm=warm)
    page = scratch.site_dir / "en" / "entities" / "olga-skabeyeva" / "index.html"
    good = page.read_bytes()
    page.unlink()
    _replace(_article(scratch, MEDVEDEV, "en"), "enemy", "foe")
    build_ok(scratch, search=False, warm=warm)
    assert page.read_bytes() == good


def test_an_edit_rewrites_only_the_parse_cache_shards_it_touches(scratch: Project) -> None:
    build_ok(scratch)
    shards = scratch.cache_dir / "parsed"
    before = {p.name: p.stat().st_mtime_ns for p in shards.glob("*.pickle")}
    assert len(before) > 4
    article = scratch.content_dir / "articles" / f"{SLUG}.en.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build_ok(scratch)
    after = {p.name: p.stat().st_mtime_ns for p in shards.glob("*.pickle")}
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert 1 <= len(changed) <= 2, "the old entry's shard and the new entry's shard, nothing else"


def test_warming_up_after_a_build_that_changed_nothing_loads_the_cache_ahead(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` starts with a build that may find nothing changed (and loads no cache); its
    background ``warm_up`` loads the parse cache, makes the index and plan and links the
    spare, so the first save does none of it."""
    build_ok(scratch, search=False)
    reads: list[Path] = []
    real = buildstate._read_shards
    monkeypatch.setattr(buildstate, "_read_shards", lambda folder: reads.append(folder) or real(folder))
    warm = Warm()
    unchanged = build_ok(scratch, warm=warm, search=False)
    assert unchanged.rendered == 0 and reads == [] and warm.cache is None
    spare = scratch.cache_dir / "site-spare"
    assert not spare.exists(), "a first build leaves no spare"
    assert warm.last is None, "nothing changed: no index or plan was made"
    warm_up(scratch, warm)
    assert len(reads) == 1 and spare.is_dir()
    assert warm.last is not None, "the index and plan are made ahead"
    _replace(_article(scratch, MEDVEDEV, "en"), "enemy", "foe")
    edited = build_ok(scratch, warm=warm, search=False)
    assert len(reads) == 1, "the first save's build reads no cache from disk"
    assert warm.last is not None and warm.last.memo.updated, "the first save updates the plan made ahead"
    assert edited.rendered > 0 and edited.report is not None and edited.report.written > 0
    fresh = copy_project(scratch.root.parent / "fresh-warm-up", scratch.content_dir)
    build_ok(fresh, search=False)
    assert _snapshot(fresh.site_dir) == _snapshot(scratch.site_dir)


def test_a_new_version_of_the_engine_parses_every_file_again(scratch: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsed bodies hold their HTML: cached ones made by other code must not be reused."""
    build_ok(scratch)
    parsed: list[str] = []
    real = reader.read_article
    monkeypatch.setattr(reader, "read_article", lambda file, *rest: parsed.append(file.display) or real(file, *rest))
    (scratch.content_dir / "site.yaml").write_text(
        (scratch.content_dir / "site.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    build_ok(scratch)
    assert parsed == [], "same engine, same files: every parse comes from the cache"
    monkeypatch.setattr(reader, "engine_digest", lambda: "another version")
    (scratch.content_dir / "site.yaml").write_text(
        (scratch.content_dir / "site.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    build_ok(scratch)
    articles = sorted((scratch.content_dir / "articles").glob("*.md"))
    assert len(parsed) == len(articles) > 0
    assert buildstate._read_shards(scratch.cache_dir / "parsed")
    monkeypatch.setattr(buildstate, "engine_digest", lambda: "a third version")
    assert buildstate._read_shards(scratch.cache_dir / "parsed") == {}, "shards of other code are not even loaded"


def test_a_build_killed_after_the_exchange_is_not_taken_for_up_to_date(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old manifest is removed before the new site is swapped in; the new one is saved after."""
    build_ok(scratch)
    article = _article(scratch, SLUG, "en")
    original = article.read_text(encoding="utf-8")
    _replace(article, "Rutte", "Rutte (NATO)")

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # stands for SIGKILL between the exchange and the manifest

    with monkeypatch.context() as patched:
        patched.setattr(Manifest, "save", killed)
        with pytest.raises(KeyboardInterrupt):
            build(scratch)
    assert b"Rutte (NATO)" in (scratch.site_dir / "en" / "articles" / SLUG / "index.html").read_bytes()
    assert not manifest_file(scratch.cache_dir).exists()
    article.write_text(original, encoding="utf-8")
    build_ok(scratch)
    clean = copy_project(scratch.root.parent / "clean")
    build_ok(clean)
    assert _snapshot(scratch.site_dir) == _snapshot(clean.site_dir)


def test_a_warm_cache_is_read_from_disk_once_and_its_manifest_only_while_it_is_ours(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    real = buildstate._read_shards
    monkeypatch.setattr(buildstate, "_read_shards", lambda folder: reads.append(folder) or real(folder))
    loads: list[Path] = []
    real_load = buildstate.Manifest.load
    counted = classmethod(lambda cls, path: loads.append(path) or real_load(path))
    monkeypatch.setattr(buildstate.Manifest, "load", counted)
    warm = Warm()
    build_ok(scratch, warm=warm, search=False)
    assert len(reads) == 1 and len(loads) == 1
    _replace(_article(scratch, MEDVEDEV, "en"), "enemy", "foe")
    edited = build_ok(scratch, warm=warm, search=False)
    assert len(reads) == 1 and len(loads) == 1, "the second build reads neither from disk"
    assert edited.rendered > 0
    _replace(_article(scratch, MEDVEDEV, "en"), "foe", "adversary")
    build_ok(scratch, search=False)  # another process builds meanwhile
    assert len(loads) == 2
    again = build_ok(scratch, warm=warm, search=False)
    assert len(loads) == 3, "the manifest on disk is not the one this process saved: read again"
    assert again.rendered == 0 and again.report is not None and again.report.written == 0


def test_compiled_templates_are_reused_and_their_errors_keep_file_and_line(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme is compiled once and kept (Jinja's bytecode cache); a template loaded from
    it reports a failure at its own line, and other engine code compiles it afresh."""
    base = scratch.templates_dir / "base.html"
    lines = base.read_text(encoding="utf-8").splitlines(keepends=True)
    trap = '{{ (1 // 0) if "BOOM" in page.title else "" }}\n'
    base.write_text("".join([*lines[:3], trap, *lines[3:]]), encoding="utf-8")
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, *rest, **options):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return real(self, source, name, filename, *rest, **options)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    build_ok(scratch, search=False)
    assert "base.html" in compiled
    assert list((scratch.cache_dir / "templates").iterdir())
    compiled.clear()
    _replace(_article(scratch, MEDVEDEV, "en"), 'title: "Medvedev', 'title: "BOOM Medvedev')
    result = build(scratch, search=False)
    assert compiled == [], "unchanged templates come from the cache"
    assert not result.ok
    shown = {d.format() for d in result.diagnostics}
    assert "templates/base.html:4:1: template error: ZeroDivisionError: integer division or modulo by zero" in shown
    monkeypatch.setattr(pipeline, "engine_digest", lambda: "another version")
    build(scratch, search=False)
    assert "base.html" in compiled


def test_the_most_numerous_records_pickle_whole_and_without_a_dict() -> None:
    """Positions, mentions and quotes go through the parse cache and the parse workers'
    pipes as calls of their class: every field comes back, and no ``__dict__`` is made."""
    import pickle

    from digest.model import Mention, Position, Quote

    where = Position("content/articles/a.ar.md", 3, 7)
    records = [
        where,
        Mention("mark-rutte", "روته", where, "m3", before="قال ", after=" اليوم", script="arabic"),
        Mention("nato", None, where, "m4"),
        Quote("mark-rutte", "نص", where, "q1"),
    ]
    for record in records:
        back = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert back == record and type(back) is type(record)
        assert not hasattr(back, "__dict__")


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = reader.read_article
    monkeypatch.setattr(reader, "read_article", lambda file, *rest: parsed.append(file.display) or real(file, *rest))
    return parsed


FORK_ALWAYS = Tuning(fork_from=1)
"""The parse cache saved by a forked process whatever the build writes, as a cold build of
thousands of articles saves it."""


def _no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_parse_cache_saved_by_a_forked_process_is_the_one_saved_in_process(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build writes its parse cache from a forked process while it goes on."""
    other = copy_project(scratch.root.parent / "in-process", scratch.content_dir)
    build_ok(other, tuning=Tuning(fork_from=10**6))
    forked: list[bool] = []
    real = buildstate.ParseCache.finish_save
    monkeypatch.setattr(
        buildstate.ParseCache, "finish_save", lambda self: forked.append(self._saving is not None) or real(self)
    )
    build_ok(scratch, tuning=FORK_ALWAYS)
    assert forked == [True] and _no_child_left()
    saved = buildstate._read_shards(scratch.cache_dir / "parsed")
    expected = buildstate._read_shards(other.cache_dir / "parsed")
    assert {shard: sorted(entries) for shard, entries in saved.items()} == {
        shard: sorted(entries) for shard, entries in expected.items()
    }
    parsed = _parses(monkeypatch)
    _touch_settings(scratch)
    build_ok(scratch)
    assert parsed == [], "every parse came from the cache the forked process wrote"


def test_a_forked_save_that_fails_is_done_again_in_the_build(scratch: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    builder = os.getpid()
    real = buildstate._atomic_write

    def write(path: Path, data: bytes) -> None:
        if os.getpid() != builder:
            raise OSError("no space left on device")
        real(path, data)

    monkeypatch.setattr(buildstate, "_atomic_write", write)
    build_ok(scratch, tuning=FORK_ALWAYS)
    assert _no_child_left()
    parsed = _parses(monkeypatch)
    _touch_settings(scratch)
    build_ok(scratch)
    assert parsed == [], "the build saved the cache itself"


def test_a_build_failing_after_its_articles_are_read_leaves_no_process_and_keeps_the_parses(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = scratch.templates_dir / "article.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{{ view.title.value }}", "{{ view.title.value.nope() }}", 1), encoding="utf-8")
    assert not build(scratch, tuning=FORK_ALWAYS).ok
    assert _no_child_left()
    template.write_text(good, encoding="utf-8")
    parsed = _parses(monkeypatch)
    build_ok(scratch)
    assert parsed == [], "the articles parsed by the failed build were kept"


def _touch_settings(project: Project) -> None:
    """A change every page depends on: the next build reads every article (from the cache if it can)."""
    settings = project.content_dir / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
