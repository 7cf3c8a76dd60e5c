"""The example files in examples/ evaluate, and the three formats say the same thing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chitieu.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FORMATS = ("csv", "xlsx", "json")


def evaluate_json(
    targets: Path, results: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, object]:
    assert main(["evaluate", str(targets), str(results), "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_the_three_formats_of_the_examples_give_the_same_evaluation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outputs = [
        evaluate_json(
            EXAMPLES / f"cai-lay-2024-targets.{t}", EXAMPLES / f"cai-lay-2024-results.{r}", capsys
        )
        for t in FORMATS
        for r in FORMATS
    ]
    assert all(o == outputs[0] for o in outputs[1:])


def test_the_examples_cover_every_status(capsys: pytest.CaptureFixture[str]) -> None:
    data = evaluate_json(
        EXAMPLES / "cai-lay-2024-targets.xlsx", EXAMPLES / "cai-lay-2024-results.csv", capsys
    )
    rows = {r["code"]: r for r in data["rows"]}  # type: ignore[attr-defined]
    assert len(rows) == 24 and data["period"] == "2024"
    assert rows["KT01"]["status"] == "not_achieved" and rows["KT01"]["estimated"] is True
    assert rows["KT02"]["change_percent"] == 15.14  # from the 2023 row: 201,5 / 175
    assert (
        rows["VH10"]["status"] == "exceeded" and rows["VH10"]["actual"] is None
    )  # "% so với NQ" alone
    assert rows["VH11"]["status"] == "exceeded"  # 0,58% against "≤ 0,63%"
    assert rows["VH13"]["status"] == "pending"
    assert rows["QP01"]["change_percent"] == -6.67
    assert rows["QP02"]["status"] == "achieved" and rows["QP02"]["target_text"] == "Định tính"
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert (
        summary["total"],
        summary["achieved"],
        summary["exceeded"],
        summary["not_achieved"],
        summary["pending"],
    ) == (24, 19, 13, 4, 1)


def test_the_example_generator_reproduces_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("examples_generate", EXAMPLES / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    for name in (
        "cai-lay-2024-targets.csv",
        "cai-lay-2024-results.csv",
        "cai-lay-2024-targets.json",
        "cai-lay-2024-results.json",
    ):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name
