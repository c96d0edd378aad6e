"""The balance scan's questionnaire as versioned data (DESIGN.md §7), and the rules for a respondent's answers.

An instrument version is a JSON file in `instruments/` next to this module, written by us in Dutch and English.
A round records the version it was sent with, so a later version never changes the meaning of stored answers.
Item keys (`<scale>_<n>`) are the stable identity of an item across versions: a dropped item leaves a gap in
the numbering instead of renumbering the rest, so trends compare like with like.

Pure Python: no Django, so the CLI, the API and the tests can use it as they are.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

BLOCKS = ("result", "relational", "coupling", "climate")
CURRENT_VERSION = "2026.1"

# Blocks whose scales a leader predicts before seeing the staff's answers (the two poles of the profile).
PREDICTED_BLOCKS = ("result", "relational")
SLIDER_MIN, SLIDER_MAX = 0, 100
OPEN_MAX_CHARS = 2000

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
# "2026.1": a year and a release number. Anything else is refused before it comes near a file name.
_VERSION = re.compile(r"^\d{4}\.\d{1,3}$")
_ANSWER_PARTS = ("items", "sliders", "predictions", "open")


class InstrumentError(ValueError):
    """An instrument file or a set of answers does not fit; the message names the key and the problem."""


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def in_language(self, code: str) -> str:
        """English for "en", "en-gb" and the like; Dutch, the first language, for everything else."""
        return self.en if code.lower().startswith("en") else self.nl


@dataclass(frozen=True)
class Item:
    key: str
    text: Text


@dataclass(frozen=True)
class Scale:
    key: str
    block: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Slider:
    """A dyad between two undesirable extremes of one coupling, answered 0..100.

    `left` is the first-named side of the coupling in overdrive ("fine words, nobody acts on them" for
    meaning_behaviour), `right` the second ("just doing, nobody knows why"); 50 is in balance."""

    key: str
    coupling: str
    question: Text
    left: Text
    right: Text


@dataclass(frozen=True)
class Instrument:
    version: str
    points: int
    favourable_from: int
    labels: dict[int, Text]
    dont_know: Text
    scales: tuple[Scale, ...]
    sliders: tuple[Slider, ...]
    open_question: Item | None
    prediction: Text

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, in the order of the questionnaire."""
        return tuple(item for scale in self.scales for item in scale.items)

    @property
    def item_keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)

    def scale_of(self, item_key: str) -> Scale:
        for scale in self.scales:
            if any(item.key == item_key for item in scale.items):
                return scale
        raise InstrumentError(f"{item_key!r}: no such item in instrument {self.version}")

    def scales_in(self, block: str) -> tuple[Scale, ...]:
        if block not in BLOCKS:
            raise InstrumentError(f"{block!r}: unknown block, expected one of {', '.join(BLOCKS)}")
        return tuple(scale for scale in self.scales if scale.block == block)


def load(version: str = CURRENT_VERSION) -> Instrument:
    """The instrument of `version`, read from the package and validated once per process."""
    return _load(version)


@lru_cache(maxsize=8)  # keyed on the version itself, so load() and load(CURRENT_VERSION) share one object
def _load(version: str) -> Instrument:
    if not isinstance(version, str) or not _VERSION.match(version):
        raise InstrumentError(f"version {version!r}: not a version such as {CURRENT_VERSION!r}")
    resource = resources.files("naober.scan") / "instruments" / f"balance-{version}.json"
    if not resource.is_file():
        raise InstrumentError(f"version {version!r}: unknown instrument version (no balance-{version}.json)")
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InstrumentError(f"balance-{version}.json: not valid JSON ({error})") from None
    instrument = validate(data)
    if instrument.version != version:
        raise InstrumentError(f"balance-{version}.json: version says {instrument.version!r}")
    return instrument


# --- the instrument file -----------------------------------------------------------------------------------


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _object(value: object, path: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """`value` as a JSON object with exactly `keys`."""
    if not isinstance(value, dict):
        raise InstrumentError(f"{path or 'instrument'}: expected an object, got {type(value).__name__}")
    for key in keys:
        if key not in value:
            raise InstrumentError(f"{_at(path, key)}: missing")
    unknown = sorted(str(key) for key in value if key not in keys)
    if unknown:
        raise InstrumentError(f"{_at(path, unknown[0])}: unknown key")
    return value


def _list(value: object, path: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise InstrumentError(f"{path}: expected a non-empty list")
    return value


def _int(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstrumentError(f"{path}: expected a whole number, got {value!r}")
    return value


def _key(value: object, path: str) -> str:
    if not isinstance(value, str) or not _KEY.match(value):
        raise InstrumentError(f"{path}: {value!r} is not a key (lower case letters, digits and _)")
    return value


def _text(value: object, path: str) -> Text:
    found = _object(value, path, ("nl", "en"))
    for language in ("nl", "en"):
        text = found[language]
        if not isinstance(text, str) or not text.strip():
            raise InstrumentError(f"{_at(path, language)}: empty or not text")
    return Text(nl=found["nl"].strip(), en=found["en"].strip())


def _scale_settings(value: object) -> tuple[int, int, dict[int, Text], Text]:
    scale = _object(value, "scale", ("points", "favourable_from", "labels", "dont_know"))
    points = _int(scale["points"], "scale.points")
    if points < 2:
        raise InstrumentError(f"scale.points: {points} points is no scale")
    favourable_from = _int(scale["favourable_from"], "scale.favourable_from")
    if not 1 < favourable_from <= points:
        raise InstrumentError(f"scale.favourable_from: {favourable_from} is outside 2..{points}")
    raw_labels = scale["labels"]
    if not isinstance(raw_labels, dict) or not raw_labels:
        raise InstrumentError("scale.labels: expected a non-empty object")
    labels = {}
    for point, label in raw_labels.items():
        path = f"scale.labels.{point}"
        if not isinstance(point, str) or not point.isdigit() or not 1 <= int(point) <= points:
            raise InstrumentError(f"{path}: not a point of the scale 1..{points}")
        labels[int(point)] = _text(label, path)
    for end in (1, points):
        if end not in labels:
            raise InstrumentError(f"scale.labels.{end}: missing (both ends of the scale carry a label)")
    return points, favourable_from, dict(sorted(labels.items())), _text(scale["dont_know"], "scale.dont_know")


def _scales(value: object) -> tuple[Scale, ...]:
    scales: list[Scale] = []
    seen_scales: set[str] = set()
    seen_items: set[str] = set()
    for i, raw in enumerate(_list(value, "scales")):
        path = _at("scales", i)
        found = _object(raw, path, ("key", "block", "title", "items"))
        key = _key(found["key"], _at(path, "key"))
        if key in seen_scales:
            raise InstrumentError(f"{_at(path, 'key')}: duplicate scale key {key!r}")
        seen_scales.add(key)
        block = found["block"]
        if block not in BLOCKS:
            raise InstrumentError(f"{_at(path, 'block')}: unknown block {block!r}, expected one of {', '.join(BLOCKS)}")
        item_pattern = re.compile(rf"^{re.escape(key)}_[1-9][0-9]*$")
        items = []
        for j, raw_item in enumerate(_list(found["items"], _at(path, "items"))):
            item_path = _at(_at(path, "items"), j)
            item = _item(raw_item, item_path)
            if not item_pattern.match(item.key):
                raise InstrumentError(f"{_at(item_path, 'key')}: {item.key!r} is not '{key}_<n>'")
            if item.key in seen_items:
                raise InstrumentError(f"{_at(item_path, 'key')}: duplicate item key {item.key!r}")
            seen_items.add(item.key)
            items.append(item)
        scales.append(Scale(key=key, block=block, title=_text(found["title"], _at(path, "title")), items=tuple(items)))
    return tuple(scales)


def _item(value: object, path: str) -> Item:
    found = _object(value, path, ("key", "text"))
    return Item(key=_key(found["key"], _at(path, "key")), text=_text(found["text"], _at(path, "text")))


def _sliders(value: object, scales: tuple[Scale, ...]) -> tuple[Slider, ...]:
    couplings = [scale.key for scale in scales if scale.block == "coupling"]
    sliders: list[Slider] = []
    for i, raw in enumerate(_list(value, "sliders")):
        path = _at("sliders", i)
        found = _object(raw, path, ("key", "coupling", "question", "left", "right"))
        key = _key(found["key"], _at(path, "key"))
        if any(slider.key == key for slider in sliders):
            raise InstrumentError(f"{_at(path, 'key')}: duplicate slider key {key!r}")
        coupling = found["coupling"]
        if coupling not in couplings:
            raise InstrumentError(f"{_at(path, 'coupling')}: {coupling!r} is not a scale of block 'coupling'")
        if any(slider.coupling == coupling for slider in sliders):
            raise InstrumentError(f"{_at(path, 'coupling')}: a second slider for {coupling!r}")
        sliders.append(
            Slider(
                key=key,
                coupling=coupling,
                question=_text(found["question"], _at(path, "question")),
                left=_text(found["left"], _at(path, "left")),
                right=_text(found["right"], _at(path, "right")),
            )
        )
    without = [key for key in couplings if not any(slider.coupling == key for slider in sliders)]
    if without:
        raise InstrumentError(f"sliders: no slider for coupling {without[0]!r} (exactly one per coupling scale)")
    return tuple(sliders)


def validate(data: object) -> Instrument:
    """An Instrument from parsed JSON, checked strictly: any missing, unknown, empty or inconsistent key raises
    InstrumentError with its path, e.g. "scales[2].items[0].text.en: empty or not text"."""
    found = _object(data, "", ("version", "scale", "scales", "sliders", "open_question", "prediction"))
    version = found["version"]
    if not isinstance(version, str) or not _VERSION.match(version):
        raise InstrumentError(f"version: {version!r} is not a version such as {CURRENT_VERSION!r}")
    points, favourable_from, labels, dont_know = _scale_settings(found["scale"])
    scales = _scales(found["scales"])
    sliders = _sliders(found["sliders"], scales)
    open_question = None if found["open_question"] is None else _item(found["open_question"], "open_question")
    prediction = _object(found["prediction"], "prediction", ("text",))
    return Instrument(
        version=version,
        points=points,
        favourable_from=favourable_from,
        labels=labels,
        dont_know=dont_know,
        scales=scales,
        sliders=sliders,
        open_question=open_question,
        prediction=_text(prediction["text"], "prediction.text"),
    )


# --- a respondent's answers --------------------------------------------------------------------------------


def _part(raw: Mapping[str, Any], part: str, known: set[str]) -> dict[str, Any]:
    value = raw[part]
    if not isinstance(value, dict):
        raise InstrumentError(f"{part}: expected an object, got {value!r}")
    for key in value:
        if key not in known:
            raise InstrumentError(f"{part}.{key}: unknown key")
    return value


def _whole(value: object, path: str, low: int, high: int) -> int:
    # bool is an int in Python, but True is no answer on a 7-point scale.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InstrumentError(f"{path}: {value!r} is not a whole number from {low} to {high}")
    return value


def clean_answers(instrument: Instrument, raw: object) -> dict[str, Any]:
    """A normalised copy of a respondent's answers, complete or not (a draft may stop half-way).

    Shape: {"items": {item_key: 1..points, or None for "don't know"}, "sliders": {slider_key: 0..100},
    "predictions": {scale_key: a number 1..points}, "open": text}; every part is optional. An unknown key, a
    value out of range or of the wrong type (True, "5") raises InstrumentError naming the key and the value."""
    if not isinstance(raw, dict):
        raise InstrumentError(f"answers: expected an object, got {type(raw).__name__}")
    for part in raw:
        if part not in _ANSWER_PARTS:
            raise InstrumentError(f"{part}: unknown key")
    clean: dict[str, Any] = {}
    if "items" in raw:
        items = _part(raw, "items", set(instrument.item_keys))
        clean["items"] = {
            key: None if value is None else _whole(value, f"items.{key}", 1, instrument.points)
            for key, value in items.items()
        }
    if "sliders" in raw:
        sliders = _part(raw, "sliders", {slider.key for slider in instrument.sliders})
        clean["sliders"] = {
            key: _whole(value, f"sliders.{key}", SLIDER_MIN, SLIDER_MAX) for key, value in sliders.items()
        }
    if "predictions" in raw:
        predictions = _part(raw, "predictions", {scale.key for scale in instrument.scales})
        clean["predictions"] = {
            key: _prediction(value, f"predictions.{key}", instrument.points) for key, value in predictions.items()
        }
    if "open" in raw:
        clean["open"] = _open_text(raw["open"])
    return clean


def _prediction(value: object, path: str, points: int) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 1 <= value <= points
    ):
        raise InstrumentError(f"{path}: {value!r} is not a number from 1 to {points}")
    return float(value)


def _open_text(value: object) -> str:
    if not isinstance(value, str):
        raise InstrumentError(f"open: expected text, got {value!r}")
    text = value.strip()
    if len(text) > OPEN_MAX_CHARS:
        raise InstrumentError(f"open: {len(text)} characters, at most {OPEN_MAX_CHARS}")
    if "\x00" in text:  # PostgreSQL refuses NUL in text; no keyboard types it
        raise InstrumentError("open: contains a NUL character")
    return text


def is_complete(instrument: Instrument, answers: Mapping[str, Any], *, leader: bool) -> list[str]:
    """The keys still missing before `answers` (as returned by clean_answers) can be sent, in questionnaire
    order; an empty list means complete.

    Every item needs an answer or "don't know" (None present under its key), every slider a value, and a leader
    a prediction for every scale of the two poles. The open question is never required."""
    items = answers.get("items") or {}
    sliders = answers.get("sliders") or {}
    predictions = answers.get("predictions") or {}
    missing = [key for key in instrument.item_keys if key not in items]
    missing += [slider.key for slider in instrument.sliders if slider.key not in sliders]
    if leader:
        missing += [
            scale.key
            for block in PREDICTED_BLOCKS
            for scale in instrument.scales_in(block)
            if predictions.get(scale.key) is None
        ]
    return missing
