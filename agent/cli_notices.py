"""Notices about the candidate's documents, said once: the same ingest warnings are not repeated at every
launch and resume of sessions over unchanged documents.

Index notices (built, rebuilt, not saved, dense retrieval off) are always shown: they describe this run.
Warnings about the documents themselves (they start with a document's path) are remembered per set of
documents in data_dir()/shown-warnings.json (0600); only new ones are shown, and a one-line reminder says
how many unchanged ones were held back and how to see them again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence

from knowledge import data_files
from knowledge.paths import data_dir, write_private

MEMORY_FILE = "shown-warnings.json"
KEPT_SETS = 50  # document sets remembered
MEMORY_BYTES = 1 << 20  # KEPT_SETS sets of short digests


def _key(docs: Sequence[str]) -> str:
    return hashlib.sha256("\0".join(sorted(docs)).encode()).hexdigest()[:16]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fresh_notices(notices: Sequence[str], docs: Sequence[str]) -> list[str]:
    """The notices to show now: all index notices, and document warnings not shown before for these docs."""
    if not docs:
        return list(notices)
    about_docs = [n for n in notices if any(n.startswith(d) for d in docs)]
    if not about_docs:
        return list(notices)
    path = data_dir() / MEMORY_FILE
    try:
        memory = data_files.load_json(path, MEMORY_BYTES)  # never waits on a pipe nor reads a device
        if not isinstance(memory, dict):
            memory = {}
    except (OSError, ValueError):
        memory = {}
    key = _key(docs)
    seen = set(memory.get(key, []))
    shown = [n for n in notices if n not in about_docs or _digest(n) not in seen]
    held = len(about_docs) - sum(1 for n in about_docs if n in shown)
    if held:
        from agent.cli_render import module_command  # the interpreter running now, as in the resume command

        command = module_command("knowledge.ingest", *docs)
        shown.append(f"{held} warning(s) about your documents, unchanged since last time, not repeated "
                     f"(see them with: {command})")  # fmt: skip
    memory.pop(key, None)
    memory[key] = sorted({_digest(n) for n in about_docs})  # what this run said: a fixed warning is forgotten
    with contextlib.suppress(OSError):  # a failed write only costs a repeated warning next time
        write_private(path, json.dumps(dict(list(memory.items())[-KEPT_SETS:])))
    return shown
