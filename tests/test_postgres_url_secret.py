"""sweep 35 B28: a malformed Postgres URL with a password, given by --checkpointer or INTERVIEWER_CHECKPOINTER. The
tool masked its own copy of the URL, but the driver's reason in parentheses quoted it whole, password included, on
stderr; and the line said the server "cannot be reached" when the URL is simply malformed. The CLI as a user runs it
(the postgres extra is installed with the dev extra; no server is needed: the URL never reaches one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SECRET = "PGSECRET77"
URLS = [
    f"postgresql://u:{SECRET}@[::1/db",  # an IPv6 host never closed: the driver quotes the whole URI
    f"postgresql://u:{SECRET}/x@127.0.0.1:1/db",  # a `/` in the password: every parser cuts the URL there
]


def _session(url: str, flag: bool, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "INTERVIEWER_CHECKPOINTER"}
    args = ["--role", "director", "--data-dir", str(data)]
    if flag:
        args += ["--checkpointer", url]
    else:
        env["INTERVIEWER_CHECKPOINTER"] = url
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input="", capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=120)  # fmt: skip


@pytest.mark.parametrize("flag", [True, False], ids=["flag", "variable"])
@pytest.mark.parametrize("url", URLS, ids=["unclosed-ipv6", "slash-in-password"])
def test_a_malformed_postgres_url_never_shows_its_password(url: str, flag: bool, tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    done = _session(url, flag, tmp_path / "data")
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert SECRET not in said and "Traceback" not in said, said
    setting = "--checkpointer postgresql://***@" if flag else "INTERVIEWER_CHECKPOINTER=postgresql://***@"
    assert setting in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_malformed_postgres_url_is_called_malformed_not_unreachable(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    done = _session(URLS[0], True, tmp_path / "data")
    assert "is not a valid Postgres URL" in done.stderr and "cannot be reached" not in done.stderr, done.stderr
    assert "nothing was asked or saved" in done.stderr
