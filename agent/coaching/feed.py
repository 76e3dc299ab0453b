"""The history feed: one compact summary per session (finished or saved), the input of every coaching view.

A summary keeps what progress needs (per main question: competency, combined score, gaps of the first answer,
follow-ups, the story told), not the answers themselves. `HistoryFeed` is the seam: `FileFeed` keeps one JSON
file per session under data_dir()/history/ (0600, written atomically); a server can put the same summaries in
its store by implementing the two methods.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, Field, ValidationError

from knowledge import data_files
from knowledge.paths import data_dir, write_private

FEED_VERSION = 1


class AnswerRecord(BaseModel):
    """One main question of a session and how it went."""

    question_id: str
    question: str
    competency: str
    type: str
    skipped: bool = False
    score: int | None = Field(
        default=None, description="Combined score (first answer and follow-ups); None if skipped."
    )
    first_score: int | None = None
    follow_ups: int = Field(default=0, description="Follow-up answers given.")
    prompted: bool = Field(default=False, description="A follow-up had to chase a gap of the first answer.")
    gaps: list[str] = Field(default_factory=list, description="Gaps of the first answer, most important first.")
    story_id: str | None = Field(default=None, description="The candidate's story the answer retold, if any.")
    story_title: str | None = None


class SessionSummary(BaseModel):
    """What one session contributes to the history."""

    version: int = FEED_VERSION
    thread_id: str
    role: str = Field(description="The role pack's name.")
    role_ref: str = Field(default="", description="The role as given: a bundled name or a path to a pack file.")
    started: str = Field(description="UTC ISO time of the first record (orders the history).")
    updated: str = ""
    finished: bool = False
    docs: list[str] = Field(default_factory=list, description="The prep documents the session used.")
    jd: str | None = Field(default=None, description="The job description file the session leaned toward.")
    answers: list[AnswerRecord] = Field(default_factory=list)
    store: str | None = Field(
        default=None,
        description='Where the session is kept: "" the data folder\'s own sessions.sqlite, else the --checkpointer as '
        "a command names it (a password as ***; agent.backend.store_label); None in records older than stop 43.",
    )


def now_iso() -> str:
    """UTC time with microseconds: sessions started within one second still order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class HistoryFeed(Protocol):
    """Where session summaries are kept (see the module docstring)."""

    def record(self, summary: SessionSummary) -> None:
        """Insert or replace the summary of summary.thread_id (its first `started` is kept)."""

    def sessions(self, role: str | None = None) -> list[SessionSummary]:
        """Summaries oldest first, of one role (pack name) or of all."""


class FileFeed:
    """One JSON file per session in a folder; unreadable files are skipped, never fatal."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_dir() / "history"
        self.skipped: list[Path] = []  # files sessions() could not read (agent.progress names them)

    def _path(self, thread_id: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in thread_id).lstrip(".")
        return self.folder / f"{safe or 'session'}.json"

    def record(self, summary: SessionSummary) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self._path(summary.thread_id)
        earlier = _read(path)
        if earlier is not None and earlier.thread_id == summary.thread_id:
            summary = summary.model_copy(update={"started": earlier.started})
        write_private(path, summary.model_dump_json())

    def sessions(self, role: str | None = None) -> list[SessionSummary]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.json"):
            summary = _read(path)
            if summary is None:
                if path not in self.skipped:
                    self.skipped.append(path)
                continue
            found.append(summary)
        chosen = [s for s in found if role is None or s.role == role]
        return sorted(chosen, key=lambda s: (s.started, s.thread_id))


MAX_SUMMARY_BYTES = 4 << 20  # a summary of a long session is tens of KB; anything larger is not one of ours


def _read(path: Path) -> SessionSummary | None:
    try:
        # a regular file of a summary's size only (sweep 40 C8: a FIFO in history/ hung, /dev/zero grew to 5.7 GB)
        return SessionSummary.model_validate(data_files.load_json(path, MAX_SUMMARY_BYTES))
    except (OSError, ValueError, ValidationError):  # a deep nest is a ValueError there (sweep 39 X13)
        return None


def open_feed() -> HistoryFeed:
    """The feed of this installation (the data dir's history folder)."""
    return FileFeed()
