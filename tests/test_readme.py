"""The README's Quick start stays true: CI runs its test command verbatim, and the run command names real things."""

from __future__ import annotations

import re

from tests.conftest import REPO


def _quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the Quick start has a bash block"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_quick_start_has_exactly_the_two_commands_and_ci_runs_the_test_one() -> None:
    run, test = _quick_start_commands()
    assert "agent.session --role director" in run
    assert "pytest" in test and "evals.run" in test
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), ".ci/run must call the README's test command verbatim"
