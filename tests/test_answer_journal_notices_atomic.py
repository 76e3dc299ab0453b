"""A notice about a damaged answer journal is never lost between sessions of one process: while one session takes
the notices (copies the list, then clears it), another that meets a damaged journal file adds its notice either
before the copy or after the clear, so the next take says it. The copy is held open (events), not hit by timing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent import answer_journal

WAIT = 10.0  # seconds the held copy waits to be let go on (it is let go as soon as the other session is done)
SETTLE = 2.0  # seconds given to the other session to add its notice while the copy is held


class _HeldCopy(list[str]):
    """The notices list, whose copy stops after reading its items until let go on."""

    def __init__(self, copying: threading.Event, go_on: threading.Event) -> None:
        super().__init__(["The answer journal /elsewhere/old.json was damaged; recovered from it: 1 answer(s)."])
        self.copying, self.go_on = copying, go_on

    def __iter__(self) -> Iterator[str]:
        items = list(super().__iter__())
        yield from items
        if not self.copying.is_set():
            self.copying.set()
            assert self.go_on.wait(WAIT), "the held copy was never let go on"


def test_a_notice_added_while_another_session_takes_them_is_kept(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copying, go_on = threading.Event(), threading.Event()
    monkeypatch.setattr(answer_journal, "_notices", _HeldCopy(copying, go_on))
    broken = answer_journal.journal_path("20251201-1000-director-broken")
    broken.parent.mkdir(parents=True)
    broken.write_text("{not json at all", encoding="utf-8")
    taken: list[list[str]] = []
    taker = threading.Thread(target=lambda: taken.append(answer_journal.take_notices()))
    taker.start()
    assert copying.wait(WAIT)
    # another session of the process reads the damaged file now: its notice is added mid-take
    reader = threading.Thread(target=answer_journal.load, args=("20251201-1000-director-broken",))
    reader.start()
    reader.join(SETTLE)
    go_on.set()
    taker.join(WAIT)
    reader.join(WAIT)
    said = [*taken[0], *answer_journal.take_notices()]
    assert any("old.json" in line for line in said)
    assert any(str(broken) in line and "damaged" in line for line in said), said
