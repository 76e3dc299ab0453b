"""Story ranking is not won by one field: a title's words count once in the lexical ranking.

Every story here was written for this test.
"""

from __future__ import annotations

from knowledge.index import StoryIndex
from knowledge.index_fusion import BM25Ranker
from knowledge.models import Story


def _story(i: int, title: str, text: str) -> Story:
    return Story(id=f"s{i}", title=title, source="greenhouse-notes.md", text=text)


# A grower's notes: the first title says "launch", the second story tells a launch that slipped after a test.
GREENHOUSE = [
    _story(
        1,
        "Launch of the greenhouse sensors",
        "Finance asked for a cheaper supplier for the soil probes. I compared three vendors over a month, picked the "
        "one whose probes survived the frost test and signed a two-year price. We spent a fifth less.",
    ),
    _story(
        2,
        "The Thursday call",
        "Our growers' app was due to go live on a Friday. The load test on Thursday showed the order page timing out "
        "at a third of the expected traffic, so I asked the sponsor to move the launch. We fixed the database pool, "
        "reran the test, and shipped the next Tuesday with no outage.",
    ),
    _story(
        3,
        "Sensors in the cold room",
        "A cold room alarm kept firing at night. I traced it to a sensor mounted next to the door and moved it; the "
        "false alarms stopped and the night shift could sleep.",
    ),
    _story(
        4,
        "Hiring a second agronomist",
        "We needed someone who knew irrigation. I wrote the role with the head grower, ran a paid trial day, and hired "
        "the candidate who found a leak during the trial.",
    ),
    _story(
        5,
        "Payroll error in March",
        "Forty pickers were underpaid after a rota change. I found the rounding rule in the export, paid everyone "
        "within two days and added a check to the export.",
    ),
    _story(
        6,
        "Mentoring Rosa",
        "Rosa ran her first harvest plan with me beside her; by autumn she planned alone and trained the next planner.",
    ),
    _story(
        7,
        "Water use cut",
        "Drip lines replaced sprinklers in two houses; we used a quarter less water over the summer and yields held.",
    ),
    _story(
        8,
        "Conflict over shift patterns",
        "Two supervisors disagreed about night shifts. I had each write the other's case, and they agreed a rotating "
        "pattern.",
    ),
]
SLIPPED = "Tell me about a launch that slipped after a test."


def test_a_title_word_does_not_outrank_the_story_that_tells_what_is_asked() -> None:
    index = StoryIndex.open(GREENHOUSE, embedder="bm25")
    hits = index.search(SLIPPED, k=2)
    assert [h.story.title for h in hits] == ["The Thursday call", "Launch of the greenhouse sensors"]


def test_the_fit_evidence_still_reads_the_title_twice() -> None:
    # the "no prepared story fits" threshold was calibrated on that score: only the ranking changed
    ranker = BM25Ranker(GREENHOUSE)
    evidence = ranker.scores(SLIPPED)
    assert evidence[0] > evidence[1]
    assert ranker.rank(SLIPPED)[:2] == [1, 0]
