"""A pitch kept under a name of its own (a club profile, a bio, a note about its owner) is known by how it opens:
its owner and their present job ("Rosa Mendel. Platform engineering manager at ..."). It is a prepared answer, not
a story, and not a hub for story questions. Read from files on disk through the real ingester and the story index
(knowledge.pitch, kinds.py, index.py). Written here in our own words."""

from __future__ import annotations

from pathlib import Path

from knowledge.index import is_pitch, open_story_index
from knowledge.ingest import ingest_paths

NOTES = """\
# Club handbook page (my interview notes live here too)

## Member's page

Rosa Mendel. Platform engineering manager at Quayside Freight, a container port: 9 engineers, the cloud platform,
the crane telemetry and the billing pipeline. Before that I ran the data team at a ferry operator. I want a bigger
platform with more teams depending on it, and I like making cloud costs and on-call boring.

## Fixture 3 - Harbour Rovers

Last year our cloud bill at Quayside Freight doubled in eight months. I tagged every workload by team, found that
two forgotten test clusters ran all weekend and that the crane telemetry kept raw data forever. I shut the clusters
down on Fridays, moved old telemetry to cold storage and started a monthly cost review with each team lead. The bill
fell by 38% in a quarter and stayed there.

## Fixture 4 - Dockside Athletic

Two of my engineers disagreed for weeks about rewriting the billing pipeline. I asked each to write one page on the
risks, we met for an hour and agreed to replace it in stages behind a switch. The first stage shipped in a month
and they now pair on the rest.
"""

STORY_OPENING_ON_SOMEONE = """\
## The handover

Priya, our lead engineer at Quayside Freight, called me at midnight because the crane feed had stopped. I paged the
vendor, switched the cranes to manual logging and wrote the incident note myself. We lost no shipments and I added
a health check on the feed the next day.
"""


def test_a_profile_that_opens_on_its_owner_is_a_pitch(tmp_path: Path) -> None:
    path = tmp_path / "handbook.md"
    path.write_text(NOTES, encoding="utf-8")
    result = ingest_paths([path])
    member = next(s for s in result.stories if s.title == "Member's page")
    assert member.kind == "answer"
    assert is_pitch(member)
    index = open_story_index([path], embedder="bm25")
    cost = index.search("Tell me about a time you cut cloud costs on your platform.", k=3)
    assert "Harbour Rovers" in cost[0].story.title
    leaving = index.search("Why are you looking to leave Quayside Freight?", k=3)
    assert leaving[0].story.title == "Member's page"  # the question a pitch answers finds it first


def test_a_story_that_opens_on_someone_else_stays_a_story(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(STORY_OPENING_ON_SOMEONE, encoding="utf-8")
    [story] = ingest_paths([path]).stories
    assert story.kind == "story"
    assert not is_pitch(story)


def test_how_you_came_to_lead_people_is_asked_of_the_pitch(tmp_path: Path) -> None:
    path = tmp_path / "handbook.md"
    path.write_text(NOTES, encoding="utf-8")
    index = open_story_index([path], embedder="bm25")
    hits = index.search("How did you end up managing engineers at Quayside Freight?", k=3)
    assert hits[0].story.title == "Member's page"  # a career question, not a story of the platform
