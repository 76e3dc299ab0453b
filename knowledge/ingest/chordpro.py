"""ChordPro songbooks (.cho, .chopro, .chordpro, .crd) as Markdown, line for line.

ChordPro is the plain-text format of songbook apps (OnSong, SongbookPro, ChordPro itself, many band wikis): a song
opens with `{title: <name>}`, its parts sit between `{start_of_verse}` / `{end_of_verse}` (or `{soc}` / `{eoc}`
for a chorus), chords are written inline in brackets (`[G]Every morning ...`) and `{comment: ...}` lines are shown
to the player. Read as Markdown, every directive is a line of its own in one paragraph with the song's words and no
song has a title, so a musician's notes kept in the band's songbook hold nothing. Here each `{title}` is a heading,
subtitles and comments are plain lines (they say what a song is for), layout directives (parts, key, tempo, capo)
are blank lines, chords leave the words, and `#` comment lines keep their text (people write notes there: a set
list, questions), except above the first directive, where they say what the file is.
"""

from __future__ import annotations

import re

SUFFIXES = (".cho", ".chopro", ".chordpro", ".crd")
_DIRECTIVE = re.compile(r"^\s*\{\s*(?P<name>[A-Za-z_]+(?:-[A-Za-z_]+)?)\s*(?::\s*(?P<value>.*?))?\s*\}\s*$")
_TITLE = {"title", "t"}
_SHOWN = {"subtitle", "st", "comment", "c", "comment_italic", "ci", "comment_box", "cb", "highlight"}
# A chord as ChordPro writes it inline: a root note, its quality and bass ("[F#m7]", "[D/F#]", "[N.C.]"); a
# bracketed remark ("[check - 35 or 38%?]") is not one.
_CHORD = re.compile(
    r"\[(?:[A-G][#b]?(?:maj|min|dim|aug|sus|add|m|M|\+|°)?\d{0,2}(?:sus\d|add\d)?(?:/[A-G][#b]?)?|N\.?C\.?)\]"
)
_COMMENT = re.compile(r"^\s*#\s?")


def is_chordpro(text: str) -> bool:
    """A songbook: a `{title: ...}` directive and at least one more directive of the format."""
    lines = text.split("\n")
    titles = sum(1 for x in lines if (m := _DIRECTIVE.match(x)) and m["name"].lower() in _TITLE and m["value"])
    others = sum(1 for x in lines if (m := _DIRECTIVE.match(x)) and m["name"].lower() not in _TITLE)
    return titles >= 1 and others >= 1


def chordpro_markdown(text: str) -> str:
    """The songbook as Markdown with the same number of lines (module docstring)."""
    lines = text.split("\n")
    first = next((i for i, x in enumerate(lines) if _DIRECTIVE.match(x)), len(lines))
    return "\n".join("" if i < first and _COMMENT.match(x) else _line(x) for i, x in enumerate(lines))


def _line(line: str) -> str:
    """One line of a songbook as Markdown."""
    directive = _DIRECTIVE.match(line)
    if directive:
        name, value = directive["name"].lower(), (directive["value"] or "").strip()
        if name in _TITLE and value:
            return f"## {value}"
        return value if name in _SHOWN else ""
    if _COMMENT.match(line):
        return _COMMENT.sub("", line, count=1)
    return _CHORD.sub("", line).rstrip()
