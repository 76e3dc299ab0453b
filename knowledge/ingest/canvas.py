"""JSON Canvas boards (Obsidian's `.canvas` files, JSON Canvas 1.0) read as the notes on their cards.

A board is `nodes` (text cards, groups, embedded files and links, each with x/y/width/height) and `edges` between
them. The cards are the notes: each text card becomes a section, under a `#` heading for the group it lies in
(by its centre), groups and cards in reading order (top to bottom, then left to right), since the file keeps the
order they were created in. A card's own first heading, or its bold first line, titles it; a card of one short
line joined by an edge to a longer card is a label for it (a question card beside a story), written under that
card as "Also answers:". Files, links, empty cards and tag lines (`#story #people`) are left out.
"""

from __future__ import annotations

import re
from typing import Any

MAX_NODES = 20_000
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
_BOLD_ONLY = re.compile(r"^\s*(?:\*\*|__)(?P<title>[^*_\n]{2,120}?)(?:\*\*|__)\s*$")
_TAG_LINE = re.compile(r"^\s*#[^\s#]+(?:\s+(?:#[^\s#]+|[^\w\s#]+))*\s*$")  # "#prep #outage ⭐"
_SHORT_CARD = 120  # characters: a one-line card this short names or asks something; it tells nothing


def is_canvas(data: Any) -> bool:
    """JSON shaped as a JSON Canvas board: a `nodes` list whose entries carry a type and a position."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not data["nodes"]:
        return False
    if not isinstance(data.get("edges", []), list):
        return False
    return all(isinstance(n, dict) and "type" in n and "x" in n and "y" in n for n in data["nodes"][:50])


def canvas_markdown(data: dict[str, Any]) -> list[str]:
    """The board's cards as Markdown lines (see the module docstring)."""
    nodes = [n for n in data["nodes"][:MAX_NODES] if isinstance(n, dict)]
    groups = sorted((n for n in nodes if n.get("type") == "group"), key=_place)
    cards = {str(n.get("id")): n for n in nodes if n.get("type") == "text" and str(n.get("text") or "").strip()}
    labels = _labels(cards, data.get("edges") or [])
    placed: dict[int, list[dict[str, Any]]] = {}
    for card in sorted(cards.values(), key=_place):
        if str(card.get("id")) in labels:
            continue
        placed.setdefault(_group_of(card, groups), []).append(card)
    out: list[str] = []
    for g in [-1, *range(len(groups))]:
        if g not in placed:
            continue
        if g >= 0:
            out += [f"# {_one_line(groups[g].get('label')) or 'Group'}", ""]
        for card in placed[g]:
            out += _card(card, [q for q, target in labels.values() if target == str(card.get("id"))])
    return out


def _card(card: dict[str, Any], asks: list[str]) -> list[str]:
    """One text card as a section: its first heading or bold first line as a `##` title."""
    lines = str(card.get("text") or "").strip().split("\n")
    first = _HEADING.match(lines[0]) or _BOLD_ONLY.match(lines[0])
    if first:
        lines[0] = f"## {first['title']}"
        lines = [lines[0]] + [re.sub(r"^(\s{0,3})#(#{0,4}\s)", r"\1##\2", x) for x in lines[1:]]  # below its title
    out = [x for x in lines if not _TAG_LINE.match(x)] + [""]  # Obsidian tag lines: filing, not text
    if asks:
        out += [f"**Also answers:** {'; '.join(asks)}", ""]
    return out


def _labels(cards: dict[str, dict[str, Any]], edges: list[Any]) -> dict[str, tuple[str, str]]:
    """Short one-line cards joined by an edge to a longer card: card id -> (its text, the longer card's id)."""
    out: dict[str, tuple[str, str]] = {}
    for edge in edges[:MAX_NODES]:
        if not isinstance(edge, dict):
            continue
        ends = [str(edge.get("fromNode")), str(edge.get("toNode"))]
        for short, other in (ends, ends[::-1]):
            text = str(cards.get(short, {}).get("text") or "").strip()
            target = str(cards.get(other, {}).get("text") or "").strip()
            if text and "\n" not in text and len(text) <= _SHORT_CARD and len(target) > 2 * _SHORT_CARD:
                out.setdefault(short, (_one_line(text).lstrip("❓?! ").strip(), other))
    return out


def _group_of(card: dict[str, Any], groups: list[dict[str, Any]]) -> int:
    """The smallest group whose box holds the card's centre, or -1."""
    cx, cy = _num(card.get("x")) + _num(card.get("width")) / 2, _num(card.get("y")) + _num(card.get("height")) / 2
    inside = [
        (_num(g.get("width")) * _num(g.get("height")), k)
        for k, g in enumerate(groups)
        if _num(g.get("x")) <= cx <= _num(g.get("x")) + _num(g.get("width"))
        and _num(g.get("y")) <= cy <= _num(g.get("y")) + _num(g.get("height"))
    ]
    return min(inside)[1] if inside else -1


def _place(node: dict[str, Any]) -> tuple[float, float]:
    return (_num(node.get("y")), _num(node.get("x")))


def _num(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())
