"""Shared fixtures: every test gets its own data directory; nothing touches the user's files or the network."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SAMPLES = REPO.parent / "shared" / "sample-prep"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the tool's data directory at a temp dir and drop any LLM configuration."""
    data = tmp_path / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEWER_MODEL"):
        monkeypatch.delenv(var, raising=False)
    return data


@pytest.fixture
def shared_samples() -> Path:
    """The shared real prep documents; skip where ../shared is absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("shared/sample-prep is not present")
    return SHARED_SAMPLES
