"""Stories read as patterns (DESIGN.md §8): triangle plots, slider distributions, choices and themes.

Nothing is shown under the organisation's anonymity threshold of stories, and filtering by the tellers' role
is offered only above 8 stories (DESIGN.md §5; research: text filters need more than the figure floor).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from naober.lib.anonymity import text_allowed
from naober.lib.psychometrics import histogram
from naober.lib.themes import find_themes
from naober.orgs.models import Person
from naober.scan.charts import histogram_bars
from naober.stories.models import INVOLVED, SLIDERS, TRIADS, Frequency, MoreOrLess, Story, Tone, mask_names

# The triangle's corners in the plot's 100 x 100 viewBox: a at the top, b bottom left, c bottom right.
CORNERS = ((50.0, 6.0), (6.0, 88.0), (94.0, 88.0))


def point(a: float, b: float, c: float) -> tuple[float, float]:
    x = a * CORNERS[0][0] + b * CORNERS[1][0] + c * CORNERS[2][0]
    y = a * CORNERS[0][1] + b * CORNERS[1][1] + c * CORNERS[2][1]
    return round(x, 2), round(y, 2)


def role_filter_allowed(count: int) -> bool:
    return text_allowed(count)  # more than 8 stories


def build(
    stories: list[Story], *, threshold: int, readable_ids: set[int], people: Iterable[Person] = ()
) -> dict[str, Any]:
    """The pattern view of these stories; `readable_ids` are those the reader may open (theme examples);
    `people` are the organisation's people, whose names are kept out of the themes."""
    result: dict[str, Any] = {"count": len(stories), "shown": len(stories) >= threshold, "threshold": threshold}
    if not result["shown"]:
        return result
    triangles = []
    for key, question, corners in TRIADS:
        points = [
            point(a, b, c)
            for s in stories
            if (a := getattr(s, f"{key}_a")) is not None
            and (b := getattr(s, f"{key}_b")) is not None
            and (c := getattr(s, f"{key}_c")) is not None
        ]
        triangles.append({"key": key, "question": question, "corners": corners, "points": points})
    sliders = []
    for key, label, left, right in SLIDERS:
        values = [v for s in stories if (v := getattr(s, key)) is not None]
        sliders.append({"key": key, "label": label, "left": left, "right": right, "n": len(values),
                        "bars": histogram_bars(histogram(values))})  # fmt: skip
    result["triangles"] = triangles
    result["sliders"] = sliders
    result["choices"] = {
        "tone": _counts(stories, "tone", Tone.choices),
        "frequency": _counts(stories, "frequency", Frequency.choices),
        "more_or_less": _counts(stories, "more_or_less", MoreOrLess.choices),
        "involved": [(label, sum(1 for s in stories if key in s.involved)) for key, label in INVOLVED],
    }
    # Names never become theme words: every colleague's name is masked in every text first (a theme is shown
    # to readers who may not know who told the stories, and anonymous stories hide names by promise).
    texts = [mask_names(f"{s.title}. {s.text}", people) for s in stories]
    themes = find_themes(texts, minimum_texts=max(threshold, 10))
    result["themes"] = [
        {"words": theme.words, "examples": [stories[i] for i in theme.examples if stories[i].pk in readable_ids]}
        for theme in themes
    ]
    return result


def _counts(stories: list[Story], field: str, choices: Any) -> list[tuple[Any, int]]:
    counted = Counter(getattr(s, field) for s in stories)
    return [(label, counted.get(value, 0)) for value, label in choices]
