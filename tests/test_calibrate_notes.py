"""Labelled items with the candidate's notes and follow-up chains: validation, how calibration hands them to the
critic (the notes through the real ingestion and story index, each reply as the graph judges it) and the figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import agent.critic as critic
from evals.calibrate import calibrate, main
from evals.labels import LabeledItem, LabelError, load_labeled

QUESTION = "Tell me about a production problem you fixed and how you measured the fix."
NOTE = """## Ledger export stall

- The nightly ledger export stalled whenever a partner sent a malformed currency code.
- I added a quarantine table and a validator in front of the export job.
- Stalled nights went from 9 a month to 1 in eight weeks.
"""
TOLD = (
    "The nightly ledger export stalled whenever a partner sent a malformed currency code. I added a quarantine "
    "table and a validator in front of the export job. Stalled nights went from 9 a month to {} in {} weeks."
)
TERSE_NOTE = "## Ledger export stall\n- export stalled on bad ccy codes\n- quarantine tbl + validator\n- 9/mo -> 1\n"


def _item(item_id: str, **over: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id,
        "role": "ai-engineer",
        "question": QUESTION,
        "question_type": "behavioral",
        "style": "strong",
        "answer": TOLD.format(1, "eight"),
        "candidate_notes": NOTE,
        "labels": {"score": [3, 5], "notes_mismatch": False},
        "notes": {"score": "a real fix with a measured outcome"},
    }
    item.update(over)
    return item


def _follow_up(answer: str, score: Any = 3, closes: bool = True, relevance: str = "on_topic") -> dict[str, Any]:
    return {
        "question": "What did you do yourself?",
        "probes": "ownership",
        "answer": answer,
        "labels": {"score": score, "closes_gap": closes, "relevance": relevance},
    }


def _write(tmp_path: Path, items: list[dict[str, Any]]) -> Path:
    path = tmp_path / "ai-engineer.yaml"
    path.write_text(yaml.safe_dump(items, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("over", "reason"),
    [
        ({"labels": {"score": 4}}, "candidate_notes and labels.notes_mismatch go together"),
        ({"candidate_notes": None, "labels": {"score": 4, "notes_mismatch": True}}, "go together"),
        ({"candidate_notes": "  \n"}, "candidate_notes is empty"),
        ({"follow_ups": [_follow_up("A story about hiring instead.", 3, False, "off_topic")]},
         "an off-topic follow-up answer scores at most 2 and closes no gap"),
        ({"follow_ups": [_follow_up("Mine.", 1, False, "off_topic") | {"labels": {"score": 1, "closes_gap": True,
                                                                                   "relevance": "off_topic"}}]},
         "closes no gap"),
        ({"follow_ups": [_follow_up("I wrote the validator.")] * 4}, "at most three follow-ups"),
    ],
)  # fmt: skip
def test_loader_rejects_bad_notes_and_chains_naming_file_id_and_reason(tmp_path: Path, over: dict, reason: str) -> None:
    bad = _item("ai-engineer-902", **over)
    if bad["candidate_notes"] is None:
        del bad["candidate_notes"]
    path = _write(tmp_path, [_item("ai-engineer-901"), bad])
    with pytest.raises(LabelError) as err:
        load_labeled([path])
    message = str(err.value)
    assert str(path) in message and "item ai-engineer-902" in message and reason in message
    assert "\n" not in message


def test_notes_reach_the_critic_through_ingestion_and_mismatch_is_measured(tmp_path: Path) -> None:
    items = load_labeled([_write(tmp_path, [
        _item("ai-engineer-901"),  # agrees with the note
        _item("ai-engineer-902", answer=TOLD.format(4, "eight"), labels={"score": [2, 4], "notes_mismatch": True}),
        _item("ai-engineer-903", answer=TOLD.format(1, "three"), labels={"score": [2, 4], "notes_mismatch": True}),
        _item("ai-engineer-904", answer=TOLD.format(1, "eight") + " The finance team noticed within a day.",
              labels={"score": [3, 5], "notes_mismatch": False}),  # adds detail the note lacks
        _item("ai-engineer-905", candidate_notes=TERSE_NOTE, answer=TOLD.format(4, "eight"),
              labels={"score": [2, 4], "notes_mismatch": True}),
    ])])  # fmt: skip
    report = calibrate(items)
    notes = report["notes_mismatch"]
    assert notes["items"] == 5 and notes["support"] == 3
    # Contradicted figures are caught in the notes the ingestion reads; the terse note yields no story, so the
    # critic has nothing to compare with there, and the report says which note that was.
    assert (notes["tp"], notes["fp"], notes["fn"]) == (2, 0, 1)
    assert notes["no_story"] == ["ai-engineer-905"]
    assert {m["id"] for m in calibrate(items)["misses"] if m["field"] == "notes_mismatch"} == {"ai-engineer-905"}


def test_items_without_notes_get_no_stories_and_no_mismatch_figure(tmp_path: Path) -> None:
    plain = _item("ai-engineer-901", answer=TOLD.format(4, "three"), labels={"score": [2, 5]})
    del plain["candidate_notes"]
    report = calibrate(load_labeled([_write(tmp_path, [plain])]))
    assert report["notes_mismatch"]["items"] == 0 and report["notes_mismatch"]["no_story"] == []


def test_each_reply_of_a_chain_is_judged_as_the_graph_judges_it(tmp_path: Path, monkeypatch) -> None:
    """Every reply, in order, against its own follow-up, with the main answer as `earlier` and the stories retrieved
    for that reply (agent/nodes/critique.py); the figures are split into first and later replies."""
    replies = ["I wrote the validator myself and paired with the partner team on the codes.",
               "We later hired a second analyst for the finance close.",
               "I chose a quarantine table over dropping rows so finance could replay them."]  # fmt: skip
    chain = [_follow_up(replies[0], [3, 5], True),
             _follow_up(replies[1], [1, 2], False, "off_topic") | {"question": "Why a quarantine table?",
                                                                     "probes": "rationale"},
             _follow_up(replies[2], [3, 5], True) | {"question": "What would you do differently?"}]  # fmt: skip
    seen: list[tuple[str, str, str, list[str]]] = []
    real = critic.critique_follow_up

    def spy(info: Any, follow_up: str, probes: str, answer: str, stories: Any = (), **kw: Any) -> Any:
        seen.append((follow_up, answer, kw["earlier"], [s.title for s in stories]))
        return real(info, follow_up, probes, answer, stories, **kw)

    monkeypatch.setattr(critic, "critique_follow_up", spy)
    items = load_labeled([_write(tmp_path, [_item("ai-engineer-901", follow_ups=chain)])])
    report = calibrate(items)
    assert [s[1] for s in seen] == replies
    assert [s[0] for s in seen] == ["What did you do yourself?", "Why a quarantine table?",
                                    "What would you do differently?"]  # fmt: skip
    assert all(s[2] == items[0].answer for s in seen)
    assert all(s[3] == ["Ledger export stall"] for s in seen)  # the note's story, found for the main question
    split = report["follow_up_replies"]
    assert (split["first"]["count"], split["later"]["count"], split["later"]["off_topic"]) == (1, 2, 1)
    assert report["follow_ups"] == 3


def test_cli_shows_the_new_figures(tmp_path: Path, capsys) -> None:
    _write(tmp_path, [_item("ai-engineer-901", follow_ups=[_follow_up("I wrote the validator myself.")] * 2)])
    assert main(["--set", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "notes_mismatch: precision / recall" in out and "later follow-up replies (n=1)" in out


def test_an_item_keeps_its_note_text(tmp_path: Path) -> None:
    (item,) = load_labeled([_write(tmp_path, [_item("ai-engineer-901")])])
    assert isinstance(item, LabeledItem) and item.candidate_notes == NOTE and item.labels.notes_mismatch is False
