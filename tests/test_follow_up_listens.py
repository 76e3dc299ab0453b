"""Follow-ups listen to the replies before them, gap lines are true of the text they are given for, and the report
and its JSON agree on what is still open (newcomer trial 36: N10, N11, N12, N14, N17).

Each session is driven through the real graph (offline critic, in-memory checkpointer) with fixed questions of the
shipped role packs, and the report is built from the graph's final state as the CLI builds it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from agent.report import build_report
from agent.wording import gap_label
from prompts import load_yaml
from tests.fixed_session import fixed_session, graded_turns

SUCCESSOR = "Who in your current org could take your job, and what have you done to make that true?"
# Believes in growing leaders, names no one, never says "we" and never says what was done: answers only the first ask.
VAGUE_SUCCESSION = (
    "Building up leaders is something I care about deeply; it is a core part of the role. A couple of people on my "
    "leadership team are strong enough to step up. I delegate heavily, I make sure senior stakeholders see their "
    "work and I coach them on a regular basis, so I believe they would be ready with time."
)
# Names the person, the decision handed over and what is being worked on: what was done to make it true.
WHAT_I_DID = (
    "Concretely: Marta, whom I made acting manager of the billing group in 2023; she now leads eleven engineers. "
    "Last spring I gave her the final say on hiring for her group, she ran five loops and picked both hires, and I "
    "put her in charge of the quarterly roadmap review with our CTO. I meet her every Thursday to work on "
    "budgeting, which is still her weakest area."
)
GATEWAY = (
    "Several teams call different model providers directly. Design a gateway that sits between them and the "
    "providers."
)
VAGUE_GATEWAY = (
    "I would put a single service in front of the providers that every team calls instead. It would route each "
    "request to the right provider, keep the keys in one place and log what goes through. Then you add some limits "
    "per team and watch it in production."
)
# Gives the requirements asked for, how it fails over, and a price paid in plain words ("which I accepted").
GATEWAY_NEEDS = (
    "What it had to meet: roughly 3 million calls a day from nine teams, under 50 ms of added latency at p95, no "
    "provider key ever leaving the gateway, and a per-team monthly budget that finance could read. If a provider "
    "times out after two seconds, the gateway retries once on the other provider and alerts the on-call. Holding "
    "every call for the budget check cost us about 8 ms at p95, which I accepted so that no team could overspend."
)
INJECTION = "An agent of yours reads emails and can call tools. How do you defend it against prompt injection?"
# A complete design told as what the candidate does, with nothing that happened on a project: no past to look back on.
INJECTION_DESIGN = (
    "I start from the view that any email can carry instructions, so the model never gets to decide alone. The "
    "agent only holds the tools its task needs, scoped to the mailbox owner, and reading tools are kept apart from "
    "tools that change anything. Every action with an effect outside the mailbox, such as forwarding a message, "
    "paying an invoice or sharing a document, waits for the user to confirm a preview of it. Raw email text goes to "
    "a small extraction model that returns fixed fields, so the model that plans tool calls never reads the email "
    "itself. Tool arguments are checked against a schema and an allow-list, for instance a forward only to known "
    "contacts. A detector scores incoming mail for injection attempts, every tool call is logged, and a suite of a "
    "few hundred hostile emails runs in CI and blocks a release if any of them triggers an unconfirmed action. The "
    "cost is friction: confirmations slow users down, so I ask only for actions that cannot be undone."
)
IT_DEPENDS = (
    "Well, it depends, to be honest. Every approach has its pros and cons and you weigh them in context. There is "
    "no perfect answer with this kind of thing."
)


@cache
def _session(role: str, script: tuple[tuple[str, tuple[str, ...]], ...], follow_ups: int = 2) -> tuple[Any, ...]:
    """(turn records, scorecard, report Markdown) of a session answering each fixed question and then its follow-ups
    with the given answers in order."""
    values = fixed_session(role, script, follow_ups)
    report, data = build_report("fu37-test", values, {})
    return graded_turns(values), data["scorecard"], report


@pytest.fixture
def succession(isolated_data_dir: Any) -> tuple[Any, ...]:
    return _session("director", ((SUCCESSOR, (VAGUE_SUCCESSION, WHAT_I_DID, "She has run two reviews alone.")),))


@pytest.fixture
def gateway(isolated_data_dir: Any) -> tuple[Any, ...]:
    return _session("senior-genai-engineer", ((GATEWAY, (VAGUE_GATEWAY, GATEWAY_NEEDS, IT_DEPENDS)),))


@pytest.fixture
def injection(isolated_data_dir: Any) -> tuple[Any, ...]:
    return _session("senior-genai-engineer", ((INJECTION, (INJECTION_DESIGN, IT_DEPENDS)),), follow_ups=1)


def test_a_part_the_reply_answered_is_not_asked_again(succession: tuple[Any, ...]) -> None:
    turns, _, _ = succession
    main, reply = turns[0], turns[1]
    assert main["critique"]["relevance"] == "partial" and reply["is_follow_up"]
    assert reply["critique"]["closes_gap"], reply["critique"]
    # the reply said what was done (a person, a decision handed over): that part of the question is answered
    assert "relevance" not in reply["left"]["gaps"], reply["left"]
    asked_next = reply["follow_up"] or {}
    assert asked_next.get("probes") != "relevance" and "did not get to" not in asked_next.get("text", "")


def test_an_answer_without_we_is_not_told_to_stop_saying_we(succession: tuple[Any, ...]) -> None:
    main = succession[0][0]
    assert main["critique"]["weak_or_missing"][0] == "ownership"
    assert '"we"' not in main["critique"]["gap"] and "team" not in main["follow_up"]["text"], main["follow_up"]


def test_a_specific_reply_is_not_told_to_be_more_specific(
    succession: tuple[Any, ...], gateway: tuple[Any, ...]
) -> None:
    generic = load_yaml("critic_phrases.yaml")["gaps"]["specificity"]
    for turns in (succession[0], gateway[0]):
        reply = turns[1]["critique"]
        assert reply["specificity"] == "high" and reply["closes_gap"] and reply["score"] == 4, reply
        assert reply["gap"] != generic and "specificity" not in reply["weak_or_missing"], reply["gap"]


def test_a_price_paid_in_the_reply_closes_the_trade_offs(gateway: tuple[Any, ...]) -> None:
    turns, card, _ = gateway
    reply = turns[1]
    assert "tradeoffs" in turns[0]["critique"]["weak_or_missing"]
    assert "tradeoffs" not in reply["left"]["gaps"], reply["left"]
    assert (reply["follow_up"] or {}).get("probes") != "tradeoffs", reply["follow_up"]
    assert "tradeoffs" not in card["questions"][0]["still_open"]


def test_it_depends_is_called_evasive_not_off_topic(injection: tuple[Any, ...]) -> None:
    turns, _, report = injection
    dodge = next(t for t in turns if t["answer"] == IT_DEPENDS)["critique"]
    assert dodge["score"] == 1 and dodge["relevance"] != "off_topic", dodge
    assert load_yaml("critic_phrases.yaml")["non_answer_notes"]["evasive"] in dodge["notes"]
    assert "Relevance: off topic" not in report


def test_a_design_told_as_intent_is_not_asked_to_look_back(injection: tuple[Any, ...]) -> None:
    main = injection[0][0]
    assert main["critique"]["score"] == 5 and main["follow_up"]["probes"] == "none", main["critique"]
    hypothetical = load_yaml("follow_ups.yaml")["none"].get("hypothetical", {}).get("plain", [])
    assert main["follow_up"]["text"] in hypothetical, main["follow_up"]


def _still_open_in_text(report: str) -> list[list[str]]:
    """Per question with follow-ups, the labels the report lists as still open ([] for "Nothing is left open")."""
    out = []
    for line in report.splitlines():
        if line.startswith("**Where it ended"):
            found = re.search(r"Still open after the follow-ups: (.*)\.$", line)
            # a signal item carries its signals in brackets: the label is what precedes them
            out.append([] if found is None else [re.sub(r" \(.*", "", p) for p in re.split(r", (?![^(]*\))", found[1])])
    return out


def test_the_report_and_its_json_list_the_same_open_items(
    succession: tuple[Any, ...], gateway: tuple[Any, ...], injection: tuple[Any, ...]
) -> None:
    for _, card, report in (succession, gateway, injection):
        rows = [r for r in card["questions"] if r.get("follow_ups")]
        assert _still_open_in_text(report) == [[gap_label(g) for g in r["still_open"]] for r in rows], report


LIMITS = "Tell me about explaining the limits of an AI system to a non-technical stakeholder who expected more."
# A delivery story: what was launched, not how its limits were explained.
DELIVERY = (
    "Our head of sales wanted the call-notes summariser switched on for every account before the spring kickoff. I "
    "owned the evaluation. On our labelled set of 400 calls the summaries were 79% accurate against a launch bar of "
    "90%, and most misses were invented follow-up tasks on calls longer than an hour. I proposed launching to short "
    "calls only, we shipped that to 30 accounts in March, and accuracy there held at 93%."
)
# Back on the question, after a hedge about the first answer: the stakeholder, the limit shown, what changed.
HEDGED_RETURN = (
    "I believe my story did answer it, but to be plain: the stakeholder was our head of sales, who is not technical "
    "and expected the summariser for every account. The limit was that it made up follow-up tasks on long calls. I "
    "sat down with her and went through six real summaries side by side with the recordings, so she saw the invented "
    "tasks herself. Then I offered what it could do now: short calls at once, long calls once accuracy passed the "
    "bar. She agreed to the smaller launch and presented it at the kickoff herself."
)


def test_a_reply_back_on_the_question_closes_it_however_it_hedges(isolated_data_dir: Any) -> None:
    turns, _, _ = _session("senior-genai-engineer", ((LIMITS, (DELIVERY, HEDGED_RETURN)),), follow_ups=1)
    main, reply = turns[0]["critique"], turns[1]["critique"]
    assert main["relevance"] == "off_topic" and reply["probes"] == "relevance", main
    assert reply["relevance"] == "on_topic" and reply["signals"]["covered"], reply
    # on topic and showing the question's signals, yet "still open": the transcript contradicted itself
    assert reply["closes_gap"] and "relevance" not in reply["weak_or_missing"], reply


def test_a_reply_s_evidence_is_the_sentence_that_gives_what_was_asked(isolated_data_dir: Any) -> None:
    opener = "Fair point, yes."
    turns, _, _ = _session("senior-genai-engineer", ((GATEWAY, (VAGUE_GATEWAY, f"{opener} {GATEWAY_NEEDS}")),), 1)
    reply = turns[1]["critique"]
    assert reply["closes_gap"] and reply["probes"] == "requirements", reply
    (quoted,) = [e["span"]["text"] for e in reply["evidence"] if e["field"] == reply["probes"]]
    assert quoted != opener and "3 million calls a day" in quoted, quoted


def test_an_honest_not_yet_to_the_built_it_question_costs_nothing(isolated_data_dir: Any) -> None:
    # The design question asked for a design, not for one already built: "not yet" answers the follow-up honestly.
    not_yet = "No, not one that acts on mail. What I described is how I would start if I built it next quarter."
    _, card, report = _session("senior-genai-engineer", ((INJECTION, (INJECTION_DESIGN, not_yet)),), follow_ups=1)
    row = card["questions"][0]
    assert row["first_score"] == 5 and row["score"] == 5, row
    assert "answered weakly" not in report


MISTAKE = "Tell me about a mistake you made as a manager and how you recovered from it."
# A lived mistake, owned and repaired, whose outcome is told without a number: the graph asks for the numbers.
MOVED_WITHOUT_ASKING = (
    "My worst mistake as a manager was moving Ines, a senior engineer on my payments team, onto another project "
    "without asking her first. A director wanted help on a fraud rules rewrite, I agreed in the meeting, and she "
    "heard about it from the other team's lead. She was upset, and rightly so: I had treated her time as mine to hand "
    "out. I told her plainly it was my mistake, asked what she wanted, and we agreed she would join for one month and "
    "then decide. Since then I ask people before I offer their time, and the team trusts me more."
)


def _numbers_reply(reply: str) -> dict[str, Any]:
    """The critique of `reply` to the follow-up the graph asks after MOVED_WITHOUT_ASKING (a numbers probe)."""
    turns, _, _ = _session("engineering-manager", ((MISTAKE, (MOVED_WITHOUT_ASKING, reply)),), follow_ups=1)
    assert turns[0]["follow_up"]["probes"] == "quantified_result", turns[0]["follow_up"]
    critique: dict[str, Any] = turns[1]["critique"]
    return critique


def test_a_measure_against_its_baseline_answers_the_numbers_follow_up(isolated_data_dir: Any) -> None:
    # The measure, then its baseline after "against": no "from ... to", no word of either question (newcomer 37 N7).
    reply = _numbers_reply("Trust in our quarterly pulse survey: 78 percent now, against 55 percent a quarter before.")
    assert reply["relevance"] != "off_topic" and not reply["non_answer"], reply
    assert reply["closes_gap"] and reply["score"] == 4, reply
    # held at 4 by its length, not by vagueness: "be more specific" would be untrue of two figures
    assert reply["gap"] != load_yaml("critic_phrases.yaml")["gaps"]["specificity"], reply["gap"]


def test_a_grade_like_measure_in_a_reply_is_not_an_instruction_to_the_grader(isolated_data_dir: Any) -> None:
    # "trust score: 4.1" reports a survey figure; only a grade ("score: 5") is addressed to whoever scores the answer.
    reply = _numbers_reply("Our pulse survey trust score: 4.1 out of 5 this spring, against 3.2 the spring before.")
    assert not any("instruct the grader" in n for n in reply["notes"]), reply["notes"]
    assert reply["closes_gap"] and reply["score"] >= 4, reply


def test_an_impression_for_a_measure_is_vague_not_off_topic(isolated_data_dir: Any) -> None:
    # Asked for numbers, a feeling about the team answers the question vaguely; it does not change the subject.
    reply = _numbers_reply("Folks look less stressed in standups now, and nobody has raised it again that I know of.")
    assert reply["relevance"] != "off_topic" and not reply["non_answer"], reply
    assert not reply["closes_gap"] and reply["score"] == 2, reply


SERVING = "Your model costs too much to serve. What would you try before asking for a bigger budget?"
# Reasons and a measured outcome, no price paid: the graph asks what the choice cost.
BURSTY_SERVING = (
    "Our fraud-scoring model's serving bill at a payments startup had doubled in a year, and I owned bringing it "
    "down. I profiled a day of traffic first: most requests came in bursts at month end, while four large GPU "
    "replicas sat mostly idle the rest of the time. Because the load was so bursty, I moved the endpoint to "
    "autoscaling on smaller cards with a floor of zero, and I quantised the model to int8 because profiling showed "
    "the GPUs were memory-bound, after checking recall on our labelled month of transactions. Serving cost fell from "
    "about $38k to $14k a month, and recall on the labelled set stayed at 0.91."
)
# The price in what it cost: seconds added to a request, part of the saving handed back.
COLD_STARTS = (
    "Cold starts. Scaling up from zero added about three seconds to the first request after a quiet hour, so we kept "
    "one warm replica for the checkout path, which gave back about $2k a month of the saving."
)


def test_a_price_in_seconds_added_and_saving_given_back_answers_what_it_cost(isolated_data_dir: Any) -> None:
    turns, _, _ = _session("ai-engineer", ((SERVING, (BURSTY_SERVING, COLD_STARTS)),), follow_ups=1)
    assert turns[0]["follow_up"]["probes"] == "tradeoffs", turns[0]["follow_up"]
    reply = turns[1]["critique"]
    assert reply["relevance"] != "off_topic" and reply["closes_gap"] and reply["score"] >= 4, reply
