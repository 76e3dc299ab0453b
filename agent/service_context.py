"""What a client of the interview service may choose, and the trusted Context the server builds from it.

A server session never takes a model, base URL, API key, embedder or file path from its client: the client's
context (ServiceContext) holds only interview settings; the role is a name among the installed packs; the
model, base URL, timeout and embedder come from the server's environment (INTERVIEWER_MODEL, OPENAI_BASE_URL,
OPENAI_API_KEY, INTERVIEWER_LLM_TIMEOUT, INTERVIEWER_EMBEDDER); documents, index and history are the candidate's
own folders (agent.candidates), found from the candidate's identity, never from a path the client sent.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from typing_extensions import TypedDict

from agent.context import DEFAULT_ROLE, Context

MAX_QUESTIONS = 12


class ClientInputError(ValueError):
    """A client's context the server refuses (one line; the server logs it as one line, agent.service_logging)."""
MAX_FOLLOW_UPS = 3


class ServiceContext(TypedDict, total=False):
    """The settings a client passes as `context` when it starts a run on the server (its schema in Studio).

    role: the name of an installed role pack (no paths). questions: main questions, 1-12. follow_ups: per main
    question, 0-3. seed: the same seed and role ask the same questions; none = a random plan steered by the
    candidate's history. feedback: whether the client shows critiques as it goes. offline: grade with the
    deterministic critic only, even when the server has a model configured.
    """

    role: str
    questions: int
    follow_ups: int
    seed: int | None
    feedback: bool
    offline: bool


@dataclass(frozen=True)
class Settings:
    """A client's ServiceContext, checked, with defaults filled in."""

    role: str = DEFAULT_ROLE
    questions: int = 5
    follow_ups: int = 2
    seed: int | None = None
    feedback: bool = True
    offline: bool = False


def installed_role(name: Any) -> str:
    from knowledge.roles import available_roles

    roles = available_roles()
    if not isinstance(name, str) or name not in roles:
        raise ClientInputError(f"unknown role {str(name)[:60]!r}; installed roles: {', '.join(roles)}")
    return name


def _bounded(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ClientInputError(f"{name} must be a whole number from {low} to {high} (got {str(value)[:20]!r})")
    return value


def refused_keys(data: dict[str, Any]) -> str | None:
    """The one line refusing the keys of a client's context that are not interview settings (a URL, a key, a path),
    named, else None."""
    allowed = set(Settings.__dataclass_fields__)
    if extra := sorted(str(key)[:40] for key in set(data) - allowed):
        refused, known = ", ".join(extra[:12]), ", ".join(sorted(allowed))
        return f"the server does not take {refused} from a client (allowed: {known})"
    return None


def client_settings(raw: Any) -> Settings:
    """The client's context, checked; anything else in it (a URL, a key, a path) is refused by name."""
    data = dict(raw) if isinstance(raw, dict) else {}
    if refused := refused_keys(data):
        raise ClientInputError(refused)
    settings = Settings(**data)
    installed_role(settings.role)
    _bounded(settings.questions, "questions", 1, MAX_QUESTIONS)
    _bounded(settings.follow_ups, "follow_ups", 0, MAX_FOLLOW_UPS)
    if settings.seed is not None:
        _bounded(settings.seed, "seed", 0, 2**31 - 1)
    for flag in ("feedback", "offline"):
        if not isinstance(getattr(settings, flag), bool):
            raise ClientInputError(f"{flag} must be true or false")
    return settings


def trusted_context(settings: Settings, docs: list[str], index_dir: str | None) -> Context:
    """The Context the graph's nodes run with: the client's interview settings, everything else the server's."""
    env = os.environ
    return Context(
        role=settings.role,
        questions=settings.questions,
        follow_ups=settings.follow_ups,
        seed=settings.seed,
        docs=docs,
        index_dir=index_dir,
        embedder=(env.get("INTERVIEWER_EMBEDDER") or "minilm").strip(),
        feedback=bool(settings.feedback),
        offline=bool(settings.offline) or env.get("INTERVIEWER_OFFLINE", "") in {"1", "true", "yes", "on"},
        model=(env.get("INTERVIEWER_MODEL") or "").strip() or None,
        base_url=(env.get("OPENAI_BASE_URL") or "").strip() or None,
        timeout=_llm_timeout(env.get("INTERVIEWER_LLM_TIMEOUT")),
        history=settings.seed is None,
    )


def _llm_timeout(value: str | None) -> float:
    """The server's limit on one model call (INTERVIEWER_LLM_TIMEOUT, seconds; the Context's default when unset; a
    value that is not a positive number was refused at start: agent.env_settings)."""
    from agent.env_settings import value as setting

    return setting("INTERVIEWER_LLM_TIMEOUT", {"INTERVIEWER_LLM_TIMEOUT": value or ""})
