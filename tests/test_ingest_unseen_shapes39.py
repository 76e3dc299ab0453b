"""Stories read by the structure any document shows, not by its format: a mailbox of notes sent to oneself (one
section per thread), records whose one bold field became a sub-heading, records opened by a line of fields,
a copied page's button repeated in every record, a form's numbered questions repeated in every entry, and cases
narrated about the candidate in the third person.

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingested import found, saved, story_titles


def _message(envelope: str, subject: str, body: str) -> str:
    return (
        f"From {envelope}@xxx Mon Mar 02 07:10:00 +0000 2026\n"
        "X-Gmail-Labels: Prep\n"
        "Date: Mon, 2 Mar 2026 07:10:00 +0000\n"
        f"Subject: {subject}\n"
        "From: Ada <ada@example.org>\n"
        "To: Ada <ada@example.org>\n"
        'Content-Type: text/plain; charset="UTF-8"\n'
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{body}\n"
        "\n"
    )


MAILBOX = (
    _message("101", "case - the cold-store rota", "rota clash, two leads, fixed w/ one sheet. write up later")
    + _message("102", "bike lock code", "4471, the shed behind the canteen")
    + _message(
        "103",
        "Re: case - the cold-store rota",
        "fuller version:\n\n"
        "In 2024 two shift leads at our cold store kept rival forklift rotas and both booked the same trucks=\n"
        " for the Monday peak. I sat them down with a week of loading logs and we built one shared rota; I ag=\n"
        "reed each would own alternate weeks. Double bookings went from six a month to none by August, and=20\n"
        "I learned to bring the logs before the opinions.\n\n"
        "On Mon, 2 Mar 2026 at 07:10, Ada <ada@example.org> wrote:\n"
        "> rota clash, two leads, fixed w/ one sheet. write up later",
    )
    + _message(
        "104",
        "case - pallets counted twice",
        "Our quarterly stock counts were off by four percent and the auditors flagged it. I walked the count\n"
        "with the night team and found returns were scanned at the door and again on the rack. I changed the\n"
        "desk to scan once and trained the night staff over two shifts. The gap fell under half a percent.",
    )
)


def test_a_mailbox_is_read_a_section_per_thread(tmp_path: Path) -> None:
    stories = found(saved(tmp_path, "notes to self.mbox", MAILBOX), "story")
    titles = [s.title for s in stories]
    assert any("cold-store rota" in t for t in titles)
    assert any("pallets counted twice" in t for t in titles)
    assert not any("lock code" in t or "fuller version" in t for t in titles)
    rota = next(s for s in stories if "cold-store rota" in s.title)
    # quoted-printable undone (no "=20", no soft breaks), the quoted first draft left out, one story per thread
    assert "agreed each would own" in rota.text and "=20" not in rota.text
    assert rota.text.count("write up later") == 1
    assert sum("cold-store rota" in t for t in titles) == 1


PAPERS = """# Review file, my cases

## R-1 - The night count that never matched

Owner: me · Date: 03/02/26 · Checked by: Ola · State: done

**Brief** — find out why stock counts drifted.

**Legwork**

- Walked the count with the night team and found returns scanned twice.
- Changed the returns desk to scan once; trained three night staff over two shifts.

**Close-out** — the gap fell from four percent to under half a percent in two counts.

---

## R-2 - A rota two leads both owned

Owner: me · Date: 05/02/26 · Checked by: Ola · State: done

**Brief** — stop double bookings of forklifts at the cold store.

**Legwork**

- Sat both leads down with a week of loading logs; we built one shared sheet.
- Agreed alternate weeks of ownership, with me as tie-break for the first month.

**Close-out** — double bookings went from six a month to none by August.

---

## R-3 - The van tracker nobody opened

Owner: me · Date: 07/02/26 · Checked by: Ola · State: done

**Brief** — get the drivers to use the new van tracker.

**Legwork**

- Rode along for two shifts and saw the app needed six taps to log a stop.
- Cut it to one tap with the vendor and showed the drivers their own saved minutes.

**Close-out** — daily use went from a quarter of drivers to nine in ten within a month.
"""


def test_records_whose_one_bold_field_is_a_sub_heading_are_whole_stories(tmp_path: Path) -> None:
    titles = story_titles(saved(tmp_path, "review file.md", PAPERS))
    assert any("night count that never matched" in t for t in titles)
    assert any("rota two leads both owned" in t for t in titles)
    assert any("van tracker nobody opened" in t for t in titles)
    assert not any(t.lower().startswith("legwork") for t in titles)


COPY = """DESK FILE // interview cases // spring

----------------------------------------------------------------
CODE: rota-clash | AUTHOR: AB | LENGTH: 150 | STATE: ready
TOP: Two leads kept rival forklift rotas, and the Monday trucks paid for it
SUB: A cold store ends its double bookings with a week of loading logs and a shared rota
----------------------------------------------------------------
In 2024 two shift leads at Norrow's cold store each kept a forklift rota and both booked the same trucks.
Ballard sat them down with a week of loading logs, and they built one shared rota. Ballard agreed each lead
would own alternate weeks. Double bookings fell from six a month to none by August, Ballard said.
DONE

----------------------------------------------------------------
CODE: count-drift | AUTHOR: AB | LENGTH: 140 | STATE: ready
TOP: A stock count that came out four percent wrong, quarter after quarter
SUB: Returns scanned at the door and again on the rack, and the cheap fix that closed the gap
----------------------------------------------------------------
Norrow's quarterly counts were off by four percent. Ballard walked the count with the night team and found
returns scanned twice. Ballard changed the returns desk to scan once and trained the staff over two shifts.
The gap fell under half a percent, which Ballard called the cheapest fix of the year.
DONE

----------------------------------------------------------------
CODE: tracker-taps | AUTHOR: AB | LENGTH: 145 | STATE: ready
TOP: Drivers ignored the van tracker, until it took one tap instead of six
SUB: Drivers ignored a van tracker until a supervisor rode along and counted the taps
----------------------------------------------------------------
Drivers at Norrow ignored the new van tracker. Ballard rode along for two shifts and counted six taps per
stop. He worked with the vendor to cut it to one tap, and Ballard showed the drivers the minutes they saved each
day. Daily use rose from a quarter of drivers to nine in ten within a month.
DONE
"""


def test_records_opened_by_a_line_of_fields_and_told_about_the_candidate(tmp_path: Path) -> None:
    titles = story_titles(saved(tmp_path, "desk file.txt", COPY))
    assert titles == ["rota-clash", "count-drift", "tracker-taps"]


REVIEWS = """reviews pasted from the jobs site, my answers under MY ANSWER

----------------------------------------
Harbridge Interview
Operations Lead Interview

Interview questions [2]
Question 1
Tell me about a time two colleagues disagreed and you stepped in.
Answer question

MY ANSWER ->
  two shift leads at our cold store both booked the same forklifts for the monday peak. i sat them down with
  a week of loading logs and we built one rota on a shared sheet, alternate weeks each. double bookings went
  from six a month to none by august.

Question 2
Why Harbridge?
Answer question

----------------------------------------
Pellow Interview
Depot Manager Interview

Interview questions [1]
Question 1
How do you handle numbers that never add up? A real case please.
Answer question

MY ANSWER ->
  stock counts were four percent out every quarter. i walked the count with the night team and found returns
  scanned twice, changed the desk to scan once and trained the staff. the gap fell under half a percent.

----------------------------------------
Quayle Interview
Shift Supervisor Interview

Interview questions [1]
Question 1
What would you change in your first month?
Answer question
"""


def test_a_button_repeated_under_every_question_names_no_story(tmp_path: Path) -> None:
    stories = found(saved(tmp_path, "reviews.txt", REVIEWS))
    titles = [s.title for s in stories]
    assert "Answer question" not in titles
    assert any(t.startswith("Tell me about a time two colleagues disagreed") for t in titles)
    assert any(t.startswith("How do you handle numbers that never add up") for t in titles)


FORMS = """# My improvement forms (copied from the suggestion scheme)

# SF-2024-07: One shared forklift rota

| | |
|---|---|
| Submitted by | me |
| Decision | ADOPTED |

### 1. What problem does the suggestion fix?
Two leads booked the same trucks for the Monday peak, six times a month.

### 2. How is it done today?
Each lead keeps a private rota.

### 3. Describe the suggestion
Sat both leads down with a week of loading logs and built one shared rota, alternate weeks each. Checked the
bookings with them every Friday for a month.

### 4. What changed?
Double bookings fell to none by August.

---

# SF-2024-11: Scan returns once

| | |
|---|---|
| Submitted by | me |
| Decision | ADOPTED |

### 1. What problem does the suggestion fix?
Stock counts were four percent out every quarter.

### 2. How is it done today?
Returns are scanned at the door and again on the rack.

### 3. Describe the suggestion
Walked the count with the night team, moved the scan to the desk only and trained three staff over two shifts.

### 4. What changed?
The gap fell under half a percent at the next two counts.
"""


def test_a_forms_numbered_questions_repeated_in_every_entry_are_its_parts(tmp_path: Path) -> None:
    stories = found(saved(tmp_path, "forms.md", FORMS))
    titles = [s.title for s in stories]
    assert any("One shared forklift rota" in t for t in titles)
    assert any("Scan returns once" in t for t in titles)
    assert not any(t.startswith(("What problem", "Describe the suggestion", "How is it done")) for t in titles)


CATALOGUE = """# Cabinet of my work (written like the museum's labels)

## 2026.4.1 · Shared rota sheet, laminated

| Field | Value |
|---|---|
| Object type | Process |
| Location | Case 1 |

**Label text:**
This sheet ended a long quarrel. Two shift leads at the cold store each kept a rota and both booked the
same trucks. Ines sat them down with a week of loading logs, and together they built one shared rota.
Ines agreed that each lead would own alternate weeks. Double bookings fell from six a month to none by August.

**Note:** conflict between peers.

## 2026.4.2 · Barcode gun with a taped trigger

| Field | Value |
|---|---|
| Object type | Tool |
| Location | Case 2 |

**Label text:**
Counts were four percent out every quarter. Ines walked the count with the night team and found every
return scanned twice. She moved the scan to the desk and trained three staff over two shifts. Ines checked
fifty returns a week with them until the gap fell under half a percent.

**Note:** numbers that never add up.

## 1931.2.9 · Brass weighing scale

| Field | Value |
|---|---|
| Object type | Scale |
| Location | Store |

**Label text:**
This scale stood at the mill gate for forty years. Carters weighed their loads on it before the long climb
to the town, and the brass pan was polished by hand every Friday.
"""


def test_cases_narrated_about_the_candidate_are_her_stories(tmp_path: Path) -> None:
    titles = story_titles(saved(tmp_path, "cabinet.md", CATALOGUE))
    assert any("Shared rota sheet" in t for t in titles)
    assert any("Barcode gun" in t for t in titles)
    assert not any("weighing scale" in t for t in titles)


EQUATED = """# Lessons I keep

## L-2 · Peak season = freeze season

| Field | Value |
|---|---|
| Kind | Programme |
| Logged | 02 Feb 2025 |
| Owner | me |
| Priority | High |

**What happened.** In 2024 our warehouse system upgrade was booked for November, the month our volumes doubled.
I moved the upgrade to January after walking the ops director through last year's peak tickets, and we froze
every change from the first of November. Tickets during peak fell by a third against the year before.

## L-3 · A rota two leads both owned

**What happened.** Two shift leads booked the same forklifts for the Monday peak. I sat them down with a week of
loading logs and we built one shared rota; double bookings went from six a month to none by August.
"""


def test_a_title_setting_two_phrases_equal_is_no_code(tmp_path: Path) -> None:
    titles = story_titles(saved(tmp_path, "lessons.md", EQUATED))
    assert any("Peak season = freeze season" in t for t in titles)
