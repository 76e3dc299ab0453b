"""The labelled set loader, the calibration metrics and the `python -m evals.calibrate` command."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import evals.labels as labels_mod
from agent.critic.schema import Critique, StarFlags
from evals.calibrate import (
    CHECK_SETS,
    FLOOR,
    SIGNAL_PRECISION_FLOOR,
    SIGNAL_RECALL_FLOOR,
    calibrate,
    check_dir,
    failing,
    main,
)
from evals.calibrate_stats import classes, prf
from evals.labels import BLIND_DIR, LabeledItem, LabelError, load_labeled

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
        (_item("demo-002", labels={"score": 5, "primary_gap": "result"}), "a score of 5 names no primary_gap"),
        (_item("demo-002", labels={"score": 3, "primary_gap": "none"}), "primary_gap none needs 5 in the score range"),
        (_item("demo-002", style="shouty"), "unknown style 'shouty'"),
        (_item("demo-002", question_type="trivia"), "question_type"),
        (_item("demo-002", role="director"), "does not match file demo.yaml"),
        (_item("demo-002", notes={"score": "x"}), "notes.score"),
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


def _critique(score: int, result: bool = True, relevance: str = "on_topic", **extra: Any) -> Critique:
    gaps = [] if score == 5 else ["result"]
    return Critique(
        question_type="behavioral",
        star=StarFlags(situation=True, task=True, action=True, result=result),
        quantified_result=result,
        ownership="clear",
        specificity="high",
        relevance=relevance,  # type: ignore[arg-type]
        weak_or_missing=gaps,  # type: ignore[arg-type]
        gap="" if score == 5 else "no result",
        score=score,
        **extra,
    )


def test_calibrate_reports_exact_figures_for_a_stand_in_critic(tmp_path: Path) -> None:
    pair = _item("demo-002", style="degraded", degraded_of="demo-001", labels={**WEAK, "star": {
        "situation": True, "task": True, "action": True, "result": False}})  # fmt: skip
    off = _item("demo-003", question="Another question?", style="off_topic",
                labels={"score": [1, 2], "primary_gap": "relevance", "relevance": "off_topic"},
                follow_ups=[{"question": "What did you do?", "probes": "ownership", "answer": "no idea",
                             "labels": {"score": 1, "closes_gap": False}}])  # fmt: skip
    items = load_labeled([_write(tmp_path, [_item("demo-001"), pair, off])])
    # The stand-in sees a result everywhere, scores the degraded copy above its original, misses the off-topic one.
    canned = {"answer of demo-001": _critique(4), "answer of demo-002": _critique(5),
              "answer of demo-003": _critique(4)}  # fmt: skip
    follow = _critique(2, probes="ownership", closes_gap=False)
    report = calibrate(items, judge=lambda i: (canned[i.answer], [follow] * len(i.follow_ups)))
    assert report["items"] == 3 and report["follow_ups"] == 1 and report["errors"] == []
    assert report["star"]["result"]["precision"] == pytest.approx(2 / 3)
    assert report["star"]["result"]["recall"] == pytest.approx(1.0)
    figures = report["figures"]
    assert figures["score_in_range"] == pytest.approx(0.0)
    assert figures["off_topic_capped"] == pytest.approx(0.0)
    assert figures["strong_high"] == pytest.approx(1.0)  # demo-001 is labelled 5 and scored 4
    assert figures["follow_up_in_range"] == pytest.approx(0.0) and report["closes_gap"] == pytest.approx(1.0)
    assert report["relevance"]["accuracy"] == pytest.approx(2 / 3)
    assert report["pairs"] == {"count": 1, "complete_beats_degraded": 0.0, "ties": 0}
    assert {"id": "demo-003", "field": "relevance", "label": "off_topic", "got": "on_topic"} in report["misses"]
    assert failing(report)  # below every bar it can be below


def test_calibrate_reports_critic_failures_instead_of_crashing(tmp_path: Path) -> None:
    items = load_labeled([_write(tmp_path, [_item("demo-001"), _item("demo-002", question="Other?")])])

    def flaky(item: LabeledItem) -> tuple[Critique, list[Critique]]:
        if item.id.endswith("002"):
            raise RuntimeError("boom")
        return _critique(5), []

    report = calibrate(items, judge=flaky)
    assert report["items"] == 1 and report["errors"] == [{"id": "demo-002", "error": "RuntimeError: boom"}]


def test_loader_reads_v2_items_with_ranges_and_follow_ups(tmp_path: Path) -> None:
    item = _item("demo-001", labels={"score": [2, 3], "primary_gap": "level", "level": "below"})
    item["labels"].pop("star")
    items = load_labeled([_write(tmp_path, [item])])
    assert items[0].labels.score == (2, 3) and items[0].labels.star is None and items[0].labels.exact == 3
    bad = _item("demo-001", labels={"score": [3, 4], "primary_gap": "level", "relevance": "off_topic"})
    with pytest.raises(LabelError, match="off-topic answer scores at most 2"):
        load_labeled([_write(tmp_path, [bad])])


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


def test_cli_prints_the_figures_for_one_role(capsys) -> None:
    assert main(["--role", "director", "--show-misses"]) == 0
    out = capsys.readouterr().out
    assert "Disagreements (" in out
    for row in ("score_in_range", "off_topic_capped", "strong_high", "below_level_capped", "follow_up_in_range",
                "star_macro_f1", "quantified_f1", "relevance accuracy", "complete beats degraded"):  # fmt: skip
        assert row in out, row


def test_cli_unknown_role_is_a_one_line_error(capsys) -> None:
    assert main(["--role", "astronaut"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "astronaut" in err and "director" in err


# --- the blind set (evals/blind: measured, never tuned on) ----------------------------------------


def test_blind_set_loads_and_is_disjoint_from_the_tuned_set() -> None:
    blind = load_labeled(directory=BLIND_DIR)
    assert len(blind) >= 80
    assert set(Counter(i.role for i in blind)) == set(ROLES)
    # Looked-at blind misses move to the tuned set and reserve items replace them in file order, so the mix drifts
    # (evals/blind/README.md); the blind set keeps enough off-topic stories for the figure to mean something.
    assert sum(1 for i in blind if i.labels.relevance == "off_topic") >= 10
    assert sum(1 for i in blind if i.labels.level == "below") >= 12
    assert sum(len(i.follow_ups) for i in blind) >= 16
    tuned = load_labeled()
    assert not {i.id for i in blind} & {i.id for i in tuned}
    assert not {i.answer.strip() for i in blind if i.answer.strip()} & {i.answer.strip() for i in tuned}


def test_set_option_rejects_a_missing_directory_in_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--set", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nowhere" in err and "not a directory" in err


def test_labelled_set_holds_its_measured_floor() -> None:
    """The tuned set's figures may not fall below what was measured when the critic was rebuilt (FLOOR)."""
    report = calibrate(load_labeled())
    low = {k: round(v, 3) for k, v in report["figures"].items() if v < FLOOR[k]}
    assert not low, f"below the measured floor: {low}"
    # A signal is credited only when a sentence shows it, not when it shares the signal's words.
    assert report["signals"]["precision"] >= SIGNAL_PRECISION_FLOOR, report["signals"]
    assert report["signals"]["recall"] >= SIGNAL_RECALL_FLOOR, report["signals"]


@pytest.mark.parametrize("name", list(CHECK_SETS))
def test_check_set_holds_its_measured_floor(name: str) -> None:
    """Each of the critic's check sets (evals/critic_dev*, written apart from the tuned set and from each other)
    keeps what the critic reached on it (CHECK_SETS): a rule that fits only the tuned items shows up here."""
    items = load_labeled(directory=check_dir(name))
    assert len(items) >= 40 and {i.role for i in items} == set(ROLES)
    earlier = list(CHECK_SETS)[: list(CHECK_SETS).index(name)]
    seen = {i.answer.strip() for d in (None, *map(check_dir, earlier)) for i in load_labeled(directory=d)}
    assert not {i.answer.strip() for i in items} & seen
    report = calibrate(items)
    floor = CHECK_SETS[name]
    low = {k: round(report["figures"][k], 3) for k, bound in floor.items() if report["figures"][k] < bound}
    assert not low, f"below {name}'s floor: {low}"
