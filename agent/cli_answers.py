"""Scripted answers for non-interactive sessions: an --answers file, or a piped stdin stream.

Both produce the same thing: an iterator of raw answer texts, each of which may start with a
command (/skip, /hint, ...). The session loop does not know where its answers come from.

Formats of an --answers file:
- YAML or JSON: a list whose items are strings or objects {answer: "..."}.
- Plain text: answers separated by lines that are exactly `---` (or `/done`).
A stream (piped stdin) uses the plain-text format and is read lazily, one answer at a time, so a
session reading from a pipe answers each question as soon as its answer arrives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from agent.cli_input import parse_command

SEPARATORS = frozenset({"---", "/done"})
MAX_FILE_BYTES = 5_000_000  # ~250 answers at the per-answer cap; more is the wrong file


class AnswersFileError(ValueError):
    """The --answers file is missing, unreadable or not in a supported format."""


def split_answers(lines: Iterable[str]) -> Iterator[str]:
    """Yield answers from lines separated by `---` or `/done` lines; a trailing unterminated answer counts.

    A line holding only a command (`/skip`, `/hint`, ...) at the start of an answer is yielded on its own.
    Lazy on purpose: over a pipe each answer is yielded as soon as its separator line arrives.
    A blank chunk between two separators is yielded as "" (an empty answer, which the session asks
    again); blank text after the last separator is not an answer.
    """
    buf: list[str] = []
    after_command = False  # "/hint" then "---": the separator closes the command, not an empty answer
    for raw in lines:
        line = raw.rstrip("\r\n")
        command = parse_command(line) if not any(b.strip() for b in buf) else None
        if command is not None and command.known:
            # A command on its own line is its own input: "/hint", "/skip", "/end" need no separator between them.
            buf = []
            after_command = True
            yield line.strip()
            continue
        if line.strip() in SEPARATORS:
            if not (after_command and not any(b.strip() for b in buf)):
                yield "\n".join(buf).strip("\n")
            buf = []
            after_command = False
        else:
            buf.append(line)
            after_command = after_command and not line.strip()
    tail = "\n".join(buf).strip()
    if tail:
        yield tail


def _from_item(item: Any, index: int) -> str:
    """One list item: a string, or an object with an 'answer' key."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and isinstance(item.get("answer"), str):
        return str(item["answer"])
    if item is None:
        return ""
    raise AnswersFileError(f"item {index + 1} is neither a string nor an object with an 'answer' string")


def parse_answers_text(text: str, name: str = "answers") -> list[str]:
    """Parse the content of an --answers file (JSON, YAML list, or `---`-separated text)."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        raise AnswersFileError(f"{name} is empty")
    data: Any = None
    structured = False
    if stripped[0] in "[{":
        try:
            data = json.loads(stripped)
            structured = True
        except json.JSONDecodeError as exc:
            raise AnswersFileError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
        except RecursionError:
            raise AnswersFileError(f"{name} is nested too deeply to be a list of answers") from None
    elif name.endswith((".yaml", ".yml")) or stripped.startswith("- "):
        import yaml  # lazy: only scripted runs parse YAML here

        try:
            data = yaml.safe_load(stripped)
        except yaml.YAMLError as exc:
            first = str(exc).splitlines()[0] if str(exc) else "syntax error"
            raise AnswersFileError(f"{name} is not valid YAML: {first}") from None
        except RecursionError:
            raise AnswersFileError(f"{name} is nested too deeply to be a list of answers") from None
        structured = True
    if not structured:
        return list(split_answers(stripped.splitlines()))
    if isinstance(data, dict) and isinstance(data.get("answers"), list):
        data = data["answers"]  # tolerate {answers: [...]}
    if not isinstance(data, list):
        raise AnswersFileError(f"{name} must hold a list of answers (strings or {{answer: ...}} objects)")
    if not data:
        raise AnswersFileError(f"{name} holds no answers")
    return [_from_item(item, i) for i, item in enumerate(data)]


def load_answers_file(path: str | Path) -> list[str]:
    """Read and parse an --answers file; raise AnswersFileError with a one-line reason."""
    from agent.cli_files import InputFileError, read_capped
    from knowledge.paths import link_problem

    p = Path(path)
    if not p.exists():
        problem = link_problem(p)  # a loop or a dangling link is not "not found" (sweep27 S16)
        raise AnswersFileError(f"answers file {p} is {problem}" if problem else f"answers file not found: {p}")
    try:  # a regular file under the cap: /dev/zero or a FIFO is refused before it is read
        data = read_capped(p, "--answers", MAX_FILE_BYTES, "an answers file")
    except InputFileError as exc:
        raise AnswersFileError(str(exc)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # where, in the file's own terms (a Python codec message gave a byte offset, sweep27 S7); nothing is guessed
        # for the candidate's answers: the file is theirs to re-save
        from knowledge.safe_text import where_not_utf8

        raise AnswersFileError(f"answers file {p}, {where_not_utf8(data, exc.start)}; save it as UTF-8 and run "
                               "again") from None  # fmt: skip
    return parse_answers_text(text, p.name)
