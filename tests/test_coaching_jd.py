"""Job descriptions: requirements read from Markdown and prose, matched with the local MiniLM model to the role
pack, and backed by the candidate's stories or listed as "no story yet" (agent.progress --jd, end to end)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.coaching.jd import JobDescriptionError, extract_requirements, lean_weights, read_jd
from agent.coaching.jd import Requirement as Req
from tests.progress_cli import progress, progress_json

REPO = Path(__file__).resolve().parents[1]
JD = REPO / "tests" / "fixtures" / "jd" / "platform-director.md"
NOT_COVERED = {
    "Ship native mobile apps for iOS and Android through the app stores",
    "Localise the product into twelve languages with translation vendors",
}


def test_bullets_outside_about_and_benefits_are_the_requirements() -> None:
    reqs = extract_requirements(JD.read_text(encoding="utf-8"))
    assert len(reqs) == 5 and set(reqs) >= NOT_COVERED
    assert not any("leave" in r or "300 people" in r for r in reqs)


def test_prose_without_bullets_gives_the_sentences_that_ask_for_something() -> None:
    text = "Engineer\n\nYou will own our billing service. We are a friendly bunch. Experience with Kafka is a must."
    assert extract_requirements(text) == ["You will own our billing service", "Experience with Kafka is a must"]


def test_unreadable_or_binary_job_descriptions_fail_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(JobDescriptionError, match="cannot read"):
        read_jd(str(tmp_path / "missing.md"))
    binary = tmp_path / "jd.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02")
    with pytest.raises(JobDescriptionError, match="not a text file"):
        read_jd(str(binary))


def test_unbacked_requirements_pull_harder_on_the_plan() -> None:
    backed = Req("a", "hiring", ["q1"], 0.5, "s1", "Story")
    unbacked = Req("b", "strategy", ["q2", "q3"], 0.5)
    comps, questions = lean_weights([backed, unbacked])
    assert comps == {"hiring": 5.0, "strategy": 9.0}
    assert questions["q2"] > questions["q1"] and questions["q2"] > questions["q3"] > 1.0


def test_progress_lists_exactly_the_two_uncovered_requirements_as_no_story_yet() -> None:
    reqs = progress_json("--role", "director", "--jd", str(JD), "--no-coverage")["requirements"]
    assert {r["text"] for r in reqs if r["story_title"] is None} == NOT_COVERED
    backed = {r["text"]: r for r in reqs if r["story_title"]}
    assert len(backed) == 3
    hiring = backed["Grow the team through hiring and a fair interview loop"]
    assert "Growing the ML Platform Team" in hiring["story_title"] and hiring["competency"] == "hiring"
    assert all(not r["questions"] for r in reqs if r["text"] in NOT_COVERED)  # nothing in the pack asks it either
    table = progress("--role", "director", "--jd", str(JD), "--no-coverage")
    assert table.returncode == 0 and " ".join(table.stdout.split()).count("no story yet") == 2
