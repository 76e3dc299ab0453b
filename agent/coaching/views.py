"""Assemble the coaching views from the history feed, the story bank and the role pack (with their caches)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from agent.coaching.bank import cached, doc_files, open_index, stamp
from agent.coaching.coverage import Coverage, StoryInfo, coverage, search_coverage, story_infos
from agent.coaching.feed import SessionSummary
from agent.coaching.jd import (
    JobDescriptionError,
    Requirement,
    back_with_stories,
    extract_requirements,
    match_requirements,
    read_jd,
)
from knowledge.models import RolePack


def coverage_view(pack: RolePack, docs: list[str], embedder: str, sessions: list[SessionSummary]) -> Coverage:
    """Story coverage of the role by the documents (cached search), with the history's told counts."""

    def compute() -> dict[str, Any]:
        index = open_index(docs, embedder)
        found = search_coverage(pack, index)
        wanted = {sid for _, fits in found.values() for sid in fits}
        infos = {k: asdict(v) for k, v in story_infos(index.stories, wanted).items()}
        # what the reader skipped (a pipe, a link loop, a link out of the folder): said, as a session says it
        return {"found": found, "infos": infos, "notices": [str(w) for w in index.ingest_result.warnings]}

    parts = [pack.name, stamp([Path(pack.source)]), stamp(doc_files(docs)), embedder]
    def parse(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, StoryInfo], list[str]]:
        found = {c: (v[0], list(v[1])) for c, v in data["found"].items()}
        infos = {k: StoryInfo(**v) for k, v in data["infos"].items()}
        return found, infos, [str(n) for n in data.get("notices", [])]

    found, infos, notices = cached("coverage", parts, compute, parse)
    view = coverage(pack, found, infos, sessions, sample_bank=not docs)
    view.notices = notices
    return view


def requirements_view(pack: RolePack, docs: list[str], embedder: str, jd: str) -> list[Requirement]:
    """The job's requirements, each with its competency, closest pack questions and backing story (cached)."""
    from agent.critic.semantic import semantic

    text = read_jd(jd)  # read first: a missing file is one line, whatever the cache holds
    texts = extract_requirements(text)
    if not texts:
        raise JobDescriptionError(
            f"--jd {jd}: no requirements found (expected bullet points or sentences asking for experience)"
        )

    def compute() -> dict[str, Any]:
        matched = match_requirements(texts, pack, semantic(embedder))
        return {"requirements": [r.to_dict() for r in back_with_stories(matched, open_index(docs, embedder))]}

    parts = [pack.name, stamp([Path(pack.source)]), stamp(doc_files(docs)), embedder, texts]
    return cached("requirements", parts, compute, lambda data: [Requirement(**r) for r in data["requirements"]])
