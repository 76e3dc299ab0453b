"""reStructuredText notes and XML exports are read from real files in a folder (no reader of their own before
them: their stories were lost). The documents are written for this file in their own shapes: Sphinx-style notes
with `*` (overlined) and `^` adornments, a definition list, a sidebar and an include that must not be followed; a
note app's XML export with HTML-escaped bodies and nested comments; an XML entity bomb."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths, ingest_text
from knowledge.ingest.rest import unrest
from knowledge.ingest.xmldoc import unxml

REST = """\
.. prep notes, do not publish

*****************
Interview stories
*****************

:Owner: Priya
:Revised: spring

.. include:: {secret}

.. note::
   Keep every story under two minutes and end on a number.

The flaky release train
^^^^^^^^^^^^^^^^^^^^^^^

Situation
   Releases went out every three weeks and one in two was rolled back because integration tests were flaky.
Task
   I was asked to make weekly releases safe within a quarter.
Action
   I quarantined the forty flakiest tests, gave each an owner and a two-week deadline, and added a canary stage
   that held a release for an hour on five percent of traffic.
Result
   Rollbacks fell from one in two releases to one in twelve, and we shipped weekly from the next quarter.

.. sidebar:: The vendor who went quiet

   :Situation: Our SMS vendor stopped answering tickets two weeks before a holiday campaign.
   :Task: Keep the campaign's two million messages on schedule.
   :Action: I ran a one-day bake-off between two other vendors and moved the traffic behind a feature flag.
   :Result: The campaign went out on time; delivery rose from 91 to 97 percent. Unit price: [check: invoice].

Questions for the panel
^^^^^^^^^^^^^^^^^^^^^^^

.. list-table::
   :header-rows: 1

   * - Question
     - Why
   * - How are on-call rotations staffed?
     - Burnout check
"""

XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<export app="Jotter" version="3">
  <notebook>
    <name>Interview prep</name>
    <note id="n1">
      <name>The warehouse that double-counted</name>
      <created>2026-03-01</created>
      <content>&lt;h3&gt;Situation&lt;/h3&gt;&lt;p&gt;Our finance dashboard counted every return twice
for a month &amp;amp; the CFO quoted the wrong margin to the board.&lt;/p&gt;
&lt;p&gt;&lt;strong&gt;What I did:&lt;/strong&gt; I traced the join to a late-arriving returns feed, fixed
it and wrote a reconciliation test that compares the dashboard with the ledger every morning.&lt;/p&gt;
&lt;p&gt;&lt;strong&gt;Outcome:&lt;/strong&gt; The corrected margin went out the same day and the test has
caught three bad loads since.&lt;/p&gt;</content>
      <comments>
        <comment author="mentor">Great story, but the mentor's remark about lunch must not join it. It is long enough
        to look like a body of its own if the reader took nested elements for records, which it must not do.</comment>
      </comments>
    </note>
    <note id="n2">
      <name>Shopping list</name>
      <content>&lt;p&gt;milk&lt;/p&gt;</content>
    </note>
  </notebook>
</export>
"""

BOMB = """\
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<notes><note><title>&lol2;</title><body>text</body></note></notes>
"""


def test_rest_notes_in_a_folder_are_read_with_their_stories(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET launch codes 1234", encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "stories.rst").write_text(REST.replace("{secret}", str(secret)), encoding="utf-8")
    result = ingest_paths([notes])
    assert not result.errors
    titles = {s.title: s for s in result.stories}
    assert set(titles) == {"The flaky release train", "The vendor who went quiet"}
    train = titles["The flaky release train"]
    assert train.situation.startswith("Releases went out every three weeks")
    assert train.result.startswith("Rollbacks fell from one in two")
    assert train.line == 15  # the title's own line in the file
    vendor = titles["The vendor who went quiet"]
    assert vendor.action.startswith("I ran a one-day bake-off") and vendor.unfinished
    assert not any("TOP SECRET" in s.text for s in [*result.stories, *result.references])  # no include
    assert [q.text for q in result.candidate_questions] == ["How are on-call rotations staffed?"]


def test_rest_reader_keeps_line_numbers_and_leaves_markdown_alone() -> None:
    lines = REST.split("\n")
    assert len(unrest(lines)) == len(lines)
    markdown = ["# Stories", "", "## The split", "", "**Situation:** x", "Result", "~~~~~~"]
    assert unrest(markdown) == markdown


def test_xml_export_records_become_stories_without_their_comments(tmp_path: Path) -> None:
    (tmp_path / "jotter.xml").write_text(XML, encoding="utf-8")
    result = ingest_paths([tmp_path])
    assert [s.title for s in result.stories] == ["The warehouse that double-counted"]
    story = result.stories[0]
    assert story.situation.startswith("Our finance dashboard counted every return twice for a month & the CFO")
    assert story.action.startswith("I traced the join") and story.result.startswith("The corrected margin")
    assert "mentor" not in story.text and "<p>" not in story.text
    assert story.line == 6


def test_xml_entities_are_not_expanded_and_bad_xml_costs_nothing_else() -> None:
    result = ingest_text(BOMB, "bomb.xml")
    assert not any("lollol" in s.text for s in result.stories)
    broken = "<?xml version='1.0'?>\n<notes>\n<note><title>Half a note</title>\n"
    assert len(unxml(broken.split("\n"))) == 4
    ingest_text(broken, "broken.xml")  # never raises
