"""The result a STAR evidence line quotes is the sentence that says what changed, not the candidate's step whose
wording brushes against a result cue ("... cut the faceting to a later release"), when a later sentence tells the
result (agent/critic/star.py). Checked in the saved transcript of a CLI session and on the critic. Answers and the
role pack are written for this file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agent.critic import critique_answer
from tests.conftest import REPO

SLIPPED = ("In 2023 the search migration was planned for eight weeks and it took fourteen. I was the tech lead and "
           "had to get it back on track. I split the remaining work into three slices and cut the faceting to a "
           "later release. We shipped the core in week fourteen and the facets a month later.")  # fmt: skip
SHIPPED = "We shipped the core in week fourteen and the facets a month later."
PACK = """name: evidence-check
title: Engineering Manager (evidence check)
description: One question, for the result evidence.
competencies:
  execution: 1
opening: "Thanks for joining."
closing: "That's all from me."
questions:
  - {id: slipped, text: "Tell me about a project that slipped badly. What did you do?", type: behavioral,
     competency: execution, signals: [says when they saw the slip, names what they cut or moved]}
"""


def _evidence(answer: str, field: str) -> list[str]:
    c = critique_answer("Tell me about a project that slipped badly. What did you do?", "behavioral", answer)
    return [e.span.text for e in c.evidence if e.field == field and e.span is not None]


def test_the_cli_transcript_quotes_the_sentence_that_says_what_changed(tmp_path: Path,
                                                                      isolated_data_dir: Path) -> None:  # fmt: skip
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([SLIPPED]), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", str(pack), "--embedder", "hashing", "--questions", "1",
         "--follow-ups", "0", "--answers", str(answers)],
        capture_output=True, text=True, timeout=120, cwd=REPO, env=dict(os.environ),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (saved,) = (isolated_data_dir / "reports").glob("*.json")
    turn = json.loads(saved.read_text(encoding="utf-8"))["turns"][0]
    quoted = [e["span"]["text"] for e in turn["critique"]["evidence"] if e["field"] == "result"]
    assert quoted == [SHIPPED], quoted


def test_a_step_with_an_outcome_figure_stays_the_result() -> None:
    answer = ("Our nightly build took three hours. I owned the build tooling. I cached the dependency layer and cut "
              "the build from three hours to forty minutes. The team now merges twice a day.")  # fmt: skip
    assert _evidence(answer, "result") == [
        "I cached the dependency layer and cut the build from three hours to forty minutes."
    ]
