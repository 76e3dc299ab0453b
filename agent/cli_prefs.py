"""Choices a candidate makes during a session that must survive a resume (today: /feedback on|off).

Kept beside the reports in data_dir()/session-prefs/<thread>.json (0600), so they work whatever stores the
session itself; a missing or damaged file only means the session's starting setting applies.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from knowledge import data_files
from knowledge.paths import data_dir, write_private

_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]")


def _path(thread_id: str) -> Path:
    return data_dir() / "session-prefs" / f"{_SAFE_ID.sub('_', thread_id)}.json"


def save_feedback(thread_id: str, on: bool) -> None:
    """Remember /feedback on|off for this session (best effort: a full disk costs only the preference)."""
    path = _path(thread_id)
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        write_private(path, json.dumps({"feedback": on}))
    except OSError:
        pass


def load_feedback(thread_id: str, default: bool) -> bool:
    """The last /feedback choice made in this session, else `default`."""
    try:
        value = data_files.load_json(_path(thread_id), 4096).get("feedback")  # never waits on a pipe
    except (OSError, ValueError, AttributeError):
        return default
    return value if isinstance(value, bool) else default
