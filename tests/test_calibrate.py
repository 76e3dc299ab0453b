"""The labelled set loader, the calibration metrics and the `python -m evals.calibrate` command."""

from __future__ import annotations

import importlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import evals.labels as labels_mod
from agent.critic.schema import Critique, StarFlags
from evals.calibrate import calibrate, classes, main, prf
from evals.labels import HOLDOUT_DIR, LabeledItem, LabelError, load_labeled

ROLES = ("ai-engineer", "director", "engineering-manager", "senior-genai-engineer")


def _item(item_id: str, role: str = "demo", **over: Any) -> dict[str, Any]:
    """A valid labelled item as YAML data; `over` replaces top-level fields or labels."""
    labels = {
        "star": {"situation": True, "task": True, "action": True, "result": True},
        "quantified_result": True,
        "ownership": "clear",
        "specificity": "high",
        "score": 5,
        "primary_gap": "none",
    }
    labels.update(over.pop("labels", {}))
    item = {
        "id": item_id,
        "role": role,
        "question": "Tell me about a time you cut costs.",
        "question_type": "behavioral",
        "style": "strong",
        "degraded_of": None,
        "answer": f"answer of {item_id}",
        "labels": labels,
        "notes": {k: "because" for k in ("star", "quantified_result", "ownership", "specificity", "score")},
    }
    item.update(over)
    return item


def _write(tmp_path: Path, items: list[dict[str, Any]], role: str = "demo") -> Path:
    path = tmp_path / f"{role}.yaml"
    path.write_text(yaml.safe_dump(items, sort_keys=False), encoding="utf-8")
    return path


WEAK = {"score": 3, "primary_gap": "result", "quantified_result": False}


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (_item("demo-002", labels={"score": 5, "primary_gap": "result"}), "score 5 must have primary_gap none"),
        (_item("demo-002", labels={"score": 3, "primary_gap": "none"}), "must name its primary_gap"),
        (_item("demo-002", style="shouty"), "unknown style 'shouty'"),
        (_item("demo-002", question_type="trivia"), "question_type"),
        (_item("demo-002", role="director"), "does not match file demo.yaml"),
        (_item("demo-002", notes={"star": "x"}), "notes.star"),
        (_item("demo-002", style="degraded", degraded_of="demo-404", labels=WEAK), "'demo-404' is not an item"),
        (_item("demo-002", style="degraded", degraded_of="demo-001"), "labelled below its complete answer"),
        (_item("demo-001"), "duplicate id"),
    ],
)
def test_loader_rejects_invalid_item_naming_file_id_and_reason(tmp_path: Path, bad: dict, reason: str) -> None:
    path = _write(tmp_path, [_item("demo-001"), bad])
    with pytest.raises(LabelError) as err:
        load_labeled([path])
    message = str(err.value)
    assert str(path) in message and f"item {bad['id']}" in message and reason in message
    assert "\n" not in message


def test_loader_reports_broken_yaml_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text("- id: demo-001\n  answer: [unclosed\n", encoding="utf-8")
    with pytest.raises(LabelError, match=r"demo\.yaml: cannot read YAML") as err:
        load_labeled([path])
    assert "\n" not in str(err.value)


def test_loader_accepts_a_valid_pair(tmp_path: Path) -> None:
    pair = _item("demo-002", style="degraded", degraded_of="demo-001", labels=WEAK)
    items = load_labeled([_write(tmp_path, [_item("demo-001"), pair])])
    assert [i.id for i in items] == ["demo-001", "demo-002"]


def test_cli_exits_2_with_one_line_on_invalid_data(tmp_path: Path, monkeypatch, capsys) -> None:
    _write(tmp_path, [_item("demo-001", labels={"score": 9})])
    monkeypatch.setattr(labels_mod, "LABELED_DIR", tmp_path)
    assert main([]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "demo.yaml" in err and "demo-001" in err and "labels.score" in err


def test_cli_says_so_when_the_critic_is_missing(monkeypatch, capsys) -> None:
    def missing() -> None:
        raise ImportError("agent.critic has no critique_answer yet")

    monkeypatch.setattr("evals.calibrate.default_critic", missing)
    assert main(["--role", "director"]) == 1
    assert "critic is not available" in capsys.readouterr().err


def test_prf_and_class_metrics_on_a_known_confusion() -> None:
    labels = [True, True, True, False, False]
    got = [True, False, True, True, False]  # tp=2 fp=1 fn=1
    r = prf(labels, got)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 1)
    assert r["precision"] == pytest.approx(2 / 3) and r["recall"] == pytest.approx(2 / 3)
    assert prf([False, False], [False, False])["f1"] == 0.0  # undefined ratios are 0, never a crash
    c = classes(["clear", "clear", "mixed", "unclear"], ["clear", "mixed", "mixed", "clear"])
    assert c["accuracy"] == pytest.approx(0.5)
    # clear: p=1/2 r=1/2 f1=1/2; mixed: p=1/2 r=1 f1=2/3; unclear: f1=0
    assert c["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)


def _critique(score: int, result: bool = True, ownership: str = "clear") -> Critique:
    gaps = [] if score == 5 else ["result"]
    return Critique(
        question_type="behavioral",
        star=StarFlags(situation=True, task=True, action=True, result=result),
        quantified_result=result,
        ownership=ownership,  # type: ignore[arg-type]
        specificity="high",
        weak_or_missing=gaps,  # type: ignore[arg-type]
        gap="" if score == 5 else "no result",
        score=score,
    )


def test_calibrate_reports_exact_figures_for_a_stand_in_critic(tmp_path: Path) -> None:
    pair = _item("demo-002", style="degraded", degraded_of="demo-001", labels={**WEAK, "star": {
        "situation": True, "task": True, "action": True, "result": False}})  # fmt: skip
    other = _item("demo-003", question="Another question?", labels={"ownership": "mixed", "score": 4,
                                                                     "primary_gap": "ownership"})  # fmt: skip
    items = load_labeled([_write(tmp_path, [_item("demo-001"), pair, other])])
    # The stand-in sees a result everywhere, scores the degraded copy above its original, calls all 'clear'.
    canned = {f"answer of demo-00{n}": _critique(score) for n, score in ((1, 4), (2, 5), (3, 5))}
    report = calibrate(items, critic=lambda q, t, a: canned[a])
    assert report["items"] == 3 and report["errors"] == []
    assert report["star"]["result"]["precision"] == pytest.approx(2 / 3)
    assert report["star"]["result"]["recall"] == pytest.approx(1.0)
    assert report["star"]["situation"]["f1"] == pytest.approx(1.0)
    assert report["ownership"]["accuracy"] == pytest.approx(2 / 3)
    assert report["score"]["exact"] == pytest.approx(0.0) and report["score"]["within_1"] == pytest.approx(2 / 3)
    assert report["pairs"] == {"count": 1, "complete_beats_degraded": 0.0, "ties": 0, "reversed": 1}
    assert report["primary_gap"]["accuracy"] == pytest.approx(0.0)  # got result/none/none vs none/result/ownership
    assert {"id": "demo-003", "field": "ownership", "label": "mixed", "got": "clear"} in report["misses"]


def test_calibrate_reports_critic_failures_instead_of_crashing(tmp_path: Path) -> None:
    items = load_labeled([_write(tmp_path, [_item("demo-001"), _item("demo-002", question="Other?")])])

    def flaky(question: str, qtype: str, answer: str) -> Critique:
        if answer.endswith("002"):
            raise RuntimeError("boom")
        return _critique(5)

    report = calibrate(items, critic=flaky)
    assert report["items"] == 1 and report["errors"] == [{"id": "demo-002", "error": "RuntimeError: boom"}]


# --- the real labelled set -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_set() -> list[LabeledItem]:
    return load_labeled()


def test_real_set_covers_roles_types_styles_and_pairs(real_set: list[LabeledItem]) -> None:
    assert len(real_set) >= 160
    per_role = Counter(i.role for i in real_set)
    assert set(per_role) == set(ROLES) and min(per_role.values()) >= 38
    for role in ROLES:
        assert {i.question_type for i in real_set if i.role == role} == {
            "behavioral", "technical", "system_design", "leadership", "motivation"}  # fmt: skip
    assert sum(1 for i in real_set if i.degraded_of) >= 30
    styles = Counter(i.style for i in real_set)
    for style in ("strong", "terse", "rambling", "typos", "we_only", "mixed_we", "vague_outcome",
                  "context_numbers", "no_number_result", "missing_failure_modes", "no_example",
                  "motivation", "non_answer", "injection"):  # fmt: skip
        assert styles[style] >= 2, style
    assert any(i.answer.strip() == "" for i in real_set)  # the empty answer is in the set


def _real_critic_available() -> bool:
    try:
        return hasattr(importlib.import_module("agent.critic"), "critique_answer")
    except ImportError:
        return False


needs_critic = pytest.mark.skipif(not _real_critic_available(), reason="agent.critic.critique_answer not there yet")


@needs_critic
def test_cli_prints_the_table_for_the_real_set(capsys) -> None:
    assert main(["--role", "director", "--show-misses"]) == 0
    out = capsys.readouterr().out
    assert "Disagreements (" in out and "Score agreement by question type" in out
    for row in ("star.situation", "STAR macro-F1", "quantified_result", "ownership", "specificity",
                "primary_gap", "score exact", "score within 1", "complete beats degraded"):  # fmt: skip
        assert row in out, row


@needs_critic
def test_cli_json_and_misses_on_the_real_set(capsys) -> None:
    assert main(["--json", "--show-misses", "--role", "ai-engineer"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] + len(report["errors"]) == sum(1 for i in load_labeled() if i.role == "ai-engineer")
    assert 0.0 <= report["score"]["exact"] <= report["score"]["within_1"] <= 1.0
    assert report["pairs"]["count"] >= 7
    assert all(set(m) == {"id", "field", "label", "got"} for m in report["misses"])


def test_cli_unknown_role_is_a_one_line_error(capsys) -> None:
    assert main(["--role", "astronaut"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "astronaut" in err and "director" in err


# --- the held-out set (evals/holdout: measured, never tuned on) ------------------------------------


def test_holdout_set_loads_and_is_valid() -> None:
    holdout = load_labeled(directory=HOLDOUT_DIR)
    assert len(holdout) == 48
    per_role = Counter(i.role for i in holdout)
    assert per_role == dict.fromkeys(ROLES, 12)
    for role in ROLES:
        assert {i.question_type for i in holdout if i.role == role} == {
            "behavioral", "technical", "system_design", "leadership", "motivation"}  # fmt: skip
    assert all(i.id.startswith(f"holdout-{i.role}-") for i in holdout)
    assert sum(1 for i in holdout if i.degraded_of) == 8
    assert sum(1 for i in holdout if i.labels.primary_gap == "non_answer") >= 6
    # Held out means disjoint from the tuning set: no shared id and no reused answer text.
    tuned = load_labeled()
    assert not {i.id for i in holdout} & {i.id for i in tuned}
    assert not {i.answer.strip() for i in holdout if i.answer.strip()} & {i.answer.strip() for i in tuned}


def test_set_option_rejects_a_missing_directory_in_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--set", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nowhere" in err and "not a directory" in err


@needs_critic
def test_cli_runs_on_the_holdout_set_with_set_option(capsys) -> None:
    assert main(["--set", str(HOLDOUT_DIR), "--json", "--show-misses"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] + len(report["errors"]) == 48
    assert report["pairs"]["count"] == 8
    assert all(m["id"].startswith("holdout-") for m in report["misses"])
