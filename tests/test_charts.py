"""Charts: SVG drawn at build time, mirrored for right-to-left pages, with a text alternative."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from digest.charts import (
    ARABIC_LINE,
    FONT,
    LATIN_LINE,
    WIDTH,
    Bar,
    Frame,
    column_chart,
    label_width,
    nice_ticks,
    periods,
    row_chart,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def bars_of(svg: ET.Element) -> list[ET.Element]:
    return [el for el in svg.iter(f"{SVG}rect") if "chart__bar" in el.get("class", "")]


def bars(*values: int) -> list[Bar]:
    return [Bar(f"p{i}", v, str(v)) for i, v in enumerate(values)]


def frame(rtl: bool = False) -> Frame:
    return Frame("Mentions over time", "t1", rtl)


def test_column_heights_are_proportional_to_values() -> None:
    values = (3, 6, 1, 4)
    drawn = bars_of(parse(column_chart(bars(*values), frame(), str)))
    heights = [float(r.get("height", "0")) for r in drawn]
    assert len(heights) == len(values)
    unit = heights[0] / values[0]
    assert unit > 0
    for value, height in zip(values, heights, strict=True):
        assert height == pytest.approx(value * unit, abs=0.01)
    # Bars stand on one baseline.
    assert len({round(float(r.get("y", "0")) + float(r.get("height", "0")), 2) for r in drawn}) == 1


def test_row_lengths_are_proportional_and_the_longest_fills_the_row() -> None:
    values = (8, 4, 2)
    drawn = bars_of(parse(row_chart(bars(*values), frame())))
    widths = [float(r.get("width", "0")) for r in drawn]
    assert widths[0] == max(widths)
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.01)
    assert widths[2] == pytest.approx(widths[0] / 4, abs=0.01)


@pytest.mark.parametrize("draw", [lambda b, f: column_chart(b, f, str), row_chart], ids=["columns", "rows"])
def test_rtl_mirrors_coordinates_not_text(draw) -> None:  # type: ignore[no-untyped-def]
    # Arabic labels: both directions then give their lines the same (Arabic) room.
    data = [Bar(f"شهر {i}", v, str(v)) for i, v in enumerate((5, 2, 7))]
    ltr, rtl = parse(draw(data, frame(False))), parse(draw(data, frame(True)))
    assert ltr.get("direction") == "ltr" and rtl.get("direction") == "rtl"
    for a, b in zip(bars_of(ltr), bars_of(rtl), strict=True):
        left, width = float(a.get("x", "0")), float(a.get("width", "0"))
        assert float(b.get("x", "0")) == pytest.approx(WIDTH - left - width, abs=0.01)
        assert b.get("y") == a.get("y") and b.get("height") == a.get("height")
    # Text is placed at mirrored points and never flipped by a transform.
    ltr_text = [(t.text, float(t.get("x", "0"))) for t in ltr.iter(f"{SVG}text")]
    rtl_text = [(t.text, float(t.get("x", "0"))) for t in rtl.iter(f"{SVG}text")]
    assert [t for t, _ in ltr_text] == [t for t, _ in rtl_text]
    for (_, x1), (_, x2) in zip(ltr_text, rtl_text, strict=True):
        assert x2 == pytest.approx(WIDTH - x1, abs=0.01)
    assert "transform" not in str(draw(data, frame(True)))


def test_time_runs_in_reading_direction() -> None:
    data = bars(1, 2, 3)
    ltr = [float(r.get("x", "0")) for r in bars_of(parse(column_chart(data, frame(False), str)))]
    rtl = [float(r.get("x", "0")) for r in bars_of(parse(column_chart(data, frame(True), str)))]
    assert ltr == sorted(ltr) and rtl == sorted(rtl, reverse=True)


def test_empty_data_draws_nothing() -> None:
    assert str(column_chart([], frame(), str)) == ""
    assert str(row_chart([], frame())) == ""
    assert periods([]) == ()


def test_zero_values_draw_no_bar_but_keep_their_place() -> None:
    svg = parse(column_chart(bars(2, 0, 2), frame(), str))
    drawn = bars_of(svg)
    assert len(drawn) == 2
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label"]
    assert labels == ["p0", "p1", "p2"]


def test_labels_and_title_are_escaped() -> None:
    nasty = '<script>alert("x")</script> & co'
    data = [Bar(nasty, 3, "3", sublabel="<b>", kind='x" onload="y')]
    for markup in (column_chart(data, Frame(nasty, "t<1>", False), str), row_chart(data, Frame(nasty, "t", True))):
        text = str(markup)
        assert "<script>" not in text and "<b>" not in text and 'onload="y"' not in text
        svg = parse(text)  # well-formed: the escaped text survives as text
        assert svg.find(f"{SVG}title").text == nasty  # type: ignore[union-attr]
        assert nasty in [t.text for t in svg.iter(f"{SVG}text")]


def test_chart_is_an_image_named_by_its_title_and_painted_by_the_stylesheet() -> None:
    markup = str(column_chart(bars(1, 2), Frame("Mentions", "chart-a", False), str))
    svg = parse(markup)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-a"
    assert svg.find(f"{SVG}title").get("id") == "chart-a"  # type: ignore[union-attr]
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(", markup), "colours belong to the stylesheet"
    kinds = parse(row_chart([Bar("NATO", 2, "2", kind="organization")], frame()))
    assert bars_of(kinds)[0].get("data-type") == "organization"


def test_tick_labels_use_the_given_numerals() -> None:
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    svg = parse(column_chart(bars(3, 8), frame(True), lambda n: str(n).translate(arabic)))
    ticks = [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__tick"]
    assert ticks and all(not re.search(r"[0-9]", t) for t in ticks)
    assert ticks == ["٠", "٢", "٤", "٦", "٨"]  # 0 to 8 in steps of 2


def label_xs(svg: ET.Element) -> list[float]:
    return sorted(float(t.get("x", "0")) for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label")


def test_many_bars_thin_their_labels_so_they_never_touch() -> None:
    data = bars(*range(1, 61))
    svg = parse(column_chart(data, frame(), str))
    xs = label_xs(svg)
    assert len(bars_of(svg)) == 60
    assert 1 < len(xs) < 60
    widest = max(label_width(b.label) for b in data)
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= widest


def test_few_short_labels_are_all_shown() -> None:
    assert len(label_xs(parse(column_chart(bars(1, 0, 0, 0, 0, 2), frame(), str)))) == 6


def test_a_new_month_keeps_its_label_when_labels_are_thinned() -> None:
    data = [Bar(f"{d}", 1, "1", sublabel="Nov" if d == 1 else "") for d in (*range(20, 31), *range(1, 30))]
    svg = parse(column_chart(data, frame(), str))
    shown = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label"]
    assert "Nov" in shown and len(shown) < len(data)


@pytest.mark.parametrize(
    ("value", "ticks"),
    [
        (0, (0, 1)),
        (1, (0, 1)),
        (3, (0, 1, 2, 3)),
        (4, (0, 1, 2, 3, 4)),
        (5, (0, 2, 4, 6)),
        (6, (0, 2, 4, 6)),
        (10, (0, 5, 10)),
        (11, (0, 5, 10, 15)),
        (230, (0, 100, 200, 300)),
        (1999, (0, 500, 1000, 1500, 2000)),
    ],
)
def test_nice_ticks_are_evenly_spaced_steps_of_1_2_or_5(value: int, ticks: tuple[int, ...]) -> None:
    assert nice_ticks(value) == ticks


def tick_values(svg: ET.Element) -> list[int]:
    return [int(t.text or "") for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__tick"]


@pytest.mark.parametrize("top", [1, 2, 3, 5, 6, 7, 9, 12, 17, 40, 99, 230])
def test_axis_ticks_are_evenly_spaced_and_their_gridlines_too(top: int) -> None:
    """The axis once read 0, 2, 5 (half of 5, rounded down): ticks now share one step."""
    svg = parse(column_chart(bars(1, top), frame(), str))
    ticks = tick_values(svg)
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert ticks[0] == 0 and ticks[-1] >= top and len(steps) == 1, ticks
    step = steps.pop()
    assert step // 10 ** (len(str(step)) - 1) in (1, 2, 5) and step % 10 ** (len(str(step)) - 1) == 0
    ys = [float(g.get("y1", "0")) for g in svg.iter(f"{SVG}line") if g.get("class") == "chart__grid"]
    gaps = {round(a - b, 1) for a, b in zip(ys, ys[1:], strict=False)}
    assert len(ys) == len(ticks) and len(gaps) == 1


def text_boxes(svg: ET.Element, rtl: bool, cls: str, tall: bool) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom, text) of each text of class ``cls``, from the estimated width
    and the room of an Arabic (``tall``) or Latin line."""
    ascent, descent = ARABIC_LINE if tall else LATIN_LINE
    boxes = []
    for t in svg.iter(f"{SVG}text"):
        if t.get("class") != cls:
            continue
        x, y, text = float(t.get("x", "0")), float(t.get("y", "0")), t.text or ""
        width = label_width(text)
        anchor = t.get("text-anchor")
        start_is_left = not rtl
        if anchor == "middle":
            left = x - width / 2
        elif (anchor == "start") == start_is_left:
            left = x
        else:
            left = x - width
        boxes.append((left, y - ascent * FONT, left + width, y + descent * FONT, text))
    return boxes


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_row_labels_have_room_for_descenders_above_their_bars(rtl: bool) -> None:
    """Bars were drawn over the lower part of their labels (في read as فى, descenders lost)."""
    names = ["في بروكسل", "إيران", "Paying guy"]
    svg = parse(row_chart([Bar(n, 3 - i, str(3 - i)) for i, n in enumerate(names)], frame(rtl)))
    height = float(svg.get("viewBox", "").split()[3])
    labels = text_boxes(svg, rtl, "chart__label", True)  # Arabic names take the Arabic line on any page
    drawn = bars_of(svg)
    for (left, top, right, bottom, _), bar in zip(labels, drawn, strict=True):
        assert top >= 0 and left >= 0 and right <= WIDTH and bottom <= height
        assert bottom <= float(bar.get("y", "0")), "the bar covers its label's descenders"


def test_latin_rows_keep_room_for_descenders() -> None:
    svg = parse(row_chart([Bar("Gypsy policy", 2, "2"), Bar("JQuery", 1, "1")], frame()))
    labels = text_boxes(svg, False, "chart__label", False)
    for (_, top, _, bottom, _), bar in zip(labels, bars_of(svg), strict=True):
        assert top >= 0 and bottom <= float(bar.get("y", "0"))


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_column_chart_text_stays_inside_and_off_the_bars(rtl: bool) -> None:
    data = [
        Bar(str(d), v, str(v), sublabel="أكتوبر" if d == 23 else "")
        for d, v in zip(range(23, 29), (6, 0, 0, 0, 0, 4), strict=True)
    ]
    svg = parse(column_chart(data, frame(rtl), str))
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    rects = [
        (
            float(r.get("x", "0")),
            float(r.get("y", "0")),
            float(r.get("x", "0")) + float(r.get("width", "0")),
            float(r.get("y", "0")) + float(r.get("height", "0")),
        )
        for r in bars_of(svg)
    ]
    for cls in ("chart__label", "chart__value", "chart__tick"):
        for left, top, right, bottom, text in text_boxes(svg, rtl, cls, True):
            assert left >= 0 and top >= 0 and right <= width and bottom <= height, (cls, text)
            for x1, y1, x2, y2 in rects:
                assert right <= x1 or left >= x2 or bottom <= y1 or top >= y2, (cls, text)


def test_a_name_too_long_for_the_chart_is_shortened_and_kept_whole_in_its_title() -> None:
    long = "الهيئة الوطنية المستقلة للرقابة على الانتخابات البرلمانية والرئاسية والبلدية في الجمهورية"
    svg = parse(row_chart([Bar(long, 2, "2"), Bar("روسيا", 1, "1")], frame(True)))
    labels = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label"]
    shown = labels[0].text or ""
    assert shown.endswith("…") and long.startswith(shown[:-1].rstrip())
    assert label_width(shown) <= WIDTH
    assert labels[0].find(f"{SVG}title").text == long  # type: ignore[union-attr]
    assert labels[1].text == "روسيا" and labels[1].find(f"{SVG}title") is None
    # Cut between words: the shortened label ends with a whole word.
    assert shown[:-1].rstrip() in [long[:i] for i, c in enumerate(long) if c == " "]


def test_periods_fill_gaps_and_pick_a_unit_by_span() -> None:
    days = [date(2024, 10, 23), date(2024, 10, 23), date(2024, 10, 28)]
    found = periods(days)
    assert [p.unit for p in found] == ["day"] * 6
    assert [p.count for p in found] == [2, 0, 0, 0, 0, 1]
    months = periods([date(2024, 1, 5), date(2024, 11, 30), date(2024, 11, 2)])
    assert {p.unit for p in months} == {"month"}
    assert [p.start for p in months][:2] == [date(2024, 1, 1), date(2024, 2, 1)]
    assert len(months) == 11 and months[-1].count == 2
    years = periods([date(2019, 6, 1), date(2024, 1, 1)])
    assert [p.start.year for p in years] == [2019, 2020, 2021, 2022, 2023, 2024]
    assert sum(p.count for p in years) == 2


def test_month_periods_cross_the_year() -> None:
    found = periods([date(2023, 11, 10), date(2024, 2, 1)])
    assert [(p.start.year, p.start.month) for p in found] == [(2023, 11), (2023, 12), (2024, 1), (2024, 2)]


# -- on the built site ---------------------------------------------------------


def charts_in(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<figure class="chart" id="[^"]+">.*?</figure>', html, re.S)


def test_entity_page_has_both_charts_with_data_tables(sample_site: Path) -> None:
    for lang in ("ar", "en"):
        figures = charts_in(sample_site / lang / "entities" / "russia" / "index.html")
        assert len(figures) == 2
        for figure in figures:
            svg = re.search(r"<svg.*?</svg>", figure, re.S)
            assert svg is not None
            drawn = parse(svg.group(0))
            assert drawn.get("direction") == ("rtl" if lang == "ar" else "ltr")
            rows = re.findall(r'<tr><th scope="row"[^>]*>', figure)
            assert rows and len(rows) <= len(bars_of(drawn))
            assert "<details" in figure


def test_timeline_counts_match_the_entity_mentions(sample_site: Path) -> None:
    page = sample_site / "en" / "entities" / "russia" / "index.html"
    html = page.read_text(encoding="utf-8")
    total = sum(int(n) for n in re.findall(r"<td>(\d+)</td>", charts_in(page)[0]))
    stated = re.search(r"<dd>(\d+) mentions?</dd>", html)
    assert stated is not None and total == int(stated.group(1))


def test_arabic_axis_labels_are_arabic_and_time_runs_right_to_left(sample_site: Path) -> None:
    figure = charts_in(sample_site / "ar" / "entities" / "russia" / "index.html")[0]
    svg = parse(re.search(r"<svg.*?</svg>", figure, re.S).group(0))  # type: ignore[union-attr]
    labels = [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label"]
    assert any(re.search(r"[\u0600-\u06ff]", label) for label in labels)  # a month name in Arabic
    xs = [float(r.get("x", "0")) for r in bars_of(svg)]
    assert xs == sorted(xs, reverse=True)
