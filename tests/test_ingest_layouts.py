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

ask-for-invoices export {{{2
\tthe nightly invoice export kept failing on the first of the month. I
\ttraced it to one customer whose invoices ran past 10k lines, which blew
\tthe memory limit. rewrote the export to stream rows instead of building
\tthe file in memory and added a test with a 50k-line invoice. moved the
\tjob off the shared box while I was at it. no failed month-start export
\tsince, and the job went from 40 minutes to 6.
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
    assert "ask-for-invoices export" in titles  # "ask-..." names a story, not the candidate's questions to ask
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

- ⚑ Rebuilt the returns triage flow; refunds reached customers in 2 days instead of 9.

    > **what happened:** returns sat in a shared inbox and two people sorted them by hand. I mapped a month of
    > returns with them, found that 70% were the same four reasons, and wrote a form that routed those straight to
    > the refund queue with the photo attached. The two of them now handle only the odd cases. Refunds went from 9
    > days to 2, and the complaints about refunds dropped by half in the first quarter.

- Maintained the data warehouse's dbt models. *(no story)*

- Led the depot rollout of the driver app to 40 sites in one quarter.
"""


def test_a_cv_bullet_with_its_story_told_under_it_is_a_story_titled_by_the_bullet(tmp_path: Path) -> None:
    path = tmp_path / "cv annotated.md"
    path.write_text(ANNOTATED_CV, encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert [s.title for s in stories] == ["Rebuilt the returns triage flow"]
    assert stories[0].text.startswith("returns sat in a shared inbox")


OUTLINE = """PREP OUTLINE -- loops in March
(print it, read it on the train)

I.  ABOUT ME
    A.  Short intro, 60 sec
        1.  Chemist by training, then four years of analytics at a
            paint maker, then ML at a grocery chain since 2021.
        2.  Why leaving: I want a real platform team around me.

II. PROJECTS
    A.  The timetable that skipped a stop
        1.  Sit - the app showed a bus stop as served on Sundays when
            the operator had cut it in the spring. riders waited in vain.
        2.  What I did - found that our import ignored the calendar
            exceptions file, added it to the parser, re-imported a year of
            timetables and put a diff of every change in the morning report.
        3.  Res - the complaints about missing buses fell from 30 a week
            to 2, and the diff has since caught 5 operator mistakes.

III. QUESTIONS TO ASK
    A.  Who owns the feature store?
"""

SCRIPT = """# Panel rehearsal

## Scene 1 - Opening: "walk me through your career"   *(target 1:30)*

**ME:** Sure. / I lead the checkout team at a furniture shop, six engineers. / Before that I built trading tools
at a bank for five years. / Why now: I want to work on a product that millions of people use every day.

## Scene 2 - The lost shipment week   *(target 2:00)*

**THEM:** What was the worst outage your team has had?

**ME:** In June a label printer update broke our courier labels for four days. / I took the call with the courier
myself and had two engineers write a fallback that printed plain labels from the order screen. / We shipped by hand
for two days while the vendor fixed the driver. / Afterwards I added the printers to our release checklist and we
kept the fallback. / Late parcels that week were 300 instead of the 4,000 we had feared.

**THEM (likely):** And next time?

**ME:** Test the printers with every driver update.
"""


def test_a_lettered_outline_in_plain_text_reads_its_points_as_stories(tmp_path: Path) -> None:
    path = tmp_path / "outline.txt"
    path.write_text(OUTLINE, encoding="utf-8")
    titles = [s.title for s in ingest_paths([path]).stories]
    assert "The timetable that skipped a stop" in titles
    assert "Short intro, 60 sec" in titles
    assert not any("QUESTIONS TO ASK" in t or "feature store" in t for t in titles)


def test_a_rehearsal_scene_is_titled_by_its_scene_and_read_through_its_breath_marks(tmp_path: Path) -> None:
    path = tmp_path / "script.md"
    path.write_text(SCRIPT, encoding="utf-8")
    stories = ingest_paths([path]).stories
    assert stories[0].title.startswith("Scene 1 - Opening") and stories[0].kind == "answer"  # a pitch
    assert stories[1].title.startswith("Scene 2 - The lost shipment week")


def test_the_layout_readers_stay_linear_on_hostile_lines() -> None:
    import time

    from knowledge.ingest.worksheet import unform

    hostile = ["A" + " " * 50_000 + "x", "Aaa" + " b-b" * 3000 + " 1", "{++ x" * 20_000, "t" + " " * 30_000 + "}}}"]
    start = time.perf_counter()
    for reader in (unform, accept, unfold):
        assert len(reader(hostile * 3)) == len(hostile) * 3
    assert time.perf_counter() - start < 3.0  # a backtracking pattern took over 15 s on the first line alone


def test_a_cvs_summary_is_its_owners_pitch(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "# SAM ORTIZ\n\n## Summary\n\nData engineer with seven years on payments and logistics data. I like owning a "
        "pipeline from the first source to the dashboard people read, and I am looking for a team where data quality "
        "is part of the product, not an afterthought.\n\n" + ANNOTATED_CV.split("\n", 2)[2],
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert stories["Summary"].kind == "answer"  # a pitch: first for "tell me about yourself", last for the rest
    assert stories["Rebuilt the returns triage flow"].kind == "story"
