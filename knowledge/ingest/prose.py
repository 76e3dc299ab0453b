"""Unlabelled stories: is a section a first-person narrative, and which sentences are S, T, A or R?

A narrative needs some length and several first-person past-tense sentences; instructions, indexes and
tables of contents have neither. S/T/A/R are inferred from sentence cues, in story order.
"""

from __future__ import annotations

import re

from knowledge.ingest.star import strip_markup

MIN_CHARS = 120
MIN_NARRATIVE_SENTENCES = 2
MAX_SHORT_STORY_CHARS = 400  # the looser rule for stories told mostly in the third person applies below this
MAX_ANALYSED = 20_000  # characters of a section read for narrative cues; a story is far shorter

_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
# tried only where a word starts: from inside a long word it failed once per letter (seconds on one long word)
_LOWER_STOP = re.compile(r"(?<![\w%])(?P<word>[\w%]+)[)\]]*(?P<stop>[.!?])[\"')\]]*\s+(?=[a-z])")
_ABBREVIATIONS = {"e.g", "i.e", "eg", "ie", "vs", "etc", "incl", "approx", "ca", "cf", "esp", "min", "max", "no",
                  "fig", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "dept", "est", "avg", "wk", "wks", "yr", "yrs",
                  "mo", "mos", "hr", "hrs", "sec", "secs", "ft", "al", "govt", "corp", "inc", "ltd", "co"}
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Tt]he author)\b")  # "the author": a self-review written as a referee
_NARRATOR = re.compile(r"\b(?:I|[Ww]e|me|[Mm]y|[Oo]ur|us)\b")
MIN_LONG_CHARS = 400  # the rule for stories told mostly about other people applies from here
MIN_NARRATOR_SENTENCES = 3
_IRREGULAR = (
    "led|built|made|took|ran|wrote|chose|found|drove|began|became|brought|bought|caught|did|fell|felt|"
    "fought|gave|got|grew|had|heard|held|kept|knew|left|lost|met|paid|put|quit|read|rose|said|sat|saw|"
    "sent|set|shut|sold|spent|split|spoke|stood|taught|thought|told|understood|was|were|went|won|hit|cut|"
    "rebuilt|rewrote|oversaw|undertook|shipped"
)
# "didn't", "wasn't": a past told in the negative ("That week I didn't touch the code") is told in the past too
PAST = re.compile(rf"\b(?:{_IRREGULAR}|[a-z]{{3,}}ed|(?:did|was|were|could|had)n['’]t)\b", re.IGNORECASE)
# A sentence that opens with a past-tense verb has dropped its "I" ("checked the logs first, then ...").
_DROPPED_I = re.compile(rf"^[\"'(\[]?(?:then |also |first |so |and )?(?:{_IRREGULAR}|[a-zA-Z]{{3,}}ed)\b(?! by\b)",
                        re.IGNORECASE)
# A run-in part name opening a sentence of a filled-in template ("Nose — ", "What happened: "): a capital, a word
# or three, then a dash or a colon. Other trades' forms name their parts the same way in capitals ("INSPECTION: ",
# "QUANTUM / WHAT I DID: ") or number them ("Row 2: ", "Row 1 (RS): ", "Step 3 — ").
_RUN_IN = re.compile(
    r"^[A-Z][A-Za-z]+(?: (?:[A-Za-z]+|\d{1,3}|[/&])){0,3}(?: \([^()]{1,12}\))?\s*(?:[—–]|:)\s+(?=\S)"
)
_NOT_PAST = re.compile(r"\b(?:need|needed to|speed|feed|seed|proceed|indeed|exceed|based|red|bed|shed)\b", re.I)
_BREATH = re.compile(r"(?<=[.!?])\s+/(?=\s)")
# a bullet may come backslash-escaped from an exporter that keeps it from reading as a list ("\\- split it: ...")
_LINE_MARKUP = re.compile(r"^\s*(?:\\?[-*+]|\d{1,3}\\?[.)]|#{1,6}|>)\s+")

_TASK = re.compile(
    r"\b(?:I|we) (?:needed|had|was asked|were asked|was tasked|were tasked|wanted|set out) to\b|"
    r"\bmy (?:goal|job|task|role|mandate|mission)\b|\bour (?:goal|task|mandate|mission)\b|"
    r"\bresponsible for\b|\bthe goal was\b|\bI was (?:hired|brought in) to\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b(?:as a result|in the end|ultimately|eventually|finally|the result|the outcome|this led to|"
    r"which led to|resulting in|reduced|increased|improved|cut|saved|grew|dropped|went from|"
    r"now|since then|afterwards|we shipped|launched)\b|(?<!\d)\d+\s?%|\$\s?\d",
    re.IGNORECASE,
)
_CLOSER = re.compile(r"\b(?:as a result|in the end|ultimately|the outcome|this led to|looking back)\b", re.I)
_ACTION = re.compile(
    r"\b(?:I|we) (?:\w+ly )?(?:built|wrote|designed|proposed|created|set up|introduced|ran|led|organi[sz]ed|"
    r"started|decided|chose|moved|migrated|rewrote|added|implemented|met|talked|spoke|convinced|pushed|"
    r"negotiated|split|paired|hired|coached|tested|measured|profiled|debugged|traced|fixed|replaced|"
    r"refactored|automated|documented|escalated|scheduled|asked|sat down|pulled|dug|mapped|built)\b",
    re.IGNORECASE,
)


# A paragraph typed on one line (three sentences or more) that ends on a question is told text with a query left
# at its end ("... The queue cleared by noon. TODO: check the date?"), not an example question.
_SENTENCE_BREAK = re.compile(r"[.!;]\s+(?=\S)")


def _told_on(text: str) -> bool:
    return len(_SENTENCE_BREAK.findall(text)) >= 3


def prose_text(lines: list[str]) -> str:
    """Section lines as plain prose: markers and emphasis removed; quoted lines and questions left out."""
    kept = []
    for line in lines:
        text = _LINE_MARKUP.sub("", line).strip()
        if text.startswith("|"):
            continue  # table rows are data (tables are read by tables.py), not someone telling a story
        if (text and text[0] in '"“') or (text.rstrip('"”').endswith("?") and not _told_on(text)):
            continue  # example questions and quotes are not the narrator telling a story
        kept.append(text)
    # " / " after a full stop marks a breath in a script read aloud ("... went down. / Then we ..."): a break
    return _BREATH.sub(" ", strip_markup("\n".join(kept)))[:MAX_ANALYSED]


def sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in _SENTENCE.split(flat) if s.strip()]


def note_sentences(text: str) -> list[str]:
    """Sentences of `text`, notes typed in lower case ("shipped it. latency halved.") split too: for telling
    whether a section is a story (how its S/T/A/R are inferred is left as it was measured)."""
    return [s.strip() for piece in sentences(text) for s in _lower_sentences(piece) if s.strip()]


def _lower_sentences(text: str) -> list[str]:
    """`text` cut where a full stop, ! or ? ends a word that is not an abbreviation and a lower-case word follows."""
    out: list[str] = []
    start = 0
    for m in _LOWER_STOP.finditer(text):
        word = m.group("word").lower()
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        out.append(text[start : m.end("stop")])
        start = m.end()
    out.append(text[start:])
    return out


def past_tense(text: str) -> bool:
    """Some verb of `text` is in the past tense ("needed to", "based" and the like not counted)."""
    return bool(PAST.search(_NOT_PAST.sub(" ", text)))


def _narrative(sentence: str) -> bool:
    if not _FIRST_PERSON.search(sentence):
        return False
    cleaned = _NOT_PAST.sub(" ", sentence)
    return bool(PAST.search(cleaned))


def told_by_narrator(sentence: str) -> bool:
    """The sentence is told in the first person and the past tense ("I moved us to ...")."""
    return _narrative(sentence)


def is_narrative(text: str, strict: bool = False, labelled: bool = False) -> bool:
    """Long enough, and told in the first person past tense (several sentences of it).

    Unless `strict`, a longer text is read as notes: sentences typed in lower case count, and a sentence that
    opens with a past-tense verb has dropped its "I" ("Reverted the cast, then ..."). A short story may tell only
    its action in the first person ("Nobody owned X. I built Y. Every squad adopted it."): one first-person action
    plus mostly past-tense sentences also counts. Unless `strict`, so does a longer story mostly about other
    people, told in the past tense with the narrator acting in it. A `labelled` text (a titled section that names
    one of its STAR parts) needs only two such sentences, however much else it says.
    """
    if len(text) < MIN_CHARS:
        return False
    notes = not strict and len(text) >= MIN_LONG_CHARS  # a short text read as notes says too little to tell
    sents = note_sentences(text) if notes else sentences(text)
    told = sum(1 for s in sents if _told(s, notes) or _told(_RUN_IN.sub("", s, count=1), notes))
    if told >= MIN_NARRATIVE_SENTENCES and (told >= 0.3 * len(sents) or (labelled and not strict)):
        return True
    past = sum(1 for s in sents if PAST.search(_NOT_PAST.sub(" ", s)))
    # A story mostly about other people ("She applied ... Her take-home ... I made the offer"): told in the past
    # tense throughout, with the narrator in it (I, we, me, my, our) in several sentences.
    narrator = sum(1 for s in sents if _NARRATOR.search(s))
    long_told = told >= MIN_NARRATIVE_SENTENCES and len(text) >= MIN_LONG_CHARS and past >= 0.6 * len(sents)
    if not strict and long_told and narrator >= MIN_NARRATOR_SENTENCES:
        return True
    if not strict and past >= 0.6 * len(sents) and _acted_then_ended(sents):
        return True  # a case told in the past, one sentence of the teller's own actions, then how it ended
    if len(text) > MAX_SHORT_STORY_CHARS or len(sents) > 5:
        return False
    return told >= 1 and bool(_ACTION.search(text)) and past >= 2 and past >= 0.5 * len(sents)


def _told(sentence: str, notes: bool) -> bool:
    """First person and past tense; in notes, also a past-tense verb that dropped its "I". Tried again without a
    run-in part name ("Palate — Built a test set"), which hides the verb the sentence opens with."""
    return _narrative(sentence) or (notes and bool(_DROPPED_I.match(_NOT_PAST.sub(" ", sentence))))


def _acted_then_ended(sents: list[str]) -> bool:
    """A sentence of the teller's own actions ("I moved us to ..., added ...") with an outcome told after it."""
    acted = next((n for n, x in enumerate(sents) if _narrative(x) and _ACTION.search(x)), None)
    return acted is not None and any(_RESULT.search(x) for x in sents[acted + 1 :])


def _outcome(sent: str, parts: dict[str, list[str]], phase: str) -> bool:
    if _CLOSER.search(sent):
        return any(parts.values())
    return bool(_RESULT.search(sent)) and (bool(parts["action"]) or phase == "action")


def infer_star(text: str) -> dict[str, str]:
    """Assign sentences to S/T/A/R in story order: context, then goal, then actions, then outcomes.

    Outcome cues only start the result once some action was told (a number in the opening is context),
    except for explicit closers such as "as a result". With no outcome cue at all, the closing paragraph
    of a multi-paragraph story is taken as its result (that is where people put how it ended).
    """
    parts: dict[str, list[str]] = {"situation": [], "task": [], "action": [], "result": []}
    paragraphs = [sentences(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    last = paragraphs[-1] if len(paragraphs) > 1 else []
    phase = "situation"
    for sent in (s for para in paragraphs for s in para):
        early = phase in ("situation", "task")
        if early and _TASK.search(sent):
            phase = "task"
        elif phase != "result" and _outcome(sent, parts, phase):
            phase = "result"
        elif early and _ACTION.search(sent):
            phase = "action"
        elif phase == "task":
            phase = "action"  # what follows the goal is usually what was done about it
        parts[phase].append(sent)
    if not parts["result"] and last and len(parts["action"]) > len(last) and parts["action"][-len(last) :] == last:
        parts["action"], parts["result"] = parts["action"][: -len(last)], last
    return {k: " ".join(v) for k, v in parts.items()}
