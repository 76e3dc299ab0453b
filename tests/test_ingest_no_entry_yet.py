"""A list of topics the candidate has no story for, titled in the words of the form the stories are kept in ("No
card yet", "NO LOG YET (skip these)"): the author's own word that it holds no story. It is kept as a note, never
retrieved, so a question on one of its topics is told that no prepared story fits rather than shown the list.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.index import is_retrievable
from knowledge.ingest import ingest_paths

RECIPES = "\n".join(
    [
        "# Recipe cards (each card = one interview story)",
        "",
        "## Card 1: Sourdough that would not rise",
        "",
        "**Prep:** Our nightly invoice job started timing out after a customer doubled their order volume.",
        "",
        "**Method:** I profiled it, found a query that loaded every line item one at a time, and rewrote it as one",
        "batched read. I added a load test with ten times the volume and ran it before every release.",
        "",
        "**Served:** The job went from 50 minutes to 6, and it has not timed out since.",
        "",
        "## No card yet",
        "",
        "- time zones / remote - we always sat in one building, I never led a spread team. Be honest about it.",
        "- a promotion case - I wrote one for Priya last year but I can't remember the details well, skip",
        "- a hire that failed -> nothing, last time I said I'd been lucky?? (weak answer, find something real)",
        "- build vs buy for the scheduler -> technical, I just revised the notes",
        "",
    ]
)


def test_a_no_entry_yet_list_is_never_a_retrievable_story(tmp_path: Path) -> None:
    path = tmp_path / "recipe cards.md"
    path.write_text(RECIPES, encoding="utf-8")
    result = ingest_paths([path])
    retrievable = [s.title for s in result.stories if is_retrievable(s)]
    assert any("Sourdough" in t for t in retrievable), retrievable
    assert not any("card yet" in t.lower() for t in retrievable), retrievable
