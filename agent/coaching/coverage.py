"""Story coverage: for each competency of the role, the candidate's best prepared story, whether it is finished,
how often it was told, and the competencies no story fits.

A competency's best story comes from retrieval over the candidate's documents: every question of the competency
in the role pack is searched (StoryIndex.search, top 3), and the story that fits most of them (then with the best
fused score) wins; a story ranked first for a question and tagged with its competency at ingestion fits too, and a
story whose title files it under the competency ("Hiring — ...", "... (failure)") fits and wins (title_kinds.py); when
nothing fits, a story prepared under a question of the competency ("Tell me about a time you failed.") does. A
story is finished when it has a situation, task, action and result, a measured result and no placeholders. Told
counts come from the history feed; a story told for three or more competencies is overused.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from agent.coaching.feed import SessionSummary
from knowledge.competencies import competency_for_question
from knowledge.index import is_retrievable
from knowledge.models import RolePack, Story
from knowledge.title_kinds import filed_under
from knowledge.title_tags import spoken_title
from prompts import load_yaml, render

OVERUSED_AT = 3  # a story told for this many different competencies is the one the candidate leans on
SEARCH_K = 3


@dataclass
class StoryInfo:
    """One story as the coverage views show it."""

    id: str
    title: str
    source: str
    finished: bool
    missing: list[str]  # what keeps it from finished: situation, task, action, result, measured result, placeholders
    told: int = 0
    told_for: list[str] = field(default_factory=list)  # competencies it was told for
    told_by: dict[str, int] = field(default_factory=dict)  # competency -> times told for it
    overused: bool = False


@dataclass
class CompetencyCoverage:
    """One competency of the role: its best story, or what story to write."""

    competency: str
    weight: float
    best: str | None  # story id
    fits: list[str]  # ids of every story that fits one of its questions
    told: int = 0  # answers to this competency's questions that retold one of the candidate's stories
    write: str = ""  # "no prepared story fits: write one about a time you ..." when nothing fits


@dataclass
class Coverage:
    """The coverage matrix: competencies × stories."""

    competencies: list[CompetencyCoverage]
    stories: dict[str, StoryInfo]
    sample_bank: bool
    notices: list[str] = field(default_factory=list)  # entries of --docs skipped while reading (one line each)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able."""
        return asdict(self)


def missing_parts(story: Story) -> list[str]:
    """What a story lacks to be finished (empty: finished). Unlabelled stories are read by the critic's STAR and
    metric detection, the same reading an answer gets."""
    from agent.critic import critique_answer
    from agent.critic.semantic import Semantic

    if story.kind != "story":
        return ["a past situation (this is a prepared answer)"]
    parts = {p: bool(getattr(story, p).strip()) for p in ("situation", "task", "action", "result")}
    measured = any(m.value is not None for m in story.metrics)
    if not all(parts.values()) or not measured:
        # A question outside any role pack: relevance and signals need no sentence vectors, so none are computed
        # (STAR and metrics never use them).
        question = "Tell me about a time you made a difference."
        judged = critique_answer(question, "behavioral", story.text, sem=Semantic(None))
        parts = {p: parts[p] or bool(getattr(judged.star, p)) for p in parts}
        measured = (measured and parts["result"]) or judged.quantified_result
    missing = [p for p, present in parts.items() if not present]
    if not measured:
        missing.append("measured result")
    if story.unfinished:
        missing.append("placeholders")
    return missing


def search_coverage(pack: RolePack, index: Any) -> dict[str, tuple[str | None, list[str]]]:
    """competency -> (best story id or None, ids of the stories that fit any of its questions)."""
    out: dict[str, tuple[str | None, list[str]]] = {}
    if hasattr(index, "prime"):
        index.prime([q.text for q in pack.questions])  # one batched embedding for the searches below
    for competency in pack.competencies:
        votes: dict[str, list[float]] = defaultdict(list)
        for q in (q for q in pack.questions if q.competency == competency):
            for rank, hit in enumerate(index.search(q.text, k=SEARCH_K, competency=competency)):
                # The index's fit threshold is tuned for one question; a story ranked first for a question of
                # the competency that ingestion also tagged with it is corroborated twice and counts as fitting.
                if hit.fits or (rank == 0 and competency in hit.story.competencies):
                    votes[hit.story.id].append(float(hit.score))
        # A story the candidate filed under the competency ("Hiring — ...", "... (failure)") fits it, and comes
        # before stories that only share its topic words (knowledge.title_kinds).
        stories = getattr(index, "stories", ())
        titled = {s.id for s in stories if is_retrievable(s) and filed_under(s, competency)}
        for sid in titled:
            votes.setdefault(sid, [0.0])
        if not votes:
            # Nothing fits the pack's questions, but a story prepared under a question of this competency ("Tell me
            # about a time you failed.") was written for it: that, not "no prepared story fits" (newcomer trial N17).
            votes.update((s.id, [0.0]) for s in stories if is_retrievable(s) and asked_for(s, competency))
        ranked = sorted(votes, key=lambda sid: (sid not in titled, -len(votes[sid]), -max(votes[sid]), sid))
        out[competency] = (ranked[0] if ranked else None, sorted(votes))
    return out


def asked_for(story: Story, competency: str) -> bool:
    """A story told as a past situation under a prepared question that asks for `competency`."""
    asked = story.question or ""
    return story.kind == "story" and bool(asked) and competency_for_question(asked) == competency


def story_infos(stories: Sequence[Story], wanted: set[str]) -> dict[str, StoryInfo]:
    """StoryInfo for the stories with the given ids."""
    return {
        s.id: StoryInfo(s.id, spoken_title(s.title), s.source, finished=not (m := missing_parts(s)), missing=m)
        for s in stories
        if s.id in wanted
    }


def coverage(
    pack: RolePack,
    found: dict[str, tuple[str | None, list[str]]],
    infos: dict[str, StoryInfo],
    sessions: Sequence[SessionSummary],
    sample_bank: bool = False,
) -> Coverage:
    """Put retrieval (`found`, `infos`) and the history's told stories together."""
    phr = load_yaml("coaching.yaml")
    told_for: dict[str, list[str]] = defaultdict(list)
    told_titles: dict[str, str] = {}
    told_here: dict[str, int] = defaultdict(int)
    for a in (a for s in sessions for a in s.answers):
        if a.story_id:
            told_for[a.story_id].append(a.competency)
            told_titles[a.story_id] = a.story_title or a.story_id
            told_here[a.competency] += 1
    stories = dict(infos)
    for sid, comps in told_for.items():
        info = stories.setdefault(sid, StoryInfo(sid, told_titles[sid], "", finished=False, missing=["not found"]))
        info.told, info.told_for = len(comps), sorted(set(comps))
        info.told_by = {c: comps.count(c) for c in info.told_for}
        info.overused = len(info.told_for) >= OVERUSED_AT
    rows = []
    for competency, weight in pack.competencies.items():
        best, fits = found.get(competency, (None, []))
        prompt = phr["write"].get(competency, competency.replace("_", " "))
        rows.append(
            CompetencyCoverage(
                competency,
                weight,
                best,
                fits,
                told_here.get(competency, 0),
                "" if best else render(phr["no_story"], prompt=prompt),
            )
        )
    return Coverage(rows, stories, sample_bank)
