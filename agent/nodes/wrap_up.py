"""wrap_up: the closing line and the scorecard (pure; the driver writes the report files)."""

from __future__ import annotations

from agent.nodes.lines import ended_early_line
from agent.report import build_scorecard
from agent.state import State


def wrap_up(state: State) -> dict:
    """Close the interview: 'any questions for me?' (or a short goodbye when ended early) and the scores."""
    ended = bool(state.get("ended"))
    return {
        "closing": ended_early_line() if ended else state.get("closing", ""),
        "scorecard": build_scorecard(state.get("plan", []), state.get("turns", []), ended_early=ended),
    }
