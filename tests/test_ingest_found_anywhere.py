"""A story is found wherever it sits: a block that tells a past case under a line that names it, whatever the
file's layout (a data file of records, a SQL dump, a subtitle transcript, a notebook's callouts, a changelog's bold
items, a weekly 1-on-1 page's topics, a numbered series of worksheets).

Each document below is written for this test and read through the real ingester from a real file; one table says
which story names each layout must yield (each exactly once) and which notes that are not stories (tips, a list
of questions, settings) must stay out. A few checks per layout say what must stay out of a story's text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

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


def _json_lines() -> str:
    rows = [
        {"id": "x", "type": "meta", "title": "seed records for the rehearsal bot", "text": "One record a line."},
        {"id": "s1", "type": "story", "title": "the Monday queue", "tags": ["ops"], "text": QUEUE},
        {"id": "s2", "type": "story", "title": "missed handovers", "tags": ["people"], "text": HANDOVER},
        {"id": "n1", "type": "note", "title": "how to answer", "text": TIPS},
    ]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


def _toml() -> str:
    return (
        "# read by the rehearse-o-matic script\n# tip tables are skipped by it\n\n[owner]\nname = \"ines\"\n\n"
        f"[[story]]\ntitle = \"the Monday queue\"\narea = \"delivery\"\nbody = \"\"\"\n{QUEUE}\n\"\"\"\n\n"
        f"[[tip]]\ntitle = \"delivery\"\nbody = \"{TIPS} {TIPS}\"\n\n"
        f"[[story]]\ntitle = 'the address lookup bill'\nbody = '''\n{VENDOR}\n'''\n\n"
        "[figures]\nname = \"queue hours\"\nvalue = 3\n"  # a second table: its bracketed line is not a name
    )


def _cues(speaker: str, text: str, start: int) -> str:
    """A story said over several subtitle cues, a sentence each, as a recorder writes them."""
    out = []
    for n, sentence in enumerate(s if s.endswith(".") else s + "." for s in text.split(". ")):
        out.append(f"{start + n}\n00:{start + n:02d}:00.000 --> 00:{start + n:02d}:05.000\n<v {speaker}>{sentence}\n")
    return "\n".join(out)


def _subtitles() -> str:
    return (
        "WEBVTT - mock interview\n\nNOTE\nbookmarks added later: NOTE case lines name the stories.\n\n"
        "1\n00:00:01.000 --> 00:00:04.000\n<v Ana Ruiz>Tell me about a time a process was too slow. What did you do?"
        "\n\n"
        f"NOTE case: the Monday queue (good one)\n\n{_cues('Jo Park', QUEUE, 2)}\n"
        "9\n00:09:00.000 --> 00:09:04.000\n<v Ana Ruiz>How do you run your planning? Has that changed over the years?"
        "\n\n"
        f"{_cues('Jo Park', TIPS, 10)}\n"
        f"NOTE case: missed handovers [check the dates]\n\n{_cues('Jo Park', HANDOVER, 20)}\n"
    )


def _callouts() -> str:
    return (
        "---\ntitle: prep\nformat: html\n---\n\n## Stories\n\n::: {.panel-tabset}\n\n### Delivery\n\n"
        f'::: {{.callout-note title="the Monday queue" collapse="true"}}\n{QUEUE}\n:::\n\n'
        f'::: {{.callout-tip title="the address lookup bill" collapse="true"}}\n{VENDOR}\n:::\n\n'
        "### Tips\n\n::: {.callout-warning title=\"how to answer\"}\n" + TIPS + "\n:::\n\n:::\n"
    )


def _career_log() -> str:
    return (
        "# Career log\n\n## 2024\n\n### Changed\n\n"
        f"- **Queue jobs: one table → one per region** (March)\n\n  {QUEUE}\n\n"
        f"### Removed\n\n- **The address lookup** (2024) — dropped it myself, and cheaper in the end\n\n  {VENDOR}\n\n"
        f"### Notes\n\n- {TIPS}\n"
    )


def _worksheets() -> str:
    return (
        "WORKSHEETS - one page per story\n\n"
        "-----------------------------------------\nSHEET 1: the Monday queue\n\n" + QUEUE + "\n\n"
        "-----------------------------------------\nSHEET 2: missed handovers\n\n" + HANDOVER + "\n"
    )


def _one_on_ones() -> str:
    return (
        "# 1-on-1 notes\n\n### 2026-03-02\n\n#### Topics\n"
        f"- Monday queue fixed\n    - what I'd say: {QUEUE}\n- Budget\n\n**Outcome**\n- fine, send the numbers.\n\n"
        f"### 2026-01-12\n\n#### Topics\n- Handovers again\n    - what I'd say: {HANDOVER}\n- Hiring plan\n"
    )


def _negative_past() -> str:
    return (
        "## the dashboard nobody opened (autumn)\n"
        "Our CFO wanted a weekly cost dashboard, and the first version got four views in a month. I wasn't "
        "surprised.\nThat week I didn't open the code, and I wasn't going to guess. Spent it with three budget owners "
        "and their spreadsheets. What they lacked: a warning, not a chart.\n"
        "A Monday email with the three biggest changes, live in 3 weeks. Budget questions to finance down about half "
        "by the next quarter.\n"
    )


def _sql(text: str) -> str:
    """A string as `sqlite3 .dump` writes it: quotes doubled, line breaks through replace()."""
    quoted = "'" + text.replace("'", "''").replace("\n", "\\n") + "'"
    return f"replace({quoted},'\\n',char(10))" if "\n" in text else quoted


def _sql_dump() -> str:
    name, queue = _sql("the Monday queue (Rui's fix)"), _sql(QUEUE.replace(". I ", ".\nI ", 1))
    return (
        "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE setting (k TEXT PRIMARY KEY, v TEXT);\n"
        "INSERT INTO setting VALUES('owner','rui');\n"
        "CREATE TABLE card (id INTEGER PRIMARY KEY, name TEXT, body TEXT, rehearsed INTEGER);\n"
        f"INSERT INTO card VALUES(1,{name},{queue},3);\n"
        f"INSERT INTO card VALUES(2,'missed handovers',{_sql(HANDOVER)},1);\n"
        "CREATE TABLE reminder (id INTEGER PRIMARY KEY, text TEXT);\n"
        f"INSERT INTO reminder VALUES(1,{_sql(TIPS)});\n"
        "CREATE VIEW ready AS SELECT name FROM card WHERE rehearsed > 2;\n"
        "ATTACH DATABASE 'elsewhere.db' AS other;\nCREATE TABLE other.copy (x TEXT);\n"
        "COMMIT;\n"
    )


# layout -> (file name, document, story names found exactly once, names that must not be a story)
LAYOUTS: dict[str, tuple[str, Callable[[], str], tuple[str, ...], tuple[str, ...]]] = {
    "json lines records": ("bot_seed.jsonl", _json_lines, ("the Monday queue", "missed handovers"),
                           ("how to answer",)),
    "toml tables": ("stories.toml", _toml, ("the Monday queue", "the address lookup bill"), ("delivery",)),
    "subtitle transcript with bookmark notes": ("mock with Ana.vtt", _subtitles,
                                                ("the Monday queue", "missed handovers"), ()),
    "callouts titled only by their attribute": ("prep.qmd", _callouts,
                                                ("the Monday queue", "the address lookup bill"), ()),
    "bold named items with a remark after the name": ("career log.md", _career_log,
                                                      ("one per region", "The address lookup"), ()),
    "numbered series of worksheets": ("worksheets.txt", _worksheets, ("the Monday queue", "missed handovers"), ()),
    "one long sub-item under a topic": ("1-on-1 notes.md", _one_on_ones, ("Monday queue fixed", "Handovers again"),
                                        ()),
    "a case told with a negative past": ("notes.md", _negative_past, ("the dashboard nobody opened",), ()),
    "sqlite dump rows": ("drill.db.sql", _sql_dump, ("the Monday queue", "missed handovers"), ("reminder",)),
}


def _write(tmp_path: Path, layout: str) -> Path:
    name, document, _, _ = LAYOUTS[layout]
    path = tmp_path / name
    path.write_text(document(), encoding="utf-8")
    return path


def _stories(path: Path) -> dict[str, str]:
    """Title -> text of every story or prepared answer read from the file."""
    return {s.title: s.text for s in ingest_paths([path]).stories}


def _one(stories: dict[str, str], name: str) -> str:
    """The text of the one story whose title holds `name`."""
    found = [text for title, text in stories.items() if name in title]
    assert len(found) == 1, (name, list(stories))
    return found[0]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_layout_yields_its_stories_and_nothing_else(tmp_path: Path, layout: str) -> None:
    _, _, wanted, unwanted = LAYOUTS[layout]
    stories = _stories(_write(tmp_path, layout))
    for name in wanted:
        _one(stories, name)
    assert not any(name in title for name in unwanted for title in stories), list(stories)


def test_toml_stories_sit_at_their_own_title_lines(tmp_path: Path) -> None:
    # each story is placed at its own title's line, though the file's tables are not in the order TOML groups them
    path = _write(tmp_path, "toml tables")
    lines = {s.title: s.line for s in ingest_paths([path]).stories}
    numbers = [n for n, x in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if x.startswith("title")]
    assert [lines["the Monday queue"], lines["the address lookup bill"]] == [numbers[0], numbers[2]]


def test_a_transcript_s_voice_tags_and_next_question_stay_out(tmp_path: Path) -> None:
    queue = _one(_stories(_write(tmp_path, "subtitle transcript with bookmark notes")), "the Monday queue")
    assert "<v " not in queue  # the voice tags say who spoke, not what
    assert "planning" not in queue  # the next question ends the story told before it


def test_a_sql_dump_s_strings_are_read_as_text_and_reach_no_file(tmp_path: Path) -> None:
    queue = _one(_stories(_write(tmp_path, "sqlite dump rows")), "the Monday queue")
    assert "I split the job by region" in queue and "replace(" not in queue and "''" not in queue
    assert not any(TIPS in text for text in _stories(tmp_path / "drill.db.sql").values())  # a reminder row
    assert not (tmp_path / "elsewhere.db").exists() and not Path("elsewhere.db").exists()  # ATTACH refused
