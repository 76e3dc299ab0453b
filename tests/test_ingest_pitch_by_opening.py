"""A pitch is known by how it opens, whatever the heading over it calls it: a speech log's first talk, a card,
a page that starts "Hi, I'm Dana." is the candidate's answer to "tell me about yourself", kept as a prepared
answer (not a story). Read through the real ingester from a real file; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths


def test_a_talk_that_opens_by_introducing_its_speaker_is_a_pitch(tmp_path: Path) -> None:
    path = tmp_path / "club talks.md"
    path.write_text(
        "# Club talks\n\n## Talk 1 — First night: \"From the night shift to the team\"\n"
        "*Slot: opener · 4–6 min · ran 5:30*\n\n"
        "Hi, I'm Dana. I lead eight engineers at a parcel firm and we build the models that promise you a delivery "
        "window. Before software I drove a van for two years, so I know what a wrong window costs the driver. I moved "
        "into data, then into leading the team, and what I like about it is that every week brings a different "
        "problem: an outage one week, two engineers who disagree the next. I want a bigger team and harder "
        "problems.\n\n"
        "> Feedback: good pace, too many 'basically'.\n\n"
        "## Talk 2 — \"The window we missed\"\n*Slot: story · 5–7 min · ran 6:10*\n\n"
        "Last March our delivery windows were wrong for a whole region for three days. I pulled the on-call engineer "
        "and two analysts into one room, we traced it to a holiday calendar that had not loaded, and I wrote the "
        "check that now blocks a forecast run without one. Complaints fell back to normal within a week and the "
        "check has caught two missing calendars since.\n",
        encoding="utf-8",
    )
    items = {s.title: s.kind for s in ingest_paths([path]).stories}
    pitch = [t for t in items if t.startswith("Talk 1")]
    assert pitch and items[pitch[0]] == "answer", items
    assert any(t.startswith("Talk 2") and k == "story" for t, k in items.items()), items
