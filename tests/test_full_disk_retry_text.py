"""Text typed at the full-disk retry prompt is kept as the next question's draft however many retries it takes (sweep22
S7: it came back after the first "Still not possible", was dropped by the second, and was nowhere once the disk had
room). The loop against a driver whose disk stays full for two retries; the storage error is the real one."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console

from agent.cli_loop import InterviewLoop
from agent.cli_render import Renderer
from agent.storage import StorageError
from tests.test_cli_loop import FakeDriver, FakeStep

TYPED = "TYPED3 text for the next question."


class FullDiskDriver(FakeDriver):
    """The second answer is saved, then the disk is full for two more tries."""

    move_saved = False
    fails = 2

    def submit(self, answer: str) -> FakeStep:
        if self.index == 1 and not self.move_saved:
            self.sent.append(answer)
            self.move_saved = True
            raise StorageError("full", Path("/data/sessions.sqlite"), "the disk holding /data is full")
        return super().submit(answer)

    def finish_move(self) -> FakeStep:
        if self.fails:
            self.fails -= 1
            raise StorageError("full", Path("/data/sessions.sqlite"), "the disk holding /data is full")
        self.index += 1
        self.move_saved = False
        return self._step(None)


class Prompt:
    """An interactive source: what the prompt returns (its kept draft when Esc Enter is pressed on it)."""

    interactive = True

    def __init__(self, keys: list[str | None]) -> None:
        self.keys = keys  # None: Esc Enter on whatever the prompt shows
        self.draft = ""
        self.shown: list[str] = []

    def read(self) -> str:
        shown, self.draft = self.draft, ""
        self.shown.append(shown)
        key = self.keys.pop(0)
        return shown if key is None else shown + key

    def keep_draft(self, text: str) -> None:
        self.draft = text


def test_text_typed_at_the_retry_prompt_survives_every_retry() -> None:
    out = io.StringIO()
    render = Renderer(Console(file=out, width=100, no_color=True, force_terminal=False), 3)
    driver: Any = FullDiskDriver(questions=("Q one?", "Q two?", "Q three?"))
    source = Prompt(["first answer", "second answer", TYPED, None, None, None, "/end"])
    InterviewLoop(driver, source, render, feedback=False).run(driver.start())  # type: ignore[arg-type]
    assert out.getvalue().count("Still not possible") == 2
    assert source.shown[-1] == TYPED  # question 3's prompt starts with it
