"""Labelled answer sets: schema and loader for evals/labeled/<role>*.yaml (tuned on) and evals/blind/ (never).

Each item is one typed answer to an interview question with the labels a demanding human interviewer would give
(evals/labeled/README.md). v1 items carry every label (STAR, ownership, specificity, one score); v2 items carry a
score range, relevance, level, STAR only where the question asks for a past story, and follow-up answers with their
own labels. The loader validates every item and the cross-item rules (unique ids, pairs point at a real complete
answer) and fails with one line naming the file, the item id and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from agent.critic.schema import GAPS, GapOrNone, Level, Ownership, Relevance, Specificity
from knowledge.models import QuestionType

LABELED_DIR = Path(__file__).resolve().parent / "labeled"
# Answers nobody tuned on (written by helpers who had not read the critic): `--set evals/blind`.
BLIND_DIR = Path(__file__).resolve().parent / "blind"
PrimaryGap = GapOrNone
# Styles the README defines; a closed list so a typo in the data is caught, not counted as a new style.
STYLES: frozenset[str] = frozenset(
    {
        "strong", "terse", "rambling", "typos", "we_only", "mixed_we", "vague_outcome",
        "context_numbers", "no_number_result", "metrics_timeframe", "missing_failure_modes",
        "missing_scale", "no_example", "no_measure", "motivation", "non_answer", "off_topic",
        "injection", "degraded", "partial", "level_below", "plan", "design", "technical", "weak",
        "honest_limit", "follow_up_chain",
    }
)  # fmt: skip
assert set(PrimaryGap.__args__) - {"none"} == set(GAPS)  # type: ignore[attr-defined]


class LabelError(ValueError):
    """The labelled set is invalid; the message names the file, the item and the reason."""


class StarLabels(BaseModel):
    """Which STAR parts a human reader finds in the answer."""

    model_config = ConfigDict(extra="forbid")
    situation: bool
    task: bool
    action: bool
    result: bool


def _score_range(value: object) -> object:
    """A score is one integer or an inclusive [low, high] range; both become (low, high)."""
    if isinstance(value, int):
        value = [value, value]
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        low, high = value
        if not 1 <= low <= high <= 5:
            raise ValueError("score range must be [low, high] within 1-5")
        return (low, high)
    raise ValueError("score must be an integer or [low, high]")


class Labels(BaseModel):
    """The human judgment of one answer (v1 items fill every field; v2 leaves out what does not apply)."""

    model_config = ConfigDict(extra="forbid")
    star: StarLabels | None = None
    quantified_result: bool | None = None
    ownership: Ownership | None = None
    specificity: Specificity | None = None
    score: tuple[int, int]
    primary_gap: PrimaryGap | None = None
    relevance: Relevance = "on_topic"
    level: Level = "at"
    signals_missing: list[str] = Field(default_factory=list)
    # With `candidate_notes` only: the answer states a figure or fact that contradicts the note (README).
    notes_mismatch: bool | None = None

    _range = field_validator("score", mode="before")(classmethod(lambda cls, v: _score_range(v)))

    @model_validator(mode="after")
    def _consistent(self) -> Labels:
        low, high = self.score
        if self.primary_gap == "none" and high < 5:
            raise ValueError("primary_gap none needs 5 in the score range")
        if self.primary_gap not in (None, "none") and low == 5:
            raise ValueError("a score of 5 names no primary_gap")
        if self.quantified_result and self.star is not None and not self.star.result:
            raise ValueError("quantified_result needs a result (star.result true)")
        if self.relevance == "off_topic" and high > 2:
            raise ValueError("an off-topic answer scores at most 2")
        if self.level == "below" and high > 3:
            raise ValueError("an answer below the role's level scores at most 3")
        return self

    @property
    def exact(self) -> int:
        """One score for figures that need a point (the middle of the range, rounded up)."""
        return (self.score[0] + self.score[1] + 1) // 2


class FollowUpLabels(BaseModel):
    """The judgment of a follow-up answer on its own."""

    model_config = ConfigDict(extra="forbid")
    score: tuple[int, int]
    closes_gap: bool
    relevance: Relevance = "on_topic"

    _range = field_validator("score", mode="before")(classmethod(lambda cls, v: _score_range(v)))

    @model_validator(mode="after")
    def _consistent(self) -> FollowUpLabels:
        if self.relevance == "off_topic" and (self.score[1] > 2 or self.closes_gap):
            raise ValueError("an off-topic follow-up answer scores at most 2 and closes no gap")
        return self


class FollowUpItem(BaseModel):
    """A follow-up the interviewer asked, the gap it probes, and the candidate's answer to it."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=3)
    probes: GapOrNone
    answer: str = ""
    labels: FollowUpLabels


class Notes(BaseModel):
    """Why each label is right: one short sentence per label (the score's at least)."""

    model_config = ConfigDict(extra="allow")
    score: str = Field(min_length=3)


class LabeledItem(BaseModel):
    """One labelled answer."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    role: str = Field(min_length=1)
    question: str = Field(min_length=5)
    question_id: str | None = None
    question_type: QuestionType
    style: str
    degraded_of: str | None = None
    competency: str | None = None
    answer: str = ""  # may be empty: an empty answer is a labelled non-answer
    # The candidate's own prep note for the story the answer draws on (Markdown), given to the critic as the story
    # its index found for this question; needs labels.notes_mismatch.
    candidate_notes: str | None = None
    labels: Labels
    follow_ups: list[FollowUpItem] = Field(default_factory=list)
    notes: Notes

    @field_validator("style")
    @classmethod
    def _known_style(cls, value: str) -> str:
        if value not in STYLES:
            raise ValueError(f"unknown style {value!r} (known: {', '.join(sorted(STYLES))})")
        return value

    @model_validator(mode="after")
    def _pair_fields(self) -> LabeledItem:
        if (self.style == "degraded") != (self.degraded_of is not None):
            raise ValueError("style 'degraded' and degraded_of go together")
        if self.style == "off_topic" and "relevance" not in self.labels.model_fields_set:
            # v1 items predate the relevance label: their off_topic style is that label.
            self.labels.relevance = "off_topic"
        if len(self.follow_ups) > 3:
            raise ValueError("a follow-up chain holds at most three follow-ups")
        if self.candidate_notes is not None and not self.candidate_notes.strip():
            raise ValueError("candidate_notes is empty (leave it out when the item has no note)")
        if (self.candidate_notes is not None) != (self.labels.notes_mismatch is not None):
            raise ValueError(
                "candidate_notes and labels.notes_mismatch go together (a note needs notes_mismatch: true|false)"
            )
        return self


def _reason(exc: ValidationError) -> str:
    """The first validation error as 'field.path: message' on one line."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "item"
    return f"{loc}: {err['msg']}"


def load_file(path: Path) -> list[LabeledItem]:
    """Parse and validate one <role>.yaml file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LabelError(f"{path}: cannot read YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(raw, list):
        raise LabelError(f"{path}: expected a list of items at top level")
    items: list[LabeledItem] = []
    for pos, entry in enumerate(raw, start=1):
        item_id = entry.get("id", f"#{pos}") if isinstance(entry, dict) else f"#{pos}"
        if not isinstance(entry, dict):
            raise LabelError(f"{path}: item {item_id}: expected a mapping")
        try:
            item = LabeledItem.model_validate(entry)
        except ValidationError as exc:
            raise LabelError(f"{path}: item {item_id}: {_reason(exc)}") from None
        if path.stem != item.role and not path.stem.startswith(f"{item.role}-"):
            raise LabelError(f"{path}: item {item_id}: role {item.role!r} does not match file {path.name}")
        items.append(item)
    return items


def check_set(items: Sequence[LabeledItem], origin: dict[str, Path]) -> None:
    """Cross-item rules: unique ids; a degraded copy names a complete answer it scores below."""
    by_id: dict[str, LabeledItem] = {}
    for item in items:
        if item.id in by_id:
            raise LabelError(f"{origin[item.id]}: item {item.id}: duplicate id")
        by_id[item.id] = item
    for item in items:
        if item.degraded_of is None:
            continue
        where = f"{origin[item.id]}: item {item.id}"
        base = by_id.get(item.degraded_of)
        if base is None:
            raise LabelError(f"{where}: degraded_of {item.degraded_of!r} is not an item in the set")
        if base.degraded_of is not None or base.question != item.question:
            raise LabelError(f"{where}: degraded_of must name a complete answer to the same question")
        if item.labels.score[1] >= base.labels.score[0]:
            raise LabelError(f"{where}: a degraded copy must be labelled below its complete answer")


def load_labeled(
    paths: Iterable[Path] | None = None, role: str | None = None, directory: Path | None = None
) -> list[LabeledItem]:
    """All labelled items, optionally for one role.

    `paths` names the files; otherwise every *.yaml in `directory` (default evals/labeled, read at
    call time so tests can point it elsewhere). evals/blind is loaded the same way with its directory.
    """
    folder = Path(directory) if directory is not None else LABELED_DIR
    if paths is None and not folder.is_dir():
        raise LabelError(f"{folder}: not a directory of labelled files")
    files = sorted(paths) if paths is not None else sorted(folder.glob("*.yaml"))
    if not files:
        raise LabelError(f"{folder}: no labelled files (*.yaml)")
    items: list[LabeledItem] = []
    origin: dict[str, Path] = {}
    for path in files:
        for item in load_file(path):
            if item.id in origin:  # name the file that repeats the id, not the first one
                raise LabelError(f"{path}: item {item.id}: duplicate id (also in {origin[item.id].name})")
            origin[item.id] = path
            items.append(item)
    check_set(items, origin)
    if role is not None:
        items = [i for i in items if i.role == role]
        if not items:
            roles = sorted({i.role for i in load_labeled(paths, None, directory)})
            raise LabelError(f"no labelled items for role {role!r} (roles: {', '.join(roles)})")
    return items
