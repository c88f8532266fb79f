"""Outlet profiles: the lines an outlet prints on every page, learned from the imports themselves.

No list of phrases can know every outlet's furniture, but an outlet repeats its own:
the masthead, the "follow us" line, the comment-form notice appear on each of its pages,
while the article's sentences do not. So every import counts the short lines of its text
(``Scraped.candidates``) in a small profile per outlet, ``content/outlets/<outlet>.yaml``;
a line seen in two or more imports joins the profile's ``furniture`` list, and the next
imports from that outlet drop it wherever it stands (``parse_scraped(furniture=...)``).

The profile is the editor's: plain YAML beside the content, versioned with it, where a
wrongly learned line is taken out of ``furniture`` and put under ``keep`` (never learned
again), and a line can be added by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from anyascii import anyascii

LEARN_AT = 2
"""Imports a line must appear in before it counts as the outlet's furniture."""
MAX_SEEN = 5000
"""Lines kept in ``seen``: the most frequent, so a profile stays small after thousands of imports."""


@dataclass(frozen=True)
class Profile:
    """One outlet's learned furniture, the lines the editor keeps, and how often each short line was seen."""

    outlet: str
    furniture: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    seen: Mapping[str, int] = field(default_factory=dict)


def outlet_key(source_url: str | None, source_name: str | None) -> str | None:
    """The profile's name: the site's host (``www.`` dropped), else the outlet's name in ASCII."""
    if source_url:
        host = urlsplit(source_url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    if source_name:
        words = re.findall(r"[a-z0-9]+", re.sub(r"[`']", "", anyascii(source_name).lower()))
        return "-".join(words) or None
    return None


def profile_path(content_dir: Path, key: str) -> Path:
    return content_dir / "outlets" / f"{key}.yaml"


def load(path: Path, key: str) -> Profile:
    """The profile at ``path``; a missing file is an empty profile. Raises ``ValueError`` with ``path:line:col``."""
    if not path.exists():
        return Profile(key)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ValueError(f"{path}:{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}:1:1: expected a mapping with furniture, keep and seen")
    seen = data.get("seen") or {}
    return Profile(
        outlet=str(data.get("outlet") or key),
        furniture=tuple(str(x) for x in data.get("furniture") or ()),
        keep=tuple(str(x) for x in data.get("keep") or ()),
        seen={str(k): int(v) for k, v in seen.items()} if isinstance(seen, dict) else {},
    )


def learn(profile: Profile, candidates: Iterable[str]) -> tuple[Profile, tuple[str, ...]]:
    """The profile after one more import with these short lines, and the lines newly learned as furniture."""
    seen = dict(profile.seen)
    for key in dict.fromkeys(candidates):
        seen[key] = seen.get(key, 0) + 1
    known = set(profile.furniture) | set(profile.keep)
    new = tuple(key for key, count in seen.items() if count >= LEARN_AT and key not in known)
    if len(seen) > MAX_SEEN:
        seen = dict(sorted(seen.items(), key=lambda kv: -kv[1])[:MAX_SEEN])
    return Profile(profile.outlet, tuple(sorted(profile.furniture + new)), profile.keep, seen), new


def save(path: Path, profile: Profile) -> None:
    """Write the profile (sorted, so the file diffs cleanly under version control)."""
    body = {
        "outlet": profile.outlet,
        "furniture": sorted(profile.furniture),
        "keep": sorted(profile.keep),
        "seen": dict(sorted(profile.seen.items())),
    }
    header = (
        "# Lines this outlet prints on its pages, learned from imports (a line seen in "
        f"{LEARN_AT} imports joins furniture).\n"
        "# Move a line from furniture to keep to stop dropping it; add lines to furniture by hand.\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    text = header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=10_000)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
