"""The eval transcript format (evals/transcripts/*.yaml): loading and validation with file and line in errors.

The format is a contract other tools rely on; extra optional keys are accepted and ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from agent.critic.schema import GapOrNone

Ownership = Literal["clear", "mixed", "unclear"]


class TranscriptError(ValueError):
    """An invalid transcript file; the message names the file, the line and the reason."""


class StarExpect(BaseModel):
    """Expected STAR flags; a part left out is not checked."""

    model_config = ConfigDict(extra="forbid")
    situation: bool | None = None
    task: bool | None = None
    action: bool | None = None
    result: bool | None = None


class Expect(BaseModel):
    """What one turn must show; every key optional."""

    model_config = ConfigDict(extra="allow")
    star: StarExpect | None = None
    quantified_result: bool | None = None
    ownership: Ownership | None = None
    specificity: Literal["low", "medium", "high"] | None = None
    follow_up_probes: GapOrNone | None = None  # a probe the critic does not know is refused at load
    score: tuple[int, int] | None = None
    stories_include: str | None = None
    story_note: Literal["contradiction", "omitted_metric", "better_story", "unfinished"] | None = None
    relevance: Literal["on_topic", "partial", "off_topic"] | None = None
    level: Literal["below", "at"] | None = None
    closes_gap: bool | None = None
    question_score: tuple[int, int] | None = None
    notes_value: str | None = None  # a story note quotes this figure as the notes state it
    said_value: str | None = None  # ... and this figure as the answer said it

    @field_validator("score", "question_score", mode="before")
    @classmethod
    def _score_range(cls, value: Any) -> Any:
        if isinstance(value, int):
            return (value, value)
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
            low, high = value
            if not 1 <= low <= high <= 5:
                raise ValueError("score must be an inclusive range within 1-5, low first")
            return (low, high)
        if value is None:
            return None
        raise ValueError("score must be [low, high] (inclusive, 1-5) or a single integer")


class TranscriptTurn(BaseModel):
    """One answer of the candidate."""

    model_config = ConfigDict(extra="allow")
    question: str | None = None
    answer: str
    follow_up: bool = False
    expect: Expect = Field(default_factory=Expect)


class Transcript(BaseModel):
    """A scripted interview replayed through the real graph."""

    model_config = ConfigDict(extra="allow")
    name: str
    role: str
    docs: list[str] = Field(default_factory=list)
    follow_ups: int = Field(default=2, ge=0, le=5)
    # true: replayed only by the offline critic (evals.run), not in LLM mode (--llm-stub), for a transcript whose
    # follow-up is the offline interviewer's: in LLM mode the model picks the follow-up, so the reply answers another
    offline_only: bool = False
    turns: list[TranscriptTurn] = Field(min_length=1)
    path: str = ""

    def main_questions(self) -> list[str | None]:
        """The questions of the turns that are not follow-up answers, in order (None = interviewer chooses)."""
        return [t.question for t in self.turns if not t.follow_up]


def _line_of(node: yaml.Node, loc: tuple[int | str, ...]) -> int:
    """The 1-based line of the YAML node at a pydantic error location (best effort)."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == key), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1


def load_transcript(path: Path) -> Transcript:
    """Load and validate one transcript; raise TranscriptError with file, line and reason."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise TranscriptError(f"{path}:{line}: invalid YAML: {exc.problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TranscriptError(f"{path}:0: cannot read: {exc}") from None
    if not isinstance(data, dict) or node is None:
        raise TranscriptError(f"{path}:1: a transcript must be a mapping with name, role and turns")
    try:
        transcript = Transcript.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise TranscriptError(f"{path}:{_line_of(node, err['loc'])}: {where}: {err['msg']}") from None
    if transcript.turns[0].follow_up:
        raise TranscriptError(f"{path}:{_line_of(node, ('turns', 0))}: the first turn cannot be a follow-up answer")
    transcript.path = str(path)
    return transcript


def find_transcripts(paths: list[str]) -> list[Path]:
    """Transcript files under the given files and folders, sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # Only the folder itself: subfolders hold the documents and role packs transcripts refer to.
            found.extend(sorted(p for p in path.glob("*.y*ml") if p.is_file()))
        else:
            found.append(path)
    return found
