"""Front-matter YAML: positions kept, dangerous or ambiguous YAML refused."""

from __future__ import annotations

import pytest
import yaml

from digest.diagnostics import Diagnostics
from digest.read.frontmatter import load, split, yaml_problem


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


LOADERS = [
    pytest.param(yaml.SafeLoader, id="python"),
    pytest.param(
        getattr(yaml, "CSafeLoader", None),
        id="libyaml",
        marks=pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml"),
    ),
]
INDENTED = "this line is indented differently from the key above it: the keys of one mapping start in the same column"
IN_QUOTES = "put the value in quotes"


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mapping values are not allowed here / … in this context
        pytest.param(
            "title: NATO: the chief said\n",
            "1:12: a value that contains ': ' must be in quotes: write title: \"NATO: the chief said\"",
            id="colon in a value",
        ),
        pytest.param(
            "title: x\n  date: 2024\n",
            "2:7: this line is indented more than the key above it, or the line above has no ':' after its key: "
            "the keys of one mapping start in the same column",
            id="key indented under a text value",
        ),
        # expected <block end>, but found '<block mapping start>' / did not find expected key
        pytest.param('name: {ar: "x", en: "y"}\n  wikidata: Q1\n', f"2:3: {INDENTED}", id="key indented more"),
        pytest.param("a:\n    b: 1\n  c: 2\n", f"3:3: {INDENTED}", id="key indented between two levels"),
        # expected <block end>, but found '<scalar>' / did not find expected key
        pytest.param(
            'title: "NATO" chief\n',
            "1:15: text after the closing quote: put the whole value in quotes, and write a double quote "
            'inside double quotes as \\" (or put the value in single quotes)',
            id="text after a quoted value",
        ),
        pytest.param(
            'title: "NATO\nsummary: "x"\n',
            '2:11: the quoted text that ends before this began on an earlier line: a closing " is missing there',
            id="quote closed on the next line",
        ),
        # expected <block end>, but found '-' / did not find expected key
        pytest.param(
            "title: x\n- a\n",
            "2:1: a '- ' list item must be under its key: write the key, then '  - item' on the lines below",
            id="list item without a key",
        ),
        # expected <block end>, but found '?' / did not find expected '-' indicator
        pytest.param(
            "tags:\n  - a\n  date: 2024\n",
            "3:3: this line is not an item of the list above it: start it with '- ', or indent it like its key",
            id="key at the indentation of a list",
        ),
        # sequence entries are not allowed here / block sequence entries are not allowed in this context
        pytest.param(
            "tags: - a\n",
            "1:7: a '- ' list cannot start on the line of its key: put each item on a line of its own, below it",
            id="list on the line of its key",
        ),
        # expected ',' or ']', but got '<stream end>' / did not find expected ',' or ']'
        pytest.param("tags: [a, b\n", "1:7: this list is not closed: add ']' after its last item", id="open list"),
        pytest.param(
            "tags: [a, b\ndate: 2024\n",
            "1:7: this list is not closed: add ']' after its last item",
            id="open list before the next key",
        ),
        pytest.param(
            "title: {ar: x, en: y\n", "1:8: this mapping is not closed: add '}' after its last item", id="open mapping"
        ),
        # expected ',' or '}', but got ':' / did not find expected ',' or '}'
        pytest.param(
            "title: {ar: x en: y}\n",
            "1:17: entries in { } are separated by commas ({ar: …, en: …}): put a value with ':' or ',' in quotes",
            id="missing comma in a mapping",
        ),
        pytest.param(
            "tags: [a: b: c]\n",
            "1:12: items in [ ] are separated by commas: put an item that contains ':' or ',' in quotes",
            id="colon in a list item",
        ),
        # while scanning a quoted scalar: found unexpected end of stream
        pytest.param(
            'title: "NATO\ndate: 2024\n',
            '1:8: this quoted text is not closed: add the closing " at its end',
            id="open double quote",
        ),
        pytest.param(
            "title: 'NATO\n",
            "1:8: this quoted text is not closed: add the closing ' at its end",
            id="open single quote",
        ),
        # found character '\t' that cannot start any token / found character that cannot start any token
        pytest.param("tags:\n\t- a\n", "2:1: a tab: YAML is indented with spaces, not tabs", id="tab"),
        pytest.param("handle: @nato\n", f"1:9: a value cannot start with '@': {IN_QUOTES}", id="at sign"),
        pytest.param("code: `x`\n", f"1:7: a value cannot start with '`': {IN_QUOTES}", id="backtick"),
        # while scanning a simple key: could not find expected ':'
        pytest.param(
            "title: x\ndate\nsummary: y\n",
            "2:1: this line has no ':' after its key: write 'key: value' (a text that goes on is indented)",
            id="key without colon",
        ),
        # found undefined alias 'x' / found undefined alias
        pytest.param(
            "title: *x\n",
            f"1:8: a value cannot start with '*' (a YAML alias, not used in content files): {IN_QUOTES}",
            id="star",
        ),
        # while scanning an anchor: expected alphabetic or numeric character …
        pytest.param(
            "title: & x\n",
            f"1:8: a value cannot start with '&' (YAML anchors, not used in content files): {IN_QUOTES}",
            id="ampersand",
        ),
        # while parsing a tag: expected '>' … / while scanning a tag: did not find the expected '>'
        pytest.param(
            "title: !<x\n",
            f"1:8: a value cannot start with '!' (a YAML tag, not used in content files): {IN_QUOTES}",
            id="exclamation mark",
        ),
        # found unknown escape character 'q' / found unknown escape character
        pytest.param(
            'title: "a\\q"\n',
            "1:10: unknown escape '\\q' in double-quoted text: write a backslash as '\\\\' "
            "(or put the value in single quotes, where a backslash is a backslash)",
            id="unknown escape",
        ),
        # while scanning a block scalar: expected a comment or a line break …
        pytest.param(
            "summary: | text\n",
            "1:12: after '|' or '>' the text starts on the next line, indented under its key",
            id="text after a pipe",
        ),
        # while parsing a flow node: expected the node content, but found ',' / did not find expected node content
        pytest.param(
            "tags: [a, , b]\n",
            "1:11: a value is missing before ',': inside [ ] and { } items are separated by single commas",
            id="two commas",
        ),
        # expected a single document in the stream: but found another document
        pytest.param(
            "a: 1\n---\nb: 2\n",
            "2:1: a '---' line starts a second YAML document here: a file holds one, remove the line",
            id="second document",
        ),
        # expected '<document start>', but found '<scalar>' / did not find expected <document start>
        pytest.param(
            "a: 1\n... x\n",
            "2:5: text after the end of the YAML: remove the '...' line above it, or the text",
            id="text after the end",
        ),
        # found duplicate YAML directive / found unknown directive name
        pytest.param(
            "%FOO\na: 1\n",
            "1:1: a line starting with '%' is a YAML directive, not used in content files: remove it",
            id="directive",
        ),
        # unacceptable character #xfffe: special characters are not allowed (a ReaderError, without marks)
        pytest.param("a: \ufffe\n", "1:4: character U+FFFE is not allowed in YAML: remove it", id="unacceptable"),
    ],
)
def test_yaml_problems_are_explained_in_the_editors_words(text: str, expected: str, loader: type) -> None:
    """Both parsers' wordings of one mistake give the same explanation, at the place to fix."""
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.compose(text, Loader=loader)
    line, col, message = yaml_problem(raised.value, text)
    assert f"{line + 1}:{col + 1}: {message}" == expected


def test_a_yaml_problem_is_reported_at_its_file_position() -> None:
    _data, diags = _load("title: x\ntags: [a, b\n")
    assert diags == ["f.md:3:7: YAML syntax error: this list is not closed: add ']' after its last item"]


def test_an_unexplained_yaml_problem_keeps_pyyamls_words() -> None:
    mark = yaml.Mark("f", 0, 2, 4, None, None)
    error = yaml.MarkedYAMLError("while doing something new", mark, "found something odd", mark)
    assert yaml_problem(error, "a\nb\nc: d\n") == (2, 4, "found something odd (while doing something new)")
