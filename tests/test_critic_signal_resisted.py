"""A signal that asks who resisted is shown only by a sentence that tells someone resisting (newcomer36 N9): asked
about a practice driven across teams the candidate did not manage, a strong story of a pilot and of lending their
own engineers, with no one pushing back, leaves "names a team or person who resisted" missing and stays on topic
at 5; a story with a lead who "saw it as extra paperwork" shows it, in that sentence. Driven through the real CLI,
a scripted offline director session; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 29  # the director pack's one-question plan with this seed asks about a culture change across teams
NO_RESISTER = (
    "Last spring a column rename by a product team broke our billing exports for two days. The producing teams sat "
    "in three product groups outside my org, so I could not simply order a fix. I led the postmortem and used it to "
    "argue for schema contracts checked in CI: I wrote the proposal, got two product managers to sign it with me, and "
    "trialled it first with the team whose change had broken things. My own engineers did the first hookup in each "
    "producer's repository, so joining cost those teams close to nothing, and every week I showed the breakages it "
    "had caught at the engineering staff meeting. Export incidents dropped from five a quarter to one, and all three "
    "groups were on contracts within a quarter."
)
PAPERWORK = (
    "After two bad releases I proposed release checklists for the four app teams, none of which report to me. I "
    "wrote a one-page proposal, ran a six-week pilot with the checkout team, and lent two of my engineers to set the "
    "checklist up in each repo so it cost the teams almost nothing. The payments lead saw it as extra paperwork, so "
    "I met him one to one and cut it to five items. By the next quarter all four teams used it and rollbacks fell "
    "from nine to two a quarter."
)


def _resisted(tmp_path: Path, answer: str) -> tuple[dict[str, Any], dict[str, Any]]:
    critique = main_critique(tmp_path, "director", SEED, answer, "culture or practice")
    (check,) = [c for c in critique["signals"]["checks"] if "resisted" in c["signal"]]
    return dict(check), critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_story_with_no_one_pushing_back_names_no_resister(tmp_path: Path) -> None:
    check, critique = _resisted(tmp_path, NO_RESISTER)
    assert not check["covered"], check
    assert critique["relevance"] == "on_topic" and critique["score"] == 5, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_lead_who_saw_it_as_paperwork_is_a_resister(tmp_path: Path) -> None:
    check, _ = _resisted(tmp_path, PAPERWORK)
    assert check["covered"], check
    assert "paperwork" in check["span"]["text"], check
