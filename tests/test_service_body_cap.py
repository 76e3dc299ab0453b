"""An oversized request body on a real `langgraph dev` (langgraph.json's `http.app`, agent/service_body_cap.py): refused
with HTTP 413 and one line, whether announced with a length or sent in chunks, and never held in the server's memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx

from agent.service_body_cap import MAX_BODY
from evals.langgraph_dev import TEST_TOKEN, dev_client, langgraph_dev_process, wait_warm

HEADERS = {"Authorization": f"Bearer {TEST_TOKEN}", "content-type": "application/json"}
CONTEXT = {"role": "director", "questions": 1, "follow_ups": 0, "seed": 5, "offline": True}


def group_rss_mb(pgid: int) -> float:
    """Resident memory of every process in the server's process group (Linux /proc), in MB."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:
                total += int(fields[21]) * 4096  # rss in pages
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e6


def chunks(size: int, piece: int = 1024 * 1024) -> Iterator[bytes]:
    """A JSON body of `size` bytes, sent without a Content-Length (chunked), as a streaming client does."""
    yield b'{"metadata": {"pad": "'
    for _ in range(size // piece):
        yield b"x" * piece
    yield b'"}}'


def test_an_oversized_body_is_refused_with_413_and_never_held_in_memory(tmp_path: Path) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "hashing"}
    with langgraph_dev_process(env, home=tmp_path / "server") as (url, pgid):
        client = dev_client(url)
        thread_id = client.threads.create()["thread_id"]
        client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
        before = client.threads.get_state(thread_id)["values"]

        big = b'{"command": {"resume": "' + b"x" * (MAX_BODY + 1024) + b'"}}'  # announced by its Content-Length
        reply = httpx.post(f"{url}/threads/{thread_id}/runs/wait", content=big, headers=HEADERS, timeout=120)
        assert reply.status_code == 413, reply.text
        detail = reply.json()["detail"]
        assert "\n" not in detail and "over the 16 MB the server takes" in detail
        assert client.threads.get_state(thread_id)["values"] == before  # nothing recorded

        # The session started the critic's warm-up (agent.service_warm), which loads ~200 MB the server keeps:
        # measure once it is over, so the growth measured is the refused body's alone.
        assert wait_warm(client, CONTEXT["role"]) == "ready"
        rss = group_rss_mb(pgid)
        reply = httpx.post(f"{url}/threads", content=chunks(400 * 1024 * 1024), headers=HEADERS, timeout=300)
        assert reply.status_code == 413, reply.text
        grown = group_rss_mb(pgid) - rss
        assert grown < 100, f"{rss:.0f} MB -> +{grown:.0f} MB"  # 400 MB sent, at most the cap (16 MB) read in

        # A body under the cap is served as before.
        assert client.threads.create(metadata={"note": "x" * 100_000})["thread_id"]
