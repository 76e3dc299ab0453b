"""A price under a cent said as a fraction of one ("about a quarter of a cent a page", "a cent and a half") restates
the notes' dollar figure: no line saying it was left out. Notes and answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.metrics import cent_shares
from knowledge.models import Story

QUESTION = "Tell me about a time you made a document pipeline cheaper to run."
RESULT = "OCR cost per page went from $0.015 to $0.0025, and nightly runs finished by 4am."
NOTES = Story(
    id="s-ocr", title="OCR pipeline on spot machines", source="notes.md", competencies=["execution"],
    text=("Situation: scanning invoices through a hosted OCR service was our largest line item. Action: I moved "
          f"the OCR to our own model on spot machines and skipped blank pages. Result: {RESULT}"),
    result=RESULT,
)  # fmt: skip


def test_fractions_of_a_cent_are_read_in_cents() -> None:
    text = "it cost a cent and a half before and about a quarter of a cent after"
    assert [(m.text, m.value, m.unit) for m in cent_shares(text)] == [
        ("a cent and a half", 1.5, "cents"),
        ("a quarter of a cent", 0.25, "cents"),
    ]


def test_a_price_said_as_a_fraction_of_a_cent_is_not_left_out() -> None:
    told = ("Scanning invoices through a hosted OCR service was our largest line item. I moved OCR to our own model "
            "on spot machines and skipped blank pages. A page went from a cent and a half to about a quarter of a "
            "cent, and the nightly runs finished by 4am.")  # fmt: skip
    c = critique_answer(QUESTION, "behavioral", told, [NOTES], "execution")
    assert [n.notes_value for n in c.story_notes if n.kind in ("omitted_metric", "contradiction")] == []
