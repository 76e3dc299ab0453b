"""Terse notes: abbreviated STAR bullets (`sit:` / `act:` / `res:`), stories named by a `Story:` line in plain
text, and `Fits:` lines listing what a story is good for."""

from __future__ import annotations

from knowledge.ingest import ingest_text

BULLET_DUMP = """# prep dump

## warehouse robots stall

- sit: the pick robots froze twice a shift after a firmware push, 300 orders late per stall
- act:
  - rolled the firmware back on one aisle first, then the whole floor
  - wrote a canary rule for the next pushes
- res: no stall in the next 8 weeks, late orders back under 20 a day

```
## a stray fence above: the rest must still be read

## vendor swap

- sit: our label printer vendor doubled prices overnight
- act: ran a two-week bake-off of three vendors with the floor leads
- res: moved to the cheapest one that passed, saving $90k a year
"""


def test_abbreviated_labels_make_star_fields() -> None:
    result = ingest_text(BULLET_DUMP, "dump.md")
    titles = [s.title for s in result.stories]
    assert titles == ["warehouse robots stall", "vendor swap"]
    first = result.stories[0]
    assert first.situation.startswith("the pick robots froze")
    assert "canary rule" in first.action
    assert first.result.startswith("no stall in the next 8 weeks")
    assert result.stories[1].result.startswith("moved to the cheapest one")


PLAIN_NAMED = """INTERVIEW NOTES - Ola

Reminder: lead with the number.

Story: the ferry timetable rewrite
Fits: ambiguity, working with a regulator
S: The harbour authority changed its berth slots with two weeks' notice.
T: I owned the timetable engine and had to publish a legal timetable in time.
A: I rebuilt the slot solver around the new rules and ran it nightly against last year's sailings.
R: We published four days early; missed sailings fell from 11 a month to 2.

Story: two ticket systems become one
Fits: migrations
S: Foot passengers and car decks were sold by two systems that disagreed on capacity.
T: Merge them without a sales freeze.
A: I moved one route a week behind a flag and reconciled seats every hour.
R: Overbooking complaints dropped by 80% after the last route moved.
"""


def test_story_line_names_the_story_and_fits_line_is_a_link() -> None:
    result = ingest_text(PLAIN_NAMED, "ola.txt")
    assert [s.title for s in result.stories] == ["the ferry timetable rewrite", "two ticket systems become one"]
    ferry = result.stories[0]
    assert ferry.situation.startswith("The harbour authority")
    assert ferry.result.startswith("We published four days early")
    assert "Fits" not in ferry.situation
    assert ferry.questions == ["ambiguity, working with a regulator"]


def test_story_word_inside_a_paragraph_is_not_a_title() -> None:
    text = "## Notes\n\nI told the panel a long answer.\nStory: too long, cut it next time\n"
    result = ingest_text(text, "n.md")
    assert all(s.title != "too long, cut it next time" for s in result.stories)


LOWER_CASE_NOTES = """# map notes

## Warehouse split

2022. the warehouse team was split by shift, each shift with its own backlog and its own dashboards.
options I weighed: keep shifts and add a coordinator, or split by flow (inbound, picking, returns).
picked flows because the site managers were already organised that way. ran it as a proposal with two
weeks of comments, not an announcement. two people moved teams by choice. lead time for a typical fix
went from about six weeks to two over two quarters. what I'd do differently: staff the shared tools team
earlier, it was two people carrying everyone.

## Reading list

books to read before the loop, in this order. keep it to one a week.
"""

INCIDENT_LABELS = """# board

## The zero-padded ids

**How we noticed** Seller complaints: listings showed up under the wrong book. Support escalated 30 tickets.

**Debugging** Checked the logs first, then the catalogue table, then the code: an upstream cast dropped leading zeros.

**Fix** Reverted the cast, rebuilt the mapping from the raw feed and added a schema contract test in CI.

**Result** Fixed within 3 days; the new alert has fired twice since, both real.
"""


def test_notes_typed_in_lower_case_without_i_are_a_story() -> None:
    result = ingest_text(LOWER_CASE_NOTES, "notes.md")
    assert [s.title for s in result.stories] == ["Warehouse split"]


def test_debugging_and_fix_labels_are_the_action_of_an_incident_story() -> None:
    story = next(s for s in ingest_text(INCIDENT_LABELS, "board.md").stories if s.title == "The zero-padded ids")
    assert "Reverted the cast" in (story.action or "") and "3 days" in (story.result or "")


# A candidate's one-story notes as they are often kept: a title line over a few terse lines, no "I", no full stops.
BULLET_NOTE = """Queue backlog - payments ledger (Ostrava, 2023)
• paging on-call 6x in one week, backlog peaked at 41k messages
• root cause: a retry loop re-queued poison messages forever
• moved poison messages to a dead-letter queue + alert on its depth
• backlog 41k -> 0 within 2 days, pages 6/wk -> 1/wk
"""

KEYED_NOTE = """Warehouse label printers (Brno DC)
symptom -> 12% of parcels with unreadable labels after the firmware push
debug: compared 40 bad labels with good ones, print head temp set 8 degrees too low
fix: rolled the firmware back on 3 lines, vendor patched the default
after: unreadable labels 12% -> 0.4%, no reprint shift since
"""

NUMBERED_NOTE = """flaky nightly export (billing CSVs)
failed ~1 night in 5, finance re-ran it by hand
1. pinned the driver version
2. split the export into 4 chunks with a checkpoint each
3. paged only after 2 failed retries
after: 0 manual reruns in 10 weeks
"""


def test_a_title_over_terse_lines_with_figures_is_a_story() -> None:
    for note, title, result in [
        (BULLET_NOTE, "Queue backlog - payments ledger (Ostrava, 2023)", "41k -> 0"),
        (KEYED_NOTE, "Warehouse label printers (Brno DC)", "12% -> 0.4%"),
        (NUMBERED_NOTE, "flaky nightly export (billing CSVs)", "0 manual reruns"),
    ]:
        stories = ingest_text(note, "notes.md").stories
        assert [(s.title, s.kind) for s in stories] == [(title, "story")], note
        assert result in stories[0].result, stories[0].result  # the closing figure line is the result
        assert stories[0].metrics, note


TIPS_WITH_NUMBERS = """Before the loop
- keep each story under 2 minutes, you lose them after that
- prepare 6-8 stories and map each to 2 competencies
- lead with your result, then the context
- sleep 8 hours the night before
"""

PLAN_WITH_NUMBERS = """First 90 days
- weeks 1-4: will meet all 9 team leads and read the last 2 quarters of incidents
- weeks 5-8: will pick 2 reliability bets with the staff engineers
- weeks 9-12: should publish a 12-month roadmap
"""

SKILLS_WITH_NUMBERS = """Skills
- Python, 9 years
- Kafka and Flink, 4 years
- Kubernetes, 3 years, CKA 2022
"""

QUESTIONS_WITH_NUMBERS = """Round 2 questions
- how many of the 14 engineers are on call?
- what happened to the 2 people in the role before?
- how is the 20% platform time protected?
"""


def test_terse_lists_that_tell_nothing_that_happened_stay_out() -> None:
    # in one file with a terse story: the story is read (this fails without the terse reader), the lists are not
    lists = (TIPS_WITH_NUMBERS, PLAN_WITH_NUMBERS, SKILLS_WITH_NUMBERS, QUESTIONS_WITH_NUMBERS)
    text = "\n".join(f"## {note}" for note in [KEYED_NOTE, *lists])  # each note under its own heading
    stories = [s.title for s in ingest_text(text, "notes.txt").stories if s.kind == "story"]
    assert stories == ["Warehouse label printers (Brno DC)"], stories
    for note in lists:
        result = ingest_text(note, "notes.md")
        assert [s.title for s in result.stories if s.kind == "story"] == [], note


def test_several_terse_notes_in_one_file_are_one_story_each() -> None:
    text = f"{BULLET_NOTE}\n{NUMBERED_NOTE}"
    titles = [s.title for s in ingest_text(text, "notes.txt").stories]
    assert titles == ["Queue backlog - payments ledger (Ostrava, 2023)", "flaky nightly export (billing CSVs)"]
