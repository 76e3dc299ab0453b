"""The labelled answer set: schema and loader for evals/labeled/<role>.yaml.

Each item is one typed answer to an interview question with the labels a demanding human
interviewer would give (see evals/labeled/README.md). The loader validates every item and the
cross-item rules (unique ids, pairs point at a real complete answer) and fails with one line
naming the file, the item id and the reason, so a bad edit never silently skews calibration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from agent.critic.schema import GAPS, GapOrNone, Ownership, Specificity
from knowledge.models import QuestionType

LABELED_DIR = Path(__file__).resolve().parent / "labeled"
# Answers nobody tuned on: measured with `--set evals/holdout`, never used to change the critic.
HOLDOUT_DIR = Path(__file__).resolve().parent / "holdout"
PrimaryGap = GapOrNone
# Styles the README defines; a closed list so a typo in the data is caught, not counted as a new style.
STYLES: frozenset[str] = frozenset(
    {
        "strong", "terse", "rambling", "typos", "we_only", "mixed_we", "vague_outcome",
        "context_numbers", "no_number_result", "metrics_timeframe", "missing_failure_modes",
        "missing_scale", "no_example", "no_measure", "motivation", "non_answer", "off_topic",
        "injection", "degraded", "partial",
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


class Labels(BaseModel):
    """The human judgment of one answer."""

    model_config = ConfigDict(extra="forbid")
    star: StarLabels
    quantified_result: bool
    ownership: Ownership
    specificity: Specificity
    score: int = Field(ge=1, le=5)
    primary_gap: PrimaryGap

    @model_validator(mode="after")
    def _consistent(self) -> Labels:
        # Same invariant as the Critique: every score below 5 names its gap, a 5 names none.
        if self.score == 5 and self.primary_gap != "none":
            raise ValueError("score 5 must have primary_gap none")
        if self.score < 5 and self.primary_gap == "none":
            raise ValueError("a score below 5 must name its primary_gap")
        if self.quantified_result and not self.star.result:
            raise ValueError("quantified_result needs a result (star.result true)")
        if self.primary_gap == "non_answer" and self.score != 1:
            raise ValueError("a non-answer scores 1")
        return self


class Notes(BaseModel):
    """Why each label is right: one short sentence per label."""

    model_config = ConfigDict(extra="allow")
    star: str = Field(min_length=3)
    quantified_result: str = Field(min_length=3)
    ownership: str = Field(min_length=3)
    specificity: str = Field(min_length=3)
    score: str = Field(min_length=3)


class LabeledItem(BaseModel):
    """One labelled answer."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    role: str = Field(min_length=1)
    question: str = Field(min_length=5)
    question_type: QuestionType
    style: str
    degraded_of: str | None = None
    competency: str | None = None
    answer: str = ""  # may be empty: an empty answer is a labelled non-answer
    labels: Labels
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
        if item.role != path.stem:
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
        if item.labels.score >= base.labels.score:
            raise LabelError(f"{where}: a degraded copy must be labelled below its complete answer")


def load_labeled(
    paths: Iterable[Path] | None = None, role: str | None = None, directory: Path | None = None
) -> list[LabeledItem]:
    """All labelled items, optionally for one role.

    `paths` names the files; otherwise every *.yaml in `directory` (default evals/labeled, read at
    call time so tests can point it elsewhere). evals/holdout is loaded the same way with its directory.
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
            roles = sorted({p.stem for p in files})
            raise LabelError(f"no labelled items for role {role!r} (roles: {', '.join(roles)})")
    return items
