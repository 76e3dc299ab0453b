"""Signal examples: one sentence per signal of each bundled role pack, said the way a candidate would say it.

A signal is written as an instruction to the interviewer ("Names at least two sources they use, such as ..."); an
answer is a candidate's first-person story. Static word vectors place the two far apart even when the sentence shows
the signal, so each signal of a bundled pack also has an example sentence in a candidate's words
(agent/critic/signal_examples/<role>.yaml, in the pack's order), and signals.py compares an answer's sentences with
it as well as with the signal. A role pack of the user's own has no examples; its signals are matched as before.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

EXAMPLES_DIR = Path(__file__).resolve().parent / "signal_examples"


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Signal text -> its example, for every bundled role pack that has an examples file (read once per process)."""
    from knowledge.roles import available_roles, load_role

    out: dict[str, str] = {}
    for role in available_roles():
        path = EXAMPLES_DIR / f"{role}.yaml"
        if not path.is_file():
            continue
        given = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for question in load_role(role).questions:
            for signal, example in zip(question.signals, given.get(question.id) or [], strict=False):
                out[signal] = example
    return out


def example(signal: str) -> str | None:
    """The example sentence of a bundled pack's signal; None for a signal of a pack of the user's own."""
    return table().get(signal)
