"""STAR parts and specificity told in forms the critic used to miss or over-read, through the CLI (issue 9):

- a result told as the lesson applied on a later piece of work ("On my next team, I ...") is a result;
- steps the candidate took before the moment the story turns on, told in the pluperfect ("I had written ..."), are
  their action;
- a launch dated against the plan ("went live in week seven") says how the work came out;
- a plan of slogans (hyphenated buzzwords, management phrases, the question's own "first 90 days" repeated) is
  generic, however long;
- a contrast that weighs nothing ("..., but that's a minor detail") is not a trade-off.

Answers are written for this file; the role packs are the bundled ones.
"""

from __future__ import annotations

from pathlib import Path

from tests.scripted_critique import BATCH_ONLINE, OWN_MISTAKE, critique_of

PROUD_HIRE = ("engineering-manager", 7, "proud of")  # seed 7
FIXED_DEADLINE = ("director", 73, "deadline")  # seed 73
FIRST_DAYS = ("director", 0, "first 90 days")  # seed 0

NEXT_TEAM = (
    "At Brightwater Logistics I promised the warehouse group a new pick-list service in six weeks without asking my "
    "engineers for an estimate. The service needed a data migration nobody had sized, it slipped to fourteen weeks, "
    "and two of my engineers worked most weekends to close the gap. I apologised to the team and to the warehouse "
    "lead, and I made it my rule that engineers size any work before a date leaves the room. On my next team, at a "
    "payments company, I asked the two people doing the work for an estimate before each quarterly commitment, and "
    "every release that year shipped within a week of its date."
)
HAD_WRITTEN = (
    "The hire I am proudest of is Marisol, a backend engineer who joined my data platform team at Quillfield in 2023. "
    "I had written a take-home task around a broken ingestion job and agreed the marking guide with two senior "
    "engineers before the first candidate saw it. Most candidates patched the failing line; Marisol wrote a short note "
    "on why the job failed silently and added an alert for it. Both markers scored her top of the pool on their own. "
    "A year on she owns our ingestion service, which has dropped from nine paging incidents a quarter to one."
)
WENT_LIVE = (
    "In 2024 a regulator told our lending group at Corrance Bank that affordability checks had to run on every "
    "application from the first of October, which gave us eleven weeks. I owned the delivery across three teams. I cut "
    "the scope to the checks the rule named, moved two engineers from the mobile app onto the rules engine, and held a "
    "fifteen-minute review every morning of what was blocked. I told the chief risk officer in week three that the "
    "reporting screens would follow after the deadline, and she agreed. The checks went live in week ten, a week "
    "before the deadline."
)
SLOGANS = (
    "In my first 90 days I would listen a lot and build trust with the leadership team. I want to be a "
    "cross-functional partner and drive a data-driven, customer-centric culture with best-in-class practices. I "
    "would hit the ground running, look for quick wins to build momentum, lay the groundwork for an end-to-end "
    "platform, and make sure each seat has the right people so the group can succeed over the long-term."
)
DISMISSED = (
    "Batch scoring fits when inputs change slowly and the items to score are known ahead: a nightly Spark job writes "
    "scores for 2 million listings into a Redis table, and the API reads one key in under 5 ms. Online scoring fits "
    "when the prediction depends on what the request carries, such as the search text or the cart, so it cannot be "
    "done ahead; that needs a model server behind the API with a p99 budget near 60 ms and the same feature code as "
    "training. Storage for the nightly table grows with the catalogue, but that's a minor detail."
)


def test_the_lesson_applied_on_the_next_team_is_the_result(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, OWN_MISTAKE, NEXT_TEAM)
    assert c["star"]["result"] is True
    assert "result" not in c["weak_or_missing"] and c["score"] >= 4


def test_steps_told_in_the_pluperfect_are_the_action(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, PROUD_HIRE, HAD_WRITTEN)
    assert c["star"]["action"] is True
    assert "action" not in c["weak_or_missing"] and c["score"] >= 4


def test_a_launch_dated_against_the_plan_is_a_result(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, FIXED_DEADLINE, WENT_LIVE)
    assert c["star"]["result"] is True
    assert "result" not in c["weak_or_missing"]


def test_a_plan_of_slogans_is_generic(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, FIRST_DAYS, SLOGANS)
    assert c["specificity"] == "low"
    assert c["score"] <= 2


def test_a_waved_aside_contrast_is_not_a_trade_off(tmp_path: Path, isolated_data_dir: Path) -> None:
    c = critique_of(tmp_path, BATCH_ONLINE, DISMISSED)
    assert c["specificity"] == "high"
    assert "tradeoffs" in c["weak_or_missing"]
