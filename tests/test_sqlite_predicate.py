"""One rule decides "is this --checkpointer a SQLite session database": agent.backend.is_sqlite. The resume command's
absolute path (agent.backend.absolute) and the checks before a session starts (agent.cli_preflight.backend_is_sqlite:
write access, who holds a session) asked it with two slightly different rules (a mysql:// URL was SQLite to the
one and not to the other); both now ask the same function."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.backend import absolute, is_sqlite
from agent.cli_preflight import backend_is_sqlite

CASES = [
    ("my.sqlite", True),
    ("~/sessions.sqlite", True),
    ("/tmp/x/sessions.sqlite", True),
    ("sqlite:///rel/s.sqlite", True),
    ("  spaced.sqlite ", True),
    ("memory:", False),
    (" memory: ", False),
    ("postgresql://me@db/interviews", False),
    ("postgres://me@db/interviews", False),
    ("mysql://x/y", False),
    ("http://me:secret@x/y", False),
    ("sqlite://no-third-slash", False),
]


@pytest.mark.parametrize(("url", "sqlite"), CASES)
def test_one_rule_for_a_sqlite_path(url: str, sqlite: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INTERVIEWER_CHECKPOINTER", url)
    assert is_sqlite(url) is sqlite
    assert backend_is_sqlite() is sqlite  # the pre-start checks
    made = absolute(url)  # the resume command
    if sqlite:
        assert Path(made).is_absolute() and made.endswith(url.strip().removeprefix("sqlite:///").lstrip("~"))
    else:
        assert made == url


def test_the_default_database_is_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVIEWER_CHECKPOINTER", raising=False)
    assert backend_is_sqlite() and is_sqlite("")
    assert absolute("") == ""  # nothing named: the data folder's own file, found later
