"""Signal examples: one sentence per signal of each bundled role pack, said the way a candidate would say it.

A signal is written as an instruction to the interviewer ("Names at least two sources they use, such as ..."); an
answer is a candidate's first-person story. Static word vectors place the two far apart even when the sentence shows
the signal, so each signal of a bundled pack also has an example sentence in a candidate's words
(agent/critic/signal_examples/<role>.yaml, in the pack's order), and signals.py compares an answer's sentences with
it as well as with the signal. A role pack of the user's own has no examples; its signals are matched as before.
"""

from __future__ import annotations

import threading
from pathlib import Path

import yaml

EXAMPLES_DIR = Path(__file__).resolve().parent / "signal_examples"
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the same data, ~10x faster than pure Python
_TABLE: dict[str, str] | None = None
_READING = threading.Lock()  # one thread reads the files; sessions arriving meanwhile wait instead of reading too


def table() -> dict[str, str]:
    """Signal text -> its example, for every bundled role pack that has an examples file (read once per process)."""
    global _TABLE
    if _TABLE is not None:
        return _TABLE
    with _READING:
        if _TABLE is None:
            _TABLE = _read()
        return _TABLE


def _read() -> dict[str, str]:
    from knowledge.roles import available_roles, shared_role

    out: dict[str, str] = {}
    for role in available_roles():
        path = EXAMPLES_DIR / f"{role}.yaml"
        if not path.is_file():
            continue
        given = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE) or {}
        for question in shared_role(role).questions:
            for signal, example in zip(question.signals, given.get(question.id) or [], strict=False):
                out[signal] = example
    return out


def example(signal: str) -> str | None:
    """The example sentence of a bundled pack's signal; None for a signal of a pack of the user's own."""
    return table().get(signal)
