"""Charts: SVG drawn at build time, mirrored for right-to-left pages, with a text alternative."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from digest.charts import FONT, WIDTH, Bar, Frame, column_chart, nice_top, periods, row_chart

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
    data = bars(5, 2, 7)
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
    assert "١٠" in ticks  # the axis top, 10


def label_xs(svg: ET.Element) -> list[float]:
    return sorted(float(t.get("x", "0")) for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label")


def test_many_bars_thin_their_labels_so_they_never_touch() -> None:
    data = bars(*range(1, 61))
    svg = parse(column_chart(data, frame(), str))
    xs = label_xs(svg)
    assert len(bars_of(svg)) == 60
    assert 1 < len(xs) < 60
    widest = max(len(b.label) for b in data) * FONT * 0.6
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= widest


def test_few_short_labels_are_all_shown() -> None:
    assert len(label_xs(parse(column_chart(bars(1, 0, 0, 0, 0, 2), frame(), str)))) == 6


def test_a_new_month_keeps_its_label_when_labels_are_thinned() -> None:
    data = [Bar(f"{d}", 1, "1", sublabel="Nov" if d == 1 else "") for d in (*range(20, 31), *range(1, 30))]
    svg = parse(column_chart(data, frame(), str))
    shown = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "chart__label"]
    assert "Nov" in shown and len(shown) < len(data)


@pytest.mark.parametrize(("value", "top"), [(0, 1), (1, 1), (3, 5), (6, 10), (10, 10), (11, 20), (230, 500)])
def test_nice_top(value: int, top: int) -> None:
    assert nice_top(value) == top


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
