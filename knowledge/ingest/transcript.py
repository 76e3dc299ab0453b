"""Speech-to-text and other boxed exports (Whisper, MacWhisper, Otter, subtitle files), read as the notes they hold.

- Cue timings are dropped: `[00:01:17.935 --> 00:01:25.262]  text` keeps its text, a subtitle's cue number and
  timing lines (`12` / `00:01:17,935 --> 00:01:25,262`) and a `WEBVTT` line are blanked, a WebVTT cue's voice and
  style tags (`<v Speaker>`: who spoke, not what) go, and hesitations ("um", "uh") and stutters ("the, the") go,
  so a spoken story is a paragraph like a typed one; so do a timestamp before a line (`[01:17] text`) and a
  speaker-and-time line above what was said (`Speaker 1  0:05`).
- A header box (a few lines between rules, opening with a `Key: value` line and holding two or more, as exporters
  write one per recording, note or message) titles what follows it: its first value, without a file extension
  (`Recording: Story - Zero results.m4a` -> `## Story - Zero results`), becomes a heading and the rest of the box
  is blanked. Lines between rules that open under a banner (a rule, one or two title lines, a rule: a CRM record's
  name over its fields) are that record's text, not a header box: they stay as written.

The number of lines never changes.
"""

from __future__ import annotations

import itertools
import re

from knowledge.ingest.labels import parse_label

_TIMING = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_CUE = re.compile(rf"^\s*[\[(]?\s*{_TIMING}\s*-->\s*{_TIMING}\s*[\])]?(?:\s+|$)")
_STAMPED = re.compile(rf"^\s*[\[(]{_TIMING}[\])]\s+(?=\S)")
_STAMP_LINE = re.compile(rf"^\s*(?:[^\W\d][\w .'-]{{0,40}}?\s+)?[\[(]?{_TIMING}[\])]?\s*$")
_CUE_TAG = re.compile(r"</?(?:v|c|i|b|u|lang|ruby|rt)(?:[.\s][^<>]{0,80})?>")  # WebVTT `<v Speaker>`, `<c.loud>`
_CUE_NUMBER = re.compile(r"^\s*\d{1,5}\s*$")
_RULE = re.compile(r"^\s*([─━═—–\-=_*~#·•])\1{7,}\s*$")
_FIELD = re.compile(r"^\s*(?P<key>[^\W\d_][\w ./-]{0,24}?)\s*:\s+(?P<value>\S.{0,120})$")
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}$")
_MAX_BOX = 8


def untranscript(lines: list[str]) -> list[str]:
    """Same number of lines, cue timings dropped and header boxes made headings (see the module docstring)."""
    out = list(lines)
    cues = [i for i, x in enumerate(out) if _CUE.match(x)]
    if len(cues) >= 3:
        for i in cues:
            if i > 0 and _CUE_NUMBER.match(out[i - 1]):
                out[i - 1] = ""  # the cue's number in a subtitle file
            out[i] = _fluent(_CUE.sub("", out[i], count=1))
            for j in range(i + 1, len(out)):  # the cue's text: its voice and style tags say who spoke, not what
                if not out[j].strip():
                    break
                out[j] = _CUE_TAG.sub("", out[j])
        if out and out[0].strip().upper().startswith("WEBVTT"):
            out[0] = ""
    stamped = [i for i, x in enumerate(out) if _STAMPED.match(x)]
    alone = [i for i, x in enumerate(out) if _STAMP_LINE.match(x)]
    if len(stamped) >= 3:  # "[01:17] text"
        for i in stamped:
            out[i] = _fluent(_STAMPED.sub("", out[i], count=1))
    if len(alone) >= 3:  # "Speaker 1  0:05" above what was said (Otter and similar)
        for i in alone:  # what was said moves up onto the stamp's line, so it follows a title as typed text does
            end = next((j for j in range(i + 1, len(out)) if not out[j].strip() or _STAMP_LINE.match(out[j])), len(out))
            out[i : end] = [*(_fluent(x) for x in out[i + 1 : end]), ""]
    return _boxes(out)


# Hesitations a speech-to-text model writes down ("um", "uh,") and a word said twice ("the, the"): noise to a reader
# and to the embedder, never content.
_FILLER = re.compile(r"(?:(?<=\s)|^)(?:u+[hm]+|e+r+m+|h+m+)\b,?\s*", re.IGNORECASE)
_STUTTER = re.compile(r"\b(\w+),\s+\1\b", re.IGNORECASE)


def _fluent(text: str) -> str:
    """A spoken line without hesitations and stutters."""
    text = _STUTTER.sub(r"\1", _FILLER.sub("", text))
    return re.sub(r"\s+([,.])", r"\1", re.sub(r"\s{2,}", " ", text))


def _boxes(lines: list[str]) -> list[str]:
    """Header boxes made headings."""
    out = list(lines)
    rules = [i for i, x in enumerate(out) if _RULE.match(x)]
    for top, bottom in itertools.pairwise(rules):
        inside = [i for i in range(top + 1, bottom) if out[i].strip()]
        if not 2 <= len(inside) <= _MAX_BOX or bottom - top - 1 > _MAX_BOX or _closes_banner(out, rules, top):
            continue
        fields = [_FIELD.match(out[i]) for i in inside]
        first = fields[0]
        if first is None or sum(1 for f in fields if f) < 2 or any(_star(out[i]) for i in inside):
            continue
        title = _EXTENSION.sub("", first.group("value").strip()).strip()
        if not re.search(r"[^\W\d_]", title):
            continue
        for i in range(top, bottom + 1):
            out[i] = ""
        out[inside[0]] = f"## {title}"
    return out


_BANNER_LINES = 2


def _closes_banner(lines: list[str], rules: list[int], rule: int) -> bool:
    """Whether `rule` is the lower rule of a banner: the rule before it sits one or two lines above, with only
    non-blank lines between. Fields under such a banner are the record it names (an exported CRM deal's short
    record), so reading them as a header box would keep the first value as a title and blank the rest."""
    above = [r for r in rules if r < rule]
    if not above or not 1 <= rule - above[-1] - 1 <= _BANNER_LINES:
        return False
    return all(lines[i].strip() for i in range(above[-1] + 1, rule))


def _star(line: str) -> bool:
    """A STAR label ("Situation: ...") is story text, never a header field."""
    label = parse_label(line)
    return label is not None and label.canon != "other"
