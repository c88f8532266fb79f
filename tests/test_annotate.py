"""The annotator: Arabic-aware matching, what it never touches, idempotence, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.annotate import Matcher, annotate_body
from digest.cli import main
from digest.diagnostics import Diagnostics
from digest.editing import annotate_text, load_registry
from digest.evaluate import perturb, score, strip_mentions
from digest.frontmatter import split
from digest.markup import make_parser
from digest.project import Project

from .conftest import ROOT

MD = make_parser()
REGISTRY = load_registry(Project(ROOT), Diagnostics())
assert REGISTRY is not None
MATCHER = Matcher(REGISTRY.entities)


def annotate(text: str) -> str:
    return annotate_body(text, MATCHER, MD)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("زار روسيا", "زار [[russia|روسيا]]"),
        (
            "وروسيا ولروسيا فروسيا بروسيا كروسيا",
            "و[[russia|روسيا]] ول[[russia|روسيا]] ف[[russia|روسيا]] ب[[russia|روسيا]] ك[[russia|روسيا]]",
        ),
        ("قال للناتو", "قال لل[[nato|ناتو]]"),
        ('وفقا لـ "بوليتيكو"', 'وفقا لـ "[[politico|بوليتيكو]]"'),
        ("«الناتو»", "«[[nato|الناتو]]»"),
        ("كوريا الشمالية", "[[north-korea|كوريا الشمالية]]"),
        ("مقاطعة كورسك وكورسك", "[[kursk-oblast|مقاطعة كورسك]] و[[kursk-oblast|كورسك]]"),
        ("أوكرانيا اوكرانيا إوكرانيا", "[[ukraine|أوكرانيا]] [[ukraine|اوكرانيا]] [[ukraine|إوكرانيا]]"),
        ("أُوكْرَانِيَا", "[[ukraine|أُوكْرَانِيَا]]"),
        ("روســيا", "[[russia|روســيا]]"),
        ("تلفزيون روسيا-1", "تلفزيون [[russia-1|روسيا-1]]"),
        ("الروسية والروس", "الروسية والروس"),  # no match inside a longer word
        ("روسيات", "روسيات"),
        ("`روسيا` و[[russia|روسيا]]", "`روسيا` و[[russia|روسيا]]"),
        ("[روسيا](https://ru.example/روسيا)", "[روسيا](https://ru.example/روسيا)"),
        ("Russia's army and NATO", "[[russia|Russia]]'s army and [[nato|NATO]]"),
        ("```\nروسيا\n```\n\nروسيا", "```\nروسيا\n```\n\n[[russia|روسيا]]"),
        ("::: quote vladimir-putin\nروسيا\n:::\n", "::: quote vladimir-putin\n[[russia|روسيا]]\n:::\n"),
        ('::: post author="روسيا" lang=ar\nروسيا\n:::\n', '::: post author="روسيا" lang=ar\nروسيا\n:::\n'),
        ("كوريا\nالشمالية", "[[north-korea|كوريا\nالشمالية]]"),
        ("كوريا\n\nالشمالية", "كوريا\n\nالشمالية"),
    ],
)
def test_matching(text: str, expected: str) -> None:
    assert annotate(text) == expected


def test_front_matter_is_never_touched() -> None:
    text = '---\ntitle: "روسيا"\ndate: 2024-10-28\n---\nروسيا\n'
    after, added, _ = annotate_text(text, MATCHER, MD)
    assert after == '---\ntitle: "روسيا"\ndate: 2024-10-28\n---\n[[russia|روسيا]]\n' and added == 1


def _sample_bodies(lang: str) -> list[tuple[str, str]]:
    bodies = []
    for path in sorted((ROOT / "content" / "articles").glob(f"*.{lang}.md")):
        parts = split(path.read_text(encoding="utf-8"), str(path), Diagnostics())
        assert parts is not None
        bodies.append((parts.body, lang))
    return bodies


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_re_annotating_the_sample_matches_the_hand_annotations(lang: str) -> None:
    result = score(_sample_bodies(lang), REGISTRY.entities, MD)
    assert result.gold > 80
    assert result.precision >= 0.97 and result.recall >= 0.97, (result.misses, result.extras)


def test_arabic_typed_differently_is_still_found() -> None:
    varied = [(perturb(body, seed), "ar") for seed in range(3) for body, _ in _sample_bodies("ar")]
    assert any(body != original for (body, _), (original, _) in zip(varied, _sample_bodies("ar") * 3, strict=True))
    result = score(varied, REGISTRY.entities, MD)
    assert result.precision >= 0.97 and result.recall >= 0.97, (result.misses[:5], result.extras[:5])


def test_sample_is_already_fully_annotated() -> None:
    for body, _ in _sample_bodies("ar") + _sample_bodies("en"):
        assert annotate(body) == body


@given(
    st.lists(
        st.sampled_from(
            [
                "روسيا",
                "ل",
                "و",
                "الناتو",
                "للناتو",
                "كوريا",
                "الشمالية",
                " ",
                "\n",
                "\n\n",
                "`",
                "[[",
                "]]",
                "|",
                "«",
                "»",
                "-",
                "1",
                "أ",
                "ة",
                "ى",
                "\u064e",
                "\u0640",
                "Russia",
                "'s",
                "::: quote x\n",
                ":::\n",
                "[a](b)",
                "http://x",
            ]
        )
        | st.text(max_size=5),
        max_size=40,
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_annotate_only_adds_brackets_and_is_idempotent(text: str) -> None:
    once, matches = annotate_body(text, MATCHER, MD)
    # The output is the input with exactly one "[[id|" … "]]" pair around each match.
    expected, cursor = [], 0
    for match in matches:
        expected += [text[cursor : match.start], f"[[{match.entity_id}|", text[match.start : match.end], "]]"]
        cursor = match.end
    expected.append(text[cursor:])
    assert once == "".join(expected)
    assert annotate_body(once, MATCHER, MD)[0] == once


def test_strip_mentions_gives_back_the_plain_text() -> None:
    plain, spans = strip_mentions("قال ل[[russia|روسيا]] و[[nato]]", REGISTRY.entities, "ar")
    assert plain == "قال لروسيا والناتو"
    assert {plain[a:b] for a, b, _ in spans} == {"روسيا", "الناتو"}


# -- command line ------------------------------------------------------------------


def _project_with_plain_article(scratch: Project) -> Path:
    article = scratch.content_dir / "articles" / "2024-10-29-plain.ar.md"
    article.write_text(
        "---\ntitle: روسيا\ndate: 2024-10-29\n---\nقال الرئيس الروسي فلاديمير بوتين إن روسيا "
        "لن تتراجع، وقال الوزير سيرغي لافروف ذلك.\n",
        encoding="utf-8",
    )
    return article


def test_cli_dry_run_prints_a_diff_and_writes_nothing(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project_with_plain_article(scratch)
    before = article.read_bytes()
    assert main(["--root", str(scratch.root), "annotate", "--dry-run", str(article)]) == 0
    out = capsys.readouterr().out
    assert "+قال الرئيس الروسي [[vladimir-putin|فلاديمير بوتين]] إن [[russia|روسيا]]" in out
    assert "سيرغي لافروف" in out.split("likely unregistered names")[1]
    assert article.read_bytes() == before


def test_cli_annotates_in_place_and_a_second_run_changes_nothing(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    article = _project_with_plain_article(scratch)
    assert main(["--root", str(scratch.root), "annotate", str(article)]) == 0
    first = article.read_text(encoding="utf-8")
    assert "[[russia|روسيا]]" in first and first.startswith("---\ntitle: روسيا\n")
    assert "2 mentions added" in capsys.readouterr().out
    assert main(["--root", str(scratch.root), "annotate"]) == 0
    assert article.read_text(encoding="utf-8") == first
    assert capsys.readouterr().out.strip().endswith("0 mentions added, 0 files changed")


def test_cli_new_entity_writes_a_stub_and_uses_it(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project_with_plain_article(scratch)
    code = main(
        ["--root", str(scratch.root), "annotate", "--new-entity", "sergei-lavrov", "سيرغي لافروف", str(article)]
    )
    assert code == 0
    stub = scratch.content_dir / "entities" / "sergei-lavrov.yaml"
    assert 'name: {ar: "سيرغي لافروف"}' in stub.read_text(encoding="utf-8")
    assert "[[sergei-lavrov|سيرغي لافروف]]" in article.read_text(encoding="utf-8")
    assert main(["--root", str(scratch.root), "check"]) == 0
    assert main(["--root", str(scratch.root), "annotate", "--new-entity", "sergei-lavrov", "x"]) == 1
    assert "already exists" in capsys.readouterr().err
