"""Property tests: arbitrary input never crashes the reader, it only produces diagnostics."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.diagnostics import Diagnostics
from digest.markup import make_parser, parse_body
from digest.pipeline import render_site
from digest.read import frontmatter
from digest.read.project import Project
from digest.text import invisibles as textcheck
from digest.text import matching as textnorm
from digest.urls import Urls

from .conftest import copy_project

MD = make_parser()
SNIPPETS = st.sampled_from(
    [
        "[[",
        "]]",
        "|",
        "[[russia|روسيا]]",
        "[[x]]",
        "::: quote nato",
        "::: post author=x lang=en",
        ":::",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "`",
        "```",
        "[^1]",
        "[^1]: note",
        "ل",
        "و",
        " ",
        "\t",
        "*",
        "|a|b|\n|-|-|\n",
    ]
)
BODIES = st.lists(st.one_of(SNIPPETS, st.text(max_size=20)), max_size=30).map("".join)
FRONT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "title: ",
                "date: ",
                "tags: ",
                "summary: ",
                "{",
                "}",
                "[",
                "]",
                ": ",
                "- ",
                "\n",
                "  ",
                "2024-10-28",
                "ar: ",
                "en: ",
                '"',
                "'",
                "null",
                "true",
                "&a ",
                "*a",
                "!!python/object ",
            ]
        ),
        st.text(max_size=10),
    ),
    max_size=25,
).map("".join)


@given(BODIES)
@settings(max_examples=300, deadline=None)
def test_markup_never_raises(text: str) -> None:
    diags = Diagnostics()
    body = parse_body(MD, text, "a.md", 5, diags)
    for mention in body.mentions:
        assert mention.position.line >= 5 and mention.position.col >= 1
    for diag in diags:
        assert diag.line >= 5


@given(FRONT, BODIES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_reader_turns_any_article_into_a_page_or_diagnostics(tmp_path_factory, front: str, body: str) -> None:  # type: ignore[no-untyped-def]
    root: Path = tmp_path_factory.mktemp("prop")
    project: Project = copy_project(root)
    (project.content_dir / "articles" / "2024-01-01-x.ar.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    diags = Diagnostics()
    outputs = render_site(project, diags)
    assert (outputs is None) == diags.has_errors
    for diag in diags:
        assert diag.format().count(":") >= 3


YAML_PIECES = st.one_of(
    st.sampled_from(
        ["---\n", "\t", "\r\n", "\r", "[" * 30, "]", "{a: ", "<<: ", "? ", "- - "]
        + ["\u202e", "\u2066", "\u200b", "\ufeff"]
    ),
    FRONT,
)


@given(st.lists(YAML_PIECES, max_size=20).map("".join), st.integers(min_value=1, max_value=50))
@settings(max_examples=300, deadline=None)
def test_front_matter_reader_never_raises_and_points_into_the_text(text: str, first_line: int) -> None:
    diags = Diagnostics()
    parts = frontmatter.split(text, "a.md", diags)
    doc = frontmatter.load(text, "a.md", diags, first_line)
    last = first_line + text.count("\n") + text.count("\r") + 1
    for diag in diags:
        assert diag.col >= 1 and diag.line >= 1, diag.format()
        if diag.message.startswith(("YAML", "duplicate", "unsupported", "bidi", "text value")):
            assert first_line <= diag.line <= last, diag.format()
    if doc is not None:
        for line, col in [*doc.values.values(), *doc.keys.values()]:
            assert first_line <= line <= last and col >= 1
    if parts is not None:
        assert parts.body_line >= 2


@given(st.text(alphabet=st.sampled_from("ab \n\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")))
@settings(max_examples=300, deadline=None)
def test_every_bidi_problem_points_at_a_bidi_control(text: str) -> None:
    for problem in textcheck.prose_problems(text):
        assert text[problem.index] in textcheck.BIDI_CONTROLS
    overrides = [i for i, c in enumerate(text) if c in textcheck.OVERRIDES]
    assert overrides == [p.index for p in textcheck.prose_problems(text) if "override" in p.message]


_NORM_ALPHABET = "ابتجدرسعقلمنهويءآأإؤئةىٱ ـًٌَُِّْٰ\u0653\u0654\u0655\u200c\u200d\u200eaé\u0301\u2126\u212b\uf900٠"


@given(st.text(alphabet=_NORM_ALPHABET) | st.text())
@settings(max_examples=300)
def test_bulk_normalisation_equals_the_character_by_character_one(text: str) -> None:
    assert textnorm.normalized_text(text) == textnorm.normalize(text).text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab/#?=&-_.~ %+:@!'()كو\u200fé"), max_size=16) | st.text(max_size=8))
def test_route_quoting_skips_only_what_quote_leaves_alone(route: str) -> None:
    """``Urls`` passes plain ASCII routes through without ``quote``: the same result either way."""
    urls = Urls("https://example.org/digest/")
    assert urls.href(route) == "/digest/" + quote(route, safe="/#?=&")
    assert urls.absolute(route) == "https://example.org/digest/" + quote(route, safe="/#?=&")
