"""Inline SVG charts: colour plus a texture per series, so they read in greyscale too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Series:
    """One kind of bar segment: its name, colour and greyscale-safe texture."""

    name: str
    colour: str
    pattern: str  # "solid", "hatch", "cross" or "dots"


#: Execution outcomes, in stacking order.
OUTCOME_SERIES: tuple[Series, ...] = (
    Series("Passed", "#2e7d32", "solid"),
    Series("Failed", "#c62828", "hatch"),
    Series("Blocked", "#ef6c00", "cross"),
    Series("Not run", "#9e9e9e", "dots"),
)

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
LABEL_WIDTH = 190
BAR_WIDTH = 520
TOTAL_WIDTH = 70
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LEGEND_HEIGHT = 30


def _texture(series: Series, x: float, y: float, width: float, height: float) -> str:
    """White marks drawn over a segment so each series reads without colour.

    Drawn as plain lines and dots clipped by arithmetic, not as SVG patterns, so browsers
    and WeasyPrint print them alike.
    """
    marks: list[str] = []
    step = 7.0
    if series.pattern in ("hatch", "cross"):
        slopes = (1, -1) if series.pattern == "cross" else (1,)
        for slope in slopes:
            offset = -height
            while offset < width:
                # the line through (x + offset, y + height) rising at 45° (or falling)
                x0, x1 = max(offset, 0.0), min(offset + height, width)
                if x1 > x0:
                    if slope == 1:
                        ya, yb = height - (x0 - offset), height - (x1 - offset)
                    else:
                        ya, yb = x0 - offset, x1 - offset
                    marks.append(
                        f'<line x1="{x + x0:.2f}" y1="{y + ya:.2f}" x2="{x + x1:.2f}" '
                        f'y2="{y + yb:.2f}" stroke="#fff" stroke-width="1.4"/>'
                    )
                offset += step
    elif series.pattern == "dots":
        cy = y + 3.5
        while cy < y + height - 1:
            cx = x + 3.5
            while cx < x + width - 1:
                marks.append(f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="1.3" fill="#fff"/>')
                cx += step
            cy += step
    return "".join(marks)


def _segment(series: Series, x: float, y: float, width: float, height: float) -> str:
    """A filled, textured rectangle."""
    return (
        f'<rect x="{x:.2f}" y="{y:.2f}" width="{width:.2f}" height="{height:.2f}" '
        f'fill="{series.colour}"/>' + _texture(series, x, y, width, height)
    )


def _count(x: float, y: float, count: int) -> str:
    """A count on a white label, legible over any fill and in greyscale."""
    width = 7 * len(str(count)) + 6
    return (
        f'<rect x="{x - width / 2:.2f}" y="{y + 3}" width="{width}" height="12" rx="2" '
        f'fill="#fff" fill-opacity="0.9"/>'
        f'<text x="{x:.2f}" y="{y + 13}" text-anchor="middle" fill="#111" font-size="11" '
        f'font-weight="bold">{count}</text>'
    )


def stacked_bars(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[Series] = OUTCOME_SERIES,
) -> Markup:
    """Horizontal stacked bars, one per row, scaled to the largest total, with a legend.

    Each row is (label, counts per series). Counts are written inside segments wide
    enough to hold them and the total at the end of the bar, so no value depends on colour.
    `chart_id` names the chart's title element for screen readers.
    """
    scale = max((sum(counts) for _, counts in rows), default=0) or 1
    height = LEGEND_HEIGHT + ROW_HEIGHT * max(len(rows), 1) + 6
    width = LABEL_WIDTH + BAR_WIDTH + TOTAL_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="{FONT}" font-size="12" aria-labelledby="{chart_id}-title">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    x = LABEL_WIDTH
    for s in series:
        parts.append(
            _segment(s, x, 6, 14, 14)
            + f'<rect x="{x}" y="6" width="14" height="14" fill="none" stroke="#333" '
            'stroke-width="0.5"/>'
            f'<text x="{x + 19}" y="17.5" fill="#222">{escape(s.name)}</text>'
        )
        x += 30 + 7 * len(s.name)
    for row, (label, counts) in enumerate(rows):
        y = LEGEND_HEIGHT + row * ROW_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" text-anchor="end" fill="#222">'
            f"{escape(label)}</text>"
        )
        left = float(LABEL_WIDTH)
        for i, count in enumerate(counts):
            if not count:
                continue
            span = BAR_WIDTH * count / scale
            parts.append(_segment(series[i], left, y, span, BAR_HEIGHT))
            if span >= 7 * len(str(count)) + 10:
                parts.append(_count(left + span / 2, y, count))
            left += span
        parts.append(f'<text x="{left + 6:.2f}" y="{y + 13}" fill="#222">{sum(counts)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
