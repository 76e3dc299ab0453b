"""Story layouts kept in tools whose markup is not Markdown's: Obsidian Admonition boxes written as fenced blocks,
and others added beside them. Each document is written to a real file and read through the real ingester: one table
says what each layout must yield (its stories and prepared answers, nothing else), and a few checks per layout say
what must stay out of a story's text. Every document and story here was written for this test.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.ingest import ingest_paths
from tests.test_ingest_kept_layouts import WHY
from tests.test_ingest_units import COST, MENTOR, ROLLBACK  # the same three stories, written once


def _stories(path: Path) -> dict[str, str]:
    return {s.title: s.kind for s in ingest_paths([path]).stories}


def _texts(path: Path) -> dict[str, str]:
    return {s.title: s.text for s in ingest_paths([path]).stories}


def _admonitions() -> str:
    return (
        "---\ntags: [prep]\n---\n\n# loop prep\n\n"
        "```ad-quote\ntitle: intro + why data (60s)\ncollapse: closed\n\n" + WHY + "\n```\n\n## stories\n\n"
        "```ad-example\ntitle: Report night\ncollapse: closed\ncolor: 10, 120, 40\n\n" + ROLLBACK + "\n```\n\n"
        "~~~ad-example\ntitle: Spare nodes\n" + COST + "\n~~~\n\n"
        "```python\nprint('title: not a box')\n```\n\n"
        "```ad-example\n" + MENTOR + "\n```\n"
    )


def _issue(number: int, title: str, labels: str, body: str, comment: str = "") -> str:
    """One issue as `gh issue view N --comments` prints it, after the echo line a shell loop writes."""
    fields = (
        f"title:\t{title}\nstate:\tOPEN\nauthor:\tmkell\nlabels:\t{labels}\ncomments:\t{int(bool(comment))}\n"
        f"assignees:\tmkell\nprojects:\t\nmilestone:\t\nnumber:\t{number}\n--\n"
    )
    reply = f"author:\tsam-w\nassociation:\tcollaborator\nedited:\tfalse\nstatus:\tnone\n--\n{comment}\n--\n"
    return f"# ---- gh issue view {number} --comments ----\n{fields}{body}\n{reply if comment else ''}\n"


def _gh_issues() -> str:
    return (
        _issue(1, "how I use these issues", "meta", "One issue per story.\n\n```\ngh issue view 2\n```")
        + _issue(2, "story: Report night", "story, incident", ROLLBACK,
                 "Good one. I would open with the two days the report was down, it is the hook.")
        + _issue(3, "Spare nodes", "story, cost", COST)
        + _issue(4, "pitch: why data (60s)", "pitch", WHY)
    )


def _hugo() -> str:
    return (
        '+++\ntitle = "stories"\ndraft = true\n+++\n\n{{< notice note >}}\nRead the boxes on the train.\n'
        "{{< /notice >}}\n\n"
        '{{< pitch title="Short intro + why data" >}}\n' + WHY + "\n{{< /pitch >}}\n\n## platform\n\n"
        '{{< story title="Report night" fits="incident" star="true" >}}\n' + ROLLBACK + "\n{{< /story >}}\n\n"
        '{{< story "Spare nodes" >}}\n' + COST + "\n{{< /story >}}\n\n"
        '{{% story fits="mentoring" title="Review week" %}}\n' + MENTOR + " {{< todo >}}\n{{% /story %}}\n"
    )


def _slack() -> str:
    return (
        "#prep\nprivate channel · Ana Ruiz, Tom Berg\n\nMonday, March 3rd\nAna Ruiz  7:02 PM\njoined #prep.\n"
        "Tom Berg  7:05 PM\npost one story per message, first line = its name\n:+1: 1\n"
        f"Ana Ruiz  7:40 PM\nstory: Report night\n{ROLLBACK}\n:eyes: 1  :fire: 2\n7:41\n(too long?)\n"
        "Tom Berg  8:10 PM\ngood one. open with the two days the report was down (edited)\n2 replies\n"
        "Last reply 3 days ago\n\nTuesday, March 4th\n"
        f"Ana Ruiz  9:15 AM\nintro + why data (60s)\n{WHY}\n"
        f"Ana Ruiz  9:30 AM\nStory - Spare nodes\n{COST}\n:eyes: 1\n"
    )


def _tiddler() -> str:
    report = ROLLBACK.replace("I rolled", "''A:'' I rolled")
    return (
        "created: 20261101120000000\ncreator: ana\ntags: [[Jobs]] prep\ntitle: Loop stories\n"
        "type: text/vnd.tiddlywiki\n\n<<toc-selective-expandable \"Loop stories\">>\n\n! Loop stories\n\n"
        "//read twice, numbers from {{Numbers}}//\n\n!! intro + why data (60s)\n\n" + WHY + "\n\n!! Stories\n\n"
        "!!! Report night\n\n''S:'' " + report + "\n\n"
        '<$details summary="Spare nodes">\n\n' + COST + "\n\n</$details>\n\n"
        "!! Questions for them\n\n# Who decides what the team will not do this quarter?\n"
        "# How do requests reach the team?\n# What does on-call look like?\n"
    )


def _wrapped(text: str, prefix: str, width: int = 60) -> list[str]:
    """Text wrapped as a tree drawing carries it: the first line after the branch, the rest under it."""
    return [prefix + line if n else line for n, line in enumerate(textwrap.wrap(text, width))]


_SITUATION, _ACTION = ROLLBACK.split(" I took", 1)


def _tree() -> str:
    first, *rest = _wrapped(WHY, "")
    rows = ["prep/   (typed as a tree)", "├── intro + why data (60s)", f"│   └── {first}"]
    rows += [f"│       {x}" for x in rest]
    rows += ["├── stories/", "│   ├── report night   [incident]"]
    s_first, *s_rest = _wrapped(_SITUATION, "")
    a_first, *a_rest = _wrapped("I took" + _ACTION, "")
    rows += [f"│   │   ├── S: {s_first}"] + [f"│   │   │      {x}" for x in s_rest]
    rows += [f"│   │   └── A: {a_first}"] + [f"│   │          {x}" for x in a_rest]
    rows += ["│   └── spare nodes   [cost]"]
    c_first, *c_rest = _wrapped(COST, "")
    rows += [f"│       └── {c_first}"] + [f"│           {x}" for x in c_rest]
    rows += ["└── qs for them", "    ├── who owns the data contracts?", "    └── what does on-call look like?"]
    return "\n".join(rows) + "\n"


def _cornell_block(cues: list[str], text: str) -> list[str]:
    """A Cornell-notes block typed in a text file: cues left, the text wrapped right of a bar."""
    right = textwrap.wrap(text, 60)
    rows = max(len(cues), len(right))
    body = [f"{(cues + [''] * rows)[k]:<20}| {(right + [''] * rows)[k]}".rstrip() for k in range(rows)]
    return ["=" * 80, f"{'CUES':<20}| NOTES", "-" * 20 + "+" + "-" * 59, *body, "-" * 20 + "+" + "-" * 59,
            "SUMMARY: one line to remember it by."]


def _cornell() -> str:
    rows = ["LOOP SHEETS (cornell)", "LEFT = cues, RIGHT = what I say."]
    rows += _cornell_block(["INTRO / WHY DATA", "(60s)", "", "- arc", "- why now"], WHY)
    rows += _cornell_block(["Report night", "", "- outage drill", "- 2 days down"], ROLLBACK)
    rows += _cornell_block(["Spare nodes", "- cost", "- 8% a month"], COST)
    return "\n".join(rows) + "\n"


def _review() -> str:
    return (
        "Review cycle: 2025 annual review\nReviewee: Ana Ruiz · Data platform lead\n\n"
        "Self summary (max 200 words)\n" + WHY + "\n\nManager summary (Jo Park)\nA strong year; Ana's team became the "
        "one others copy for incident practice.\n\nGOALS (3)\n\n"
        "Goal 1 of 3 — Keep the revenue report trustworthy  ·  Weight 40%  ·  Status: Achieved\n"
        "  Key results: KR1 no report outage over a day\n\n  Self-assessment:\n  " + ROLLBACK + "\n\n"
        "  Manager assessment (Jo Park):\n  Calm handling, and the contract test was the right fix. I would have liked "
        "to hear about it from Ana before the finance team told me.\n\n"
        "Goal 2 of 3 — Cloud spend per team visible  ·  Weight 30%  ·  Status: Achieved\n\n  Self-assessment:\n  "
        + COST + "\n\n  Peer feedback (anonymous):\n  \"The Monday cost table changed how we plan.\"\n\n"
        "Goal 3 of 3 — Succession plan for the on-call leads  ·  Weight 30%  ·  Status: Not started\n"
    )


def _no_story_sections() -> str:
    return (
        "# loop sheets\n\n## Report night\n\n" + ROLLBACK + "\n\n"
        "## Gaps (no story yet)\n\nA budget I owned end to end: never had one. A reorg: the one in 2024 happened "
        "around me, not by me. If asked, say so and describe how I would approach it.\n\n"
        "## gaps - no story for these, do not invent one\n\nMulti-region failover, pricing experiments.\n\n"
        "## Colophon\n\nWritten in a notes app, exported as a book, read on the train before each loop.\n"
    )


def _minutes_pitch() -> str:
    return "# loop notes\n\n## Me in 2 min (and why data)\n\n" + WHY + "\n\n## Report night\n\n" + ROLLBACK + "\n"


def _rule_boxed_cases() -> str:
    """Plain-text cases, each titled by one line between two rules, its parts named in capitals (two of them not
    STAR labels)."""
    rule = "=" * 60
    parts = ("CONTEXT", "THE FORK IN THE ROAD", "ACTIONS", "RESULT", "WHAT STUCK")
    out = "LOOP CASES, written like a course's cases\n\nIntro: each case has the same five parts.\n\n"
    out += f"{rule}\nCASE 0   WHO I AM\n{rule}\n\n  {WHY}\n\n"
    for n, (title, story) in enumerate((("REPORT NIGHT", ROLLBACK), ("SPARE NODES", COST)), start=1):
        sentences = story.split(". ")
        out += f"{rule}\nCASE {n}   {title}\n{rule}\n\n"
        for k, part in enumerate(parts):
            out += f"{part}\n  {sentences[k % len(sentences)].rstrip('.')}.\n\n"
    return out


def _conflicted() -> str:
    """A synced notes file with two merge conflicts left in: the laptop's full telling against the phone's
    shorthand."""
    return (
        "# loop stories\n\n## Report night\n\n<<<<<<< HEAD (desk machine)\n" + ROLLBACK + "\n=======\n"
        "orders schema change, report down 2 days, rolled back, contract test\n>>>>>>> 9f3e1aa (tablet)\n\n"
        "## Spare nodes\n\n<<<<<<< HEAD\ncloud bill, tags, table\n||||||| base\ncloud bill\n=======\n" + COST
        + "\n>>>>>>> 77ab012 (tablet, longer)\n"
    )


def _fortune() -> str:
    """A `fortune` file: entries between `%` lines, a story's name in brackets over it, a tag line under it; a
    tip with no name; a remark in brackets inside a story."""
    return (
        "[read me]\nOne entry a day in the terminal: say the story before reading it.\n\t-- me\n%\n"
        "Lead with the number.\n\t-- advice\n%\n[why data, 60s]\n" + WHY + "\n\t-- pitch\n%\n"
        "[report night]\n" + ROLLBACK + "\n[check the two days]\n\t-- outage\n%\n"
        "[spare nodes]\n" + COST + "\n\t-- cost\n"
    )


def _run_in_pitch_same_line() -> str:
    """A running doc: a prep box whose pitch is a bold run-in label with the pitch on its line."""
    return (
        "# 1:1 notes (copy for prep)\n\n## PREP (mine)\n\n**Me in 90s (draft):** " + WHY + "\n\n"
        "**Use as stories:** report night, spare nodes.\n\n## Report night\n\n" + ROLLBACK + "\n\n"
        "## Spare nodes\n\n" + COST + "\n"
    )


def _run_in_pitch_quoted() -> str:
    """A changelog-like page: a quoted note, then the pitch as a quoted bold label over the quoted text."""
    return (
        "# Changelog (me)\n\n> Bold entries are stories.\n\n> **About me (v3, 90s):**\n> " + WHY + "\n\n"
        "## Report night\n\n" + ROLLBACK + "\n"
    )


def _numbered_cards() -> str:
    """Numbered cards between rules, each named only by its first field (a one-sentence thesis), then its parts."""
    rule = "=" * 50
    return (
        "CARDS FOR THE LOOP\n\nSay the thesis first, then the parts.\n\n"
        f"{rule}\nCARD 01\nTHESIS: A report people trust is worth more than a fast one.\n{ROLLBACK}\n"
        "FITS: incident, ownership\n\n"
        f"{rule}\nCARD 02\nTHESIS: Spend you can see is spend you can cut.\n{COST}\nFITS: cost\n"
    )


# layout -> (file name, document, every story and prepared answer it must yield, by kind)
LAYOUTS: dict[str, tuple[str, Callable[[], str], dict[str, str]]] = {
    # an Admonition box with no title line is named by its kind ("Example"), as the plugin shows it
    "obsidian admonition fences": ("loop prep.md", _admonitions, {
        "intro + why data (60s)": "answer", "Report night": "story", "Spare nodes": "story", "Example": "story"}),
    "gh issue view dump": ("stories (gh issue view).txt", _gh_issues, {
        "Report night": "story", "Spare nodes": "story", "pitch: why data (60s)": "answer"}),
    "hugo shortcode pairs": ("stories (hugo, draft).md", _hugo, {
        "Short intro + why data": "answer", "Report night": "story", "Spare nodes": "story", "Review week": "story"}),
    "slack channel copy": ("slack #prep (copied).txt", _slack, {
        "Report night": "story", "intro + why data (60s)": "answer", "Spare nodes": "story"}),
    "tiddlywiki tiddler": ("Loop stories.tid", _tiddler, {
        "intro + why data (60s)": "answer", "Report night": "story", "Spare nodes": "story"}),
    "tree drawing": ("prep tree.txt", _tree, {
        "intro + why data (60s)": "answer", "report night [incident]": "story", "spare nodes [cost]": "story"}),
    "cornell notes": ("loop sheets (cornell).txt", _cornell, {
        "INTRO / WHY DATA": "answer", "Report night": "story", "Spare nodes": "story"}),
    "performance review copy": ("annual review (copied out of the review tool).txt", _review, {
        "Self summary (max 200 words)": "answer", "Keep the revenue report trustworthy": "story",
        "Cloud spend per team visible": "story"}),
    # sections saying they hold no story are never retrieved as one
    "no-story sections": ("loop sheets.md", _no_story_sections, {"Report night": "story"}),
    # a pitch titled as the speaker in so many minutes is a prepared answer
    "pitch titled by its minutes": ("loop notes.md", _minutes_pitch, {
        "Me in 2 min (and why data)": "answer", "Report night": "story"}),
    # a title between two rules outranks the capitals part names under it
    "cases titled between rules": ("loop cases.txt", _rule_boxed_cases, {
        "CASE 0 WHO I AM": "answer", "CASE 1 REPORT NIGHT": "story", "CASE 2 SPARE NODES": "story"}),
    # git's conflict markers are not headings; the fuller side of each conflict is the story
    "merge conflicts left in": ("stories.md", _conflicted, {"Report night": "story", "Spare nodes": "story"}),
    # a name in square brackets at an entry's start names it; a bracketed remark inside a story does not
    "fortune file": ("interview (fortune)", _fortune, {
        "why data, 60s": "answer", "report night": "story", "spare nodes": "story"}),
    # a bold run-in label naming a pitch opens the pitch, its text on the label's line or under it
    "pitch as a run-in label": ("1-1 running doc.md", _run_in_pitch_same_line, {
        "Me in 90s (draft)": "answer", "Report night": "story", "Spare nodes": "story"}),
    "pitch as a quoted run-in label": ("changelog (me).md", _run_in_pitch_quoted, {
        "About me (v3, 90s)": "answer", "Report night": "story"}),
    # a bare card number takes its name from the field under it
    "numbered cards named by a field": ("cards.txt", _numbered_cards, {
        "CARD 01 — A report people trust is worth more than a fast one.": "story",
        "CARD 02 — Spend you can see is spend you can cut.": "story"}),
}


def _write(tmp_path: Path, layout: str) -> Path:
    name, document, _ = LAYOUTS[layout]
    path = tmp_path / name
    path.write_text(document(), encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_layout_yields_its_stories_and_prepared_answers(tmp_path: Path, layout: str) -> None:
    assert _stories(_write(tmp_path, layout)) == LAYOUTS[layout][2]


def test_admonition_box_settings_stay_out_of_the_text(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "obsidian admonition fences"))
    assert texts["Report night"].strip() == ROLLBACK and "collapse" not in texts["intro + why data (60s)"]


def test_an_issue_s_fields_and_comments_stay_out_of_the_story(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "gh issue view dump"))
    assert texts["Report night"].strip() == ROLLBACK  # the reviewer's comment is not part of the story
    assert "state:" not in texts["Spare nodes"] and "gh issue view" not in texts["Spare nodes"]


def test_shortcodes_stay_out_of_the_text(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "hugo shortcode pairs"))
    assert texts["Spare nodes"].strip() == COST and "{{" not in texts["Report night"]


def test_slack_reactions_and_replies_stay_out_of_a_message_s_story(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "slack channel copy"))
    assert texts["Report night"].strip() == ROLLBACK and texts["Spare nodes"].strip() == COST


def test_a_tiddler_s_labels_and_folds_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "tiddlywiki tiddler")
    story = next(s for s in ingest_paths([path]).stories if s.title == "Report night")
    assert story.action.startswith("I rolled the change back") and "''" not in story.text
    assert _texts(path)["Spare nodes"].strip() == COST


def test_a_tree_s_branches_are_read_as_parts_without_the_drawing(tmp_path: Path) -> None:
    path = _write(tmp_path, "tree drawing")
    story = next(s for s in ingest_paths([path]).stories if s.title.startswith("report night"))
    assert " ".join(story.situation.split()) == _SITUATION and "│" not in story.text
    assert " ".join(_texts(path)["spare nodes [cost]"].split()) == COST


def test_cornell_cues_stay_out_of_the_story(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "cornell notes"))
    assert "outage drill" not in texts["Report night"]
    assert " ".join(texts["Report night"].split()).startswith(ROLLBACK)


def test_a_review_s_manager_and_peer_words_stay_out_of_the_self_assessment(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "performance review copy"))
    assert "finance team told me" not in texts["Keep the revenue report trustworthy"]  # the manager's words
    assert "Monday cost table changed" not in texts["Cloud spend per team visible"]


def test_a_merge_conflict_keeps_the_fuller_side_only(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "merge conflicts left in"))
    assert texts["Report night"].strip() == ROLLBACK and texts["Spare nodes"].strip() == COST


def test_a_bracketed_remark_inside_a_story_stays_in_it(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "fortune file"))
    assert "[check the two days]" in texts["report night"] and "\n%" not in texts["spare nodes"]
    assert "-- outage" not in texts["report night"]  # the entry's tag line


def test_a_run_in_pitch_s_text_is_the_pitch(tmp_path: Path) -> None:
    texts = _texts(_write(tmp_path, "pitch as a run-in label"))
    # the label is the title, not text (the next paragraph of the prep box still joins the pitch: no line is left
    # to end the section on)
    assert " ".join(texts["Me in 90s (draft)"].split()).startswith(WHY)
