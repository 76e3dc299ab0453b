"""How the critic's identifiers and notes read to a candidate: gap names in words, story notes without a
doubled prefix, and the bundled sample bank never called "your notes"."""

from __future__ import annotations

import re

# What each gap asks the candidate to practise, short enough for a table cell.
GAP_LABELS = {
    "relevance": "answering the question asked",
    "level": "answering at the level of the role",
    "signal": "what a strong answer shows",
    "situation": "setting the scene",
    "task": "your own task",
    "action": "the steps you took",
    "result": "the outcome",
    "quantified_result": "numbers on results",
    "ownership": "your own part (I vs we)",
    "specificity": "specifics: systems, tools, numbers",
    "tradeoffs": "trade-offs",
    "requirements": "requirements first",
    "scale": "the scale designed for",
    "failure_modes": "failure modes",
    "rationale": "why you chose it",
    "example": "a concrete example",
    "non_answer": "giving an answer",
    "notes_mismatch": "figures that match your notes",
    "none": "none",
}
_SAMPLE_OWNER = re.compile(r"\b[Yy]our (story|stories|notes)\b")


def gap_label(gap: object) -> str:
    """A gap identifier in words ("quantified_result" -> "numbers on results"); unknown text as it is."""
    text = str(gap or "")
    return GAP_LABELS.get(text, text.replace("_", " "))


def story_note(message: str, sample_bank: bool) -> str:
    """A story note as shown: for the bundled sample bank "your story" becomes "the sample story"."""
    if not sample_bank:
        return message

    def owner(match: re.Match[str]) -> str:
        word = "The" if match.group(0)[0] == "Y" else "the"
        return f"{word} sample {match.group(1)}"

    return _SAMPLE_OWNER.sub(owner, message)
