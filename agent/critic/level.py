"""Level: does the answer show the scope the role needs (the role pack's `level` section)?

A director asked about the org's worst incident who tells only the code fix they wrote is below the level; so is an
engineer who answers a hands-on technical question with management language. An answer is below when it shows
fewer of the role's scope cues than the pack asks for and at least one cue of the lower scope. The cue lists are
data in the role packs (knowledge/roles/*.yaml), each entry with an example sentence it must match. An engineer's
pack also lists cues for a slice of someone else's work (another person led it, the candidate was given a part):
both found is below the level, whatever technical words the part uses; and cues for a first-step technique where the
role asks for a mechanism (an instruction in the prompt, a single retry), below when they outnumber the scope cues.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.critic.text import Sentence
from knowledge.cue_patterns import search
from knowledge.models import LevelSpec
from prompts import load_yaml, render


@dataclass(frozen=True)
class LevelResult:
    """The verdict, the sentence that shows the scope (or the lower scope), and a note when below."""

    label: str  # "at" | "below"
    sentence: Sentence | None
    note: str = ""


def judge(spec: LevelSpec | None, question_type: str, sents: list[Sentence],
          disabled: frozenset[str] = frozenset()) -> LevelResult:  # fmt: skip
    """The level verdict; `disabled` names cue patterns left out (for the ablation run)."""
    if spec is None or question_type not in spec.applies_to:
        return LevelResult("at", None)
    # The cues are the role file's (the user's own): knowledge.cue_patterns runs each with a time bound.
    at_cues = [c.pattern for c in spec.at if c.pattern not in disabled]
    below_cues = [c.pattern for c in spec.below if c.pattern not in disabled]
    # A hard-wrapped answer breaks lines mid-phrase ("I then\nrebuilt the index"): cues read one-spaced text.
    flat = [" ".join(s.text.split()) for s in sents]
    if (part := _slice(spec, sents, flat, disabled)) is not None:
        note = render(load_yaml("critic_phrases.yaml")["level_note"], below=spec.slice_means, scope=spec.scope)
        return LevelResult("below", part, note)
    at_rows = [[search(cue, t) is not None for cue in at_cues] for t in flat]  # each cue matched once
    shown = [next(s for s, row in zip(sents, at_rows, strict=True) if row[k])
             for k in range(len(at_cues)) if any(row[k] for row in at_rows)]  # fmt: skip
    at_sents = sum(1 for row in at_rows if any(row))
    below_rows = [_mentions(below_cues, t) for t in flat]
    below_sents = [s for s, hits in zip(sents, below_rows, strict=True) if hits]
    # Mostly hands-on work with a passing mention of the wider scope is still told at the lower scope. Each lower-scope
    # mention counts, not each sentence: one long sentence listing a rewrite, a debugging session and lost weekends
    # holds as much hands-on work as three short ones.
    below_hits = sum(below_rows)
    mostly_below = below_hits >= 2 and below_hits >= at_sents
    if len(shown) >= spec.min_at and not mostly_below:
        return LevelResult("at", shown[0])
    below = below_sents[0] if below_sents else None
    if below is None:
        return _entry(spec, sents, flat, shown, disabled)
    phrases = load_yaml("critic_phrases.yaml")
    reason = phrases["level_below"].get(_deciding_kind(spec, flat[sents.index(below)], disabled), spec.below_means)
    note = render(phrases["level_note"], below=reason, scope=spec.scope)
    return LevelResult("below", below, note)


def _deciding_kind(spec: LevelSpec, text: str, disabled: frozenset[str]) -> str:
    """The kind of the lower-scope cue found first in `text` (the sentence the verdict quotes): "managed" for an
    answer told as the one being managed, "" for a cue of no kind (the pack's `below_means` then says it)."""
    found = [(m.start(), c.kind) for c in spec.below if c.pattern not in disabled
             if (m := search(c.pattern, text)) is not None]  # fmt: skip
    return min(found)[1] if found else ""


def _entry(spec: LevelSpec, sents: list[Sentence], flat: list[str], shown: list[Sentence],
           disabled: frozenset[str]) -> LevelResult:  # fmt: skip
    """An answer with no lower-scope cue whose technique is a first step (spec.entry: an instruction in the prompt,
    one retry, "it has been enough"): below when it names more first steps than the role's scope cues and fewer of
    those than the pack asks for. An answer that adds the mechanism ("schema mode, validated, then a queue") stays
    at the level, whatever first step it also names."""
    entry = [c.pattern for c in spec.entry if c.pattern not in disabled]
    hits = [_mentions(entry, t) for t in flat]
    if len(shown) >= spec.min_at or sum(hits) <= len(shown):
        return LevelResult("at", shown[0] if shown else None)
    first = next(s for s, n in zip(sents, hits, strict=True) if n)
    note = render(load_yaml("critic_phrases.yaml")["level_note"], below=spec.entry_means, scope=spec.scope)
    return LevelResult("below", first, note)


def _mentions(cues: list[str], text: str) -> int:
    """How many separate places of `text` the cues match: two cues read on the same words ("I profiled the jobs" is
    both a debugging verb and a rewrite of a job) are one mention, so the count follows what the answer tells."""
    return len({m.start() for cue in cues if (m := search(cue, text)) is not None})


def _slice(spec: LevelSpec, sents: list[Sentence], flat: list[str], disabled: frozenset[str]) -> Sentence | None:
    """The sentence giving the candidate's part, when the answer tells one part of work another person led
    (spec.led_by_other and spec.given_part both found): the role's scope is what they led, decided and evaluated, and
    the technical words of a given part do not show it. None otherwise."""
    led = [c.pattern for c in spec.led_by_other if c.pattern not in disabled]
    given = [c.pattern for c in spec.given_part if c.pattern not in disabled]
    if not led or not given or not any(search(cue, t) for t in flat for cue in led):
        return None
    return next((s for s, t in zip(sents, flat, strict=True) if any(search(cue, t) for cue in given)), None)
