"""Layouts no reader was written for, read by rules about how authors mark a story rather than by the tool that
wrote the file: an MDX page whose stories sit in JSX components (the title only as an attribute, expression
attributes, layout wrappers, `{/* */}` comments, a one-line aside box), a task app's CSV export whose short task
name titles its long description, "My example - title" lines under a report's boilerplate between rule-framed
banners, a sub-heading every note repeats ("Told as a story") named by the note above it, and numbered
prompts of a quoted email answered inline.

Every document is a real file read through the real ingester; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from tests.ingested import story_titles

KILN = (
    "In spring 2023 our three kilns ran on a firing log kept on a whiteboard that got wiped every Friday. I "
    "photographed it for a month, typed the times into a sheet and found the middle kiln ran forty minutes long on "
    "every second load. I moved the long loads to the night slot and had the supplier recalibrate the thermocouple. "
    "Breakages went from nine a week to two and we stopped paying Saturday overtime."
)
VAN = (
    "The delivery van broke down twice in one week in December, our busiest month. I rang the three other shops on "
    "our street, borrowed a van from the florist for the mornings and drove the afternoon runs myself. We lost no "
    "orders, and I set up a shared van rota with the florist that we still use."
)
# Told mostly in the present tense, as a card on a page often is: the component says it is a story.
GLAZE = (
    "Customers wait about nine days for a glaze sample and most give up. I split the wait per step first. Now a "
    "small batch is fired every Tuesday, the photos go out the same evening and only custom colours wait for the big "
    "kiln. The wait is down to three days and sample orders doubled."
)


def test_mdx_components_titled_by_their_attribute(tmp_path: Path) -> None:
    path = tmp_path / "stories.mdx"
    path.write_text(
        "---\ntitle: My stories\n---\n\nimport StoryBox from '@site/src/components/StoryBox';\n\n"
        "{/* private page: never linked\n    from the sidebar */}\n\n"
        f'<StoryBox title="The long kiln" area="ops" told={{2}}>\n\n{KILN}\n\n</StoryBox>\n\n'
        f'<StoryBox title="Nine days for a glaze sample" told={{1}} draft>\n\n<Tabs>\n<TabItem label="long">\n'
        f"{GLAZE}\n</TabItem>\n</Tabs>\n\n</StoryBox>\n\n"
        f'<StoryBox title="Borrowed van" told={{0}}>\n\n:::note\nkeep this one short\n:::\n\n{VAN}\n\n</StoryBox>\n\n'
        '{/* copy me\n<StoryBox title="" told={0}>\nSituation. Action. Result.\n</StoryBox>\n*/}\n',
        encoding="utf-8",
    )
    assert story_titles(path) == ["The long kiln", "Nine days for a glaze sample", "Borrowed van"]


def test_mdx_pages_are_read_in_a_folder(tmp_path: Path) -> None:
    page = f"import Story from './Story';\n\n<Story title=\"The long kiln\">\n\n{KILN}\n\n</Story>\n"
    (tmp_path / "page.mdx").write_text(page, encoding="utf-8")
    assert [s.title for s in ingest_paths([tmp_path]).stories] == ["The long kiln"]


def test_task_export_rows_titled_by_their_short_content(tmp_path: Path) -> None:
    # A task app's CSV: real to-dos and a comment row in the same shape as the stories, which are the tasks whose
    # description tells a case.
    path = tmp_path / "Job search [export].csv"
    path.write_text(
        "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT\n"
        "section,Admin,,,\n"
        "task,Buy stamps,,4,1\n"
        'task,Call the landlord,"About the boiler, he says Thursday.",2,1\n'
        f'task,Story: the long kiln,"{KILN}",2,1\n'
        'note,"maybe they ask about cost per firing, check the bill",,,\n'
        f'task,Story: borrowed van,"{VAN}",2,1\n',
        encoding="utf-8",
    )
    assert story_titles(path) == ["the long kiln", "borrowed van"]


def test_own_examples_under_report_boilerplate(tmp_path: Path) -> None:
    rule = "-" * 60
    path = tmp_path / "profile report.txt"
    path.write_text(
        f"PROFILE REPORT\nReport for Ada\n\n{rule}\n1. CRAFT\n{rule}\nWhat stands out:\nYou care about "
        f"the finish of your work and notice small flaws.\n\nExample - the long kiln\n{KILN}\n\n"
        f"{rule}\n2. NEIGHBOURLINESS\n{rule}\nWhat stands out:\nYou build ties with the people around you and "
        f"lean on them when things break.\n\nMy example: borrowed van\n{VAN}\n\n"
        f"{rule}\n3. PATIENCE\n{rule}\nWhat stands out:\nYou wait for the right moment.\n\n"
        "Example - none so far\nTODO think of one\n",
        encoding="utf-8",
    )
    stories = {s.title: s for s in ingest_paths([path]).stories if s.kind == "story"}
    assert set(stories) == {"the long kiln", "borrowed van"}
    assert "You build ties" not in stories["the long kiln"].text  # the next banner ends the story above it


def test_repeated_sub_heading_named_by_the_note_above(tmp_path: Path) -> None:
    path = tmp_path / "til.md"
    path.write_text(
        "# Kiln thermocouples drift\n\nCreated 2024-03-02 · hardware\n\nThermocouples drift after a few hundred "
        f"firings; a cone pack shows it.\n\n## Told as a story\n\n{KILN}\n\n"
        "# Sharing a van between shops\n\nCreated 2024-12-20 · logistics\n\nA shared calendar beats a group chat.\n\n"
        f"## Told as a story\n\n{VAN}\n",
        encoding="utf-8",
    )
    assert story_titles(path) == ["Kiln thermocouples drift", "Sharing a van between shops"]


def test_quoted_numbered_prompts_answered_inline(tmp_path: Path) -> None:
    path = tmp_path / "Re prep guide.txt"
    path.write_text(
        "Hi Noor,\n\nanswers inline below.\n\nAda\n\nOn Mon, 3 Mar 2025 at 10:00, Noor wrote:\n"
        "> Here are the prompts they score against.\n>\n"
        "> 1. A time you fixed a process nobody owned.\n\n"
        f"{KILN}\n>> NR: nice, say the cost first.\n\n"
        "> 2. Working with people outside your own team to get through a crunch.\n\n"
        f"{VAN}\n",
        encoding="utf-8",
    )
    stories = ingest_paths([path]).stories
    assert len(stories) == 2
    assert "thermocouple" in stories[0].text and "florist" not in stories[0].text
    assert "florist" in stories[1].text


def test_a_section_that_says_it_has_no_story_is_not_one(tmp_path: Path) -> None:
    # A board card in the same shape as the ones holding stories, whose text says there is none to tell.
    path = tmp_path / "board.md"
    path.write_text(
        f"# Team board\n\n### Kilns — green all year\n\n{KILN}\n\n### Deliveries — amber\n\n*Team said:* \"vans are "
        "fine\"\n\nNo story. We visited the florist in May and I asked about sharing the van; it went well, "
        "then I dropped it.\n",
        encoding="utf-8",
    )
    assert story_titles(path) == ["Kilns — green all year"]


def test_a_short_inline_reply_ends_the_answer_above_it(tmp_path: Path) -> None:
    path = tmp_path / "Re prep.txt"
    path.write_text(
        "On Tue, Noor wrote:\n> 1. A time you fixed a process nobody owned.\n\n"
        f"{KILN}\n\n> 2. A time you handled an angry customer on the phone.\n\n"
        "Nothing good here, I will say so and move on to the next one.\n",
        encoding="utf-8",
    )
    stories = ingest_paths([path]).stories
    assert "move on to the next one" not in stories[0].text
