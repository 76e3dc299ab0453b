"""Shared fixtures: every test gets its own data directory; nothing touches the user's files or the network."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SAMPLES = REPO.parent / "shared" / "sample-prep"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the tool's data directory at a temp dir and drop any LLM configuration."""
    data = tmp_path / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEWER_MODEL"):
        monkeypatch.delenv(var, raising=False)
    yield data
    # A story index this test started building in the background reads the data dir when it saves: drained
    # here, while it is still this test's, or it lands in the next test's folder (which then sees no first build).
    retrieve = sys.modules.get("agent.nodes.retrieve")
    if retrieve is not None:
        retrieve.wait_for_searches()
    # A stop an in-process test left due (agent.cli_signals.check_stop) would stop a later test's prompt in this
    # worker: pytest-xdist then reports the worker as interrupted and runs nothing more on it.
    signals = sys.modules.get("agent.cli_signals")
    if signals is not None:
        signals._stop_due = False


@pytest.fixture
def shared_samples() -> Path:
    """The shared real prep documents; skip where ../shared is absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("shared/sample-prep is not present")
    return SHARED_SAMPLES


@pytest.fixture
def damaged_database(isolated_data_dir: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """damaged_database(args, *answers): a scripted session in this test's data folder, then its session database
    damaged and its reports removed (tests/damaged_store.py); returns that session's run."""
    from tests.damaged_store import after_a_session

    return lambda args, *answers: after_a_session(isolated_data_dir, args, *answers)
