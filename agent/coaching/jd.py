"""A job description: its requirements, matched to the role pack's questions and competencies with the local
embedding model, and the candidate's story that backs each one (or "no story yet").

Requirements are the bullet points of a Markdown or plain-text job description outside the sections that are not
asked of the candidate (benefits, about the company, how to apply); a description without bullets gives its
sentences that ask for something. Each requirement is embedded with the embedder the story index uses; its closest
pack questions (cosine) name its competency, and StoryIndex.best_fit names the backing story.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.competencies import competency_scores
from knowledge.models import RolePack
from knowledge.title_tags import spoken_title

if TYPE_CHECKING:  # the critic package takes ~0.3 s to import; progress without --jd never needs it
    from agent.critic.semantic import Semantic

MAX_REQUIREMENTS = 30
MAX_BYTES = 200_000  # a job description is a page or two; more is the wrong file
KEYWORD_NUDGE = 0.2  # at most this much cosine for the competency the requirement's words name most
PULL = 4.0  # weight a requirement adds to its competency (a pack spreads over ~18 competencies)
MATCH_MIN = 0.30  # cosine from which a pack question counts as asking about the requirement (MiniLM scale)
_BULLET = re.compile(r"^\s{0,6}(?:[-*•+▪◦·]|\d{1,2}[.)])\s+(.*\S)")
_HEADING = re.compile(
    r"^\s{0,3}(?:#{1,6}\s+(.*?)\s*#*\s*$|\*\*(.+?)\*\*:?\s*$|__(.+?)__:?\s*$|([A-Z][^.!?]{2,60}):\s*$)"
)
_SKIP = re.compile(
    r"benefit|perk|salary|compensation|pay\b|about (?:us|the company|the team)|who we are|equal opportunit|divers|"
    r"how to apply|hiring process|interview process|location|our values|why (?:join|work)|what we offer|we offer",
    re.I,
)
_ASKS = re.compile(
    r"\b(?:you(?:'ll| will| have| bring| can)|experience|ability|able to|track record|must|should|proven|"
    r"comfortable|familiar|skilled|lead|own|build|drive|hire|grow)\b",
    re.I,
)
_MARKUP = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")


class JobDescriptionError(ValueError):
    """The job description file cannot be read; the message is one line for the user."""


@dataclass
class Requirement:
    """One thing the job asks for, what the pack asks about it, and the story that backs it."""

    text: str
    competency: str
    questions: list[str] = field(default_factory=list)  # pack questions asking about it (cosine >= MATCH_MIN)
    similarity: float = 0.0
    story_id: str | None = None
    story_title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able."""
        return asdict(self)


def read_jd(path: str) -> str:
    """The text of a job description file, or JobDescriptionError with one line."""
    from agent.cli_files import InputFileError, read_capped

    try:  # a regular file under the cap: /dev/zero or a FIFO is refused before it is read
        data = read_capped(Path(path).expanduser(), "--jd", MAX_BYTES, "a job description")
    except InputFileError as exc:
        raise JobDescriptionError(str(exc)) from None
    from agent.safe_text import clean_text
    from knowledge.ingest.reader import bom_encoding

    if encoding := bom_encoding(data):  # Notepad's "Unicode", Word's "Unicode Text": read as documents are (sweep30 S3)
        return clean_text(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:4096]:
        raise JobDescriptionError(f"--jd {path}: not a text file (export it as .md or .txt)")

    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # read on, as documents are, but never silently (sweep29 S11)
        import sys

        from knowledge.safe_text import where_not_utf8

        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        print(f"warning: --jd {path}, {where_not_utf8(data, start)}; undecodable bytes were replaced", file=sys.stderr)
    # terminal escapes in the text would reach the screen, the transcript and the progress page: gone, as in answers
    return clean_text(data.decode("utf-8-sig", errors="replace"))


def _clean(text: str) -> str:
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split()).strip(" .;:,")


def extract_requirements(text: str) -> list[str]:
    """The requirements of a job description, in order, without duplicates (see the module docstring)."""
    bullets: list[str] = []
    prose: list[str] = []
    skipping = False
    for line in text.splitlines():
        if heading := _HEADING.match(line):
            title = next(g for g in heading.groups() if g is not None)
            skipping = bool(_SKIP.search(title))
            continue
        if skipping:
            continue
        if bullet := _BULLET.match(line):
            bullets.append(_clean(bullet.group(1)))
        elif line.strip():
            prose += [_clean(s) for s in re.split(r"(?<=[.!?])\s+", line) if _ASKS.search(s)]
    chosen = bullets or prose
    seen: dict[str, str] = {}
    for item in chosen:
        if len(item.split()) >= 3:
            seen.setdefault(item.lower(), item)
    return list(seen.values())[:MAX_REQUIREMENTS]


def match_requirements(texts: list[str], pack: RolePack, sem: Semantic) -> list[Requirement]:
    """Each requirement's closest pack questions (cosine of the embeddings) and the competency they share."""
    if not texts:
        return []
    questions = pack.questions
    req = sem.vectors(texts)
    qs = sem.fixed([q.text for q in questions])
    if req is None or qs is None:
        raise JobDescriptionError("the local embedding model is not available, so requirements cannot be matched")
    sims = req @ qs.T
    out: list[Requirement] = []
    for i, text in enumerate(texts):
        order = sorted(range(len(questions)), key=lambda j: (-float(sims[i, j]), questions[j].id))
        close = [j for j in order[:3] if float(sims[i, j]) >= MATCH_MIN]
        matched = close or order[:1]  # nothing in the pack asks about it: its nearest question still names a competency
        # the competency the close questions probe most, nudged by the requirement's own words (the keyword
        # tagger ingestion uses: "hiring", "interview loop"); the closest question breaks a tie
        votes: dict[str, float] = {}
        for j in matched:
            votes[questions[j].competency] = votes.get(questions[j].competency, 0.0) + float(sims[i, j])
        words = {c: v for c, v in competency_scores(text).items() if c in pack.competencies}
        for c, v in words.items():
            votes[c] = votes.get(c, 0.0) + KEYWORD_NUDGE * v / max(words.values())
        competency = max(votes, key=lambda c: (votes[c], c == questions[matched[0]].competency))
        out.append(Requirement(text, competency, [questions[j].id for j in close], round(float(sims[i, order[0]]), 3)))
    return out


def back_with_stories(requirements: list[Requirement], index: Any) -> list[Requirement]:
    """Fill each requirement's backing story: the index's best fitting story for it, or none ("no story yet")."""
    for r in requirements:
        hit = index.best_fit(r.text, competency=r.competency)
        if hit is not None:
            r.story_id, r.story_title = hit.story.id, spoken_title(hit.story.title)
    return requirements


def lean_weights(requirements: list[Requirement]) -> tuple[dict[str, float], dict[str, float]]:
    """(competency -> weight multiplier, question id -> multiplier): the job's competencies and the questions
    closest to its requirements come up more often (a requirement no story backs counts double: practise it)."""
    comps: dict[str, float] = {}
    qs: dict[str, float] = {}
    for r in requirements:
        if not r.questions:
            continue  # the role pack has nothing to practise it with
        pull = 2.0 if r.story_id is None else 1.0
        comps[r.competency] = comps.get(r.competency, 1.0) + PULL * pull
        for rank, qid in enumerate(r.questions):
            qs[qid] = max(qs.get(qid, 1.0), 1.0 + pull * 2.0 / (rank + 1))
    return comps, qs


def requirements_markdown(requirements: list[dict[str, Any]]) -> str:
    """The report's section: each requirement of the job with the story that backs it, or "no story yet"."""
    lines = ["## The job's requirements", "", "| Requirement | Competency | Backing story |", "|---|---|---|"]
    for r in requirements:
        story = r.get("story_title") or "**no story yet**"
        lines.append(f"| {r['text']} | {str(r['competency']).replace('_', ' ')} | {story} |")
    return "\n".join(lines) + "\n"
