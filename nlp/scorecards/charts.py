"""Inline SVG charts, built as strings.

Every text that goes into a chart passes through :func:`_t` (escaped); numbers are formatted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = {
    "completeness": "#1f4e79",
    "specificity": "#7fa7c9",
    "evidenced": "#1b7a3d",
    "described": "#5aae61",
    "mentioned": "#b8dcb0",
    "missing": "#e3e6ea",
    "axis": "#8a94a3",
    "grid": "#e8ebef",
    "text": "#1f2933",
    "muted": "#5f6b7a",
}
GRADE_COLOURS = {"A": "#1b7a3d", "B": "#5aae61", "C": "#d4a017", "D": "#e07b24", "E": "#c0392b"}
NO_GRADE = "#9aa5b1"
FONT = 'font-family="inherit"'


def grade_colour(letter: str | None) -> str:
    """Colour of a grade letter (grey when there is none)."""
    return GRADE_COLOURS.get(letter or "", NO_GRADE)


@dataclass(frozen=True)
class BarRow:
    """A framework's two scores for :func:`score_bars`."""

    name: str
    completeness: float
    specificity: float
    baseline: bool = False


def _t(text: object) -> str:
    """Escape a text for SVG content or an attribute value."""
    return str(escape(str(text)))


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{_t(label)}" {FONT}>'
    )
    return Markup(head + "".join(body) + "</svg>")  # every text above went through _t


def _legend(x: float, key_colour: str, text: str) -> str:
    return (
        f'<rect x="{x:g}" y="6" width="11" height="11" rx="2" fill="{key_colour}" stroke="#c9ced6"/>'
        f'<text x="{x + 16:g}" y="15" font-size="12" fill="{PALETTE["text"]}">{_t(text)}</text>'
    )


def score_bars(rows: Sequence[BarRow], width: int = 680) -> Markup:
    """Horizontal bars: completeness and specificity (0-100) per framework, the baseline in bold."""
    label_w, value_w, bar_h, gap = 190, 44, 11, 14
    scale = (width - label_w - value_w) / 100
    top = 26
    height = top + len(rows) * (2 * bar_h + gap) + 18
    body = [
        _legend(label_w, PALETTE["completeness"], "Completeness"),
        _legend(label_w + 130, PALETTE["specificity"], "Specificity"),
    ]
    for tick in range(0, 101, 25):
        x = label_w + tick * scale
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{height - 16}" stroke="{PALETTE["grid"]}"/>'
            f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle" '
            f'fill="{PALETTE["muted"]}">{tick}</text>'
        )
    for n, row in enumerate(rows):
        y = top + n * (2 * bar_h + gap)
        weight = "700" if row.baseline else "400"
        name = row.name + (" (baseline)" if row.baseline else "")
        body.append(
            f'<text x="0" y="{y + bar_h + 4:.1f}" font-size="12" font-weight="{weight}" fill="{PALETTE["text"]}">'
            f"{_t(name)}</text>"
        )
        for k, key in enumerate(("completeness", "specificity")):
            value = max(0.0, min(100.0, float(getattr(row, key))))
            yy = y + k * bar_h
            body.append(
                f'<rect x="{label_w}" y="{yy}" width="{max(value * scale, 1.5):.1f}" height="{bar_h - 1}" '
                f'fill="{PALETTE[key]}"><title>{key}: {value:g}</title></rect>'
                f'<text x="{label_w + value * scale + 4:.1f}" y="{yy + bar_h - 2}" font-size="10" '
                f'fill="{PALETTE["muted"]}">{value:g}</text>'
            )
    return _svg(width, height, "Completeness and specificity per framework", body)


@dataclass(frozen=True)
class CoverageCell:
    """One criterion for :func:`criteria_coverage`: its level (None when missing) and title."""

    title: str
    level: str | None
    points: float
    max_points: float


def criteria_coverage(rows: Sequence[tuple[str, Sequence[CoverageCell]]], width: int = 680) -> Markup:
    """One row of squares per framework, one square per applicable criterion, coloured by the level reached."""
    label_w, size, gap, row_h = 190, 18, 4, 28
    top = 26
    height = top + len(rows) * row_h + 4
    body = [
        _legend(label_w + 110 * i, PALETTE[k], k)
        for i, k in enumerate(("evidenced", "described", "mentioned", "missing"))
    ]
    for n, (name, cells) in enumerate(rows):
        y = top + n * row_h
        body.append(f'<text x="0" y="{y + 14}" font-size="12" fill="{PALETTE["text"]}">{_t(name)}</text>')
        for k, cell in enumerate(cells):
            status = cell.level or "missing"
            body.append(
                f'<rect x="{label_w + k * (size + gap)}" y="{y}" width="{size}" height="{size}" rx="3" '
                f'fill="{PALETTE.get(status, PALETTE["missing"])}" stroke="#c9ced6"><title>{_t(cell.title)}: '
                f"{_t(status)} ({cell.points:g} of {cell.max_points:g} points)</title></rect>"
            )
    return _svg(width, height, "Criteria coverage per framework", body)


def ladder(level: int, titles: Sequence[str], width: int = 420) -> Markup:
    """The Xinjiang ladder as a staircase: rungs 1-5, those reached filled."""
    step_w, base_h, rise = (width - 10) // 5, 22, 16
    height = base_h + 4 * rise + 22
    body = []
    for i in range(5):
        rung, h, x = i + 1, base_h + i * rise, i * step_w
        reached = rung <= level
        fill = "#1f4e79" if reached else "#e8ebef"
        colour = "#ffffff" if reached else PALETTE["muted"]
        title = titles[i] if i < len(titles) else ""
        body.append(
            f'<rect x="{x}" y="{height - 18 - h}" width="{step_w - 4}" height="{h}" rx="3" fill="{fill}">'
            f"<title>Level {rung}: {_t(title)}</title></rect>"
            f'<text x="{x + (step_w - 4) / 2:g}" y="{height - 24}" font-size="13" font-weight="700" '
            f'text-anchor="middle" fill="{colour}">{rung}</text>'
        )
    body.append(
        f'<text x="0" y="{height - 3}" font-size="11" fill="{PALETTE["muted"]}">'
        "0 = no mention · 5 = outcomes reported</text>"
    )
    return _svg(width, height, f"Xinjiang ladder: level {int(level)} of 5", body)


def column_chart(
    bars: Sequence[tuple[str, int, str]], title: str, width: int = 320, height: int = 180, x_title: str = ""
) -> Markup:
    """Vertical bars with counts: (label, count, colour) each."""
    top, bottom, left = 34, 34 if x_title else 22, 6  # top: room for the title and the tallest count
    plot_h = height - top - bottom
    peak = max((c for _, c, _ in bars), default=0) or 1
    slot = (width - 2 * left) / max(len(bars), 1)
    body = [
        f'<text x="0" y="13" font-size="12" font-weight="700" fill="{PALETTE["text"]}">{_t(title)}</text>',
        f'<line x1="{left}" x2="{width - left}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{PALETTE["axis"]}"/>',
    ]
    for i, (label, count, colour) in enumerate(bars):
        h = plot_h * count / peak
        x = left + i * slot + slot * 0.12
        w = slot * 0.76
        body.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{w:.1f}" height="{max(h, 0.5):.1f}" '
            f'fill="{_t(colour)}"><title>{_t(label)}: {int(count)}</title></rect>'
            f'<text x="{x + w / 2:.1f}" y="{top + plot_h - h - 4:.1f}" font-size="10" text-anchor="middle" '
            f'fill="{PALETTE["text"]}">{int(count)}</text>'
            f'<text x="{x + w / 2:.1f}" y="{top + plot_h + 13}" font-size="10" text-anchor="middle" '
            f'fill="{PALETTE["muted"]}">{_t(label)}</text>'
        )
    if x_title:
        body.append(
            f'<text x="{width / 2:g}" y="{height - 3}" font-size="10" text-anchor="middle" '
            f'fill="{PALETTE["muted"]}">{_t(x_title)}</text>'
        )
    return _svg(width, height, title, body)
