"""A story heading that ends in a tag list (`## the flaky release train [delivery, quality]`) is said back without
it: in agent.progress's coverage (table and JSON) and in a session's report (newcomer39 N11: "cloud cost cut [cost,
strategy, budget]" in every message); the story keeps its id, so what earlier sessions recorded still matches it.
Through the CLIs, over notes and a data folder on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

NOTES = """\
# my stories

## the flaky release train [delivery, quality, on-call]
- 2025: weekly release failed 4 times in 6 weeks, rollbacks by hand
- I split the release into two trains, added a canary stage and a freeze rule owned by the release captain
- result: failed releases 4 -> 0 over the next quarter, release time 5 hours -> 70 minutes

## mentoring a new lead [draft]
- new tech lead, first time running planning; I paired with her on three planning rounds
- she ran the fourth alone; her team hit 9 of 10 sprint goals that quarter
"""

RETOLD = (
    "Our weekly release kept failing, four times in six weeks, and every rollback was done by hand. I split the "
    "release into two trains, added a canary stage and a freeze rule owned by the release captain. Failed releases "
    "went from 4 to 0 over the next quarter and a release took 70 minutes instead of 5 hours."
)


def _run(module: str, *args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "INTERVIEWER_MODEL")}
    env.update(INTERVIEWER_DATA_DIR=str(data), NO_COLOR="1", COLUMNS="250")
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, timeout=300,
                          cwd=REPO, stdin=subprocess.DEVNULL, env=env)  # fmt: skip


def test_progress_and_the_report_say_titles_without_their_tag_list(tmp_path: Path) -> None:
    notes, answers, data = tmp_path / "notes.md", tmp_path / "answers.txt", tmp_path / "data"
    notes.write_text(NOTES, encoding="utf-8")
    answers.write_text(RETOLD + "\n", encoding="utf-8")
    common = ("--role", "engineering-manager", "--docs", str(notes), "--embedder", "hashing")
    session = _run("agent.session", *common, "--questions", "1", "--follow-ups", "0", "--offline", "--seed", "3",
                   "--answers", str(answers), data=data)  # fmt: skip
    assert session.returncode == 0, session.stderr
    (report,) = (data / "reports").glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert "You told: the flaky release train\n" in text, text
    assert "[delivery" not in text and "[delivery" not in session.stdout

    shown = _run("agent.progress", *common, "--json", data=data)
    assert shown.returncode == 0, shown.stderr
    titles = {s["title"] for s in json.loads(shown.stdout)["coverage"]["stories"].values()}
    assert "the flaky release train" in titles and not any("[" in t for t in titles), titles
    table = _run("agent.progress", *common, data=data)
    assert table.returncode == 0, table.stderr
    assert "the flaky release train" in table.stdout and "[delivery" not in table.stdout, table.stdout
