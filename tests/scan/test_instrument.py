"""The balance-scan instrument: the shipped version, the strict file check, and the rules for answers."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from naober.scan.instrument import (
    BLOCKS,
    CURRENT_VERSION,
    Instrument,
    InstrumentError,
    Text,
    clean_answers,
    is_complete,
    load,
    validate,
)

SHIPPED = Path(__file__).resolve().parents[2] / "naober" / "scan" / "instruments" / f"balance-{CURRENT_VERSION}.json"
NEGATIONS = ("niet ", "geen ", " not ", "n't ")


@pytest.fixture
def instrument() -> Instrument:
    return load()


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


def _all_texts(instrument: Instrument) -> Iterator[tuple[str, Text]]:
    for point, label in instrument.labels.items():
        yield f"label {point}", label
    yield "dont_know", instrument.dont_know
    for scale in instrument.scales:
        yield scale.key, scale.title
        for item in scale.items:
            yield item.key, item.text
    for slider in instrument.sliders:
        yield f"{slider.key}.question", slider.question
        yield f"{slider.key}.left", slider.left
        yield f"{slider.key}.right", slider.right
    assert instrument.open_question is not None
    yield instrument.open_question.key, instrument.open_question.text
    yield "prediction", instrument.prediction


def _complete(instrument: Instrument) -> dict[str, Any]:
    return {
        "items": dict.fromkeys(instrument.item_keys, 5),
        "sliders": {slider.key: 50 for slider in instrument.sliders},
    }


# --- the shipped instrument --------------------------------------------------------------------------------


def test_shipped_instrument_loads_and_validates(instrument: Instrument) -> None:
    assert instrument.version == CURRENT_VERSION
    assert (instrument.points, instrument.favourable_from) == (7, 6)
    assert set(instrument.labels) == {1, 4, 7}
    assert validate(_raw()) == instrument
    assert load(CURRENT_VERSION) is instrument  # cached


def test_shipped_instrument_has_44_items_and_4_sliders(instrument: Instrument) -> None:
    assert len(instrument.items) == 44
    assert len(instrument.sliders) == 4
    assert {scale.block for scale in instrument.scales} == set(BLOCKS)


def test_every_scale_has_the_designed_number_of_items(instrument: Instrument) -> None:
    sizes = {block: [len(s.items) for s in instrument.scales_in(block)] for block in BLOCKS}
    assert sizes == {"result": [3] * 5, "relational": [3] * 5, "coupling": [2] * 4, "climate": [3, 1, 1, 1]}
    assert [s.key for s in instrument.scales_in("climate")] == [
        "psychological_safety",
        "autonomy",
        "competence",
        "relatedness",
    ]


def test_one_slider_per_coupling(instrument: Instrument) -> None:
    couplings = [scale.key for scale in instrument.scales_in("coupling")]
    assert [slider.coupling for slider in instrument.sliders] == couplings
    assert couplings == ["meaning_behaviour", "humanity_result", "freedom_responsibility", "direction_collaboration"]


def test_every_text_has_dutch_and_english_that_differ(instrument: Instrument) -> None:
    for where, text in _all_texts(instrument):
        assert text.nl.strip(), where
        assert text.en.strip(), where
        assert text.nl != text.en, where


def test_item_keys_are_unique_and_named_after_their_scale(instrument: Instrument) -> None:
    keys = instrument.item_keys
    assert len(keys) == len(set(keys))
    for item in instrument.items:
        assert item.key.startswith(instrument.scale_of(item.key).key + "_")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_items_are_worded_positively(instrument: Instrument, language: str) -> None:
    negated = [
        item.key
        for item in instrument.items
        if any(word in f" {getattr(item.text, language).lower()} " for word in NEGATIONS)
    ]
    assert not negated


def test_items_are_short_enough_for_a_phone(instrument: Instrument) -> None:
    too_long = [item.key for item in instrument.items if max(len(item.text.nl), len(item.text.en)) > 100]
    assert not too_long


def test_text_falls_back_to_dutch() -> None:
    text = Text(nl="Bij ons", en="In our company")
    assert text.in_language("en") == "In our company"
    assert text.in_language("en-gb") == "In our company"
    assert text.in_language("nl") == "Bij ons"
    assert text.in_language("de") == "Bij ons"


def test_scale_of_and_scales_in_refuse_unknown_keys(instrument: Instrument) -> None:
    assert instrument.scale_of("trust_2").key == "trust"
    with pytest.raises(InstrumentError, match="trust_9"):
        instrument.scale_of("trust_9")
    with pytest.raises(InstrumentError, match="culture"):
        instrument.scales_in("culture")


@pytest.mark.parametrize("version", ["1999.1", "../../settings", "", "2026.1/../x"])
def test_unknown_version_names_it(version: str) -> None:
    with pytest.raises(InstrumentError, match="version"):
        load(version)


# --- the strict file check ---------------------------------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _second_slider_for_first_coupling(data: dict[str, Any]) -> None:
    data["sliders"][1]["coupling"] = data["sliders"][0]["coupling"]


def _slider_missing(data: dict[str, Any]) -> None:
    data["sliders"].pop()


def _duplicate_item(data: dict[str, Any]) -> None:
    data["scales"][0]["items"][1]["key"] = "clarity_1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_delete(("version",)), r"^version: missing"),
        (_delete(("scale", "dont_know")), r"^scale\.dont_know: missing"),
        (_delete(("scales", 3, "items", 0, "text")), r"^scales\[3\]\.items\[0\]\.text: missing"),
        (_delete(("sliders", 2, "left")), r"^sliders\[2\]\.left: missing"),
        (_delete(("prediction", "text")), r"^prediction\.text: missing"),
        (_set(("extra",), 1), r"^extra: unknown key"),
        (_set(("scales", 0, "colour"), "red"), r"^scales\[0\]\.colour: unknown key"),
        (_set(("scales", 2, "block"), "culture"), r"^scales\[2\]\.block: unknown block 'culture'"),
        (_duplicate_item, r"^scales\[0\]\.items\[1\]\.key: duplicate item key 'clarity_1'"),
        (
            _set(("scales", 0, "items", 2, "key"), "trust_3"),
            r"^scales\[0\]\.items\[2\]\.key: 'trust_3' is not 'clarity_<n>'",
        ),
        (_set(("scales", 0, "items", 2, "key"), "clarity_0"), r"'clarity_0' is not 'clarity_<n>'"),
        (_set(("scales", 1, "items", 0, "key"), "Measurable results 1"), r"^scales\[1\]\.items\[0\]\.key: "),
        (_set(("scales", 5, "items", 1, "text", "nl"), "  "), r"^scales\[5\]\.items\[1\]\.text\.nl: empty"),
        (_set(("scales", 5, "items", 1, "text", "en"), ""), r"^scales\[5\]\.items\[1\]\.text\.en: empty"),
        (_set(("scales", 7, "title", "en"), None), r"^scales\[7\]\.title\.en: empty"),
        (_set(("sliders", 0, "question", "nl"), ""), r"^sliders\[0\]\.question\.nl: empty"),
        (_set(("open_question", "text", "en"), ""), r"^open_question\.text\.en: empty"),
        (_set(("scale", "labels", "1", "nl"), ""), r"^scale\.labels\.1\.nl: empty"),
        (
            _set(("sliders", 0, "coupling"), "trust"),
            r"^sliders\[0\]\.coupling: 'trust' is not a scale of block 'coupling'",
        ),
        (_second_slider_for_first_coupling, r"^sliders\[1\]\.coupling: a second slider for 'meaning_behaviour'"),
        (_slider_missing, r"^sliders: no slider for coupling 'direction_collaboration'"),
        (_set(("sliders",), []), r"^sliders: expected a non-empty list"),
        (_set(("scales", 4, "items"), []), r"^scales\[4\]\.items: expected a non-empty list"),
        (_set(("scale", "points"), True), r"^scale\.points: expected a whole number"),
        (_set(("scale", "favourable_from"), 8), r"^scale\.favourable_from: 8 is outside"),
        (_set(("scale", "labels", "9"), {"nl": "x", "en": "y"}), r"^scale\.labels\.9: "),
        (_set(("version",), "latest"), r"^version: 'latest'"),
    ],
)
def test_validate_rejects_broken_data_naming_the_key(change: Callable[[dict[str, Any]], None], message: str) -> None:
    data = copy.deepcopy(_raw())
    change(data)
    with pytest.raises(InstrumentError, match=message):
        validate(data)


def test_validate_rejects_what_is_no_object() -> None:
    with pytest.raises(InstrumentError, match="instrument: expected an object"):
        validate([])


def test_open_question_may_be_left_out_of_a_version() -> None:
    data = _raw()
    data["open_question"] = None
    assert validate(data).open_question is None


# --- answers -----------------------------------------------------------------------------------------------


def test_clean_answers_accepts_a_partial_draft(instrument: Instrument) -> None:
    draft = {"items": {"clarity_1": 6, "trust_2": None}, "open": "  Minder vergaderen.\n"}
    assert clean_answers(instrument, draft) == {
        "items": {"clarity_1": 6, "trust_2": None},
        "open": "Minder vergaderen.",
    }
    assert clean_answers(instrument, {}) == {}


def test_clean_answers_returns_a_normalised_copy(instrument: Instrument) -> None:
    raw: dict[str, Any] = {
        "items": {"focus_3": 7},
        "sliders": {"humanity_result": 0},
        "predictions": {"speed": 4, "trust": 5.5},
    }
    clean = clean_answers(instrument, raw)
    assert clean == {
        "items": {"focus_3": 7},
        "sliders": {"humanity_result": 0},
        "predictions": {"speed": 4.0, "trust": 5.5},
    }
    assert isinstance(clean["predictions"]["speed"], float)
    clean["items"]["focus_3"] = 1
    assert raw["items"]["focus_3"] == 7


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"items": {"clarity_1": 0}}, r"items\.clarity_1: 0 "),
        ({"items": {"clarity_1": 8}}, r"items\.clarity_1: 8 "),
        ({"items": {"clarity_1": True}}, r"items\.clarity_1: True "),
        ({"items": {"clarity_1": "5"}}, r"items\.clarity_1: '5' "),
        ({"items": {"clarity_1": 5.0}}, r"items\.clarity_1: 5\.0 "),
        ({"items": {"clarity_9": 5}}, r"items\.clarity_9: unknown key"),
        ({"items": [5, 5]}, r"items: expected an object"),
        ({"sliders": {"meaning_behaviour": 101}}, r"sliders\.meaning_behaviour: 101 "),
        ({"sliders": {"meaning_behaviour": -1}}, r"sliders\.meaning_behaviour: -1 "),
        ({"sliders": {"meaning_behaviour": None}}, r"sliders\.meaning_behaviour: None "),
        ({"sliders": {"meaning_behaviour": False}}, r"sliders\.meaning_behaviour: False "),
        ({"sliders": {"trust": 50}}, r"sliders\.trust: unknown key"),
        ({"predictions": {"trust": 0.5}}, r"predictions\.trust: 0\.5 "),
        ({"predictions": {"trust": 7.5}}, r"predictions\.trust: 7\.5 "),
        ({"predictions": {"trust": "4,5"}}, r"predictions\.trust: '4,5' "),
        ({"predictions": {"trust": True}}, r"predictions\.trust: True "),
        ({"predictions": {"trust": float("nan")}}, r"predictions\.trust: nan "),
        ({"predictions": {"culture": 4}}, r"predictions\.culture: unknown key"),
        ({"open": 42}, r"open: expected text"),
        ({"open": "x" * 2001}, r"open: 2001 characters"),
        ({"open": "a\x00b"}, r"open: contains a NUL"),
        ({"comments": "hello"}, r"comments: unknown key"),
    ],
)
def test_clean_answers_rejects_bad_values_naming_key_and_value(
    instrument: Instrument, raw: dict[str, Any], message: str
) -> None:
    with pytest.raises(InstrumentError, match=message):
        clean_answers(instrument, raw)


def test_clean_answers_rejects_what_is_no_object(instrument: Instrument) -> None:
    with pytest.raises(InstrumentError, match="answers: expected an object"):
        clean_answers(instrument, [1, 2])


def test_open_answer_of_exactly_the_maximum_length_is_kept(instrument: Instrument) -> None:
    assert clean_answers(instrument, {"open": " " + "x" * 2000 + " "})["open"] == "x" * 2000


def test_complete_staff_answers_miss_nothing(instrument: Instrument) -> None:
    assert is_complete(instrument, clean_answers(instrument, _complete(instrument)), leader=False) == []


def test_dont_know_counts_as_an_answer_but_a_missing_key_does_not(instrument: Instrument) -> None:
    answers = _complete(instrument)
    answers["items"]["trust_1"] = None
    del answers["items"]["focus_2"]
    del answers["sliders"]["humanity_result"]
    assert is_complete(instrument, clean_answers(instrument, answers), leader=False) == ["focus_2", "humanity_result"]


def test_empty_answers_miss_every_item_and_slider_in_order(instrument: Instrument) -> None:
    missing = is_complete(instrument, {}, leader=False)
    assert missing == [*instrument.item_keys, *(slider.key for slider in instrument.sliders)]


def test_only_leaders_must_predict_and_only_the_poles(instrument: Instrument) -> None:
    answers = _complete(instrument)
    poles = [s.key for block in ("result", "relational") for s in instrument.scales_in(block)]
    assert is_complete(instrument, answers, leader=True) == poles
    answers["predictions"] = {key: 4.5 for key in poles if key != "trust"}
    assert is_complete(instrument, clean_answers(instrument, answers), leader=True) == ["trust"]
    answers["predictions"]["trust"] = 3
    assert is_complete(instrument, clean_answers(instrument, answers), leader=True) == []


def test_open_question_is_never_required(instrument: Instrument) -> None:
    answers = _complete(instrument)
    assert "open" not in answers
    assert "change_tomorrow" not in is_complete(instrument, answers, leader=True)
