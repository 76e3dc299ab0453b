"""Settings of one interview session: the runtime context every graph node reads.

Passed to the graph as langgraph's runtime context (`context_schema=Context`). Runtime context is not
checkpointed, so the driver stores `Context.to_dict()` beside the thread to rebuild it on resume.

Defaults are documented per field; a few read the environment when a Context is built:
INTERVIEWER_ROLE, INTERVIEWER_EMBEDDER, INTERVIEWER_MODEL, OPENAI_BASE_URL, INTERVIEWER_OFFLINE=1.
"""

from __future__ import annotations

import os
import random
import secrets
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_ROLE = "senior-genai-engineer"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def _env_flag(name: str) -> bool:
    return _env(name, "") in {"1", "true", "yes", "on"}


@dataclass
class Context:
    """What one session is configured with.

    role: role pack name or path (INTERVIEWER_ROLE, default "senior-genai-engineer").
    questions: number of main questions (default 5; ignored when fixed_questions is given).
    follow_ups: follow-ups allowed per main question (default 2).
    seed: makes planning and phrasing deterministic; None lets the driver pick one and store it.
    docs: the candidate's prep documents; empty = the bundled sample story bank.
    index_dir: where the story index is cached; None = the index helper's default in the data dir.
    embedder: "minilm" (offline ONNX, default; INTERVIEWER_EMBEDDER), "hashing" (tests), "openai".
    feedback: show the critique after each answer (the CLI's business; kept here so resume restores it).
    fixed_questions: asked verbatim in order, None entries chosen by the planner (eval transcripts).
    offline: never call an LLM even when one is configured (INTERVIEWER_OFFLINE=1).
    history: let the role's recent sessions steer question choice; off when the candidate gives a seed,
        so the same seed, role and flags always ask the same questions.
    jd: the job description file the session leans toward (agent.coaching.jd), kept for the history;
        requirements: its requirements with competency and backing story (for the report).
    focus: "weakest" when the plan comes from the history (agent.coaching.focus); focus_note: the line saying
        what that plan drew on (agent.coaching.focus_note), shown at the start and kept for the report.
    lean_competencies / lean_questions: multipliers the planner applies to competency and question weights
        (from --jd and --focus, worked out before the session so a resume and the preview plan alike).
    drill: question ids the plan takes first, up to half its slots (--focus weakest: due and answered badly, then
        a new question of each weak competency; agent.coaching.focus.first_picks).
    model / base_url / timeout: the chat model that refines critiques (INTERVIEWER_MODEL,
        OPENAI_BASE_URL); agent.llm decides LLM mode (also from OPENAI_API_KEY) unless offline.
    """

    role: str = field(default_factory=lambda: _env("INTERVIEWER_ROLE", DEFAULT_ROLE) or DEFAULT_ROLE)
    questions: int = 5
    follow_ups: int = 2
    seed: int | None = None
    docs: list[str] = field(default_factory=list)
    index_dir: str | None = None
    embedder: str = field(default_factory=lambda: _env("INTERVIEWER_EMBEDDER", "minilm") or "minilm")
    feedback: bool = True
    fixed_questions: list[str | None] | None = None
    offline: bool = field(default_factory=lambda: _env_flag("INTERVIEWER_OFFLINE"))
    model: str | None = field(default_factory=lambda: _env("INTERVIEWER_MODEL"))
    base_url: str | None = field(default_factory=lambda: _env("OPENAI_BASE_URL"))
    timeout: float = 30.0
    history: bool = True
    jd: str | None = None
    requirements: list[dict[str, Any]] = field(default_factory=list)
    focus: str | None = None
    focus_note: str = ""
    lean_competencies: dict[str, float] = field(default_factory=dict)
    lean_questions: dict[str, float] = field(default_factory=dict)
    drill: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Fail at construction with one clear line instead of deep inside a node.
        if self.questions < 1:
            raise ValueError(f"questions must be at least 1 (got {self.questions})")
        if self.follow_ups < 0:
            raise ValueError(f"follow_ups must be 0 or more (got {self.follow_ups})")
        self.docs = [str(d) for d in self.docs]
        if self.index_dir is not None:
            self.index_dir = str(self.index_dir)

    def lean(self) -> tuple[dict[str, float], dict[str, float]] | None:
        """The planner's lean (None when neither --jd nor --focus set one)."""
        if not self.lean_competencies and not self.lean_questions:
            return None
        return self.lean_competencies, self.lean_questions

    def may_use_llm(self) -> bool:
        """False when no model can be configured, which spares the offline path importing the LLM stack."""
        if self.offline:
            return False
        env = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEWER_MODEL")
        return bool(self.model or self.base_url or any(os.environ.get(name) for name in env))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able copy, stored with the session so resume can rebuild the Context; credentials in
        base_url are replaced by *** (the copy goes into the session database and the transcript)."""
        from agent.safe_text import redact_url

        data = asdict(self)
        data["base_url"] = redact_url(self.base_url)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Context:
        """Rebuild a Context from `to_dict()` output; unknown keys (older/newer versions) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def with_seed(context: Context) -> Context:
    """The context with its seed fixed, so a resumed session (and the CLI's preview) plan the same way."""
    if context.seed is not None:
        return context
    return replace(context, seed=random.SystemRandom().randrange(1, 10**6))


def new_session_id(role: str) -> str:
    """A readable, unique session (thread) id such as '20261122-1530-director-0a1b2c3d4e5f'.

    48 random bits: a service starts hundreds of sessions a minute, and a shared id would put two candidates'
    answers in one thread (16 bits collided in about a quarter of 200-session minutes).
    """
    from knowledge.models import slugify

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    name = Path(role).stem if role.endswith((".yaml", ".yml")) else role
    return f"{stamp}-{slugify(name, 30)}-{secrets.token_hex(6)}"
