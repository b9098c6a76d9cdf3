"""Static SVG charts for the corpus report, written by hand.

Why not matplotlib: it would add a large dependency (and its own wheels) to
an offline wheelhouse for two simple charts; its SVG draws text as paths
unless configured, and it gives no ``<title>``/``<desc>`` for screen readers.
These charts are a few lines of markup each: inline in the page (no
external assets, no ``xmlns`` URL needed in HTML), deterministic, printable,
with real text.

Accessibility: every chart has ``role="img"`` with ``<title>`` and
``<desc>`` (the page adds a data table next to it); series differ in marker
shape, dash pattern and fill pattern, and are named in a legend, so no
information depends on colour alone; every colour has at least 4.5:1
contrast against white.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

#: (colour, dash pattern, marker) per line; colours ≥ 4.5:1 on white
LINE_STYLES = (
    ("#1f4e79", "", "circle"),
    ("#a1133a", "8 4", "square"),
    ("#1e6b1e", "2 3", "triangle"),
    ("#6b4400", "10 3 2 3", "diamond"),
    ("#5b2aa8", "4 4", "cross"),
    ("#00665e", "12 2", "plus"),
)
TEXT = "#1b1b1b"
GRID = "#767676"  # axis and grid lines: 4.5:1 on white
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'


def _x(value: str) -> str:
    return escape(str(value), {'"': "&quot;"})


def number(value: float, digits: int = 1, strip: bool = True) -> str:
    """German format (1.234,5); ``strip``: 25,0 -> 25 (for axis labels)."""
    text = f"{value:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if strip and digits and text.endswith("," + "0" * digits):
        text = text[: -digits - 1]
    return text


def nice_ceiling(value: float) -> float:
    """A round upper end for an axis (1, 2, 2.5, 5 or 10 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    r = 4.5
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if kind == "triangle":
        return (f'<polygon points="{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} {x + r + 1:.1f},{y + r:.1f}" '
                f'fill="{colour}"/>')
    if kind == "diamond":
        return (f'<polygon points="{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} '
                f'{x - r - 1:.1f},{y:.1f}" fill="{colour}"/>')
    if kind == "cross":
        return (f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}L{x + r:.1f},'
                f'{y - r:.1f}" stroke="{colour}" stroke-width="2.5"/>')
    return (f'<path d="M{x - r - 1:.1f},{y:.1f}H{x + r + 1:.1f}M{x:.1f},{y - r - 1:.1f}V{y + r + 1:.1f}" '
            f'stroke="{colour}" stroke-width="2.5"/>')


def _head(ident: str, title: str, desc: str, width: int, height: int) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" {FONT} font-size="13" fill="{TEXT}">',
        f'<title id="{ident}-title">{_x(title)}</title>',
        f'<desc id="{ident}-desc">{_x(desc)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def _y_axis(parts: list[str], top: float, left: float, right: float, plot_h: float, y_max: float,
            suffix: str = "") -> None:
    for step in range(5):
        value = y_max * step / 4
        y = top + plot_h - plot_h * step / 4
        dash = "" if step == 0 else ' stroke-dasharray="2 3"'
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" '
                     f'stroke-width="{1 if step == 0 else 0.5}"{dash}/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_x(number(value))}{suffix}</text>')


def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def line_chart(ident: str, title: str, desc: str, x_labels: list[str], series: list[tuple[str, list]],
               y_label: str) -> str:
    """Lines over runs; ``series``: (name, values with None for gaps)."""
    width, left, right_margin, top = 760, 64, 20, 20
    plot_h = 240
    legend_rows = math.ceil(len(series) / 2)
    height = top + plot_h + 56 + 22 * legend_rows
    right = width - right_margin
    values = [v for _, vs in series for v in vs if v is not None]
    y_max = nice_ceiling(max(values) if values else 1.0)
    parts = _head(ident, title, desc, width, height)
    _y_axis(parts, top, left, right, plot_h, y_max)
    parts.append(f'<text x="14" y="{top + plot_h / 2:.1f}" transform="rotate(-90 14 {top + plot_h / 2:.1f})" '
                 f'text-anchor="middle">{_x(y_label)}</text>')
    count = len(x_labels)
    span = right - left - 40

    def x_of(i: int) -> float:
        return left + 20 + (span * i / (count - 1) if count > 1 else span / 2)

    every = max(1, math.ceil(count / 10))
    for i, label in enumerate(x_labels):
        if i % every == 0 or i == count - 1:
            parts.append(f'<text x="{x_of(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle">{_x(_short(label))}</text>')
    for number_, (name, vs) in enumerate(series):
        colour, dash, marker = LINE_STYLES[number_ % len(LINE_STYLES)]
        points = [(x_of(i), top + plot_h - plot_h * v / y_max) for i, v in enumerate(vs) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        parts.extend(_marker(marker, x, y, colour) for x, y in points)
    for number_, (name, _) in enumerate(series):
        colour, dash, marker = LINE_STYLES[number_ % len(LINE_STYLES)]
        row, column = divmod(number_, 2)
        lx = left + column * 360
        ly = top + plot_h + 44 + row * 22
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{lx}" x2="{lx + 36}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        parts.append(_marker(marker, lx + 18, ly, colour))
        parts.append(f'<text x="{lx + 44}" y="{ly + 4}">{_x(_short(name, 42))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart(ident: str, title: str, desc: str, x_labels: list[str], series: list[tuple[str, list]],
              y_label: str, suffix: str = "") -> str:
    """Grouped bars; the first series is hatched (the earlier run), the last solid."""
    width, left, right_margin, top = 760, 64, 20, 20
    plot_h = 240
    height = top + plot_h + 78
    right = width - right_margin
    values = [v for _, vs in series for v in vs if v is not None]
    y_max = nice_ceiling(max(values) if values else 1.0)
    parts = _head(ident, title, desc, width, height)
    parts.append(
        f'<defs><pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#4a4a4a" stroke-width="3"/></pattern></defs>'
    )
    fills = [f"url(#{ident}-hatch)", "#1f4e79"] if len(series) > 1 else ["#1f4e79"]
    _y_axis(parts, top, left, right, plot_h, y_max, suffix)
    parts.append(f'<text x="14" y="{top + plot_h / 2:.1f}" transform="rotate(-90 14 {top + plot_h / 2:.1f})" '
                 f'text-anchor="middle">{_x(y_label)}</text>')
    slot = (right - left) / max(len(x_labels), 1)
    bar = slot * 0.8 / max(len(series), 1)
    for i, label in enumerate(x_labels):
        x0 = left + slot * i + slot * 0.1
        for s, (_, vs) in enumerate(series):
            value = vs[i] or 0
            h = plot_h * value / y_max
            parts.append(f'<rect x="{x0 + s * bar:.1f}" y="{top + plot_h - h:.1f}" width="{bar - 1:.1f}" '
                         f'height="{h:.1f}" fill="{fills[s % len(fills)]}" stroke="#1b1b1b" stroke-width="0.8"/>')
        parts.append(f'<text x="{x0 + slot * 0.4:.1f}" y="{top + plot_h + 18}" text-anchor="middle" '
                     f'font-size="12">{_x(label)}</text>')
    parts.append(f'<text x="{(left + right) / 2:.1f}" y="{top + plot_h + 38}" text-anchor="middle">'
                 f'Wörter pro Satz</text>')
    for s, (name, _) in enumerate(series):
        lx = left + s * 260
        ly = top + plot_h + 58
        parts.append(f'<rect x="{lx}" y="{ly - 10}" width="28" height="14" fill="{fills[s % len(fills)]}" '
                     f'stroke="#1b1b1b" stroke-width="0.8"/>')
        parts.append(f'<text x="{lx + 36}" y="{ly + 2}">{_x(_short(name, 30))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
