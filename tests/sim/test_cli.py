"""`naober simulate` as a user runs it: tables with confidence intervals, JSON, and the queue contract."""

import json
from pathlib import Path

import pytest

from naober.cli import main


def test_queue_mode_prints_the_documented_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["simulate", "queue", "--servers", "4", "--arrival-rate", "0.8", "--service-rate", "1", "--policy",
         "pooled", "--hours", "2000", "--replications", "4", "--seed", "7", "--within", "1", "--json"]
    )  # fmt: skip
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"mean_wait_hours", "mean_wait_ci95", "share_waiting_within"}
    low, high = result["mean_wait_ci95"]
    assert low <= result["mean_wait_hours"] <= high
    assert 0 <= result["share_waiting_within"] <= 1


def test_queue_mode_takes_one_rate_per_server(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["simulate", "queue", "--servers", "3", "--service-rate", "1", "--policy", "none", "--hours", "500",
            "--replications", "2", "--json"]  # fmt: skip
    assert main([*args, "--arrival-rate", "0.3,0.5,0.7"]) == 0
    assert json.loads(capsys.readouterr().out)["mean_wait_hours"] > 0
    assert main([*args, "--arrival-rate", "0.3,0.5"]) == 2
    assert "one per server" in capsys.readouterr().err


def test_compare_prints_a_table_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "uitkomst.json"
    code = main(
        ["simulate", "--compare", "individueel,waardegedreven", "--members", "4", "--days", "40",
         "--replications", "6", "--seed", "3", "--workers", "1", "--json", str(target)]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "individueel" in out
    assert "waardegedreven" in out
    assert "lead time, mean (h)" in out
    data = json.loads(target.read_text())
    assert set(data) == {"individueel", "waardegedreven"}


def test_unknown_preset_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--preset", "bestaat-niet", "--replications", "1"]) == 2
    assert "individueel" in capsys.readouterr().err
