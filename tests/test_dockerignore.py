"""The image `langgraph build` / `langgraph up` makes ADDs this whole folder (the Dockerfile `langgraph dockerfile`
writes from langgraph.json): .dockerignore keeps out what a local checkout holds beside the package, a candidate's
data first. Checked with the Docker SDK's own reading of .dockerignore (docker.utils.build.exclude_paths, what
docker-py sends as a build context) over a checkout-like folder with a local run's leftovers in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docker.utils.build import exclude_paths

REPO = Path(__file__).resolve().parent.parent


def test_the_cli_image_adds_the_whole_folder(tmp_path: Path) -> None:
    """What .dockerignore guards: the generated Dockerfile copies the project folder as it is."""
    cli = Path(sys.executable).with_name("langgraph")
    if not cli.exists():
        pytest.skip("langgraph-cli is not installed (the server extra)")
    subprocess.run([str(cli), "dockerfile", "-c", str(REPO / "langgraph.json"), str(tmp_path / "Dockerfile")],
                   cwd=REPO, check=True, capture_output=True, timeout=120)  # fmt: skip
    text = (tmp_path / "Dockerfile").read_text(encoding="utf-8")
    assert f"ADD . /deps/{REPO.name}" in text


def test_a_build_context_holds_the_package_and_no_local_run_leftovers(tmp_path: Path) -> None:
    for name in ("langgraph.json", "pyproject.toml", "README.md", "agent/service.py", "knowledge/data/NOTICE.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    leftovers = [
        ".venv/lib/python3.11/site-packages/big.so",  # a local virtualenv
        ".git/objects/ab/cdef",
        ".langgraph_api/.langgraph_checkpoint.1.pckl",  # a dev server's threads: candidates' answers
        ".interview-data/candidates/c1/documents/v1/stories.md",  # a candidate's uploaded notes
        ".interview-data/reports/session.md",
        "sessions.sqlite",
        "sessions.sqlite-wal",
        ".env",
        "agent/__pycache__/service.cpython-311.pyc",
        ".mypy_cache/3.11/agent.json",
        "mock_interviewer.egg-info/PKG-INFO",
    ]
    for name in leftovers:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("private")
    patterns = [line.strip() for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]  # fmt: skip
    sent = exclude_paths(str(tmp_path), patterns)
    assert {"langgraph.json", "pyproject.toml", "agent/service.py", "knowledge/data/NOTICE.md"} <= sent
    private = {".venv", ".git", ".langgraph_api", ".interview-data"}
    assert sorted(p for p in sent if p in leftovers or p.split("/")[0] in private) == []
