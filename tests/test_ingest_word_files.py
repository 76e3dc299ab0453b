"""Word, OpenDocument, RTF and Jupyter files a candidate keeps are read as they are, through the real ingester.

Every file here is built as the program that makes it would write it: the .docx with python-docx (Word's own
styles: Title, Heading 1/2, List Bullet, bold runs, a table), the .rtf as TextEdit saves it (\\b toggles, larger
\\fs for headings, \\listtext bullets), the .odt as a zip of content.xml, the notebook as nbformat 4 JSON.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from knowledge.ingest import ingest_paths

SITUATION = "Our nightly billing export doubled in runtime over one quarter and started missing the 6am deadline."
ACTION = "I profiled the job, found a join against an unindexed audit table, and moved it to an incremental load."
RESULT = "The export finished in 40 minutes again and no deadline was missed for the next two quarters."


def _word(path: Path) -> None:
    doc = docx.Document()
    doc.add_heading("Interview prep, staff data engineer", level=0)
    doc.add_heading("How I come across", level=1)
    doc.add_paragraph("Numbers first, then the story.", style="List Bullet")
    doc.add_heading("Stories", level=1)
    doc.add_heading("The billing export that ran late", level=2)
    for label, text in (("Situation.", SITUATION), ("What I did.", ACTION), ("Result.", RESULT)):
        paragraph = doc.add_paragraph()
        paragraph.add_run(label + " ").bold = True
        paragraph.add_run(text)
    doc.add_heading("A vendor I talked us out of", level=2)
    table = doc.add_table(rows=3, cols=2)
    rows = (
        ("Situation", "Finance wanted to buy a reconciliation tool for 90k a year after two month-end closes slipped."),
        ("Action", "I showed that both slips came from one late feed and we fixed the feed in a week instead."),
        ("Result", "Month-end closed on day two for the next six months and the purchase was dropped."),
    )
    for row, (name, text) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = name, text
    doc.save(str(path))


def test_a_word_document_keeps_headings_bold_labels_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "Staff DE prep (final).docx"
    _word(path)
    result = ingest_paths([path])
    stories = {s.title: s for s in result.stories}
    assert result.warnings == []
    export = stories["The billing export that ran late"]
    assert export.situation == SITUATION and export.action == ACTION and export.result == RESULT
    vendor = stories["A vendor I talked us out of"]
    assert "one late feed" in (vendor.action or "") and "day two" in (vendor.result or "")
    assert (path.parent / path.name).stat().st_size > 0  # the file itself is untouched


def test_word_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    path = tmp_path / "tracked.docx"
    _word(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    assert w in parts["word/document.xml"]
    edited = parts["word/document.xml"].replace(
        b"<w:t>" + RESULT.encode() + b"</w:t>",
        b"<w:t>" + RESULT.encode() + b"</w:t></w:r><w:del w:id=\"1\" w:author=\"me\"><w:r><w:delText> We lost"
        b" a customer.</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"me\"><w:r><w:t> Finance signed off"
        b" the change.</w:t></w:r></w:ins><w:r><w:t></w:t>",
    )
    assert edited != parts["word/document.xml"]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, edited if name == "word/document.xml" else data)
    story = next(s for s in ingest_paths([path]).stories if s.title == "The billing export that ran late")
    assert "Finance signed off the change." in (story.result or "")
    assert "lost a customer" not in story.text


_RTF_LINES = [
    r"{\rtf1\ansi\ansicpg1252\cocoartf2761",
    r"{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;}",
    r"{\*\listtable{\list\listtemplateid1{\listlevel\levelnfc23{\leveltext\'01\uc0\u8226 ;}}\listid1}}",
    r"\pard\pardirnatural",
    r"\f1\b\fs36 \cf0 Stories for the EM loop",
    r"\f0\b0\fs24 ",
    r"{\listtext\tab\uc0\u8226 \tab}keep each under two minutes",
    r"\f1\b\fs30 The on-call swap nobody asked for",
    r"\f0\b0\fs24 ",
    r"\f1\b S\f0\b0  I moved the team from weekly to split on-call shifts without asking anyone, and two people"
    r" with children had their weekends planned around the old pattern.",
    r"\f1\b A\f0\b0  I reverted it the same week, said in the team meeting that deciding alone was wrong, and let"
    r" the team write and vote on the options.",
    r"\f1\b R\f0\b0  They chose a weekly rota with a swap board; nobody asked to move teams, and changes to how"
    r" people live outside work now go to the team first. Jos\'e9 runs the rota now.",
    "}",
]
RTF = "\\\n".join(_RTF_LINES)  # TextEdit ends a paragraph with a backslash and a newline


def test_a_textedit_rtf_file_is_read_with_its_bold_labels_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "EM stories.rtf"
    path.write_bytes(RTF.encode("ascii"))
    result = ingest_paths([path])
    assert [s.title for s in result.stories] == ["The on-call swap nobody asked for"]
    story = result.stories[0]
    assert story.situation and story.situation.startswith("I moved the team")
    assert story.action and story.action.startswith("I reverted it")
    assert story.result and "José runs the rota" in story.result
    assert "fonttbl" not in story.text and "Helvetica" not in story.text


def _notebook() -> dict[str, object]:
    md = (
        "### Story: the forecast that lied on validation\n"
        "S: my yield forecast scored 4% error in validation and 17% in its first real season.\n"
        "T: find out why before the customer dropped it.\n"
        "A: rows were split at random, so the same field sat in train and test; I re-split by season and field.\n"
        "R: honest validation error was 11%, production matched it, and the customer renewed.\n"
    )
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"language_info": {"name": "python"}},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Prep notebook\n", "numbers below."]},
            {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "import pandas as pd",
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["### Story: not a story\n"]}]},
            {"cell_type": "markdown", "metadata": {}, "source": md.splitlines(keepends=True)},
            {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [],
             "source": ["# Situation: this comment is code\n", "errors = {'random': 4.1, 'by field': 11.0}"]},
        ],
    }


def test_a_jupyter_notebook_reads_markdown_cells_and_leaves_code_as_code(tmp_path: Path) -> None:
    path = tmp_path / "interview_prep.ipynb"
    path.write_text(json.dumps(_notebook(), indent=1))
    result = ingest_paths([tmp_path])  # found by a folder walk too
    assert [s.title for s in result.stories] == ["the forecast that lied on validation"]
    story = result.stories[0]
    assert story.result and story.result.startswith("honest validation error was 11%")
    assert "this comment is code" not in (story.situation or "")
    assert "not a story" not in " ".join(s.title for s in result.stories)


def _odt(path: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">'
        '<office:automatic-styles><style:style style:name="T1" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>'
        "<office:body><office:text>"
        '<text:h text:outline-level="1">Stories</text:h>'
        '<text:h text:outline-level="2">The billing export that ran late</text:h>'
        f'<text:p><text:span text:style-name="T1">Situation:</text:span> {SITUATION}</text:p>'
        f'<text:p><text:span text:style-name="T1">Action:</text:span> {ACTION}</text:p>'
        f'<text:p><text:span text:style-name="T1">Result:</text:span> {RESULT}</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def test_an_opendocument_text_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "prep.odt"
    _odt(path)
    result = ingest_paths([path])
    assert [(s.title, s.situation, s.result) for s in result.stories] == [
        ("The billing export that ran late", SITUATION, RESULT)
    ]


def test_an_opendocument_file_with_a_manifest_is_not_taken_for_a_mind_map(tmp_path: Path) -> None:
    # LibreOffice writes META-INF/manifest.xml beside content.xml, as an old XMind map does; the mimetype part says
    path = tmp_path / "prep.odt"
    _odt(path)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    result = ingest_paths([path])
    assert [s.title for s in result.stories] == ["The billing export that ran late"]
    assert not result.warnings


def test_a_word_file_saved_with_a_text_suffix_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "prep.docx"
    _word(path)
    renamed = tmp_path / "prep.txt"
    path.rename(renamed)
    assert "The billing export that ran late" in [s.title for s in ingest_paths([renamed]).stories]


@pytest.mark.parametrize(
    ("name", "data", "note"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003 .doc files are not read"),
        ("cv.pages", b"PK\x03\x04" + bytes(100), "Apple Pages files cannot be read"),
        ("prep.pdf", b"%PDF-1.7\n" + bytes(100), "not read: a damaged PDF"),
        ("sheet.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel 97-2003 .xls files are not read"),
        ("broken.docx", b"PK\x03\x04" + bytes(200), "not read: not a valid zipped document"),
        ("broken.rtf", b"{\\rtf1{{{{{{{{", "no text found in this file"),
        ("broken.ipynb", b'{"cells": [', "not a Jupyter notebook"),
    ],
)
def test_files_that_cannot_be_read_get_one_line_and_nothing_else_breaks(
    tmp_path: Path, name: str, data: bytes, note: str
) -> None:
    (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(f"## The billing export that ran late\n\nSituation: {SITUATION}\n\nResult: {RESULT}\n")
    result = ingest_paths([tmp_path / name, good])
    assert [s.title for s in result.stories] == ["The billing export that ran late"]
    assert len(result.warnings) == 1 and note in result.warnings[0] and "\n" not in result.warnings[0]


def test_hostile_office_files_cost_one_line_each(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"  # 30 MB of spaces declared as the document: a zip bomb in miniature
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * 30_000_000)
    deep = tmp_path / "deep.docx"  # 100,000 nested content controls
    body = b"<w:sdt>" * 100_000 + b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + b"</w:sdt>" * 100_000
    with zipfile.ZipFile(deep, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "word/document.xml",
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body + b"</w:body></w:document>",
        )
    entities = tmp_path / "laughs.docx"  # entity expansion is refused outright
    with zipfile.ZipFile(entities, "w") as z:
        z.writestr("word/document.xml", '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><d>&a;&a;</d>')
    (tmp_path / "deep.rtf").write_bytes(b"{\\rtf1 " + b"{" * 200_000 + b"text" + b"}" * 200_000 + b"}")
    (tmp_path / "deep.ipynb").write_bytes(b'{"cells": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    good = tmp_path / "good.md"
    good.write_text(f"## The billing export that ran late\n\nSituation: {SITUATION}\n\nResult: {RESULT}\n")
    names = ["bomb.docx", "deep.docx", "laughs.docx", "deep.rtf", "deep.ipynb"]
    result = ingest_paths([*(tmp_path / n for n in names), good])
    assert [s.title for s in result.stories] == ["The billing export that ran late"]
    assert len(result.warnings) == len(names), result.warnings
    assert "zip bomb" in result.warnings[0]
    assert all("\n" not in w and "Traceback" not in w for w in result.warnings)
