"""IngestResult: everything found in the candidate's documents, plus one-line warnings."""

from __future__ import annotations

from pydantic import BaseModel, Field, PrivateAttr

from knowledge.models import Question, Story


class IngestResult(BaseModel):
    """Stories, interview questions and the candidate's own questions found in some documents."""

    stories: list[Story] = Field(default_factory=list, description="Stories and prepared answers: retrievable.")
    references: list[Story] = Field(
        default_factory=list,
        description="Kept but never retrieved: a STAR legend or template, advice, tips, a list of questions.",
    )
    questions: list[Question] = Field(default_factory=list)
    candidate_questions: list[Question] = Field(
        default_factory=list, description="Questions the candidate plans to ask the interviewer."
    )
    warnings: list[str] = Field(default_factory=list, description="One-line notices, each naming its file.")
    errors: list[str] = Field(
        default_factory=list, description="Paths that could not be read at all (also listed in warnings)."
    )
    files: list[str] = Field(default_factory=list, description="Files that were read.")
    # A reading that failed (a reader library missing, an unexpected error): shown, never cached.
    _failed: bool = PrivateAttr(default=False)

    @property
    def failed(self) -> bool:
        """Some document of this result could not be read for a reason of this install, not of the document."""
        return self._failed

    def mark_failed(self) -> None:
        self._failed = True

    @property
    def found_anything(self) -> bool:
        return bool(self.stories or self.questions or self.candidate_questions)

    def extend(self, other: IngestResult) -> None:
        """Append another result (documents are ingested one by one)."""
        self.stories.extend(other.stories)
        self.references.extend(other.references)
        self.questions.extend(other.questions)
        self.candidate_questions.extend(other.candidate_questions)
        self.warnings.extend(other.warnings)
        self.errors.extend(other.errors)
        self.files.extend(other.files)
        self._failed = self._failed or other.failed
