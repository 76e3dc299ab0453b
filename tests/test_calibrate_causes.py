"""`python -m evals.calibrate_causes`: the critic's disagreements with the labels, grouped by cause over sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from agent.critic.schema import Critique, StarFlags
from evals.calibrate import calibrate
from evals.calibrate_causes import causes, main, table
from evals.labels import load_labeled


def _item(item_id: str, score: Any, relevance: str = "on_topic", level: str = "at") -> dict[str, Any]:
    """A labelled answer about moving a nightly batch job to a queue (our own words)."""
    return {
        "id": item_id, "role": "demo", "question": "Tell me about a time you made a slow job faster.",
        "question_type": "behavioral", "style": "off_topic" if relevance == "off_topic" else "strong",
        "answer": f"reply {item_id}",
        "labels": {"score": score, "relevance": relevance, "level": level,
                   "primary_gap": "none" if score == 5 else "relevance" if relevance == "off_topic" else "result"},
        "notes": {"score": "why"},
    }  # fmt: skip


def _said(score: int, relevance: str = "on_topic", level: str = "at", gaps: tuple[str, ...] = ()) -> Critique:
    """What a stand-in critic says of an answer."""
    return Critique(
        question_type="behavioral", star=StarFlags(situation=True, task=True, action=True, result=True),
        quantified_result=False, ownership="clear", specificity="high", relevance=relevance,  # type: ignore[arg-type]
        level=level, weak_or_missing=list(gaps or (() if score == 5 else ("result",))),  # type: ignore[arg-type]
        gap="" if score == 5 else "what is missing", score=score,
    )  # fmt: skip


def _report(tmp_path: Path, name: str, rows: list[tuple[dict[str, Any], Critique]]) -> Path:
    """One set's calibrate report (as `--json --show-misses` prints it) from a stand-in critic, written to a file."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "demo.yaml").write_text(yaml.safe_dump([item for item, _ in rows], sort_keys=False), encoding="utf-8")
    said = {item["answer"]: critique for item, critique in rows}
    report = calibrate(load_labeled(directory=folder), judge=lambda i: (said[i.answer], []))
    out = tmp_path / f"{name}.json"
    out.write_text(json.dumps(report), encoding="utf-8")
    return out


def test_a_score_miss_is_put_down_to_the_verdict_that_disagrees(tmp_path: Path) -> None:
    rows = [
        (_item("d-1", [4, 5]), _said(2, relevance="off_topic", gaps=("relevance",))),  # a good answer thrown out
        (_item("d-2", [1, 2], relevance="off_topic"), _said(4, gaps=("quantified_result",))),  # another subject kept
        (_item("d-3", [1, 3], level="below"), _said(4, gaps=("tradeoffs",))),  # a team lead's answer to a director
        (_item("d-4", [3, 4]), _said(5)),  # every feature found, a gap the labeller saw missed
        (_item("d-5", [4, 5]), _said(3, gaps=("result", "specificity"))),
        (_item("d-6", 5), _said(5)),  # agrees: no cause
    ]
    report = json.loads(_report(tmp_path, "one", rows).read_text(encoding="utf-8"))
    assert causes(report["misses"]) == [
        ("d-1", "relevance: called off topic, labelled on_topic"),
        ("d-2", "relevance: off topic missed (called on_topic)"),
        ("d-3", "level: below missed"),
        ("d-4", "score composition: too high, first gap no gap"),
        ("d-5", "score composition: too low, first gap result"),
    ]


def test_the_table_counts_items_and_the_sets_a_cause_reaches(tmp_path: Path) -> None:
    thrown_out = [(_item("a-1", [4, 5]), _said(2, relevance="off_topic")), (_item("a-2", 5), _said(5))]
    first = _report(tmp_path, "first", thrown_out)
    second = _report(tmp_path, "second", [*thrown_out, (_item("a-3", [3, 4]), _said(5))])
    rows = table({p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (first, second)})
    assert rows == [
        ("relevance: called off topic, labelled on_topic", 2, ["first", "second"]),
        ("score composition: too high, first gap no gap", 1, ["second"]),
    ]


def test_the_command_prints_the_table_and_refuses_a_report_without_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _report(tmp_path, "third", [(_item("b-1", [1, 2], relevance="off_topic"), _said(4))])
    assert main([str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["1", "1", "relevance:", "off", "topic", "missed", "(called", "on_topic)"]
    report = json.loads(path.read_text(encoding="utf-8"))
    report.pop("misses")  # as evals.calibrate prints it without --show-misses
    path.write_text(json.dumps(report), encoding="utf-8")
    assert main([str(path)]) == 2
    assert "--show-misses" in capsys.readouterr().err
