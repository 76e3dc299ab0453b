"""Hostile input through the whole CLI (subprocess, real files): answers that look like commands, terminal
escapes, bad bytes, credentials in URLs, YAML bombs, odd files in a docs folder, a broken data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_session_cli import FAST, answers_in, flat, run_cli, session_id, transcript

SLASH_ANSWERS = [
    "/end-to-end tests were missing, so I wrote a contract suite for the payment flow and cut escapes by 60%.",
    "/skip-level meetings told me the team felt unheard, so I started monthly open forums with the VP.",
    "/usr/local was full on every build agent; I moved caches to a shared volume and builds got 3x faster.",
]


def test_answers_that_begin_with_a_slash_word_are_answers_not_commands(isolated_data_dir: Path) -> None:
    result = run_cli(*FAST, "--questions", "3", "--follow-ups", "0", stdin="\n---\n".join(SLASH_ANSWERS) + "\n")
    assert result.returncode == 0, result.stderr
    data = transcript(isolated_data_dir, session_id(result.stdout))
    assert answers_in(data) == SLASH_ANSWERS  # none ended, skipped or discarded the question
    assert "Unknown command" not in result.stdout
    assert data["scorecard"]["ended_early"] is False


def test_a_whole_command_line_is_still_a_command(isolated_data_dir: Path) -> None:
    result = run_cli(*FAST, "--questions", "2", "--follow-ups", "0", stdin="/skip\n/end\n")
    assert result.returncode == 0, result.stderr
    data = transcript(isolated_data_dir, session_id(result.stdout))
    assert data["turns"][0]["skipped"] is True and data["scorecard"]["ended_early"] is True


ESCAPES = (
    "I led the \x1b[2Jmigration\x1b]0;pwned title\x07 of \x1b]8;;http://evil.example\x1b\\our billing\x1b]8;;\x1b\\ "
    "system\x00 to\x7f Postgres :smiley: and cut p95 latency from 900 ms to 200 ms in a quarter."
)


def test_terminal_escapes_and_emoji_codes_are_neutralised_on_screen_and_in_files(isolated_data_dir: Path) -> None:
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "1", stdin=ESCAPES + "\n---\n" + ESCAPES + "\n")
    assert result.returncode == 0, result.stderr
    for bad in ("\x1b", "\x00", "\x7f", "\x07", "pwned title", "evil.example", "😃"):
        assert bad not in result.stdout, repr(bad)
    assert ":smiley:" in result.stdout
    sid = session_id(result.stdout)
    for path in (isolated_data_dir / "reports").glob(f"{sid}.*"):
        text = path.read_text(encoding="utf-8")
        for bad in ("\x1b", "\\u001b", "\x00", "\\u0000", "\x7f", "pwned title", "evil.example"):
            assert bad not in text, (path.name, repr(bad))
    assert answers_in(transcript(isolated_data_dir, sid))[0].startswith("I led the migration of our billing system")


BIDI = "I led the billing migration \u202eand cut p95 latency\u202c from 900 ms to 200 ms \u2067in a quarter\u2069."


def test_bidi_override_controls_are_removed_on_screen_and_in_files(isolated_data_dir: Path) -> None:
    # sweep21 S7: U+202E and the isolates reached the screen, the report and the transcript, where a bidi-aware
    # viewer shows the rest of the line reversed
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", stdin=BIDI + "\n")
    assert result.returncode == 0, result.stderr
    controls = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
    sid = session_id(result.stdout)
    files = [path.read_text(encoding="utf-8") for path in (isolated_data_dir / "reports").glob(f"{sid}.*")]
    for text in (result.stdout, *files):
        for bad in controls:
            assert bad not in text and bad.encode("unicode_escape").decode() not in text, repr(bad)
    answer = answers_in(transcript(isolated_data_dir, sid))[0]
    assert answer == "I led the billing migration and cut p95 latency from 900 ms to 200 ms in a quarter."


def test_invalid_utf8_in_the_last_piped_answer_is_kept_and_the_report_written(isolated_data_dir: Path) -> None:
    answer = b"I rebuilt the \xff\xfe deploy pipeline and cut release time from 2 days to 3 hours."
    proc = subprocess.run(
        [sys.executable, "-m", "agent.session", *FAST, "--questions", "1", "--follow-ups", "0"],
        input=answer, capture_output=True, cwd=REPO, timeout=90,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape"},
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    sid = session_id(proc.stdout.decode())
    (saved,) = answers_in(transcript(isolated_data_dir, sid))
    assert saved.startswith("I rebuilt the \ufffd\ufffd deploy pipeline")
    assert (isolated_data_dir / "reports" / f"{sid}.md").stat().st_size > 0


def test_credentials_in_the_base_url_are_refused_never_shown_or_stored(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`user:password@` in the base URL was sent as Basic auth in place of the API key (sweep2 11a/11b note):
    refused up front in one line, exit 2, the password hidden, nothing stored."""
    for flags, env in ((["--base-url", "http://alice:hunter2secret@127.0.0.1:9/v1"], None),
                       ([], "http://bob:envSECRET@127.0.0.1:9/v1")):  # fmt: skip
        if env:
            monkeypatch.setenv("OPENAI_BASE_URL", env)
        result = run_cli(*FAST, "--questions", "1", "--model", "m", *flags, stdin="an answer\n")
        assert result.returncode == 2, result.stdout + result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "user name or password" in result.stderr
        assert "OPENAI_API_KEY" in result.stderr and "127.0.0.1" in result.stderr  # the server is still named
        assert "hunter2secret" not in result.stdout + result.stderr and "envSECRET" not in result.stderr
        assert "Question 1" not in result.stdout
    assert not (isolated_data_dir / "sessions.sqlite").exists()


def test_invalid_base_url_is_one_line_exit_2() -> None:
    result = run_cli(*FAST, "--model", "m", "--base-url", "http://[::1", stdin="")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "base URL" in result.stderr


def test_a_key_in_the_base_urls_query_string_is_refused_and_never_shown(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`?api_key=…` would be shown, stored, and break the request path: refused up front, the key hidden."""
    for flags, env in ((["--base-url", "http://127.0.0.1:9/v1?api_key=QKEY123"], None),
                       ([], "http://127.0.0.1:9/v1#QKEY123")):  # fmt: skip
        if env:
            monkeypatch.setenv("OPENAI_BASE_URL", env)
        result = run_cli(*FAST, "--model", "m", *flags, stdin="")
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "OPENAI_API_KEY" in result.stderr
        assert "QKEY123" not in result.stdout + result.stderr
    assert not (isolated_data_dir / "sessions.sqlite").exists()


def test_yaml_alias_bomb_in_a_role_file_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    role = tmp_path / "bomb.yaml"
    role.write_text("\n".join(lines) + "\nname: *i\n")
    result = run_cli("--role", str(role), "--offline", stdin="", timeout=30)
    assert result.returncode == 2
    assert "aliases" in result.stderr and "Traceback" not in result.stderr


def test_a_huge_role_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    role = tmp_path / "huge.yaml"
    with role.open("w") as out:  # 60 MB of valid YAML: parsing it first took 38 s and 211 MB
        out.write("name: huge\nquestions:\n")
        out.write("  - text: Tell me about a time you changed a plan late in the quarter?\n" * 900_000)
    result = run_cli("--role", str(role), "--offline", stdin="", timeout=30)
    assert result.returncode == 2 and "too large for a role file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_deeply_nested_answers_json_is_bad_input(tmp_path: Path) -> None:
    answers = tmp_path / "deep.json"
    answers.write_text("[" * 100_000 + "]" * 100_000)
    result = run_cli(*FAST, "--answers", str(answers))
    assert result.returncode == 2
    assert "nested too deeply" in result.stderr and "Traceback" not in result.stderr


def test_data_dir_that_is_a_regular_file_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    proc = subprocess.run(
        [sys.executable, "-m", "agent.session", *FAST, "--questions", "1"], input="an answer\n",
        capture_output=True, text=True, cwd=REPO, timeout=60, env={**os.environ, "INTERVIEWER_DATA_DIR": str(blocker)},
    )
    assert proc.returncode == 2
    assert str(blocker) in proc.stderr and "Traceback" not in proc.stderr


def test_pipe_link_loop_and_outside_link_in_a_docs_folder(tmp_path: Path, isolated_data_dir: Path) -> None:
    docs = tmp_path / "prep"
    docs.mkdir()
    (docs / "stories.md").write_text(
        "## Payments outage\n\nSituation: checkout failed for an hour. Action: I led the rollback. "
        "Result: refunds fell by 80%.\n"
    )
    os.mkfifo(docs / "waiting.md")  # nobody ever writes to it: reading it would block forever
    (docs / "loop.md").symlink_to("loop.md")
    outside = tmp_path / "private-diary.md"
    outside.write_text("## Diary\n\nNot prep notes.\n")
    (docs / "diary.md").symlink_to(outside)
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", "--docs", str(docs),
                     stdin="I led the rollback and refunds fell by 80%.\n", timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout + result.stderr)
    assert "Traceback" not in out
    assert "waiting.md: not a regular file" in out
    assert "loop.md: a link that loops" in out
    assert "outside the folder; not followed" in out


def test_utf16_notes_with_a_bom_are_read_not_called_binary(tmp_path: Path) -> None:
    notes = tmp_path / "notes-from-notepad.md"
    notes.write_bytes(
        "## Cutting the cloud bill\n\n**Situation:** Our AWS bill had doubled in a year.\n"
        "**Action:** I moved batch jobs to spot instances and set budgets per team.\n"
        "**Result:** The bill fell from $80K to $50K a month within a quarter.\n".encode("utf-16")
    )
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", "--docs", str(notes),
                     stdin="/hint\nI cut the bill from $80K to $50K a month.\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "binary" not in out
    assert "Hint: your story" in out and "Cutting the cloud bill" in out


def test_the_openai_embedder_without_a_key_is_refused_before_question_1(isolated_data_dir: Path) -> None:
    # sweep21 S12: question 1 was shown and an answer taken before "needs OPENAI_API_KEY" (the answer then lost, or
    # stranded in a session that could not be graded without a key)
    result = run_cli(*FAST, "--embedder", "openai", stdin="I led the migration and cut cost by 30% in two quarters.\n")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Question 1" not in result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert "OPENAI_API_KEY" in line and "--embedder minilm" in line
    assert not (isolated_data_dir / "pending").exists()


def test_terminal_escapes_in_the_models_reply_never_reach_the_files(isolated_data_dir: Path) -> None:
    """sweep27 S9: the screen and the .md report were clean, but the model's gap, relevance note and follow-up kept
    raw escapes in the JSON transcript (and the session database): printing the file cleared and retitled the
    terminal. A real OpenAI-compatible server (the stub) replies with them; the CLI runs in LLM mode."""
    from tests.stub_openai import DEFAULT_PAYLOAD, StubOpenAI

    hostile = "\x1b[2J\x1b]0;pwned title\x07\x1b]8;;http://evil.example\x1b\\here\x1b]8;;\x1b\\\x00\x7f"
    payload = dict(DEFAULT_PAYLOAD, relevance="partial", relevance_note=f"Partly about it {hostile}.",
                   gap=f"No number {hostile}.", follow_up=f"What number changed {hostile}?")  # fmt: skip
    answer = "I led the move of our billing service to a new queue; it went fine and the team liked it."
    with StubOpenAI(responder=lambda body: dict(payload)) as server:
        env_key = {"OPENAI_API_KEY": "sk-test-not-a-real-key"}
        result = subprocess.run(
            [sys.executable, "-m", "agent.session", *FAST, "--questions", "1", "--follow-ups", "1",
             "--base-url", server.url, "--model", "stub-model"],
            input=f"{answer}\n---\nIt cut costs by 20 percent.\n", capture_output=True, text=True, cwd=REPO,
            env={**os.environ, **env_key}, timeout=180,
        )  # fmt: skip
        assert server.calls >= 1
    assert result.returncode == 0, result.stdout + result.stderr
    sid = session_id(result.stdout)
    turns = transcript(isolated_data_dir, sid)["turns"]
    assert "What number changed" in str(turns)  # the model's text is there, cleaned
    for path in (isolated_data_dir / "reports").glob(f"{sid}.*"):
        text = path.read_text(encoding="utf-8")
        for bad in ("\x1b", "\\u001b", "\x00", "\\u0000", "\x7f", "\\u007f", "\x07", "\\u0007", "pwned title"):
            assert bad not in text, (path.name, repr(bad))


def test_an_answers_file_that_is_not_utf8_is_named_by_line(tmp_path: Path, isolated_data_dir: Path) -> None:
    """sweep27 S7: "cannot read answers file a.yaml: 'utf-8' codec can't decode byte 0xff in position 11: invalid
    start byte" (a codec message and a byte offset). Now the line, the byte and what to do."""
    answers = tmp_path / "a.yaml"
    answers.write_bytes(b'- "A first answer that is fine."\n- "I led it \xff and cut costs by 30 percent."\n')
    result = run_cli(*FAST, "--questions", "2", "--answers", str(answers))
    assert result.returncode == 2, result.stdout + result.stderr
    offset = answers.read_bytes().index(b"\xff")
    assert result.stderr.strip() == (f"error: answers file {answers}, line 2: not UTF-8 text (byte 0xff at offset "
                                     f"{offset}); save it as UTF-8 and run again")  # fmt: skip
    assert "Question 1" not in result.stdout
