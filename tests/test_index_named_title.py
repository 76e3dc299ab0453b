"""A story whose short title is only a name (a game's, a film's, a metaphor) that its own text never uses: the title
still ranks it, but the title's meaning is no evidence that the story answers a question (knowledge.index_views.
named_only). Written to disk as a notes file and read through ingestion, like a candidate's own folder."""

from __future__ import annotations

import pytest

from knowledge.index import StoryIndex, open_story_index
from knowledge.index_views import named_only
from knowledge.models import Story

NOTES = """# Interview notes

## Cold Start

When our team took on a graduate engineer last spring, I noticed within a fortnight that she went quiet in reviews
and never asked for help, even when a task had clearly stalled for days. I set up a daily fifteen minute pairing
slot, wrote down the three things I expected from her first month, and asked a senior colleague to review her pull
requests kindly but in detail. By the end of the quarter she was shipping features on her own and she later
mentored the next graduate we brought in.

## Warehouse billing migration

I led the move of our billing reports from a nightly warehouse export to an event stream. The old export failed
about once a week and finance found out from angry customers. I planned the switch in three phases, ran both
paths side by side for a month and compared totals every morning. We retired the export with no billing error
reported during the switch, and the finance team stopped chasing late figures.

## Pricing argument with product

Our product lead wanted a discount rule shipped before the holiday sale, and I thought the rule would break our
margin report. I pulled the last two sales from the warehouse, showed the margin we would have lost, and proposed a
capped version. We shipped the capped rule on time and the sale kept its margin within a point of the plan.

## On-call overhaul

Our on-call rota burned people out: pages at night for alerts nobody acted on. I counted every page over six weeks,
deleted the alerts that never led to action, and moved the rest to business hours where I could. Night pages fell
by two thirds and nobody asked to leave the rota that year.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> StoryIndex:
    folder = tmp_path_factory.mktemp("notes")
    (folder / "interview notes.md").write_text(NOTES, encoding="utf-8")
    return open_story_index([str(folder)], index_dir=folder / "index", embedder="minilm")


def _named(index: StoryIndex, title: str) -> Story:
    return next(s for s in index.stories if s.title == title)


def test_only_a_short_title_its_text_never_uses_is_a_name(index: StoryIndex) -> None:
    assert named_only(_named(index, "Cold Start"))
    # its words are in its text: a summary, not a name
    assert not named_only(_named(index, "On-call overhaul"))
    assert not named_only(_named(index, "Warehouse billing migration"))
    # a title that is the question the story was prepared for says what it is about, whatever its text repeats
    asked = Story(
        id="q", title="Your worst outage?", question="Your worst outage?", source="q.md", text="We lost the site."
    )
    assert not named_only(asked)


def test_a_name_alone_does_not_make_a_story_fit(index: StoryIndex) -> None:
    question = "How would you reduce the cold start latency of a serverless model endpoint?"
    hits = index.search(question, k=3)
    named = [h for h in hits if h.story.title == "Cold Start"]
    assert named, [h.story.title for h in hits]  # the name still ranks the story
    assert not named[0].fits, (named[0].similarity, named[0].evidence, index.threshold)


def test_the_named_story_still_fits_what_its_text_tells(index: StoryIndex) -> None:
    hit = index.best_fit("Tell me about helping a quiet new graduate on your team find their feet.")
    assert hit is not None and hit.story.title == "Cold Start"
