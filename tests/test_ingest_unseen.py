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

from knowledge.ingest import IngestResult, ingest_paths, ingest_text

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
    assert story.format == "qa" and story.question == "Tell me about a time you led without authority."
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


def test_pages_files_get_an_export_hint_and_a_damaged_pdf_one_line(tmp_path: Path) -> None:
    (tmp_path / "prep.pages").write_bytes(b"PK\x03\x04" + bytes(200))
    (tmp_path / "prep.pdf").write_bytes(b"%PDF-1.4\n" + bytes(200))
    result = ingest_paths([tmp_path / "prep.pages", tmp_path / "prep.pdf"])
    assert not result.found_anything
    assert [w.split(": ", 1)[1] for w in result.warnings] == [
        "Apple Pages files cannot be read; export it from Pages as Word (.docx) or plain text",
        "not read: a damaged PDF; export the source document as .docx, .md or .txt",
    ]


def test_story_pasted_in_a_plain_fence_is_read_but_code_is_not() -> None:
    doc = (
        "## The flaky deploys\n\n```\nSituation: Deploys failed one time in five because of a migration race.\n"
        "Task: Make deploys boring before the freeze.\nAction: I serialised the migrations behind a lock.\n"
        "Result: Zero failed deploys in the next 300 runs.\n```\n\n"
        "## Snippet\n\n```python\ndef retry(fn):\n    return fn()\n```\n"
    )
    result = ingest_text(doc, "fenced.md")
    assert [(s.title, s.result) for s in result.stories] == [
        ("The flaky deploys", "Zero failed deploys in the next 300 runs.")
    ]
    assert "```" not in result.stories[0].text


def test_mostly_utf8_file_with_one_stray_byte_stays_utf8() -> None:
    data = "## Story 1: Zoë’s launch\n\n**Situation:** Café app – launch.\n**Result:** Shipped \xff.\n".encode()
    data = data.replace("\xff".encode(), b"\xff")
    result = ingest_text(data, "mixed.md")
    assert result.stories[0].title == "Zoë’s launch"
    assert any("not UTF-8 text (byte 0x" in w for w in result.warnings)


def test_notes_that_only_look_like_questions_are_not_counted() -> None:
    doc = (
        "## Interview format\n\n- Round 1: coding (45 min)\n- Round 2: system design?\n\n"
        "## Story 1: The outage\n\n**Situation:** The DB fell over.\n**Action:** I failed over.\n"
        "**Result:** Back in 12 minutes.\n\n- What went wrong?\n    - The runbook pointed at a replica that had been "
        "retired months earlier, so the first failover attempt did nothing at all.\n\n"
        "## Questions for me to practise\n\n- Tell me about a time you failed.\n"
    )
    result = ingest_text(doc, "traps.md")
    assert [q.text for q in result.questions] == ["Tell me about a time you failed."]
    assert result.candidate_questions == []
    assert [s.title for s in result.stories] == ["The outage"]
