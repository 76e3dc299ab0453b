"""A count of people who voiced a view ("two senior engineers argued") is not the team's size: the notes' change of
head count ("4 -> 16 engineers") is never compared with it (newcomer36 N8). A head count said as the team's own size
is still compared. Through the real CLI, over notes and answers invented for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notes_drift_cli import contradictions, story_notes

NOTES = """\
# Prep notes (Tomasz, director loops)

## Scaling the search platform group

- 4 → 16 engineers in 10 months, product asks piling up
- offer acceptance 52% → 78%: weekend take-home swapped for a paired debugging exercise, recruiter call within 24h
- 1 regretted leaver in year one (relocation)
"""


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_count_of_people_who_objected_is_not_the_team_size(tmp_path: Path) -> None:
    (notes,) = story_notes(tmp_path, [
        "While the search platform group was scaling, the hardest call was dropping the weekend take-home. It was "
        "our best read on code quality, and two senior engineers argued we would hire people who talk well but "
        "cannot build. I replaced it with a paired debugging exercise on a real bug from our backlog, and offer "
        "acceptance went from 52% to 78%.",
    ], NOTES)  # fmt: skip
    assert not contradictions(notes), notes


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_team_size_said_wrong_is_still_compared(tmp_path: Path) -> None:
    (notes,) = story_notes(tmp_path, [
        "I scaled the search platform group from 4 to 12 engineers in 10 months. I replaced the weekend take-home "
        "with a paired debugging exercise, and offer acceptance went from 52% to 78%.",
    ], NOTES)  # fmt: skip
    assert any("12" in said for _, said in contradictions(notes)), notes
