"""A stance credits no signal (issue 9 case 2, signals credited that the answer never said): a sentence that ranks
something as the most important, puts a duty on everyone, says what the candidate tries to be or calls a tool what
everyone uses names no figure, name or practice, so it shows none of the question's signals, however many of their
words it shares (agent/critic/generic.py GENERAL_CUES). Driven through the real CLI, a scripted offline
engineering-manager session on one-on-ones; answer written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

SEED = 9  # the engineering-manager pack's one-question plan with this seed asks what one-on-ones look like


@pytest.mark.usefixtures("isolated_data_dir")
def test_ranking_one_on_ones_first_shows_no_change_to_them(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", SEED, (
        "My one-on-ones run every week for thirty minutes with each of my six engineers. The first ten minutes are "
        "theirs, for anything on their mind, then we look at the goals we set together last quarter. Over time "
        "one-on-ones have become the most important meeting of my week. I always try to listen more than I speak."
    ), asked="one-on-ones")  # fmt: skip
    quoted = [c for c in critique["signals"]["checks"] if c["covered"] and "most important" in c["span"]["text"]]
    assert not quoted, quoted
    assert not any("changed about their one-on-ones" in s for s in critique["signals"]["covered"]), critique["signals"]
