"""Prep notes that went through another tool first: a PDF turned back into text (page breaks, running headers,
a contents page), voice memos run through speech-to-text, LaTeX with the author's own macros, a JSON export that
escapes every non-ASCII character and an HTML export whose titles are bold by style. Each is written to disk and
read by the real ingester: every story is found under its own title, in one piece, with its parts.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.ingest import IngestResult, ingest_paths
from knowledge.models import Story

HEADER = "   Ana Ruiz · Staff engineer loops · notes                                   PRIVATE"
FOOTER = "                                                                   Page {n} of 3"

PRINTED = "\n".join([
    HEADER, "", "", "                         STORY NOTES", "", "   Contents",
    "   1    Before the call ......................................................... 1",
    "   2    Stories ................................................................. 2",
    "        2.1 The queue that ate itself .......................................... 2",
    "        2.2 Who approves a schema change? ...................................... 3",
    "", FOOTER.format(n=1),
    "\f" + HEADER, "", "",
    "   1 Before the call",
    "   Breathe, drink water, lead with the number. Two minutes per story at most.",
    "",
    "   2 Stories",
    "",
    "   2.1 The queue that ate itself",
    "   Situation. In 2023 our payment retries were put back on the same queue they came from, so one",
    "   bad partner slowed every other partner down for a whole afternoon.",
    "   What I did. I split retries onto their own queue with a budget per partner and wrote the run-",
    "   book for switching a partner off.",
    "   Result. Checkout latency stayed flat through the next partner outage; support tickets fell by 40%.",
    "",
    "   2.2 Who approves a schema change?",
    "   Situation. Two teams both believed they owned the orders schema, and each reverted the other's",
    "", "", FOOTER.format(n=2),
    "\f" + HEADER, "", "",
    "   migrations twice in one month.",
    "   What I did. I wrote a one-page proposal that gave ownership to the team on call for it and set up a",
    "   review rota, then walked both leads through it together.",
    "   Result. No reverted migration since; review time dropped from a week to two days.",
    "", FOOTER.format(n=3), "",
])

MEMOS = """────────────────────────────────
Recording: intro v2.m4a
Recorded: 3 Oct 2026 at 09:10 · Duration 1:02
Transcribed with a local model · language: English
────────────────────────────────

[00:00:00.000 --> 00:00:06.100]  Okay, tell me about yourself, take two.
[00:00:06.200 --> 00:00:14.900]  I'm Ana, I lead the payments platform team, six engineers; before that, backend.
[00:00:15.000 --> 00:00:22.300]  I'm looking for a bigger scope where reliability is the product, not an afterthought.

────────────────────────────────
Recording: Story - the partner queue.m4a
Recorded: 4 Oct 2026 at 08:00 · Duration 1:40
Transcribed with a local model · language: English
────────────────────────────────

[00:00:00.000 --> 00:00:05.000]  Right, the partner queue one.
[00:00:05.100 --> 00:00:13.000]  Situation, last winter one slow partner, um, held up every payment.
[00:00:13.100 --> 00:00:21.000]  What I did. I gave retries their own queue and wrote the runbook myself.
[00:00:21.100 --> 00:00:29.000]  Result, the next outage, uh, left checkout alone; tickets fell by forty percent.

────────────────────────────────
Recording: Story - the rota nobody wanted.m4a
Recorded: 5 Oct 2026 at 08:00 · Duration 1:35
Transcribed with a local model · language: English
────────────────────────────────

[00:00:00.000 --> 00:00:07.000]  So, two senior engineers refused to join the on-call rota after a bad quarter.
[00:00:07.100 --> 00:00:15.000]  What I did. I fixed the three noisiest alerts and took the first week myself.
[00:00:15.100 --> 00:00:23.000]  Result, both joined within a month, and pages per week went from thirty to eight.
"""

LATEX = r"""\documentclass{article}
\newcommand{\tale}[2]{\par\medskip\noindent{\Large\bfseries #1}\hfill{\small #2}\par}
\newcommand{\lab}[2]{\par\noindent\textbf{#1.}~#2\par}
\begin{document}
\section*{My stories}
\tale{The queue that ate itself}{reliability}
\lab{S}{Retries shared the main queue, so one slow partner slowed every payment for an afternoon.}
\lab{A}{I split retries onto their own queue with a budget per partner and wrote the runbook for
switching a partner off.}
\lab{R}{Checkout latency stayed flat through the next partner outage; tickets fell 40\%.}

\tale{Schema ownership}{conflict}
\lab{S}{Two teams reverted each other's migrations twice in one month.}
\lab{A}{I proposed that the on-call team owns the schema and set up a review rota with both leads.}
\lab{R}{No reverted migration since; reviews take two days instead of a week.}
\end{document}
"""


def _read(tmp_path: Path, name: str, text: str) -> IngestResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest_paths([path])


def _story(result: IngestResult, title: str) -> Story:
    found = [s for s in result.stories if s.title == title]
    assert found, [s.title for s in result.stories]
    return found[0]


def test_printed_pages_read_as_one_document(tmp_path: Path) -> None:
    result = _read(tmp_path, "notes (pdftotext).txt", PRINTED)
    titles = [s.title for s in result.stories if s.kind == "story"]
    assert titles == ["The queue that ate itself", "Who approves a schema change?"]
    split = _story(result, "Who approves a schema change?")
    # the story broken by a page break is one story, without the page's header or footer in it
    assert "migrations twice in one month" in split.situation
    assert "one-page proposal" in split.action and "two days" in split.result
    assert not any("PRIVATE" in s.text or "Page 2" in s.text for s in [*result.stories, *result.references])
    queue = _story(result, "The queue that ate itself")
    assert queue.situation.startswith("In 2023") and "runbook" not in queue.situation


def test_voice_memos_are_stories_under_their_recording_names(tmp_path: Path) -> None:
    result = _read(tmp_path, "memos (transcribed).txt", MEMOS)
    kinds = {s.title: s.kind for s in result.stories}
    assert kinds == {"intro v2": "answer", "the partner queue": "story", "the rota nobody wanted": "story"}
    queue = _story(result, "the partner queue")
    assert "-->" not in queue.text and "Recorded:" not in queue.text
    assert queue.situation.startswith("last winter") and "own queue" in queue.action and "forty" in queue.result
    assert not {"um", "uh"} & set(queue.text.replace(",", " ").split())  # hesitations are not what was said
    # told before its first label: the opening is the situation
    assert _story(result, "the rota nobody wanted").situation.startswith("So, two senior engineers refused")


def test_latex_with_the_authors_own_title_and_label_macros(tmp_path: Path) -> None:
    result = _read(tmp_path, "stories.tex", LATEX)
    assert [s.title for s in result.stories] == ["The queue that ate itself", "Schema ownership"]
    ownership = _story(result, "Schema ownership")
    assert ownership.situation.startswith("Two teams") and ownership.action.startswith("I proposed")
    assert "reliability" not in _story(result, "The queue that ate itself").title


def test_json_export_with_escaped_titles_and_a_story_in_one_notes_field(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "fields": {"Name": "Queue → calm", "Type": "story",
                                "Situation": "Retries shared the main queue and one partner slowed every payment.",
                                "Action": "I split retries onto their own queue with a budget for each partner.",
                                "Result": "Checkout latency stayed flat through the next partner outage."}},
        {"id": "r2", "fields": {"Name": "Schema – who owns it", "Type": "story",
                                "Notes": "S: Two teams reverted each other’s migrations twice in one month.\n"
                                         "A: I proposed that the on-call team owns the schema, with a review rota.\n"
                                         "R: No reverted migration since; reviews take two days, not a week."}},
    ]
    text = json.dumps({"records": records}, indent=2)  # ensure_ascii: "\u2192", "\u2013", "\u2019"
    assert "\\u2192" in text
    result = _read(tmp_path, "export.json", text)
    assert [s.title for s in result.stories] == ["Queue → calm", "Schema – who owns it"]
    schema = _story(result, "Schema – who owns it")
    assert schema.situation.startswith("Two teams") and schema.action.startswith("I proposed")


def test_html_titles_bold_by_style(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><body>
<div><span style="font-size: 16px; font-weight: bold;">The partner queue</span></div>
<div>Last winter one slow partner held up every payment because retries shared a queue with everything else.</div>
<div>I gave retries their own queue and a budget per partner, and I wrote the runbook for switching one off.</div>
<div>Result: the next partner outage did not touch checkout, and support tickets fell by 40%.</div>
<div><span style="font-weight: 700">The rota nobody wanted</span></div>
<div>Two senior engineers refused to join the on-call rota after a quarter of noisy pages and lost weekends.</div>
<div>I fixed the three noisiest alerts first, took the first week myself and paired each of them for a shift.</div>
<div>Result: both joined within a month, and pages per week went from 30 to 8.</div>
</body></html>
"""
    result = _read(tmp_path, "export.html", page)
    assert [s.title for s in result.stories] == ["The partner queue", "The rota nobody wanted"]


OUTLINE = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Interview stories</title></head>
  <body>
    <outline text="Stories">
      <outline text="The partner queue">
        <outline text="Situation: last winter one slow partner held up every payment because retries shared a queue."/>
        <outline text="Action: I gave retries their own queue and a budget per partner; I wrote the runbook."/>
        <outline text="Result: the next partner outage left checkout alone, and support tickets fell by 40%."/>
      </outline>
      <outline text="The rota nobody wanted">
        <outline text="Situation: two senior engineers refused to join the on-call rota after noisy pages."/>
        <outline text="Action: I fixed the three noisiest alerts first and took the first week on call myself."/>
        <outline text="Result: both joined within a month, and pages per week went from 30 to 8."/>
      </outline>
    </outline>
  </body>
</opml>
"""

SPEAKERS = """Interview stories - practice

The partner queue

Ana Ruiz  0:03
So, um, last winter one slow partner held up every payment because retries shared a queue with everything else.

Ana Ruiz  0:12
What I did. I gave retries their own queue and a budget per partner, and I wrote the runbook myself.

Ana Ruiz  0:21
Result, the next partner outage left checkout alone, and support tickets fell by forty percent.

The rota nobody wanted

Ana Ruiz  1:02
Two senior engineers refused to join the on-call rota after a quarter of noisy pages and lost weekends.

Ana Ruiz  1:10
What I did. I fixed the three noisiest alerts first and I took the first week on call myself.

Ana Ruiz  1:19
Result, both joined within a month, and pages per week went from thirty to eight.
"""


def test_outline_with_its_text_in_attributes(tmp_path: Path) -> None:
    result = _read(tmp_path, "stories.opml", OUTLINE)
    assert [s.title for s in result.stories] == ["The partner queue", "The rota nobody wanted"]
    rota = _story(result, "The rota nobody wanted")
    assert rota.situation.startswith("two senior engineers") and rota.result.startswith("both joined")


def test_transcript_with_speaker_and_time_lines(tmp_path: Path) -> None:
    result = _read(tmp_path, "practice (transcript).txt", SPEAKERS)
    assert [s.title for s in result.stories] == ["The partner queue", "The rota nobody wanted"]
    queue = _story(result, "The partner queue")
    assert "0:12" not in queue.text and "Ana Ruiz" not in queue.text and "um" not in queue.text.split()
    assert queue.situation.startswith("So, last winter") and "runbook" in queue.action
