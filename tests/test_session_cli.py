"""The terminal session driven end to end by transcript: `python -m agent.session` in a subprocess.

Scripted answers go in through --answers files or a stdin pipe; the tests check the exit code, what the
candidate sees, and the saved report/transcript. The data dir comes from the autouse fixture (inherited
through os.environ); `--embedder hashing` keeps each run fast where retrieval quality does not matter.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FAST = ["--role", "director", "--embedder", "hashing", "--seed", "3"]
STRONG_1 = (
    "At my last company I owned the on-call process for four platform teams. Pages were waking people up "
    "every night, so I set up a shared runbook review and an error budget policy. I negotiated it with "
    "each team lead. Within two quarters pages fell from 40 a week to 9 a week."
)
STRONG_2 = (
    "I would separate the offline store from the online store and compute features once with a shared "
    "definition, so training and serving read the same logic. The trade-off is freshness versus cost."
)
BOX = re.compile(r"[│╭╮╰╯─┃━┏┓┗┛┡┩╇┳┻└┘┌┐├┤┼╞╡═]")


def run_cli(*args: str, stdin: str | None = "", timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run the CLI like a user would, from the repo, with the test's environment."""
    return subprocess.run(
        [sys.executable, "-m", "agent.session", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env=dict(os.environ),
    )


def flat(text: str) -> str:
    """The output without panel borders and with whitespace collapsed (wrapping differs by width)."""
    return " ".join(BOX.sub(" ", text).split())


def session_id(out: str) -> str:
    match = re.search(r"Session: (\S+)", out)
    assert match, out
    return match.group(1)


def transcript(data_dir: Path, sid: str) -> dict[str, Any]:
    return dict(json.loads((data_dir / "reports" / f"{sid}.json").read_text(encoding="utf-8")))


def only_transcript(data_dir: Path) -> dict[str, Any]:
    """The transcript of the one session a test's data dir holds."""
    (path,) = (data_dir / "reports").glob("*.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def answers_in(data: dict[str, Any]) -> list[str]:
    return [t["answer"] for t in data["turns"] if not t["skipped"]]


@pytest.mark.parametrize("fmt", ["yaml", "json", "text"])
def test_full_session_from_an_answers_file(tmp_path: Path, isolated_data_dir: Path, fmt: str) -> None:
    path = tmp_path / f"answers.{'txt' if fmt == 'text' else fmt}"
    if fmt == "yaml":
        path.write_text(yaml.safe_dump([STRONG_1, {"answer": STRONG_2}]))
    elif fmt == "json":
        path.write_text(json.dumps([{"answer": STRONG_1}, STRONG_2]))
    else:
        path.write_text(f"{STRONG_1}\n---\n{STRONG_2}\n")
    result = run_cli(*FAST, "--questions", "2", "--follow-ups", "0", "--answers", str(path))
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "Question 1/2" in out and "Question 2/2" in out
    assert "Mode: offline (deterministic critic)" in out
    assert "bundled sample story bank" in out
    assert "Scorecard" in out and "Overall:" in out
    assert "\x1b[" not in result.stdout  # no colour codes when not a terminal
    sid = session_id(result.stdout)
    md = isolated_data_dir / "reports" / f"{sid}.md"
    assert f"Report: {md}" in out
    assert answers_in(transcript(isolated_data_dir, sid)) == [STRONG_1, STRONG_2]
    assert STRONG_1 in md.read_text(encoding="utf-8")


def test_piped_stdin_with_follow_ups_hint_repeat_and_empty_answer(isolated_data_dir: Path) -> None:
    from knowledge.ingest import ingest_paths
    from knowledge.paths import samples_dir

    script = "\n---\n".join(["", "/repeat", "/hint", "We shipped a thing.", STRONG_1, STRONG_2, STRONG_2])
    result = run_cli(*FAST, "--questions", "2", "--follow-ups", "1", stdin=script + "\n")
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "Empty answer" in out
    data = transcript(isolated_data_dir, session_id(result.stdout))
    assert out.count(data["plan"][0]["text"]) >= 2  # asked, then repeated
    assert "Hint: a sample story" in out  # the bundled bank is a fictional candidate's, not "yours"
    titles = [s.title for s in ingest_paths([samples_dir()]).stories]
    assert any(title in out for title in titles)
    assert "Follow-up" in out and "Feedback" in out and "Score " in out
    assert "We shipped a thing." in answers_in(data) and STRONG_1 in answers_in(data)
    assert "" not in answers_in(data)


def test_feedback_off_shows_critiques_only_at_the_end(isolated_data_dir: Path) -> None:
    script = f"/feedback off\n---\n{STRONG_1}\n---\n{STRONG_2}\n"  # --feedback off sets the same switch
    result = run_cli(*FAST, "--questions", "2", "--follow-ups", "0", stdin=script)
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    before_end = out.split("Scorecard")[0].split("Question 2/2")[0]
    assert "Score " not in before_end
    assert out.count("Score ") >= 2  # both critiques, after the interview


def test_skip_and_a_huge_answer_cut_to_the_cap(isolated_data_dir: Path) -> None:
    huge = ("We measured everything. " * 1200).strip()  # ~29,000 characters
    result = run_cli(*FAST, "--questions", "2", "--follow-ups", "0", stdin=f"/skip\n---\n{huge}\n")
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    sid = session_id(result.stdout)
    # sweep27 S17: the cut-off end was gone for good; the whole answer is kept beside the report and named
    whole = isolated_data_dir / "reports" / f"{sid}.whole-answer-1.txt"
    assert f"the first 20,000 (the cap) are graded; the whole text is kept in {whole}" in out, out
    assert whole.read_text(encoding="utf-8").strip() == huge
    assert oct(whole.stat().st_mode & 0o777) == "0o600"
    data = transcript(isolated_data_dir, sid)
    assert data["turns"][0]["skipped"] is True
    assert len(data["turns"][1]["answer"]) <= 20_000
    assert "skipped" in out.split("Scorecard")[1]
    # sweep28 S9: the transcript and the report say the answer was cut and where it is whole
    assert data["turns"][1]["whole_answer_file"] == whole.name
    assert data["turns"][1]["answer_chars"] == len(whole.read_text(encoding="utf-8"))
    assert "whole_answer_file" not in data["turns"][0]
    report = (isolated_data_dir / "reports" / f"{sid}.md").read_text(encoding="utf-8")
    assert f"characters for grading; the whole answer: {whole.name})" in report, report[-800:]


def test_stdin_closing_early_saves_and_resume_finishes(isolated_data_dir: Path) -> None:
    # the unterminated last chunk still counts as an answer; then stdin is closed with a question open
    first = run_cli(*FAST, "--questions", "3", "--follow-ups", "0", stdin=STRONG_1 + "\n---\nhalf an ans")
    assert first.returncode == 3, first.stderr
    sid = session_id(first.stdout)
    assert f"Resume with: {sys.executable} -m agent.session --resume {sid}" in flat(first.stdout)
    assert "Traceback" not in first.stderr
    listed = run_cli("--list-sessions")
    assert sid in listed.stdout and "active" in listed.stdout
    second = run_cli("--resume", stdin=STRONG_2 + "\n")  # no id: the latest unfinished session
    assert second.returncode == 0, second.stderr
    assert f"Resuming session {sid}" in flat(second.stdout)
    assert answers_in(transcript(isolated_data_dir, sid)) == [STRONG_1, "half an ans", STRONG_2]


def test_resume_after_sigkill_keeps_every_answer(isolated_data_dir: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent.session", *FAST, "--questions", "3", "--follow-ups", "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
    )
    assert proc.stdin is not None and proc.stdout is not None
    seen: list[str] = []
    watchdog = threading.Timer(90, proc.kill)  # a hung session fails the test instead of hanging it
    watchdog.start()
    try:
        for answer in (STRONG_1, STRONG_2):
            proc.stdin.write(answer + "\n---\n")
            proc.stdin.flush()
        for line in proc.stdout:  # wait until the third question is on screen
            seen.append(line)
            if "Question 3/3" in line:
                break
    finally:
        watchdog.cancel()
        proc.kill()  # SIGKILL: no chance to clean up
        proc.wait(timeout=30)
    sid = session_id("".join(seen))
    result = run_cli("--resume", sid, stdin=STRONG_1 + "\n")
    assert result.returncode == 0, result.stderr
    assert "Question 3/3" in flat(result.stdout)
    assert answers_in(transcript(isolated_data_dir, sid)) == [STRONG_1, STRONG_2, STRONG_1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--role", "astronaut"], "director"),  # the message lists available roles
        (["--resume", "no-such-session"], "unknown session id"),
        (["--role", "director", "--docs", "/no/such/notes.md"], "--docs path not found"),
        (["--role", "director", "--answers", "__BAD__"], "not valid JSON"),
        (["--questions", "0"], "at least 1"),
        (["--questions", "abc"], "--questions: 'abc' is not a whole number"),  # not "invalid _positive value"
        (["--follow-ups", "two"], "--follow-ups: 'two' is not a whole number"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    result = run_cli(*[str(bad) if a == "__BAD__" else a for a in args])
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(
    ("flags", "mode"),
    [
        (
            ["--model", "tiny-model", "--base-url", "http://127.0.0.1:9/v1"],
            "Mode: LLM: tiny-model @ http://127.0.0.1:9/v1",
        ),
        (["--model", "tiny-model", "--base-url", "http://127.0.0.1:9/v1", "--offline"], "Mode: offline"),
    ],
)
def test_the_screen_says_which_critic_grades(flags: list[str], mode: str) -> None:
    # no answers: the session stops at the first question, before any model could be called
    result = run_cli(*FAST, "--questions", "1", *flags, stdin="")
    assert result.returncode == 3, result.stderr
    assert mode in flat(result.stdout)
