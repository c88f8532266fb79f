"""Front-matter YAML: positions kept, dangerous or ambiguous YAML refused."""

from __future__ import annotations

import pytest

from digest.diagnostics import Diagnostics
from digest.frontmatter import load, split


def _load(text: str) -> tuple[object, list[str]]:
    diags = Diagnostics()
    doc = load(text, "f.md", diags, first_line=2)
    return (doc.data if doc else None), [d.format() for d in diags]


def test_values_keep_their_positions() -> None:
    diags = Diagnostics()
    doc = load('title: "x"\ntags:\n  - a\n  - b\n', "f.md", diags, first_line=2)
    assert doc is not None and doc.at(("tags", 1)) == (5, 5) and doc.key_at(("tags",)) == (3, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: &x [1, 2]\nb: *x\n",
            "f.md:2:4: YAML anchors and aliases (&name, *name) are not supported in content files",
        ),
        ("a: &a [*a]\n", "f.md:2:4: YAML anchors and aliases (&name, *name) are not supported in content files"),
        (
            "a: !!python/object:os.system x\n",
            "f.md:2:4: unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'",
        ),
        ("a: 1\na: 2\n", "f.md:3:1: duplicate key 'a'"),
    ],
)
def test_refused_yaml(text: str, message: str) -> None:
    data, diags = _load(text)
    assert data is None and diags == [message]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    data, diags = _load("\n".join(lines) + "\n")
    assert data is None and "aliases" in diags[0]


def test_yes_and_no_stay_text() -> None:
    data, _ = _load("tags: [yes, no, on, off]\ndraft: false\n")
    assert data == {"tags": ["yes", "no", "on", "off"], "draft": False}


def test_split_keeps_the_body_line() -> None:
    parts = split("---\ntitle: x\n---\nbody\n", "f.md", Diagnostics())
    assert parts is not None and parts.body_line == 4 and parts.body == "body\n"
