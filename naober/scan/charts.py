"""Geometry for the report's charts, drawn as inline SVG (no script, no inline style: the CSP allows neither).

All positions are percentages of the chart's width, computed here so the template only places shapes.
"""

from __future__ import annotations

from typing import Any

POINTS = 7


def _x(score: float | None) -> float | None:
    """Position of a score 1..7 on a 0..100 axis."""
    return None if score is None else round((score - 1) / (POINTS - 1) * 100, 2)


def profile(gaps: list[dict[str, Any]], titles: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The two-sided profile: result pole and relational pole, each scale with staff, leaders and prediction."""
    sides: dict[str, list[dict[str, Any]]] = {"result": [], "relational": []}
    for row in sorted(gaps, key=lambda r: r["scale"]):
        if row["block"] in sides:
            sides[row["block"]].append(
                {
                    **row,
                    "title": titles[row["scale"]],
                    "x_staff": _x(row["staff"]),
                    "x_leaders": _x(row["leaders"]),
                    "x_prediction": _x(row["prediction"]),
                }
            )
    return sides


def diverging(distribution: dict[str, int]) -> dict[str, Any]:
    """A diverging stacked bar: disagreement (1-3) left of the middle, agreement (5-7) right, neutral (4)
    split across it; "don't know" as a separate share at the end. Segments are (class, x, width) in 0..100,
    on an axis where 50 is the middle."""
    answered = sum(distribution.get(str(p), 0) for p in range(1, POINTS + 1))
    dont_know = distribution.get("dont_know", 0)
    if answered == 0:
        return {"segments": [], "answered": 0, "dont_know": dont_know}
    share = {p: distribution.get(str(p), 0) / answered * 50 for p in range(1, POINTS + 1)}  # half-axis units
    segments = []
    x = 50 - share[4] / 2
    for p in (3, 2, 1):
        x -= share[p]
    for p in range(1, POINTS + 1):
        width = share[p]
        segments.append({"css": f"b{p}", "x": round(x, 2), "width": round(width, 2), "point": p})
        x += width
    favourable = sum(distribution.get(str(p), 0) for p in (6, 7)) / answered
    return {"segments": segments, "answered": answered, "dont_know": dont_know, "favourable": round(favourable * 100)}


HISTOGRAM_HEIGHT = 30  # the histogram's viewBox is 100 wide and this high


def histogram_bars(counts: list[int]) -> list[dict[str, float]]:
    """Bars of a slider distribution: x and width in 0..100, y and height in 0..HISTOGRAM_HEIGHT (the
    tallest bin fills it)."""
    tallest = max(counts, default=0) or 1
    width = 100 / len(counts) if counts else 0
    bars = []
    for i, count in enumerate(counts):
        height = round(count / tallest * HISTOGRAM_HEIGHT, 2)
        bars.append({"x": round(i * width, 2), "width": round(width - 1, 2), "y": HISTOGRAM_HEIGHT - height,
                     "height": height, "count": count})  # fmt: skip
    return bars
