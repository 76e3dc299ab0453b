"""Meeting notes that retell the candidate's stories in the third person (an AI note-taker's export of a mock
interview: "Attendees: <candidate>, <friend>", then bullets such as "- <Candidate> met each engineer ...").

The notes are the candidate's own cases, but told about her: no sentence of them reads as told in the first
person, and no bullet is a sentence (the export leaves off full stops), so the cases were not read as stories. In
a document with an attendees line, the attendee whose first name opens the most bullets and sentences followed by
a verb in lower case (at least three, and more than any other attendee) is the one the notes are about: at those
openings her name reads as "I", and each bullet ends a sentence. The number of lines never changes.

A document with no attendees line may narrate its subject all the same (a catalogue's labels, a newsroom's copy,
a reference written about the candidate): one name is the subject of a past-tense verb ("Okafor rewrote ...",
"Okafor, who owned it, said ...") at least four times, twice as often as any other name and at least half as often
as the document says "I" at all. That name, where it is such a subject,
and "he" / "she" before a verb, read as "I"; "<name>'s" reads as "my" (a colleague's "she" too: only whether a case
is told matters here, and the stories are hers). A name that labels a field ("Question asked: ...") is no subject.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.ingest.prose import PAST

_ATTENDEES = re.compile(r"\b(?:attendees|participants)\s*:\s*(?P<names>[^\n]+)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Za-z]+)?$")
_MIN_OPENINGS = 3
_BULLET = re.compile(r"^\s*[-*+]\s+(?!\[[ xX]\])\S")


def unretell(lines: list[str]) -> list[str]:
    """Same number of lines; the subject of third-person notes, where a bullet or sentence opens on her, as "I"."""
    names = _attendees(lines)
    if len(names) < 2:
        return _narrated(lines)
    counts = Counter({name: sum(len(_opening(name).findall(x)) for x in lines) for name in names})
    ranked = counts.most_common(2)
    name, top = ranked[0]
    if top < _MIN_OPENINGS or (len(ranked) > 1 and ranked[1][1] >= top):
        return lines
    opening = _opening(name)
    return [_sentence(opening.sub(lambda m: m.group("lead") + "I ", x)) for x in lines]


def _sentence(line: str) -> str:
    """A note-taker's bullet is a sentence of its own: it gets the full stop the export leaves off."""
    if _BULLET.match(line) and not line.rstrip().endswith((".", "!", "?", ":", ")")):
        return line.rstrip() + "."
    return line


def _attendees(lines: list[str]) -> list[str]:
    """First names of the attendees listed in the document's first attendees line."""
    for line in lines[:20]:
        found = _ATTENDEES.search(line)
        if found is not None:
            parts = re.split(r"\s*(?:,|;|&|\band\b|·)\s*", found["names"])
            firsts = [p.split()[0] for p in parts if p.split()]
            return [f for f in firsts if _NAME.match(f)]
    return []


def _opening(name: str) -> re.Pattern[str]:
    """The name opening a bullet or a sentence, followed by a lower-case word (its verb)."""
    return re.compile(rf"(?P<lead>^\s*(?:[-*+]\s+)?|[.;]\s+){re.escape(name)}\s+(?=[a-z])")


# A capitalised word as the subject of a verb, an aside between commas allowed: "Okafor, our lead, said".
_SUBJECT = re.compile(
    r"(?<![\w'’])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?P<aside>,[^,.;:\n]{1,60},)?\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b(?!:)"
)
# Capitalised words that open sentences without naming anyone.
_NOT_NAMES = frozenset({
    "the", "this", "that", "these", "those", "they", "it", "we", "there", "then", "what", "when", "where", "which",
    "who", "our", "his", "her", "after", "she", "he", "you", "in", "on", "at", "nobody", "everyone", "everybody",
    "everything", "nothing", "and", "but", "so", "one", "some", "most", "each", "every", "all", "no",
})
_MIN_SUBJECT = 4
_PRONOUN = re.compile(r"(?<![\w'’])(?:[Hh]e|[Ss]he)\s+(?=[a-z])")
_FIRST_PERSON = re.compile(r"\bI\b")


def _narrated(lines: list[str]) -> list[str]:
    """Same number of lines; a document that narrates one person's cases with that person as "I"."""
    counts: Counter[str] = Counter()
    for line in lines:
        for m in _SUBJECT.finditer(line):
            if m["name"].lower() not in _NOT_NAMES and PAST.fullmatch(m["verb"]) and m["verb"] != "needed":
                counts[m["name"]] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_SUBJECT or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return lines
    name, top = ranked[0]
    if 2 * top < sum(len(_FIRST_PERSON.findall(x)) for x in lines):
        return lines  # told mostly in the first person already: the name is someone in the stories
    aside = r"(?P<aside>,[^,.;:\n]{1,60},)?"
    subject = re.compile(rf"(?<![\w'’]){re.escape(name)}{aside}(?=\s+(?:\w+ly\s+)?[a-z]+\b(?!:))")
    owner = re.compile(rf"(?<![\w'’]){re.escape(name)}['’]s\b")
    out = []
    for line in lines:
        line = owner.sub("my", subject.sub(lambda m: "I" + (m["aside"] or ""), line))
        out.append(_PRONOUN.sub("I ", line))
    return out
