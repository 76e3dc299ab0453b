"""One critique as short lines for the terminal panel and the Markdown report: only the flags that apply to the
question's shape (no S/T/R marks on a design), relevance and level when they matter, the signals covered and
missed, the gap, what a follow-up reply said against the previous reply, and the story notes."""

from __future__ import annotations

from typing import Any

from prompts import load_yaml

STAR_PARTS = ("situation", "task", "action", "result")
_CHECKS = {"rationale": "Reasons", "tradeoffs": "Trade-offs", "example": "Example", "requirements": "Requirements",
           "scale": "Scale", "failure_modes": "Failure modes"}  # fmt: skip


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def flag_line(crit: dict[str, Any]) -> str:
    """'Score 4/5   STAR: S ✓ T ✓ A ✓ R ✓   Metric ✗   Ownership: clear ...' for the flags that apply."""
    applies = crit.get("applies") or [*STAR_PARTS, "quantified_result", "ownership", "specificity"]
    parts = [f"Score {crit.get('score', '?')}/5"]
    if crit.get("probes") is not None:  # a follow-up answer: did it give what was asked?
        parts.append("Answered the follow-up " + _mark(bool(crit.get("closes_gap"))))
        return "   ".join(parts)
    star = crit.get("star", {})
    shown = [p for p in STAR_PARTS if p in applies]
    if shown:
        parts.append("STAR: " + "  ".join(f"{p[0].upper()} {_mark(bool(star.get(p)))}" for p in shown))
    if "quantified_result" in applies:
        parts.append(f"Metric {_mark(bool(crit.get('quantified_result')))}")
    gaps = set(crit.get("weak_or_missing") or [])
    shows = not crit.get("non_answer")  # "I don't know" lists only its non-answer gap, and shows nothing either
    parts += [f"{label} {_mark(shows and key not in gaps)}" for key, label in _CHECKS.items() if key in applies]
    if "ownership" in applies:
        parts.append(f"Ownership: {crit.get('ownership', '?')}")
    parts.append(f"Specificity: {crit.get('specificity', '?')}")
    return "   ".join(parts)


def detail_lines(crit: dict[str, Any], left: dict[str, Any] | None = None) -> list[str]:
    """Relevance, level and signals when they say something, then the gap. `left` is a follow-up turn's record of
    what the question still leaves open after it (the critique's own "left" when the report carried it there)."""
    out: list[str] = []
    if crit.get("relevance", "on_topic") != "on_topic":
        out.append(f"Relevance: {crit['relevance'].replace('_', ' ')}. {crit.get('relevance_note', '')}".rstrip())
    if crit.get("level") == "below":
        out.append(f"Level: below the role. {crit.get('level_note', '')}".rstrip())
    out += _signal_lines(crit, left if left is not None else crit.get("left"))
    if crit.get("gap") and crit.get("gap") not in (crit.get("relevance_note"), crit.get("level_note")):
        out.append(f"Gap: {crit['gap']}")
    if crit.get("probes") is not None:  # a follow-up reply: a repeat or a correction of the previous reply is said
        still_open = load_yaml("critic_phrases.yaml")["follow_up_open"]  # the flag line's ✗ says it already
        out += [note for note in crit.get("notes", []) if note != still_open]
    return out


def _signal_lines(crit: dict[str, Any], left: dict[str, Any] | None) -> list[str]:
    """The question's signals as shown and missing.

    A follow-up reply is judged on its own, so its own lists mark "missing" what the first answer showed: a
    candidate read "Missing:" under a reply as "still not covered" (newcomer trial N11). Under a reply the lines
    say what the question has shown so far, the answer and the replies together (the graph's record of what is
    left open), or, for a turn saved without that record, say that they judge the reply alone."""
    signals = crit.get("signals") or {}
    covered, missing = list(signals.get("covered") or []), list(signals.get("missing") or [])
    if crit.get("probes") is None:
        return [*(["Shows: " + "; ".join(covered)] if covered else []),
                *(["Missing: " + "; ".join(missing)] if missing else [])]  # fmt: skip
    if left is None:
        return [*(["This reply shows: " + "; ".join(covered)] if covered else []),
                *(["Not in this reply: " + "; ".join(missing)] if missing else [])]  # fmt: skip
    still = [str(s) for s in left.get("signals_missing") or []]
    so_far = [s for s in [*covered, *missing] if s not in still]
    out = ["Shown so far (answer and replies): " + "; ".join(so_far)] if so_far else []
    if still:
        out.append("Still missing for this question: " + "; ".join(still))
    return out
