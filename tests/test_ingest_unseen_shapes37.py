"""Stories read by the structure of the document they sit in, not by one rule per program: a series of numbered
entries under a plan ("Lesson 2 - ..."), a journal app's entries whose text opens with its own heading, a form
repeated once per story (its banner names the story; a field every block repeats is a part), a log's field that
names the block indented under it, a form's fields in capitals or in bold, a version number inside a name, a
story whose situation is one long line closed by a placeholder; and a cheat sheet of figures (no story), a currency
sign opening a title, a sub-heading between two part headings (a part).

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.index_views import MIN_TOLD_WORDS, told_words
from knowledge.models import Story
from tests.ingested import found, saved, story_titles

PLAN = """# Term plan: interview stories

*Warm-up = what was going on, Main task = what I did, Wrap-up = how it ended.*

## Lesson 1 - The bread oven that ran cold

Group: panel · Length: 2 min

**Warm-up (5 min):** Our bakery's new deck oven lost heat between bakes and one loaf in eight came out flat.

**Main task (30 min):** I logged the floor temperature every ten minutes for a week, found that the second bake
went in cooler, moved it back by twelve minutes and wrote a probe check into the opening list.

**Wrap-up:** Flat loaves fell to one in sixty within five weeks and we stopped binning bread every morning.

## Lesson 2 - Two drivers, one bridge

Group: panel · Length: 2 min

**Warm-up (5 min):** Both vans crossed the river four times a morning and a third of the cafes got their order
late.

**Main task (30 min):** I rode along with both drivers for a week. We marked every stop on one map, I split the
round by river bank and we agreed a swap point at the bridge.

**Wrap-up:** Late drops went from one in three to one in twenty and the cafe that had left us came back.
"""


def test_numbered_lessons_under_a_plan_are_entries_not_lessons_learned(tmp_path: Path) -> None:
    # "Lesson 2 - <title>" counts an entry of a series; only "Lessons" / "Lesson learned" name a story's part
    got = story_titles(saved(tmp_path, "term plan.md", PLAN))
    assert got == ["Lesson 1 - The bread oven that ran cold", "Lesson 2 - Two drivers, one bridge"]


def _entry(uuid: str, text: str, tags: list[str]) -> dict[str, object]:
    return {
        "uuid": uuid,
        "creationDate": "2026-03-02T19:00:00Z",
        "timeZone": "Europe/Dublin",
        "starred": False,
        "tags": tags,
        "text": text,
        "location": {"localityName": "Cork", "latitude": 51.9, "longitude": -8.47},
    }


FRIDGE = (
    "# the walk-in fridge alarm\n\nThe walk-in fridge at the kitchen I ran failed on a Saturday night and nobody saw "
    "the alarm until Sunday noon; we threw away about 900 pounds of stock. I moved the alarm from the office panel "
    "to the phones of the two cooks on shift, wrote a one-page check for whoever closed and ran a drill with each "
    "team. The next failure, in August, was caught in eleven minutes and we lost nothing."
)
QUOTES = (
    "# the slow booking page\n\nThe booking page for our cookery classes took eight seconds to open on a phone, "
    "and a third of the people who tapped a class left before it did. Most of our bookings start on a phone, so "
    "the page was costing us classes every week.\n\nSteps, best payoff first:\n"
    "\\- profiled the page on a cheap phone. most of the wait was one script loading every class photo.\n"
    "\\- moved the photos behind a tap, small previews only at first.\n"
    "\\- cached the timetable, which changes twice a week.\n"
    "\\- removed two tracking scripts nobody had looked at in a year.\n"
    "\\- rewrote the date picker without the large library it pulled in.\n\n"
    "Eight seconds to under two, and bookings made on phones rose by a quarter within a month."
)


def test_journal_entries_are_named_by_the_heading_their_text_opens_with(tmp_path: Path) -> None:
    # A journal app's export keeps no title field: each entry's text opens with "# <title>", and an exporter
    # escapes a dash that starts a line ("\\- split it"), which is still a bullet of the story's actions.
    data = {
        "metadata": {"version": "1.0"},
        "entries": [
            _entry("E1", FRIDGE, ["story"]),
            _entry("E2", QUOTES, ["story"]),
            _entry("E3", "# swim\n\n2 km in the lake, cold.", ["sport"]),
        ],
    }
    got = story_titles(saved(tmp_path, "Journal.json", json.dumps(data, indent=2)))
    assert got == ["the walk-in fridge alarm", "the slow booking page"]


def _record(n: int, day: str, nickname: str, felt: str, case: list[str]) -> str:
    body = "\n".join(f"  {line}" for line in case)
    return (
        f'{"#" * 60}\nWORRY LOG {n:02d} . {day}{nickname}\n\nWHAT HAPPENED: {felt}\nFIRST THOUGHT: "I am out '
        f'of my depth."\nFEELING (%): worry 70\nSO FAR: it was my call, so it is on me.\nTHE OTHER SIDE:\n'
        f"{body}\nSETTLED VIEW: it went better than it felt.\n"
    )


def test_a_form_repeated_per_story_is_named_by_its_banner_not_by_a_field_it_repeats(tmp_path: Path) -> None:
    # Every block repeats THE OTHER SIDE, a line on its own like a title: a part of the form. The banner above
    # it, different in each block, names the story told there.
    first = [
        "The cold-store door at our depot kept jamming in winter and drivers left it open, so the",
        "temperature log failed two audits. I timed the door for a week, found the seal froze shut",
        "overnight, asked for a heated strip and moved the first loading slot fifteen minutes later.",
        "The door has not jammed since and we passed the next three audits without a finding.",
    ]
    second = [
        "Two of the pickers and I disagreed about the new scanning order and it turned into a row at",
        "the morning brief. I walked one shift with each of them, wrote both orders up with the times we",
        "measured and let the team pick. They chose a mix; picking errors fell by a third in a month.",
    ]
    text = "WORRY LOG\nmy notes from the course, also my stories\n\n" + "\n".join(
        [
            _record(1, "Mon 3 Mar", " . the door", "manager said the audits were my fault.", first),
            _record(2, "Thu 6 Mar", "", "the brief got loud again.", second),
        ]
    )
    got = story_titles(saved(tmp_path, "worry log.txt", text))
    assert got == ["WORRY LOG 01 . Mon 3 Mar . the door", "WORRY LOG 02 . Thu 6 Mar"]


def test_a_log_field_names_the_block_indented_under_it(tmp_path: Path) -> None:
    # A swimmer's log: most sessions carry no story; under some a "practised:" line names the story told
    # (indented, lower case), and a "next time:" field closes it.
    text = """SWIM LOG - spring block

SWIM 3 . Tue 4 Mar . 2.0 km . 41:10
  cold lake, short session. nothing else.

SWIM 4 . Thu 6 Mar . 2.4 km . 48:30
practised: the cold-store door (fixing a repeat problem)
  the cold-store door at the depot jammed every winter night and drivers left it open, so
  the temperature log failed two audits in a row. I timed the door for a week and found the
  seal froze shut overnight. I asked facilities for a heated strip, moved the first loading
  slot back fifteen minutes and added the door to the opening checks. we passed the next three
  audits without a finding and the drivers stopped propping it open.
  next time: start with the audits, it is what they will care about.

SWIM 5 . Sat 8 Mar . 3.1 km . 1:05:00
  long one. shoulder fine.

SWIM 6 . Mon 10 Mar . 2.2 km . 45:50
practised: pickers and the scanning order (a disagreement)
  two of the pickers and I disagreed about the new scanning order and it turned into a row at
  the morning brief. I walked one shift with each of them and timed both orders, then wrote
  them up side by side with the numbers and let the team choose. they picked a mix of the two,
  picking errors fell by about a third in a month and the briefs went quiet again.
  next time: say the third first.
"""
    assert story_titles(saved(tmp_path, "swim log.txt", text)) == [
        "the cold-store door (fixing a repeat problem)",
        "pickers and the scanning order (a disagreement)",
    ]


ROUNDS = """INNINGS NOTES - interview stories

======================================
INNINGS 3 | Us v The Frozen Door | cup | lost by 2 runs
======================================
TOSS: winter, the depot's cold-store door jammed most nights and the temperature log failed two audits.
EARLY OVERS: drivers blamed the door, facilities blamed the drivers. I timed the door for a week myself.
DRINKS BREAK: the seal froze shut overnight; nobody had looked at it.
LATE OVERS: a heated strip fitted, first loading slot moved fifteen minutes later, door added to checks.
CLOSE OF PLAY: one more audit failed before the strip came, so a loss on paper. We passed the next three.
BEST BOWLER: the night driver who kept the notes.
NETS: measure before blaming anyone.

======================================
INNINGS 4 | Us v Rota v2 | league | won by 4 wickets
======================================
TOSS: two of our five pickers worked nights only and the old rota gave them every bank holiday too.
EARLY OVERS: I asked each picker which three shifts they would swap away and put the answers on one sheet.
DRINKS BREAK: the clash was narrower than it looked: two shifts a month, both on Sundays.
LATE OVERS: we traded those two Sundays for weekday lates and I kept the sheet open for swaps.
CLOSE OF PLAY: sick days fell from eleven to four in the next quarter and nobody asked to leave the team.
BEST BOWLER: Amrit, who suggested the swap sheet.
NETS: ask what people would give up before drawing anything.
"""


def test_a_form_in_capital_fields_holds_a_story_under_a_banner_with_a_version_in_it(tmp_path: Path) -> None:
    # The fields in capitals are a template's parts (three or more of them): a case told in them needs less
    # proof of a story. "Rota v2" is a name with a version, not a fact about the entry: the banner names it.
    got = story_titles(saved(tmp_path, "innings notes.txt", ROUNDS))
    assert got == [
        "INNINGS 3 | Us v The Frozen Door | cup | lost by 2 runs",
        "INNINGS 4 | Us v Rota v2 | league | won by 4 wickets",
    ]


def _brief(name: str, rule: str) -> str:
    return f"""## {name}

**Facts** — the depot's cold-store door jammed most winter nights and two audits failed on its log.

**Issue** — nobody owned the door; facilities and the drivers each blamed the other.

**Rule**{rule} — a fault that comes back every winter needs one owner, one measure and one date to check it by.

**Application** — I asked the night drivers what they did when it stuck; they said they propped it open, of course.
I timed the door for a week myself and found the seal froze shut overnight, every night below two degrees. I got a
heated strip fitted, moved the first loading slot fifteen minutes later and put the door on the opening checks.

**Conclusion** — the next three audits passed without a finding.
"""


def test_bold_fields_every_brief_repeats_are_parts_not_names(tmp_path: Path) -> None:
    # "**Rule** (what I missed then) — <a long line>" reads like a bold name with a remark, but every brief of
    # the bundle opens lines with the same bold fields: the heading above names the story.
    names = ["Depot v The Door [2024] 1", "Drivers v Facilities [2025] 2", "Re the Winter Rota [2025] 3"]
    remarks = ["", " (the one I missed)", ""]
    text = "# Case bundle\n\n" + "\n".join(_brief(n, r) for n, r in zip(names, remarks, strict=True))
    assert story_titles(saved(tmp_path, "briefs.md", text)) == names


def test_a_situation_on_one_line_ending_in_a_placeholder_is_still_told() -> None:
    # A card whose whole setting was read as one line that ends on "[check: one or two?]" tells its case: only a
    # short label line that asks ("Result: ???") says nothing.
    situation = (
        "Portions: one short story · From: the depot, 2024 Setting: the cold-store door jammed every "
        "winter night, two audits failed on its log and I timed the door for a week, found the seal "
        "froze and got a heated strip fitted [check: one audit or two?]"
    )
    story = Story(id="s1", title="Frozen door pie", text=situation, situation=situation, source="cards.md")
    assert told_words(story) >= MIN_TOLD_WORDS
    asked = Story(id="s2", title="Stub", text="Result: ???", result="Result: how many audits passed?", source="x")
    assert told_words(asked) < MIN_TOLD_WORDS


CHEAT_SHEET = """FIGURES TO KEEP STRAIGHT

oven rejects: 1 in 8 -> 1 in 60
van late drops: 33% -> 5%
audit findings: 4/yr -> 0/yr
p90 quote time: 9s -> 2.5s
cost per quote: 20p -> 7p
pickers: 6 -> 11 in 5 mo, errors 9% -> 6%
staff survey: -5 -> +20
"""


def test_a_cheat_sheet_of_figures_from_many_stories_is_not_a_story(tmp_path: Path) -> None:
    # Each line is a key and its before -> after figures, each from a different case: no case is told.
    assert story_titles(saved(tmp_path, "figures.txt", CHEAT_SHEET)) == []


def test_a_currency_sign_opening_a_title_is_kept(tmp_path: Path) -> None:
    # Leading symbols (emoji, arrows) are cleaned off a title; a currency sign before its figure is the figure's.
    text = (
        "# Stories\n\n## $18k a month back from the GPU bill\n\nOur inference bill had grown to $60k a month. I moved "
        "the batch jobs to spot nodes and put a cache in front of the model. The bill fell by $18k a month within "
        "six weeks and latency stayed flat.\n\n## 🚀 £40k of unused seats\n\nI went through our licences and found "
        "300 seats nobody had opened in a year. I cancelled them and moved the team to the shared plan. We saved "
        "£40k a year.\n"
    )
    assert story_titles(saved(tmp_path, "wins.md", text)) == [
        "$18k a month back from the GPU bill",
        "£40k of unused seats",
    ]


SUB_HEADED = """# Stories

## The cold-store door

### Situation
The depot's cold-store door jammed most winter nights and two audits failed on its temperature log.

### Why nobody owned it
Facilities said it was the drivers, the drivers said it was the door.

### Action
I timed the door for a week, found the seal froze shut overnight, got a heated strip fitted and moved the first
loading slot fifteen minutes later.

### Result
We passed the next three audits without a finding.
"""


def test_a_sub_heading_between_part_headings_is_a_part_of_the_story(tmp_path: Path) -> None:
    # "### Why nobody owned it" between "### Situation" and "### Action" adds to the story told in those parts:
    # it neither titles a story of its own nor takes the action and result away from the heading above.
    (story,) = found(saved(tmp_path, "stories.md", SUB_HEADED))
    assert story.title == "The cold-store door"
    assert story.situation.startswith("The depot's cold-store door")
    assert story.action.startswith("I timed the door") and story.result.startswith("We passed")
