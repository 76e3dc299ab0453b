"""An answer over the cap (agent.cli_input.ANSWER_CAP) is kept whole beside the session's report (0600), so its
cut-off end is never lost (sweep27 S17: the last characters, where a story's result usually is, were gone for good).
Only the grading uses the first ANSWER_CAP characters."""

from __future__ import annotations

from pathlib import Path

from knowledge import data_files


def keep_whole_answer(thread_id: str, text: str) -> str:
    """Write `text` to reports/<id>.whole-answer-N.txt (the same text kept already is not written twice: an answer
    submitted while the session got ready is kept there at once, then again by the interview loop); what to say."""
    from agent.report import report_paths
    from knowledge.paths import write_private

    if not thread_id:
        return ""
    markdown, _ = report_paths(thread_id)
    try:
        markdown.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        number = 1
        while (target := markdown.with_name(f"{thread_id}.whole-answer-{number}.txt")).exists():
            if _holds(target, text):
                return f"; the whole text is kept in {target}"
            number += 1
        write_private(target, text)
    except OSError as exc:
        return f"; the whole text could not be kept ({exc.strerror or exc})"
    return f"; the whole text is kept in {target}"


def _holds(path: Path, text: str) -> bool:
    try:
        whole = text.encode("utf-8")
        return path.stat().st_size == len(whole) and data_files.read_bytes(path, len(whole)) == whole
    except OSError:
        return False


def keep_over_cap(thread_id: str, text: str) -> str:
    """At the submit key, before the answer journal takes the answer: an answer over the cap is kept whole first, so
    a kill once the answer counts never leaves only its first ANSWER_CAP characters (sweep28 S8). The notice to
    show, or "" for an answer within the cap."""
    from agent.cli_input import ANSWER_CAP, without_done
    from agent.safe_text import clean_text

    whole = without_done(clean_text(text))
    if len(whole) <= ANSWER_CAP:
        return ""
    where = keep_whole_answer(thread_id, whole)
    return f"Your answer was {len(whole):,} characters; the first {ANSWER_CAP:,} (the cap) are graded{where}."
