"""The points a follow-up lists ("What are the requirements here: users, load, latency, consistency?") and whether a
reply supplies each of them.

A follow-up that lists what it wants is answered point by point, often in words none of its points share ("retail
shoppers" for users, "two questions a second" for load): cue lists and the reply's closeness to the whole follow-up
miss such a reply, while an interviewer ticks the points off. Each listed point is matched to a different clause of
the reply whose meaning (MiniLM) is close to it or that uses its word; the reply supplies the list when every point
has its own clause. A reply about something else has fewer clauses than points or none near them.
"""

from __future__ import annotations

import re

import numpy as np

from agent.critic.semantic import Semantic, semantic
from agent.critic.text import STOPWORDS, stem, words

# A list of short items after a colon, or "a, b, c and d": at least MIN_POINTS items of at most three words each.
_AFTER_COLON = re.compile(r":\s*([^:?]+)\??\s*$")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
MIN_POINTS = 3
ITEM_WORDS = 3
# A clause of the reply: a sentence cut at commas, semicolons, dashes and the conjunctions that join listed parts.
_CLAUSE_SPLIT = re.compile(r"[,;:]\s*(?:and\s+|but\s+)?|\s+[-–—]\s+|\s+(?:and|but|while|whereas)\s+|(?<=[.!?])\s+")
# MiniLM cosine from which a clause speaks to a one-word point: replies giving each of four listed requirements in
# their own words had every point at 0.17 or more; an aside about a holiday had half of them under 0.15.
POINT_FLOOR = 0.15
# Words of its own a clause needs besides the point's and function words: "retail shoppers" says who the users are,
# "users matter" does not.
SAYS_WORDS = 2
_EMPTY = {stem(w) for w in STOPWORDS}


def listed_points(follow_up: str) -> list[str]:
    """The short items a follow-up lists after a colon (at least MIN_POINTS of them), or []."""
    m = _AFTER_COLON.search(follow_up.strip())
    if not m:
        return []
    items = [i.strip(" .?") for i in _ITEM_SPLIT.split(m.group(1)) if i.strip(" .?")]
    if len(items) < MIN_POINTS or any(len(words(i)) > ITEM_WORDS or not words(i) for i in items):
        return []
    return items


def clauses(reply: str) -> list[str]:
    """The reply's clauses, each with at least two words."""
    return [c.strip() for c in _CLAUSE_SPLIT.split(reply) if len(words(c)) >= 2]


def supplies_all(follow_up: str, reply: str, sem: Semantic | None = None) -> bool:
    """The follow-up lists points and each of them has its own clause of the reply (by its word or its meaning)."""
    points = listed_points(follow_up)
    parts = clauses(reply)
    if not points or len(parts) < len(points):
        return False
    sem = sem or semantic("minilm")
    p_vecs, c_vecs = sem.vectors(points), sem.vectors(parts)
    if p_vecs is None or c_vecs is None:
        return False
    ok = p_vecs @ c_vecs.T >= POINT_FLOOR
    named = {stem(w) for p in points for w in words(p)}
    for i, point in enumerate(points):
        roots = {stem(w) for w in words(point)}
        for j, part in enumerate(parts):
            said = {stem(w) for w in words(part)}
            # A point named by its own word is supplied by that clause whatever the model, and only a clause that says
            # something besides the points' words supplies one ("load is important" names it and gives nothing).
            ok[i, j] = (ok[i, j] or bool(roots & said)) and len(said - named - _EMPTY) >= SAYS_WORDS
    return _matched(ok)


def _matched(ok: np.ndarray) -> bool:
    """Every row (point) gets a different column (clause) it is ok with (a small bipartite matching)."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in (int(x) for x in np.flatnonzero(ok[i])):
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    return all(place(i, set()) for i in range(ok.shape[0]))
