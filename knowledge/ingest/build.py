"""Raw items -> Story / Question models: stable ids, question types, competencies and metrics."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from knowledge.competencies import competency_for_question, tag_competencies
from knowledge.ingest import prose
from knowledge.ingest.extract import MAX_ITEMS, RawDoc, RawStory
from knowledge.ingest.fences import reads_as
from knowledge.ingest.kinds import clean_title, kind_of, only_placeholder, placeholders, says_empty
from knowledge.ingest.questions import classify
from knowledge.ingest.star import strip_markup
from knowledge.models import Metric, Question, Story, stable_id


def _metric_extractor() -> Callable[[str], list[Metric]]:
    """knowledge.metrics' extractor (imported here, when a document is built: it is a large module)."""
    from knowledge.metrics import extract_metrics

    return extract_metrics


class _Ids:
    """Stable ids; a repeated title in one document gets "#2", "#3"... so ids stay unique and stable."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: dict[str, int] = {}

    def __call__(self, prefix: str, title: str) -> str:
        key = f"{prefix}\x00{title.strip().lower()}"
        self.seen[key] = self.seen.get(key, 0) + 1
        n = self.seen[key]
        return stable_id(prefix, self.name, title if n == 1 else f"{title} #{n}")


# Caps that keep a pathological document from stalling ingestion (real prep docs are far below them).
MAX_STORY_CHARS = 20_000


def build(doc: RawDoc, source: str) -> tuple[list[Story], list[Question], list[Question]]:
    """Models for one document; `source` is the path as given, its file name keys the ids."""
    ids = _Ids(PurePath(source.replace("\\", "/")).name or source)
    metrics = _metric_extractor()
    if len(doc.stories) > MAX_ITEMS or len(doc.questions) > MAX_ITEMS:
        doc.warnings.append(f"more than {MAX_ITEMS} stories or questions; only the first {MAX_ITEMS} were kept")
    for raw in doc.stories[:MAX_ITEMS]:
        if len(raw.text) > MAX_STORY_CHARS:
            doc.warnings.append(
                f"line {raw.line}: story is very long; kept its first {MAX_STORY_CHARS // 1000} K characters"
            )
            raw.text = raw.text[:MAX_STORY_CHARS]
            raw.fields = {k: v[:MAX_STORY_CHARS] for k, v in raw.fields.items()}
    _resolve_refs(doc)
    raws = _one_copy(doc.stories[:MAX_ITEMS])
    built = [(raw, _story(raw, source, ids, metrics)) for raw in raws if not _is_code(raw)]
    stories = [story for _, story in built]
    asked = [(clean_title(text), line) for text, line in doc.questions]
    # A question a story is linked to is a question the candidate expects: it is in the bank too.
    asked += [(q, s.line) for s in stories for q in s.questions]
    questions = [_question(text, line, source, ids, "q") for text, line in _unique(asked)[:MAX_ITEMS]]
    by_text = {_key(q.text): q for q in questions}
    for raw, story in built:
        # The bank keeps both links: questions the story is prepared for, and follow-ups expected after it.
        for linked in [*story.questions, *(clean_title(q) for q in raw.follow_ups)]:
            question = by_text.get(_key(linked))
            if question is not None and story.id not in question.story_ids:
                question.story_ids.append(story.id)
    candidates = [_question(text, line, source, ids, "cq") for text, line in _unique(doc.candidates)[:MAX_ITEMS]]
    return stories, questions, candidates


def _one_copy(raws: list[RawStory]) -> list[RawStory]:
    """A story written twice in one document (the same title and text: a file joined to itself, a note app's two
    copies) is one story, its first copy (sweep 39 N14: `cat a.md a.md` gave every story twice)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for raw in raws:
        key = (_key(raw.title), _key(raw.text))
        if key not in seen:
            seen.add(key)
            out.append(raw)
    return out


def _resolve_refs(doc: RawDoc) -> None:
    """A table row "question | story title" links the question to the story of that title in this document."""
    for question, ref in doc.refs:
        want = _key(clean_title(ref))
        match = next((s for s in doc.stories if _key(clean_title(s.title)) == want), None)
        match = match or next((s for s in doc.stories if want in _key(s.title) or _key(s.title) in want), None)
        if match is not None and question not in match.links:
            match.links.append(question)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


_CODE_TITLE = re.compile(r"[{};=]|\w\(|^\W*$")
# A measured figure ("κ = 0.62", "NPS = 41%") or a gloss in brackets ("(= the TMAY answer)"): prose, not code.
_FIGURE_OR_GLOSS = re.compile(r"\(=\s*[^\s)][^)]*\)|^\W*[^\W\d_]{1,12}\s*=\s*[~≈]?\d[\d.,]*\s*%?\W*$")


# Two phrases set equal ("Lease renewal = launch date"): words on both sides, two on one side at least, no
# brackets, braces or calls; "name = value" stays code-like.
_PHRASES_EQUAL = re.compile(
    r"^[^{}();=<>\[\]]*(?:[^\W\d_]{2,}\s+[^\W\d_]{2,}\s+=\s+[^\W\d_]{2,}|[^\W\d_]{2,}\s+=\s+[^\W\d_]{2,}\s+[^\W\d_]{2,})"
    r"[^{}();=<>\[\]]*$"
)


def _is_code(raw: RawStory) -> bool:
    """A snippet that escaped its code block (an f-string "{query}" as a title) is never a story."""
    if _FIGURE_OR_GLOSS.search(raw.title) or _PHRASES_EQUAL.match(raw.title):
        return False  # "κ = 0.62", "About me (= TMAY)": a figure the story opens with, a note on what it answers
    return bool(_CODE_TITLE.search(raw.title)) and reads_as(raw.text.split("\n")) == "code"


def _story(raw: RawStory, source: str, ids: _Ids, metrics: Callable[[str], list[Metric]]) -> Story:
    fields = {k: strip_markup(raw.fields.get(k, "")) for k in ("situation", "task", "action", "result")}
    unfinished = placeholders(raw.text)
    said_empty = any(says_empty(v) for v in fields.values())
    # "[?]", "---", "nothing yet" are not parts
    fields = {k: "" if v and (only_placeholder(v) or says_empty(v)) else v for k, v in fields.items()}
    title = clean_title(raw.title)
    question = clean_title(raw.question) if raw.question else None
    linked = [q for q, _ in _unique([(clean_title(q), 0) for q in ([question] if question else []) + raw.links])]
    tag_text = " ".join(x for x in (question, title, raw.text) if x)
    reference = raw.reference or (said_empty and _stub(raw, fields))  # a form still to fill in: a note
    return Story(
        id=ids("story", title),
        title=title,
        kind="reference" if reference else kind_of(title, question, raw.kind, raw.text, fields),  # type: ignore[arg-type]
        format=raw.kind,  # type: ignore[arg-type]  # extract only produces star | qa | prose
        text=raw.text,
        metrics=metrics(raw.text),
        competencies=tag_competencies(tag_text),
        question=linked[0] if linked else None,  # the first linked question, as before links existed
        questions=linked,
        unfinished=unfinished,
        source=source,
        line=raw.line,
        situation=fields["situation"],
        task=fields["task"],
        action=fields["action"],
        result=fields["result"],
    )


def _stub(raw: RawStory, fields: dict[str, str]) -> bool:
    """A form not filled in yet: its STAR parts are there but each is empty, a placeholder or says it is empty, and
    nothing else in it tells a case. Kept as a note, never a story (the caller asks for one part that says in
    words it is empty, "nothing yet": an outline of only placeholders, "[?]" / "TODO", is an unfinished story)."""
    if raw.kind != "star" or not any(k in raw.fields for k in fields) or any(fields.values()):
        return False
    return not prose.is_narrative(prose.prose_text(raw.text.split("\n")))


def _question(text: str, line: int, source: str, ids: _Ids, prefix: str) -> Question:
    return Question(
        id=ids(prefix, text),
        text=text,
        type=classify(text),
        competency=competency_for_question(text),
        source=source,
        line=line,
    )


def _unique(items: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The same question asked twice in one document is one question (first occurrence wins)."""
    seen: set[str] = set()
    out = []
    for text, line in items:
        key = _key(text)
        if key not in seen:
            seen.add(key)
            out.append((text, line))
    return out
