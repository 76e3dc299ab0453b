"""The history feed in a LangGraph store: what the interview service (agent.service) feeds and serves progress from.

On LangGraph Server the store is the server's own (Postgres in a deployment, kept with the checkpoints), so a
candidate's history lives beside their threads instead of in one machine's data dir. One item per session under the
namespace ("coaching", <candidate key>), keyed by the thread; the value is the same SessionSummary the file feed
writes.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from agent.coaching.feed import SessionSummary

NAMESPACE = "coaching"
PAGE = 100  # items per store search call


class StoreFeed:
    """A HistoryFeed over a langgraph BaseStore, for one candidate."""

    def __init__(self, store: Any, candidate: str) -> None:
        self.store = store
        self.namespace = (NAMESPACE, candidate)

    def record(self, summary: SessionSummary) -> None:
        earlier = self.store.get(self.namespace, summary.thread_id)
        if earlier is not None and isinstance(earlier.value.get("started"), str):
            summary = summary.model_copy(update={"started": earlier.value["started"]})
        self.store.put(self.namespace, summary.thread_id, summary.model_dump(mode="json"), index=False)

    def sessions(self, role: str | None = None) -> list[SessionSummary]:
        found: list[SessionSummary] = []
        offset = 0
        while True:
            items = self.store.search(self.namespace, limit=PAGE, offset=offset)
            for item in items:
                try:
                    found.append(SessionSummary.model_validate(item.value))
                except ValidationError:
                    continue  # an item another version wrote: skipped, never fatal
            if len(items) < PAGE:
                break
            offset += PAGE
        chosen = [s for s in found if role is None or s.role == role]
        return sorted(chosen, key=lambda s: (s.started, s.thread_id))
