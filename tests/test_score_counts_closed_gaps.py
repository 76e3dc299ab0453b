"""A question's score counts every gap of its first answer that a follow-up reply closed, asked or not (issue 9).

Follow-ups listen: a gap a reply already closed is not asked for again. Counting only the gap each follow-up asked
for then made one reply closing several gaps worth a single point, where the same content spread over two replies
earned two (newcomer trial 36, B4 went from 4 to 3 once follow-ups listened). Sessions run through the real graph
(offline critic, in-memory checkpointer) as in tests/test_follow_up_listens.py; the report is built as the CLI
builds it.
"""

from __future__ import annotations

from typing import Any

from agent.report import score_steps
from agent.wording import gap_label
from tests.test_follow_up_listens import SUCCESSOR, VAGUE_SUCCESSION, WHAT_I_DID, _session

SEARCH = "Design semantic search over fifty million documents with freshness within five minutes."
# On the question, but no load, no latency target, no price paid: several gaps at once.
VAGUE_SEARCH = (
    "For the search I would embed every document and keep the vectors in an index that a search service queries. "
    "To keep results fresh, new and edited documents flow through an embedding pipeline that writes them into the "
    "index quickly. Then I would tune the ranking and watch the search in production."
)
# Asked for the requirements, it also gives the load, the reason for the design and a price paid.
SEARCH_NEEDS = (
    "What I had to meet: fifty million documents growing by about two hundred thousand a day, a query at p95 under "
    "300 ms, and a new or edited document searchable within five minutes. So I chose change-data-capture from the "
    "document store into a queue, with workers that embed each change and upsert it into a sharded HNSW index, "
    "because batch rebuilds of fifty million vectors take hours. I gave up some recall by quantising the vectors to "
    "int8, about two points on our relevance set, which I accepted to keep the whole index in memory on six nodes."
)
# Asked for the requirements, it gives none: it tells how the design fails and recovers instead.
SEARCH_FAILURES = (
    "If the embedding workers fall behind, the queue lag alarm pages the on-call after two minutes, and search keeps "
    "serving the last good index while a keyword fallback covers documents that are not embedded yet. A shard that "
    "dies is rebuilt from its replica, so no query fails while it recovers."
)
NOTHING = "Nothing more to add."
WHY_ROLE = "Why this role, and why now in your career?"
# A delivery story told to a motivation question: off topic.
OFF_TOPIC = (
    "Last autumn four of our product teams kept blocking each other on a shared schema, and launches slipped every "
    "month. I drew up the map of who depended on whom, moved one engineer from the API team to the data team and "
    "set one weekly integration review with a named owner for each change. Over two quarters the slipped launches "
    "went from nine to one and the complaints to the VP stopped."
)
# Brought back: why this role and why now, with the reason for the move and what it costs.
MOTIVE = (
    "Because you are turning an ML group into a platform that sixty product engineers depend on, and that is the "
    "job I have been growing into: I have run two teams of eight for three years and I now want to own the budget "
    "and the roadmap for the whole platform. I chose to leave a bigger company for this because here I would set "
    "the strategy rather than execute someone else's, and I accept a smaller title to get that."
)


def _search(reply: str) -> tuple[Any, ...]:
    return _session("senior-genai-engineer", ((SEARCH, (VAGUE_SEARCH, reply, NOTHING)),))


def _closed(main: dict[str, Any], reply: dict[str, Any]) -> list[str]:
    """The first answer's gaps no longer open after the reply, as its turn record says."""
    return [g for g in main["critique"]["weak_or_missing"] if g not in reply["left"]["gaps"]]


def test_one_reply_closing_several_gaps_earns_up_to_two_points(isolated_data_dir: Any) -> None:
    turns, card, report = _search(SEARCH_NEEDS)
    main, reply = turns[0], turns[1]
    first = main["critique"]["score"]
    assert main["follow_up"]["probes"] == "requirements" and reply["critique"]["closes_gap"], reply["critique"]
    closed = _closed(main, reply)
    others = [g for g in closed if g != "requirements"]
    assert "requirements" in closed and {"scale", "tradeoffs"} <= set(others), reply["left"]
    # the trade-off was given, so it is not asked for again: before, it could only earn its point that way
    assert (reply["follow_up"] or {}).get("probes") not in others, reply["follow_up"]
    row = card["questions"][0]
    assert row["score"] == min(4, first + min(2, len(closed))) == 4, row["score_steps"]
    step = row["score_steps"][1]
    assert step.startswith("the follow-up on requirements first answered it and the reply also covered ")
    assert step.endswith(f"(+{min(2, len(closed))})") and all(gap_label(g).split(":")[0] in step for g in others), step
    assert row["score_steps"][-1].startswith("the follow-up on"), row["score_steps"]  # 2 + 2: no cap needed
    ended = next(line for line in report.splitlines() if line.startswith("**Where it ended"))
    assert ended.startswith("**Where it ended: 4/5**") and step in ended, ended


def test_a_reply_that_misses_its_ask_earns_one_point_at_most(isolated_data_dir: Any) -> None:
    turns, card, _ = _search(SEARCH_FAILURES)
    main, reply = turns[0], turns[1]
    assert main["follow_up"]["probes"] == "requirements" and not reply["critique"]["closes_gap"], reply["critique"]
    closed = _closed(main, reply)
    assert "failure_modes" in closed and "requirements" not in closed, reply["left"]
    row = card["questions"][0]
    assert "requirements" in row["still_open"], row
    step = row["score_steps"][1]
    assert step.startswith("the follow-up on requirements first left it open, but the reply covered failure modes")
    assert step.endswith("(+1)"), step  # it covered more, but left open what it was asked
    assert row["score"] == min(4, main["critique"]["score"] + 1), row["score_steps"]


def test_a_reply_giving_the_missing_part_and_more_counts_both(isolated_data_dir: Any) -> None:
    turns, card, _ = _session("director", ((SUCCESSOR, (VAGUE_SUCCESSION, WHAT_I_DID)),))
    main, reply = turns[0], turns[1]
    closed = _closed(main, reply)
    assert main["follow_up"]["probes"] == "ownership" and "relevance" in closed, reply["left"]
    row = card["questions"][0]
    assert row["score"] == 4 and main["critique"]["score"] + len(closed) >= 4, row["score_steps"]
    assert gap_label("relevance") in row["score_steps"][1], row["score_steps"]


def test_an_off_topic_first_answer_still_ends_at_3(isolated_data_dir: Any) -> None:
    turns, card, _ = _session("director", ((WHY_ROLE, (OFF_TOPIC, MOTIVE)),), follow_ups=1)
    main, reply = turns[0], turns[1]
    assert main["critique"]["relevance"] == "off_topic" and reply["critique"]["closes_gap"], main["critique"]
    assert main["critique"]["score"] + len(_closed(main, reply)) > 3
    row = card["questions"][0]
    assert row["score"] == 3 and row["score_steps"][-1] == "at most 3: the first answer was off topic", row


def test_each_gap_earns_its_point_once_and_old_turns_count_what_was_asked() -> None:
    main = {"score": 2, "weak_or_missing": ["requirements", "scale", "tradeoffs"]}
    first = {"probes": "requirements", "closes_gap": True, "score": 4, "left": {"gaps": ["tradeoffs"]}}
    again = {"probes": "scale", "closes_gap": True, "score": 4, "left": {"gaps": []}}
    score, steps = score_steps(main, [first, again])
    assert steps[1:3] == [
        "the follow-up on requirements first answered it and the reply also covered the scale designed for (+2)",
        "the follow-up on the scale designed for answered it and the reply also covered trade-offs (+1)",
    ], steps
    assert score == 4
    # a turn saved before `left` was recorded: only the asked gap counts, as it did
    old = [{k: v for k, v in c.items() if k != "left"} for c in (first, again)]
    assert score_steps(main, old) == (4, ["first answer 2", "the follow-up on requirements first answered it (+1)",
                                          "the follow-up on the scale designed for answered it (+1)"])  # fmt: skip
