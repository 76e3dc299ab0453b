"""Prep documents in shapes the ingester was not written against (Notion, Obsidian, Google Docs text, cp1252,
tables, flashcards...): every story and question is found, the candidate's own questions stay out of the
question bank, titles carry no markup or mojibake, and an empty-handed document is named in a warning.

Hand counts live in tests/fixtures/unseen/EXPECTED.yaml (how things are counted is explained at its top).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.ingest import IngestResult, ingest_paths

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((UNSEEN / "EXPECTED.yaml").read_text(encoding="utf-8"))
# Leftovers that must never reach a title: replacement characters, mojibake, Markdown/wiki markup, numbering.
NOISE = re.compile(r"\ufffd|Ã.|â€|ðŸ|\*\*|__|\[\[|\]\]|^\s*(?:\d{1,3}[.)]|[-*+>#▸])\s|\s#[a-z][\w-]*$")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.fixture(scope="module")
def results() -> dict[str, IngestResult]:
    return {name: ingest_paths([UNSEEN / name]) for name in EXPECTED}


def test_every_fixture_has_hand_counts() -> None:
    docs = sorted(p.name for p in UNSEEN.iterdir() if p.suffix in (".md", ".txt"))
    assert docs == sorted(EXPECTED), "add the new document's hand counts to EXPECTED.yaml"
    assert len(docs) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts_match_hand_counts(name: str, results: dict[str, IngestResult]) -> None:
    want, got = EXPECTED[name], results[name]
    found = {
        "stories": [s.title for s in got.stories],
        "questions": [q.text for q in got.questions],
        "candidate": [q.text for q in got.candidate_questions],
    }
    assert {k: len(v) for k, v in found.items()} == {k: want[k] for k in found}, found
    if "titles" in want:
        assert found["stories"] == want["titles"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_candidate_questions_never_leak_into_the_question_bank(name: str, results: dict[str, IngestResult]) -> None:
    got = results[name]
    bank = {_norm(q.text) for q in got.questions}
    assert not bank & {_norm(q.text) for q in got.candidate_questions}
    assert all(q.id.startswith("cq-") for q in got.candidate_questions)
    assert all(q.id.startswith("q-") for q in got.questions)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_and_questions_carry_no_markup_or_mojibake(name: str, results: dict[str, IngestResult]) -> None:
    got = results[name]
    shown = [s.title for s in got.stories] + [q.text for q in got.questions + got.candidate_questions]
    assert [t for t in shown if NOISE.search(t)] == []
    assert all("\ufffd" not in s.text for s in got.stories)


@pytest.mark.parametrize("name", sorted(n for n, want in EXPECTED.items() if want.get("all_star_parts")))
def test_labelled_stories_get_all_four_star_parts(name: str, results: dict[str, IngestResult]) -> None:
    for story in results[name].stories:
        assert story.situation and story.task and story.action and story.result, story.title
        assert "**" not in story.situation + story.task + story.action + story.result


def test_documents_that_yield_something_do_not_warn_about_it(results: dict[str, IngestResult]) -> None:
    for name, want in EXPECTED.items():
        empty_handed = [w for w in results[name].warnings if "no stories or questions found" in w]
        if want.get("warn"):
            assert len(empty_handed) == 1 and name in empty_handed[0]
        else:
            assert empty_handed == [], name


def test_windows_1252_document_is_read_with_its_accents(results: dict[str, IngestResult]) -> None:
    got = results["intl-cp1252.md"]
    assert any("Windows-1252" in w and "intl-cp1252.md" in w for w in got.warnings)
    assert "Søren from billing" in got.stories[0].action
    assert got.stories[0].task.endswith("with “exactly once” delivery for billing.")
    assert "Was ist der nächste große Umbau? (What’s the next big rebuild?)" in [
        q.text for q in got.candidate_questions
    ]


def test_table_story_bank_keeps_the_result_column(results: dict[str, IngestResult]) -> None:
    story = results["table-bank.md"].stories[0]
    assert story.kind == "qa" and story.question == "Tell me about a time you led without authority."
    assert "23 services" in story.text


def test_cli_json_over_the_whole_folder() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(UNSEEN), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert len(doc["files"]) == len(EXPECTED)
    for key in ("stories", "questions"):
        assert len(doc[key]) == sum(want[key] for want in EXPECTED.values())
    assert len(doc["candidate_questions"]) == sum(want["candidate"] for want in EXPECTED.values())
    assert "logistics.md: no stories or questions found" in run.stderr
    assert "Traceback" not in run.stderr
