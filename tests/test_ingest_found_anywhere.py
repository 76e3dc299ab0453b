"""A story is found wherever it sits: a block that tells a past case under a line that names it, whatever the
file's layout (a data file of records, a subtitle transcript, a notebook's callouts, a changelog's bold items, a
weekly 1-on-1 page's topics, a numbered series of worksheets).

Each document below is written for this test, read through the real ingester from a real file, and holds notes
that are not stories (tips, a list of questions, settings) that must stay out.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.ingest import ingest_paths

QUEUE = (
    "In March our print queue backed up every Monday and customers waited two days for proofs. I traced it to one "
    "batch job that locked the whole table. I split the job by region, moved it to Sunday night and added an alert "
    "on queue age. Monday waits dropped from two days to three hours and stayed there."
)
HANDOVER = (
    "Last year a new engineer on my team kept missing the handover notes after his on-call weeks. I sat down with "
    "him, asked what got in the way, and we wrote a five-line template together. I checked the next four handovers "
    "with him. He has not missed one since, and two other teams copied the template."
)
VENDOR = (
    "In 2024 our vendor raised the price of the address lookup by 40% with a month's notice. I measured how often "
    "we really called it, cached the answers for a day and moved the rare lookups to an open dataset. We cut the "
    "bill by 70% and the checkout got faster."
)
TIPS = "Lead with the number. Keep it under two minutes. Say what you would do differently."


def _stories(path: Path) -> dict[str, str]:
    """Title -> kind of every story or prepared answer read from the file."""
    return {s.title: s.kind for s in ingest_paths([path]).stories}


def _has(titles: dict[str, str], name: str) -> bool:
    return sum(name in t for t in titles) == 1


def test_json_lines_records_are_stories(tmp_path: Path) -> None:
    rows = [
        {"id": "x", "type": "meta", "title": "seed records for the rehearsal bot", "text": "One record a line."},
        {"id": "s1", "type": "story", "title": "the Monday queue", "tags": ["ops"], "text": QUEUE},
        {"id": "s2", "type": "story", "title": "missed handovers", "tags": ["people"], "text": HANDOVER},
        {"id": "n1", "type": "note", "title": "how to answer", "text": TIPS},
    ]
    path = tmp_path / "bot_seed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    titles = _stories(path)
    assert _has(titles, "the Monday queue") and _has(titles, "missed handovers"), titles
    assert not any("how to answer" in t for t in titles), titles


def test_toml_tables_are_stories(tmp_path: Path) -> None:
    path = tmp_path / "stories.toml"
    path.write_text(
        "# read by the rehearse-o-matic script\n# tip tables are skipped by it\n\n[owner]\nname = \"ines\"\n\n"
        f"[[story]]\ntitle = \"the Monday queue\"\narea = \"delivery\"\nbody = \"\"\"\n{QUEUE}\n\"\"\"\n\n"
        f"[[tip]]\ntitle = \"delivery\"\nbody = \"{TIPS} {TIPS}\"\n\n"
        f"[[story]]\ntitle = 'the address lookup bill'\nbody = '''\n{VENDOR}\n'''\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert _has(stories, "the Monday queue") and _has(stories, "the address lookup bill"), list(stories)
    assert "delivery" not in stories, list(stories)
    # each story is placed at its own title's line, though the file's tables are not in the order TOML groups them
    numbers = [n for n, x in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if x.startswith("title")]
    assert [stories["the Monday queue"].line, stories["the address lookup bill"].line] == [numbers[0], numbers[2]]


def _cues(speaker: str, text: str, start: int) -> str:
    """A story said over several subtitle cues, a sentence each, as a recorder writes them."""
    out = []
    for n, sentence in enumerate(s if s.endswith(".") else s + "." for s in text.split(". ")):
        out.append(f"{start + n}\n00:{start + n:02d}:00.000 --> 00:{start + n:02d}:05.000\n<v {speaker}>{sentence}\n")
    return "\n".join(out)


def test_a_subtitle_transcript_with_bookmark_notes(tmp_path: Path) -> None:
    path = tmp_path / "mock with Ana.vtt"
    path.write_text(
        "WEBVTT - mock interview\n\nNOTE\nbookmarks added later: NOTE case lines name the stories.\n\n"
        "1\n00:00:01.000 --> 00:00:04.000\n<v Ana Ruiz>Tell me about a time a process was too slow. What did you do?"
        "\n\n"
        f"NOTE case: the Monday queue (good one)\n\n{_cues('Jo Park', QUEUE, 2)}\n"
        "9\n00:09:00.000 --> 00:09:04.000\n<v Ana Ruiz>How do you run your planning? Has that changed over the years?"
        "\n\n"
        f"{_cues('Jo Park', TIPS, 10)}\n"
        f"NOTE case: missed handovers [check the dates]\n\n{_cues('Jo Park', HANDOVER, 20)}\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert _has(stories, "the Monday queue") and _has(stories, "missed handovers"), list(stories)
    queue = next(s for t, s in stories.items() if "the Monday queue" in t)
    assert "<v " not in queue.text  # the voice tags say who spoke, not what
    assert "planning" not in queue.text  # the next question ends the story told before it


def test_callouts_titled_only_by_their_attribute(tmp_path: Path) -> None:
    path = tmp_path / "prep.qmd"
    path.write_text(
        "---\ntitle: prep\nformat: html\n---\n\n## Stories\n\n::: {.panel-tabset}\n\n### Delivery\n\n"
        f'::: {{.callout-note title="the Monday queue" collapse="true"}}\n{QUEUE}\n:::\n\n'
        f'::: {{.callout-tip title="the address lookup bill" collapse="true"}}\n{VENDOR}\n:::\n\n'
        "### Tips\n\n::: {.callout-warning title=\"how to answer\"}\n" + TIPS + "\n:::\n\n:::\n",
        encoding="utf-8",
    )
    titles = _stories(path)
    assert _has(titles, "the Monday queue") and _has(titles, "the address lookup bill"), titles


def test_bold_named_items_with_a_remark_after_the_name(tmp_path: Path) -> None:
    path = tmp_path / "career log.md"
    path.write_text(
        "# Career log\n\n## 2024\n\n### Changed\n\n"
        f"- **Queue jobs: one table → one per region** (March)\n\n  {QUEUE}\n\n"
        f"### Removed\n\n- **The address lookup** (2024) — dropped it myself, and cheaper in the end\n\n  {VENDOR}\n\n"
        f"### Notes\n\n- {TIPS}\n",
        encoding="utf-8",
    )
    titles = _stories(path)
    assert _has(titles, "one per region") and _has(titles, "The address lookup"), titles


def test_a_numbered_series_of_worksheets(tmp_path: Path) -> None:
    path = tmp_path / "worksheets.txt"
    path.write_text(
        "WORKSHEETS - one page per story\n\n"
        "-----------------------------------------\nSHEET 1: the Monday queue\n\n" + QUEUE + "\n\n"
        "-----------------------------------------\nSHEET 2: missed handovers\n\n" + HANDOVER + "\n",
        encoding="utf-8",
    )
    titles = _stories(path)
    assert _has(titles, "the Monday queue") and _has(titles, "missed handovers"), titles


def test_one_long_sub_item_under_a_topic(tmp_path: Path) -> None:
    path = tmp_path / "1-on-1 notes.md"
    path.write_text(
        "# 1-on-1 notes\n\n### 2026-03-02\n\n#### Topics\n"
        f"- Monday queue fixed\n    - what I'd say: {QUEUE}\n- Budget\n\n**Outcome**\n- fine, send the numbers.\n\n"
        f"### 2026-01-12\n\n#### Topics\n- Handovers again\n    - what I'd say: {HANDOVER}\n- Hiring plan\n",
        encoding="utf-8",
    )
    titles = _stories(path)
    assert _has(titles, "Monday queue fixed") and _has(titles, "Handovers again"), titles


def test_a_case_told_with_a_negative_past(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "## the dashboard nobody opened (autumn)\n"
        "Our CFO wanted a weekly cost dashboard, and the first version got four views in a month. I wasn't "
        "surprised.\nThat week I didn't open the code, and I wasn't going to guess. Spent it with three budget owners "
        "and their spreadsheets. What they lacked: a warning, not a chart.\n"
        "A Monday email with the three biggest changes, live in 3 weeks. Budget questions to finance down about half "
        "by the next quarter.\n",
        encoding="utf-8",
    )
    assert _has(_stories(path), "the dashboard nobody opened")


def _sql(text: str) -> str:
    """A string as `sqlite3 .dump` writes it: quotes doubled, line breaks through replace()."""
    quoted = "'" + text.replace("'", "''").replace("\n", "\\n") + "'"
    return f"replace({quoted},'\\n',char(10))" if "\n" in text else quoted


def test_a_sqlite_dump_s_rows_are_stories(tmp_path: Path) -> None:
    path = tmp_path / "drill.db.sql"
    name, queue = _sql("the Monday queue (Rui's fix)"), _sql(QUEUE.replace(". I ", ".\nI ", 1))
    path.write_text(
        "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE setting (k TEXT PRIMARY KEY, v TEXT);\n"
        "INSERT INTO setting VALUES('owner','rui');\n"
        "CREATE TABLE card (id INTEGER PRIMARY KEY, name TEXT, body TEXT, rehearsed INTEGER);\n"
        f"INSERT INTO card VALUES(1,{name},{queue},3);\n"
        f"INSERT INTO card VALUES(2,'missed handovers',{_sql(HANDOVER)},1);\n"
        "CREATE TABLE reminder (id INTEGER PRIMARY KEY, text TEXT);\n"
        f"INSERT INTO reminder VALUES(1,{_sql(TIPS)});\n"
        "CREATE VIEW ready AS SELECT name FROM card WHERE rehearsed > 2;\n"
        "ATTACH DATABASE 'elsewhere.db' AS other;\nCREATE TABLE other.copy (x TEXT);\n"
        "COMMIT;\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories}
    assert _has(stories, "the Monday queue") and _has(stories, "missed handovers"), list(stories)
    queue = next(s for t, s in stories.items() if "the Monday queue" in t)
    assert "I split the job by region" in queue.text and "replace(" not in queue.text
    assert not any("Lead with the number" in s.text for s in stories.values())
    assert not (tmp_path / "elsewhere.db").exists() and not Path("elsewhere.db").exists()  # the dump reached no file
