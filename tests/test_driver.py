"""The driver end to end: scripted sessions, follow-ups, skip, end early, reports, resume, determinism.

Most tests replace the offline critic with a scripted TEST DOUBLE (`scripted_critic`), so they check the
interviewer's logic (which gap is chased, budgets, combined critiques) independently of rubric tuning;
one test runs the real critic, and the cross-process resume test runs everything real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver

import agent.nodes.critique as critique_node
import agent.nodes.retrieve as retrieve
from agent.checkpoint import open_checkpointer
from agent.context import Context
from agent.critic.schema import Critique, StarFlags
from agent.driver import InterviewDriver, SessionNotFoundError, Step
from knowledge.index import StoryIndex
from knowledge.models import Story

REPO = Path(__file__).resolve().parents[1]

VAGUE = "We moved search onto a new cache and it cut latency a lot. The team was happy with it."
NUMBERS = "It went from 900 ms to 150 ms at p95 over about six weeks."
MINE = "I designed the cache keys and ran the rollout myself."
STRONG = "A complete answer with situation, task, action and a measured result."

# The scripted critic: the gaps left once the question's answers so far end with this text.
GAPS = {
    VAGUE: ["quantified_result", "ownership", "specificity"],
    NUMBERS: ["ownership", "specificity"],  # the numbers closed the quantified_result gap
    MINE: ["specificity"],
    STRONG: [],
}


def scripted_critic(
    question: str, question_type: str, answer: str, stories: Sequence[Story] = (), competency: str | None = None,
    **_: Any,
) -> Critique:
    """TEST DOUBLE for agent.critic.critique_answer: gaps looked up by the latest answer."""
    gaps = GAPS.get(answer.split("\n\n")[-1].strip(), ["specificity"])
    return Critique(
        question_type=question_type,  # type: ignore[arg-type]
        star=StarFlags(situation=True, task=True, action=True, result=True),
        quantified_result="quantified_result" not in gaps,
        ownership="mixed" if "ownership" in gaps else "clear",
        specificity="medium",
        weak_or_missing=gaps,  # type: ignore[arg-type]
        gap=f"The answer lacks {gaps[0]}." if gaps else "",
        score=5 - len(gaps) if gaps else 5,
    )


def scripted_follow_up(info: Any, follow_up: str, probes: str, answer: str, stories: Sequence[Story] = (),
                       earlier: str = "", previous: str = "", first_score: int | None = None) -> Critique:  # fmt: skip
    """TEST DOUBLE for agent.critic.critique_follow_up: the reply closes the probed gap unless GAPS lists it."""
    closes = probes not in GAPS.get(answer.strip(), [probes])
    return Critique(
        question_type=info.type, star=StarFlags(), quantified_result=False, ownership="clear",
        specificity="medium", weak_or_missing=[] if closes else [probes],  # type: ignore[arg-type]
        gap="" if closes else "still open", score=5 if closes else 1, probes=probes, closes_gap=closes,
    )  # fmt: skip


STORIES = [
    Story(id="s-cache", title="Search cache rollout", text="I led a cache rollout; p95 fell from 900 ms to 150 ms.",
          source="notes.md", competencies=["execution"]),
    Story(id="s-hiring", title="Hiring a platform team", text="I hired eight engineers in two quarters.",
          source="notes.md", competencies=["hiring"]),
]  # fmt: skip


@pytest.fixture
def small_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A two-story lexical index instead of the sample bank (background searches drained around the swap)."""
    retrieve.wait_for_searches()
    monkeypatch.setattr(retrieve, "_INDEXES", {((), None, "hashing"): StoryIndex.open(STORIES, embedder="bm25")})
    monkeypatch.setattr(retrieve, "_HITS", {})
    yield
    retrieve.wait_for_searches()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, small_index: None) -> None:
    """Scripted critic + the small index."""
    monkeypatch.setattr(critique_node, "run_critic", scripted_critic)
    monkeypatch.setattr(critique_node, "critique_follow_up", scripted_follow_up)


def critique_of(step: Step) -> dict[str, Any]:
    assert step.last is not None and step.last["critique"] is not None
    return step.last["critique"]


def ctx(**kw: object) -> Context:
    base: dict[str, object] = {"role": "director", "questions": 3, "seed": 11, "embedder": "hashing", "offline": True}
    return Context(**{**base, **kw})  # type: ignore[arg-type]


def test_session_follow_ups_chase_gaps_in_order_within_budget(offline: None) -> None:
    d = InterviewDriver(ctx(), checkpointer=InMemorySaver())
    step = d.start()
    assert step.kind == "question" and step.turn_index == 0 and step.total == 3
    assert step.text.startswith("Thanks for making the time") and step.text.endswith(step.question)

    step = d.submit(VAGUE)
    assert step.last is not None and step.last["answer"] == VAGUE and not step.last["is_follow_up"]
    assert critique_of(step)["weak_or_missing"][0] == "quantified_result"
    assert step.last["stories"] and {"id", "title", "score"} <= step.last["stories"][0].keys()
    assert step.kind == "follow_up" and step.probes == "quantified_result"
    assert "cut latency a lot" in step.text  # the candidate's own words
    assert step.last["follow_up"] == {"text": step.text, "probes": "quantified_result"}

    step = d.submit(NUMBERS)  # closes the quantified gap (judged on its own): the next follow-up chases ownership
    assert step.last is not None and step.last["is_follow_up"]
    assert critique_of(step)["closes_gap"] and critique_of(step)["probes"] == "quantified_result"
    assert step.kind == "follow_up" and step.probes == "ownership"

    step = d.submit(MINE)  # budget of 2 follow-ups spent: move on although specificity is open
    assert step.last is not None and step.last["follow_up"] is None
    assert step.kind == "question" and step.turn_index == 1

    step = d.submit(STRONG)  # a strong answer still gets one depth follow-up, which probes no gap
    assert step.last is not None and step.kind == "follow_up" and step.probes == "none"
    step = d.skip()
    assert step.kind == "question" and step.turn_index == 2

    asked_before = {t["follow_up"]["text"] for t in d._values()["turns"] if t["follow_up"]}
    step = d.submit(VAGUE)  # same gaps as question 1: still never the same wording twice
    assert step.kind == "follow_up" and step.text not in asked_before

    step = d.skip()  # skipping a follow-up moves on; that was the last question
    assert step.kind == "done" and "questions for me" in step.text
    assert step.last is not None and step.last["skipped"] and step.last["is_follow_up"]
    report = step.report or {}
    assert report["scorecard"]["answered"] == 3 and report["scorecard"]["overall"] is not None
    md = Path(report["markdown"]).read_text(encoding="utf-8")
    assert VAGUE in md and NUMBERS in md and "Top things to practise" in md
    transcript = json.loads(Path(report["json"]).read_text(encoding="utf-8"))
    assert len(transcript["turns"]) == 7
    first = transcript["scorecard"]["questions"][0]
    # 2/5 first, then two follow-ups that each closed their gap: +1 each, but prompting costs: 4, never 5.
    assert (first["first_score"], first["follow_up_scores"], first["score"]) == (2, [5, 5], 4)


def test_skip_main_question_moves_on_and_is_recorded(offline: None) -> None:
    d = InterviewDriver(ctx(), checkpointer=InMemorySaver())
    first = d.start()
    step = d.skip()
    assert step.kind == "question" and step.turn_index == 1 and step.question_id != first.question_id
    assert step.last is not None and step.last["skipped"] and step.last["critique"] is None
    assert step.text.split("\n\n")[0] in {"No problem, let's move on.", "That's fine, we can skip that one."}


def test_end_early_writes_a_report_of_what_was_answered(offline: None) -> None:
    d = InterviewDriver(ctx(questions=4), checkpointer=InMemorySaver())
    d.start()
    d.submit(STRONG)
    step = d.end()
    assert step.kind == "done" and step.text == "Let's stop here. Thanks for your time today."
    card = (step.report or {})["scorecard"]
    assert card["ended_early"] and card["answered"] == 1 and card["planned"] == 4
    assert Path((step.report or {})["markdown"]).is_file()
    assert d.submit("late answer").kind == "done"  # nothing left to answer: stays on the report


def test_resume_in_a_new_driver_continues_at_the_same_question(offline: None) -> None:
    a = InterviewDriver(ctx(), checkpointer=open_checkpointer())
    a.start()
    waiting = a.submit(STRONG)
    b = InterviewDriver.resume()  # latest unfinished session, Context restored from the sessions table
    assert b.thread_id == a.thread_id and b.context == a.context
    again = b.pending()
    assert (again.kind, again.question_id, again.text) == (waiting.kind, waiting.question_id, waiting.text)
    b.submit(STRONG)
    answers = [t["answer"] for t in b._values()["turns"]]
    assert answers == [STRONG, STRONG]


def test_resume_errors_are_one_clear_line(offline: None) -> None:
    with pytest.raises(SessionNotFoundError, match="no unfinished session"):
        InterviewDriver.resume()
    with pytest.raises(SessionNotFoundError, match="nope"):
        InterviewDriver.resume("nope")


def _run(context: Context, answers: list[str]) -> list[str]:
    d = InterviewDriver(context, checkpointer=InMemorySaver())
    texts = [d.start().text]
    for answer in answers:
        step = d.submit(answer)
        texts.append(step.text)
    return texts


def test_same_seed_same_session(offline: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    answers = [VAGUE, NUMBERS, STRONG, VAGUE]
    first = _run(ctx(seed=5), answers)
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "other"))  # same (empty) question history
    assert _run(ctx(seed=5), answers) == first


def test_next_session_prefers_questions_not_asked_recently(offline: None) -> None:
    first = InterviewDriver(ctx(seed=1), checkpointer=InMemorySaver())
    first.start()
    second = InterviewDriver(ctx(seed=1), checkpointer=InMemorySaver())
    second.start()
    ids = [{q["id"] for q in d._values()["plan"]} for d in (first, second)]
    assert not ids[0] & ids[1]


def test_fixed_questions_are_asked_verbatim(offline: None) -> None:
    fixed = ["Tell me about a time a launch slipped.", "Design a feature store for 40 teams."]
    d = InterviewDriver(ctx(fixed_questions=fixed), checkpointer=InMemorySaver())
    step = d.start()
    assert step.question == fixed[0] and step.total == 2
    step = d.submit(STRONG)
    assert step.kind == "follow_up" and step.probes == "none"  # one depth probe on a complete answer
    step = d.skip()
    assert step.question == fixed[1]
    assert d._values()["plan"][1]["type"] == "system_design"


def test_hint_finds_a_story_without_changing_state(offline: None) -> None:
    d = InterviewDriver(ctx(), checkpointer=InMemorySaver())
    d.start()
    before = d._values()
    hit = d.hint()
    assert hit is not None and hit.story.id in {"s-cache", "s-hiring"}
    assert d._values() == before


def test_real_critic_follow_up_quotes_the_answer(small_index: None) -> None:
    d = InterviewDriver(ctx(fixed_questions=["Tell me about a time you improved a system's performance."]),
                        checkpointer=InMemorySaver())  # fmt: skip
    d.start()
    step = d.submit("We added a cache to the search service and it cut latency a lot.")
    assert critique_of(step)["score"] < 5
    assert step.kind == "follow_up" and step.probes == critique_of(step)["weak_or_missing"][0]
    assert any(words in step.text.lower() for words in ("cache", "cut latency", "search service"))
    strong = d.submit("x")  # any reply: the turn is recorded and the session goes on
    assert strong.last is not None and strong.last["is_follow_up"]


_CHILD = """
import json, os, signal, sys
from agent.context import Context
from agent.driver import InterviewDriver
d = InterviewDriver(Context(role="director", questions=3, seed=4, embedder="hashing", offline=True))
d.start()
step = d.submit(sys.argv[1])
print(json.dumps({"thread": d.thread_id, "kind": step.kind, "text": step.text}), flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # killed right after the next question was shown
"""


def test_answer_survives_a_killed_process_and_resumes_elsewhere(isolated_data_dir: Path) -> None:
    answer = "I led the move of our billing service to Postgres, which cut costs from $40k to $25k a month."
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(isolated_data_dir), "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", _CHILD, answer], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == -9, proc.stderr[-2000:]
    shown = json.loads(proc.stdout.strip().splitlines()[-1])
    resumed = InterviewDriver.resume()
    assert resumed.thread_id == shown["thread"]
    step = resumed.pending()
    assert (step.kind, step.text) == (shown["kind"], shown["text"])
    assert [t["answer"] for t in resumed._values()["turns"]] == [answer]


def test_step_is_a_plain_dataclass() -> None:
    step = Step(kind="question", text="Hi")
    assert step.last is None and step.report is None and step.notices == []


def test_unknown_role_is_a_clear_error_before_any_state() -> None:
    with pytest.raises(ValueError, match="director"):  # the message lists the available roles
        InterviewDriver(ctx(role="astronaut"), checkpointer=InMemorySaver()).start()


def test_closing_mentions_a_question_the_candidate_prepared(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(critique_node, "run_critic", scripted_critic)
    notes = tmp_path / "prep.md"
    notes.write_text(
        "# Prep\n\n## Story 1: Cutting search latency\n\n**Situation:** Search was slow.\n\n"
        "**Action:** I added a cache.\n\n**Result:** p95 fell from 900 ms to 150 ms.\n\n"
        "## Questions to ask them\n\n1. How does the team decide what to build next quarter?\n",
        encoding="utf-8",
    )
    d = InterviewDriver(ctx(questions=1, docs=[str(notes)]), checkpointer=InMemorySaver())
    first = d.start()
    assert any(n.startswith("index built") for n in first.notices)  # the user's own documents, shown at once
    done = d.skip() if (step := d.submit(STRONG)).kind == "follow_up" else step
    assert done.kind == "done"
    assert "do you have any questions for me?" in done.text
    assert "How does the team decide what to build next quarter?" in done.text
    retrieve.wait_for_searches()


def test_resume_without_id_picks_the_most_recently_answered_session(offline: None) -> None:
    saver = open_checkpointer()
    older = InterviewDriver(ctx(), checkpointer=saver)
    older.start()
    newer = InterviewDriver(ctx(seed=2), checkpointer=saver)
    newer.start()
    newer.submit(STRONG)
    older.submit(STRONG)  # answered last, although started first
    assert InterviewDriver.resume(checkpointer=saver).thread_id == older.thread_id
    older.end()  # finished sessions are not offered for resume
    assert InterviewDriver.resume(checkpointer=saver).thread_id == newer.thread_id


def test_llm_mode_refines_through_the_one_seam(offline: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import agent.llm

    calls: list[dict[str, Any]] = []

    def fake_refine_turn(**kw: Any) -> SimpleNamespace:
        """TEST DOUBLE for agent.llm.refine_turn: records what it was sent, words the follow-up itself."""
        calls.append(kw)
        return SimpleNamespace(
            critique=kw["critique"], follow_up="LLM worded probe?", probes="ownership", usage={"calls": 1}
        )

    monkeypatch.setattr(agent.llm, "is_llm_mode", lambda context: True)
    monkeypatch.setattr(agent.llm, "refine_turn", fake_refine_turn)
    d = InterviewDriver(ctx(offline=False, model="test-model"), checkpointer=InMemorySaver())
    d.start()
    step = d.submit(VAGUE)
    assert calls and calls[0]["answer"] == VAGUE and calls[0]["critique"].score < 5
    assert calls[0]["asked_follow_ups"] == [] and calls[0]["context"].model == "test-model"
    assert step.kind == "follow_up" and step.text == "LLM worded probe?" and step.probes == "ownership"
    assert step.last is not None and step.last["usage"] == {"calls": 1}


def test_a_non_answer_to_a_follow_up_is_judged_on_its_own(small_index: None) -> None:
    d = InterviewDriver(ctx(fixed_questions=["Tell me about a time you improved a system's performance."]),
                        checkpointer=InMemorySaver())  # fmt: skip
    d.start()
    first = d.submit("We added a cache to the search service and it cut latency a lot.")
    assert first.kind == "follow_up"
    reply = d.submit("I don't know.")
    # It inherits nothing from the first answer: a non-answer, the gap still open.
    assert critique_of(reply)["score"] == 1 and critique_of(reply)["closes_gap"] is False
    assert critique_of(reply)["strengths"] == [] and critique_of(reply)["ownership"] == "unclear"
    assert reply.last is not None and reply.last["answer"] == "I don't know."
    assert reply.kind == "follow_up" and reply.probes != first.probes  # the next gap, never the same one


def test_close_leaves_a_passed_in_checkpointer_open(offline: None) -> None:
    saver = open_checkpointer()
    shared = InterviewDriver(ctx(), checkpointer=saver)
    shared.start()
    shared.close()
    assert saver.conn.execute("SELECT 1").fetchone() == (1,)  # still usable by its owner
    own = InterviewDriver(ctx(seed=3))
    own.start()
    own.close()
    with pytest.raises(Exception, match="closed"):
        own.checkpointer.conn.execute("SELECT 1")


def test_session_over_real_notes_never_suggests_a_story_that_does_not_fit(tmp_path: Path) -> None:
    """Real ingestion, MiniLM + FAISS retrieval and the real critic: the question has no prepared story; the
    answer retells one from the notes with a changed figure. The told story is still checked, none is suggested."""
    notes = tmp_path / "prep.md"
    notes.write_text(
        "# Prep\n\n## Cutting search latency\n\n**Situation:** Search pages were slow for every customer.\n\n"
        "**Task:** I owned search performance.\n\n**Action:** I added a read-through cache in front of the index "
        "and rolled it out region by region.\n\n**Result:** p95 latency fell from 900 ms to 150 ms.\n",
        encoding="utf-8",
    )
    question = "Tell me about a security vulnerability you had to respond to."
    context = Context(
        role="director", seed=1, embedder="minilm", offline=True, docs=[str(notes)], fixed_questions=[question],
        follow_ups=0, index_dir=str(tmp_path / "index"),
    )  # fmt: skip
    d = InterviewDriver(context, checkpointer=InMemorySaver())
    d.start()
    step = d.submit(
        "Search pages were slow for every customer and I owned search performance. I added a read-through cache "
        "in front of the index and rolled it out region by region. p95 latency fell from 900 ms to 300 ms."
    )
    retrieve.wait_for_searches()
    notes_kinds = [n["kind"] for n in critique_of(step)["story_notes"]]
    assert "better_story" not in notes_kinds
    assert "contradiction" in notes_kinds  # the told story was recognised although it does not fit the question
    assert step.last is not None and step.last["stories"] == []  # no fitting story is listed for the turn


def test_a_session_that_ends_by_itself_registers_done_once(
    offline: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last answer's run marks the session done before its report is written; the done step did it again, a
    second write of the same row at every natural end."""
    from agent.checkpoint import SqliteStore

    statuses: list[str] = []
    real = SqliteStore.register

    def counted(self: SqliteStore, thread_id: str, context: dict[str, Any], status: str = "active") -> None:
        statuses.append(status)
        real(self, thread_id, context, status)

    monkeypatch.setattr(SqliteStore, "register", counted)
    saver = open_checkpointer(tmp_path / "sessions.sqlite")
    try:
        d = InterviewDriver(ctx(questions=1, follow_ups=0), checkpointer=saver)
        d.start()
        step = d.submit("I led the move to one build system across five teams and builds fell from 40 to 9 minutes.")
        assert step.kind == "done" and Path(step.report["markdown"]).is_file()
        assert statuses == ["active", "done"]
        assert d.store.load(d.thread_id)[2] == "done"
    finally:
        saver.conn.close()
