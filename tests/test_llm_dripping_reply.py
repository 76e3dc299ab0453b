"""sweep29 S10: a model server that sends its reply one byte at a time (one every 0.3 s here) never trips the
client's timeout, which bounds each wait for a byte, not the reply: the grading, and the session with it, waited for
ever past the 30 s limit. The limit now bounds the whole call: the offline critique and the one-line notice follow.
A real HTTP server on a real socket; only the model behind it is missing."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from test_llm_faults import assert_offline
from test_llm_refine import QUESTION, VAGUE

from agent.context import Context
from agent.critic import critique_answer
from agent.llm import prepare, refine_turn

DRIP_FOR = 8.0  # s a connection drips before the server gives up on it


@contextmanager
def dripping_server() -> Iterator[str]:
    """A server that answers every request with 200, a Content-Length of 100,000 and then one space every 0.3 s
    (for DRIP_FOR s)."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)  # the request (its body may follow: never read, never answered)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                until = time.monotonic() + DRIP_FOR
                while not stop.wait(0.3) and time.monotonic() < until:
                    conn.sendall(b" ")  # then closed: without the limit the call ends after DRIP_FOR s, not never
            except OSError:
                return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stop.set()
        listener.close()


def test_a_reply_that_drips_in_falls_back_to_the_offline_critique_at_the_limit() -> None:
    from agent.llm.structured import reset_modes
    from agent.models import clear_model_cache

    reset_modes()
    clear_model_cache()
    offline = critique_answer(QUESTION, "behavioral", VAGUE)
    try:
        with dripping_server() as url:
            ctx = Context(model="stub-model", base_url=url, timeout=1.5)
            prepare(ctx)
            start = time.monotonic()
            result = refine_turn(
                context=ctx, question=QUESTION, question_type="behavioral", answer=VAGUE, critique=offline
            )
            elapsed = time.monotonic() - start
    finally:
        reset_modes()
        clear_model_cache()
    assert elapsed < 3.0, elapsed  # the 1.5 s limit, plus scheduling on a loaded machine
    assert_offline(offline, result, "timeout after 1.5 s")
