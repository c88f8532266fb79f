"""English wording shared by the commands' messages."""

from __future__ import annotations


def plural(count: int, one: str, other: str | None = None) -> str:
    """``count`` and the English word in the form the count takes: "1 file", "0 files", "3 entities".

    English has two forms, and CLDR's rule for it (the one Babel applies to the
    theme's strings) gives the singular to 1 alone among whole numbers."""
    return f"{count} {one if count == 1 else other or one + 's'}"
