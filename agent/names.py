"""Named things in a candidate's text: systems, tools, products, companies (a follow-up quotes one back; a prepared
question that names one was written for one company)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A named thing: a run of capitalised words not at a sentence start, an acronym, or a versioned name.
_NAMED_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][\w.+-]*[A-Za-z0-9](?:\s+[A-Z][\w.+-]*[A-Za-z0-9])*)")
# Capitalised words that name nothing specific enough to quote back.
_GENERIC_NAMES = {
    "I'm", "I've", "I'd", "API", "APIs", "GPU", "GPUs", "CPU", "LLM", "LLMs", "SQL", "SLA", "SLO", "SLOs",
    "KPI", "KPIs", "OKR", "OKRs", "CEO", "CTO", "CFO", "VPs", "ROI", "PII", "The", "This", "That", "Then", "When",
    "After",
}  # fmt: skip


def names(text: str) -> Iterator[str]:
    """The named things of `text` in order (not 'I', not a sentence opener, not a generic acronym)."""
    for match in _NAMED_RE.finditer(text):
        name = match.group(0)
        if len(name) > 2 and name not in _GENERIC_NAMES:
            yield name
