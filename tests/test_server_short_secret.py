"""A server given an INTERVIEWER_AUTH_SECRET under agent.service_auth.MIN_SECRET characters does not start: one line
naming the setting and the rule, exit status 2 without the reloader (the command ends with it too), no traceback.
Before, it served every request with tokens anyone could sign (the token tool alone refused such a secret). A secret
of the full length still serves a token-signed client through langgraph-sdk. A real `langgraph dev` on this repo's
langgraph.json, as an operator starts it."""

from __future__ import annotations

from pathlib import Path

import pytest
from langgraph_sdk import get_sync_client

from agent.service_auth import MIN_SECRET, SECRET_ENV, SHORT_SECRET_SERVER, issue
from evals.langgraph_dev import langgraph_dev, langgraph_dev_process, langgraph_dev_reloading

SHORT = "a-guessable-phrase"  # well under MIN_SECRET
SAID = f"interviewer: {SHORT_SECRET_SERVER}"


def _env(tmp: Path, secret: str) -> dict[str, str]:
    return {"INTERVIEWER_DATA_DIR": str(tmp / "data"), "INTERVIEWER_EMBEDDER": "hashing", SECRET_ENV: secret}


@pytest.mark.parametrize("secret", [SHORT, "s" * (MIN_SECRET - 1)])
def test_a_short_secret_stops_the_server_with_one_line(secret: str, tmp_path: Path) -> None:
    home = tmp_path / "server"
    with (
        pytest.raises(RuntimeError, match=r"langgraph dev exited \(2\)"),
        langgraph_dev_process(_env(tmp_path, secret), home=home, timeout=120),
    ):
        pass
    lines = (home / "server.log").read_text(errors="replace").splitlines()
    assert [line for line in lines if line.startswith("interviewer: ")] == [SAID], lines[-8:]
    assert secret not in "\n".join(lines)  # the log never shows the secret itself
    assert not any("Traceback" in line for line in lines), lines[-20:]


def test_a_short_secret_ends_langgraph_dev_with_its_reloader(tmp_path: Path) -> None:
    """The README's command (the file-watching reloader on): the whole command ends, it does not wait for edits."""
    try:
        lines = langgraph_dev_reloading(_env(tmp_path, SHORT), tmp_path)
    except TimeoutError as exc:
        pytest.fail(f"after a short secret: {exc}")
    assert [line for line in lines if line.startswith("interviewer: ")] == [SAID], lines[-8:]


def test_a_secret_of_the_full_length_serves_its_tokens(tmp_path: Path) -> None:
    secret = "k" * MIN_SECRET
    with langgraph_dev(_env(tmp_path, secret), home=tmp_path / "server") as url:
        alice = get_sync_client(url=url, headers={"Authorization": f"Bearer {issue('alice', secret)}"})
        assert alice.threads.search() == []
