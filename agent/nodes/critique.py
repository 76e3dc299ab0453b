"""critique_answer: judge the answer, then choose the follow-up that chases its biggest gap.

The offline critic always runs first (deterministic evidence); when the Context enables an LLM, the
LLM helper's `agent.llm.refine_turn` may refine the critique and word the follow-up. A follow-up answer is
judged on its own, for what the follow-up asked (agent.critic.critique_follow_up); the next follow-up chases
the gaps of the main answer that no follow-up has closed yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langgraph.runtime import Runtime

from agent.context import Context
from agent.critic import asks, critique_follow_up
from agent.critic import critique_answer as run_critic
from agent.critic.follow_up import SHOWN_BY_CUE
from agent.critic.question import QuestionInfo, question_info
from agent.critic.schema import Critique, MetricMention
from agent.critic.story_notes import told_index
from agent.critic.text import first_person, sentences
from agent.followups import choose_follow_up
from agent.nodes.ask import InvalidStateError
from agent.nodes.retrieve import stories_for
from agent.state import FollowUp, PlannedQuestion, State, StoryRef, TurnRecord, next_question_index, turns_for
from knowledge.models import Story
from knowledge.title_tags import spoken_title


def info_for(ctx: Context, q: PlannedQuestion) -> QuestionInfo:
    """The planned question in its role pack's context (its signals as planned)."""
    return question_info(q["text"], q["type"], q["competency"], ctx.role, q.get("signals") or None, q["id"])


def offline_critique(
    q: PlannedQuestion,
    answer: str,
    stories: Sequence[Story],
    ctx: Context | None = None,
    fits: Sequence[bool] | None = None,
) -> Critique:
    """The deterministic critic (agent.critic), with the question placed in the session's role pack; `fits` says
    which of the retrieved `stories` fit the question (all, when None)."""
    info = info_for(ctx, q) if ctx is not None else None
    return run_critic(q["text"], q["type"], answer, stories, q["competency"], info=info, fits=fits)


_WARM = False


def warm_up(ctx: Context) -> None:
    """Run the critic and the follow-up chooser once so the first real answer is as fast as the rest."""
    global _WARM
    if ctx.may_use_llm():
        import threading

        from agent.llm import prepare

        # Building the chat client imports langchain-openai (~3 s): do it while the candidate reads the first
        # question, so the first turn's timeout/fallback budget is not spent importing.
        # Not a daemon: a daemon thread frozen at exit inside native import code aborts the process ("FATAL:
        # exception not rethrown"); exit waits for the import instead (a few seconds at most).
        threading.Thread(target=prepare, args=(ctx,), name="llm-prepare", daemon=False).start()
    _warm_pack(ctx.role)  # per role: a service process runs sessions of several packs
    if _WARM:
        return
    q: PlannedQuestion = {
        "id": "warm-up",
        "text": "Tell me about a time you improved something.",
        "type": "behavioral",
        "competency": "general",
        "signals": [],
    }
    answer = "We added a cache and latency dropped from 800 ms to 120 ms in two weeks."
    critique = offline_critique(q, answer, [], ctx)
    choose_follow_up(critique, answer, probed=[], asked=[], budget_left=1, key="warm-up")
    critique_follow_up(info_for(ctx, q), "What did you do yourself?", "ownership", "I wrote the cache layer.")
    _WARM = True
    from agent.heap import freeze_warm_heap

    freeze_warm_heap()  # what is loaded now lives as long as the process: keep it out of full collections


_WARM_PACKS: set[str] = set()


def _warm_pack(role: str) -> None:
    """Embed the role pack's questions and signals once (relevance compares an answer with all of them), and build
    the pack's word tables (lexical fit, the signals' words for paraphrase, their vectors): about a second of work
    that would otherwise land on the first answers' turns. The tables are the same whichever question is asked."""
    from agent.critic import examples, lexical, paraphrase
    from agent.critic.semantic import semantic
    from knowledge.roles import load_role

    if role in _WARM_PACKS:
        return
    try:
        pack = load_role(role)
    except (OSError, ValueError):
        return  # the session reports a bad role itself
    texts = [q.text for q in pack.questions] + [s for q in pack.questions for s in q.signals]
    sem = semantic()
    sem.fixed(texts)
    if not pack.questions:
        return
    first = pack.questions[0]
    info = question_info(first.text, first.type, first.competency, role, None, first.id)
    lexical.fits(info, "")
    if sem.available and info.signals:
        pool = (*info.signals, *(x for group in info.other_signals for x in group))
        paraphrase.warm(pool, sem.words)
        # The pack's signal examples (shipped vectors, read from files once per process): in a service, the first
        # real answers of many sessions met them at once and the turns behind them waited.
        sem.fixed([examples.example(s) or s for s in pool])
    _WARM_PACKS.add(role)


def judge(
    ctx: Context,
    q: PlannedQuestion,
    answer: str,
    stories: Sequence[Story],
    asked: list[str],
    fits: Sequence[bool] | None = None,
) -> tuple[Critique, FollowUp | None, dict[str, Any] | None]:
    """Offline critique, refined by the LLM when one is configured: (critique, LLM follow-up, usage)."""
    critique = offline_critique(q, answer, stories, ctx, fits)
    if not ctx.may_use_llm():
        return critique, None, None
    from agent.llm import is_llm_mode, refine_turn

    if not is_llm_mode(ctx):
        return critique, None, None
    # refine_turn falls back to the offline critique itself on any model failure (usage says why).
    turn = refine_turn(
        context=ctx,
        question=q["text"],
        answer=answer,
        critique=critique,
        question_type=q["type"],
        stories=[s for k, s in enumerate(stories) if fits is None or fits[k]],  # the model sees fitting stories only
        asked_follow_ups=asked,
        signals=q["signals"],
    )
    llm_follow_up: FollowUp | None = (
        {"text": turn.follow_up.strip(), "probes": turn.probes} if turn.follow_up and turn.follow_up.strip() else None
    )
    return turn.critique, llm_follow_up, turn.usage


def _follow_up(
    ctx: Context,
    main: Critique,
    answer: str,
    llm: FollowUp | None,
    earlier: list[TurnRecord],
    asked: list[str],
    key: str,
) -> FollowUp | None:
    """The rules decide whether to follow up (budget, gaps not yet closed); the LLM may word it."""
    probed = [t["follow_up"]["probes"] for t in earlier if t["follow_up"]]
    budget_left = ctx.follow_ups - len(probed)
    chosen = choose_follow_up(main, answer, probed=probed, asked=asked, budget_left=budget_left, key=key)
    if chosen is not None and llm is not None and llm["text"] not in asked and llm["probes"] not in probed:
        return llm
    return chosen


def _shown_in_reply(reply: dict[str, Any]) -> set[str]:
    """The gaps a follow-up reply closes by what it says, whatever it was asked: a reply brought back to the question
    ("It was my call: I ...") gives the candidate's own part too, and a second follow-up asking "which of those
    decisions did you make yourself?" chases what was just said; a reply giving the load it was designed for answers
    "what scale?" before it is asked. Nothing from a non-answer or an off-topic reply."""
    if reply.get("non_answer") or reply.get("relevance") == "off_topic":
        return set()
    star, spec, own = reply.get("star") or {}, reply.get("specificity"), reply.get("ownership")
    shown = {"specificity"} if spec != "low" else set()
    if star.get("action") and spec != "low":
        shown |= {"action", "ownership"} if own == "clear" else {"action"} if own != "unclear" else set()
    if star.get("result"):
        shown |= {"result", "quantified_result"} if reply.get("quantified_result") else {"result"}
    # its scale, failure handling, trade-offs, reasons or example, found by the critic (follow_up.SHOWN_BY_CUE)
    shown |= {e["field"] for e in reply.get("evidence") or [] if e.get("field") in SHOWN_BY_CUE}
    return shown


def _gives_missing_part(main: Critique, question: str, follow_ups: list[dict[str, Any]], replies: list[str]) -> bool:
    """A reply gives the part of the question the main answer left out (its relevance note quotes that ask): "what
    have you done to make that true?" answered by the reply's own steps, whatever the follow-up asked. Asking for
    that part again right after is not listening (newcomer trial N11)."""
    if main.relevance != "partial" or not main.relevance_note:
        return False
    missing = [a for a in asks.asks(question)[1:] if f'"{a.rstrip("?")}?"' in main.relevance_note]
    kind = asks.kind_of(missing[0]) if missing else None
    if kind is None:
        return False
    for crit, text in zip(follow_ups, replies, strict=False):
        if crit.get("non_answer") or crit.get("relevance") == "off_topic" or crit.get("specificity") == "low":
            continue
        if crit.get("probes") == "relevance" and not crit.get("closes_gap"):
            continue  # asked for exactly that part and judged not to give it (a repeat, a hedge): that verdict stands
        metrics = [MetricMention.model_validate(m) for m in crit.get("metrics") or []]
        if any(asks.covers(kind, s, metrics, missing[0]) for s in sentences(first_person(text))):
            return True
    return False


def _open_gaps(main: Critique, follow_ups: list[dict[str, Any]], question: str = "",
               replies: Sequence[str] = ()) -> Critique:  # fmt: skip
    """The main critique with the gaps that follow-up answers closed taken out (what is left to chase): the probed
    gap a reply closed, what a reply shows on its own (_shown_in_reply), the part of the question a reply answered
    (_gives_missing_part; `replies` are the follow-ups' texts, in order), and the question's signals a reply
    covered."""
    closed = {c.get("probes") for c in follow_ups if c.get("closes_gap")}
    closed |= set().union(*(_shown_in_reply(c) for c in follow_ups))
    if _gives_missing_part(main, question, follow_ups, list(replies)):
        closed.add("relevance")
    said = {s for c in follow_ups if c.get("relevance") != "off_topic" and not c.get("non_answer")
            for s in (c.get("signals") or {}).get("covered", [])}  # fmt: skip
    missing = [s for s in main.signals.missing if s not in said]
    if main.signals.missing and not missing:
        closed.add("signal")
    left = [g for g in main.weak_or_missing if g not in closed]
    told = [c for c in follow_ups if c.get("probes") == "result" and c.get("closes_gap")]
    if told and not any(c.get("quantified_result") for c in told) and "quantified_result" not in closed:
        left.insert(0, "quantified_result")  # the outcome was told on prompting, without a number: ask for it
    if left == main.weak_or_missing and missing == main.signals.missing:
        return main
    covered = [*main.signals.covered, *(s for s in main.signals.missing if s in said)]
    signals = main.signals.model_copy(update={"missing": missing, "covered": covered})
    return main.model_copy(update={"weak_or_missing": left, "signals": signals})


def _drop_unneeded(reply: str, told: str) -> None:
    """A reply longer than any the critic checks with MiniLM (follow_up.CHECKED_WORDS) is never compared with the
    answer it follows: stop embedding that answer in the background (queued when the follow-up was asked, ~40 ms of
    CPU), so a reply sent at once does not share the cores with work whose result nobody reads."""
    from agent.critic.follow_up import CHECKED_WORDS
    from agent.critic.semantic import MAX_SENTENCES, semantic
    from agent.critic.text import sentences, words

    if len(words(reply)) > CHECKED_WORDS:
        semantic("minilm").drop_later([x.text for x in sentences(told)[:MAX_SENTENCES]])


def critique_answer(state: State, runtime: Runtime[Context]) -> dict:
    """Critique the pending answer and record the turn with its follow-up (if any)."""
    pending = state.get("pending_answer")
    if pending is None:
        raise InvalidStateError("critique_answer reached without an answer")
    ctx = runtime.context
    index = next_question_index(state) - (1 if pending["is_follow_up"] else 0)
    q = state["plan"][index]
    earlier = turns_for(state, index)
    refs = state.get("stories", [])
    stories = stories_for(ctx, refs, q["text"], q["competency"])
    fit_of = {ref["id"]: ref.get("fits", True) for ref in refs}
    fits = [fit_of.get(s.id, True) for s in stories]
    asked = [t["follow_up"]["text"] for t in state.get("turns", []) if t["follow_up"]]
    usage: dict[str, Any] | None = None
    llm_follow_up: FollowUp | None = None
    left: dict[str, list[str]] | None = None  # a follow-up turn: what the main answer still leaves open after it
    if pending["is_follow_up"]:
        last_follow_up = earlier[-1]["follow_up"] if earlier else None
        if last_follow_up is None:
            raise InvalidStateError("a follow-up answer without a follow-up")
        asked_text = last_follow_up["text"]
        main_record = next((t for t in earlier if not t["is_follow_up"] and t["critique"] is not None), None)
        if main_record is not None:
            _drop_unneeded(pending["text"], main_record["answer"])
        # The chain's previous reply, for a second or third follow-up: the new reply may repeat or correct it.
        replies = [t["answer"] for t in earlier if t["is_follow_up"] and t["critique"] is not None]
        # The first answer's score: after a weak one, a reply giving only the missing piece closes the gap at 4.
        first = main_record["critique"] if main_record else None
        critique = critique_follow_up(info_for(ctx, q), asked_text, last_follow_up["probes"], pending["text"], stories,
                                      earlier=main_record["answer"] if main_record else "",
                                      previous=replies[-1] if replies else "",
                                      first_score=first["score"] if first else None)  # fmt: skip
        main = Critique.model_validate(main_record["critique"]) if main_record else critique
        judged = [t["critique"] for t in earlier if t["is_follow_up"] and t["critique"] is not None]
        texts = [t["answer"] for t in earlier if t["is_follow_up"] and t["critique"] is not None]
        main = _open_gaps(main, [*judged, critique.model_dump()], q["text"], [*texts, pending["text"]])
        left = {"gaps": list(main.weak_or_missing), "signals_missing": list(main.signals.missing)}
        main_text = main_record["answer"] if main_record else pending["text"]
        follow_up = _follow_up(ctx, main, main_text, None, earlier, asked, key=f"{q['id']}:{ctx.seed}")
    else:
        asked_text = q["text"]
        critique, llm_follow_up, usage = judge(ctx, q, pending["text"], stories, asked, fits)
        key = f"{q['id']}:{ctx.seed}"
        follow_up = _follow_up(ctx, critique, pending["text"], llm_follow_up, earlier, asked, key=key)
    record: TurnRecord = {
        "question_index": index,
        "question_id": q["id"],
        "question": asked_text,
        "question_type": q["type"],
        "competency": q["competency"],
        "answer": pending["text"],
        "is_follow_up": pending["is_follow_up"],
        "skipped": False,
        "critique": critique.model_dump(mode="json"),
        "follow_up": follow_up,
        "stories": [ref for ref in refs if ref.get("fits", True)],
        "usage": usage,
    }
    if left is not None:
        record["left"] = left
    if (retold := told_index(pending["text"], stories)) is not None:
        story = stories[retold]
        fallback: StoryRef = {"id": story.id, "title": spoken_title(story.title), "score": 0.0}
        record["told"] = next((ref for ref in refs if ref["id"] == story.id), fallback)
    if follow_up is not None:
        from agent.critic.semantic import MAX_SENTENCES, semantic
        from agent.critic.text import sentences

        # Judging the reply compares it with the follow-up: embed that now (the critic's static vectors: well
        # under a millisecond). Queued on the background thread it could wait behind an earlier answer's MiniLM
        # work below, and a reply sent soon after waited with it.
        semantic().ahead([follow_up["text"]])
        # A short reply is also compared with the answer it follows (MiniLM): embed that answer's sentences now too.
        told = next((t["answer"] for t in [*earlier, record] if not t["is_follow_up"]), "")
        semantic("minilm").ahead_later([x.text for x in sentences(told)[:MAX_SENTENCES]])
    return {"turns": [record], "pending_answer": None}
