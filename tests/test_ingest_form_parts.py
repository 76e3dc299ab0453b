"""A form's part label that opens a part of every record ("FIX APPLIED:" on a line of its own in each repair
ticket) names no story: when the record's case is told only under that part (its opening parts are terse notes), the
record is the story, named by the record's heading and told from there, not a story called "FIX APPLIED".
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

RULE = "-" * 90


def _ticket(number: int, nickname: str, sym: str, cause: str, fix: list[str], after: str) -> list[str]:
    """One repair ticket: its header boxed between rules (banner, then a line of facts), then its parts."""
    banner = f'TICKET No. {number} | Tag: T-{number} "{nickname}" | Bench: the stand by the workshop window'
    facts = "Hours: 12 | In: 03/24  Out: 05/24 | Tech: RP"
    return [RULE, banner, facts, RULE, f"SYMPTOMS: {sym}", f"CAUSE: {cause}", "FIX APPLIED:",
            *[step if step.startswith(" ") else f" - {step}" for step in fix], f"FOLLOW-UP: {after}", ""]  # fmt: skip


TICKETS = "\n".join(
    [
        "REPAIR TICKETS - my interview stories (a habit from the bike shop)",
        "",
        *_ticket(
            41,
            "the flaky checkout",
            "checkout failed for one order in fifty, only on Mondays.",
            "a weekly key rotation raced the payment client's cache. I had missed it in review.",
            [
                "I paired with the payments engineer for two days and we reproduced it on Monday's traffic",
                "moved the key fetch behind a lock, added a retry with the fresh key",
            ],
            "failed orders went from 2% to none in eight weeks. I now ask for a replay test first.",
        ),
        *_ticket(
            42,
            "two mechanics, one stand",
            "two senior engineers blocked each other's reviews for a month.",
            "not really the code. One felt the other took credit for the last redesign.",
            [
                "separate 1:1s first, mostly listening, then a coffee with each of them away from the office",
                "asked them to write the options down together, with the criteria agreed BEFORE the options. I sat",
                "   in as the note-taker, not the judge, and kept the meeting to forty minutes",
                "the criteria picked the staged rewrite, with the other one's new interface on top",
                "made credit explicit: both names on the design doc, the demo given by both of them",
            ],
            "reviews that waited four days now wait one. They still argue, but in the doc. I should have"
            " stepped in three weeks sooner.",
        ),
        *_ticket(
            43,
            "the slow lane",
            "a new graduate had shipped nothing in six weeks.",
            "tickets too big, too shy to ask.",
            [
                "split her next ticket into four that could each ship in two days",
                "daily pairing slot with a different engineer each week. I reviewed her first PRs myself",
            ],
            "she shipped eleven changes the next month and runs the pairing rota now.",
        ),
    ]
)


def test_a_record_told_under_its_form_part_is_named_by_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "repair tickets.txt"
    path.write_text(TICKETS, encoding="utf-8")
    stories = ingest_paths([path]).stories
    titles = [s.title for s in stories]
    assert not any(t.strip(": ").upper() == "FIX APPLIED" for t in titles), titles
    found = [s for s in stories if "two mechanics, one stand" in s.title]
    assert len(found) == 1, titles
    assert "senior engineers" in found[0].text and "note-taker" in found[0].text  # told from the record's top
