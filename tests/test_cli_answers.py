"""Scripted answers (--answers files, piped streams) and the command syntax, without running an interview."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.cli_answers import AnswersFileError, load_answers_file, parse_answers_text, split_answers
from agent.cli_input import ANSWER_CAP, cap_answer, parse_command


def test_yaml_list_of_strings_and_objects(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("- First answer\n- answer: |\n    Second answer\n    on two lines\n- /skip\n")
    assert load_answers_file(path) == ["First answer", "Second answer\non two lines\n", "/skip"]


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(["one", {"answer": "two"}]))
    assert load_answers_file(path) == ["one", "two"]


def test_plain_text_separated_by_dashes_and_done(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("line one\nline two\n---\n/hint\n/done\nlast answer\n")
    assert load_answers_file(path) == ["line one\nline two", "/hint", "last answer"]


def test_blank_chunk_between_separators_is_an_empty_answer() -> None:
    assert list(split_answers(["a\n", "---\n", "---\n", "b\n", "---\n", "  \n"])) == ["a", "", "b"]


def test_stream_yields_each_answer_before_reading_further() -> None:
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in ["first\n", "---\n", "second\n"]:
            consumed.append(line)
            yield line

    answers = split_answers(lines())
    assert next(answers) == "first"
    assert consumed == ["first\n", "---\n"]  # the second answer was not read yet


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        ("", "a.txt", "empty"),
        ("[1, 2", "a.json", "not valid JSON"),
        ('{"x": 1}', "a.json", "must hold a list"),
        ("- [unclosed\n", "a.yaml", "not valid YAML"),
        ("[]", "a.json", "no answers"),
        ('[{"text": "x"}]', "a.json", "item 1"),
    ],
)
def test_bad_files_give_one_line_reasons(tmp_path: Path, content: str, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(AnswersFileError, match=reason) as info:
        load_answers_file(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AnswersFileError, match="not found"):
        load_answers_file(tmp_path / "nope.yaml")


def test_commands_are_recognised_only_at_the_start() -> None:
    assert parse_command("I used /skip in a script") is None
    cmd = parse_command("/feedback OFF")
    assert cmd is not None and (cmd.name, cmd.arg, cmd.known) == ("feedback", "off", True)
    hint = parse_command("/hint\nMy answer follows")
    assert hint is not None and hint.rest == "My answer follows"
    unknown = parse_command("/frobnicate")
    assert unknown is not None and not unknown.known


def test_cap_cuts_long_answers_only() -> None:
    assert cap_answer("short") == ("short", False)
    cut, was_cut = cap_answer("x" * (ANSWER_CAP + 5))
    assert was_cut and len(cut) == ANSWER_CAP


def test_parse_answers_text_tolerates_answers_key() -> None:
    assert parse_answers_text('{"answers": ["a"]}', "f.json") == ["a"]


def test_command_lines_need_no_separator_between_them() -> None:
    lines = ["My answer.\n", "---\n", "/hint\n", "/skip\n", "/end\n"]
    assert list(split_answers(lines)) == ["My answer.", "/hint", "/skip", "/end"]
