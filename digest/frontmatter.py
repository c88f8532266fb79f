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

from .diagnostics import Diagnostics
from .textcheck import prose_problems

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
    except yaml.YAMLError:
        node = None  # re-read below with the pure-Python loader, whose messages are clearer
    else:
        return _convert(node, path, diags, first_line)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        message = exc.problem or exc.context or "invalid YAML"
        if "'\\t'" in message:
            message += " (YAML is indented with spaces, not tabs)"
        diags.error(path, line, col, f"YAML syntax error: {message}")
        return None
    except yaml.YAMLError as exc:
        diags.error(path, first_line, 1, f"YAML error: {exc}")
        return None
    return _convert(node, path, diags, first_line)


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
