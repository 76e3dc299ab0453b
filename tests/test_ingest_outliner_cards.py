"""An outliner's OPML export (notes in attributes, rich text as escaped HTML) and index cards typed up face by face,
read through the real ingester from files on disk."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

OPML = """<?xml version="1.0"?>
<opml version="2.0">
  <head><ownerEmail>someone@example.com</ownerEmail></head>
  <body>
    <outline text="prep #jobs">
      <outline text="TODO">
        <outline text="send thank-you notes" _complete="true" />
      </outline>
      <outline text="stories">
        <outline text="&lt;b&gt;The search relaunch&lt;/b&gt; #story #strong">
          <outline text="S: our help-centre search returned the right article for only half of the top queries." />
          <outline text="A: I built a test set of 300 real queries with the support team and tried three rankers">
            <outline text="kept the one that won on the test set, not the one I liked" />
          </outline>
          <outline text="R: the right article came first for 81% of the queries and tickets fell 12%." />
        </outline>
        {REINDEX}
      </outline>
    </outline>
  </body>
</opml>
"""
NOTE = (
    "S: I re-indexed every customer's documents on a Sunday with a new parser.&#10;A: a customer reported wrong answers"
    " on Monday; I rolled back within the hour and wrote a check that blocks any rebuild whose answers get worse.&#10;"
    "R: no rebuild has shipped a drop since, and we never re-index at weekends."
)
OPML = OPML.replace("{REINDEX}", f'<outline text="The Sunday re-index #story #incident" _note="{NOTE}" />')


def test_workflowy_notes_and_bold_titles_are_read(tmp_path: Path) -> None:
    path = tmp_path / "prep (Workflowy export).opml"
    path.write_text(OPML)
    result = ingest_paths([path])
    stories = {s.title: s for s in result.stories}
    assert set(stories) == {"The search relaunch", "The Sunday re-index"}
    relaunch = stories["The search relaunch"]
    assert "kept the one that won" in (relaunch.action or "") and "81%" in (relaunch.result or "")
    reindex = stories["The Sunday re-index"]
    assert (reindex.situation or "").startswith("I re-indexed every customer's documents")
    assert (reindex.action or "").startswith("a customer reported wrong answers")
    assert "thank-you" not in " ".join(s.text for s in result.stories + result.references)


CARDS = """typed up from my index cards, not cleaned up

===== card 1 front =====
TIPS FROM MY COACH
- lead with the number
- 2 min then stop

===== card 2 front =====
CLOCK CHANGE WEEKEND
incident / debugging
===== card 2 back =====
S: the Sunday after the clocks went back our van plan sent drivers out an hour early
all morning and the ops lead rang me at nine.
A: checked the plan, then the forecast, then the features. The forecast was fine; the job
that turns it into a schedule used local time, so every hour shifted by one.
R: one bad morning and about 140 wasted trips. Lesson - test the glue code, the model was never the
problem. Took me 40 minutes to stop looking at the model.

===== card 3 front =====
FESTIVAL IN NINE DAYS
speed vs quality
===== card 3 back =====
S: the city gave us nine days of notice for a festival of 60k people a day; a proper model fix was four weeks.
A: I added a manual override for the eleven stations near the site and wrote down the risk I was accepting.
R: no empty-station complaints near the site, and the proper event feature shipped five weeks later.
"""


def test_index_cards_typed_face_by_face_are_one_story_each(tmp_path: Path) -> None:
    path = tmp_path / "story cards.txt"
    path.write_text(CARDS)
    result = ingest_paths([path])
    stories = {s.title: s for s in result.stories}
    assert set(stories) == {"CLOCK CHANGE WEEKEND", "FESTIVAL IN NINE DAYS"}
    clock = stories["CLOCK CHANGE WEEKEND"]
    assert (clock.situation or "").startswith("the Sunday after the clocks went back")
    # "problem. Took me ..." continues the sentence above it: not a new Situation, not a second story
    assert "Took me 40 minutes" in (clock.result or "")
    assert [r.title for r in result.references] == ["TIPS FROM MY COACH"]
