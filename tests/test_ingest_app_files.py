"""Files from the apps candidates keep notes in are read as they are, through the real ingester: an Excel workbook,
a OneNote page kept as one .mht web file, a PDF, Telegram, ChatGPT and Trello JSON exports, an
XMind map, a Typst source, a Marp slide deck, a PowerPoint deck and a calendar export.

Every file is built here as its program writes it (openpyxl for the workbook, python-pptx for the deck, the email
package for the MIME archive, a hand-assembled PDF with a compressed content stream and bookmarks, zip +
content.json for XMind); the stories are this file's own.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from pptx import Presentation
from pptx.util import Inches

from knowledge.ingest import ingest_paths
from knowledge.models import Story

SITUATION = "Our nightly billing export doubled in runtime over one quarter and started missing the 6am deadline."
ACTION = "I traced the slow step to a join against an unindexed audit table and made that load incremental."
RESULT = "The export finished in 40 minutes again and no deadline slipped in the six months after."
SITUATION2 = "Two teams each kept their own copy of the customer table and the totals in board reports disagreed."
ACTION2 = "I traced both pipelines, agreed one owner with both leads, and retired the second copy over a month."
RESULT2 = "Board totals matched for the first time in a year and one nightly job worth 3 hours of compute went away."


def _titles(path: Path) -> list[str]:
    result = ingest_paths([path])
    assert all("\n" not in w for w in result.warnings)
    return [s.title for s in result.stories]


def _story(path: Path, title: str) -> Story:
    return next(s for s in ingest_paths([path]).stories if s.title == title)


def test_an_excel_story_matrix_reads_each_block_as_a_story(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    readme = book.active
    readme.title = "Read me"
    readme["A1"] = "Say the number early. Keep every story under two minutes."
    sheet = book.create_sheet("Stories")
    row = 1
    for title, parts in (
        ("Billing export ran late", (("S", SITUATION), ("A", ACTION), ("R", RESULT))),
        ("One customer table", (("Situation", SITUATION2), ("Action", ACTION2), ("Result", RESULT2))),
    ):
        sheet.cell(row, 1, "STORY")
        sheet.cell(row, 2, title).font = Font(bold=True, size=14)
        for label, text in parts:
            row += 1
            sheet.cell(row, 1, label)
            sheet.cell(row, 2, text)
        row += 2
    qmap = book.create_sheet("Q map")
    qmap.append(["Question", "Story", "Confidence"])
    qmap.append(["Tell me about a deadline you rescued", "Billing export ran late", 4])
    path = tmp_path / "interview matrix v2.xlsx"
    book.save(path)
    assert set(_titles(path)) >= {"Billing export ran late", "One customer table"}
    story = _story(path, "Billing export ran late")
    assert story.situation == SITUATION and story.action == ACTION and story.result == RESULT
    assert "one owner" in (_story(path, "One customer table").action or "")


def test_a_onenote_single_file_web_page_is_read(tmp_path: Path) -> None:
    page = (
        "<html><head><meta name=ProgId content=OneNote.File></head><body>"
        "<p style='font-size:20.0pt'>Interview notes</p>"
        "<p style='font-size:13.0pt'><span style='font-weight:bold'>The billing export that ran late</span></p>"
        f"<p><span style='font-weight:bold'>Sit:</span> {SITUATION}</p>"
        f"<p><span style='font-weight:bold'>What I did:</span> {ACTION}</p>"
        f"<p><span style='font-weight:bold'>Result:</span> {RESULT}</p>"
        "</body></html>"
    )
    archive = MIMEMultipart("related", type="text/html")
    archive["Subject"] = "Interview notes"
    archive.attach(MIMEText(page, "html", "utf-8"))  # base64 here; quoted-printable below
    path = tmp_path / "Interview notes.mht"
    path.write_bytes(archive.as_bytes())
    assert _story(path, "The billing export that ran late").result == RESULT
    qp = tmp_path / "qp.mhtml"
    part = MIMEText(page, "html", "utf-8")
    del part["Content-Transfer-Encoding"]
    import quopri

    part.set_payload(quopri.encodestring(page.encode("utf-8")).decode("ascii"))
    part["Content-Transfer-Encoding"] = "quoted-printable"
    archive2 = MIMEMultipart("related", type="text/html")
    archive2.attach(part)
    qp.write_bytes(archive2.as_bytes().replace(b"\n", b"\r\n"))
    assert b"=\r\n" in qp.read_bytes()  # soft line breaks cut words, as OneNote writes them
    assert _story(qp, "The billing export that ran late").action == ACTION


def _pdf(pages: list[list[tuple[str, bool]]], bookmarks: list[str]) -> bytes:
    """A PDF with one compressed content stream per page (Helvetica; bold lines in Helvetica-Bold) and top-level
    bookmarks, assembled by hand with a correct cross-reference table."""
    objects: list[bytes] = []
    n_pages = len(pages)
    first_page = 5
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n_pages))
    outline_first = first_page + 2 * n_pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R /Outlines %d 0 R >>" % (outline_first + len(bookmarks)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>")
    for i, lines in enumerate(pages):
        ops = ["BT", "72 760 Td", "14 TL"]
        for text, bold in lines:
            safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"/{'F2' if bold else 'F1'} {13 if bold else 10} Tf ({safe}) Tj T*")
        ops.append("ET")
        stream = zlib.compress("\n".join(ops).encode("latin-1"))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {first_page + 2 * i + 1} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
    root = outline_first + len(bookmarks)
    for k, title in enumerate(bookmarks):
        links = f"/Parent {root} 0 R /Dest [{first_page} 0 R /XYZ 0 792 0]"
        if k > 0:
            links += f" /Prev {outline_first + k - 1} 0 R"
        if k + 1 < len(bookmarks):
            links += f" /Next {outline_first + k + 1} 0 R"
        objects.append(f"<< /Title ({title}) {links} >>".encode())
    objects.append(
        f"<< /Type /Outlines /First {outline_first} 0 R /Last {outline_first + len(bookmarks) - 1} 0 R "
        f"/Count {len(bookmarks)} >>".encode()
    )
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_is_read_with_its_bookmarked_titles_and_a_story_across_a_page_break(tmp_path: Path) -> None:
    header = ("Jo Example - interview prep", False)
    pages = [
        [header, ("The billing export that ran late", True), (f"S: {SITUATION}", False), (f"A: {ACTION}", False)],
        [header, (f"R: {RESULT}", False), ("One customer table", True), (f"S: {SITUATION2}", False),
         (f"A: {ACTION2}", False), (f"R: {RESULT2}", False)],
    ]
    path = tmp_path / "Jo - stories (print).pdf"
    path.write_bytes(_pdf(pages, ["The billing export that ran late", "One customer table"]))
    titles = _titles(path)
    assert "The billing export that ran late" in titles and "One customer table" in titles
    story = _story(path, "The billing export that ran late")
    assert RESULT in story.text  # the story goes on across the page break
    assert "interview prep" not in story.text  # the running header is dropped


def test_telegram_chatgpt_and_trello_exports_are_read_by_their_layout(tmp_path: Path) -> None:
    telegram = {"name": None, "type": "saved_messages", "id": 1, "messages": [
        {"id": 1, "type": "message", "text": "prep starts here #prep"},
        {"id": 2, "type": "message", "text": [{"type": "bold", "text": "billing export"},
                                              f"\n{SITUATION} {ACTION} {RESULT}"]},
        {"id": 3, "type": "service", "action": "pin_message"},
        {"id": 4, "type": "message", "text": "milk, eggs"},
    ]}
    (tmp_path / "result.json").write_text(json.dumps(telegram))
    assert _titles(tmp_path / "result.json") == ["billing export"]

    def node(nid: str, role: str, text: str, parent: str | None, children: list[str]) -> dict[str, object]:
        message = {"author": {"role": role}, "content": {"content_type": "text", "parts": [text]}}
        return {"id": nid, "message": message, "parent": parent, "children": children}

    chat = [{"title": "one customer table", "current_node": "c", "mapping": {
        "r": {"id": "r", "message": None, "parent": None, "children": ["a"]},
        "a": node("a", "user", f"tighten this please\n\n{SITUATION2} {ACTION2} {RESULT2}", "r", ["b", "x"]),
        "x": node("x", "assistant", "An older reply about a payroll migration nobody should see.", "a", []),
        "b": node("b", "assistant", "Here is a tighter STAR version of your story about the payroll merge.", "a",
                  ["c"]),
        "c": node("c", "user", "thanks, that works", "b", []),
    }}]
    (tmp_path / "conversations.json").write_text(json.dumps(chat))
    story = _story(tmp_path / "conversations.json", "one customer table")
    assert "one owner" in story.text and "payroll" not in story.text

    board = {"name": "Job hunt", "lists": [{"id": "L1", "name": "Stories", "closed": False},
                                           {"id": "L2", "name": "Archive", "closed": True}],
             "cards": [{"name": "Billing export ran late", "idList": "L1", "closed": False,
                        "desc": f"**Sit** {SITUATION}\n\n**Did** {ACTION}\n\n**Result** {RESULT}"},
                       {"name": "old draft", "idList": "L2", "closed": True, "desc": SITUATION2 * 2}],
             "actions": [{"type": "updateCard", "data": {"old": {"desc": "an early draft " * 20}}}]}
    (tmp_path / "board.json").write_text(json.dumps(board, indent=2))
    assert _titles(tmp_path / "board.json") == ["Billing export ran late"]
    assert _story(tmp_path / "board.json", "Billing export ran late").result == RESULT


def _xmind(path: Path, content: object) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.json", json.dumps(content))
        z.writestr("metadata.json", "{}")
        z.writestr("content.xml", "<xmap-content><sheet><topic><title>Warning: open in XMind</title></topic>"
                                  "</sheet></xmap-content>")


def test_an_xmind_map_reads_topics_with_notes_as_stories(tmp_path: Path) -> None:
    def topic(title: str, notes: str | None = None, children: list[object] | None = None) -> dict[str, object]:
        found: dict[str, object] = {"id": title, "title": title}
        if notes:
            found["notes"] = {"plain": {"content": notes}, "realHTML": {"content": f"<div>{notes}</div>"}}
        if children:
            found["children"] = {"attached": children}
        return found

    root = topic("Prep map", children=[
        topic("Delivery", children=[topic("Billing export ran late", f"{SITUATION} {ACTION} {RESULT}")]),
        topic("Data", children=[topic("One customer table", f"{SITUATION2} {ACTION2} {RESULT2}")]),
        topic("No story yet", children=[topic("a security breach"), topic("a patent")]),
    ])
    path = tmp_path / "Story map (2026).xmind"
    _xmind(path, [{"id": "s1", "class": "sheet", "title": "Stories", "rootTopic": root}])
    result = ingest_paths([path])
    titles = [s.title for s in result.stories]
    assert "Billing export ran late" in titles and "One customer table" in titles
    assert not any("file is empty" in w for w in result.warnings)
    assert "Warning" not in " ".join(titles)


def test_a_typst_source_reads_story_calls_and_the_authors_own_functions(tmp_path: Path) -> None:
    source = "\n".join([
        "// prep notes, compile with typst",
        '#set page(paper: "a4")',
        '#let story(title: "", body) = block(inset: 8pt)[',
        "  #text(weight: \"bold\")[#title]",
        "  #body",
        "]",
        '#let lbl(x) = text(weight: "bold")[#x]',
        "#let todo(x) = text(fill: red)[\\[#x\\]]",
        "",
        "= Stories",
        "",
        '#story(title: "Billing export ran late", tags: ("delivery",))[',
        f"  #lbl[S] {SITUATION} \\",
        f"  #lbl[A] {ACTION} \\",
        f"  #lbl[R] {RESULT.replace('40 minutes', '#todo[check: 40 or 45] minutes')}",
        "]",
    ])
    path = tmp_path / "stories.typ"
    path.write_text(source)
    story = _story(path, "Billing export ran late")
    assert story.situation == SITUATION and story.action == ACTION
    assert "[check: 40 or 45]" in (story.result or "") and story.unfinished


def test_a_marp_deck_reads_the_presenter_notes(tmp_path: Path) -> None:
    deck = "\n".join([
        "---", "marp: true", "theme: gaia", "---", "", "<!-- _class: lead -->", "# Selected work", "", "---", "",
        "## Billing export ran late", "", "- nightly export, 6am deadline", "", "<!--",
        f"Situation: {SITUATION}", f"Action: {ACTION}", f"Result: {RESULT}", "-->", "", "---", "",
        # a story titled by its feature's name, told in speech (one label, present tense mixed in), over two slides
        "## Rota helper", "", "- shift swaps asked for in plain words, over a clinic's own schedule", "", "<!--",
        "Context: ward managers kept phoning each other to find cover for a shift. I suggested a chat helper over",
        "their real rota and wrote most of its first cut alone. It turns a request into a query over a read-only copy",
        "of the schedule, since a wrong nurse on a shift is worse than no answer. The tricky bit is staying inside",
        "the rota: the model proposes staff who are on leave, so it gets the leave calendar and says so when nobody",
        "is free.", "-->", "", "---", "",
        "### …the numbers after a month", "", "<!--",
        "I built a test set from 300 past swap requests. Correct cover went from 62% to 89% in the first month.",
        "-->", "",
    ])
    path = tmp_path / "panel deck (marp).md"
    path.write_text(deck)
    story = _story(path, "Billing export ran late")
    assert story.action == ACTION and story.result == RESULT
    assert "_class" not in story.text
    helper = _story(path, "Rota helper")
    assert "89% in the first month" in helper.text  # the continued slide is part of the story
    assert "the numbers after a month" not in _titles(path)


def _box(slide: Any, left: float, lines: list[str], label: str | None = None) -> None:
    """A text box at `left` inches; `label` its first paragraph, set in bold."""
    frame = slide.shapes.add_textbox(Inches(left), Inches(1.5), Inches(3), Inches(4)).text_frame
    texts = [label, *lines] if label else lines
    frame.text = texts[0]
    frame.paragraphs[0].runs[0].font.bold = bool(label)
    for text in texts[1:]:
        frame.add_paragraph().text = text


def test_a_powerpoint_deck_reads_a_story_per_slide_in_reading_order(tmp_path: Path) -> None:
    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = "Examples for the panel"
    cover.placeholders[1].text = "Draft 2, not for presenting"
    agenda = deck.slides.add_slide(deck.slide_layouts[1])
    agenda.shapes.title.text = "Stories"
    body = agenda.placeholders[1].text_frame
    body.text = "Billing export ran late"
    body.add_paragraph().text = "One customer table"
    # boxes drawn Result first, as a deck built by copying a slide often is: read left to right all the same
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Billing export ran late"
    _box(slide, 7, [RESULT], "Outcome")
    _box(slide, 0.2, [SITUATION], "Situation")
    _box(slide, 3.6, [ACTION], "What I did")
    slide.notes_slide.notes_text_frame.text = "a rescued deadline; keep it under two minutes"
    # a story over two slides: the second says it goes on with the first
    first = deck.slides.add_slide(deck.slide_layouts[5])
    first.shapes.title.text = "One customer table: who owns it"
    _box(first, 0.2, [SITUATION2], "Situation")
    _box(first, 3.6, [ACTION2.split(", retired")[0]], "What I did")
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "One customer table, part 2"
    _box(second, 7, [RESULT2], "Result")
    path = tmp_path / "panel examples (Google Slides).pptx"
    deck.save(path)
    assert _titles(path) == ["Billing export ran late", "One customer table: who owns it"]
    story = _story(path, "Billing export ran late")
    assert (story.situation, story.action, story.result) == (SITUATION, ACTION, RESULT)
    assert story.text.index(SITUATION) < story.text.index(ACTION) < story.text.index(RESULT)  # told as read
    assert "rescued deadline" in story.text  # the speaker notes stay with their slide, outside its parts
    assert _story(path, "One customer table: who owns it").result == RESULT2
    legacy = tmp_path / "old deck.ppt"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = ingest_paths([legacy])
    assert not result.stories and len(result.warnings) == 1 and ".pptx" in result.warnings[0]


def _ics_text(text: str) -> str:
    """A TEXT value escaped and folded at 75 octets, as calendar programs write it."""
    escaped = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    return "\r\n ".join(escaped[i : i + 74] for i in range(0, len(escaped), 74))


def test_a_calendar_export_reads_an_event_per_story(tmp_path: Path) -> None:
    def event(summary: str, description: str, alarm: bool = False) -> str:
        reminder = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\n" if alarm else ""
        return (
            "BEGIN:VEVENT\r\nDTSTART:20261110T180000Z\r\nUID:x@example.com\r\n"
            f"DESCRIPTION:{_ics_text(description)}\r\nSUMMARY:{_ics_text(summary)}\r\n{reminder}END:VEVENT\r\n"
        )

    calendar = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Practice slots\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\nEND:VTIMEZONE\r\n"
        + event("Practise: billing export", f"two minutes, number first\n\nSituation: {SITUATION}\nAction: {ACTION}"
                f"\nResult: {RESULT}", alarm=True)
        + event("Practise: one customer table", f"{SITUATION2} {ACTION2} {RESULT2}")
        + event("Onsite, round 2 (video)", "Link in the invite; ask who owns the data contracts")
        + "END:VCALENDAR\r\n"
    )
    path = tmp_path / "practice_calendar@group.calendar.example.ics"
    path.write_bytes(calendar.encode("utf-8"))
    assert _titles(path) == ["Practise: billing export", "Practise: one customer table"]
    story = _story(path, "Practise: billing export")
    assert (story.situation, story.action, story.result) == (SITUATION, ACTION, RESULT)
    assert "Reminder" not in story.text and "\\," not in story.text
    assert "retired the second copy" in _story(path, "Practise: one customer table").text


def test_hostile_app_files_cost_one_line_each(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
        z.writestr("xl/sharedStrings.xml", b" " * 30_000_000)
    deep = tmp_path / "deep.xmind"
    with zipfile.ZipFile(deep, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.json", '[{"rootTopic": ' + '{"children": {"attached": [' * 50_000)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(300))
    (tmp_path / "broken.xmind").write_bytes(b"PK\x03\x04" + bytes(200))
    with zipfile.ZipFile(tmp_path / "bomb.pptx", "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("ppt/presentation.xml", b"<p:presentation/>")
        z.writestr("ppt/slides/slide1.xml", b" " * 30_000_000)
    (tmp_path / "empty.mht").write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n")
    (tmp_path / "deep.json").write_text('{"messages": ' + "[" * 100_000 + "]" * 100_000 + "}")
    good = tmp_path / "good.md"
    good.write_text(f"## The billing export that ran late\n\nSituation: {SITUATION}\n\nResult: {RESULT}\n")
    names = ["bomb.xlsx", "deep.xmind", "broken.pdf", "broken.xmind", "empty.mht", "deep.json", "bomb.pptx"]
    result = ingest_paths([*(tmp_path / n for n in names), good])
    assert [s.title for s in result.stories] == ["The billing export that ran late"]
    assert len(result.warnings) == len(names), result.warnings
    assert "zip bomb" in result.warnings[0]
    assert all("\n" not in w and "Traceback" not in w for w in result.warnings)


def _chapter(book: Any, name: str, title: str, body: str) -> Any:
    from ebooklib import epub

    chapter = epub.EpubHtml(title=title, file_name=f"Text/{name}.xhtml", lang="en")
    chapter.content = f"<section><h1>{title}</h1>{body}</section>"
    book.add_item(chapter)
    return chapter


def test_an_epub_book_reads_its_chapters_in_reading_order(tmp_path: Path) -> None:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("urn:uuid:0d6c2a8e-prep")
    book.set_title("Loop stories")
    book.set_language("en")
    # chapters added in the order they were written, read in the order the spine lists them
    late = _chapter(book, "sheet-b7", "Billing export ran late",
                    f"<p>{SITUATION}</p><p>{ACTION}</p><p>{RESULT}</p>")
    tables = _chapter(book, "sheet-a2", "Customer data",
                      f"<h2>One customer table</h2><p>{SITUATION2}</p><p>{ACTION2}</p><p>{RESULT2}</p>")
    book.toc = [late, tables]
    book.add_item(epub.EpubNav())
    book.spine = ["nav", tables, late]
    path = tmp_path / "stories (Ulysses export).epub"
    epub.write_epub(str(path), book)
    assert _titles(path) == ["One customer table", "Billing export ran late"]  # no table of contents item
    story = _story(path, "Billing export ran late")
    assert SITUATION in story.text and RESULT in story.text and "Customer data" not in story.text
    # an entity declaration inside a part is refused before any XML library expands it
    hostile = tmp_path / "hostile.epub"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(hostile, "w") as out:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename.endswith("sheet-b7.xhtml"):
                raw = raw.replace(b"<!DOCTYPE html>", b'<!DOCTYPE html [<!ENTITY a "aaaaaaaa">]>', 1)
                raw = raw.replace(b"<p>", b"<p>&a;", 1)
                assert b"ENTITY" in raw
            out.writestr(info, raw)
    result = ingest_paths([hostile])
    assert not result.stories and len(result.warnings) == 1, result.warnings
    assert "EntitiesForbidden" in result.warnings[0]
