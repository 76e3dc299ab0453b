"""The session report: a scorecard, a Markdown report and a JSON transcript.

build_scorecard is pure (the wrap_up node calls it); write_report writes data_dir()/reports/<thread>.md
and .json and is idempotent, so the driver may call it again after a resume.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from agent.critique_lines import detail_lines, flag_line
from agent.safe_text import clean_text
from agent.state import PlannedQuestion, TurnRecord
from agent.wording import gap_label
from knowledge import data_files
from knowledge.paths import data_dir, write_private
from prompts import load_yaml

PRACTICE_ITEMS = 3
NOTES_MISMATCH = "notes_mismatch"  # a scorecard gap, not a critic one: a figure that contradicts the candidate's notes
UNANSWERED = 1  # what a skipped or never-reached question counts for in the overall score (a non-answer's score)


def final_critique(turns: list[TurnRecord], index: int) -> dict[str, Any] | None:
    """The critique of a question's main answer (follow-up answers are judged on their own)."""
    judged = [t["critique"] for t in turns if t["question_index"] == index and not t["is_follow_up"]]
    return judged[0] if judged and judged[0] is not None else None


def combined_score(main: dict[str, Any], follow_ups: list[dict[str, Any]]) -> int:
    """A question's score from its first answer and its follow-up answers, so that needing prompting costs.

    Each gap of the first answer that a follow-up reply closed adds a point, whether the follow-up asked for it or
    not, but a question that needed a gap follow-up scores at most 4; a depth follow-up on a complete answer
    answered badly (2 or less) takes a point off.
    """
    return score_steps(main, follow_ups)[0]


def follow_up_critiques(turns: Sequence[Any]) -> list[dict[str, Any]]:
    """The critiques of one question's follow-up replies, in order. A reply to the depth follow-up that asks whether a
    design told as intent was ever built is marked `experience_asked`: the question did not ask for a built one, so
    an honest "not yet" tells the interviewer something and must not cost the question a point. A reply's turn record
    `left` (the first answer's gaps still open after it) is carried as `left`; a reply to a follow-up asking which of
    two figures is right is marked `which_asked`, so its score step names that ask."""
    # Here, not at the top: the critic package loads numpy and its models, which a report read from disk never needs.
    from agent.critic.which_holds import asks_which

    experience = set(load_yaml("follow_ups.yaml")["none"].get("hypothetical", {}).get("plain", []))
    out: list[dict[str, Any]] = []
    asked = None
    for t in turns:
        if t.get("is_follow_up") and t.get("critique") is not None:
            crit = {**t["critique"], "experience_asked": True} if asked in experience else dict(t["critique"])
            if asked and asks_which(asked):  # "Your notes say 47; you said 90. Which is right?"
                crit["which_asked"] = True
            if t.get("left") is not None:  # what the first answer still left open after this reply (score_steps)
                crit["left"] = t["left"]
            out.append(crit)
        asked = (t.get("follow_up") or {}).get("text")
    return out


def score_steps(main: dict[str, Any], follow_ups: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """combined_score with each step that moved it, in words for the report ("the follow-up on the outcome
    answered it (+1)"): a score that moved after the first answer otherwise reads as unexplained.

    A reply earns a point for each gap of the first answer it closed (_closed_by), the one its follow-up asked for
    and any other: since follow-ups listen, a gap a reply already closed is not asked for again, and counting only
    the asked gap made a reply that closed two at once worth less than two replies closing one each."""
    score = int(main["score"])
    steps = [f"first answer {score}"]
    prompted = False
    first_gaps = [str(g) for g in main.get("weak_or_missing") or []]
    open_gaps = first_gaps
    credited: set[str] = set()
    for c in follow_ups:
        probe = c.get("probes")
        depth = probe in (None, "none")
        closed = not depth and bool(c.get("closes_gap"))
        also = _closed_by(c, open_gaps, credited, probe)
        gained = len(also) + (1 if closed and str(probe) not in credited else 0)  # a gap earns its point once
        credited |= set(also) | ({str(probe)} if closed else set())
        if c.get("left") is not None:  # a gap the graph added after a reply (a number still owed) is not the first's
            open_gaps = [str(g) for g in c["left"].get("gaps", []) if g in first_gaps]
        prompted = prompted or not depth or gained > 0
        if not depth:
            # One reply moves a question by at most two points, one when it left what it was asked open: a reply
            # that touches several gaps in passing is not worth several follow-ups answered in turn.
            gained = min(gained, 2 if closed else 1)
            # The notes-drift follow-up probes the numbers but asked which figure is right: say that (N10).
            topic = "which figure is right" if c.get("which_asked") else gap_label(probe)
            head = f"the follow-up on {topic} " + ("answered it" if closed else "left it open")
            joiner = " and the reply also covered " if closed else ", but the reply covered "
        elif c.get("experience_asked") and int(c["score"]) <= 2:
            # asked whether a design was ever built: an honest "not yet" costs nothing
            head, joiner = "the follow-up on whether it was built answered", ", and the reply also covered "
        else:
            weak = int(c["score"]) <= 2
            head = "the depth follow-up answered weakly" if weak else "the depth follow-up answered"
            joiner, gained = ", and the reply also covered ", gained - (1 if weak else 0)
        score += gained
        step = _step(head, also, gained, joiner)
        steps.append(step + " (no change)" if step == "the follow-up on whether it was built answered" else step)
    cap, why = (4, "a follow-up had to ask for it") if prompted else (5, "")
    if main.get("relevance") == "off_topic":
        cap, why = min(cap, 3), "the first answer was off topic"  # brought back to the question, it still missed it
    final = max(1, min(score, cap))
    if final < score:
        steps.append(f"at most {cap}: {why}")
    return final, steps


def _closed_by(reply: dict[str, Any], before: list[str], credited: set[str], probe: Any) -> list[str]:
    """The first answer's gaps this reply closed besides the one its follow-up asked for: open before it (`before`,
    the previous reply's `left` or the first answer's gaps) and no longer open after it (its `left`). The asked gap
    counts by the reply's own verdict (closes_gap), so a reply judged not to give it earns nothing for it. A turn
    saved before `left` was recorded closed only what it was asked."""
    left = reply.get("left")
    if left is None:
        return []
    after = set(left.get("gaps", []))
    return [g for g in before if g not in after and g != probe and g not in credited]


def _step(head: str, also: list[str], delta: int, joiner: str) -> str:
    """One line of score_steps: what the reply did, the other gaps it covered and the points it moved."""
    # "specifics: systems, tools, numbers" would read as three more items of the list: its head word only
    text = head + (joiner + _and_list([gap_label(g).split(":")[0] for g in also]) if also else "")
    return f"{text} ({delta:+d})" if delta or also else text


def _and_list(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _row(q: PlannedQuestion, index: int, turns: list[TurnRecord]) -> dict[str, Any]:
    critique = final_critique(turns, index)
    mine = [t for t in turns if t["question_index"] == index]
    follow_ups = follow_up_critiques(mine)
    row: dict[str, Any] = {
        "index": index,
        "question_id": q["id"],
        "question": q["text"],
        "type": q["type"],
        "competency": q["competency"],
        "asked": bool(mine),
        "skipped": bool(mine) and critique is None,
        "follow_ups": sum(1 for t in mine if t["is_follow_up"]),
        "score": None,
    }
    if critique is not None:
        gaps = critique.get("weak_or_missing") or []
        if gaps and gaps[0] == "quantified_result" and _contradicts_notes(critique):
            # The critic leads with a figure that disagrees with the candidate's notes (its gap sentence is that
            # note): that, not "numbers on results", is what the scorecard and the practice list name.
            gaps = [NOTES_MISMATCH, *gaps[1:]]
        first_missing = (critique.get("signals") or {}).get("missing", [])
        # What the follow-ups left open, as the graph worked it out when it chose the next follow-up (a turn of an
        # older session has no record of it: its first answer's lists stand). still_open is the one list of what is
        # open, for the report's text and the JSON alike: its "signal" stands for the signals_missing listed.
        left = next((t["left"] for t in reversed(mine) if t["is_follow_up"] and t.get("left")), None)
        open_gaps = _still_open(left["gaps"] if left else gaps, left["signals_missing"] if left else first_missing)
        if left and "signal" in gaps and left["signals_missing"] and "signal" not in open_gaps:
            # A signal follow-up answered closes its probe, but the first answer's other missing signals are still
            # listed under the last reply: "Nothing is left open" above them read as a contradiction (N10).
            open_gaps.append("signal")
        last = follow_ups[-1] if follow_ups else {}
        if _contradicts_notes(last) and NOTES_MISMATCH not in open_gaps:
            open_gaps.insert(0, NOTES_MISMATCH)  # the last reply's figure disagrees with the notes: still to settle
        score, steps = score_steps(critique, follow_ups)
        row.update(
            score=score,
            score_steps=steps,
            first_score=critique["score"],
            follow_up_scores=[c["score"] for c in follow_ups],
            relevance=critique.get("relevance", "on_topic"),
            level=critique.get("level", "at"),
            signals_missing=left["signals_missing"] if left else first_missing,
            first_signals_missing=first_missing,
            still_open=open_gaps,
            applies=critique.get("applies", []),
            star=critique["star"],
            quantified=critique["quantified_result"],
            ownership=critique["ownership"],
            specificity=critique["specificity"],
            primary_gap=gaps[0] if gaps else "none",
            gaps=gaps,
        )
    return row


def _still_open(gaps: list[str], signals_missing: list[str]) -> list[str]:
    """The gaps still open: the critic's gaps the follow-ups did not close, "signal" among them only while one of
    the question's signals is missing. A signal the critic did not count as a gap (a full-marks answer) is not open:
    listing it under "Where it ended: 5/5" read as a contradiction (newcomer trial N17)."""
    return [g for g in gaps if g != "signal" or signals_missing]


def _contradicts_notes(critique: dict[str, Any]) -> bool:
    """The critique's gap is a contradiction with the candidate's own notes (core.critique_answer puts it first)."""
    gap = str(critique.get("gap") or "").strip()
    return bool(gap) and any(n.get("kind") == "contradiction" and str(n.get("message", "")).strip() == gap
                             for n in critique.get("story_notes", []))  # fmt: skip


def build_scorecard(plan: list[PlannedQuestion], turns: list[TurnRecord], ended_early: bool = False) -> dict:
    """Per-question scores, the overall score and the top things to practise."""
    rows = [_row(q, i, turns) for i, q in enumerate(plan)]
    scored = [r for r in rows if r["score"] is not None]
    # Every planned question counts: one skipped or never reached (the session ended early) is unanswered, so
    # answering one question well and ending the session cannot read as a strong interview. A session ended with
    # /end at its first question is scored by the same rule (1): it had no overall score while /skip then /end gave
    # 1.0 (sweep 43 F6). Only a session saved before any answer, still to be resumed, has none yet.
    over = ended_early or any(r["asked"] for r in rows)
    counted = [UNANSWERED if r["score"] is None else r["score"] for r in rows] if over else []
    gap_counts: Counter[str] = Counter()
    for r in scored:
        for rank, gap in enumerate(r["gaps"]):
            gap_counts[gap] += 3 if rank == 0 else 1  # a primary gap counts more than a secondary one
    advice = load_yaml("interviewer.yaml")["practice"]
    practice = [
        {"gap": gap, "advice": advice.get(gap, ""), "weight": n}
        for gap, n in sorted(gap_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:PRACTICE_ITEMS]
    ]
    card: dict[str, Any] = {
        "questions": rows,
        "planned": len(plan),
        "answered": len(scored),
        "skipped": sum(1 for r in rows if r["skipped"]),
        "unanswered": sum(1 for r in rows if r["score"] is None),
        "ended_early": ended_early,
        "overall": round(sum(counted) / len(counted), 2) if counted else None,
        "practice": practice,
    }
    usages = [t["usage"] for t in turns if t.get("usage")]
    if usages:  # an LLM refined some turns: say what it cost
        from agent.llm import session_cost

        card["llm"] = session_cost(usages)  # type: ignore[arg-type]
    return card


def _critique_md(c: dict[str, Any], left: dict[str, Any] | None = None) -> list[str]:
    out = [f"- {flag_line(c)}", *(f"- {line}" for line in detail_lines(c, left))]
    out += [f"- Strength: {s}" for s in c.get("strengths", [])]
    # a depth follow-up probes no gap ("none"): its reply's evidence is the depth asked for
    out += [f'- Evidence ({"depth" if e["field"] == "none" else e["field"]}): "{e["span"]["text"]}"'
            for e in c.get("evidence", [])]  # fmt: skip
    out += [f"- Story note ({n['story_title']}): {n['message']}" for n in notes_beyond_gap(c)]
    return out


def notes_beyond_gap(crit: dict[str, Any]) -> list[dict[str, Any]]:
    """The critique's story notes, less one that is the gap itself (a contradiction with the notes is often the
    main gap: said once, on the Gap line, in the panel and in the report)."""
    gap = str(crit.get("gap") or "").strip()
    return [n for n in crit.get("story_notes", []) if str(n.get("message", "")).strip() != gap]


def model_failure_line(usage: dict[str, Any] | None) -> str | None:
    """'offline critique: the model failed: server error (HTTP 500)' for a turn the configured model did not grade
    (said in the report and in the next prompt a service client gets); None otherwise."""
    failed = (usage or {}).get("failed")
    return f"offline critique: the model failed: {failed}" if failed else None


def _not_sent(usage: dict[str, Any] | None) -> bool:
    """The model was not asked for this answer (it had failed just before: agent.llm.structured waits before asking
    again), so the offline critic graded it without a call: not a failure of the model on it (sweep29 S7)."""
    found = usage or {}
    return bool(found.get("failed")) and (found.get("calls") == 0 or str(found["failed"]).startswith("not sent"))


def _critic_label(model: Any, turns: Sequence[TurnRecord], offline_now: bool) -> str:
    """What graded the answers when a model was configured: it, or the offline critic where the model failed, was
    not asked, or the session was resumed with --offline (a main answer graded offline with no model failure)."""
    critiqued = [t for t in turns if t.get("critique") is not None]
    failing = [t for t in critiqued if model_failure_line(t.get("usage"))]
    unsent = sum(1 for t in failing if _not_sent(t.get("usage")))
    failed = len(failing) - unsent
    graded = sum(1 for t in critiqued if (t["critique"] or {}).get("source") == "llm")
    # never sent by choice (sweep30 S15): the session went on offline, so these answers had no model call at all
    chosen = sum(1 for t in critiqued if not t.get("is_follow_up") and not t.get("usage")
                 and (t["critique"] or {}).get("source") != "llm")  # fmt: skip
    name = f" ({model})" if model else ""
    if not failing and not chosen:
        return f"LLM-assisted critic{name}"
    answers = graded + len(failing) + chosen  # follow-up answers are judged offline by design: never sent, not counted
    follow_ups = len(critiqued) - answers
    offline = f" (and {follow_ups} follow-up answer{'s' * (follow_ups != 1)} offline, as always)" if follow_ups else ""
    held = f"{unsent} not sent (the model had failed just before)" if unsent else ""
    why_not = "--offline" if offline_now else "the model was not asked"
    by_choice = f"{chosen} graded offline ({why_not})" if chosen else ""
    if not graded and not failed:
        why = "; ".join(part for part in (held, by_choice) if part)
        return f"offline critic: no answer was sent to the model{name}, graded 0 of {answers}: {why}{offline}"
    if not graded:
        also = "".join(f"; {part}" for part in (held, by_choice) if part)
        every = f"failed on every answer sent to it{f' ({failed})' if held or chosen else ''}, graded 0 of {answers}"
        return f"offline critic: the model{name} {every}{also}{offline}"
    parts = [f"offline where the model failed ({failed})"] if failed else []
    parts += [part for part in (held, by_choice) if part]
    return f"LLM-assisted critic{name} on {graded} of {answers} answers, {', '.join(parts)}{offline}"


def report_title(
    thread_id: str, context: dict[str, Any], scorecard: dict[str, Any], turns: Sequence[TurnRecord] = ()
) -> str:
    """'Director of Engineering — 2 December 2026, 01:33 UTC, offline critic' (date from the session id); with a
    model configured, how many answers it graded when it failed on some."""
    from knowledge.roles import shared_role

    role = str(context.get("role", ""))
    try:
        name = shared_role(role).title  # read only: not load_role's deep copy of the pack
    except (ValueError, OSError):
        name = role
    parts = [name]
    if stamp := re.match(r"(\d{8})-(\d{4})-", thread_id):
        when = datetime.strptime("".join(stamp.groups()), "%Y%m%d%H%M")
        parts.append(f"{when.day} {when:%B %Y, %H:%M} UTC")
    parts.append(critic_line(context, scorecard, turns))
    return f"{parts[0]} — {', '.join(parts[1:])}"


def critic_line(context: dict[str, Any], scorecard: dict[str, Any], turns: Sequence[TurnRecord]) -> str:
    """What graded the session's answers, as the report's title says it and the transcript records it: the
    session's settings alone cannot (a session graded by the model and resumed with --offline is offline now)."""
    llm = scorecard.get("llm") or {}
    model = llm.get("model") or context.get("model")
    offline = bool(context.get("offline"))
    used_llm = bool(llm) or (not offline and bool(context.get("model") or context.get("base_url")))
    return _critic_label(model, turns, offline) if used_llm else "offline critic"


def render_markdown(
    thread_id: str,
    role: str,
    plan: list[PlannedQuestion],
    turns: list[TurnRecord],
    scorecard: dict[str, Any],
    title: str | None = None,
    plan_note: str = "",
) -> str:
    """The human report: questions, answers, critiques with evidence, follow-ups, overall score, practice.
    `plan_note`: what a --focus weakest plan drew on (agent.coaching.focus_note), under the session id."""
    overall = scorecard.get("overall")
    lines = [f"# Mock interview report: {title or role}", "", f"Session `{thread_id}`.", ""]
    if plan_note:
        lines += [plan_note, ""]
    lines.append(
        f"**Overall score: {overall}/5** over {scorecard['planned']} planned question(s), "
        f"{scorecard['answered']} answered (a skipped or unreached question counts as {UNANSWERED})"
        if overall is not None
        else "**No answered questions.**"
    )
    if scorecard.get("ended_early"):
        lines.append("The session was ended early.")
    if llm := scorecard.get("llm"):
        cost = f", about ${llm['cost_usd']:.4f}" if llm.get("cost_usd") is not None else ""
        tokens = llm["prompt_tokens"] + llm["completion_tokens"]
        lines.append(f"LLM refinement: {llm['calls']} call(s), {tokens} tokens{cost}.")
    lines += ["", "| # | Question | Score | Main gap |", "|---|---|---|---|"]
    for r in scorecard["questions"]:
        if r["asked"]:
            score = "skipped" if r["skipped"] else r["score"]
            gap = gap_label(r["primary_gap"]) if r.get("primary_gap") else "-"
            lines.append(f"| {r['index'] + 1} | {r['question']} | {score} | {gap} |")
    for i, q in enumerate(plan):
        mine = [t for t in turns if t["question_index"] == i]
        if not mine:
            continue
        lines += ["", f"## Question {i + 1} ({q['type']}, {q['competency']})", "", f"> {q['text']}", ""]
        for t in mine:
            if t["is_follow_up"]:
                lines += [f"**Follow-up:** {t['question']}", ""]
            lines += [f"**Answer:** {'(skipped)' if t['skipped'] else t['answer']}", ""]
            if whole := t.get("whole_answer_file"):
                lines += [f"*(cut at {len(t['answer']):,} of {t.get('answer_chars', 0):,} characters for grading; "
                          f"the whole answer: {whole})*", ""]  # fmt: skip
            if t["critique"] is not None:
                failed = model_failure_line(t.get("usage"))
                lines += [*([f"- {failed}"] if failed else []), *_critique_md(t["critique"], t.get("left")), ""]
            if told := t.get("told"):  # the story the answer retold: the one to fix when a figure drifted
                lines += [f"You told: {told['title']}", ""]
            if t["stories"]:
                lines += ["Related stories: " + ", ".join(s["title"] for s in t["stories"]), ""]
        row = scorecard["questions"][i] if i < len(scorecard["questions"]) else {}
        lines += _ending_lines(row)
    if scorecard["practice"]:
        lines += ["", "## Top things to practise", ""]
        lines += [f"{n}. **{gap_label(p['gap'])}**: {p['advice']}" for n, p in enumerate(scorecard["practice"], 1)]
    return "\n".join(lines).rstrip() + "\n"


def _ending_lines(row: dict[str, Any]) -> list[str]:
    """After a question's follow-ups: its score and what moved it, and what is still open (the critique lines above
    are each answer's own, so a gap a follow-up closed would otherwise still read as open)."""
    if row.get("score") is None or not row.get("follow_ups") or "score_steps" not in row:
        return []
    signals = row.get("signals_missing", [])
    gaps = row.get("still_open", [])  # the JSON's list, word for word (_row)
    still = [f"{gap_label(g)} ({'; '.join(signals)})" if g == "signal" and signals else gap_label(g) for g in gaps]
    left = f"Still open after the follow-ups: {', '.join(still)}." if still else "Nothing is left open."
    return [f"**Where it ended: {row['score']}/5** ({'; '.join(row['score_steps'])}). {left}", ""]


WHOLE_GAP = 4  # numbers past the last whole-answer file found that are still looked at (one deleted by hand)


def whole_answer_files(folder: Path, thread_id: str) -> list[Path]:
    """The session's <id>.whole-answer-N.txt files, found by their numbers (agent.whole_answer takes the first free
    one): a stat per number, never a listing of the folder, which holds every past session's files."""
    found: list[Path] = []
    number = miss = 0
    while miss < WHOLE_GAP:
        number += 1
        path = folder / f"{thread_id}.whole-answer-{number}.txt"
        try:
            exists = path.is_file()
        except (OSError, ValueError):
            return found
        if exists:
            found.append(path)
            miss = 0
        else:
            miss += 1
    return found


def _with_whole_answers(thread_id: str, turns: list[Any]) -> list[Any]:
    """The turns, each answer that was cut to the cap for grading marked with the file beside the report that keeps
    it whole (agent.whole_answer) and its full length: the report and the transcript said nothing of the cut
    (sweep28 S9)."""
    if not any(t.get("answer") for t in turns):
        return turns
    kept = whole_answer_files(report_paths(thread_id)[0].parent, thread_id)
    if not kept:
        return turns
    heads: dict[str, tuple[str, int]] = {}
    for path in kept:
        try:
            text = data_files.read_text(path, data_files.REPORT_BYTES)  # never waits on a pipe nor reads a device
        except (OSError, UnicodeDecodeError):
            continue
        for t in turns:
            answer = t.get("answer") or ""
            if answer and len(text) > len(answer) and text.startswith(answer):
                heads.setdefault(answer, (path.name, len(text)))
    marked = []
    for t in turns:
        found = heads.get(t.get("answer") or "")
        marked.append({**t, "whole_answer_file": found[0], "answer_chars": found[1]} if found else t)
    return marked


def build_report(thread_id: str, values: dict[str, Any], context: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The Markdown report and the JSON transcript of a session's state (same input, same output)."""
    plan, turns = values.get("plan", []), _with_whole_answers(thread_id, values.get("turns", []))
    scorecard = values.get("scorecard") or build_scorecard(plan, turns, bool(values.get("ended")))
    title = report_title(thread_id, context, scorecard, turns)
    note = str(context.get("focus_note") or "")
    text = render_markdown(thread_id, str(context.get("role", "")), plan, turns, scorecard, title, note)
    if ungraded := values.get("ungraded"):  # a memory-only session stopped while an answer waited (memory_report)
        text += "\n## Submitted, not graded\n\n" + "".join(f"**Answer:** {a}\n\n" for a in ungraded)
    if context.get("requirements"):
        from agent.coaching.jd import requirements_markdown

        text += "\n" + requirements_markdown(context["requirements"])
    text = clean_text(text)
    transcript = {
        "thread_id": thread_id,
        "context": context,
        "critic": critic_line(context, scorecard, turns),  # the context says what the session does now, not this
        "plan": plan,
        "turns": turns,
        "scorecard": scorecard,
        "closing": values.get("closing", ""),
    }
    if ungraded:
        transcript["ungraded"] = ungraded
    return text, transcript


def write_report(
    thread_id: str,
    values: dict[str, Any],
    context: dict[str, Any],
    folder: Path | None = None,
    built: tuple[str, dict[str, Any]] | None = None,
) -> dict[str, str]:
    """Write <thread>.md and .json (atomically, 0600; same input, same files) in `folder` (default: the data
    dir's reports/); return their paths. `built`: build_report's result, when the caller has it already.

    The JSON is one line: json's C encoder writes it (an indented dump takes the pure-Python encoder, ~35 ms of
    CPU for a five-question transcript); `python -m json.tool` shows it indented."""
    md, js = report_paths(thread_id, folder)
    md.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder is None:
        _private_folder(md.parent)
    text, transcript = built or build_report(thread_id, values, context)
    rewritten = md.exists() or js.exists()
    write_private(md, text)
    write_private(js, json.dumps(transcript, ensure_ascii=False))
    if rewritten:  # only a write of these files before this one can have left a temp of them (see _drop_dead_temps)
        _drop_dead_temps(md.parent, (md.name, js.name))
    for marker in (due_marker(thread_id, folder), *([kept_due_marker(thread_id)] if folder is None else [])):
        with contextlib.suppress(OSError):
            marker.unlink(missing_ok=True)  # written now, however it came to be
    return {"markdown": str(md), "json": str(js)}


DUE_SUFFIX = ".report-due"  # .ID.report-due: the due marker's name (agent.report_repair.due_reports finds them)


def due_marker(thread_id: str, folder: Path | None = None) -> Path:
    """The empty file that says a finished session's report is still to be written (the disk was full when it
    ended; agent.report_repair writes it once there is space): a missing report alone may be one the candidate
    deleted to free space, never to be written again unasked."""
    return report_paths(thread_id, folder)[0].with_name(f".{thread_id}{DUE_SUFFIX}")


def kept_due_marker(thread_id: str) -> Path:
    """The due marker kept beside the answer journal when reports/ itself cannot take one (read-only, no
    permission: sweep 39 E2, where a bare --resume then found nothing to resume)."""
    return data_dir() / "pending" / f".{thread_id}{DUE_SUFFIX}"


def mark_report_due(thread_id: str) -> None:
    """Leave the due marker (best effort: an empty file takes no disk block, so a full disk usually still takes it);
    in pending/ when reports/ cannot take it."""
    for marker in (due_marker(thread_id), kept_due_marker(thread_id)):
        try:
            marker.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(data_files.open_regular(marker, os.O_WRONLY | os.O_CREAT))  # a pipe there: no wait, next place
            return
        except OSError:
            continue


def _drop_dead_temps(folder: Path, names: tuple[str, ...]) -> None:
    """The hidden temp files (.NAME.PID-TOKEN.tmp) a killed writer left of these report files: the files were just
    written whole, so a temp of a writer that is gone holds nothing they lack (sweep29 S9: one stayed for good).

    It lists the whole folder (a temp's PID and token cannot be guessed), so write_report calls it only when it
    writes the files again (a resume of an ended session, a repair), not at every session's first report: a first
    write's own temps are renamed into place, and a killed first write left a temp that agent.report_repair
    finds at the next start, which lists the folder anyway, and drops once the report is written again."""
    from agent.journal_temps import writer_alive

    # One listing, names compared as strings: a glob per name compiled a new pattern for every session (~0.3 ms).
    prefixes = tuple(f".{name}." for name in names)
    try:
        with os.scandir(folder) as entries:
            temps = [e.name for e in entries if e.name.startswith(prefixes) and e.name.endswith(".tmp")]
    except OSError:
        return
    for temp in temps:
        name = next(n for n in names if temp.startswith(f".{n}."))
        pid, _, _ = temp[len(name) + 2 : -len(".tmp")].partition("-")
        if pid.isdigit() and not writer_alive(int(pid)):
            with contextlib.suppress(OSError):
                (folder / temp).unlink()


def _private_folder(folder: Path) -> None:
    """The data dir's reports/ made group- or world-readable (by hand, or an older version under umask 022) is
    tightened to 0700: the reports hold the candidate's answers."""
    with contextlib.suppress(OSError):
        info = folder.stat()
        if info.st_mode & 0o077 and info.st_uid == os.getuid():
            folder.chmod(info.st_mode & 0o700)


def report_paths(thread_id: str, folder: Path | None = None) -> tuple[Path, Path]:
    """Where write_report puts a session's files."""
    folder = folder or data_dir() / "reports"
    return folder / f"{thread_id}.md", folder / f"{thread_id}.json"
