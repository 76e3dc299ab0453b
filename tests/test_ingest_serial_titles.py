"""A section titled only by its place in a series (a letter of an A-Z list, `CARD 04 [story]`) is named by what
its first line says: a glossary term with its remark, or the claim a card's first field states.

Both documents are read through the real ingester from real files; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

PAGER = (
    "  the story: In 2023 our pager woke someone four nights a week and half the alerts needed nothing. I went "
    "through ninety days of pages with the two seniors, we deleted forty alerts and I moved the rest behind "
    "error budgets. The hardest part was the product lead, who wanted every checkout alert kept; I showed him that "
    "none of the twelve checkout pages that quarter had needed a human and we agreed on two that did. I wrote the "
    "rota's rules down on one page and asked each senior to own one service's alerts. Night pages fell to one a week "
    "and nobody left the rota that year."
)
ROLLOUT = (
    "In 2024 we shipped a new ranking model to every market on one Tuesday and conversion fell 4% in two of them. "
    "I rolled it back, wrote the flag service a per-market switch and asked the team to stage every launch by "
    "region from then on. Sales pushed back because one launch date was easier to announce, so I showed them the two "
    "markets' lost orders next to the one week a staged launch costs. The next three launches went out market by "
    "market and none had to be rolled back."
)


def _titles(path: Path) -> list[str]:
    return [s.title for s in ingest_paths([path]).stories]


def test_an_a_to_z_glossary_names_its_stories_by_their_terms(tmp_path: Path) -> None:
    path = tmp_path / "harbour glossary.txt"
    path.write_text(
        "HARBOUR A-Z\n\nMy glossary of the last job. Entries with a story are the ones I tell.\n\n-- A --\n\n"
        "ALERT BUDGET: how many pages a week we allow. Four.\n\n-- N --\n\n"
        f"NIGHTJAR (the on-call rota): six engineers, a week each, handover on Mondays.\n{PAGER}\n\n-- S --\n\n"
        "SHARD MAP: which tenant lives on which database. Numbers only.\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert titles == ["NIGHTJAR (the on-call rota)"], titles


def test_numbered_cards_are_named_by_the_claim_they_make(tmp_path: Path) -> None:
    path = tmp_path / "cards.txt"
    path.write_text(
        "CARDS\n\n====== CARD 03 [story] ======\n"
        "CLAIM: Stage every launch by region, never all markets at once\nSOURCE: me, ranking team, spring 2024\n"
        f"{ROLLOUT}\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert titles == ["Stage every launch by region, never all markets at once"], titles


def test_letters_of_an_index_are_not_star_parts(tmp_path: Path) -> None:
    # "-- S --", "-- T --" and "-- R --" divide an A-Z list here; read as Situation / Task / Result they made the
    # entry above them one story and lost the entries under them.
    path = tmp_path / "shop floor a-z.txt"
    path.write_text(
        "SHOP FLOOR A-Z\n\n-- B --\n\nBATCH WINDOW: the two hours at night when imports run. Numbers only.\n\n"
        f"-- N --\n\nNIGHTJAR (the on-call rota): six engineers, a week each.\n{PAGER}\n\n-- R --\n\n"
        "RETRY QUEUE: where failed imports wait. see NIGHTJAR.\n\n-- S --\n\n"
        f"STAGED LAUNCH (how we ship models now): one region at a time.\n  the story: {ROLLOUT}\n\n-- T --\n\n"
        "TENANT: one customer account. About 900 of them.\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert titles == ["NIGHTJAR (the on-call rota)", "STAGED LAUNCH (how we ship models now)"], titles


def test_a_case_with_one_sentence_of_own_actions_is_a_story(tmp_path: Path) -> None:
    # Told mostly about the system, in the past tense: the teller's part is one sentence, then how it ended.
    path = tmp_path / "cards.txt"
    path.write_text(
        "CARDS\n\n====== CARD 05 [story] ======\n"
        "CLAIM: A dead-letter queue beats a smarter retry loop\nSOURCE: me, billing imports, 2024\n"
        "Billing imports pull invoices from forty supplier portals every night. In 2024 the importer was a loop "
        "that retried a failed portal forever. About one night in ten a single broken portal held up the whole run "
        "and finance opened the day without yesterday's invoices. I split the run into one job per portal, capped "
        "each at three retries, sent what still failed to a dead-letter queue with the raw response kept, and put "
        "that queue on the finance team's morning dashboard. Late runs dropped to zero that quarter, and the queue "
        "holds about five invoices a week, which finance clears by hand before ten.\n\n"
        "====== CARD 06 [theory] ======\nCLAIM: Idempotency keys on every import\nSOURCE: my notes\n"
        "Every import carries a key made of the supplier and the invoice number, so a rerun never books twice.\n",
        encoding="utf-8",
    )
    titles = _titles(path)
    assert titles == ["A dead-letter queue beats a smarter retry loop"], titles
