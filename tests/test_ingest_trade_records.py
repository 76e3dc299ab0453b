"""Stories told inside the records of another trade: a logbook's entries drawn between rules, a form named by its
subject field, a songbook (ChordPro), annotated chess games (PGN), a template's numbered or capitalised run-in
parts, and a notebook of numbered cases with a pitch among them. Read from files on disk through the real ingester
(banners.py, named_within.py, chordpro.py, pgn.py, prose.py, backstory.py). Every document is written here in our
own words."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

FLIGHT_LOG = """\
PILOT LOGBOOK - typed up, the work ones marked [W]

----------------------------------------------------------------------
FLIGHT #88 | 2025-06-02 | Route: Barton to Caernarfon | PA-28 | 1.4h
CREW: solo
WEATHER: CAVOK, light wind
REMARKS: Coast run, glassy sea. Landed long on 26, go around next time.
SIGNED: -
----------------------------------------------------------------------

----------------------------------------------------------------------
FLIGHT [W] #01 | 2024-02 | Route: The night the queue froze | 3 days
CREW: me, Tamsin from payments
WEATHER: Black Friday week, traffic four times normal
REMARKS: I noticed the order queue consumer falling behind at midnight
  and paged the payments lead. I split the consumer into three partitions,
  moved the retry job off the main queue and throttled the email sender.
  The backlog cleared by 3am and we lost no orders that week.
SIGNED: Tamsin R.
----------------------------------------------------------------------

----------------------------------------------------------------------
FLIGHT [W] #02 | 2025-05 | Route: Slimming the search bill | 6 weeks
CREW: me, Osric
WEATHER: search cluster costing 40k a month, finance asking why
REMARKS: I tagged every index with its owning team and found half the
  spend sat in two indexes nobody queried. We archived them, moved logs
  to cold storage and halved the replica count. The bill fell to 19k.
SIGNED: -
----------------------------------------------------------------------
"""

FORMS = """\
CASE FILE - interview versions in the old attendance-note layout

ATTENDANCE NOTE
Ref: 01
Fee earner: me
Matter: the archive move nobody wanted
1. In 2023 I was asked to move 14 years of scanned contracts off a failing file server.
2. I ran the copy in batches by client, checked every batch against a hash list and kept the old server read-only.
3. We finished in five weeks with no file lost, and the server was switched off a month early.

ATTENDANCE NOTE
Ref: 02
Fee earner: me
Matter: the intake form that asked too much
1. Our client intake form had 60 fields and half the clients gave up before the end.
2. I sat with two paralegals, cut the form to 18 fields and moved the rest to a later call.
3. Completed intakes rose from 48% to 81% in the first quarter after the change.
"""

SONGBOOK = """\
# band-and-work.chopro - both sets in one file
{new_song}
{title: Harbour Lights}
{subtitle: band set - closer}
{key: D}
{start_of_verse}
[D]Lanterns on the [G]water, [A]boats come in at [D]nine
{end_of_verse}

{new_song}
{title: The Ledger Waltz}
{subtitle: (a bug that reached production)}
{key: C}
{start_of_verse}
[C]Last spring our invoice totals were off by a penny on one order in fifty, and finance found it first.
I traced it to two services rounding VAT at different steps, moved both to one shared rounding rule
and replayed six months of invoices.
{end_of_verse}
{start_of_chorus}
We issued 212 small credit notes and the mismatches stopped.
I added a nightly check that compares totals with the ledger.
{end_of_chorus}

# SET LIST: Harbour Lights, then the new one
"""

GAMES = """\
[Event "Club night, board 2"]
[Site "Riverside Chess Club"]
[Date "2026.02.11"]
[White "Me"]
[Black "Okafor, J."]
[Result "0-1"]

1. e4 e5 2. Nf3 Nc6 3. Bc4 { the usual } 3... Bc5 4. b4 $2 { too loose } 0-1

[Event "Gambit accepted - the warehouse that paged at night"]
[Site "Work"]
[Date "2025.03.??"]
[White "Me"]
[Black "Night pages"]
[Result "1-0"]

1. d4 { Situation: our warehouse loads paged the on-call engineer most nights
and two people had asked to leave the rota. } 1... d5 2. c4 { What I did: I sorted
three months of pages by cause, found 70% came from one flaky upstream export,
and moved that load to retry on its own with a morning alert instead of a page. }
2... e6 3. Nc3 $1 { Result: pages fell from 22 a month to 3 and nobody left the
rota. } ( 3. Nf3 { what I would change: ask the rota first, not last. } ) 1-0
"""

RECIPE_CARDS = """\
# Recipe cards - the work ones

## Sourdough Loaf (the rota)

**Serves:** 5 engineers · **Prep:** one afternoon · **Bake:** Q2 2025

Step 1: on-call pages landed on the same two people every week and one of them was close to quitting.
Step 2: counted eight weeks of pages per person, shared the numbers at the team meeting.
Step 3: rebuilt the rota so everyone took one week in five, added a handover note at each change.
Step 4: wrote a runbook for the five alerts that made most of the pages.

**Result:** pages per person evened out, nobody quit, night pages fell by a third.

**Tips:** should have counted the pages a quarter earlier.

## Lemon Drizzle (the flaky tests)

**Serves:** 12 developers · **Prep:** two weeks · **Bake:** Q1 2025

Step 1: the main build failed one run in four for no reason anyone could find.
Step 2: tagged every failing test over a month, found 30 tests sharing one database.
Step 3: gave each test its own schema, retried none of them.
Step 4: moved the slowest suite to run at night, posted the failure rate in the team channel each week.

**Result:** failed builds went from one in four to one in fifty.

**Tips:** quarantine first, fix second.
"""

CASEBOOK = """\
# Casebook - interview stories

Old habit from the clinic: one case per section.

## Opening statement (= TMAY)

I am a backend engineer at a travel firm, six years in, now leading our booking services team of five.

## Case 1: the double bookings

In 2024 customers were charged twice when the payment page timed out. I traced it to a retry without an
idempotency key, added the key to every payment call and refunded the 310 customers affected within a week.

## Case 2: the migration that stalled

Our move off the old message broker stalled at 70% when the last teams said they had no time. I lent two of my
engineers to those teams for a month and we switched the old broker off in March.

## Case 3: the slow search page

Search took four seconds at peak. I profiled it, found one query without an index and cached the filters; the
page now answers in 400 milliseconds.
"""


def _ingest(tmp_path: Path, name: str, text: str) -> tuple[list[str], list[str], list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = ingest_paths([path])
    return ([s.title for s in result.stories], [s.text for s in result.stories],
            [s.title for s in result.references])


def test_logbook_entries_between_rules_are_stories_named_by_their_banner(tmp_path: Path) -> None:
    titles, _, _ = _ingest(tmp_path, "logbook.txt", FLIGHT_LOG)
    assert any("The night the queue froze" in t for t in titles)
    assert any("Slimming the search bill" in t for t in titles)
    assert not any(t.startswith("SIGNED") for t in titles)  # the closing rule underlines no field


def test_a_form_repeated_on_every_record_is_named_by_its_matter_field(tmp_path: Path) -> None:
    titles, _, _ = _ingest(tmp_path, "case file.txt", FORMS)
    assert "the archive move nobody wanted" in titles
    assert "the intake form that asked too much" in titles


def test_a_chordpro_songbook_stores_the_told_song_without_its_chords(tmp_path: Path) -> None:
    titles, texts, _ = _ingest(tmp_path, "band-and-work.chopro", SONGBOOK)
    assert titles == ["The Ledger Waltz"]  # the band's song tells nothing
    told = texts[0]
    assert "rounding rule" in told and "212 small credit notes" in told
    assert "[C]" not in told and "{" not in told


def test_annotated_games_keep_the_comments_and_drop_the_moves(tmp_path: Path) -> None:
    titles, texts, _ = _ingest(tmp_path, "games.pgn", GAMES)
    assert titles == ["Gambit accepted - the warehouse that paged at night"]  # the club game is no story
    told = texts[0]
    assert "flaky upstream export" in told and "ask the rota first" in told
    assert "Nc3" not in told and "$1" not in told and "Night pages" not in told


def test_a_folder_of_notes_reads_its_songbook_and_its_games(tmp_path: Path) -> None:
    (tmp_path / "band-and-work.cho").write_text(SONGBOOK, encoding="utf-8")
    (tmp_path / "games.pgn").write_text(GAMES, encoding="utf-8")
    titles = sorted(s.title for s in ingest_paths([tmp_path]).stories)
    assert titles == ["Gambit accepted - the warehouse that paged at night", "The Ledger Waltz"]


def test_numbered_run_in_steps_told_without_i_still_make_a_story(tmp_path: Path) -> None:
    titles, _, _ = _ingest(tmp_path, "recipe cards.md", RECIPE_CARDS)
    assert any(t.startswith("Sourdough Loaf") for t in titles)
    assert any(t.startswith("Lemon Drizzle") for t in titles)


def test_a_pitch_among_numbered_cases_does_not_make_the_next_case_a_note(tmp_path: Path) -> None:
    titles, _, references = _ingest(tmp_path, "casebook.md", CASEBOOK)
    assert "the double bookings" in titles
    assert not any("double bookings" in t for t in references)
