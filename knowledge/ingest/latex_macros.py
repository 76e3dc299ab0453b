"""Macros a LaTeX author defined for their notes (`\\newcommand{\\story}[2]{...}`, `\\def\\lbl#1#2{...}`).

People who keep notes in LaTeX wrap their repeated layout in a macro: one per story title, one per STAR label.
The macro's body says what its arguments are: an argument set in a larger size (`\\large`, `\\Large`, ...) or
passed to a sectioning command is a title; anything else is text, and the call is read as its expansion
(`\\lbl{S}{text}` with body `\\textbf{#1.}~#2` reads as `\\textbf{S.}~text`). Only one-line definitions are read;
a call whose last argument runs on over later lines is expanded up to that argument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DEFINE = re.compile(
    r"^\s*\\(?:re)?newcommand\*?\s*\{?\\(?P<name>[A-Za-z]+)\}?\s*(?:\[(?P<n>\d)\])?\s*(?:\[[^\]]*\])?\s*\{"
    r"|^\s*\\def\s*\\(?P<dname>[A-Za-z]+)(?P<params>(?:#\d)*)\s*\{"
)
# An argument set as a title: after a size or sectioning command in the same group, or as that command's argument.
_TITLE_STYLE = re.compile(
    r"\\(?:large|Large|LARGE|huge|Huge|section|subsection|subsubsection|chapter|paragraph)\b[^#]{0,80}#1\b"
)


@dataclass(frozen=True)
class Macro:
    """A user macro: its number of arguments, its body and whether its first argument is a title."""

    args: int
    body: str
    title: bool


def user_macros(lines: list[str]) -> dict[str, Macro]:
    """The one-line macro definitions of a document, by name."""
    found: dict[str, Macro] = {}
    for line in lines:
        head = _DEFINE.match(line)
        if head is None:
            continue
        body, end = _group(line, head.end() - 1)
        if end < 0:
            continue  # the body runs on over several lines: not read
        name = head.group("name") or head.group("dname")
        count = int(head.group("n") or 0) if head.group("name") else len(head.group("params") or "") // 2
        found[name] = Macro(count, body, count >= 1 and bool(_TITLE_STYLE.search(body)))
    return found


def macro_title(line: str, macros: dict[str, Macro]) -> str | None:
    """The title a line that opens with a call of a title macro stands for, else None."""
    call = re.match(r"^\s*\\(?P<name>[A-Za-z]+)\s*\{", line)
    macro = macros.get(call.group("name")) if call else None
    if call is None or macro is None or not macro.title:
        return None
    title, end = _group(line, call.end() - 1)
    return title.strip() if end > 0 and title.strip() else None


def expand(line: str, macros: dict[str, Macro]) -> str:
    """The line with every call of a user macro replaced by its body (arguments put in)."""
    if not macros or "\\" not in line:
        return line
    out: list[str] = []
    at = 0
    for call in re.finditer(r"\\(?P<name>[A-Za-z]+)", line):
        macro = macros.get(call.group("name"))
        if macro is None or call.start() < at:
            continue
        args: list[str] = []
        pos = call.end()
        open_arg = False
        while len(args) < macro.args:
            brace = re.match(r"\s*\{", line[pos:])
            if brace is None:
                break
            text, end = _group(line, pos + brace.end() - 1)
            if end < 0:  # the argument goes on over the next lines: its text follows as it is
                args.append(line[pos + brace.end() :])
                pos = len(line)
                open_arg = True
                break
            args.append(text)
            pos = end
        if len(args) < macro.args and not open_arg:
            continue
        body = macro.body
        if open_arg:
            body = body[: body.find(f"#{len(args)}") + 2] if f"#{len(args)}" in body else body
        for k, arg in enumerate(args, start=1):
            body = body.replace(f"#{k}", arg)
        out += [line[at : call.start()], body]
        at = pos
    return "".join(out) + line[at:] if out else line


def _group(text: str, start: int) -> tuple[str, int]:
    """The text of the brace group opening at `start` and the index after its closing brace; -1 if unclosed."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "\\":
            continue
        if ch == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    return text[start + 1 :], -1
