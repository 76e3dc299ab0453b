"""The critic's sentence splitter does not end a sentence at the dot of "e.g.", "i.e." or "vs.", nor at "a.m." /
"p.m." before a lower-case word (agent/critic/text.py): "the export finished by 5 a.m. and finance had its numbers"
was two sentences, the second a fragment without its subject, and the answer's result was not found at all (score 3,
gap "result"); "I compared X vs. Y" quoted "I compared X vs." as the action. Checked in the saved transcript of CLI
sessions on a one-question pack written for this file, and on the splitter itself. Answers written for this file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from agent.critic.text import sentences
from tests.conftest import REPO

PACK = """name: abbreviation-check
title: Engineer (abbreviation check)
description: One question, for sentence ends.
competencies:
  execution: 1
questions:
  - {id: fixed-it, text: "Tell me about a process or system you fixed.", type: behavioral, competency: execution}
"""
FINISHED = "After the change the export finished by 5 a.m. and finance had its numbers by nine all quarter."
EXPORT = ("Our nightly billing export kept failing and finance got its numbers late. I owned the export and had to "
          "make it reliable. I split the export into small batches and moved the heavy joins, e.g. the invoice "
          f"lines, to a read replica. {FINISHED}")  # fmt: skip
COMPARED = "I compared one index per tenant vs. a shared index with filters, and chose the first for the largest ten."
SEARCH = f"Our search was slow for big tenants. I had to pick the fix. {COMPARED} Latency fell from 2 s to 300 ms."


def _critique(tmp_path: Path, data: Path, answer: str) -> dict[str, Any]:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([answer]), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", str(pack), "--embedder", "hashing", "--offline",
         "--questions", "1", "--follow-ups", "0", "--answers", str(answers)],
        capture_output=True, text=True, timeout=120, cwd=REPO, env=dict(os.environ),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (saved,) = (data / "reports").glob("*.json")
    critique: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))["turns"][0]["critique"]
    return critique


def _quoted(critique: dict[str, Any], field: str) -> list[str]:
    return [e["span"]["text"] for e in critique["evidence"] if e["field"] == field and e.get("span")]


def test_a_m_inside_a_sentence_keeps_the_result(tmp_path: Path, isolated_data_dir: Path) -> None:
    critique = _critique(tmp_path, isolated_data_dir, EXPORT)
    assert _quoted(critique, "result") == [FINISHED], critique["evidence"]
    assert critique["star"]["result"] and "result" not in critique["weak_or_missing"], critique


def test_vs_inside_a_sentence_is_quoted_whole(tmp_path: Path, isolated_data_dir: Path) -> None:
    critique = _critique(tmp_path, isolated_data_dir, SEARCH)
    assert _quoted(critique, "action") == [COMPARED], critique["evidence"]


SPLITS = [
    "We moved the jobs, e.g. billing, to a queue. | It held.",
    "I kept one path, i.e. the slow one. | Then it broke.",
    "The deploy ran at 6 p.m. on Fridays. | Nobody liked it.",
    "The deploy ran at 6 p.m. | We moved it.",  # before a capital, a.m. / p.m. can end a sentence
    "It was the old vs. the new. | Devs. | Liked it.",  # "vs" inside a word is no abbreviation
]


@pytest.mark.parametrize("split", SPLITS)
def test_the_splitter(split: str) -> None:
    expected = split.split(" | ")
    assert [s.text for s in sentences(" ".join(expected))] == expected
