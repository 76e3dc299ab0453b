"""JSON exports of apps people keep notes in, read by the app's own layout rather than as generic records.

- Telegram ("Export chat history", result.json): each message is a note; a message whose text has a first line
  and more after it is a section titled by that line (its bold / italic / plain pieces joined), a short one-line
  message (a photo, a shopping list, a reply) is left out. Service messages are left out.
- ChatGPT (conversations.json): each conversation is a section titled by its title; its text is what the user
  wrote on the branch the conversation shows (from current_node back to the root), since the assistant's turns
  are rewrites and advice about the user's notes, not the notes.
- Trello ("Export as JSON"): each open list is a heading and each open card a section under it, its Markdown
  description as text; archived cards and lists, comments, checklists and the activity log (old drafts of a
  description) are left out.

- Obsidian Canvas (`.canvas`, JSON Canvas): the cards as sections, under their groups (canvas.py).

Anything else returns None and is read as generic JSON records (datadoc.py).
"""

from __future__ import annotations

import json
from typing import Any

from knowledge.ingest.canvas import canvas_markdown, is_canvas

MAX_ITEMS = 20_000
MAX_TITLE = 120
_SHORT_NOTE = 200  # characters: a one-line message this short is a remark, not a note worth a section


def export_markdown(text: str) -> str | None:
    """The export as Markdown when it is one of the apps above, else None."""
    first = text.lstrip()[:1]
    if first not in ("{", "["):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if is_canvas(data):
        lines = canvas_markdown(data)
    elif isinstance(data, dict) and isinstance(data.get("messages"), list) and "cards" not in data:
        lines = _telegram(data["messages"])
    elif isinstance(data, list) and data and all(isinstance(c, dict) and "mapping" in c for c in data[:50]):
        lines = _chatgpt(data)
    elif isinstance(data, dict) and isinstance(data.get("cards"), list) and isinstance(data.get("lists"), list):
        lines = _trello(data)
    else:
        return None
    return "\n".join(lines).strip() + "\n" if lines else None


def _telegram(messages: list[Any]) -> list[str]:
    """Telegram messages as sections (see the module docstring)."""
    out: list[str] = []
    for message in messages[:MAX_ITEMS]:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        body = _entity_text(message.get("text")).strip()
        head, _, rest = body.partition("\n")
        head = head.strip()
        if rest.strip() and head and len(head) <= MAX_TITLE:
            out += ["", f"## {head}", "", rest.strip(), ""]
        elif len(body) > _SHORT_NOTE:
            out += ["", body, ""]
    return out


def _entity_text(value: Any) -> str:
    """A Telegram text: a string, or a list of strings and {type, text} pieces, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        pieces = (p if isinstance(p, str) else str(p.get("text", "")) if isinstance(p, dict) else "" for p in value)
        return "".join(pieces)
    return ""


def _chatgpt(conversations: list[Any]) -> list[str]:
    """ChatGPT conversations as sections of the user's own turns on the shown branch."""
    out: list[str] = []
    for conversation in conversations[:MAX_ITEMS]:
        mapping = conversation.get("mapping")
        if not isinstance(mapping, dict):
            continue
        turns = [t for t in _branch(mapping, conversation.get("current_node")) if t]
        if not turns:
            continue
        title = " ".join(str(conversation.get("title") or "Conversation").split())[:MAX_TITLE]
        out += ["", f"## {title}", ""]
        for turn in turns:
            out += [turn.strip(), ""]
    return out


def _branch(mapping: dict[str, Any], leaf: Any) -> list[str]:
    """The user's texts from the root to `leaf` (the last node when no current node is named)."""
    node_id = leaf if isinstance(leaf, str) and leaf in mapping else next(reversed(mapping), None)
    texts: list[str] = []
    seen: set[str] = set()
    while isinstance(node_id, str) and node_id in mapping and node_id not in seen and len(seen) < MAX_ITEMS:
        seen.add(node_id)
        node = _dict(mapping[node_id])
        message = _dict(node.get("message"))
        if _dict(message.get("author")).get("role") == "user":
            parts = _dict(message.get("content")).get("parts")
            texts.append("\n".join(p for p in parts if isinstance(p, str)) if isinstance(parts, list) else "")
        node_id = node.get("parent")
    return texts[::-1]


def _dict(value: Any) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one (exports are read without trusting their shape)."""
    return value if isinstance(value, dict) else {}


def _trello(board: dict[str, Any]) -> list[str]:
    """Open lists as headings, their open cards as sections (see the module docstring)."""
    lists = [x for x in board["lists"] if isinstance(x, dict) and not x.get("closed")]
    cards = [c for c in board["cards"][:MAX_ITEMS] if isinstance(c, dict) and not c.get("closed")]
    known = {x.get("id") for x in board["lists"] if isinstance(x, dict)}
    out: list[str] = []
    for column in lists:
        out += ["", f"# {' '.join(str(column.get('name') or 'List').split())}", ""]
        out += _cards([c for c in cards if c.get("idList") == column.get("id")])
    return out + _cards([c for c in cards if c.get("idList") not in known])  # cards of no list the export holds


def _cards(cards: list[dict[str, Any]]) -> list[str]:
    """Cards as sections: the name a heading, the description its text."""
    out: list[str] = []
    for card in cards:
        name = " ".join(str(card.get("name") or "").split())[:MAX_TITLE]
        desc = str(card.get("desc") or "").strip()
        out += ["", f"## {name}", "", *([desc, ""] if desc else [])]
    return out
