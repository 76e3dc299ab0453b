"""Up to three things the answer does well, each quoting the answer (never praise for what is a gap)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.critic.text import Sentence
from prompts import load_yaml, render

if TYPE_CHECKING:
    from agent.critic.features import Features


def _quote(s: Sentence, limit: int = 90) -> str:
    return s.text if len(s.text) <= limit else s.text[: limit - 1].rstrip() + "…"


def strengths(f: Features, gaps: list[str], applies: list[str]) -> list[str]:
    """What to keep doing, most telling first. A design or plan cue (requirements, trade-offs, failure modes) is
    praised only where the question's shape judges it (`applies`): "starts from requirements" under a story's
    opening sentence is praise the scorecard's own flags contradict."""
    from agent.critic.core import headline_metric

    phr = load_yaml("critic_phrases.yaml")["strengths"]
    out: list[str] = []
    outcome = headline_metric(f.metrics, f.sents)
    if outcome is not None and f.star.result is not None and f.quantified:
        out.append(render(phr["quantified_result"], metric=outcome.text))
    elif f.star.result is not None and not set(gaps) & {"result", "quantified_result", "specificity"}:
        out.append(render(phr["result"], quote=_quote(f.star.result)))  # never praise "things got better"
    if f.own == "clear" and f.own_sent is not None and "ownership" not in gaps:
        out.append(render(phr["ownership"], quote=_quote(f.own_sent)))
    elif f.star.action is not None and f.spec != "low" and not set(gaps) & {"action", "ownership"}:
        out.append(render(phr["action"], quote=_quote(f.star.action)))
    for cue in ("requirements", "tradeoffs", "failure_modes"):
        if cue in f.cues and cue not in gaps and cue in applies:
            out.append(render(phr[cue], quote=_quote(f.cues[cue])))
    covered = [h for h in f.signals if h.named and h.sentence is not None]  # weak evidence is no strength
    if covered and "signal" not in gaps:
        out.append(render(phr["signal"], signal=covered[0].signal, quote=_quote(covered[0].sentence)))  # type: ignore[arg-type]
    if f.spec == "high":
        out.append(phr["specificity"])
    return out[:3]
