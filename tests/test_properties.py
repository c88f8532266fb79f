"""Property tests: arbitrary input never crashes the reader, it only produces diagnostics."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.diagnostics import Diagnostics
from digest.markup import make_parser, parse_body
from digest.pipeline import render_site
from digest.project import Project

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
