"""A stance question answered with a case told as the team's ("we moved ..."), the candidate's own part never said, is
chased on ownership before its missing reason; told in the first person, the missing reason is chased. Driven through
the CLI (a scripted offline session); the answers are our own words."""

from __future__ import annotations

from pathlib import Path

from tests.scripted_critique import main_critique

SEED = 43  # the engineering-manager pack's one-question plan with this seed asks about a team across time zones
ASKED = "spread across time zones"
CASE = (
    "My current team is nine engineers in three time zones, with two hours of overlap each day. {moved} most "
    "decisions into written design docs and {kept} one weekly meeting inside the overlap. Things run much more "
    "smoothly now than when I joined."
)


def test_a_case_told_as_the_teams_is_chased_on_ownership(isolated_data_dir: Path, tmp_path: Path) -> None:
    c = main_critique(tmp_path, "engineering-manager", SEED, CASE.format(moved="We moved", kept="kept"), ASKED)
    assert c["weak_or_missing"][0] == "ownership", c["weak_or_missing"]
    assert "rationale" in c["weak_or_missing"]


def test_a_case_told_as_their_own_is_chased_on_its_reason(isolated_data_dir: Path, tmp_path: Path) -> None:
    c = main_critique(tmp_path, "engineering-manager", SEED, CASE.format(moved="I moved", kept="I kept"), ASKED)
    assert c["weak_or_missing"][0] == "rationale", c["weak_or_missing"]
    assert "ownership" not in c["weak_or_missing"]
