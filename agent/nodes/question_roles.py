"""Which job a prepared question for the interviewer is about: "how is the director measured in year one?" was
written for a director's interview and reads oddly at the end of an engineer's (newcomer37 N14).

A question names a job when it speaks of the one holder of it ("the director", "this EM"); "my manager" or "your
director" is someone else the candidate asks about, "an engineer" anyone on the team and "the engineers" the team,
so none of those ties the question to a job.
"""

from __future__ import annotations

import re

# Job words -> the word of a role pack's title that means the same job.
_JOBS = {
    "director": "director",
    "manager": "manager",
    "em": "manager",
    "engineer": "engineer",
    "vp": "vp",
    "cto": "cto",
    "architect": "architect",
}
_HOLDER = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:new|first|incoming|engineering|senior|staff|ai|ml|genai)\s+)?"
    r"(director|manager|(?-i:EM)|engineer|vp|cto|architect)\b",
    re.IGNORECASE,
)


def jobs_named(question: str) -> list[str]:
    """The jobs (title words such as "director", "manager") whose holder the question asks about, each once."""
    return list(dict.fromkeys(_JOBS[m.group(1).lower()] for m in _HOLDER.finditer(question)))


def other_jobs(question: str, title: str) -> list[str]:
    """The jobs the question asks about that the role interviewed for (its pack title) is not."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    return [job for job in jobs_named(question) if job not in words]
