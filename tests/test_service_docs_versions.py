"""A thread keeps the upload it started with while it is open, however many uploads its candidate makes meanwhile;
if that upload is gone anyway (removed by hand), the thread says so in one line and goes on without notes, never
with another thread's upload (sweep43 F1). Driven through langgraph-sdk against `langgraph dev`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.candidates import GONE_LINE, KEPT_VERSIONS
from evals.langgraph_dev import dev_client, langgraph_dev

CONTEXT = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 5, "offline": True}
ANSWER = "I personally led the ledger rewrite with 14 engineers; incidents fell from 14 to 2 per quarter."


def notes(title: str, people: int) -> list[dict[str, str]]:
    """One candidate's upload: two stories named after `title`, with its own head count."""
    text = (f"## Story 1: {title}\nSituation: in 2022 our org had trouble with {title.lower()}. Task: I owned it. "
            f"Action: I personally led a team of {people} engineers, rewrote the ledger service and hired two "
            f"managers. Result: incidents fell from {people} to 2 per quarter and costs fell 30%.\n\n"
            f"## Story 2: {title} hiring\nSituation: we needed {people} engineers. Action: I ran the loop myself. "
            f"Result: hired {people} in 6 months.\n")  # fmt: skip
    return [{"name": "stories.md", "text": text}]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """The server's URL, its data folder and its working folder (server.log)."""
    data, home = tmp_path_factory.mktemp("versions-data"), tmp_path_factory.mktemp("versions-server")
    with langgraph_dev({"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "minilm"}, home=home) as url:
        yield url, data, home


def start(client: Any, user: str, documents: list[dict[str, str]]) -> str:
    thread_id = client.threads.create(metadata={"user_id": user})["thread_id"]
    client.runs.wait(thread_id, "interviewer", input={"documents": documents}, context=CONTEXT)
    return str(thread_id)


def answer(client: Any, thread_id: str) -> dict[str, Any]:
    """Answer the waiting prompt; the thread's values after the run."""
    waiting = client.threads.get_state(thread_id)["interrupts"][0]["value"]
    move = {"kind": "answer", "text": ANSWER, "step": waiting["step"]}
    client.runs.wait(thread_id, "interviewer", command={"resume": move}, context=CONTEXT)
    return dict(client.threads.get_state(thread_id)["values"])


def told(values: dict[str, Any]) -> set[str]:
    """The titles of the stories the answers were matched with: the retold one, and the question's hits."""
    return {s["title"] for t in values["turns"] for s in [*t["stories"], *([t["told"]] if t.get("told") else [])]}


def test_an_open_thread_keeps_its_upload_after_more_uploads_than_are_kept(server: tuple[str, Path, Path]) -> None:
    client: Any = dev_client(server[0])
    first = start(client, "many-uploads", notes("Heron Ledger Rewrite", 14))
    later = ["Wren Queue", "Stoat Billing", "Otter Search", "Vole Cache"][: KEPT_VERSIONS + 1]
    for n, title in enumerate(later):
        start(client, "many-uploads", notes(title, 20 + n))
    values = answer(client, first)
    assert "Heron Ledger Rewrite" in told(values)
    assert not any(title in repr(values) for title in later)  # no story, no notes contradiction, from another upload
    assert "notice" not in client.threads.get_state(first)["interrupts"][0]["value"]
    values = answer(client, first)
    report = values["report"]["markdown"]
    assert "Heron" in report and not any(title in report for title in later)
    assert GONE_LINE not in report
    # Its report is written: the next uploads may prune its documents again (the folder stays bounded).
    version = values["docs_version"]
    data = server[1]
    [folder] = data.glob(f"candidates/*/docs/{version}")
    for n in range(KEPT_VERSIONS):
        start(client, "many-uploads", notes(f"Newt Rollout {n}", 30 + n))
    assert not folder.exists()


def test_a_thread_whose_upload_was_removed_says_so_and_never_uses_another(server: tuple[str, Path, Path]) -> None:
    url, data, home = server
    client: Any = dev_client(url)
    thread_id = start(client, "removed-upload", notes("Heron Ledger Rewrite", 14))
    start(client, "removed-upload", notes("Vole Cache", 23))  # the candidate's latest upload, another thread's
    version = client.threads.get_state(thread_id)["values"]["docs_version"]
    [folder] = data.glob(f"candidates/*/docs/{version}")
    shutil.rmtree(folder)  # an operator cleaned the folder by hand
    values = answer(client, thread_id)
    assert "Vole Cache" not in repr(values) and "Heron" not in told(values)
    assert client.threads.get_state(thread_id)["interrupts"][0]["value"]["notice"] == GONE_LINE
    values = answer(client, thread_id)
    report = values["report"]["markdown"]
    assert "Vole Cache" not in report
    said = [line for line in report.splitlines() if "no longer on the server" in line]
    assert said == [f"{GONE_LINE[0].upper()}{GONE_LINE[1:]}."]
    assert values["report"]["transcript"]["context"]["documents"] == []
    log = (home / "server.log").read_text(errors="replace")
    assert f"its upload {version} is no longer in the candidate's folder" in log
