"""A short reply that gives the part of the story a follow-up asked for (the scene before the work, a lived example)
is judged against that follow-up, not called off topic because its words sit far from both questions: it goes on
with the answer it follows (a topical word shared with it). An aside about something else, sharing nothing with the
answer or the question, is still off topic (agent/critic/follow_up.py GIVEN_BY_FORM, _on_the_subject). Driven
through the graph as `python -m evals.run` replays a transcript; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

from agent.critic import critique_follow_up
from agent.critic.question import question_info
from evals.run import replay
from evals.transcript import load_transcript


def _reply(tmp_path: Path, role: str, question: str, answer: str, reply: str) -> tuple[str, dict[str, object]]:
    path = tmp_path / "short.yaml"
    path.write_text(
        f"name: short\nrole: {role}\nfollow_ups: 1\nturns:\n"
        f"  - question: {question!r}\n    answer: {answer!r}\n"
        f"  - follow_up: true\n    answer: {reply!r}\n",
        encoding="utf-8",
    )
    first, second = list(replay(load_transcript(path)))
    return str(first["follow_up"]["probes"]), second["critique"]


EXAMPLE = (
    "engineering-manager",
    "How do you keep your strongest engineer engaged and growing when the work is mostly maintenance?",
    "I try to keep people motivated by giving them interesting things and talking to them regularly. Maintenance is "
    "part of the job and good engineers understand that.",
)
SITUATION = (
    "director",
    "Tell me about an initiative you championed that failed.",
    "I pushed for one shared formatter across all our repos. I wrote the config and rolled it out to nine teams, "
    "and we saved review time on the first few pull requests. Within a month most teams had switched it off.",
)


def test_a_short_example_asked_for_is_judged_on_it_in_the_graph(tmp_path: Path) -> None:
    reply = "Ines was bored patching the old invoicing service, so I had her lead its replacement."
    asked, critique = _reply(tmp_path, *EXAMPLE, reply)
    assert asked == "example", asked
    # main: 1/5, "Relevance: off topic"
    assert critique["relevance"] != "off_topic" and critique["closes_gap"] and critique["score"] >= 3, critique


def test_a_short_scene_asked_for_is_judged_on_it() -> None:
    # the graph rarely asks for the situation first; the critic is driven with the follow-up it words for that gap
    role, question, answer = SITUATION
    info = question_info(question, "behavioral", None, role, None, None)
    reply = "Each repo formatted code its own way and reviews dragged on over style, that was it."
    c = critique_follow_up(info, "What was the situation before that, and what was at stake?", "situation", reply,
                           earlier=answer)  # fmt: skip
    # main: 1/5 off topic (its meaning sits far from both questions)
    assert c.relevance != "off_topic" and c.closes_gap and c.score >= 3, c


def test_an_aside_about_something_else_is_still_off_topic(tmp_path: Path) -> None:
    _, critique = _reply(tmp_path, *SITUATION, "My sister got married in Lisbon that spring, it was a lovely week.")
    assert critique["relevance"] == "off_topic" and critique["score"] == 1, critique
