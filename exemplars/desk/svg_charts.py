"""Charts drawn on the server as inline SVG: no JavaScript, prints as it shows.

Each function takes ``(label, value)`` pairs and returns safe markup with a
``<title>`` and ``role="img"`` so a screen reader announces the chart, and a
``<title>`` per bar so the exact number shows on hover.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#2e6f9e"
TEXT = "#1f2933"
GRID = "#d9dee3"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _scale(values: Sequence[int]) -> int:
    return max([*values, 1])


def horizontal_bars(
    items: Sequence[tuple[str, int]], *, title: str, width: int = 560, bar_height: int = 22
) -> SafeString:
    """One bar per item, label on the left, value at the bar's end (for categories)."""
    label_w, gap, top = 180, 6, 8
    height = top * 2 + max(1, len(items)) * (bar_height + gap)
    span = width - label_w - 50
    peak = _scale([v for _, v in items])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" class="report-chart" {FONT}>',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(items):
        y = top + i * (bar_height + gap)
        w = round(span * value / peak)
        short = label if len(label) <= 28 else label[:27] + "…"
        parts += [
            f'<text x="{label_w - 8}" y="{y + bar_height * 0.7:.1f}" text-anchor="end" '
            f'fill="{TEXT}">{escape(short)}</text>',
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_height}" fill="{BAR}">'
            f"<title>{escape(label)}: {value}</title></rect>",
            f'<text x="{label_w + w + 6}" y="{y + bar_height * 0.7:.1f}" fill="{TEXT}">{value}</text>',
        ]
    if not items:
        parts.append(f'<text x="{label_w}" y="{top + 14}" fill="{TEXT}">—</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label went through escape()


def columns(
    items: Sequence[tuple[str, int]], *, title: str, width: int = 560, height: int = 220
) -> SafeString:
    """Vertical columns left to right with labels underneath (for months)."""
    left, bottom, top = 30, 40, 16
    plot_h = height - bottom - top
    n = max(1, len(items))
    slot = (width - left - 8) / n
    bar_w = max(2.0, slot * 0.7)
    peak = _scale([v for _, v in items])
    step = max(1, round(n / 12))  # at most about twelve labels under the axis
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" class="report-chart" {FONT}>',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" '
        f'stroke="{GRID}"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" fill="{TEXT}">{peak}</text>',
    ]
    for i, (label, value) in enumerate(items):
        h = plot_h * value / peak
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BAR}">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
        if i % step == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'fill="{TEXT}">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label went through escape()
