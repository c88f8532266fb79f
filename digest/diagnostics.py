"""Diagnostics: every problem the pipeline finds, with a position an editor can jump to.

Stages never raise for content mistakes. They append ``Diagnostic`` objects to a
``Diagnostics`` collector and go on, so one run reports every problem at once
(``path:line:col: message``), sorted, and the command exits non-zero.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Errors stop a build before anything is written; warnings never do."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place. ``line`` and ``col`` are 1-based (0 = the file as a whole)."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Render as ``path:line:col: message`` (a warning says so after the position)."""
        where = f"{self.path}:{self.line or 1}:{self.col or 1}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}: {prefix}{self.message}"


class Diagnostics:
    """An append-only collector shared by the stages of one run."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def error(self, path: str, line: int, col: int, message: str) -> None:
        self._items.append(Diagnostic(path, line, col, message, Severity.ERROR))

    def warning(self, path: str, line: int, col: int, message: str) -> None:
        self._items.append(Diagnostic(path, line, col, message, Severity.WARNING))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self._items)

    def sorted(self) -> list[Diagnostic]:
        """Unique diagnostics in file order, so output is stable between runs."""
        return sorted(set(self._items))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._items)


def suggest(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" hint for a misspelt key or id, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
