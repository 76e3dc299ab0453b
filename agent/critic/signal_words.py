"""What an answer's own words say of a signal: where a named thing is denied, which thing a signal asks to be
named, and plain cues for two signals static vectors miss.

Averaged word vectors see which words a sentence uses, not what it does with them: "we never had runbooks" is as
close to "Names runbooks for on-call" as "every service has a runbook", and "I planned canary releases but we
skipped them" shares the canary. So a sentence whose only words of a signal sit where they are denied (after "not",
"never", "no", "nothing", "without", "instead of", or in a plan or a talk dropped with "but") does not show it
(negated); a signal so denied is what the candidate says was not done (signals.SignalHit.denied_by).

A technical question's signal that asks for a thing by its name ("Names runbooks for on-call", "Uses a schema to
constrain the output, such as JSON schema mode or function calling") is shown by a sentence that names the thing or
one of its listed instances, and only by such a sentence (things): "tell the model to return JSON" is close in
meaning to the schema signal and names no schema; "SLOs with an error budget" names SLOs whatever its cosine. An
instance's rarest word names it ("a canary on one replica" for "canary releases"), with the thing's own word when the
instance repeats it ("JSON schema mode" is a schema: "JSON" alone is not).

Three signals are told in words static vectors put far from them: what the candidate does differently since (a
later "since then we ..." sentence), a compromise both sides agreed on ("the hybrid we landed on") and their own
idea pushed for ("I pushed for ..."); CUES tells them plainly.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Where a denial starts: the words after it, up to the end of the clause, are denied. "not only" denies nothing, nor
# does a quantity ("almost no positives"), an instruction given ("tells the model never to", "not to follow") or a
# thing kept and not needed ("we never needed the manual route": it was there). "Instead of" and "rather than" name
# the option not taken beside the one that was, and stay read.
_DENIAL = re.compile(
    r"(?<!almost )(?<!nearly )(?<!little or )(?<!next to )(?<!\bto )"
    r"\b(?:not(?! only| to\b)|never|no(?! longer| more| matter| doubt)|without|nor|neither|nothing)\b"
    r"(?!\s+(?:\w+\s+)?(?:needed|had to|have to|has to)\b)|n't\b(?!\s+(?:\w+\s+)?(?:need|needed|have to)\b)|"
    # a plan of the candidate's dropped in the same sentence: "we meant to add canaries, but ..."
    r"\b(?:(?:planned|meant|intended|hoped|(?:was|were) going)(?: to)?|talked about|talk of)\b"
    r"(?=[^.;:!?]*\bbut\b)",
    re.IGNORECASE,
)
# Where a denied clause ends: a sentence stop, a colon, semicolon, bracket or dash, a clause joined by a contrast
# or a cause, a new subject ("no runbooks we could trust" ends at "we"), or a comma opening a new clause ("..., and
# we ..."); a comma inside a list ("no SLOs, runbooks or canaries") goes on.
_CLAUSE_END = re.compile(
    r"[.;:!?()]|\s[-\u2013\u2014]\s|\u2014|,\s*(?:and|but|so|then|which|I|we|they|she|he|it|the|this|that|our|my)\b|"
    r"\s(?:I|we|she|he|they)\s|"
    r"\b(?:but|so|because|whereas|although|though|while|until|yet)\b",
    re.IGNORECASE,
)
# A signal that itself asks for a denial ("says it does not know", "what did not go their way") is left alone.
_SIGNAL_DENIES = re.compile(r"\b(?:not|never|no|nobody|without|instead|rather)\b|n't\b", re.IGNORECASE)


def denied_parts(text: str) -> tuple[str, ...]:
    """The stretches of `text` a denial governs, each from the word after the denial to the end of its clause."""
    out = []
    for m in _DENIAL.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        out.append(text[m.end() : end.start() if end else len(text)])
    return tuple(out)


@lru_cache(maxsize=4096)
def affirmed_text(text: str) -> str:
    """`text` with every denied stretch blanked (same length, so offsets hold). Kept per sentence: signals.check
    reads every sentence of the answer once per signal set it is given (the asked question's and its rivals'), and
    the denial patterns are among the critic's costliest regex work (a string is immutable: the cached one is safe to
    share)."""
    if _DENIAL.search(text) is None:  # most sentences deny nothing: ~36 calls a turn, no copy needed
        return text
    chars = list(text)
    for m in _DENIAL.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        for i in range(m.start(), end.start() if end else len(text)):
            chars[i] = " "
    return "".join(chars)


# A signal that asks for the candidate's own part ("their own idea", "what they personally built") is not shown by a
# sentence that tells someone else doing it and never the candidate: "a colleague pushed for it" is theirs.
OWN_ASKED = re.compile(r"\btheir own (?:idea|decision|mistake)\b|\bthey personally\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself)\b")


_SOMEONE = re.compile(r"\b(?:colleague|teammate|co-?worker|peer|she|he|another (?:engineer|senior|lead))\b",
                      re.IGNORECASE)  # fmt: skip


def someone_elses(signal: str, text: str) -> bool:
    """The signal asks for the candidate's own part and the sentence tells someone else's (a colleague, "she"),
    never the candidate's."""
    return bool(OWN_ASKED.search(signal)) and not _FIRST_PERSON.search(text) and bool(_SOMEONE.search(text))


def signal_denies(signal: str) -> bool:
    """The signal itself asks for something denied, so a denial in the answer may be what it asks for."""
    return bool(_SIGNAL_DENIES.search(signal))


# A thing asked for by its name: "Names"/"Uses"/"Has", an optional article, then the thing, up to where the signal
# goes on to say what the thing is for or when it applies. Words that name no particular thing are left out.
THING_TYPES = frozenset({"technical", "system_design"})
_THING = re.compile(r"^(?:Names|Uses|Has)\s+(?:an?\s+|the\s+)?(?P<thing>.+?)(?=,?\s+(?:such as|for|when|with|between|"
                    r"that|as|to|so|at|on|because|and says|if|in|after|before|per|of)\b|$)")  # fmt: skip
_NOT_THINGS = re.compile(r"^(?:ways?|work|levers?|mechanisms?|something|what|how|where|who|which|one|at least|"
                         r"case|primary|specific|concrete|event|decision|change)\b", re.IGNORECASE)  # fmt: skip
_ALTERNATIVES = re.compile(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+")
_SUCH_AS = re.compile(r"\bsuch as\b(.*)$", re.IGNORECASE | re.DOTALL)


def thing(signal: str, question_type: str) -> tuple[str, ...]:
    """The names of the thing a technical question's signal asks for, one per alternative ("SLOs", "alerts";
    "testing", "safe rollout"); () when the signal asks for something else (a description, a reason)."""
    m = _THING.match(signal) if question_type in THING_TYPES else None
    if m is None or _NOT_THINGS.match(m.group("thing")) or signal_denies(signal):
        return ()
    return tuple(p for p in _ALTERNATIVES.split(m.group("thing")) if p.strip())


def listed(signal: str) -> tuple[str, ...]:
    """The instances a signal lists after "such as", one per alternative ("tests in CI", "canary releases")."""
    m = _SUCH_AS.search(signal)
    if m is None:
        return ()
    return tuple(p.strip() for p in _ALTERNATIVES.split(m.group(1).strip().rstrip(".")) if p.strip())


# A claim about a subject ("Says fine-tuning helps with format, style or latency"): the subject is what the
# question is about, so every answer names it; the claim is what the signal asks for.
_CLAIM = re.compile(r"^(?:Says|States|Explains) (?:that )?(?:the |an? )?(?P<subject>(?!what\b)[\w-]+(?: [\w-]+)?) "
                    r"(?:is|are|helps?|works|fits|can|cannot|does|do|makes|gives)\b")  # fmt: skip


def claim_subject(signal: str) -> str:
    """The subject a signal's claim is about ("fine-tuning"), or "" when it makes no claim about one."""
    m = _CLAIM.match(signal)
    return m.group("subject") if m else ""


# What the candidate does differently since: a sentence that tells how things run since the event. Not bare "now"
# ("now the team was stuck") nor "changed" ("the requirements changed").
SINCE_ASKED = re.compile(r"\bdifferently (?:since|now)\b|\bchange\b[^,]*\bsince\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\b(?:since then|ever since|from then on|these days|nowadays|to this day|(?:today|now),? (?:I|we|every|all|each|"
    r"any|no)|(?:I|we) (?:now|no longer)|the next time|since that \w+|after that,? (?:I|we) always)\b",
    re.IGNORECASE,
)
# An option both sides agreed on: the two parties settling on one plan, or a plan told as a middle way.
AGREED_ASKED = re.compile(r"\bboth (?:sides|managers|teams)\b|\bcompromise\b|\bagreed on\b", re.IGNORECASE)
_AGREED = re.compile(
    r"\b(?:(?:we|both of us|the two of us|(?:she|he|they) and I)\s+(?:finally\s+|eventually\s+|then\s+|both\s+|all\s+)?"
    r"(?:agreed|settled|landed|"
    r"converged|compromised)\b|(?:middle|halfway) (?:path|ground|option|way)|meet (?:in the middle|halfway)|"
    r"hybrid|compromise|split the difference|a joint (?:target|goal|plan|metric))",
    re.IGNORECASE,
)
# Their own idea that they pushed for: the candidate in the first person pushing, proposing or arguing for it.
PUSHED_ASKED = re.compile(r"\btheir own idea\b", re.IGNORECASE)
_PUSHED = re.compile(r"\bI (?:\w+ )?(?:pushed|argued|proposed|championed|lobbied|advocated|made the case)\b")
CUES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (SINCE_ASKED, _SINCE),
    (AGREED_ASKED, _AGREED),
    (PUSHED_ASKED, _PUSHED),
)


def cue(signal: str) -> re.Pattern[str] | None:
    """The plain cue that shows `signal` (CUES), or None."""
    return next((shows for asked, shows in CUES if asked.search(signal)), None)
