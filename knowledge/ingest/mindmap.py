"""XMind mind maps (.xmind: a zip holding content.json, or content.xml in XMind 8 files) as Markdown outlines.

Each sheet's topics become headings by depth (the central topic `#`, its branches `##`, ...); a topic's notes
(plain text, or its HTML copy when there is no plain one) are the text under its heading; a topic with neither
notes nor subtopics is a bullet under its parent, so a branch of one-line topics reads as a list. Summaries,
floating (detached) topics and relationships are annotations on the map, not notes, and are left out. A
content.json beside a content.xml wins: XMind 2020+ writes the xml only as a "cannot be opened" stub.
"""

from __future__ import annotations

import json
import zipfile
from typing import Any
from xml.etree.ElementTree import Element

from knowledge.ingest.records import markdown_lines
from knowledge.ingest.zipped import MAX_PART, Unreadable, read_part

MAX_TOPICS = 5000
MAX_DEPTH = 40
_X = "{urn:xmind:xmap:xmlns:content:2.0}"


def is_mindmap(names: set[str]) -> bool:
    """The archive's parts are an XMind map's."""
    return "content.json" in names or ("content.xml" in names and "META-INF/manifest.xml" in names)


def mindmap_markdown(archive: zipfile.ZipFile) -> str:
    """The map as Markdown. Raises zipped.Unreadable with a one-line reason."""
    names = set(archive.namelist())
    out: list[str] = []
    budget = [MAX_TOPICS]
    if "content.json" in names:
        for sheet in _json_part(archive, "content.json"):
            if isinstance(sheet, dict) and isinstance(sheet.get("rootTopic"), dict):
                _json_topic(sheet["rootTopic"], 1, out, budget)
    else:
        root = read_part(archive, "content.xml")
        for sheet in root.iter(_X + "sheet") if root is not None else []:
            topic = sheet.find(_X + "topic")
            if topic is not None:
                _xml_topic(topic, 1, out, budget)
    return "\n".join(out).strip() + "\n"


def _json_part(archive: zipfile.ZipFile, name: str) -> list[Any]:
    """The parsed JSON list in `name` (size-checked like every part)."""
    info = archive.getinfo(name)
    if info.file_size > MAX_PART:
        raise Unreadable(f"{name} inflates to {info.file_size:,} bytes (a zip bomb or not a mind map)")
    try:
        data = json.loads(archive.read(info))
    except (ValueError, RecursionError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise Unreadable(f"{name} cannot be read ({exc.__class__.__name__})") from None
    return data if isinstance(data, list) else [data]


def _json_topic(topic: dict[str, Any], depth: int, out: list[str], budget: list[int]) -> None:
    """One topic and its attached subtopics, depth first (the depth is bounded; json itself bounds nesting)."""
    budget[0] -= 1
    if budget[0] <= 0 or depth > MAX_DEPTH:
        return
    title = " ".join(str(topic.get("title") or "").split())
    notes = _dict(topic.get("notes"))
    plain = _dict(notes.get("plain")).get("content")
    markup = _dict(notes.get("realHTML")).get("content")
    attached = _dict(topic.get("children")).get("attached")
    attached = [c for c in attached if isinstance(c, dict)] if isinstance(attached, list) else []
    _emit(title, str(plain or markup or ""), bool(attached), depth, out)
    for child in attached:
        _json_topic(child, depth + 1, out, budget)


def _dict(value: Any) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _xml_topic(topic: Element, depth: int, out: list[str], budget: list[int]) -> None:
    """One topic of an XMind 8 content.xml and its attached subtopics."""
    budget[0] -= 1
    if budget[0] <= 0 or depth > MAX_DEPTH:
        return
    title = " ".join("".join(topic.findtext(_X + "title") or "").split())
    notes = topic.findtext(f"{_X}notes/{_X}plain") or ""
    attached = [
        t
        for group in topic.findall(f"{_X}children/{_X}topics")
        if group.get("type", "attached") == "attached"
        for t in group.findall(_X + "topic")
    ]
    _emit(title, notes, bool(attached), depth, out)
    for child in attached:
        _xml_topic(child, depth + 1, out, budget)


def _emit(title: str, notes: str, branch: bool, depth: int, out: list[str]) -> None:
    """A topic's lines: a heading with its notes under it, or a bullet when it is a bare leaf."""
    if not title and not notes.strip():
        return
    if not notes.strip() and not branch:
        out.append(f"- {title}")
        return
    out += ["", f"{'#' * min(depth, 6)} {title or 'Untitled'}", ""]
    lines = markdown_lines(notes) if notes.strip() else []
    for line in lines:
        out += [line, ""]
