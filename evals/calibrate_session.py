"""A labelled answer handed to the offline critic the way an interview session hands it over.

An item's `candidate_notes` become the candidate's story bank: written to a Markdown file and opened with the story
index a session opens for `--docs` (knowledge.index.open_story_index: the real ingestion, MiniLM retrieval), so the
critic gets what retrieve_stories gives it: the question's hits with their fit, plus the story the answer retells
(agent.nodes.retrieve.story_refs). Each follow-up reply, in order, is judged as critique_answer in
agent/nodes/critique.py judges it: against the follow-up it answers, with the stories retrieved for that reply, and
the main answer as the answer the follow-up was asked about and, for a later reply of a chain, the chain's previous
reply (which it may repeat or correct, as the graph passes it). Items without notes are judged with no stories, as
before.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.labels import LabeledItem
from knowledge.models import Story


class NotesBank:
    """One item's note opened as a story bank (files 0600 in a private folder that lives as long as the judge)."""

    def __init__(self, notes: str, folder: Path) -> None:
        from knowledge.index import open_story_index

        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        doc = folder / "notes.md"
        fd = os.open(doc, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(notes)
        self.index = open_story_index([doc], index_dir=folder / "index", embedder="minilm")

    def retrieved(self, question: str, competency: str | None, answer: str) -> tuple[list[Story], list[bool]]:
        """(stories, fits) as critique_answer gets them for `answer` to `question` (retrieve_stories, stories_for)."""
        from agent.critic.story_notes import told_index
        from agent.nodes.retrieve import STORIES_PER_QUESTION, story_refs

        comp = None if competency in (None, "general") else competency
        hits = self.index.search(question, k=STORIES_PER_QUESTION, competency=comp)
        stories = self.index.stories
        found = told_index(answer, stories)
        refs = story_refs(hits, stories[found] if found is not None else None)
        by_id = {s.id: s for s in stories}
        kept = [ref for ref in refs if ref["id"] in by_id]
        return [by_id[ref["id"]] for ref in kept], [ref.get("fits", True) for ref in kept]


def session_judge(sem: Any = None) -> Any:
    """item -> (critique of the answer, [critique of each follow-up reply, in order]), as a session judges them;
    `sem` is the critic's embedding model (agent.critic.semantic; None: the critic's default)."""
    from agent.critic import critique_answer, critique_follow_up
    from agent.critic.question import question_info

    folder = tempfile.TemporaryDirectory(prefix="calibrate-notes-")  # removed when the judge is dropped

    def judge(item: LabeledItem) -> tuple[Any, list[Any]]:
        info = question_info(item.question, item.question_type, None, item.role, None, item.question_id)
        bank = NotesBank(item.candidate_notes, Path(folder.name) / _safe(item.id)) if item.candidate_notes else None
        competency = item.competency or info.competency

        def stories(answer: str) -> tuple[Sequence[Story], list[bool] | None]:
            return bank.retrieved(item.question, competency, answer) if bank else ((), None)

        told, fits = stories(item.answer)
        main = critique_answer(item.question, item.question_type, item.answer, told, info=info, fits=fits, sem=sem)
        follow = [
            critique_follow_up(
                info,
                fu.question,
                fu.probes,
                fu.answer,
                stories(fu.answer)[0],
                sem=sem,
                earlier=item.answer,
                previous=item.follow_ups[k - 1].answer if k else "",
                first_score=main.score,
            )
            for k, fu in enumerate(item.follow_ups)
        ]
        return main, follow

    judge.folder = folder  # type: ignore[attr-defined]  # keeps the folder alive as long as the judge
    return judge


def _safe(item_id: str) -> str:
    """A folder name for an item id (ids are `<role>-NNN`; anything else is replaced)."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in item_id) or "item"
