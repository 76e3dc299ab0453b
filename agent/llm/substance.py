"""Reconcile the model's substance verdicts (relevance, level, signals) with the offline critic's.

One rule for all three: the model may take a verdict DOWN (off topic, below the level, a signal missing)
when it names the gap and says why; it may take a verdict UP only with words copied from the answer, which must
really be there. An unquoted claim leaves the offline verdict standing and adds a note saying so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from agent.critic.schema import Critique, Evidence, SignalCheck, Signals, Span
from agent.llm.output import AnswerReview

RELEVANCE_RANK = {"off_topic": 0, "partial": 1, "on_topic": 2}
LEVEL_RANK = {"below": 0, "at": 1}
MIN_QUOTE_CHARS = 12


def find_quote(answer: str, quote: str) -> Span | None:
    """Where `quote` occurs verbatim in the answer, whitespace- and case-normalised; None if it does not."""
    words = quote.strip().strip("\"'“”‘’").strip().rstrip(".…").split()
    if len(" ".join(words)) < MIN_QUOTE_CHARS:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), answer, re.IGNORECASE)
    if not match:
        return None
    return Span(start=match.start(), end=match.end(), text=match.group(0))


@dataclass
class Substance:
    """The reconciled verdicts, the spans that proved a raise, and the overrule notes (keys of llm_reconcile.yaml)."""

    relevance: str
    relevance_note: str
    level: str
    level_note: str
    signals: Signals
    evidence: list[Evidence] = field(default_factory=list)
    overruled: list[str] = field(default_factory=list)
    raised: set[str] = field(default_factory=set)  # relevance / level / signal verdicts a quote raised
    lowered: set[str] = field(default_factory=set)  # verdicts the model lowered with a reason


def _verdict(
    kind: str,
    rank: dict[str, int],
    offline: str,
    model: str,
    reason: str,
    quote: Span | None,
    out: Substance,
    named: bool = True,
) -> bool:
    """True when the model's verdict is accepted (same, lowered with a reason, or raised with a quote)."""
    if rank[model] < rank[offline]:
        # a reason, and the gap named among the model's gaps: a bare verdict with filler in its note took an on-topic
        # 5/5 to 2 (sweep43 F2, a schema-filling server's defaults)
        if reason.strip() and named:
            out.lowered.add(kind)
            return True
        out.overruled.append(f"unexplained_{kind}")
        return False
    if rank[model] > rank[offline]:
        if quote is not None:
            out.raised.add(kind)
            out.evidence.append(Evidence(field=kind, span=quote, note="quoted by the model"))
            return True
        out.overruled.append(f"unquoted_{kind}")
        return False
    return True


def _signals(offline: Critique, signals: Sequence[str], review: AnswerReview, answer: str, out: Substance) -> Signals:
    """Each signal covered only with a quote found in the answer; a model may call any signal missing."""
    names = list(signals) or [*offline.signals.covered, *offline.signals.missing]
    spans = {c.signal: c.span for c in offline.signals.checks}
    checks: list[SignalCheck] = []
    for number, name in enumerate(names, start=1):
        was = name in offline.signals.covered
        quoted = [find_quote(answer, c.quote) for c in review.signals_covered if c.signal == number]
        span = next((s for s in quoted if s is not None), None)
        if span is not None:  # a verified quote beats any other claim
            checks.append(SignalCheck(signal=name, covered=True, span=span))
            if not was:
                out.raised.add("signal")
                out.evidence.append(Evidence(field="signal", span=span, note=f"quoted by the model: {name[:80]}"))
        elif number in review.signals_missing:
            checks.append(SignalCheck(signal=name, covered=False))
            if was:
                out.lowered.add("signal")
        else:
            if quoted and not was:
                out.overruled.append("unquoted_signal")
            checks.append(SignalCheck(signal=name, covered=was, span=spans.get(name) if was else None))
    return Signals(
        covered=[c.signal for c in checks if c.covered],
        missing=[c.signal for c in checks if not c.covered],
        checks=checks,
    )


def reconcile_substance(
    offline: Critique,
    review: AnswerReview,
    answer: str,
    signals: Sequence[str] = (),
    proven: dict[str, Span] | None = None,
) -> Substance:
    """Relevance, level and signals after the rules; `proven` holds the evidence quotes already verified."""
    proven = proven or {}
    out = Substance(
        relevance=offline.relevance,
        relevance_note=offline.relevance_note,
        level=offline.level,
        level_note=offline.level_note,
        signals=offline.signals,
    )
    relevance_quote = find_quote(answer, review.relevance_quote) if review.relevance_quote else None
    if _verdict(
        "relevance", RELEVANCE_RANK, offline.relevance, review.relevance, review.relevance_note,
        relevance_quote or proven.get("relevance"), out, "relevance" in review.weak_or_missing,
    ):
        out.relevance = review.relevance
        if review.relevance != "on_topic" and review.relevance_note.strip():
            out.relevance_note = review.relevance_note.strip()[:300]
        elif review.relevance == "on_topic":
            out.relevance_note = ""
    named = "level" in review.weak_or_missing
    if _verdict("level", LEVEL_RANK, offline.level, review.level, review.level_note, proven.get("level"), out, named):
        out.level = review.level
        if review.level == "below" and review.level_note.strip():
            out.level_note = review.level_note.strip()[:300]
        elif review.level == "at":
            out.level_note = ""
    out.signals = _signals(offline, signals, review, answer, out)
    return out
