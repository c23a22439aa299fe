"""Hand-written vector SVG charts for the briefing: pure functions, data in, SVG text out.

No plotting library: the charts are simple, and writing SVG by hand keeps them small, exact
and free of fonts or resources the renderer would have to fetch. Every label is escaped
(donor names come from untrusted articles). Charts read in greyscale: bars carry their values
as text, and lines differ by dash pattern and marker, each labelled at its end.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from html import escape

FONT = "DejaVu Sans, sans-serif"
INK = "#1d2731"
GRID = "#c9cfd6"
MUTED = "#5b6670"
BAR_FILL = "#3f5468"
# Line styles that stay distinct when printed in black and white.
LINE_STYLES: tuple[tuple[str, str, str], ...] = (
    ("#111111", "", "circle"),
    ("#3f5468", "7 3", "square"),
    ("#5b6670", "2 3", "triangle"),
    ("#111111", "10 3 2 3", "diamond"),
    ("#7a8590", "", "cross"),
    ("#3f5468", "1 2", "circle-open"),
)
Number = float | int | Decimal


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _num(value: float) -> str:
    """Compact coordinate text."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _label(value: float) -> str:
    return f"{value:,.1f}"


def nice_ticks(maximum: float, count: int = 4) -> list[float]:
    """0 and round steps up to at least `maximum` (1, 2, 2.5 or 5 times a power of ten)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < maximum - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header(width: int, height: int, title: str, unit: str) -> list[str]:
    """A chart's opening: the accessible SVG root, its title, and the unit at the right."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}" '
        f'font-family="{FONT}">',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="13" font-size="12" font-weight="bold" fill="{INK}">{_e(title)}</text>',
        f'<text x="{width}" y="13" font-size="10" fill="{MUTED}" text-anchor="end">'
        f"{_e(unit)}</text>",
    ]


def _empty(width: int, message: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" '
        f'viewBox="0 0 {width} 40" role="img"><text x="0" y="24" font-family="{FONT}" '
        f'font-size="11" fill="{MUTED}">{_e(message)}</text></svg>'
    )


def bar_chart(
    items: Sequence[tuple[str, Number]],
    *,
    title: str,
    unit: str = "EUR million",
    width: int = 640,
    max_bars: int = 12,
) -> str:
    """Horizontal bars, largest first, each labelled with its value; the tail summed as 'others'."""
    data = sorted(((str(k), float(v)) for k, v in items), key=lambda kv: -kv[1])
    if len(data) > max_bars:
        rest = data[max_bars - 1 :]
        data = [*data[: max_bars - 1], (f"{len(rest)} others", sum(v for _, v in rest))]
    if not data:
        return _empty(width, f"{title}: no data this week")
    label_w, value_w, row_h, top, bottom = 170, 70, 22, 34, 24
    plot_w = width - label_w - value_w
    height = top + row_h * len(data) + bottom
    ticks = nice_ticks(max(v for _, v in data))
    scale = plot_w / ticks[-1]
    out = _header(width, height, title, unit)
    axis_y = top + row_h * len(data)
    for tick in ticks:
        x = label_w + tick * scale
        out.append(
            f'<line x1="{_num(x)}" y1="{top - 4}" x2="{_num(x)}" y2="{axis_y}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        out.append(
            f'<text x="{_num(x)}" y="{axis_y + 14}" font-size="9" fill="{MUTED}" '
            f'text-anchor="middle">{_e(f"{tick:,.0f}" if tick >= 10 else f"{tick:g}")}</text>'
        )
    for i, (label, value) in enumerate(data):
        y = top + i * row_h
        w = max(value * scale, 0.8 if value > 0 else 0)
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" font-size="10.5" fill="{INK}" '
            f'text-anchor="end">{_e(_shorten(label, 28))}</text>'
        )
        out.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{_num(w)}" height="{row_h - 8}" '
            f'fill="{BAR_FILL}"/>'
        )
        out.append(
            f'<text x="{_num(label_w + w + 5)}" y="{y + 15}" font-size="10" '
            f'font-weight="bold" fill="{INK}">{_e(_label(value))}</text>'
        )
    out.append(
        f'<line x1="{label_w}" y1="{top - 4}" x2="{label_w}" y2="{axis_y}" '
        f'stroke="{INK}" stroke-width="0.8"/>'
    )
    out.append("</svg>")
    return "".join(out)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    s = 3.2
    if kind == "square":
        return (
            f'<rect x="{_num(x - s)}" y="{_num(y - s)}" width="{_num(2 * s)}" '
            f'height="{_num(2 * s)}" fill="{colour}"/>'
        )
    if kind == "triangle":
        pts = f"{_num(x)},{_num(y - s - 1)} {_num(x - s - 0.5)},{_num(y + s)} "
        pts += f"{_num(x + s + 0.5)},{_num(y + s)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    if kind == "diamond":
        pts = f"{_num(x)},{_num(y - s - 1)} {_num(x + s + 1)},{_num(y)} "
        pts += f"{_num(x)},{_num(y + s + 1)} {_num(x - s - 1)},{_num(y)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    if kind == "cross":
        return (
            f'<path d="M{_num(x - s)} {_num(y - s)}L{_num(x + s)} {_num(y + s)}'
            f'M{_num(x - s)} {_num(y + s)}L{_num(x + s)} {_num(y - s)}" '
            f'stroke="{colour}" stroke-width="1.6"/>'
        )
    fill = "white" if kind == "circle-open" else colour
    return (
        f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(s)}" fill="{fill}" '
        f'stroke="{colour}" stroke-width="1.2"/>'
    )


def _spread(positions: list[float], gap: float, low: float, high: float) -> list[float]:
    """Move end labels apart vertically so none overlap, keeping their order."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    overflow = placed[-1] - high if placed else 0
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    placed = [max(p, low) for p in placed]
    result = [0.0] * len(positions)
    for k, i in enumerate(order):
        result[i] = placed[k]
    return result


def line_chart(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    *,
    title: str,
    unit: str = "EUR million",
    width: int = 640,
    height: int = 260,
) -> str:
    """Lines over weeks (running totals), each labelled at its end with name and last value."""
    data = [(str(name), [float(v) for v in values]) for name, values in series]
    if not data or not x_labels:
        return _empty(width, f"{title}: no data")
    left, right, top, bottom = 52, 170, 30, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(max((max(v) for _, v in data), default=0))
    y_scale = plot_h / ticks[-1]
    step = plot_w / max(len(x_labels) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + i * step, top + plot_h - v * y_scale

    out = _header(width, height, title, f"{unit}, cumulative")
    for tick in ticks:
        _, y = xy(0, tick)
        out.append(
            f'<line x1="{left}" y1="{_num(y)}" x2="{left + plot_w}" y2="{_num(y)}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{_num(y + 3)}" font-size="9" fill="{MUTED}" '
            f'text-anchor="end">{_e(f"{tick:,.0f}" if tick >= 10 else f"{tick:g}")}</text>'
        )
    every = max(1, math.ceil(len(x_labels) / 6))
    last = len(x_labels) - 1
    for i, label in enumerate(x_labels):
        if (last - i) % every:
            continue  # count back from the latest week so it is always labelled
        x, _ = xy(i, 0)
        out.append(
            f'<text x="{_num(x)}" y="{top + plot_h + 16}" font-size="9" fill="{MUTED}" '
            f'text-anchor="middle">{_e(label)}</text>'
        )
    ends = []
    for k, (_, values) in enumerate(data):
        colour, dash, marker = LINE_STYLES[k % len(LINE_STYLES)]
        points = " ".join(
            f"{_num(x)},{_num(y)}" for x, y in (xy(i, v) for i, v in enumerate(values))
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="1.6"{dash_attr}/>'
        )
        for i, v in enumerate(values):
            if i == len(values) - 1 or (i > 0 and v != values[i - 1]):
                out.append(_marker(marker, *xy(i, v), colour))
        ends.append(xy(len(values) - 1, values[-1])[1])
    label_ys = _spread(ends, 12, top, top + plot_h)
    for k, (name, values) in enumerate(data):
        colour, _, marker = LINE_STYLES[k % len(LINE_STYLES)]
        x = left + plot_w + 10
        out.append(_marker(marker, x, label_ys[k] - 3, colour))
        out.append(
            f'<text x="{x + 8}" y="{_num(label_ys[k])}" font-size="9.5" fill="{INK}">'
            f"{_e(_shorten(name, 20))} {_e(_label(values[-1]))}</text>"
        )
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{INK}" stroke-width="0.8"/>'
    )
    out.append("</svg>")
    return "".join(out)
