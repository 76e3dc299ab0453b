"""Annotated chess games (PGN, .pgn) as Markdown, line for line: the annotator's comments are the text.

PGN is the one file format every chess program and site exports and reads (Lichess, Chess.com, ChessBase, SCID),
and annotating a game is what players do with it: the words sit in `{comments}` (or after a `;` to the line's
end) between the moves, also inside `(variations)`. A game opens with tag pairs, `[Event "<name>"]` first. Read as
Markdown, the moves, move numbers and `$1`-style marks would be most of each paragraph, and a comment's labels
("Situation:") would sit mid-line after a move. Here each game's Event tag is a heading, the other tags are blank
lines (players, site and date are the game's facts), and of the move text only the comments stay.
"""

from __future__ import annotations

import re

SUFFIXES = (".pgn",)
_TAG = re.compile(r'^\s*\[(?P<name>[A-Za-z0-9_]+)\s+"(?P<value>(?:[^"\\]|\\.)*)"\s*\]\s*$')
_ESCAPE = re.compile(r"^%")  # a line PGN itself tells readers to skip


def is_pgn(text: str) -> bool:
    """Games in PGN: an Event tag pair and at least one more tag pair."""
    tags = [m["name"] for x in text.split("\n") if (m := _TAG.match(x))]
    return "Event" in tags and len(tags) > tags.count("Event")


def pgn_markdown(text: str) -> str:
    """The games as Markdown with the same number of lines (module docstring)."""
    out: list[str] = []
    in_comment = False
    for line in text.split("\n"):
        tag = _TAG.match(line)
        if tag and not in_comment:
            value = tag["value"].replace('\\"', '"').strip()
            out.append(f"## {value}" if tag["name"] == "Event" and value not in ("", "?") else "")
            continue
        if _ESCAPE.match(line) and not in_comment:
            out.append("")
            continue
        said, in_comment = _comments(line, in_comment)
        out.append(" ".join(said))
    return "\n".join(out)


def _comments(line: str, in_comment: bool) -> tuple[list[str], bool]:
    """The comment text on one line of move text, and whether a `{` comment is still open at its end."""
    said: list[str] = []
    at = 0
    while at < len(line):
        if in_comment:
            end = line.find("}", at)
            piece = line[at:] if end < 0 else line[at:end]
            if piece.strip():
                said.append(" ".join(piece.split()))
            if end < 0:
                return said, True
            in_comment, at = False, end + 1
            continue
        brace, semi = line.find("{", at), line.find(";", at)
        if semi >= 0 and (brace < 0 or semi < brace):
            rest = line[semi + 1 :].strip()
            return ([*said, rest] if rest else said), False
        if brace < 0:
            return said, False
        in_comment, at = True, brace + 1
    return said, in_comment
