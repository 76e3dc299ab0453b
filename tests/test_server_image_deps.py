"""The server image (`langgraph build` / `langgraph up`) installs what langgraph.json's checkpointer needs: the CLI's
Dockerfile installs the project as `pip install -e .`, without extras, so the postgres extra's packages
(agent/server_checkpointer.py's AsyncPostgresSaver on a psycopg pool) come from langgraph.json's own dependencies.
Read from the Dockerfile `langgraph dockerfile` writes, against pyproject.toml's postgres extra, so the two cannot
drift apart."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
# versions to try each specifier on: a requirement of the image must allow exactly what the extra allows among them
PROBES = ("3.0", "3.1.9", "3.2", "3.2.1", "3.3.9", "3.9", "4.0", "4.1")


def _image_requirements(tmp_path: Path) -> dict[str, Requirement]:
    cli = Path(sys.executable).with_name("langgraph")
    if not cli.exists():
        pytest.skip("langgraph-cli is not installed (the server extra)")
    out = tmp_path / "Dockerfile"
    subprocess.run([str(cli), "dockerfile", "-c", str(REPO / "langgraph.json"), str(out)],
                   cwd=REPO, check=True, capture_output=True, timeout=120)  # fmt: skip
    found: dict[str, Requirement] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        # the line that installs langgraph.json's PyPI dependencies (not the `-e .` loop over /deps)
        if not line.startswith("RUN ") or "pip install" not in line or "/deps/" in line or " -e " in line:
            continue
        words = shlex.split(line[4:])
        assert not any(re.search(r"[<>|;&$`]", w) for w in words), f"the shell would mangle: {line}"
        start = words.index("install") + 1
        skip = False
        for word in words[start:]:
            if skip or word.startswith("-"):
                skip = word in ("-c", "-r", "--constraint")
                continue
            req = Requirement(word)
            found[canonicalize_name(req.name)] = req
    return found


def test_the_server_image_installs_the_postgres_extra(tmp_path: Path) -> None:
    extra = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    wanted = [Requirement(r) for r in extra["postgres"]]
    image = _image_requirements(tmp_path)
    for req in wanted:
        # an extra such as psycopg[binary] is its package plus the package of that extra (psycopg-binary)
        names = [req.name, *(f"{req.name}-{e}" for e in sorted(req.extras))]
        for name in names:
            got = image.get(canonicalize_name(name))
            assert got is not None, f"the server image does not install {name} (pyproject's postgres extra)"
            allowed = [v for v in PROBES if req.specifier.contains(v)]
            assert [v for v in PROBES if got.specifier.contains(v)] == allowed, f"{got} against the extra's {req}"
