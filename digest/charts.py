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


# -- drawing -------------------------------------------------------------------


def nice_top(value: int) -> int:
    """The axis maximum: the smallest 1, 2 or 5 × 10ⁿ that is at least ``value``."""
    if value <= 1:
        return 1
    power = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def column_chart(bars: Sequence[Bar], frame: Frame, number: Callable[[int], str]) -> Markup:
    """Vertical bars along a time axis that runs in the reading direction.

    Gridlines mark 0, half and the top of the axis (labelled with ``number``, the
    page's numerals); each bar shows its value above it while there is room, and
    axis labels are thinned so they never overlap.
    """
    if not bars:
        return Markup("")
    axis, pad, top_pad, plot_h, foot = 44, 8, 14, 140, 40
    plot_w = WIDTH - axis - pad
    height = top_pad + plot_h + foot
    base = top_pad + plot_h
    top = nice_top(max(b.value for b in bars))
    step = min(plot_w / len(bars), 40.0)
    width = max(step * 0.72, 1.0)
    labelled = _spaced(bars, step)
    x = _mirror(frame.rtl)
    parts = [_open(frame, height)]
    for tick in sorted({0, top // 2, top} if top > 1 else {0, 1}):
        y = base - tick / top * plot_h
        parts.append(
            f'<line class="chart__grid" x1="{_n(x(axis))}" x2="{_n(x(WIDTH - pad))}" y1="{_n(y)}" y2="{_n(y)}"/>'
        )
        parts.append(
            f'<text class="chart__tick" x="{_n(x(axis - 6))}" y="{_n(y + 4)}" text-anchor="end">'
            f"{escape(number(tick))}</text>"
        )
    for i, bar in enumerate(bars):
        start = axis + i * step + (step - width) / 2
        h = bar.value / top * plot_h
        centre = start + width / 2
        if bar.value:
            parts.append(
                f'<rect class="chart__bar"{_kind(bar)} x="{_n(_left(x, start, width))}" y="{_n(base - h)}"'
                f' width="{_n(width)}" height="{_n(h)}"/>'
            )
        if len(bars) <= 12 and bar.value:
            parts.append(
                f'<text class="chart__value" x="{_n(x(centre))}" y="{_n(base - h - 4)}" text-anchor="middle">'
                f"{escape(bar.value_text)}</text>"
            )
        if i in labelled:
            parts.append(
                f'<text class="chart__label" x="{_n(x(centre))}" y="{base + 17}" text-anchor="middle">'
                f"{escape(bar.label)}</text>"
            )
            if bar.sublabel:
                parts.append(
                    f'<text class="chart__label" x="{_n(x(centre))}" y="{base + 34}" text-anchor="middle">'
                    f"{escape(bar.sublabel)}</text>"
                )
    parts.append("</svg>")
    return Markup("".join(parts))


def row_chart(bars: Sequence[Bar], frame: Frame) -> Markup:
    """Horizontal bars, one per row, each with its label above it and its value after it.

    Labels sit above the bars rather than beside them, so long names need no
    truncation and the chart still fits a phone's width.
    """
    if not bars:
        return Markup("")
    row, label_h, bar_h, value_w = 42, 18, 14, 40
    top = max(b.value for b in bars) or 1
    length = WIDTH - value_w
    x = _mirror(frame.rtl)
    parts = [_open(frame, row * len(bars) + 4)]
    for i, bar in enumerate(bars):
        y = i * row
        w = max(bar.value / top * length, 1.0)
        parts.append(
            f'<text class="chart__label" x="{_n(x(0))}" y="{y + label_h - 4}" text-anchor="start">'
            f"{escape(bar.label)}</text>"
        )
        parts.append(
            f'<rect class="chart__bar"{_kind(bar)} x="{_n(_left(x, 0, w))}" y="{y + label_h}"'
            f' width="{_n(w)}" height="{bar_h}"/>'
        )
        parts.append(
            f'<text class="chart__value" x="{_n(x(w + 6))}" y="{y + label_h + bar_h - 2}" text-anchor="start">'
            f"{escape(bar.value_text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _spaced(bars: Sequence[Bar], step: float) -> frozenset[int]:
    """Indexes of the bars whose axis labels fit without touching their neighbours.

    Labels are thinned to every k-th bar, k from the widest label; a bar with a
    second line (a new month or year) always keeps its label, and regular labels
    too close to it give way. Second lines are rare (one per month or year), so
    only the first lines decide the spacing.
    """
    widest = max(len(b.label) for b in bars) * FONT * 0.6 + 8
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
