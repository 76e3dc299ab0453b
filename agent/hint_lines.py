"""What /hint shows of a prepared story: its title, one line of what happened and how it ended, its result figures.

A title and three numbers did not help in the moment (newcomer trial N26): the first figures of a story are usually
its context ("five managers", "$84k/month"), not what it achieved. So the hint says in one line what the story is
about and how it ended, and picks the figures of the result first: changes ("6 weeks -> 11 days"), then any figure
inside the Result part, then the rest; a count of one thing is no figure.
"""

from __future__ import annotations

import re

from knowledge.metric_units import MEASURE_UNITS
from knowledge.models import Metric, Story
from knowledge.title_tags import spoken_title

MAX_GIST = 180  # characters of the one-line gist: it must fit the panel in one or two lines
MAX_METRICS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s")


def _first(text: str, limit: int) -> str:
    """The first sentence of `text` on one line, cut at a word within `limit` characters."""
    flat = " ".join(text.split())
    head = _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else ""
    if len(head) <= limit:
        return head
    return head[:limit].rsplit(" ", 1)[0].rstrip(",;:-—") + "…"


def gist(story: Story) -> str:
    """One line: what it was about, then how it ended ("Result: ..."), from the story's own parts."""
    about = next((p for p in (story.situation, story.task, story.action) if p.strip()), "")
    ended = story.result.strip()
    if not about and not ended:
        return _first(story.text, MAX_GIST)
    if not ended:
        return _first(about, MAX_GIST)
    if not about:
        return "Result: " + _first(ended, MAX_GIST)
    half = MAX_GIST // 2
    return f"{_first(about, half)} Result: {_first(ended, half)}"


def result_metrics(story: Story) -> list[Metric]:
    """The story's figures, those that say how it ended first (changes, then figures in the Result part)."""
    result = story.result.strip()
    at = story.text.find(result) if result else -1

    def in_result(m: Metric) -> bool:
        return at >= 0 and at <= m.start < at + len(result)

    order = sorted(
        (k for k in range(len(story.metrics)) if _quantity(story.metrics[k])),
        key=lambda k: (story.metrics[k].baseline is None, not in_result(story.metrics[k]), k),
    )
    return [story.metrics[k] for k in order[:MAX_METRICS]]


def _quantity(m: Metric) -> bool:
    """A figure that measures something: not a count of one ("1 backlog", "one team"), which the notes state as
    a fact of the situation and a hint listed as a key metric (newcomer trial N16)."""
    return m.baseline is not None or m.value != 1 or m.unit in MEASURE_UNITS


def hint_lines(story: Story) -> list[str]:
    """The lines of the /hint panel for `story`."""
    lines = [spoken_title(story.title)]
    line = gist(story)
    if line and line.strip() != story.title.strip():
        lines.append(line)
    lines.append(f"Source: {story.source}:{story.line}")
    figures = [" ".join(m.text.split()) for m in result_metrics(story)]  # a metric may span a wrapped line
    if figures:
        lines.append("Key metrics: " + "; ".join(figures))
    return lines
