"""Text plumbing shared by the rubric modules: the analysed text, sentences, words and verb cues.

Everything here is pure and compiled once; the rubric modules only combine these features.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    """A word set written as one string (easier to read and edit than a long list literal)."""
    return frozenset(text.split())


MAX_CHARS = 20_000  # a pasted document is cut here so a critique stays fast; the critic says so in notes

# A sentence: a run of text ended by .!? followed by space, or by a line break (bullets are sentences). The dot of
# "e.g.", "i.e." and "vs." never ends one; the dot of "a.m." / "p.m." does only before a capital ("at 6 a.m. We ...").
_ABBREVIATION_DOT = (r"(?:(?<=\b[eE]\.g)|(?<=\b[iI]\.e)|(?<=\b[vV]s))\.(?=[ \t]+\S)"
                     r"|(?<=\b[aApP]\.[mM])\.(?=[ \t]+[a-z\d])")
_SENTENCE = re.compile(rf"(?:[^.!?\n]|[.!?]+(?=\S)|{_ABBREVIATION_DOT})+[.!?]*")
_BULLET = re.compile(r"^[\s>*•·\-–—]*(?:\d+[.)]\s+)?")
# A line break inside a paragraph: not after sentence-ending punctuation, not before a blank line or bullet.
_SOFT_BREAK = re.compile(r"(?<=[^\s.!?:\n])[ \t]*\n(?![ \t]*(?:\n|[-*•·>]|\d+[.)]\s))")
WORD = re.compile(r"[^\W\d_][\w'’\-]*")

STOPWORDS = word_set(
    "a an the of and or but to in on at for with by from into than then as is was were are be been being "
    "it its this that these those we i you he she they them our my your their us me him her who whom "
    "which what when where why how so if not no yes also just only about around over under per more less "
    "out up down off had has have did do does done will would could should can may might must shall there "
    "here very really some any all each every both few many much most other such own same too again once "
    "while because until after before during through above below between am i'm i've i'd we'd we've we're "
    "it's that's don't didn't isn't wasn't let let's get got go went one tell me describe walk time"
)
VAGUE = word_set(
    "stuff things thing various basically kind sort etc somehow whatever generally usually lots lot bunch "
    "several certain some everything something anything stakeholders synergy leverage best practices"
)
# Past-tense verbs that are not regular -ed forms (for "I <verb>" / "we <verb>" action detection).
IRREGULAR_ACTIONS = (
    "built|wrote|ran|led|made|took|set|drove|met|got|began|chose|sent|put|brought|sought|spoke|held|found|told|"
    "gave|kept|did|cut|split|rewrote|rebuilt|undertook|oversaw|broke|threw|shut|sat|paid|won|lost|grew|fell|"
    "rose|sold|taught|fought|hid|bought|wound|stood|left|spent|dealt|meant|went|began|hired|fired|"
    "froze|drew|withdrew|overrode|undid|shook|tore|dug|fed|lent|bent|flew|forgot|forgave|shrank|slid|spun|swept|"
    "swung|understood|overtook|rethought|redrew|upheld|withheld|struck|hung|sank|stole|swore|wove"
)
_STATE_VERBS = word_set("was were had felt thought knew liked wanted seemed looked believed hoped wished")
_PAST = re.compile(rf"^(?:\w+[^\We]ed|{IRREGULAR_ACTIONS})$", re.IGNORECASE)
# Base forms of common work verbs. Non-native speakers often narrate in the present ("I show the numbers every
# week") or pair "have" with the base form ("I have make a rule"); both still state the candidate's own action.
# Role verbs (lead, run, manage, own) are left out: in the present they describe a position, not a step.
_BASE_VERBS = word_set(
    "make write build show take give send ask tell set put meet talk move split cut create start fix add remove "
    "check find call change test train deploy ship launch review propose decide explain present organise organize "
    "hire measure track collect analyse analyze design implement introduce replace rewrite refactor migrate "
    "automate schedule escalate negotiate document label profile debug monitor publish share teach coach mentor "
    "pair merge delete turn open close prepare draft sketch map push pull raise drop lower increase reduce "
    "interview rebuild redesign bring sit benchmark prototype roll block freeze"
)
_ADVERB = r"(?:(?:then|also|first|personally|quickly|eventually|finally|immediately|later|just|actually|\w+ly)\s+)"
_I_VERB = re.compile(rf"\bI(?P<have>\s+(?:have|has)|['’]ve)?\s+{_ADVERB}{{0,2}}(?P<verb>[a-z]+)\b")
# A lower-case "i" used as the pronoun ("i led the rollout"); not "(i)" list labels or "i.e.".
_LOWER_I = re.compile(r"(?<![\w'’(.\-/])i(?=['’](?:m|ve|d|ll)\b|\s)")
_WE_VERB = re.compile(rf"\b(?:[Ww]e|[Tt]he team|[Oo]ur team|[Tt]hey|[Mm]y team)\s+{_ADVERB}{{0,2}}([a-z]+)\b")
_MODAL = r"(?:would|'d|will|'ll|can|could|should|might|want to|plan to|need to|'m going to|am going to)"
_I_MODAL = re.compile(rf"\bI(?:\s+{_MODAL}|{_MODAL})\s+(?:{_ADVERB})?[a-z]+")
_WE_MODAL = re.compile(rf"\bwe(?:\s+{_MODAL}|{_MODAL})\s+(?:{_ADVERB})?[a-z]+", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """One sentence (or bullet line) of the answer with its offsets."""

    start: int
    end: int
    text: str


def first_person(text: str) -> str:
    """Lower-case pronoun "i" written as "I" (same length, so offsets into the typed answer stay valid)."""
    return _LOWER_I.sub("I", text) if "i" in text else text


# "I had a budget line set aside", "I got two engineers assigned to it": the candidate caused the step. Not "I had
# a feeling it mattered" (a clause of its own follows) nor "I had never worked" (no object).
_CAUSED = re.compile(
    r"\s+(?:a|an|the|our|my|every|each|all|both|them|him|her|one|two|three|four|some)\b"
    r"(?:\s+(?!(?:it|they|he|she|we|I|who|that|which|was|were)\b)[\w-]+){0,4}?\s+(?:put|set up|built|made|\w+ed)\b"
)


# "I had us wrap the old API", "I had my infra lead tag every workload": the candidate had someone do a step (the
# causative "have" with a bare verb). After a pronoun any word is that verb; after a noun phrase only a work verb.
_CAUSED_BARE = re.compile(
    r"\s+(?:(?P<pron>us|them|him|her)|(?:a|an|the|our|my|every|each|all|both|two|three|four)(?:\s+[\w'-]+){1,3}?)"
    r"\s+(?P<verb>[a-z]+)\b"
)


def _caused_bare(text: str, at: int) -> bool:
    m = _CAUSED_BARE.match(text, at)
    if m is None:
        return False
    verb = m.group("verb")
    return verb in _BASE_VERBS or (m.group("pron") is not None and verb not in STOPWORDS and not verb.endswith("ing"))


def _i_verb_action(m: re.Match[str], habitual: bool) -> bool:
    """An "I <verb>" match that states an action: a past form, "have" + past or base form, a step the candidate had
    done ("I had the contract reviewed"), or (habitual) a present-tense work verb ("I review the dashboards weekly")."""
    verb = m.group("verb")
    if verb in ("had", "got") and not m.group("have") and _CAUSED.match(m.string, m.end()):
        return True
    if verb == "had" and not m.group("have") and _caused_bare(m.string, m.end()):
        return True
    if m.group("have"):
        return verb not in ("been", "had") and (bool(_PAST.match(verb)) or verb in _BASE_VERBS)
    return _past_action(verb) or (habitual and verb in _BASE_VERBS)


def clip(answer: str) -> tuple[str, bool]:
    """The text the critic analyses, and whether it was cut."""
    return (answer[:MAX_CHARS], True) if len(answer) > MAX_CHARS else (answer, False)


def unwrap(text: str) -> str:
    """Soft line breaks (hard-wrapped prose) become spaces; same length, so offsets stay valid."""
    return _SOFT_BREAK.sub(" ", text)


def sentences(text: str) -> list[Sentence]:
    """Sentences and bullet lines, offsets into `text`, empty ones dropped."""
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(unwrap(text)):
        lead = _BULLET.match(m.group(0))
        start = m.start() + (lead.end() if lead else 0)
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and WORD.search(text, start, end):
            out.append(Sentence(start, end, text[start:end]))  # the original text, not the unwrapped one
    return out


def words(text: str) -> list[str]:
    """Lower-case words."""
    return list(_words(text))


@lru_cache(maxsize=2048)
def _words(text: str) -> tuple[str, ...]:
    # Pure and hot (every rubric module reads the same sentences): cached by value, never mutated.
    return tuple(w.lower().replace("’", "'") for w in WORD.findall(text))


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude stem, good enough for overlap between a question and an answer."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word[:8]


def content_stems(text: str) -> list[str]:
    """Stems of the content words (stopwords and very short words removed), in order."""
    return list(_content_stems(text))


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> tuple[str, ...]:
    # Cached: several features stem the same sentences of one answer (lexical fit, signals, star, story notes).
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 2)


def _past_action(verb: str) -> bool:
    return verb.lower() not in _STATE_VERBS and bool(_PAST.match(verb))


def past_action(verb: str) -> bool:
    """A past-tense verb of doing ("split", "ran", "handled"), not of being or having."""
    return _past_action(verb)


def _main_clause(sentence: str, match: re.Match[str]) -> bool:
    """False for "When I joined, ..." style subordinate clauses, which set the scene rather than act."""
    before = sentence[max(0, match.start() - 8) : match.start()].lower()
    return not re.search(r"\b(?:when|after|before|since|while|as|until|once|if)\s*$", before)


@lru_cache(maxsize=4096)
def i_action(sentence: str, hypothetical: bool = True, habitual: bool = False) -> bool:
    """The candidate states their own past action ("I rewrote ..."), or a plan ("I would shard ..."), or with
    `habitual` a present-tense step ("I review the dashboards weekly")."""
    past = any(_i_verb_action(m, habitual) and _main_clause(sentence, m) for m in _I_VERB.finditer(sentence))
    return past or (hypothetical and bool(_I_MODAL.search(sentence)))


def i_statement(sentence: str) -> bool:
    """Any first-person statement with a verb, present tense included ("I measure flow, not output")."""
    return i_action(sentence) or bool(re.search(r"\bI\s+(?:\w+ly\s+)?(?!was\b|were\b|am\b)[a-z]{2,}\b", sentence))


def action_counts(sentence: str, hypothetical: bool = True, habitual: bool = False) -> tuple[int, int]:
    """How many first-person-singular and collective past actions a sentence states ("we added, we moved")."""
    mine = sum(1 for m in _I_VERB.finditer(sentence) if _i_verb_action(m, habitual) and _main_clause(sentence, m))
    ours = sum(1 for m in _WE_VERB.finditer(sentence) if _past_action(m.group(1)) and _main_clause(sentence, m))
    if hypothetical:
        mine += len(_I_MODAL.findall(sentence))
        ours += len(_WE_MODAL.findall(sentence))
    return mine, ours


@lru_cache(maxsize=4096)
def we_action(sentence: str, hypothetical: bool = True) -> bool:
    """A collective action: 'we migrated', 'the team built', 'we would add'."""
    past = any(_past_action(m.group(1)) and _main_clause(sentence, m) for m in _WE_VERB.finditer(sentence))
    return past or (hypothetical and bool(_WE_MODAL.search(sentence)))


def has_first_person(sentence: str) -> bool:
    """Any first-person singular word."""
    return bool(re.search(r"\b(?:I|I'm|I've|I'd|I'll|me|my|myself)\b", sentence))
