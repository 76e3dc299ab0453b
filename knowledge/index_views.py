"""What the story index embeds: several views per story, and the generic questions that expose hub views.

A story is indexed as several vectors (its "views") and scored by its best view (max-sim):
- the head: the title and every question linked to it, minus interview boilerplate ("Tell me about a time ..."),
  of kind "asked" when the title is nothing but the interview question the story was prepared for (its hubness
  weighs more in the ranking, knowledge.index_dense.ASKED_HUB_WEIGHT),
- each STAR part, or for Q&A and prose each paragraph (short ones merged, long ones split at sentences).
A question about one detail of a story (the rollback in its Action, the metric in its Result) then meets the part
that tells it instead of a whole-story average diluted by everything else. A whole-text view as well was measured:
about one more dev question found, at three times the embedding time of a realistic bank (MiniLM attention grows
with length), which the 200-story ingest budget cannot pay.

Hub probes are the interview questions of the bundled role packs: a broad sample of what interviewers ask. A view
that is close to many of them (an elevator pitch naming every project, a "90-second version") is a hub; the index
subtracts each view's mean similarity to its nearest probes (see knowledge.index_dense).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from knowledge.index_fusion import strip_boilerplate, tokenize
from knowledge.models import Story
from knowledge.paths import roles_dir

# A title of at most NAME_WORDS content words that its own story never uses is a name (a film's, a board game's, a
# metaphor: "Cold Start" over a case about coaching a new graduate), not a summary (see named_only). Over the sample
# bank and every retrieval dev set, 2 or 3 say "no fit" to two more unanswerable questions and cut off no answerable
# one; 4 also takes a four-word practice prompt used as a title and cuts one answerable question off.
NAME_WORDS = 3
MIN_TOLD_WORDS = 20  # below this an unfinished item is a stub (a title and a note to self), not a story
MIN_PART_WORDS = 25  # shorter paragraphs join the next one: a lone "Result: shipped." says little on its own
MAX_PART_WORDS = 120  # longer ones are split at sentence ends (MiniLM truncates at 256 tokens)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_BLANK_LINE = re.compile(r"\n\s*\n")
# libyaml's safe loader when PyYAML has it (the same data, several times faster on the four role packs).
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class View:
    """One embedded text of a story: kind is head, asked (a head that is only the question asked) or part."""

    kind: str
    text: str


def linked_questions(story: Story) -> list[str]:
    """The questions the story was prepared for, without repeating its title."""
    seen: list[str] = []
    for question in [story.question or "", *story.questions]:
        text = question.strip()
        if text and text != story.title.strip() and text not in seen:
            seen.append(text)
    return seen


# Placeholders ("[?]", "[FILL: ...]", "TODO", "TBD") and label or question lines say nothing the story tells.
_NOT_TOLD = re.compile(r"\[[^\]]*\]|\bTODO\b|\bTBD\b|\?\?\?", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^\W*(?:[A-Za-z][\w ]{0,30}?)\W*:.*\?\W*$")


_ASKED_WORDS = 25  # a label over a question is a line of a few words; a part read as one line can end on a "?]"


def _asked_line(line: str) -> bool:
    """A label line that asks rather than tells ("Result: ???", "Impact: how many users?")."""
    return len(line.split()) <= _ASKED_WORDS and bool(_LABEL_LINE.match(line.strip()))


def told_words(story: Story) -> int:
    """Words of what the story tells: its STAR parts (or text), without placeholders and question lines."""
    parts = [story.situation, story.task, story.action, story.result]
    text = "\n".join(parts) if any(p.strip() for p in parts) else story.text
    lines = [line for line in text.split("\n") if not _asked_line(line)]
    asked = {q.strip() for q in [story.question or "", *story.questions] if q.strip()}
    told = " ".join(line for line in lines if line.strip().strip("\"*_ ") not in asked)
    return len(re.findall(r"[A-Za-z0-9][\w'’-]*", _NOT_TOLD.sub(" ", told)))


# A journal entry's date stamp ("2025-01-11 (Sat) — ", "3 March 2024:") says when it was written, not what it is about.
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DATE_STAMP = re.compile(
    rf"^\W*(?:{_DAY},?\s+)?(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\s*(?:\(\s*{_DAY}\s*\))?\s*[-–—:|,]?\s*",
    re.IGNORECASE,
)


def undated(title: str) -> str:
    """A title without a leading date stamp ("" when the date was all of it)."""
    return _DATE_STAMP.sub("", title, count=1).strip()


def head_text(story: Story) -> str:
    """Title and linked questions, minus boilerplate and date stamps: what the story is about in the author's
    shortest words (empty for a date-only title with no question: its parts speak for it)."""
    lines = [undated(story.title), *linked_questions(story)]
    return "\n".join(strip_boilerplate(line) for line in lines if line.strip())


def story_views(story: Story) -> list[View]:
    """The story's views, in a fixed order (head, parts); empty texts are skipped, duplicates dropped."""
    head = head_text(story)
    views = [View("asked" if titled_by_question(story) else "head", head)]
    parts = [p for p in (story.situation, story.task, story.action, story.result) if p.strip()]
    if len(parts) < 2:  # not a labelled STAR story: its paragraphs are its parts
        parts = paragraphs(story.text)
    if len(parts) == 1:  # a one-paragraph story is read whole, title first, as it was written
        parts = ["\n".join(p for p in (head, parts[0]) if p)]
    views += [View("part", part) for part in parts]
    unique: dict[str, View] = {}
    for view in views:
        if view.text.strip():
            unique.setdefault(view.text, view)
    return list(unique.values())


def titled_by_question(story: Story) -> bool:
    """The story's title is nothing but the interview question it was prepared for (a practice tool's prompt, a Q&A
    heading): one sentence addressed to the candidate, closed by its question mark or full stop. A title that names
    the story after the question ("Tell me about a crisis. — the flooded depot") or asks about the story's own
    subject ("Who owns the label printer?") says what the story is about."""
    title = story.title.strip()
    asked = (story.question or "").strip() == title and title.endswith(("?", "."))
    return asked and bool(_ADDRESSED.search(title))


def named_only(story: Story) -> bool:
    """The story's title names it without saying what it is about: a short title (1 to NAME_WORDS content words)
    none of whose words its text uses, and no question linked to it. Such a head view meets a question through the
    name's own meaning, which the story's text does not back, so it ranks the story but is no evidence of a fit. A
    title that is the question the story was prepared for is not a name."""
    if linked_questions(story) or titled_by_question(story):
        return False
    words = set(tokenize(undated(story.title)))
    return 0 < len(words) <= NAME_WORDS and not words & set(tokenize(story.text))


_ADDRESSED = re.compile(r"\byou(?:r|rs|rself)?\b", re.IGNORECASE)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of at least MIN_PART_WORDS and at most about MAX_PART_WORDS words."""
    merged: list[str] = []
    pending = ""
    for para in (p.strip() for p in _BLANK_LINE.split(text)):
        if not para:
            continue
        pending = f"{pending}\n{para}" if pending else para
        if len(pending.split()) >= MIN_PART_WORDS:
            merged.append(pending)
            pending = ""
    if pending:
        if merged:
            merged[-1] += "\n" + pending
        else:
            merged.append(pending)
    out: list[str] = []
    for para in merged:
        if len(para.split()) <= MAX_PART_WORDS:
            out.append(para)
            continue
        chunk: list[str] = []
        for sentence in _SENTENCE_END.split(para):
            chunk.append(sentence)
            if len(" ".join(chunk).split()) >= MAX_PART_WORDS * 0.6:
                out.append(" ".join(chunk))
                chunk = []
        if chunk:
            out.append(" ".join(chunk))
    return out


@lru_cache(maxsize=1)
def hub_probes() -> tuple[str, ...]:
    """Every interview question of the bundled role packs, deduplicated and sorted (a stable probe set)."""
    questions: set[str] = set()
    for path in sorted(roles_dir().glob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE) or {}
        except (OSError, yaml.YAMLError):
            continue  # a broken pack is reported by knowledge.roles; the probe set just loses its questions
        for item in data.get("questions") or []:
            if isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip():
                questions.add(item["text"].strip())
    return tuple(sorted(questions))
