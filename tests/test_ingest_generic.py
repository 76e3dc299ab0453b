"""Document shapes no reader was written for, read by structure and content: JSON and YAML records, HTML pages,
LaTeX, decorated or numbered title lines, note-app residue, and plain blocks under title-like first lines (the
fallback when no rule finds anything). Non-stories (checklists, refreshers, logistics) stay out of retrieval.
Every document is written for this file and read from disk by the real ingester."""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml

from knowledge.ingest import ingest_paths
from knowledge.ingest.result import IngestResult

BOARD = {
    "name": "Job hunt",
    "lists": [{"id": "l1", "name": "Stories"}],
    "cards": [
        {
            "id": "c1",
            "name": "The index that ate the disk",
            "desc": "**Situation:** Our search cluster ran out of disk every Sunday night because a reindex job kept "
            "three copies.\n**Action:** I changed the job to swap aliases and delete the old index at once, and "
            "added a disk alarm at 70%.\n**Result:** No Sunday pages for six months; disk use fell by half.",
            "labels": ["ops"],
            "comments": [{"text": "Nice, but what did it cost? A reviewer's note that must not join the story."}],
        },
        {"id": "c2", "name": "Buy a new suit", "desc": "before Thursday"},
    ],
}

YAML_BANK = """\
candidate: Rui
stories:
  - title: Shrinking the build
    question: Tell me about a time you made your team faster.
    situation: CI took 48 minutes per pull request and people batched changes to avoid it.
    what_i_did:
      - I profiled the pipeline and found 30 minutes in a test stage that rebuilt the same images.
      - I cached the images by digest and split the slow tests across four runners.
    outcome: Median CI time fell to 11 minutes and pull requests got smaller.
    tags: [productivity, ci]
  - title: Practice plan
    notes: short
"""

HTML = """\
<!DOCTYPE html>
<html><head><title>Prep</title><style>p { color: red }</style></head>
<body>
<h1>Interview prep</h1>
<h2>The pricing bug</h2>
<p><b>Situation:</b> A rounding bug charged 3,000 customers one cent too much
for two weeks.</p>
<p><b>Task:</b> I had to refund them and make sure it could not happen again.</p>
<p><b>Action:</b> I wrote the refund job, added a property test on the rounding, and told support first.</p>
<p><b>Result:</b> Every customer was refunded within a day, with an apology email.</p>
<h2>Checklist</h2>
<ul><li>Charge laptop</li><li>Print the job post</li></ul>
</body></html>
"""

LATEX = r"""\documentclass{article}
\usepackage{enumitem}
\begin{document}
\section*{Stories}
\subsection*{Moving the monolith's sessions}
\begin{itemize}
  \item[Situation] Logins failed for 5\% of users whenever we deployed, because sessions lived in memory.
  \item[Task] I owned the login service and had to make deploys invisible to users.
  \item[Action] I moved sessions to Redis behind a feature flag and \emph{drained} old instances slowly.
  \item[Result] Failed logins during deploys went to zero, and we deployed daily instead of weekly.
\end{itemize}
\end{document}
"""

PLAIN = """\
Notes for Friday's loop

=== The vendor migration ===

Situation - our payment vendor was shutting down its old API in ninety days.
Action - I mapped the twelve calls we used, wrote an adapter and moved one merchant a day behind a flag.
Result - we finished two weeks early with no failed payments.
#interviews/stories #payments

【Tech refresher (not stories)】

- idempotency keys: one per request, stored with the response.
- retries: exponential backoff with jitter.
"""

BLOCKS = """\
Mentoring Ana
Ana joined straight from a bootcamp and froze in code reviews. I paired with her twice a week for a month, then
let her lead the reviews while I watched. By the summer she ran our onboarding and was promoted a year later.

The lost weekend
On a Saturday our nightly export wrote empty files and nobody noticed until Monday. I added a row-count check
that fails the job, and we replayed the two nights from the raw logs. We have not shipped an empty file since.
"""


def _ingest(tmp_path: Path, name: str, text: str) -> IngestResult:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return ingest_paths([tmp_path / name])


def test_json_board_cards_are_records_and_their_comments_stay_out(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "board.json", json.dumps(BOARD, indent=2))
    (story,) = result.stories
    assert story.title == "The index that ate the disk"
    assert story.situation.startswith("Our search cluster ran out of disk") and story.result.startswith("No Sunday")
    assert "reviewer" not in story.text


def test_minified_json_is_read_too(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "board.json", json.dumps(BOARD))
    assert [s.title for s in result.stories] == ["The index that ate the disk"]


def test_yaml_story_bank_with_named_parts_and_its_question(tmp_path: Path) -> None:
    assert yaml.safe_load(YAML_BANK)["candidate"] == "Rui"  # the document is valid YAML
    result = _ingest(tmp_path, "bank.yaml", YAML_BANK)
    (story,) = result.stories
    assert story.title == "Shrinking the build"
    assert story.situation.startswith("CI took 48 minutes") and story.action.startswith("I profiled the pipeline")
    assert story.result.startswith("Median CI time fell to 11 minutes")
    assert "Tell me about a time you made your team faster" in [story.question or "", *story.questions]
    assert story.line == 3


def test_html_page_headings_and_bold_labels(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "prep.html", HTML)
    (story,) = result.stories
    assert story.title == "The pricing bug" and story.line == 5
    assert story.situation == "A rounding bug charged 3,000 customers one cent too much for two weeks."
    assert story.result.startswith("Every customer was refunded")
    assert "color" not in story.text


def test_latex_sections_and_item_labels(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "stories.tex", LATEX)
    (story,) = result.stories
    assert story.title == "Moving the monolith's sessions"
    assert story.situation.startswith("Logins failed for 5% of users")
    assert story.action.startswith("I moved sessions to Redis behind a feature flag and drained")


def test_decorated_titles_residue_and_a_refresher_that_is_not_a_story(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "friday.txt", PLAIN)
    stories = [s for s in result.stories if s.kind == "story"]
    assert [s.title for s in stories] == ["The vendor migration"]
    assert stories[0].result == "we finished two weeks early with no failed payments."
    assert not any("idempotency" in s.text for s in result.stories)


def test_blocks_under_title_lines_when_nothing_else_reads(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "notes.txt", BLOCKS)
    assert [s.title for s in result.stories] == ["Mentoring Ana", "The lost weekend"]
    assert all(s.kind == "story" for s in result.stories)


CSV = """\
Story,Situation,What I did,Result,Tags
The cold-start fix,"Our app took 9 seconds to open on older phones, and reviews said so.","I deferred three SDKs
until after the first screen and cut the splash image to a tenth of its size.","Cold start fell to 2.5 seconds;
the rating rose from 3.9 to 4.4.",mobile
Hiring the first SRE,We had no one on call who knew the database.,I wrote the role with the team.,Hired in six weeks.,
"""


def test_csv_story_bank_rows_are_stories(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "bank.csv", CSV)
    assert [s.title for s in result.stories] == ["The cold-start fix", "Hiring the first SRE"]
    first = result.stories[0]
    assert first.situation.startswith("Our app took 9 seconds") and first.action.startswith("I deferred three SDKs")
    assert first.result.startswith("Cold start fell to 2.5 seconds") and first.line == 2


def test_a_yaml_alias_bomb_and_deep_json_end_quickly(tmp_path: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    started = time.monotonic()
    bomb = _ingest(tmp_path, "bomb.yaml", "\n".join(levels) + "\n")
    deep = _ingest(tmp_path, "deep.json", "[" * 5000 + "]" * 5000)
    assert time.monotonic() - started < 5
    assert not bomb.stories and not deep.stories and not bomb.errors


TYPST = """\
#set page(margin: 2cm)
= Interview stories

== The late migration
*Situation:* our billing migration was planned for six weeks and took fourteen.

*Action:* I cut scope to the three largest customers and published the burn-down weekly.

*Result:* the last customer moved in week fourteen; no invoice was wrong.

Asked as: "Tell me about a project that slipped."
"""

HTML_TABLE = """\
<html><body>
<h1>Story bank</h1>
<table>
<tr><th>Story</th><th>Situation</th><th>Action</th><th>Result</th></tr>
<tr><td>The slow checkout</td><td>Checkout p95 was 4 seconds during sales.</td>
<td>I cached the tax lookups and moved fraud checks after authorisation.</td><td>p95 fell to 900 ms.</td></tr>
</table>
</body></html>
"""


def test_equals_headings_and_an_asked_as_line_tie_the_story_to_its_question(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "stories.typ", TYPST)
    (story,) = result.stories
    assert story.title == "The late migration" and story.result.startswith("the last customer moved")
    assert "Tell me about a project that slipped" in [story.question or "", *story.questions]


def test_html_table_rows_are_a_story_table(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "bank.html", HTML_TABLE)
    (story,) = result.stories
    assert story.title == "The slow checkout" and story.action.startswith("I cached the tax lookups")


def test_blocks_under_one_heading_that_held_them_as_one_item(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "notes.md", "# Notes\n\n" + BLOCKS)
    assert [s.title for s in result.stories] == ["Mentoring Ana", "The lost weekend"]
