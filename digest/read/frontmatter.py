"""Front matter: split a ``---`` YAML block from a Markdown body, keeping positions.

YAML is composed into nodes (never constructed by PyYAML), and converted here so
that every key and value keeps its line and column, duplicate keys are caught
(PyYAML silently keeps the last one), and anchors, aliases and custom tags are
refused: front matter is data an editor types, and those features only serve to
hide content or blow up memory ("billion laughs"). Nesting deeper than
``MAX_DEPTH`` and text values longer than ``MAX_SCALAR`` are refused too: the
composers recurse once per level (libyaml's overflows the C stack on a hundred
thousand ``[``), and a front-matter value is repeated on every list, card and
feed that shows the article, so a megabyte title would become hundreds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..diagnostics import Diagnostics
from ..text.invisibles import prose_problems

KeyPath = tuple[Any, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
MAX_DEPTH = 20
MAX_SCALAR = 10_000
"""Characters in one text value: a long summary is a few hundred."""
_SCAN_ABOVE = 200
"""Composing is only safe when nesting is shallow; a text with more than this many
characters that can open a level (``-[{:?``) is first scanned as an event stream."""
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's composer when PyYAML was built with it (about 10x faster, same marks)."""


@dataclass(frozen=True)
class Document:
    """YAML data plus the position of every value and key, by key path."""

    data: Any
    path: str
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def at(self, key_path: KeyPath) -> tuple[int, int]:
        """Line and column of a value (or of its closest known parent)."""
        while key_path not in self.values and key_path:
            key_path = key_path[:-1]
        return self.values.get(key_path, (1, 1))

    def key_at(self, key_path: KeyPath) -> tuple[int, int]:
        return self.keys.get(key_path) or self.at(key_path)


@dataclass(frozen=True)
class Split:
    """A file split into its front-matter text and body, with the body's first line."""

    yaml_text: str
    yaml_line: int
    """1-based file line of the first YAML line."""
    body: str
    body_line: int
    """1-based file line of the first body line."""


def split(text: str, path: str, diags: Diagnostics) -> Split | None:
    """Split ``---\\n yaml \\n---\\n body``; a missing block or closing line is an error."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        diags.error(path, 1, 1, "missing front matter: the file must start with a '---' line")
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Split(
                yaml_text="\n".join(lines[1:index]),
                yaml_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    diags.error(path, 1, 1, "front matter is not closed: add a '---' line after it")
    return None


def load(text: str, path: str, diags: Diagnostics, first_line: int = 1) -> Document | None:
    """Parse YAML text that starts at ``first_line`` of ``path``; errors go to ``diags``."""
    if sum(map(text.count, "-[{:?")) > _SCAN_ABOVE and _too_deep(text, path, diags, first_line):
        return None
    try:
        node = yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError as exc:
        line, col, message = yaml_problem(exc, text)
        diags.error(path, line + first_line, col + 1, f"YAML syntax error: {message}")
        return None
    return _convert(node, path, diags, first_line)


def yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    """A parse error as (0-based line, 0-based column, words an editor understands).

    PyYAML's own texts name the parser's states ("expected <block end>, but found
    '<scalar>'"), differ between its pure-Python parser and libyaml's, and often point
    elsewhere than at the mistake (an unclosed quote or bracket is found at the end of
    the text). Each known problem is explained, at the place to fix, from either
    wording; any other keeps PyYAML's text.
    """
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        col = exc.position - (before.rfind("\n") + 1)
        return before.count("\n"), col, f"character U+{exc.character:04X} is not allowed in YAML: remove it"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if not isinstance(exc, yaml.MarkedYAMLError) or mark is None:
        return 0, 0, str(exc)
    found = _Found(text.split("\n"), exc.context or "", exc.problem or "", mark, exc.context_mark or mark)
    for rule in _RULES:
        explained = rule(found)
        if explained is not None:
            return explained[0].line, explained[0].column, explained[1]
    both = f"{found.problem} ({found.context})" if found.problem and found.context else ""
    return mark.line, mark.column, both or found.problem or found.context or "invalid YAML"


@dataclass(frozen=True)
class _Found:
    """A PyYAML error taken apart: its two texts, the problem's place and the context's."""

    lines: list[str]
    context: str
    problem: str
    mark: Any
    start: Any
    """Where the construct being read began (the opening quote or bracket)."""

    def line(self, at: Any) -> str:
        return self.lines[at.line] if at.line < len(self.lines) else ""

    def char(self, at: Any) -> str:
        return self.line(at)[at.column : at.column + 1]


_Explained = tuple[Any, str] | None
_IN_QUOTES = "put the value in quotes"


def _colon(f: _Found) -> _Explained:
    """``mapping values are not allowed here``: a ``:`` where no key can start."""
    if not f.problem.startswith("mapping values are not allowed"):
        return None
    written, sep, value = f.line(f.mark).partition(": ")
    key, value = written.strip(), value.strip()
    if sep and key and ":" not in key and not key.startswith("-") and len(written) < f.mark.column:
        example = f'{key}: "{value}"' if '"' not in value else f"{key}: '{value}'"
        return f.mark, f"a value that contains ': ' must be in quotes: write {example}"
    return f.mark, (
        "this line is indented more than the key above it, or the line above has no ':' after its key: "
        "the keys of one mapping start in the same column"
    )


def _dash(f: _Found) -> _Explained:
    if "sequence entries are not allowed" not in f.problem:
        return None
    return f.mark, "a '- ' list cannot start on the line of its key: put each item on a line of its own, below it"


def _next_key(f: _Found) -> _Explained:
    """The parser expected the next key of a mapping (or item of a list) and found something else."""
    if f.context == "while parsing a block collection":
        return f.mark, "this line is not an item of the list above it: start it with '- ', or indent it like its key"
    if f.context != "while parsing a block mapping":
        return None
    line = f.line(f.mark)
    if f.char(f.mark) == "-":
        return f.mark, "a '- ' list item must be under its key: write the key, then '  - item' on the lines below"
    if f.char(f.mark) == ":":
        return f.mark, "a ':' with no key before it: write 'key: value'"
    if f.mark.column <= len(line) - len(line.lstrip(" ")):
        return f.mark, (
            "this line is indented differently from the key above it: the keys of one mapping start in the same column"
        )
    before = line[: f.mark.column].rstrip()
    if before.endswith(('"', "'")) and before.count(before[-1]) % 2:
        return f.mark, (
            f"the quoted text that ends before this began on an earlier line: a closing {before[-1]} is missing there"
        )
    if before.endswith(('"', "'")):
        return f.mark, (
            "text after the closing quote: put the whole value in quotes, and write a double quote "
            'inside double quotes as \\" (or put the value in single quotes)'
        )
    return f.mark, "unexpected text after the value: a value that contains ': ' or ' #' must be in quotes"


def _brackets(f: _Found) -> _Explained:
    """A ``[ ]`` list or ``{ }`` mapping not closed, or with a missing comma."""
    if f.context not in ("while parsing a flow sequence", "while parsing a flow mapping"):
        return None
    close, what = ("]", "list") if f.context.endswith("sequence") else ("}", "mapping")
    rest = "\n".join(f.lines[f.mark.line :])[f.mark.column :]
    if f.mark.line > f.start.line or not rest.strip():
        return f.start, f"this {what} is not closed: add '{close}' after its last item"
    if close == "]":
        return f.mark, "items in [ ] are separated by commas: put an item that contains ':' or ',' in quotes"
    return f.mark, "entries in { } are separated by commas ({ar: …, en: …}): put a value with ':' or ',' in quotes"


def _quotes(f: _Found) -> _Explained:
    if "escape" in f.problem:
        line = f.line(f.mark)
        col = line.rfind("\\", 0, f.mark.column + 1)  # the parsers point at the backslash or after it
        at = yaml.Mark(f.mark.name, 0, f.mark.line, col if col != -1 else f.mark.column, None, 0)
        code = line[at.column : at.column + 2] if col != -1 else "\\"
        return at, (
            f"unknown escape '{code}' in double-quoted text: write a backslash as '\\\\' "
            "(or put the value in single quotes, where a backslash is a backslash)"
        )
    if f.context == "while scanning a quoted scalar" and ("end of stream" in f.problem or "document" in f.problem):
        return f.start, f"this quoted text is not closed: add the closing {f.char(f.start)} at its end"
    return None


def _characters(f: _Found) -> _Explained:
    """A character that YAML reads as syntax: a tab in the indentation, ``@``, `` ` ``, ``&``, ``*``, ``!``, ``%``."""
    if "tab character" in f.problem or ("cannot start any token" in f.problem and f.char(f.mark) == "\t"):
        return f.mark, "a tab: YAML is indented with spaces, not tabs"
    if "cannot start any token" in f.problem:
        return f.mark, f"a value cannot start with '{f.char(f.mark)}': {_IN_QUOTES}"
    if f.problem.startswith("found undefined alias"):
        return f.mark, f"a value cannot start with '*' (a YAML alias, not used in content files): {_IN_QUOTES}"
    if f.context in ("while scanning an anchor", "while scanning an alias"):
        char = f.char(f.start)
        return f.start, f"a value cannot start with '{char}' (YAML anchors, not used in content files): {_IN_QUOTES}"
    if f.context in ("while parsing a tag", "while scanning a tag"):
        return f.start, f"a value cannot start with '!' (a YAML tag, not used in content files): {_IN_QUOTES}"
    return None


def _structure(f: _Found) -> _Explained:
    if f.context == "while scanning a simple key":
        return f.start, "this line has no ':' after its key: write 'key: value' (a text that goes on is indented)"
    if f.context == "while scanning a block scalar":
        return f.mark, "after '|' or '>' the text starts on the next line, indented under its key"
    if f.context == "while parsing a flow node":
        char = f.char(f.mark)
        return f.mark, f"a value is missing before '{char}': inside [ ] and {{ }} items are separated by single commas"
    if f.context == "expected a single document in the stream":
        return f.mark, "a '---' line starts a second YAML document here: a file holds one, remove the line"
    about_directives = "directive" in f.problem or "directive" in f.context or "<document start>" in f.problem
    directives = [n for n, line in enumerate(f.lines[: f.mark.line + 1]) if line.startswith("%")]
    if about_directives and directives:
        # libyaml points into the directive, the pure-Python parser at the line after it
        at = yaml.Mark(f.mark.name, 0, directives[-1], 0, None, 0)
        return at, "a line starting with '%' is a YAML directive, not used in content files: remove it"
    if "<document start>" in f.problem:
        return f.mark, "text after the end of the YAML: remove the '...' line above it, or the text"
    return None


_RULES = (_colon, _dash, _next_key, _brackets, _quotes, _characters, _structure)
"""Each takes a parse error apart and explains it, or passes (``None``)."""


def _too_deep(text: str, path: str, diags: Diagnostics, first_line: int) -> bool:
    """Report the first value nested deeper than ``MAX_DEPTH``, without recursion.

    A level is opened by a sequence or mapping (``-``, ``[``, ``{``, ``:`` or ``?``
    for each), so a text with few of those characters cannot be deep; others are
    read as events, which libyaml produces with a heap stack. A syntax error stops
    the scan: composing reports it, and the nesting before it is known to be shallow.
    """
    try:
        return _scan_depth(text, path, diags, first_line, _FAST)
    except yaml.YAMLError:
        pass
    # libyaml 0.2.6 refuses nesting past 1,000 levels before it yields the events of the
    # first levels; the pure-Python parser (iterative, unlike its composer) yields them.
    try:
        return _scan_depth(text, path, diags, first_line, yaml.SafeLoader)
    except yaml.YAMLError:
        return False


def _scan_depth(text: str, path: str, diags: Diagnostics, first_line: int, loader: Any) -> bool:
    """``_too_deep`` with one parser; its syntax errors are the caller's to handle."""
    # One entry per open collection: is it a mapping, and is its next node a key?
    stack: list[list[bool]] = []
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.CollectionEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        is_key = bool(stack) and stack[-1][0] and stack[-1][1]
        if stack and stack[-1][0]:
            stack[-1][1] = not stack[-1][1]
        if len(stack) > MAX_DEPTH and not is_key:
            mark = event.start_mark
            assert mark is not None, "the parser marks every event"
            line, col = mark.line + first_line, mark.column + 1
            diags.error(path, line, col, f"YAML nested deeper than {MAX_DEPTH} levels")
            return True
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([isinstance(event, yaml.MappingStartEvent), True])
    return False


def _convert(node: yaml.Node | None, path: str, diags: Diagnostics, first_line: int) -> Document | None:
    doc = Document(data=None, path=path)
    if node is None:
        return Document(data={}, path=path)
    converter = _Converter(doc, diags, first_line)
    data = converter.convert(node, ())
    if converter.failed:
        return None
    return Document(data=data, path=path, values=doc.values, keys=doc.keys)


class _Converter:
    """Turns a composed node tree into Python values, recording positions."""

    def __init__(self, doc: Document, diags: Diagnostics, first_line: int) -> None:
        self.doc = doc
        self.diags = diags
        self.first_line = first_line
        self.failed = False
        self._scalars = yaml.SafeLoader("")  # constructs plain scalars only
        self._seen: set[int] = set()

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def _fail(self, node: yaml.Node, message: str) -> None:
        line, col = self._pos(node)
        self.diags.error(self.doc.path, line, col, message)
        self.failed = True

    def convert(self, node: yaml.Node, key_path: KeyPath) -> Any:
        self.doc.values[key_path] = self._pos(node)
        if len(key_path) > MAX_DEPTH:
            self._fail(node, f"YAML nested deeper than {MAX_DEPTH} levels")
            return None
        if id(node) in self._seen:
            # The composer shares one node object between an anchor and its aliases.
            self._fail(node, "YAML anchors and aliases (&name, *name) are not supported in content files")
            return None
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, f"unsupported YAML tag {node.tag!r}")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*key_path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode), "a node is a mapping, a sequence or a scalar"
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, "mapping keys must be plain text")
                continue
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                self._fail(key_node, "YAML merge keys (<<) are not supported in content files")
                continue
            if key_node.tag not in _PLAIN_TAGS:
                self._fail(key_node, f"unsupported YAML tag {key_node.tag!r}")
                continue
            key = self._scalar(key_node)
            if key in result:
                self._fail(key_node, f"duplicate key '{key}'")
                continue
            self.doc.keys[(*key_path, key)] = self._pos(key_node)
            result[key] = self.convert(value_node, (*key_path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if len(node.value) > MAX_SCALAR:
            self._fail(node, f"text value of {len(node.value):,} characters: at most {MAX_SCALAR:,} are allowed")
            return None
        if node.tag == "tag:yaml.org,2002:str":
            problems = prose_problems(node.value)
            if problems:
                self._fail(node, problems[0].message)
                return None
            return node.value
        # Dates stay text here: schema.py parses them with time zones kept and
        # reports a bad date at its own position.
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        # YAML 1.1 reads yes/no/on/off as booleans (the "Norway problem"); only
        # true/false are booleans here, the rest stay text.
        if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
            return node.value
        return self._scalars.construct_object(node)
