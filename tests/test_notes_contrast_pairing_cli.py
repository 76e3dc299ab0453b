"""Two figures set against each other in the notes ("$640k build vs $220k license", "live in 9 weeks instead of est.
6 months") are two things (newcomer33 N1, N42). Through the real CLI, over notes and answers invented for this file:
a retelling that says both sides right claims no contradiction, and one that changes a side is told about that side,
quoting the notes' figure on the same side, never the other one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notes_drift_cli import contradictions, story_notes

NOTES = """\
# Prep notes (Priya, director loops)

## Talking the VP out of a home-grown search engine
Situation: Our product VP wanted my team to build our own document search for the help centre.
Task: Make the build-or-license call with numbers rather than opinions.
Action: Priced both paths over 2 years ($640k build vs $220k license); ran a 4-week trial with 3 vendors.
Result: Licensed one and went live in 9 weeks instead of est. 6 months; the VP later asked me to run 2 more reviews.
"""


@pytest.mark.usefixtures("isolated_data_dir")
def test_both_sides_of_a_contrast_said_right_are_no_contradiction(tmp_path: Path) -> None:
    """Each side restates its own side, whatever words name it and wherever it sits in the answer."""
    spelled, terse = story_notes(tmp_path, [
        "Our product VP wanted my team to build our own document search for the help centre. Over two years, "
        "building would cost about 640 thousand dollars and buying a license about 220 thousand. I ran a four-week "
        "trial with three vendors on our own queries. We licensed one and launched in nine weeks instead of an "
        "estimate of six months.",
        "The VP wanted a home-grown search engine for the help centre. I priced both paths over two years: $640k to "
        "build it ourselves versus $220k for a license, and trialled 3 vendors on our own queries. We went live in "
        "9 weeks instead of 6 months, and the VP later asked me to run two more vendor reviews.",
    ], NOTES)  # fmt: skip
    assert not contradictions(spelled), spelled
    assert not contradictions(terse), terse


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_changed_side_is_compared_with_the_same_side_of_the_notes(tmp_path: Path) -> None:
    """The build figure and the launch time are changed; the license figure and the estimate are kept."""
    (notes,) = story_notes(tmp_path, [
        "Our product VP wanted my team to build our own document search for the help centre. I priced both paths "
        "over two years: 1.1 million dollars to build versus 220k to license, and trialled three vendors on our own "
        "queries. We licensed one and went live in 5 weeks instead of the estimated 6 months.",
    ], NOTES)  # fmt: skip
    assert sorted(contradictions(notes)) == [("$640k", "1.1 million dollars"), ("9 weeks", "5 weeks")], notes


TRIAL_NOTES = """\
## Arguing against the custom BI platform
Situation: Our CFO wanted my org to build a custom BI platform.
Action: Costed it over 3 years ($520k build vs $140k buy), ran a 3-week bake-off with 2 vendors.
Result: Bought; dashboards live in 7 weeks vs est. 5 months. The CFO later asked me to review 2 more tools.
"""


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_duration_written_in_words_as_a_modifier_restates_the_notes_duration(tmp_path: Path) -> None:
    """ "a three-week bake-off" restates the notes' 3-week bake-off, so the three years of the costing are never
    compared with it (newcomer33 N55); the launch time is still compared with its own side."""
    (notes,) = story_notes(tmp_path, [
        "Our CFO wanted my org to build a custom BI platform. I costed both options over three years and ran a "
        "three-week bake-off with two vendors. We bought, and dashboards were live in 11 weeks instead of an "
        "estimated 5 months.",
    ], TRIAL_NOTES)  # fmt: skip
    assert contradictions(notes) == [("7 weeks", "11 weeks")], notes
