"""The theme's interface strings (``templates/i18n/<lang>.yaml``), read like content files:
positions kept and duplicate keys refused, so that a key is reported at its own line;
every language must have the same keys (a misspelt one is told with the key it stands
for), and plural variants name CLDR's categories."""

from __future__ import annotations

import difflib
from pathlib import Path

import jinja2

from ..diagnostics import Diagnostics, suggest
from ..i18n import PLURAL_FORMS
from . import frontmatter


def load_strings(folder: Path, languages: tuple[str, ...], diags: Diagnostics) -> dict[str, dict[str, str]]:
    """Interface strings per language; a language without a file or a missing key is an error.

    The files are read like content files (positions kept, duplicate keys refused), so that
    a key is reported at its own line.
    """
    table: dict[str, dict[str, str]] = {}
    places: dict[str, dict[str, tuple[int, int]]] = {}
    for lang in languages:
        shown = f"templates/i18n/{lang}.yaml"
        try:
            text = (folder / f"{lang}.yaml").read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            diags.error(shown, 0, 0, f"no interface strings for language '{lang}': add this file")
            continue
        except (OSError, UnicodeDecodeError) as exc:
            diags.error(shown, 0, 0, f"cannot read interface strings: {exc}")
            continue
        doc = frontmatter.load(text.replace("\r\n", "\n").replace("\r", "\n"), shown, diags)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            diags.error(shown, 1, 1, "interface strings are a mapping of keys to texts: 'key: \"text\"'")
            continue
        table[lang] = {str(k): str(v) for k, v in doc.data.items()}
        places[lang] = {str(k): doc.key_at((k,)) for k in doc.data}
        for key, (line, col) in places[lang].items():
            base, dot, form = key.partition(".")
            if dot and form not in PLURAL_FORMS:
                hint = suggest(form, PLURAL_FORMS)
                message = f"unknown plural form '{form}' in '{key}'{hint} (one of: {', '.join(PLURAL_FORMS)})"
                diags.error(shown, line, col, message)
    if len(table) > 1:
        _compare(table, places, theme_keys(folder.parent), diags)
    return table


def _compare(
    table: dict[str, dict[str, str]],
    places: dict[str, dict[str, tuple[int, int]]],
    used: frozenset[str],
    diags: Diagnostics,
) -> None:
    """Every language must have the same strings; a key only some files have is reported where
    it is written, with the key it may be a misspelling of, in place of that key's absence.

    With two languages a misspelt key and the key it stands for are each in one file only:
    the one the templates use is taken to be right. Between two keys no template uses
    (those the engine looks up itself), each file is told of its own.
    """
    # Plural variants (``key.one``, ``key.few`` …) differ by language; compare base keys.
    bases = {lang: {key.split(".")[0]: key for key in reversed(list(strings))} for lang, strings in table.items()}
    every = set().union(*bases.values())
    misspelt: set[str] = set()
    explained: dict[str, set[str]] = {lang: set() for lang in bases}
    for lang, keys in bases.items():
        missing = sorted(every - set(keys))
        for base in sorted(keys):
            lacking = [other for other, theirs in bases.items() if base not in theirs]
            close = difflib.get_close_matches(base, missing, n=1, cutoff=0.6)
            if not lacking or not close or (base in used and close[0] not in used):
                continue
            misspelt.add(base)
            explained[lang].add(close[0])
            files = ", ".join(f"{other}.yaml" for other in lacking)
            line, col = places[lang][keys[base]]
            diags.error(
                f"templates/i18n/{lang}.yaml",
                line,
                col,
                f"interface string '{base}' is not in {files} (did you mean '{close[0]}'?)",
            )
    for lang, keys in bases.items():
        for base in sorted(every - set(keys) - explained[lang] - misspelt):
            diags.error(f"templates/i18n/{lang}.yaml", 0, 0, f"missing interface string '{base}'")


def theme_keys(templates: Path) -> frozenset[str]:
    """The interface strings the theme's templates ask for by name (``t('key')``).

    A template with a syntax error is left out: the template check reports it.
    """
    env = jinja2.Environment()
    keys: set[str] = set()
    for path in sorted(templates.rglob("*")):
        if path.suffix not in (".html", ".xml") or not path.is_file():
            continue
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            continue
        for call in tree.find_all(jinja2.nodes.Call):
            name, args = call.node, call.args
            first = args[0] if args else None
            if isinstance(name, jinja2.nodes.Name) and name.name == "t" and isinstance(first, jinja2.nodes.Const):
                keys.add(str(first.value).split(".")[0])
    return frozenset(keys)
