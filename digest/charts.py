"""Small bar charts as inline SVG, drawn at build time.

A chart is a handful of rectangles and labels, so it is written here as text
rather than drawn by a library in the reader's browser: pages stay static, work
without JavaScript and cost nothing to display.

Two rules keep one drawing right for every reader:

- colours are never written into the SVG. Bars carry a class (and the entity type
  as ``data-type``), text uses ``currentColor``, so the stylesheet paints them for
  light, dark and print alike;
- text is never mirrored. In a right-to-left page the *coordinates* are mirrored
  instead (``x → WIDTH - x``): time runs from right to left, bars grow leftwards,
  and Arabic labels read normally. The SVG's ``direction`` follows the page, so
  ``text-anchor="start"`` means the reading start in both directions.

Everything shown is passed in already localised (labels, numbers in the page's
digits); this module only measures and draws. Output depends on its input alone,
and coordinates are rounded, so two builds write the same bytes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from .text.typeset import char_width, is_arabic, text_width

WIDTH = 320
"""Drawing width in SVG units; the stylesheet scales the SVG to its column."""
FONT = 13
"""Label size in SVG units: about 13-14 px on screen, as a chart is about 320-360 px wide
from phones to the two-column desktop layout."""


@dataclass(frozen=True)
class Bar:
    """One bar: its labels, its value, and the value as the page writes it."""

    label: str
    value: int
    value_text: str
    """``value`` in the page's language and digits (``12`` or ``١٢``)."""
    sublabel: str = ""
    """A second line under the axis label, e.g. the year under January."""
    kind: str = ""
    """An entity type, written as ``data-type`` so the bar takes that type's colour."""


@dataclass(frozen=True)
class Frame:
    """What every chart needs besides its bars."""

    title: str
    """The accessible name, also shown as the SVG's ``<title>``."""
    title_id: str
    """Element id of the ``<title>``, unique in the page (``aria-labelledby`` points at it)."""
    rtl: bool
    """Right-to-left page: mirror the coordinates."""


@dataclass(frozen=True)
class Period:
    """A stretch of time on the time axis and the number of things in it."""

    start: date
    unit: str
    """``day``, ``month`` or ``year``."""
    count: int


# -- time axis ---------------------------------------------------------------


def periods(days: Iterable[date]) -> tuple[Period, ...]:
    """Count ``days`` per day, month or year, with empty periods in between kept.

    The unit is the finest that keeps the axis readable: days for up to about six
    weeks, months for up to three years, years beyond. Empty periods stay so the
    axis is a true time scale (a gap in the news shows as a gap).
    """
    found = sorted(days)
    if not found:
        return ()
    first, last = found[0], found[-1]
    months = (last.year - first.year) * 12 + last.month - first.month
    if (last - first).days <= 45:
        unit, key = "day", (lambda d: d)
    elif months <= 36:
        unit, key = "month", (lambda d: d.replace(day=1))
    else:
        unit, key = "year", (lambda d: date(d.year, 1, 1))
    counts = Counter(key(d) for d in found)
    result = []
    current, end = key(first), key(last)
    while current <= end:
        result.append(Period(current, unit, counts.get(current, 0)))
        current = _next(current, unit)
    return tuple(result)


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return date.fromordinal(start.toordinal() + 1)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


# -- measuring -----------------------------------------------------------------

ARABIC_LINE = (1.4, 0.77)
"""Ascent and descent (in em) of a line of Arabic chart text: those of Noto Sans Arabic,
the first face of the Arabic pages' interface stack and the tallest of the stacks' faces.
Arabic hangs its dots, hamza and the tails of ي, ر and و well below the baseline; a
bar drawn right under a Latin-sized line covers them (في reads as فى)."""
LATIN_LINE = (1.1, 0.35)
"""Ascent and descent (in em) of a line of Latin chart text (system-ui faces: Noto Sans,
Segoe UI, Roboto and San Francisco all fit), room for descenders such as g, y and p."""


def label_width(text: str, size: float = FONT) -> float:
    """A generous estimate of the width of ``text`` drawn at ``size``, in SVG units.

    The build cannot know the reader's faces (``typeset.text_width``): a label judged
    to fit does fit, and one judged too long is shortened (``fit``) rather than run
    off the chart.
    """
    return text_width(text) * size


def fit(text: str, room: float, size: float = FONT) -> str:
    """``text``, or as much of it as fits in ``room`` followed by an ellipsis.

    The cut falls at the last space that keeps at least half the room filled, so a
    long name loses whole words ("وكالة الاستخبارات الوطنية…"), else between letters.
    """
    if label_width(text, size) <= room:
        return text
    budget = room - label_width("…", size)
    cut, used = 0, 0.0
    for i, char in enumerate(text):
        used += char_width(char) * size
        if used > budget:
            break
        cut = i + 1
    head = text[:cut]
    space = head.rstrip().rfind(" ")
    if space > 0 and label_width(head[:space], size) >= budget / 2:
        head = head[:space]
    return head.rstrip(" -–—،,") + "…"


def line_metrics(frame: Frame, texts: Iterable[str]) -> tuple[float, float]:
    """Ascent and descent, in SVG units, that every line of text in a chart gets.

    A right-to-left page draws its charts in its Arabic face, and a name in Arabic
    script may appear on any page, so either takes the Arabic line; otherwise the
    Latin one.
    """
    tall = frame.rtl or any(is_arabic(c) for text in texts for c in text)
    ascent, descent = ARABIC_LINE if tall else LATIN_LINE
    return ascent * FONT, descent * FONT


# -- drawing -------------------------------------------------------------------

TICK_STEPS = (1, 2, 5)


def nice_ticks(value: int, most: int = 4) -> tuple[int, ...]:
    """Evenly spaced axis ticks from 0 to ``value`` or just past it, in at most ``most`` steps.

    The step is the smallest 1, 2 or 5 × 10ⁿ (whole numbers only) that needs no more
    than ``most`` steps to reach ``value``, as d3's ``ticks`` chooses them; the last
    tick is the first multiple of the step at or above ``value`` (0, 2, 4, 6 for 5;
    0, 5, 10, 15 for 11). Four steps keep the tick labels of a 140-unit axis apart
    even in the Arabic face's tall lines.
    """
    if value <= 1:
        return (0, 1)
    power = 1
    while True:
        for base in TICK_STEPS:
            step = base * power
            count = -(-value // step)
            if count <= most:
                return tuple(step * i for i in range(count + 1))
        power *= 10


GAP = 3
"""Space between a text's line box and the bar or axis it belongs to."""


def _gridline(x: Callable[[float], float], start: float, end: float, y: float, middle: float, label: str) -> list[str]:
    """A gridline across the plot at height ``y`` and its tick label beside the axis."""
    return [
        f'<line class="chart__grid" x1="{_n(x(start))}" x2="{_n(x(end))}" y1="{_n(y)}" y2="{_n(y)}"/>',
        f'<text class="chart__tick" x="{_n(x(start - GAP - 2))}" y="{_n(y + middle)}" text-anchor="end">'
        f"{escape(label)}</text>",
    ]


def column_chart(bars: Sequence[Bar], frame: Frame, number: Callable[[int], str]) -> Markup:
    """Vertical bars along a time axis that runs in the reading direction.

    Gridlines mark evenly spaced ticks (``nice_ticks``, labelled with ``number``, the
    page's numerals); each bar shows its value above it while there is room, and
    axis labels are thinned so they never overlap. Every line of text gets the room
    of its face's ascent and descent (``line_metrics``), so no bar covers a label.
    """
    if not bars:
        return Markup("")
    ticks = nice_ticks(max(b.value for b in bars))
    top = ticks[-1]
    values = len(bars) <= 12
    labels = [b.label for b in bars] + [b.sublabel for b in bars] + [number(t) for t in ticks]
    ascent, descent = line_metrics(frame, labels)
    line = ascent + descent
    pad, plot_h = 8, 140
    axis = max(label_width(number(t)) for t in ticks) + 2 * GAP + 4
    top_pad = math.ceil((line + GAP if values else line / 2) + 1)
    # A second line (the month under a day) sits closer than a whole Arabic line: its
    # marks above and the digits' feet above it leave room enough for the ink.
    lead = min(line, 1.5 * FONT)
    height = math.ceil(top_pad + plot_h + GAP + line + (lead if any(b.sublabel for b in bars) else 0) + 1)
    plot_w = WIDTH - axis - pad
    base = top_pad + plot_h
    step = min(plot_w / len(bars), 40.0)
    width = max(step * 0.72, 1.0)
    labelled = _spaced(bars, step)
    x = _mirror(frame.rtl)
    parts = [_open(frame, height)]
    middle = (ascent - descent) / 2  # baseline offset that centres a line on a point
    for tick in ticks:
        parts.extend(_gridline(x, axis, WIDTH - pad, base - tick / top * plot_h, middle, number(tick)))
    for i, bar in enumerate(bars):
        start = axis + i * step + (step - width) / 2
        h = bar.value / top * plot_h
        centre = start + width / 2
        if bar.value:
            parts.append(
                f'<rect class="chart__bar"{_kind(bar)} x="{_n(_left(x, start, width))}" y="{_n(base - h)}"'
                f' width="{_n(width)}" height="{_n(h)}"/>'
            )
        if values and bar.value:
            parts.append(
                f'<text class="chart__value" x="{_n(x(_inside(centre, bar.value_text)))}"'
                f' y="{_n(base - h - GAP - descent)}" text-anchor="middle">{escape(bar.value_text)}</text>'
            )
        if i in labelled:
            for row, text in enumerate((bar.label, bar.sublabel)):
                if text:
                    y = base + GAP + ascent + row * lead
                    parts.append(
                        f'<text class="chart__label" x="{_n(x(_inside(centre, text)))}" y="{_n(y)}"'
                        f' text-anchor="middle">{escape(text)}</text>'
                    )
    parts.append("</svg>")
    return Markup("".join(parts))


def row_chart(bars: Sequence[Bar], frame: Frame) -> Markup:
    """Horizontal bars, one per row, each with its label above it and its value after it.

    Labels sit above the bars rather than beside them, so most names need no
    shortening and the chart still fits a phone's width; a name wider than the
    chart is cut with an ellipsis (``fit``) and keeps its full text as the label's
    ``<title>`` (a tooltip) and in the data table under the chart. A label's line
    gets its face's whole ascent and descent, so the bar under it never covers the
    dots and descenders of its last letters.
    """
    if not bars:
        return Markup("")
    ascent, descent = line_metrics(frame, (b.label for b in bars))
    line = ascent + descent
    bar_h, inset = 14, 1
    bar_y = inset + line + GAP  # from the top of the row
    value_box = max(bar_h, bar_h / 2 + line / 2)  # the value is centred on its bar
    row = math.ceil(bar_y + value_box + 4)
    value_w = max(label_width(b.value_text) for b in bars) + 3 * GAP
    top = max(b.value for b in bars) or 1
    length = WIDTH - value_w
    x = _mirror(frame.rtl)
    parts = [_open(frame, math.ceil(row * (len(bars) - 1) + bar_y + value_box + 1))]
    for i, bar in enumerate(bars):
        y = i * row
        w = max(bar.value / top * length, 1.0)
        shown = fit(bar.label, WIDTH - 2 * inset)
        tooltip = f"<title>{escape(bar.label)}</title>" if shown != bar.label else ""
        parts.append(
            f'<text class="chart__label" x="{_n(x(inset))}" y="{_n(y + inset + ascent)}" text-anchor="start">'
            f"{escape(shown)}{tooltip}</text>"
        )
        parts.append(
            f'<rect class="chart__bar"{_kind(bar)} x="{_n(_left(x, 0, w))}" y="{_n(y + bar_y)}"'
            f' width="{_n(w)}" height="{bar_h}"/>'
        )
        parts.append(
            f'<text class="chart__value" x="{_n(x(w + 2 * GAP))}"'
            f' y="{_n(y + bar_y + bar_h / 2 + (ascent - descent) / 2)}" text-anchor="start">'
            f"{escape(bar.value_text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _inside(centre: float, text: str) -> float:
    """``centre`` moved just enough for ``text`` centred on it to stay inside the chart."""
    half = label_width(text) / 2
    return min(max(centre, half), WIDTH - half)


def _spaced(bars: Sequence[Bar], step: float) -> frozenset[int]:
    """Indexes of the bars whose axis labels fit without touching their neighbours.

    Labels are thinned to every k-th bar, k from the widest label; a bar with a
    second line (a new month or year) always keeps its label, and regular labels
    too close to it give way. Second lines are rare (one per month or year), so
    only the first lines decide the spacing.
    """
    widest = max(label_width(b.label) for b in bars) + 8
    every = max(1, math.ceil(widest / step))
    marked = [i for i, b in enumerate(bars) if b.sublabel]
    regular = [i for i in range(0, len(bars), every) if all(abs(i - m) >= every for m in marked)]
    return frozenset(marked + regular)


def _open(frame: Frame, height: int) -> str:
    direction = "rtl" if frame.rtl else "ltr"
    return (
        f'<svg class="chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}"'
        f' role="img" aria-labelledby="{escape(frame.title_id)}" direction="{direction}"'
        f' font-size="{FONT}" fill="currentColor">'
        f'<title id="{escape(frame.title_id)}">{escape(frame.title)}</title>'
    )


def _mirror(rtl: bool) -> Callable[[float], float]:
    """Distance from the inline start → SVG x coordinate."""
    return (lambda s: WIDTH - s) if rtl else (lambda s: s)


def _left(x: Callable[[float], float], start: float, width: float) -> float:
    """The SVG x of a box ``width`` wide whose inline start is at ``start``."""
    return min(x(start), x(start + width))


def _kind(bar: Bar) -> str:
    return f' data-type="{escape(bar.kind)}"' if bar.kind else ""


def _n(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (stable text)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
