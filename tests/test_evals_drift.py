"""The drift set: changed figures are caught and faithful retellings raise no contradiction (issue 10 bars)."""

from __future__ import annotations

from evals.drift import CAUGHT_BAR, FALSE_BAR, evaluate


def test_drift_set_meets_the_bars() -> None:
    report = evaluate()
    assert report["changed"] >= 20 and report["faithful"] >= 20
    assert report["missing_stories"] == []
    assert report["caught_rate"] >= CAUGHT_BAR, [r["id"] for r in report["items"] if r["caught"] is False]
    claimed = [r["id"] for r in report["items"] if r["false_contradiction"]]
    assert report["false_contradiction_rate"] <= FALSE_BAR, claimed
    assert report["wrong_pair_notes"] == 0


def test_a_set_may_name_a_story_by_part_of_its_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A story named by part of its heading (a bold question in a Q&A doc) is found; one named by a part that two
    headings share is reported missing rather than guessed."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "qa.md").write_text(
        "# Prep answers\n\n"
        "**Q: Tell me about a time you cut a cloud bill.**\n\n"
        "Our storage bill was $90K a month. I moved cold logs to an archive tier and set a 30-day expiry, and "
        "the bill fell to $35K a month within one quarter.\n\n"
        "**Q: Tell me about a time you cut a release's lead time.**\n\n"
        "Releases took 9 days from merge to production. I split the suite and automated sign-off, and lead time "
        "fell to 2 days over six weeks.\n",
        encoding="utf-8",
    )
    (tmp_path / "retellings.yaml").write_text(
        "questions:\n  bill: 'Tell me about a time you reduced costs.'\n"
        "  lead: 'Tell me about a time you sped up delivery.'\n"
        "stories:\n  bill: 'cut a cloud bill'\n  lead: 'Tell me about a time you cut a'\n"
        "items:\n"
        "  - {id: bill-after, story: bill, kind: changed, notes_value: '$35K', said_value: '$55K', answer: "
        "'Storage cost us $90K a month; after I moved cold logs to an archive tier it came down to $55K a month.'}\n",
        encoding="utf-8",
    )
    report = evaluate(tmp_path)
    assert report["missing_stories"] == ["lead"]
    assert report["items"][0]["story_found"] is True
