"""sweep29 S10's other half: `--resume ID --offline` was "Ignored on resume (the session keeps its settings)", so a
session whose model server fails or hangs could never be finished. --offline on resume is honoured: the session is
graded by the offline critic from then on and the model server is not called. A real HTTP stub server counts the
calls; the session runs as a subprocess with scripted answers."""

from __future__ import annotations

import json
from pathlib import Path

from stub_openai import StubOpenAI

from tests.test_persistence import A1, A2, FAST, run, scripted, session_id

LLM = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": ""}


def test_offline_given_on_resume_is_honoured(isolated_data_dir: Path) -> None:
    with StubOpenAI() as stub:
        first = run(*FAST, "--questions", "2", "--model", "stub-model", "--base-url", stub.url, stdin=scripted(A1),
                    env=LLM)  # fmt: skip
        assert first.returncode == 3, first.stdout + first.stderr  # the script ran out: saved after answer 1
        assert stub.calls >= 1  # answer 1 was graded by the model
        called = stub.calls
        sid = session_id(first.stdout)
        resumed = run("--resume", sid, "--offline", stdin=scripted(A2), env=LLM)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert stub.calls == called, resumed.stdout  # answer 2: the model server was not called
    assert "--offline" not in resumed.stdout + resumed.stderr, resumed.stdout + resumed.stderr  # not "Ignored"
    transcript = json.loads((isolated_data_dir / "reports" / f"{sid}.json").read_text(encoding="utf-8"))
    turns = transcript["turns"]
    assert [t["answer"] for t in turns if not t.get("skipped")] == [A1, A2]
    # sweep30 S15: the header said "LLM-assisted critic (stub-model)" though answer 2 was graded offline, and the
    # transcript's context ("offline": true) said nothing of answer 1 being the model's. Both say what graded what.
    said = "LLM-assisted critic (stub-model) on 1 of 2 answers, 1 graded offline (--offline)"
    header = (isolated_data_dir / "reports" / f"{sid}.md").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(said), header
    assert transcript["critic"] == said
    assert [t["critique"]["source"] for t in turns if not t["is_follow_up"]] == ["llm", "offline"]
