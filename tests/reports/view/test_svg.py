"""Inline SVG charts."""

from __future__ import annotations

import re

from reports.view.svg import OUTCOME_SERIES, stacked_bars


def test_chart_is_inline_svg_with_title_labels_and_totals() -> None:
    """The chart names itself, labels each row and writes each total as text."""
    svg = stacked_bars(
        "c1", "Outcomes <by process>", [("incident", (3, 1, 0, 2)), ("problem", (1, 0, 0, 0))]
    )
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert '<title id="c1-title">Outcomes &lt;by process&gt;</title>' in svg
    assert ">incident</text>" in svg and ">problem</text>" in svg
    assert ">6</text>" in svg and ">1</text>" in svg
    for series in OUTCOME_SERIES:
        assert f">{series.name}</text>" in svg


def test_chart_refers_to_nothing_outside_itself() -> None:
    """No href, no url(), no pattern: each segment is drawn, so it prints the same anywhere."""
    svg = stacked_bars("c2", "t", [("a", (1, 1, 1, 1))])
    assert not re.search(r"href|url\(|<pattern|<image", svg)


def test_segments_carry_textures_not_only_colour() -> None:
    """Failed segments are hatched and not-run segments dotted, for greyscale printing."""
    failed_only = stacked_bars("c3", "t", [("a", (0, 5, 0, 0))])
    not_run_only = stacked_bars("c4", "t", [("a", (0, 0, 0, 5))])
    assert failed_only.count("<line") > 10
    assert not_run_only.count("<circle") > 10


def test_empty_chart_still_renders() -> None:
    """No rows gives a legend-only chart, not an error."""
    assert stacked_bars("c5", "t", []).endswith("</svg>")
