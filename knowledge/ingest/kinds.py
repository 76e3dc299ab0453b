"""What an item is: a story (a past situation), a prepared answer (pitch, opinion, technical explanation) or
reference material kept but never retrieved (a STAR legend or template, advice, a list of questions, tips).

Also: placeholders that mark a story unfinished, and titles cleaned of UI residue.
"""

from __future__ import annotations

import re

from knowledge.ingest import prose
from knowledge.ingest.star import split_star
from knowledge.pitch import PITCH, PITCH_TITLE, introduces_owner, introduces_speaker

__all__ = [
    "PITCH",
    "PITCH_TITLE",
    "clean_title",
    "introduces_owner",
    "introduces_speaker",
    "kind_of",
    "only_placeholder",
    "placeholders",
    "reads_as_reference",
    "says_empty",
]

# Titles of reference material: how to tell stories, templates, advice and question lists.
REFERENCE_TITLE = re.compile(
    r"\b(?:structure|template|legend|format|framework|method|methodology|tips?|advice|guidelines?|checklist|"
    r"dos and don'?ts|do'?s|don'?ts|mistakes to avoid|how to (?:answer|use|prepare|tell|structure)|"
    r"cheat ?sheet|reminders?|principles|rules of thumb|what interviewers (?:want|look for)|rubric|"
    # "Scoring", "Scoring rubric", "How scoring works"; not a story's "Fault model scoring on stale data"
    r"scoring(?=\s*(?:$|works|[(:—–-]|rubric|guide|criteria|sheet))|"
    r"question (?:list|bank)|questions? to (?:expect|practi[cs]e|prepare)|common questions|red flags|refresher|"
    r"not (?:a )?stor(?:y|ies)|logistics|itinerary|colophon)\b|不是故事",
    re.IGNORECASE,
)
# Titles that only ever name material about the stories, never a story ("structure" or "method" can be a topic).
META_TITLE = re.compile(
    r"\b(?:legend|template|cheat ?sheet|notes? to (?:self|myself)|key to (?:my )?(?:labels|letters|format)|"
    r"how I (?:answer|write|label|tell|structure|use|prepare)\b(?: (?:these|them|stories|answers|it))?)\b",
    re.IGNORECASE,
)
# Titles that say the section holds no story ("Gaps (no story yet)", "no stories for these", "old diary days - not
# interview stories"): what follows may tell what happened around the candidate, but the author has said it is not
# a story to tell.
_NO_STORY_TITLE = re.compile(
    r"\bno stor(?:y|ies)\b(?!\s*points?\b)|\bnot (?:(?:an?|my|interview|work|real)\s+){0,2}stor(?:y|ies)\b"
    # the same in the words of the form the stories are kept in ("No itinerary yet", "NO CARD YET (don't get caught
    # out)"): the whole title, or that and a remark
    r"|^\W*no\s+[\w-]+(?:\s+[\w-]+)?\s+yet\s*(?:$|[(:\[])",
    re.IGNORECASE,
)
# The same said in the text, as a sentence of its own: "No story, will skip.", "No story yet - ...", "no story here",
# "Don't have a story yet.".
_NO_STORY_SAID = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:[*_]{1,2})?no stor(?:y|ies)(?:\s+(?:yet|here|for (?:this|it|now)))?\s*[.,;:!—–-]"
    r"|\b(?:don['’]?t|do not|haven['’]?t got) (?:have )?(?:a|one|any) stor(?:y|ies)(?:\s+for (?:this|it))?(?:\s+yet)?"
    r"\s*[.!]",
    re.IGNORECASE,
)
# Titles of notes about the candidate's practice, never a story of theirs even when told in the first person
# ("Mock #2 feedback (Jonas)", "Coach's feedback", "Notes from the practice interview").
_PRACTICE_TITLE = re.compile(
    r"\b(?:mock|practice|coach(?:'s|ing)?|dry[- ]run)(?:\s+(?:#?\d+|interview|session|round|call))?\s+"
    r"(?:feedback|notes|debrief|review)\b|\b(?:feedback|notes) (?:from|on) (?:the |my )?(?:mock|practice|coach)",
    re.IGNORECASE,
)
# A document's note on itself: what each of its entries is ("each card = one story"), that the stories follow
# ("the answers below"), whose notes these are ("my notes from the workshop"), "this doc".
_ABOUT_THE_NOTES = re.compile(
    r"\beach\s+[\"“'‘]?\w+[\"”'’]?\s*(?:=|is|means)\s+(?:one|a)\s+(?:story|answer|example)\b|"
    r"\b(?:stories|answers|entries|examples)\s+below\b|\bmy notes\b|\bthis (?:doc|document|file|page|notebook)\b",
    re.IGNORECASE,
)
_NOTE_WORDS = 70  # a preface is short; a story that mentions "my notes" or "this doc" in passing is longer
# Questions that ask for a past situation: what is prepared under them is a story.
_ASKS_FOR_A_STORY = re.compile(
    r"\b(?:a|the|one) (?:time|situation|moment|project|decision|mistake|failure|conflict|example)\b|"
    r"\bhave you ever\b|\b(?:tell|walk) (?:me|us) about (?:a|an|the|your (?:biggest|hardest|most|last))\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|me)\b")
_REPLY = re.compile(r"^\s*(?:re|fwd?|fw|aw|wg|sv)\s*:\s", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# Placeholders left for later: [?], [FILL: ...], [TODO], [check: ...], [number?], TODO, TBD, XX%, ???, <insert ...>,
# [数字待补：...] ("number to fill in").
_PLACEHOLDER = re.compile(
    r"\[\s*\?+\s*\]|\[\s*(?:fill|todo|tbd|tbc|insert|add|number|metric|check|verify|confirm|ask|x+)\b[^\]]*\]|"
    r"\[[^\]]{0,40}\?\s*\](?!\()|\bTODO\b|\bTBD\b|\bXX+\b|[\[【][^\]】]{0,20}(?:待补|待定|待确认|补充|要確認|未定)|"
    r"\?\?\?|<\s*(?:fill|insert|add)[^>]*>|\{\{[^}]*\}\}",
    re.IGNORECASE,
)


def placeholders(text: str) -> bool:
    """The text still holds a placeholder for something the author meant to fill in."""
    return bool(_PLACEHOLDER.search(text))


def only_placeholder(field: str) -> bool:
    """A STAR part with nothing but placeholders, rules and punctuation in it ("[?]", "---", "TBD")."""
    rest = _PLACEHOLDER.sub(" ", field)
    return not re.search(r"[A-Za-z0-9]", rest)


# A form's field that says in words it is still empty ("nothing yet", "not written yet"): only as the whole field,
# since "nothing yet" inside a sentence can be part of a story.
_SAYS_EMPTY = re.compile(
    r"^\W*(?:nothing(?:\s+(?:here|written))?\s+yet|not\s+(?:written\s+|done\s+|filled\s+in\s+)?yet|none\s+yet|"
    r"coming\s+soon)\W*$",
    re.IGNORECASE,
)


def says_empty(field: str) -> bool:
    """A STAR part that says it has nothing in it yet ("nothing yet")."""
    return bool(_SAYS_EMPTY.match(field))


def kind_of(title: str, question: str | None, fmt: str, text: str, fields: dict[str, str]) -> str:
    """story | answer | reference for one extracted item."""
    asked = question or ""
    if _REPLY.match(title):
        return "reference"  # a mail reply or forward: someone's comments on (or copy of) an item, not one itself
    if PITCH.search(asked) or PITCH.search(title) or (fmt == "prose" and PITCH_TITLE.search(title)):
        return "answer"  # a pitch, asked for or titled as one ("60-sec version", a CV's "Summary")
    if fmt == "prose" and introduces_owner(prose.prose_text(text.split("\n"))):
        return "answer"  # a pitch told under another name: it opens by introducing its speaker
    lines = text.split("\n")
    if fmt == "prose" and noted_as_pitch(lines) and not prose.is_narrative(prose.prose_text(lines)):
        return "answer"  # "Note: TMAY = this box" over no told case: a pitch under a record's name
    if _is_reference(title, text, fields, asked):
        return "reference"
    if fmt == "star" or _ASKS_FOR_A_STORY.search(asked) or split_star(text.split("\n"))[1] >= 2:
        return "story"  # told in STAR parts, or prepared for "tell me about a time ..."
    plain = prose.prose_text(text.split("\n"))
    if fmt == "prose" or prose.is_narrative(plain):
        return "story"
    return "answer"


# A field line whose value names the pitch: "Note: TMAY = this box, read aloud", "Use for: tell me about yourself".
_PITCH_NOTE = re.compile(r"^\s*[A-Za-z][A-Za-z /]{1,20}:\s+(?P<value>.{3,80})$")


def noted_as_pitch(lines: list[str]) -> bool:
    """A short field line among `lines` says what they are: the answer to "tell me about yourself"."""
    return any((m := _PITCH_NOTE.match(x)) is not None and PITCH.search(m["value"]) for x in lines)


def reads_as_reference(title: str, text: str) -> bool:
    """An unlabelled, question-less section body that is advice, tips or a list of questions."""
    return _is_reference(title, text, {}, "")


# A box a wiki page calls a note, tip or info panel ("Note: pick three", "Info"): notes to self, never a story.
_ADMONITION_TITLE = re.compile(r"^(?:info|note|tip|warning|caution|important)\s*(?::\s|$)", re.IGNORECASE)


def _is_reference(title: str, text: str, fields: dict[str, str], question: str) -> bool:
    """A legend or template (short generic parts, nobody in them), advice, or a list of questions with tips."""
    if _ADMONITION_TITLE.match(title):
        return True
    parts = [fields.get(k, "").strip() for k in ("situation", "task", "action", "result")]
    filled = [p for p in parts if p]
    if len(filled) >= 2 and all(_generic(p) for p in filled):
        return True  # "S = Context and challenges", "**Result:** [?]"
    if question:
        # a prepared answer, whatever its title says; unless it only says there is no story to give yet
        return bool(_NO_STORY_SAID.search(text)) and not _told(text)
    if _NO_STORY_TITLE.search(title) or _NO_STORY_SAID.search(text):
        return True  # the author's own word that this is not a story
    if _PRACTICE_TITLE.search(title):
        return True  # what a coach or a mock interviewer said about the stories
    if _ABOUT_THE_NOTES.search(text) and len(text.split()) <= _NOTE_WORDS:
        return True  # a short note on the document itself (what its entries are, whose notes they are)
    if META_TITLE.search(title) and not _told(text) and not _DIGIT.search(text):
        return True  # a legend in STAR parts ("S: where I was, what was at stake"): nothing told, nothing measured
    if len(filled) >= 2 and not all(_generic(p) for p in filled):
        return False  # a story told in STAR parts, whatever its title says
    if (REFERENCE_TITLE.search(title) or META_TITLE.search(title)) and not _told(text):
        return True
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    asks = sum(x.rstrip("\"”*_ ").endswith("?") for x in lines)
    if lines and asks >= 3 and asks >= 0.5 * len(lines) and not _told(text):
        return True  # a list of questions (plus a tip or two); not a case told as questions and their answers
    # Advice ("Brag about yourself, but make it relevant"): nobody in it, nothing measured, no question it answers,
    # and it tells the reader what to do; an explanation in the third person ("Median and tail latency ...") is not.
    if _FIRST_PERSON.search(text) or _DIGIT.search(text) or len(text.split()) < 8:
        return False
    return bool(_ADVISES.search(text)) or all(_LIST_LINE.match(x) for x in lines)


# Words that address the reader or instruct: advice, not an explanation of a technique.
_ADVISES = re.compile(r"\b(?:you|your|yourself|don'?t|do not|never|always|avoid|make sure|remember)\b", re.I)
_LIST_LINE = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s")


def _generic(part: str) -> bool:
    """A template part: a few words, nobody doing anything, no number, either a phrase or addressed to the reader
    ("Context and challenges", "What you were responsible for"); or only a placeholder. A short told sentence
    ("The export timed out.") is not generic."""
    if only_placeholder(part):
        return True
    text = part.strip()
    if len(text.split()) > 8 or _FIRST_PERSON.search(text) or _DIGIT.search(text):
        return False
    return not text.endswith((".", "!")) or bool(_READER.search(text))


_READER = re.compile(r"(?:you|your)", re.IGNORECASE)


def _told(text: str) -> bool:
    """Someone tells what happened: first person and past tense in at least two sentences."""
    sentences = prose.sentences(prose.prose_text(text.split("\n")))
    return sum(bool(_FIRST_PERSON.search(s)) and bool(prose.PAST.search(s)) for s in sentences) >= 2


# UI residue in titles: "(Click to expand)", "★ strongest", "⭐", links and "Company question (url) –" prefixes.
_RESIDUE = (
    re.compile(r"\s*\(?\b(?:click|tap) (?:to|here to) (?:expand|open|show|reveal)\b\)?", re.IGNORECASE),
    re.compile(r"\s*[★☆⭐🌟✨]+\s*(?:strongest|strong|best|favou?rite|top pick|top|go-to|must[- ]use)?\s*", re.I),
    re.compile(r"\s*\((?:strongest|best|favou?rite|go-to|must[- ]use)\)", re.IGNORECASE),
    re.compile(r"\s*\(\s*<?https?://[^)\s]*>?\s*\)"),
    re.compile(r"<?https?://\S+>?"),
)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_ASKED_PREFIX = re.compile(r"^[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)?\s+questions?\s*[:–—-]\s+(?=\S)", re.IGNORECASE)


def clean_title(title: str) -> str:
    """A title without UI residue; the original when cleaning would leave nothing."""
    text = _LINK.sub(r"\1", title)
    for pattern in _RESIDUE:
        text = pattern.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" -–—:|")
    text = _ASKED_PREFIX.sub("", text)
    return text if len(text) >= 3 else title
