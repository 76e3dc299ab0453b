"""Judging a follow-up answer on its own: did it give what the follow-up asked for?

A follow-up answer never inherits flags, strengths or evidence from the answers before it: "no idea" after a strong
answer is a non-answer. Its features are computed on its own text, and `closes_gap` says whether the feature the
follow-up probed is now there. A depth follow-up on a complete answer (probes "none") is closed by a specific
answer with a reason, a trade-off, a number or a lived detail.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from agent.critic import chain, lexical, signal_words, signals, which_holds
from agent.critic.against import measured_against
from agent.critic.another_story import answers_another
from agent.critic.core import _signals, non_answer
from agent.critic.features import Features, compute, shown_signals
from agent.critic.generic import says_nothing
from agent.critic.listed import listed_points, supplies_all
from agent.critic.nonanswer import detect
from agent.critic.own_part import names_own_part
from agent.critic.ownership import _VAGUE_CLAIM
from agent.critic.question import QuestionInfo
from agent.critic.relevance import MOTIVE, shared_topic
from agent.critic.schema import GAPS, Critique, Evidence, Span, StarFlags, StoryNote
from agent.critic.semantic import MAX_SENTENCES, Semantic, semantic
from agent.critic.star import concrete as pictured
from agent.critic.star import names_a_thing, states_result
from agent.critic.story_notes import drift_notes, told_index
from agent.critic.text import Sentence, clip, first_person, i_action, sentences, words
from knowledge.models import Story
from knowledge.paths import is_sample
from prompts import load_yaml, render

# A follow-up answer this far from both the follow-up and the main question is about something else (MiniLM cosine).
# Static word vectors (the critic's, semantic.CRITIC_EMBEDDER) cannot tell a short aside from a terse on-topic
# reply (a holiday in the mountains and "I ran the one-to-ones myself" both sit near 0.07), so a short reply whose
# static fit is under CLEARLY_ON is checked with MiniLM (a few ms for a sentence or two). A longer reply is judged
# by the static floor alone: its words are enough to place it, and MiniLM over it would cost 50-150 ms.
OFF_TOPIC_FLOOR = 0.12
CHECKED_WORDS = 40  # replies up to this many words are checked with MiniLM when unclear
CLEARLY_ON = 0.15  # static cosine at or above which a reply is on topic without asking MiniLM
STATIC_FLOOR = -0.05  # without MiniLM, the static cosine under which a reply is about something else
# A short reply that goes on with the story sits close to the answer it follows or to the questions; one about another
# subject sits far from both even when it shares a word or two with them ("the team", "a talk"). Off topic when its
# MiniLM cosine with the earlier answer plus its best with the two questions is under APART (labelled replies that
# give something: 0.58 and up; replies about something else: 0.30-0.51).
APART = 0.55
# Open probes (why, what could fail, what it cost) are answered in words no cue list holds: a specific reply of some
# length whose meaning sits this close to the follow-up question gives what it asked (static cosine; 0.45 was
# MiniLM's).
ON_THE_ASK = 0.30
# A probe for a missing signal names what it wants in its own words ("how do you keep a document from a user who may
# not see it?"): a specific reply close to it in meaning gives it, in words the question's signal list may not share.
OPEN_PROBES = ("failure_modes", "tradeoffs", "rationale", "requirements", "scale", "quantified_result", "signal")
SUBSTANTIAL_WORDS = 40
# Probes for a part of the answer's form, which a reply gives or not whatever its words (_closes checks the part).
# The scene before the work and a lived example are parts of the form too: "the repo had no shared style and reviews
# dragged" gives the situation asked for in words neither question uses.
GIVEN_BY_FORM = ("ownership", "action", "result", "quantified_result", "situation", "example")
# Probes for a part of the story an earlier text can already hold as it stands (the things named, the steps, the
# case, the candidate's part): a follow-up asking again for one is answered by pointing back to it (chain.points_back).
# A why, a price or a number asked for is not in words the reply can point back to unless it gives them again.
RESTATABLE = ("specificity", "signal", "example", "action", "ownership", "situation", "task")
# Topical words a reply shares with the answer it follows to go on with it: one is often a common verb ("kept").
SHARED_WITH_EARLIER = 2
MEASURED_WORDS = 12  # a reply this long with a figure in it says what it measured, not only the figure
# A reply under this many words gives the thing asked and nothing around it (how it was known, why, what followed):
# it closes the gap, and a sharp interviewer writes 4, not 5 (labelled closing replies of 7-29 words: none needs a 5).
SHORT_REPLY = 30
# After a weak first answer (its score at most WEAK_FIRST) a follow-up asks for what that answer lacked. A reply that
# gives it closes the gap at 4; a 5 needs a full account on its own, told in at least FULL_ACCOUNT sentences (the
# labelled 5s after a weak answer tell four to seven; the labelled 3-4s one to three).
WEAK_FIRST = 3
FULL_ACCOUNT = 4
# Parts of an answer a reply shows by a cue of its own (features.CUE_NAMES, scale, example), reported as evidence.
SHOWN_BY_CUE = ("tradeoffs", "requirements", "failure_modes", "rationale", "scale", "example")
# A short reply that declines the follow-up ("I'd rather not say", "I can't share that") gives nothing of what it asked.
DECLINES = re.compile(
    r"\b(?:(?:I'd|I would) (?:rather|prefer) not|(?:I'd|I would) prefer to (?:skip|not)|"
    r"(?:I )?(?:can't|cannot|won't) (?:say|share|go into|discuss|talk about)\b(?! (?:exactly|precisely)))",
    re.IGNORECASE,
)
DECLINE_WORDS = 12
# Cue lists (pattern, an example it must match; tests/test_critic_follow_up.py checks every example).
# Unsure of the very thing the follow-up asked: the reply gives part of it at most.
UNSURE_CUES: tuple[tuple[str, str], ...] = (
    (r"I(?:'d| would) (?:have|need) to (?:check|look|ask|confirm)", "The quota I would need to confirm."),
    (r"probably", "Probably the second shard, from memory."),
    (r"I (?:think|guess|believe)", "I think it was around ten minutes."),
    (r"(?:I'm |I am )?not (?:sure|certain)", "Not sure how the cache handled it."),
    (
        r"I (?:did not|didn't|never) (?:really |fully )?(?:get|got|understand|understood)",
        "I never fully understood the tuning.",
    ),
    (r"I (?:don't|do not) (?:really )?(?:know|remember|recall)", "I don't remember the final figure."),
)
# Hands the asked thing to the group, to luck or to time, and leaves it there: gives nothing of what was asked.
EVASIVE_CUES: tuple[tuple[str, str], ...] = (
    (r"(?:a|was a) (?:team|group|joint|collective) effort", "Honestly it was a team effort all the way."),
    (
        r"(?:a|was a) (?:collaborative|joint|collective|shared) (?:thing|decision|process|call)",
        "In the end it was a joint decision.",
    ),
    (r"(?:kept|keep|keeping) (?:an eye|watch|tabs) on\b", "For a month we kept tabs on the rollout."),
    (
        r"(?:it|things|everything) (?:was|were|turned out|seemed) (?:just |basically )?(?:fine|ok|okay|alright)",
        "After launch everything turned out basically fine.",
    ),
    (r"happened (?:naturally|on its own|by itself|organically)", "In the end it happened naturally."),
    (r"(?:we|I|everyone|everybody) (?:just |simply )?moved on", "After that we just moved on."),
    (r"(?:everyone|everybody) (?:saw|agreed|knew|realised|realized)", "Eventually everybody saw it my way."),
    (r"(?:it|things) (?:all )?(?:just )?worked (?:itself |themselves )?out", "Things just worked themselves out."),
    (r"(?:good|great|valuable) learning experience", "It was a great learning experience overall."),
    (r"(?:was|a) learning (?:moment|opportunity)", "It was a learning moment for the whole team."),
    # Hands it to circumstances: whatever was asked, the answer is that it varies.
    (
        r"it (?:\w+ )?depends\b(?! on (?:whether|how|the (?:\w+ )?(?:size|volume|load|latency|budget)))",
        "Honestly it all depends on the situation.",
    ),
)

# What a choice cost, said without the words of a trade-off: "what did you give up?" is answered by the price paid.
COST_CUES: tuple[tuple[str, str], ...] = (
    (r"(?:costs?|takes?|uses?|needs?|eats?) (?:us |me |them |someone |somebody |a person )?"
     r"(?:a|an|one|two|three|a few|several|\d+(?:\.\d+)?) (?:hours?|days?|weeks?|months?|sprints?|engineers?|people|"
     r"(?:giga|mega|tera)bytes?|[GMT]B|GPUs?|servers?|machines?|dollars?)",
     "Labelling takes a few days of an analyst's time."),
    (r"(?:goes|go|went|gets|get|got|grows?|grew|falls?|fell) (?:stale|out of date|behind)|ages\b",
     "The fixed list goes stale as the catalogue changes."),
    (r"(?:we|I) (?:lost|lose|gave up|give up|had to accept|accepted|paid|pay)\b", "We gave up same-day updates."),
    # Time added to every run or request, or part of a gain handed back: the price in what it cost.
    (r"(?:added|adds|add) (?:about |around |roughly |nearly |up to |an extra )?(?:\d+(?:\.\d+)?|a|an|one|two|three|"
     r"four|five|ten|a few|several) (?:extra )?(?:ms|milliseconds?|seconds?|minutes?|hours?|days?)",
     "The extra check added about 40 ms to each call."),
    (r"(?:gave|give|gives|giving) back",
     "Keeping a spare node gave back part of the saving."),
    (r"(?:slower|more expensive|harder to|less flexible|more work|extra work|more complex|overhead)",
     "Builds got slower by a minute or so."),
)


def _compiled(cues: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(p for p, _ in cues) + r")\b", re.IGNORECASE)


# An impression where a measure or a sign was asked: how it felt or seemed, not what was seen or counted.
# Asked what comes before the design, going to the people it is for and asking how they work ("a week with each
# team: how often they ship, what broke last time") gathers the requirements in words no requirements cue holds.
GATHERS_CUES: tuple[tuple[str, str], ...] = (
    (
        r"(?:spend|sit|talk|meet|interview|ask|survey|shadow|visit)\w*\b[^.;!?]{0,40}?\b(?:with|to)?\s*"
        r"(?:each|every|all|the|those|our)\s+(?:\w+\s+)?(?:teams?|users?|customers?|clients?|stakeholders?)\b"
        r"[^.;!?]{0,40}?\b(?:how|what|which|where|when|why)\b",
        "I'd sit down with each of the three teams: how they release today and what hurts.",
    ),
)
IMPRESSION = re.compile(
    r"\b(?:a (?:gut )?feeling|a sense|an impression|my impression|(?:it|they|people|everyone|everybody|folks|"
    r"the teams?|the groups?) (?:seem(?:s|ed)?|fe(?:el|els|lt)|look(?:s|ed)?|appear(?:s|ed)?)\b)",
    re.IGNORECASE,
)
# A follow-up asking which thing the candidate did: "what/which <a noun or two> did you <verb>" ("what cadence did
# you put in place?"), not "what did you do?" (a step) nor "what exactly did you ...".
ASKS_WHAT_YOU_DID = re.compile(
    r"\b(?:what|which) (?!(?:did|do|would|will|was|is|were|are|exactly|else|then)\b)(?:\w+ ){1,3}"
    r"(?:did|would|will|do) you \w+",
    re.IGNORECASE,
)
PERSON = re.compile(r"\b(?:I|we|they|he|she|you)\b", re.IGNORECASE)  # a reply with a clause of someone's own
MEASURE_PROBES = ("quantified_result", "result")  # probes asking how it turned out: an impression is a vague answer
UNSURE = _compiled(UNSURE_CUES)
EVASIVE = _compiled(EVASIVE_CUES)
GATHERS = _compiled(GATHERS_CUES)
COST = _compiled(COST_CUES)
# What a follow-up can probe: one of the critic's gaps (each has its line in the phrase table), or "none" for a depth
# follow-up on a complete answer.
PROBES: tuple[str, ...] = (*GAPS, "none")


def check_probe(probes: str) -> str:
    """`probes` when the critic knows it; a ValueError naming the known probes otherwise (an unknown one reached
    the phrase table as a KeyError, deep inside the critique)."""
    if probes not in PROBES:
        raise ValueError(f"unknown probe {probes!r}: a follow-up probes one of {', '.join(PROBES)}")
    return probes


def probed_signal(info: QuestionInfo, follow_up: str) -> int | None:
    """The question's signal a signal probe asks for: the one sharing most of its distinctive words (signals.py) with
    the follow-up question; None when it shares none with any."""
    if not info.signals:
        return None
    keys = signals.distinctive(info.signals, (*info.signals, *(x for g in info.other_signals for x in g)))
    asked = signals.word_roots(follow_up)
    shared = [len(k & asked) for k in keys]
    best = max(range(len(shared)), key=lambda i: shared[i])
    return best if shared[best] else None


def _gives_probed(info: QuestionInfo, follow_up: str, f: Features, text: str) -> bool:
    """A substantial, specific reply that names what the probed signal is about in one of its distinctive words
    ("how does the team estimate now?" answered with how estimates are split): static vectors place a reply that
    goes on with the story far from a signal's wording, but the thing asked for is named."""
    k = probed_signal(info, follow_up)
    if k is None or f.spec == "low" or len(words(text)) < SUBSTANTIAL_WORDS:
        return False
    keys = signals.distinctive(info.signals, (*info.signals, *(x for g in info.other_signals for x in g)))
    # The probe's own words that its signal uses count too ("your interview loop"), unless the main question already
    # has them: a reply going on with the story repeats those whatever it says.
    asked = (signals.word_roots(follow_up) & signals.word_roots(info.signals[k])) - signals.word_roots(info.text)
    return bool((keys[k] | asked) & frozenset().union(*(signals.word_roots(s.text) for s in f.sents)))


def _names_probed(info: QuestionInfo, follow_up: str, f: Features) -> bool:
    """The reply names the very signal the probe asked for (signals.py's check, not a brush against its words)."""
    k = probed_signal(info, follow_up)
    return k is not None and k < len(f.signals) and f.signals[k].named


def _names_listed(info: QuestionInfo, follow_up: str, f: Features) -> bool:
    """A sentence of the reply names, in a clause it does not deny, one of the instances the probed signal lists
    after "such as": all of that instance's rare words (signals.instances), in any inflection ("promoted" for "a
    promotion")."""
    return _listed_hit(info, follow_up, f) is not None


def _listed_hit(info: QuestionInfo, follow_up: str, f: Features) -> tuple[int, Sentence] | None:
    """The probed signal's index and the first sentence naming one of its listed instances (_names_listed)."""
    k = probed_signal(info, follow_up)
    if k is None:
        return None
    rare = signals.instances(info.signals[k], (*info.signals, *(x for g in info.other_signals for x in g)))
    # Each listed thing as a whole, by its rare words: "reviewing each other's designs" is not named by a reply
    # about pull requests too big to review.
    things = [r for r in (signals.lemma_roots(t) & rare for t in signal_words.listed(info.signals[k])) if r]
    said = (s for s in f.sents if any(r <= signals.lemma_roots(signal_words.affirmed_text(s.text)) for r in things))
    return next(((k, s) for s in said), None)


def _closes(probe: str, f: Features, info: QuestionInfo, text: str, follow_up: str = "") -> tuple[bool, bool]:
    """(closes the probed gap, gives part of it)."""
    flags = f.flags
    stepped = f.star.action is not None and pictured(f.star.action, f.metrics)
    # Brought back to the question: short replies are judged on what they share with it, not on rival questions.
    back_on_topic = (
        f.relevance.label != "off_topic"
        or shared_topic(info.text, text) >= 2
        or (f.shape == "motivation" and bool(MOTIVE.search(text)))
    )
    checks = {
        # "I was hands-on throughout and kept pushing" claims ownership without a step anyone could picture.
        # "We talked it through as a team" names no part of the candidate's own: not even partly.
        # A one-liner reads as unspecific by length alone; its own step naming a product or a figure ("I ran a
        # one-week benchmark of X against Y") gives the part asked for. "Hands-on throughout" names nothing.
        # A short reply dividing the work names the candidate's part without reading as specific ("the pricing model
        # was my call", no "I" at all; "I wrote the comparison"): own_part.py reads such a part directly.
        # "I was responsible for the relationship and helped where I could" claims a part and names none
        # (ownership.py reads such a claim as mixed): not even partly either.
        "ownership": ((f.own == "clear" and f.star.action is not None
                       and (f.spec != "low" or names_a_thing(f.star.action, f.metrics))) or names_own_part(text),
                      (f.own in ("clear", "mixed") and not _claim_only(f)) or names_own_part(text)),
        # A step closes an action probe when it is the candidate's own (or shared with "we" and "I") and something an
        # interviewer could picture: "I kept them informed as usual" or "we talked it through as a group" names a
        # step and gives nothing of what was asked.
        # Asked "what cadence did you put in place?", the reply may give the cadence and leave the follow-up's "you
        # put in place" unsaid ("a triage every Tuesday, a summary on Thursdays"): picturable, it is the step.
        "action": ((f.star.action is not None and f.own != "unclear" and (f.spec != "low" or stepped))
                   or _names_what_was_done(follow_up, f, text), False),
        "result": (f.star.result is not None or any(states_result(s, f.metrics) for s in f.sents), False),
        # A measure set against its baseline ("$0.40 now, against $1.10 before") is what "against what?" asks,
        # whether or not the metric reader linked the two figures (against.py).
        "quantified_result": (f.quantified or measured_against(text), f.star.result is not None or bool(f.metrics)),
        "situation": (f.star.situation is not None, False),
        "task": (f.star.task is not None, False),
        "specificity": (f.spec != "low", False),
        "example": (f.case is not None, False),
        "rationale": (not flags["no_reason"], False),
        # A price named in plain words ("labelling takes a few days", "the set goes stale") is what was given up.
        "tradeoffs": (not flags["no_tradeoffs"] or bool(COST.search(text)), not flags["no_reason"]),
        "failure_modes": (not flags["no_failure_modes"], False),
        "requirements": (not flags["no_requirements"] or bool(GATHERS.search(text)), False),
        "scale": (not flags["no_scale"], False),
        "level": (f.level.label == "at" and f.level.sentence is not None, False),
        # A generic reply brushes against a signal's words without showing it ("it was a good learning").
        # The very signal the probe asked for, named in a short list ("three: delivery data, attrition and
        # skip-levels"), is what was asked, however low a list's specificity reads.
        # So is one of the things the probed signal lists after "such as" ("a promotion": "she was promoted after
        # a year"): static vectors put such a reply far from the signal and its example, MiniLM near them.
        "signal": ((any(h.named for h in f.signals) and f.spec != "low") or _gives_probed(info, follow_up, f, text)
                   or _names_probed(info, follow_up, f) or _names_listed(info, follow_up, f), False),
        "relevance": (back_on_topic, False),
    }
    if probe in checks:
        return checks[probe]
    # A depth probe ("none"): something concrete beyond the first answer. A step of the candidate's own that a
    # reader could picture ("I'd start the evidence log a cycle earlier") is that at any length: what they would do
    # differently, the decision they made. Specificity alone reads a one-sentence reply as generic.
    concrete = f.spec != "low" and (not flags["no_reason"] or not flags["no_tradeoffs"] or bool(f.metrics)
                                    or f.case is not None)  # fmt: skip
    own_step = any(i_action(s.text) and pictured(s, f.metrics) for s in f.sents)
    return concrete or own_step, f.spec != "low"


def _names_what_was_done(follow_up: str, f: Features, text: str) -> bool:
    """The follow-up asks which thing the candidate did ("what cadence did you put in place?") and the reply names it
    in particulars an interviewer could picture (a day, a length, who is in the room), without a clause of its own:
    no step, no one said to do it. "Regular check-ins and better communication" names nothing particular."""
    return (bool(ASKS_WHAT_YOU_DID.search(follow_up)) and f.spec != "low" and f.star.action is None
            and not PERSON.search(text) and any(pictured(s, f.metrics) for s in f.sents))  # fmt: skip


def _claim_only(f: Features) -> bool:
    """The reply's only first-person sentence about its part is a claim of involvement that says nothing done ("I
    was involved", "I helped"): ownership.py shows that claim as the sentence of its ownership."""
    return f.own_sent is not None and bool(_VAGUE_CLAIM.search(f.own_sent.text))


def _on_the_subject(info: QuestionInfo, f: Features, text: str, earlier: str = "") -> bool:
    """The reply uses a distinctive word of the asked question or its signals (lexical.py: "compared", "decision"),
    reports a measured change (a figure from one value to another, by how much it moved, or against its baseline:
    against.py), or goes on with the answer it follows, sharing topical words with it ("the repos", "the reviews":
    relevance.shared_topic)."""
    # A figure set against its baseline is a measured change however the metric reader took its two figures
    changed = measured_against(text) or any(
        m.role == "outcome" and (m.baseline is not None or m.phase == "delta") for m in f.metrics)  # fmt: skip
    goes_on = bool(earlier.strip()) and shared_topic(earlier, text) >= SHARED_WITH_EARLIER
    return changed or goes_on or lexical.fits(info, text)[0] > 0


def _fits(sem: Semantic, sent_vecs: np.ndarray | None, follow_up: str, question: str) -> list[float] | None:
    """Cosine of the answer (the mean of its sentence vectors) with the follow-up and the main question; None
    without an embedding model."""
    if sent_vecs is None or not len(sent_vecs):
        return None
    asked = sem.vectors([follow_up])
    main = sem.fixed([question])
    if asked is None or main is None:
        return None
    answer = sent_vecs.mean(axis=0)
    answer = answer / max(float(np.linalg.norm(answer)), 1e-9)
    return [float(asked[0] @ answer), float(main[0] @ answer)]


def _about_else(sem: Semantic, f: Features, fits: list[float], follow_up: str, question: str,
                earlier: str = "") -> bool:  # fmt: skip
    """The reply is about something else: its meaning is far from both questions, or (a short reply, with the
    answer it follows known) far from that answer and not near either question. Static vectors decide the clear
    cases; an unclear one is checked with MiniLM (OFF_TOPIC_FLOOR says why)."""
    if sem is not semantic():  # a model given by the caller (MiniLM, or the hashing one in tests) decides alone
        return max(fits) < OFF_TOPIC_FLOOR
    short = sum(len(words(s.text)) for s in f.sents) <= CHECKED_WORDS
    if max(fits) >= CLEARLY_ON and not (short and earlier.strip()):
        return False
    if not short:
        return max(fits) < STATIC_FLOOR
    exact = semantic("minilm")
    vecs = exact.vectors([s.text for s in f.sents[:MAX_SENTENCES]])
    sure = _fits(exact, vecs, follow_up, question)
    if sure is None:
        return max(fits) < STATIC_FLOOR
    if max(sure) < OFF_TOPIC_FLOOR and max(fits) < CLEARLY_ON:
        return True
    before = exact.vectors([s.text for s in sentences(earlier)[:MAX_SENTENCES]]) if earlier.strip() else None
    if vecs is None or before is None or not len(before):
        return False
    reply, told = vecs.mean(axis=0), before.mean(axis=0)
    apart = float(reply @ told) / max(float(np.linalg.norm(reply) * np.linalg.norm(told)), 1e-9)
    return apart + max(sure) < APART


def _reply_drift(text: str, f: Features, stories: Sequence[Story], earlier: str) -> list[StoryNote]:
    """Contradictions between the reply's figures and the candidate's own story that the answer and the reply tell
    (found over both texts: a reply alone is often too short to recognise the story)."""
    if not stories or not f.metrics:
        return []
    k = told_index(f"{earlier} {text}", stories)
    if k is None or is_sample(stories[k].source):
        return []
    return [n for n in drift_notes(text, f.metrics, stories[k]) if n.kind == "contradiction"]


def critique_follow_up(
    info: QuestionInfo, follow_up: str, probes: str, answer: str, stories: Sequence[Story] = (),
    sem: Semantic | None = None, earlier: str = "", previous: str = "", first_score: int | None = None,
) -> Critique:  # fmt: skip
    """Judge `answer` as a reply to `follow_up` (which probed `probes`) about the main question `info`; `earlier` is
    the answer the follow-up was asked about (a reply far from it and from both questions is off topic); `previous`
    is the chain's previous reply, for a second or third follow-up (a reply that repeats it closes nothing, one that
    changes its figures is a correction: chain.py); `first_score` is the score of that first answer, when known (a
    reply filling a weak answer's gap is judged by _full_marks). An unknown `probes` is a ValueError (check_probe)."""
    check_probe(probes)
    sem = sem or semantic()
    phr = load_yaml("critic_phrases.yaml")
    applies = [probes] if probes != "none" else ["specificity"]
    typed, _ = clip(answer or "")
    verdict = detect(f"{info.text} {follow_up}", first_person(typed), "technical")
    # A reply continues the earlier answer in its own words ("the calibration step", "their namespace") and may
    # share none with the questions: the word check alone cannot call it off topic; the meaning check below can.
    word_off_topic = verdict.reason == "off_topic" and not verdict.injection
    # Asked which figure holds, a reply that says so is complete at any length (which_holds.py): "12 is right" is
    # neither a non-answer nor about something else.
    settled = which_holds.settles(follow_up, typed) and not verdict.injection
    if (verdict.reason is not None and not word_off_topic and not settled) or verdict.injection:
        reason = verdict.reason or "injection"
        return non_answer(info.type, reason, [], applies).model_copy(update={"closes_gap": False, "probes": probes})  # type: ignore[arg-type]
    if len(words(typed)) < DECLINE_WORDS and DECLINES.search(typed):
        return non_answer(info.type, "declined", [], applies).model_copy(update={"closes_gap": False, "probes": probes})  # type: ignore[arg-type]
    # A reply continues the first answer: beside the pack's other questions it often reads like one of them (a reply on
    # how quality was checked sits close to the pack's evaluation question), which says nothing about whether it
    # answers the probe. Rivals judge only a reply to a relevance probe (was the candidate brought back?); any reply's
    # meaning is still checked against both questions below (_about_else).
    judged = info if probes == "relevance" else dataclasses.replace(info, in_pack=False)
    # Only a signal or relevance probe reads how the reply fits the question (its signals, its subject).
    f = compute(judged, verdict.text, sem, fit=probes in ("signal", "relevance"))
    if probes not in ("signal", "relevance"):
        f.signals = shown_signals(judged, f, sem)
    fits = _fits(sem, f.sent_vecs, follow_up, info.text)
    # A reply answering another question (another story of the notes, another subject): another_story.py.
    elsewhere = probes != "relevance" and answers_another(info, follow_up, verdict.text, sem, earlier, stories)
    closes, partly = _closes(probes, f, info, verdict.text, follow_up)
    # A short reply that gives exactly what a probe for the answer's form asked (the candidate's own steps, the result,
    # its numbers) about the question's subject is judged against that probe, not by how far its meaning sits from the
    # earlier answer: an exact reply names what that answer only alluded to ("the vector store" -> the two products
    # compared), so static vectors and MiniLM put it far from both texts. Another story (answers_another) or an aside
    # with none of the question's words and no measured change (a holiday, a family event) is still off topic.
    # A depth follow-up on a complete answer ("what did you measure, and against what?") is answered the same way: a
    # short reply with the measure and its baseline names what the answer only summed up, far from both texts.
    # So is a price named in plain words for "what did you give up?" ("a warm spare kept, at $2k a month").
    priced = probes == "tradeoffs" and bool(COST.search(verdict.text))
    given = closes and (probes in (*GIVEN_BY_FORM, "none") or priced) and (
        len(words(verdict.text)) <= CHECKED_WORDS and _on_the_subject(info, f, verdict.text, earlier))  # fmt: skip
    # A follow-up that lists its points is answered point by point (listed.py): a clause for each is what it asked,
    # however far the reply's words sit from the follow-up's.
    point_by_point = bool(listed_points(follow_up)) and not elsewhere and supplies_all(follow_up, verdict.text)
    # Pointing back to what the answer or the previous reply named, and naming it again, is about what they were about
    # however far its few words sit from both texts ("I just named three: ...": newcomer37 N7).
    pointed = probes in RESTATABLE and chain.points_back(verdict.text, f"{earlier} {previous}")
    given = given or point_by_point or settled or pointed
    # An impression offered for a measure or a sign ("a feeling from our talks; the teams seemed more aligned") names
    # nothing and measures nothing, so its meaning sits far from everything; on the question's subject it is a vague
    # answer to what was asked, scored as one below, not a reply about something else. Asked for a measure or an
    # outcome, an impression is that answer given vaguely ("folks look less stressed") whatever words it uses.
    vague = not elsewhere and not f.metrics and bool(IMPRESSION.search(verdict.text)) and (
        probes in MEASURE_PROBES or _on_the_subject(info, f, verdict.text, earlier))  # fmt: skip
    if elsewhere or (fits is None and word_off_topic and not given and not vague) or (
            fits is not None and not given and not vague
            and _about_else(sem, f, fits, follow_up, info.text, earlier)):  # fmt: skip
        # "It depends" with nothing named sits far from everything, but it evades the question rather than leaving
        # it: the README calls it evasive, and "off topic" would send the candidate looking for another subject (N14).
        dodged = not elsewhere and bool(EVASIVE.search(verdict.text)) and not any(
            names_a_thing(s, f.metrics) for s in f.sents)  # fmt: skip
        crit = non_answer(info.type, "evasive" if dodged else "off_topic", [], applies)  # type: ignore[arg-type]
        return crit.model_copy(update={"closes_gap": False, "probes": probes})
    closes, partly = _closes(probes, f, info, verdict.text, follow_up)
    closes = closes or settled or point_by_point
    listed = _listed_hit(info, follow_up, f) if probes == "signal" else None
    if listed is not None and listed[0] < len(f.signals) and not f.signals[listed[0]].covered:
        # The signal the reply names by its listed instance is shown, as the reply closing its probe says.
        k, sent = listed
        f.signals[k] = signals.SignalHit(f.signals[k].signal, True, sent)
    n_words = len(words(verdict.text))
    # Generalities ("there are always trade-offs", "we communicated more") carry a probe's words without giving
    # anything it asked for: nothing particular is said, so nothing is closed (generic.py). A price paid is particular:
    # it is what a trade-off probe asks for.
    empty = says_nothing(f.sents, f.metrics) and not (probes == "tradeoffs" and COST.search(verdict.text))
    if empty and not settled:
        closes = False
    # Close in meaning to the probe, or specific throughout (high specificity: named things and figures) or with a
    # measured outcome: static vectors put a reply that reports a metric moving far from "how did you realise it
    # wasn't working?".
    measured_change = any(m.role == "outcome" for m in f.metrics)
    if (not closes and not empty and probes in OPEN_PROBES and fits is not None
            and (fits[0] >= ON_THE_ASK or f.spec == "high" or measured_change)
            and f.spec != "low" and n_words >= SUBSTANTIAL_WORDS
            and (probes != "quantified_result" or bool(f.metrics))):  # fmt: skip
        closes = True
    # Brought back to the question, a reply showing its signals is back on it however it hedges ("I believe my story
    # did answer it: ..."): the hedge is about the first answer, not about what this reply gives (newcomer trial N19).
    back_with_signals = probes == "relevance" and f.spec != "low" and any(h.covered for h in f.signals)
    if closes and UNSURE.search(verdict.text) and not back_with_signals:
        closes, partly = False, True
    # A reply that answers with an evasion ("a learning moment for all of us") and names nothing an interviewer could
    # check (no figure, no name) has not given what was asked, however it reads as a result or a step.
    if closes and EVASIVE.search(verdict.text) and not any(names_a_thing(s, f.metrics) for s in f.sents):
        closes = False
    # Said again after the previous follow-up: nothing of what this one asked is given (a correction is judged on what
    # it now says, and told it was seen).
    told = chain.relation(verdict.text, previous)
    if told is None and chain.restates_answer(verdict.text, earlier):
        # Or said again what the main answer said, instead of what this follow-up asked (chain.py).
        told = chain.Relation("restatement")
    # Asked for a signal the candidate had already named, naming it again is the answer ("I just named three: ..."):
    # the follow-up asked again, not the reply. So is any ask the reply shows was already answered, by saying so and
    # giving it again in the words it was given in ("I named both: the nightly retry and the alert": chain.points_back).
    again = (probes == "signal" and _names_probed(info, follow_up, f)) or pointed
    repeated = told is not None and told.kind in ("repeat", "restatement") and not settled and not again
    # What the candidate hears: the follow-up asked again (not "it adds nothing"); a correction is still one.
    if (pointed and (told is None or told.kind != "correction")) or (again and repeated_kind(told)):
        told = chain.Relation("asked_again")
    if repeated:
        closes, partly = False, False
    if pointed and not settled:
        closes, partly = True, True
    if closes:
        # A reply is judged at a reply's length: one sentence with a measure or a concrete detail (a name, a
        # figure, a picturable step) closes the gap as well as a paragraph does.
        measured = bool(f.metrics) and n_words >= MEASURED_WORDS
        detailed = any(pictured(s, f.metrics) for s in f.sents)
        score = 5 if f.spec == "high" or (f.spec == "medium" and n_words >= 25) or measured else (
            4 if f.spec == "medium" or detailed else 3)
        # Settling which figure holds answers the check in full, however short; it was still a slip to correct.
        score = 4 if settled else score
        score = score if _full_marks(n_words, len(f.sents), first_score) else min(score, 4)
    else:
        # A vague reply is still a reply (2-3); nothing, a dodge, a few words or an evasion score 1.
        evasive = bool(EVASIVE.search(verdict.text)) and not partly
        # A few words naming a particular of the story ("the deploy scripts went first because they hurt most") give
        # part of it, as a longer reply would: 2. A few words of generalities give nothing: 1.
        said = n_words >= 12 or not empty
        score = 3 if partly and f.spec != "low" else 2 if partly or (said and not evasive) else 1
        score = min(score, 2) if repeated else score
    gap = [] if score == 5 else [probes if not closes and probes != "none" else "specificity"]
    # A reply that closes its gap with named things and figures throughout is held under 5 by its length, not by
    # vagueness: "be more specific" would be untrue of it (newcomer trial N12); _gap_line says what a 5 needs.
    # Its key: what the line asks for, the why and what followed around a brief reply, the scene a whole account
    # opens with after a weak first answer.
    # So is one that gives a measure against its baseline, or what the follow-up asked again, pointed back to.
    held_short = closes and score < 5 and not settled and (
        f.spec == "high" or pointed or (probes == "quantified_result" and measured_against(verdict.text)))
    gap = [("rationale" if n_words < SHORT_REPLY else "situation")] if held_short else gap
    gap = ["quantified_result"] if settled and closes else gap
    drift = _reply_drift(verdict.text, f, stories, earlier)
    if which_holds.asks_which(follow_up):
        # The figure the follow-up asked about is the candidate's to settle: choosing their own over the notes is an
        # answer, not the same contradiction again.
        drift = [n for n in drift if not which_holds.gives_a_figure(follow_up, n.said_value or n.answer_text)]
    if drift:
        # A figure of the reply that contradicts the candidate's own notes costs a point, as in a first answer, and
        # is what to fix first.
        score, gap = max(1, score - 1), ["quantified_result", *(g for g in gap if g != "quantified_result")]
    # "It depends" naming nothing, scored 1: the README calls it evasive, and "be more specific" would not say why.
    dodge = score == 1 and not closes and not partly and bool(EVASIVE.search(verdict.text)) and not any(
        names_a_thing(s, f.metrics) for s in f.sents)  # fmt: skip
    evidence = [Evidence(field=probes, span=_span_of(s, typed)) for s in [_carries(probes, f)] if closes and s]
    # What else the reply gives, whatever was asked (its scale, failure handling, a trade-off, a reason): the next
    # follow-up must not ask for it again (nodes/critique._shown_in_reply). Nothing from a reply that says nothing.
    evidence += [Evidence(field=name, span=Span(start=s.start, end=s.end, text=typed[s.start : s.end]))
                 for name, s in f.cues.items() if name in SHOWN_BY_CUE and name != probes and not empty]  # fmt: skip
    evidence += _price_paid(f, typed, probes, empty)
    return Critique(
        question_type=info.type, star=StarFlags(**{p: getattr(f.star, p) is not None for p in StarFlags.model_fields}),  # type: ignore[arg-type]
        quantified_result=f.quantified, metrics=f.metrics, ownership=f.own, specificity=f.spec,  # type: ignore[arg-type]
        applies=applies, weak_or_missing=gap,  # type: ignore[arg-type]
        gap=drift[0].message if drift else phr["non_answer_notes"]["evasive"] if dodge else (
            _held_short_line(phr, n_words) if held_short else _gap_line(phr, gap, follow_up, closes)),
        story_notes=drift,
        score=score, evidence=evidence, closes_gap=closes, probes=probes, non_answer=score == 1 and not closes,
        signals=_signals(f, typed),  # the question's signals it shows (judged only for a signal or relevance probe)
        notes=[*_chain_notes(phr, told), *([] if closes else [phr["follow_up_open"]])],
    )  # fmt: skip


def _full_marks(n_words: int, n_sentences: int, first_score: int | None) -> bool:
    """Whether a reply that closes its gap can score 5: not a reply of a sentence or two (SHORT_REPLY), nor, after a
    weak first answer, a reply that gives only the missing piece rather than a full account (FULL_ACCOUNT). The
    reply is still judged on its own text: the first answer sets how much a complete reply has to carry."""
    if n_words < SHORT_REPLY:
        return False
    return first_score is None or first_score > WEAK_FIRST or n_sentences >= FULL_ACCOUNT


def _gap_line(phr: dict[str, Any], gap: list[str], follow_up: str, closes: bool) -> str:
    """The gap as the candidate reads it: a check of which figure holds asks that again while open, or says it is
    settled, not for a number on the outcome (the probe such a follow-up carries)."""
    if not gap:
        return ""
    if gap[0] == "quantified_result" and which_holds.asks_which(follow_up):
        return str(phr["which_holds"]["closed" if closes else "open"])
    return str(phr["gaps"][gap[0]])


def _held_short_line(phr: dict[str, Any], n_words: int) -> str:
    """What a closing, specific reply held at 4 lacks: the context around the thing asked (a reply of a sentence or
    two), or the whole account after a weak first answer (_full_marks)."""
    return str(phr["follow_up_short"]["brief" if n_words < SHORT_REPLY else "piece"])


def _price_paid(f: Features, typed: str, probes: str, empty: bool) -> list[Evidence]:
    """A price paid in plain words (COST: "we gave up same-day updates") is a trade-off the reply gives, whatever was
    asked: the next follow-up must not ask for the trade-offs just named (newcomer trial N11)."""
    if probes == "tradeoffs" or empty or "tradeoffs" in f.cues:
        return []
    hit = next((s for s in f.sents if COST.search(s.text)), None)
    return [] if hit is None else [Evidence(field="tradeoffs", span=_span_of(hit, typed))]


# A sentence this short opens a reply ("Sorry, yes.", "Two main ones.") rather than carrying what it gives.
OPENER_WORDS = 4


def _carries(probe: str, f: Features) -> Sentence | None:
    """The sentence of a closing reply to quote for what its follow-up probed: the one the critic found it in (the
    probe's cue, the step, the result, the measured outcome, the sentence nearest the question), else the first that
    says something. The first sentence alone quoted an opener as the evidence (newcomer trial N18)."""
    found: dict[str, Sentence | None] = {
        **f.cues, "action": f.star.action, "ownership": f.own_sent or f.star.action, "result": f.star.result,
        "situation": f.star.situation, "task": f.star.task, "example": f.case, "level": f.level.sentence,
        "quantified_result": next((s for s in f.sents for m in f.metrics if m.role == "outcome"
                                   and s.start <= m.start < s.end), None),
    }  # fmt: skip
    best = f.relevance.best_sentence
    if probe in ("relevance", "signal") and best is not None and best < len(f.sents):
        found[probe] = f.sents[best]
    said = [s for s in f.sents if len(words(s.text)) > OPENER_WORDS]
    return found.get(probe) or next(iter(said or f.sents), None)


def _span_of(s: Any, typed: str) -> Span:
    return Span(start=s.start, end=s.end, text=typed[s.start : s.end])


def repeated_kind(told: chain.Relation | None) -> bool:
    """The reply says again what the previous reply or the answer said."""
    return told is not None and told.kind in ("repeat", "restatement")


def _chain_notes(phr: dict[str, Any], told: chain.Relation | None) -> list[str]:
    """What the candidate hears about the reply against their previous one: a repeat, a restatement of the answer,
    the follow-up asked again for what was given, or the figures corrected."""
    if told is None:
        return []
    if told.kind in ("repeat", "restatement", "asked_again"):
        return [phr["chain"][told.kind]]
    return [render(phr["chain"]["correction"], now=now, before=before) for now, before in told.changed[:1]]
