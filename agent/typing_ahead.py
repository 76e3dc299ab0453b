"""The answer's sentences are embedded while the candidate types them, so the critique after Enter only embeds
what is new.

The terminal prompt sees the draft before it is submitted. Each time a sentence is finished (a sentence end or a
line break followed by more typing), the finished sentences of the draft are embedded on a background thread,
read exactly as the critic will read the submitted answer (cleaned, clipped, "i" read as "I", a grader instruction
blanked, split into sentences). The critic's Semantic.vectors reuses a vector only for the very same sentence
text, and a text's vector is the same whenever it is computed, so verdicts cannot change: only the time after
Enter does. Drafts arriving while one is embedded are merged into the next run.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

# A sentence is finished once whatever follows it has begun: its end mark (or a line break) and a space or newline.
_FINISHED = re.compile(r"(?:[.!?][\"')\]]*[ \t]|\n)\s*\Z")


def draft_sentences(draft: str) -> list[str]:
    """The finished sentences of a draft, as the critic's sentence vectors will be asked for them."""
    from agent.critic.nonanswer import strip_injection
    from agent.critic.semantic import MAX_SENTENCES
    from agent.critic.text import clip, first_person, sentences
    from agent.safe_text import clean_text

    typed, _ = clip(clean_text(draft))
    cleaned, _ = strip_injection(first_person(typed))
    found = [s.text for s in sentences(cleaned)[:MAX_SENTENCES]]
    # The last sentence may still grow unless the draft ends after its end mark.
    return found if _FINISHED.search(draft) else found[:-1]


class TypingAhead:
    """Feed it each draft (`changed`); it keeps the critic's model busy with the finished sentences."""

    def __init__(self, embedder: str | None = None) -> None:
        # None: the critic's own embedder, looked up on the first run (importing the critic here would put the
        # whole critic package on the path to the first prompt)
        self._embedder = embedder
        self._latest: str | None = None  # the newest draft not embedded yet
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="typing-ahead")

    def changed(self, draft: str) -> None:
        """Called on every edit (cheap): a run is started only when a sentence has just been finished."""
        if not _FINISHED.search(draft[-8:]):
            return
        with self._lock:
            idle = self._latest is None
            self._latest = draft
        if idle:
            self._pool.submit(self._run)

    def _run(self) -> None:
        from agent.critic.semantic import CRITIC_EMBEDDER, semantic

        with self._lock:
            draft, self._latest = self._latest, None
        if draft:
            semantic(self._embedder or CRITIC_EMBEDDER).ahead(draft_sentences(draft))

    def wait(self) -> None:
        """Until the drafts given so far are embedded (tests)."""
        self._pool.submit(lambda: None).result()
