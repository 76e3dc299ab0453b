"""An opening that disclaims the asked subject: the candidate says, before the story, that it is not about what the
question names.

Asked about a hire, "the one I got wrong was not a person, it was a supplier"; asked about an LLM's output, "this
happened to us too, although it was not a model"; asked about latency, "the number they gave us was cost, not
latency". The story that follows may share every other word with the question and be told well, but the candidate
has said which subject it is about: another one. An interviewer hears that sentence and asks for the story that was
asked for.

The disclaimed word must be a topical word of the question or of its signals (a hire question's signals speak of
"the person"), the disclaimer must be in the opening (the first OPENING sentences: where a story says what it is
about; later "not a ..." contrasts are steps of the story), and no other sentence may use that word: a story that
says "it was not a model problem at first" and then talks about the model is about the model after all.

An announced turn (turned_away) is the same account given later: past its opening the answer says it will tell
another story ("let me tell you about the budget instead") and tells one that takes nothing from the question.
"""

from __future__ import annotations

import re

from agent.critic.text import STOPWORDS, Sentence, stem, words

OPENING = 2  # sentences of the answer read for a disclaimer
_ARTICLE = r"(?:a|an|the|our|my|about|about a|about an|about the)"
# Cue list (pattern with the disclaimed word as group "w", an example it must match; tests/test_critic_disclaim.py
# checks every example). Each names the subject the story is not about.
DISCLAIM_CUES: tuple[tuple[str, str], ...] = (
    # "it wasn't a model", "the problem was not about the cache": a copula denied before an article (never "was not
    # going", "were not code": a verb or bare noun is a step or a description, not the story's subject).
    (
        rf"\b(?:was|is|were|are)(?:n't| not)\s+(?:really\s+|exactly\s+|strictly\s+)?{_ARTICLE}\s+(?P<w>\w[\w-]*)",
        "The migration that hurt most wasn't a database, it was our build farm.",
    ),
    # An appositive correction: "a cost target, not latency", "a supplier, not a person".
    (rf",\s*(?:and\s+)?not\s+(?:{_ARTICLE}\s+)?(?P<w>\w[\w-]*)", "It was a question of money, not throughput."),
    # "with our batch jobs rather than the service": the story's subject put in place of the asked one.
    (rf"\brather than\s+{_ARTICLE}\s+(?P<w>\w[\w-]*)", "I had a similar case with our batch jobs rather than the API."),
    # "technically I didn't lead it": the candidate denies doing what the question asks about.
    (
        r"\b(?:technically|strictly speaking|actually),?\s+I\s+(?:didn't|did not|wasn't|was not)\s+(?P<w>\w[\w-]*)",
        "Well, technically I didn't design it, I took it over later.",
    ),
)
_COMPILED = tuple(re.compile(p, re.IGNORECASE) for p, _ in DISCLAIM_CUES)


def _roots(text: str) -> set[str]:
    return {stem(w)[:5] for w in words(text) if len(w) > 2 and w not in STOPWORDS}


def disclaimed(question: str, signals: tuple[str, ...], sents: list[Sentence]) -> Sentence | None:
    """The opening sentence that says the story is not about a subject of the question (its own words or its
    signals'), when no other sentence of the answer names that subject; None otherwise."""
    asked = _roots(question).union(*(_roots(s) for s in signals))
    for i, sent in enumerate(sents[:OPENING]):
        for pattern in _COMPILED:
            for m in pattern.finditer(sent.text):
                word = m.group("w").lower()
                if word in STOPWORDS or len(word) <= 2:
                    continue
                root = stem(word)[:5]
                if root in asked and not any(root in _roots(o.text) for j, o in enumerate(sents) if j != i):
                    return sent
    return None


# An announced turn: the candidate says mid-answer that what follows is the story they would rather tell ("let me tell
# you about the budget instead", "the bit I'd pick is ..."). What follows it is the answer; when it takes
# nothing topical from the question (TURN_SHARED at most), the answer is another subject by the candidate's own
# account, however well the opening named the asked one. Only after the answer's first sentence: a story may open with
# "let me tell you about the time ..." and then tell what was asked in words of its own. Cue list (pattern, an example
# it must match; tests/test_critic_turn.py checks every example); the match is where the turned-to story starts.
TURN_CUES: tuple[tuple[str, str], ...] = (
    (r"\blet me (?:instead )?(?:tell you|talk|focus)\b",
     "That project ate most of my spring, but let me tell you about the vendor contract."),
    (r"\bI'?d (?:rather|prefer to|really like to) (?:talk|tell you|focus)\b",
     "I'd rather talk about our on-call rota, honestly."),
    (r"\bthe (?:part|bit|thing|story) I'?d (?:really |actually )?(?:point to|pick|highlight|rather tell)\b",
     "Still, the bit I'd pick is how I coached a new lead."),
    (r"\b(?:more|most) (?:interesting|telling|relevant) (?:part|story|bit),? (?:though,? )?(?:is|was)\b",
     "The more interesting part, though, was the hiring drive that followed."),
)  # fmt: skip
_TURNS = tuple(re.compile(p, re.IGNORECASE) for p, _ in TURN_CUES)
# A turn is announced as a contrast with what came before ("but", "instead", "though", "really"): without one, "let me
# tell you about Priya and the queue design" is how a story goes on, and may tell the asked disagreement in words of
# its own.
TURN_CONTRAST = re.compile(r"\b(?:but|though|instead|rather|really|actually|however)\b", re.IGNORECASE)
TURN_SHARED = 1  # topical words of the question the turned-to part may still use (one can be a chance echo)
# Everyday words of a question that say nothing of its subject (a turned-to story "got" and "changed" things too).
_TURN_GENERIC = frozenset(stem(w)[:5] for w in (
    "tell time describ walk give exampl would could your what when where which how why did does got get make made "
    "change changed find found out about")
)  # fmt: skip


def turned_away(question: str, sents: list[Sentence]) -> Sentence | None:
    """The sentence after the first that announces a turn to another story (TURN_CUES, with a contrast: TURN_CONTRAST),
    when the part of the answer from that cue on shares at most TURN_SHARED topical words with the question; None
    otherwise."""
    asked = _roots(question) - _TURN_GENERIC
    for i, sent in enumerate(sents[1:], start=1):
        for pattern in _TURNS:
            m = pattern.search(sent.text)
            if m is None or not TURN_CONTRAST.search(sent.text):
                continue
            after = " ".join([sent.text[m.start():], *(o.text for o in sents[i + 1 :])])
            if len(asked & _roots(after)) <= TURN_SHARED:
                return sent
    return None
