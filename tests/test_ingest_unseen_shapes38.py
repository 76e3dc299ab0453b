"""Stories read by the structure of the document they sit in: BDD scenarios in a feature file, entries opened by
a wiki template's calls under `== Section ==` headings, a bibliography whose citations name the annotations under
them.

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingested import found, saved, story_titles

FEATURE = """# my cases, as scenarios (Given = before, When = what I did, Then = how it ended)
# TODO: trim each to two minutes
# ask them: who reviews the schedule changes?

Feature: Rosalind's cases for the depot manager loop
  As someone who forgets half of each story
  I want them in one shape

  Background:
    Given I lead with the number

  @conflict @planning
  Scenario: The forklift rota nobody signed
    Given two shift leads at our cold store each kept their own forklift rota
    And in May 2024 both booked the same three trucks for the Monday peak
    When I sat them down with a week of loading logs, we built one rota on a shared sheet
    And I agreed that each lead would own alternate weeks and swap on Fridays, with me as the tie-break at first
    And I asked the drivers to tell me the moment a truck sat idle for more than an hour so we could move it
    Then double bookings dropped from six a month to none over the summer
    But one lead still prints it out and pins it up, which is fine

  @failure @stock
  Scenario: Counting pallets twice
    Given our stock counts came out wrong every quarter by about four percent
    And the auditors flagged it as a risk in their spring report
    When I walked the count with the night team, I found that returns were scanned at the door and again on the rack
    And I changed the returns desk to scan once and tag the pallet with a coloured band
    And I trained the three night staff on it over two shifts and checked fifty returns with them every week
    And I wrote the rule into the handover sheet so that the day team would follow it too
    Then the gap fell under half a percent at the next two counts
    But I had blamed the scanners for a month before I looked

  @wip
  Scenario: "The van tracker rollout"
    # not written yet

  Scenario Outline: numbers to keep handy
    Given the case "<case>"
    Then I say "<figure>"

    Examples:
      | case        | figure      |
      | rota        | six to none |
"""


def test_feature_file_scenarios_are_stories(tmp_path: Path) -> None:
    # `#` lines are Gherkin comments, not headings; each scenario is one story, its steps the text
    path = saved(tmp_path, "cases.feature", FEATURE)
    titles = story_titles(path)
    assert titles == ["The forklift rota nobody signed", "Counting pallets twice"]
    rota = next(s for s in found(path) if s.title.startswith("The forklift"))
    assert "shared sheet" in rota.text and "auditors" not in rota.text


WIKI = """<!-- copied from my home wiki -->
{{DISPLAYTITLE:Prep page}}
{{Stub|needs numbers}}
__TOC__

'''Tomasz Brenner''' - data engineer. See also [[Tech notes]].

== Pipelines ==
{{Case|title=The nightly job that ate Sundays|area=execution|state=ready}}
'''Sit''' - our nightly load into the warehouse grew from forty minutes to six hours and ran into Sunday morning
reports, so the finance team saw yesterday's figures at noon.

'''What I did''' - I profiled the job and found one join rebuilt a full table every night; I changed it to load
only the changed rows and split the rest into three parallel steps.

'''Result''' - the job finished in thirty-five minutes and the Sunday reports were ready by seven again.

== People ==
{{Case|title=Pairing with Odile on tests|area=mentoring|state=draft}}
'''Sit''' - Odile joined from an analyst role and her first two pull requests broke the staging loads.

'''What I did''' - I paired with her twice a week for a month on writing data tests before the change, and we
wrote a short guide together for the next joiner.

'''Result''' - her next twelve pull requests went in clean, and she now runs the Thursday testing hour.

[[Category:Interviews]]
"""


def test_wiki_template_calls_name_the_entries_under_section_headings(tmp_path: Path) -> None:
    # each call of a template used for every entry opens one entry titled by its title parameter; a section with a
    # single entry is no longer titled by its heading
    path = saved(tmp_path, "Prep_page.wiki.txt", WIKI)
    assert story_titles(path) == ["The nightly job that ate Sundays", "Pairing with Odile on tests"]


BIBLIOGRAPHY = """# My work, cited

*Kept the way I kept papers: one reference per case, the annotation is the story.*

## 1. Shipping

**Ferrante, G., & Ode, L. (2023). *Reading meters from photos.* Utility report 12. [end-to-end] [vision]**

Annotation: Field staff read gas meters by hand and typed the number into a phone, and one read in thirty was
wrong. I built a small model that read the dial from the photo they already took, tested it on five thousand
old photos, and asked the field team to flag every disagreement for two months. Wrong reads fell to one in four
hundred and the call centre's billing complaints halved.

**Ferrante, G. (2024). *Handing the pipeline over.* Team wiki. [ownership]**

Annotation: My meter model lived in my notebooks and nobody else could retrain it when I was away in 2023. I
rebuilt it as a scheduled pipeline with tests, wrote a runbook and had a colleague retrain it while I watched.
Since then two people have retrained it without me and I took a full holiday without a call.

## 2. Reading list (not mine)

**Halvorsen, P. (2021). *Counting under shift.* Journal of Field Vision, 3(1). [calibration]**

Annotation: Why per-site correction helps. Revise for the technical round.
"""


def test_citation_lines_name_the_annotations_under_them(tmp_path: Path) -> None:
    # the italic title of a whole-line citation names the paragraph under it; authors, venue and tags do not
    path = saved(tmp_path, "cited.md", BIBLIOGRAPHY)
    titles = story_titles(path)
    assert titles[:2] == ["Reading meters from photos", "Handing the pipeline over"]
    meters = next(s for s in found(path) if s.title == "Reading meters from photos")
    assert "one in four" in meters.text and "runbook" not in meters.text


CARDS = """# Service cards (for the team; the interview stories are behind the cards)

# Service card for invoice-matcher

## Details

Rules plus a small classifier that pairs supplier invoices with purchase orders by amount, date and supplier code.

## Owners and dependencies

Finance platform team; reads from the ledger replica every fifteen minutes; pages the on-call engineer on failure.

## Metrics

Matched without a person: 82 percent of invoices; median time to match four minutes; false matches under 0.3
percent in the monthly audit sample.

## Behind the card: the supplier who changed every code

In spring 2025 one large supplier renumbered all of its product codes overnight and our match rate fell from
eighty to forty percent in a day, with the finance team matching by hand until midnight. I traced it to the
supplier code table, wrote a mapping from the supplier's old codes to the new ones with their account manager on
a call, and added an alert when one supplier's match rate drops by half in a day. The rate was back the next
morning and the alert has caught two smaller renumberings since.

# Service card for receipt-reader

## Details

Reads totals and dates from photographed receipts for the expenses app.

## Metrics

Field accuracy 97 percent on the spring test set.

## Limitations

Handwritten receipts are sent to a person.
"""


def test_a_cards_story_part_is_the_story_and_its_fields_are_notes(tmp_path: Path) -> None:
    # the story part after a card's registry fields is a story of its own; the fields around it are kept as notes
    path = saved(tmp_path, "service-cards.md", CARDS)
    stories = found(path, "story")
    told = next(s for s in stories if s.title == "the supplier who changed every code")
    assert "renumbered" in told.text and "ledger replica" not in told.text
    assert not any("invoice-matcher" in s.title for s in stories)


MEETING_NOTES = """# Practice interview - Imogen x Bartek

Tue 3 Mar · 40 min · Attendees: Bartek Nowicki, Imogen Farrow

## Summary

Imogen ran a practice panel for Bartek, who is going for warehouse operations manager roles.

## Notes

### Picking Errors on the Night Shift

- Bartek noticed that returns for wrong items doubled over the winter, almost all from night picks
  - Night pickers had the oldest scanners and the dimmest aisles
- Bartek walked two night shifts with the pickers and timed every mis-scan
- Bartek moved the fast-moving lines to the lit end of the aisles and swapped the scanners with the day team
- Bartek agreed a short check at the packing bench for a month and asked the team leads to post the daily count
  - The packers pushed back at first because the check slowed the last hour before the vans left
- Bartek moved two packers from the day shift to cover that hour and checked the van times every morning
- Wrong-item returns fell by two thirds within six weeks and stayed there through the spring
- Imogen asked what he would change; Bartek said he should have asked the pickers first, not the data
- (me: the fall was two thirds, not half)

## Action items

- [ ] Bartek to cut the scanner part to one line
"""


def test_third_person_notes_of_a_practice_interview_tell_the_subjects_story(tmp_path: Path) -> None:
    # the attendee the bullets are about is the teller: a note-taker's "<name> walked ..." reads as "I walked ..."
    path = saved(tmp_path, "practice-notes.md", MEETING_NOTES)
    assert "Picking Errors on the Night Shift" in story_titles(path)


PLAN = """FIRST QUARTER PLAN - head of operations (with the cases that back it up)

OPENER: I run three depots for a regional grocer and I want a bigger network to run.

==============================================================
WEEKS 1-4 : WALK THE FLOOR
==============================================================

1.1  Shadow every shift lead for a full shift in the first fortnight.
     CASE >> the month of night shifts at Eastgate
       When I took over Eastgate in 2022 I was told the problem was lazy
       pickers. I worked a full shift with each of the nine leads before I
       changed anything, and asked each the same three questions about what
       slowed them down. I wrote the answers up without names and pinned
       them in the canteen. The real problem was that the night team had
       to wait forty minutes every night for the chilled delivery. I moved
       the chilled slot with the haulier, which took two calls and a
       favour, and the night shift finished on time from the next week.

1.2  Read the last year of accident reports.

==============================================================
WEEKS 5-8 : FIX THE BASICS
==============================================================

2.1  One stock system, not three.
2.2  Weekly numbers every Monday morning.
"""


def test_a_label_pointing_at_a_name_names_the_one_case_under_a_plan_item(tmp_path: Path) -> None:
    # "CASE >> <name>" under a phase banner is the case's own name, even when the phase holds only that one case
    path = saved(tmp_path, "quarter-plan.txt", PLAN)
    assert any("the month of night shifts at Eastgate" in t for t in story_titles(path))


WORKSHEET = """# Case worksheet

## Moving the depot without missing a drop

**Competency:** leadership
**Question it answers:** a change you led
**Situation:** In 2024 our main depot moved across town and deliveries had to keep running through the move.
**Action:** I split the fleet in two, ran both sites for three weeks and moved one route a day.
**Result:** No drop was missed and the move finished four days early.

## Coaching the new planner

**Competency:** mentoring
**Question it answers:** helping someone grow
**Situation:** nothing yet
**Action:** TBD
**Result:**
"""


def test_a_form_whose_parts_say_nothing_yet_is_no_story(tmp_path: Path) -> None:
    # every part empty, a placeholder or "nothing yet", and nothing else told: a form still to fill in, kept as a note
    path = saved(tmp_path, "worksheet.md", WORKSHEET)
    assert story_titles(path) == ["Moving the depot without missing a drop"]


GLOSSED_CARD = """# Model Card for ines-2026 (who I am)

## Model details

Ines Calder, data scientist, four years at a regional bus company, two models in service.

## Intended use (= my intro)

I'm a data scientist at a regional bus company. I joined as an analyst, moved into forecasting when the timetable
team kept running out of drivers on Mondays, and built the model that now plans driver rosters a fortnight ahead.
Before that I taught maths for three years, which is why I care about explaining a model to the people who use it.
I'm looking for a team where models reach real users every week.

## Limitations

Speaks fast when nervous.

# Model Card for roster-planner

## Model details

Gradient boosting over past rosters, bank holidays and school terms.

## Evaluation

Mean absolute error of three drivers a day on last winter.
"""


def test_a_card_part_glossed_as_the_intro_is_the_told_part(tmp_path: Path) -> None:
    # a part glossed "(= my intro)" is the card's told part, named with the card; the fields around it are notes
    path = saved(tmp_path, "cards.md", GLOSSED_CARD)
    told = [s for s in found(path) if "ines-2026" in s.title]
    assert len(told) == 1 and "Intended use" in told[0].title
    assert "Speaks fast" not in told[0].text and "Ines Calder" not in told[0].text
