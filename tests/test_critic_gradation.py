"""The score's gradation through the CLI (issue 9): a thin answer does not reach 4 on its shape alone, and a complete
one does not lose a point for a cue it shows.

- A technical answer specific throughout (named stores, figures, latency budgets) with no named trade-off and no
  lived case is a 4: the case is the last of a technical answer's form gaps and costs nothing past keeping the 5.
- "later than" compares two times; it does not say what followed the work, so a story ending on the fix of a
  neighbouring team has no result.
- "came in under last year's" and "we looked again ... and it held" say how things turned out.
- "We were fully back after one hour fifty" measures the recovery (as "back within" does); "got three engineers
  assigned" counts what the candidate's own step obtained, not an outcome.

Stories and answers are written for this file; the role packs are the bundled ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import BATCH_ONLINE, OWN_MISTAKE, critique_of

DATA_PROBLEM = ("ai-engineer", 25, "poor data quality")  # seed 25
PUSHBACK = ("engineering-manager", 74, "pushing back on a stakeholder")  # seed 74
INCIDENT = ("engineering-manager", 25, "production incident")  # seed 25

SPECIFIC_NO_TRADEOFF = (
    "Batch scoring fits when the inputs change slowly and the set of things to score is known in advance: a nightly "
    "Spark job writes scores for all 3 million catalogue items into a Redis table, and the API does a key lookup in "
    "under 5 ms. Online scoring fits when the prediction depends on what the request carries, such as the basket "
    "contents or the search text, so it cannot be computed ahead; that needs a model server behind the API with a p99 "
    "budget of around 50 ms, autoscaling on request rate, and the same feature code as training so the inputs match. "
    "A hybrid is common too: precompute the slow user embedding nightly and combine it with the request features at "
    "call time."
)
FIX_HANDED_OVER = (
    "Our delivery-time model started underestimating for one depot. I wrote a query comparing that depot's input rows "
    "with the others and found that a fifth of its parcels had a scan time later than the hand-over time, because "
    "the handheld scanners there were set to the wrong time zone. I took the query to the team that owns the scanner "
    "software and they corrected the clock setting and re-sent the last six weeks."
)
_PUSHBACK_STEPS = (
    "Last spring Marta, who runs our checkout product, asked my team to build a live fraud score for every basket "
    "before the holiday sale, five weeks out. We were halfway through moving our models to a new feature store, and "
    "stopping would have cost us the quarter. I sat down with her for an hour to find what she needed: fewer "
    "chargebacks from stolen cards during the sale. A live score was not needed for that. I proposed an hourly batch "
    "score on the pipeline we already had, which we could ship in ten days, plus a manual review queue for large "
    "orders from new accounts. She agreed, on the condition that we would look again after the sale. "
)
CAME_IN_UNDER = _PUSHBACK_STEPS + "It ran through the holiday period, and chargebacks came in under last year's."
IT_HELD = _PUSHBACK_STEPS + "We looked again in January, and it held."


def test_a_specific_technical_answer_without_trade_off_or_case_is_a_4(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, BATCH_ONLINE, SPECIFIC_NO_TRADEOFF)
    assert c["specificity"] == "high" and c["relevance"] == "on_topic"
    assert c["weak_or_missing"][:2] == ["tradeoffs", "example"]
    assert c["score"] == 4


def test_later_than_is_a_comparison_not_what_followed(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, DATA_PROBLEM, FIX_HANDED_OVER)
    assert c["star"]["result"] is False
    assert c["weak_or_missing"][0] == "result" and c["score"] == 3


@pytest.mark.parametrize("answer", [CAME_IN_UNDER, IT_HELD], ids=["came-in-under", "it-held"])
def test_how_it_came_out_is_a_result(tmp_path: Path, isolated_data_dir: Path, answer: str) -> None:
    c = critique_of(tmp_path, PUSHBACK, answer)
    assert c["star"]["result"] is True
    assert c["weak_or_missing"][0] == "quantified_result" and c["score"] == 4


BACK_AFTER = (
    "Last November our payments API started rejecting every card from one acquirer after a certificate rotation on "
    "their side. I took incident command: I paired Dara, who knew the gateway, with the on-call engineer, kept product "
    "and support updated every twenty minutes in one channel, and made the call to route that acquirer's traffic "
    "through our backup provider while we fixed the trust store. We were fully back after one hour fifty. In the "
    "postmortem I ran that week, we added an expiry check for partner certificates to the nightly job, and no partner "
    "certificate has expired on us since."
)
GOT_ASSIGNED = (
    "The mistake was a reporting rewrite I pushed for at Corvel Freight. I argued for it at our quarterly planning and "
    "got three engineers assigned to it for two quarters, on the promise that the operations team would drop their "
    "spreadsheets. I never sat with the operations leads to see how they used those spreadsheets, and when we shipped, "
    "they kept the spreadsheets and ignored the new reports. I told my director it was my call and my miss, and we "
    "stopped the work after the second quarter. Since then I spend a day with the people who will use a tool before I "
    "ask for anyone's time to build it."
)


def test_time_to_recovery_after_the_work_is_a_measured_result(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, INCIDENT, BACK_AFTER)
    assert c["quantified_result"] is True and c["score"] == 5


def test_people_a_step_obtained_are_not_an_outcome(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, OWN_MISTAKE, GOT_ASSIGNED)
    assert c["quantified_result"] is False
    assert c["weak_or_missing"][0] == "quantified_result" and c["score"] == 4
