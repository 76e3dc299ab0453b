"""Story layouts met in candidates' own notes: vim fold markers, a coach's CriticMarkup edits, a story title that
starts with "ask". Each is ingested as a user's file would be (ingest_paths on a real file)."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.ingest.folds import unfold
from knowledge.ingest.revisions import accept

FOLDED = """vim: set foldmethod=marker foldlevel=0 :
prep for the platform loops
zR opens everything.

DIARY {{{1
\t10-02  screen with the recruiter, went fine
}}}1

STORIES {{{1

the cold cache monday {{{2
\ttags: incident
\tmonday 9am the catalogue api timed out for every shop. I was on call.
\tfound the cache had been flushed by a deploy script at 8:55, so every
\trequest went to the database. I paused the deploys, warmed the cache
\tfrom the replica and wrote the runbook that night. we added a check that
\trefuses a flush during opening hours. no repeat in the 14 months since.
}}}2

ask-the-warehouse bot {{{2
\tpickers asked the desk where stock was about 200 times a shift. I
\tbuilt a chat helper for the warehouse staff on top of the stock api and
\twrote the retrieval part and the evals myself, 300 real questions from the
\tfloor with the answers the desk gave. tuned it until wrong answers fell
\tunder 3%. launched to two sites, then all nine. the support desk got 40%
\tfewer stock questions and the pickers kept using it after the pilot.
}}}2
}}}1
"""

REVISED = """# Stories for the director loop

{>>Coach: good start. Lead with the stakes.<<}

## {~~The cutover thing~>Cutting over the ledger in one night~~}

{++We had one night to move the ledger or miss the audit.++} {--Basically--} I planned the cutover with the two
team leads, {~~we~>I~~} ran the rehearsal twice and set a rollback point every hour. {==At 3am the reconciliation
failed on 12 accounts.==}{>>Coach: say what you did next.<<} I held the cutover, we fixed the mapping and the ledger
went live at 5:40. The audit passed with no findings.
"""


def test_vim_folds_are_read_as_sections_and_a_title_starting_with_ask_is_a_story(tmp_path: Path) -> None:
    path = tmp_path / "interviews.txt"
    path.write_text(FOLDED, encoding="utf-8")
    titles = [s.title for s in ingest_paths([path]).stories]
    assert "the cold cache monday" in titles
    assert "ask-the-warehouse bot" in titles  # "ask-..." names a story, not the candidate's questions to ask
    lines = FOLDED.split("\n")
    assert len(unfold(lines)) == len(lines)


def test_a_coachs_edits_are_accepted_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "stories (coach edits).md"
    path.write_text(REVISED, encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert [s.title for s in stories] == ["Cutting over the ledger in one night"]
    told = " ".join([stories[0].text, stories[0].situation, stories[0].action, stories[0].result])
    assert "Coach:" not in told and "Basically" not in told and "{" not in told
    assert "ran the rehearsal twice" in told
    lines = REVISED.split("\n")
    assert len(accept(lines)) == len(lines)


def test_text_with_a_stray_brace_is_left_alone() -> None:
    lines = ["The map {{{ is not a fold", "a score of {--3 was noted"]
    assert unfold(lines) == lines
    assert accept(lines) == lines


WORKSHEET = """STAR PREP SHEET (careers office copy)

PITCH (Who are you? Keep it to 60 seconds.):
I lead the payments squad at a grocery app, five engineers, and before that I was a backend engineer for six years.

STORY #: 1
STORY TITLE (a name you will remember it by): The double-charge Friday
COMPETENCY: incident

SITUATION (Where were you? When?
What went wrong?):
A retry bug charged about 900 customers twice on a Friday evening, in 2024, and the support queue tripled.

TASK (What were YOU responsible for?):
I was the on-call lead, so stopping the charges and the refunds were mine.

ACTION (What did YOU do? Use "I".):
I switched off the retry job, wrote the query that found every double charge and ran the refunds in batches.

RESULT (What happened? Use numbers.):
Every customer was refunded within 20 hours, and we added an idempotency key so it cannot happen again.

STORY #: 2
STORY TITLE (a name you will remember it by): ____________
COMPETENCY: ________

SITUATION (Where were you? When?
What went wrong?):

TASK (What were YOU responsible for?):

ACTION (What did YOU do? Use "I".):

RESULT (What happened? Use numbers.):
"""

PRINTED = """==> bank/index.md <==
---
title: My stories
---

Index of the files below.

==> bank/flaky-tests.md <==
---
title: "Flaky tests week"
tags: [quality]
---

**Context** — Our main branch was red half of every day in March because of flaky integration tests.

**What I did** — I quarantined the 40 worst tests, gave each an owner and set a rule that a quarantined test is fixed
or deleted within two weeks.

**What happened** — Main was green 96% of the time by May and the quarantine list stayed under five tests.

==> bank/_template.md <==
---
title:
---

**Context** —

**What I did** —

**What happened** —
"""


def test_a_filled_in_worksheet_reads_as_titled_stories_without_the_forms_prompts(tmp_path: Path) -> None:
    path = tmp_path / "worksheet.txt"
    path.write_text(WORKSHEET, encoding="utf-8")
    stories = ingest_paths([path]).stories
    titles = [s.title for s in stories]
    assert "The double-charge Friday" in titles
    assert not any("Where were you" in t or "COMPETENCY" in t or "____" in t for t in titles)
    told = next(s for s in stories if s.title == "The double-charge Friday")
    assert told.situation.startswith("A retry bug charged about 900 customers")
    assert "What went wrong" not in told.text


def test_files_printed_one_after_another_keep_their_front_matter_titles(tmp_path: Path) -> None:
    path = tmp_path / "all stories.md"
    path.write_text(PRINTED, encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert [s.title for s in stories] == ["Flaky tests week"]  # the blank template is not a story
    assert stories[0].result.startswith("Main was green 96%")


ANNOTATED_CV = """# JO TAN

## Experience

### Brightwater Logistics — ML Engineer

- ⚑ Cut the route planner's cloud bill by 52%; no change in on-time deliveries.

    > **story behind it:** the planner ran on four large machines around the clock and finance asked why. I
    > measured first: the machines sat idle 80% of the night. Moved the nightly solve to spot instances, cached
    > the distance matrix between runs and dropped two solver passes that never changed the answer. The bill fell
    > from 14k to 6.7k a month and on-time deliveries stayed at 97%. Lesson: look at utilisation first.

- Maintained the data warehouse's dbt models. *(no story)*

- Led the depot rollout of the driver app to 40 sites in one quarter.
"""


def test_a_cv_bullet_with_its_story_told_under_it_is_a_story_titled_by_the_bullet(tmp_path: Path) -> None:
    path = tmp_path / "cv annotated.md"
    path.write_text(ANNOTATED_CV, encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert [s.title for s in stories] == ["Cut the route planner's cloud bill by 52%"]
    assert stories[0].text.startswith("the planner ran on four large machines")


OUTLINE = """PREP OUTLINE -- loops in March
(print it, read it on the train)

I.  ABOUT ME
    A.  Short intro, 60 sec
        1.  Chemist by training, then four years of analytics at a
            paint maker, then ML at a grocery chain since 2021.
        2.  Why leaving: I want a real platform team around me.

II. WHEN IT WENT WRONG
    A.  The label that said vegan
        1.  Sit - a customer wrote that a vegan-labelled soup had
            fish sauce in it. nobody was hurt but it reached the press.
        2.  What I did - traced it to a join that dropped nested
            ingredients, fixed the query, backfilled 40 recipes and added
            a nightly check against the supplier sheets.
        3.  Res - no wrong label since, and the check has caught 3
            supplier mistakes before they went live.

III. QUESTIONS TO ASK
    A.  Who owns the feature store?
"""

SCRIPT = """# Panel rehearsal

## Scene 1 - Opening: "walk me through your career"   *(target 1:30)*

**ME:** Sure. / I run the data platform at a water company, forty people in five teams. / Before that I spent eight
years at a telecom, from database admin to running the warehouse team. / Why now: I want a company where the AI
platform is the product.

## Scene 2 - The night the meters stopped   *(target 2:00)*

**THEM:** What was the worst outage your team has had?

**ME:** The meter feed stalled at 2am on a holiday and nobody saw it for sixteen hours. / I named an incident lead
and took the updates to the business every hour myself. / The feed was back in two hours and the re-billing took
three days. / After the review every critical pipeline got a named owner that pages a person, and we started
quarterly game days. / Complaints stayed under a thousand and the regulator closed it without a fine.

**THEM (likely):** What would you change?

**ME:** Ask who gets woken up before a pipeline goes live.
"""


def test_a_lettered_outline_in_plain_text_reads_its_points_as_stories(tmp_path: Path) -> None:
    path = tmp_path / "outline.txt"
    path.write_text(OUTLINE, encoding="utf-8")
    titles = [s.title for s in ingest_paths([path]).stories]
    assert "The label that said vegan" in titles
    assert "Short intro, 60 sec" in titles
    assert not any("QUESTIONS TO ASK" in t or "feature store" in t for t in titles)


def test_a_rehearsal_scene_is_titled_by_its_scene_and_read_through_its_breath_marks(tmp_path: Path) -> None:
    path = tmp_path / "script.md"
    path.write_text(SCRIPT, encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert stories[0].title.startswith("Scene 1 - Opening") and stories[0].kind == "answer"  # a pitch
    assert stories[1].title.startswith("Scene 2 - The night the meters stopped")
