"""The photo credit under the headline: recognised by label, agency name or script, then repaired.

Credits come labelled ("الصورة: رويترز"), as a caption ending in "(AFP)", or bare;
an English credit line under an Arabic headline is a credit by its place and script.
Scrapers glue credit words together ("WheatleyKeystone", "Globallookpress"), so the
credit is repaired and every repair is listed in ``guessed`` for the editor.
"""

from __future__ import annotations

import re

from .shape import is_placeholder
from .spelling import alternation, ends_sentence, fold, phrase_table, script_of
from .state import Line, Run

_CREDIT_LABELS = phrase_table("الصوره | صوره | تصوير | مصدر الصوره | photo | credit | image | photo credit")
_CREDIT_LABEL_RE = re.compile(
    r"^\(?\s*(?:(?:" + alternation(_CREDIT_LABELS) + r")\s*[:：]|©)\s*(?P<rest>[^()]{2,80}?)\s*\)?$", re.I
)
_CREDIT_WORDS = re.compile(
    r"(?<!\w)(?:globallookpress|global look press|reuters|afp|getty|gettyimages|epa|anadolu|shutterstock|keystone|"
    r"sputnik|tass|ria novosti|xinhua|imago|zuma|sipa|dpa|alamy|associated press|ap photo|press agency|images|"
    r"photo|pool|رويترز|فرانس برس|ا ف ب|ا\.ف\.ب|اف ب|اسوشيتد برس|اسوشييتد برس|غيتي|جيتي|الاناضول|سبوتنيك|"
    r"تاس|شينخوا|صوره ارشيفيه|ارشيفيه|من الارشيف|الصوره|تصوير|مواقع التواصل|وسائل التواصل|وكالات الانباء)(?!\w)"
)

# Credits: glued agency names and words that must not be split at their inner capital.
_GLUED_AGENCIES = {
    "globallookpress": "Global Look Press",
    "gettyimages": "Getty Images",
    "associatedpress": "Associated Press",
    "anadoluagency": "Anadolu Agency",
}
_AGENCIES = phrase_table("""
    Global Look Press | Getty Images | Associated Press | Anadolu Agency | Keystone Press Agency | Reuters | AFP | EPA
    Sputnik | TASS | Xinhua | Shutterstock | Imago | ZUMA Press | dpa
""")
_CAMEL_KEEP = frozenset({"WhatsApp", "YouTube", "LinkedIn", "TikTok", "PlayStation", "iPhone", "McDonald", "DeLuca"})
_CAPTION_RE = re.compile(r"\((?P<agency>[^()]{2,40})\)\s*$")
_CAMEL_SPLIT_RE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2,})")


def take_credit(run: Run, line: Line) -> bool:
    """Keep ``line`` as the image credit when it is one (the first credit found wins)."""
    text = line.text
    labelled = _CREDIT_LABEL_RE.match(text)
    if labelled and len(text.split()) <= 12:
        return _set_credit(run, line, labelled["rest"].strip())
    if run.body_started() or not run.title_decided or len(text) > 200:
        return False
    return _take_caption(run, line) or _take_bare_credit(run, line)


def _take_caption(run: Run, line: Line) -> bool:
    """A photo caption ending in "(agency)": the caption is dropped, the agency kept."""
    text = line.text
    caption = _CAPTION_RE.search(text)
    if not (caption and _CREDIT_WORDS.search(fold(caption["agency"])) and text.index("(") > 0):
        return False
    run.found.append(f"image caption {text[: caption.start()].strip()!r} (line {line.number}) dropped")
    return _set_credit(run, line, caption["agency"].strip())


def _take_bare_credit(run: Run, line: Line) -> bool:
    """A short unlabelled line naming an agency, or a Latin-script line under an Arabic headline."""
    text = line.text
    short = len(text.split()) <= 12 and not (ends_sentence(text) and text.endswith("."))
    if short and _CREDIT_WORDS.search(fold(text)):
        return _set_credit(run, line, text)
    latin = run.lang == "ar" and script_of(text) == "latin" and not is_placeholder(text)  # not ``{clean_title}``
    if short and latin and len(text.split()) <= 8:
        run.guessed.append(
            f"image credit recognised by its place under the headline and its script (line {line.number})"
        )
        return _set_credit(run, line, text)
    return False


def _set_credit(run: Run, line: Line, text: str) -> bool:
    repaired, repairs = repair_credit(text)
    run.credit_lines.append(line.number)
    if run.credit is None:
        run.credit = repaired
        run.found.append(f"image credit {repaired!r} (line {line.number})")
        for repair in repairs:
            run.guessed.append(f"image credit repaired: {repair} (line {line.number})")
    else:
        run.found.append(f"another image credit {repaired!r} (line {line.number}) not kept")
    return True


def repair_credit(text: str) -> tuple[str, list[str]]:
    """Undo the gluing scrapers do to credit lines: ``WheatleyKeystone``, ``Globallookpress``."""
    repairs: list[str] = []
    result = " ".join(_unglue(word, repairs) for word in text.split())
    result = _separate_leading_agency(result, repairs)
    return _separate_trailing_agency(result, repairs), repairs


def _unglue(word: str, repairs: list[str]) -> str:
    """A glued agency name spelled out, or a word split at an inner capital ("WheatleyKeystone")."""
    replacement = _GLUED_AGENCIES.get(word.lower())
    if replacement and replacement != word:
        repairs.append(f"{word!r} → {replacement!r}")
        return replacement
    if word in _CAMEL_KEEP:
        return word
    split = _CAMEL_SPLIT_RE.sub(" / ", word)
    if split != word:
        repairs.append(f"{word!r} → {split!r}")
    return split


def _separate_leading_agency(result: str, repairs: list[str]) -> str:
    """ "Reuters John Smith" → "Reuters / John Smith"."""
    for agency in _AGENCIES:
        if result.lower().startswith(agency.lower() + " ") and not re.match(r"\s*[/,\-–—|]", result[len(agency) :]):
            repairs.append(f"agency {agency!r} separated from the name after it")
            return result[: len(agency)] + " /" + result[len(agency) :]
    return result


def _separate_trailing_agency(result: str, repairs: list[str]) -> str:
    """ "John Smith Reuters" → "John Smith / Reuters"."""
    for agency in _AGENCIES:
        cut = len(result) - len(agency)
        if cut > 0 and result.lower().endswith(" " + agency.lower()) and not re.search(r"[/,\-–—|]\s*$", result[:cut]):
            if result[:cut].rstrip().endswith("/"):
                return result
            repairs.append(f"agency {agency!r} separated from the name before it")
            return result[:cut].rstrip() + " / " + result[cut:]
    return result
