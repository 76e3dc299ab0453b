"""The eval transcript contract: loading, validation errors with file and line, and the runner's exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evals.transcript import TranscriptError, find_transcripts, load_transcript
from tests.conftest import REPO

TRANSCRIPTS = REPO / "evals" / "transcripts"


def test_every_bundled_transcript_is_valid_and_names_are_unique() -> None:
    paths = find_transcripts([str(TRANSCRIPTS)])
    transcripts = [load_transcript(p) for p in paths]
    assert len(transcripts) >= 30
    assert len({t.name for t in transcripts}) == len(transcripts)
    roles = {t.role for t in transcripts}
    assert {"director", "senior-genai-engineer", "ai-engineer", "engineering-manager"} <= roles
    assert any(t.docs for t in transcripts), "at least one transcript uses the candidate's own documents"
    assert any(turn.follow_up for t in transcripts for turn in t.turns), "multi-turn follow-up chains exist"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("name: x\nrole: director\nturns:\n  - question: q\n    answer: a\n    expect:\n      score: [4, 2]\n",
         7, "score"),
        ("name: x\nrole: director\nturns:\n  - question: q\n    expect: {}\n", 4, "answer"),
        ("name: x\nrole: director\nturns:\n  - answer: a\n    expect:\n      ownership: mine\n", 6, "ownership"),
        ("name: x\nrole: director\nturns: [\n", 4, "invalid YAML"),
        ("name: x\nrole: director\nturns:\n  - answer: a\n    follow_up: true\n", 4, "follow-up"),
        ("name: x\nrole: director\nturns:\n  - answer: a\n    expect:\n      follow_up_probes: depth\n", 6,
         "follow_up_probes"),
    ],
)
def test_invalid_transcript_names_file_line_and_reason(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(TranscriptError) as info:
        load_transcript(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert reason in message


def test_runner_exits_2_on_an_invalid_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nrole: director\nturns: []\n")
    proc = subprocess.run([sys.executable, "-m", "evals.run", str(bad)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 2
    assert f"{bad}:3:" in proc.stderr and "turns" in proc.stderr


def test_json_output_follows_the_contract_and_is_deterministic() -> None:
    paths = [str(TRANSCRIPTS / "director-no-result.yaml"), str(TRANSCRIPTS / "em-chain-ownership.yaml")]
    runs = [
        subprocess.run([sys.executable, "-m", "evals.run", *paths, "--json"], capture_output=True, text=True,
                       cwd=REPO)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    turns = json.loads(runs[0].stdout)
    assert len(turns) == 3
    first = turns[0]
    assert set(first) >= {"transcript", "turn", "question", "critique", "follow_up", "stories", "checks"}
    assert set(first["critique"]) >= {"star", "quantified_result", "ownership", "specificity", "score", "gaps"}
    assert first["question"] == "Tell me about a time you had to turn around an underperforming team."
    assert first["follow_up"]["probes"] == "result"
    assert all({"name", "passed", "expected", "got"} <= set(c) for c in first["checks"])


def test_a_critic_that_never_flags_a_missing_result_makes_the_replay_fail(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import agent.nodes.critique as node
    from agent.critic.schema import Critique
    from evals.run import main

    paths = [str(TRANSCRIPTS / "director-no-result.yaml"), str(TRANSCRIPTS / "director-failure-chain.yaml")]
    assert main(paths) == 0, "the real critic passes these transcripts"
    real = node.run_critic

    def broken(*args: object, **kwargs: object) -> Critique:
        critique = real(*args, **kwargs)  # type: ignore[arg-type]
        gaps = [g for g in critique.weak_or_missing if g != "result"]
        star = critique.star.model_copy(update={"result": True})
        return critique.model_copy(update={"star": star, "weak_or_missing": gaps,
                                           "score": critique.score if gaps else 5, "gap": critique.gap if gaps else ""})

    monkeypatch.setattr(node, "run_critic", broken)
    capsys.readouterr()
    assert main(paths) == 1
    out = capsys.readouterr().out
    assert "star.result" in out and "follow_up_probes" in out
