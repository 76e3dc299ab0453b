"""`python -m knowledge.search`: JSON and table output, the sample bank default, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.paths import samples_dir
from knowledge.search import main

REPO = Path(__file__).resolve().parents[1]

PREP = """# My stories

## Story 1: Rescuing the Search Relaunch

**Situation:** The relaunch of product search was two weeks late and the relevance scores had dropped.
**Task:** I had to get it out before the spring sale without shipping worse results.
**Action:** I cut the personalisation feature, added an offline relevance check to CI, and ran daily triage.
**Result:** We launched four days before the sale and click-through rose 9%.

## Story 2: Turning Around a Struggling Engineer

**Situation:** A senior engineer on my team kept missing reviews and looked disengaged.
**Task:** Find out why and either help him recover or manage him out fairly.
**Action:** I held weekly one-on-ones, set three concrete goals with him, and paired him with a staff engineer.
**Result:** Within a quarter he led the caching project and his peer feedback became the best on the team.

## Story 3: Replacing Our Kafka Cluster

**Situation:** Our self-hosted Kafka cluster paged the team twice a week.
**Task:** Decide whether to tune it or move to a managed service.
**Action:** I compared cost and on-call load over three years and migrated topic by topic behind a dual-write.
**Result:** Pages fell from eight a month to one and the bill went down 20%.
"""


@pytest.fixture
def prep(tmp_path: Path) -> Path:
    path = tmp_path / "prep.md"
    path.write_text(PREP, encoding="utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        # -W shows DeprecationWarnings a user would otherwise only see under pytest: none may leak out.
        [sys.executable, "-W", "default::DeprecationWarning", "-m", "knowledge.search", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def test_json_output_over_given_documents(prep: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    proc = run_cli(
        "How did you deal with an underperformer?",
        "--docs",
        str(prep),
        "--index",
        str(index_dir),
        "--embedder",
        "hashing",
        "--k",
        "2",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 2
    assert set(rows[0]) == {"id", "title", "score", "source"}
    assert rows[0]["title"] == "Turning Around a Struggling Engineer"
    assert rows[0]["source"].endswith("prep.md") and rows[0]["score"] > rows[1]["score"]
    assert "note: index built: 3 stories embedded with hashing" in proc.stderr
    assert (index_dir / "manifest.json").is_file()
    # A second run reuses the index: no notice at all.
    again = run_cli("Kafka", "--docs", str(prep), "--index", str(index_dir), "--embedder", "hashing", "--json")
    assert again.returncode == 0 and again.stderr == ""
    assert json.loads(again.stdout)[0]["title"] == "Replacing Our Kafka Cluster"


def test_default_is_the_bundled_sample_bank(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["Tell me about a production outage", "--embedder", "bm25", "--json", "--k", "2"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    assert all(Path(row["source"]).parent == samples_dir() for row in rows)


def test_table_output_and_competency(prep: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "What did you do when a launch slipped?",
            "--docs",
            str(prep),
            "--embedder",
            "hashing",
            "--competency",
            "execution",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Rescuing the Search Relaunch" in out and "prep.md" in out and "hashing + bm25" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "--docs", "/nonexistent/prep.md"], "error: --docs /nonexistent/prep.md: no such file or folder"),
        (["   "], "the query is empty"),
        (["query", "--k", "0"], "--k must be at least 1"),
        (["query", "--embedder", "bert"], "invalid choice: 'bert'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse's own usage errors
        code = exit_.code  # type: ignore[assignment]
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_runtime_errors_exit_1_with_one_line(prep: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--docs", str(prep), "--embedder", "openai"]) == 1
    assert capsys.readouterr().err.strip() == (
        "error: embedder 'openai' needs OPENAI_API_KEY; use --embedder minilm to stay offline"
    )
    empty = tmp_path / "empty.md"
    empty.write_text("# Nothing here\n", encoding="utf-8")
    assert main(["query", "--docs", str(empty), "--embedder", "hashing"]) == 1
    assert "error: no stories found in the documents" in capsys.readouterr().err


def test_shared_prep_documents_are_searchable(shared_samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "How did you fix 'database is locked' errors in production?",
            "--docs",
            str(shared_samples),
            "--embedder",
            "minilm",
            "--json",
            "--k",
            "1",
        ]
    )
    assert code == 0
    [row] = json.loads(capsys.readouterr().out)
    assert "SQLite Locking" in row["title"] and row["source"].endswith("story-bank.md")


def test_index_dir_alone_searches_what_ingest_stored_there(prep: Path, tmp_path: Path) -> None:
    """`knowledge.ingest DOCS --index DIR` then `knowledge.search Q --index DIR`: DIR is searched, not rebuilt."""
    index_dir = tmp_path / "mine"
    ingest = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(prep), "--index", str(index_dir), "--embedder", "hashing"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert ingest.returncode == 0, ingest.stderr
    stored = {p.name: p.read_bytes() for p in index_dir.iterdir()}
    proc = run_cli("Tell me about moving off a self-hosted message queue", "--index", str(index_dir), "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows[0]["title"] == "Replacing Our Kafka Cluster"
    assert {Path(r["source"]).name for r in rows} == {"prep.md"}  # never the sample bank
    assert proc.stderr == ""  # the embedder that built DIR (hashing) is reused: nothing re-embedded
    assert {p.name: p.read_bytes() for p in index_dir.iterdir()} == stored


def test_index_dir_without_an_index_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_cli("anything", "--index", str(tmp_path / "nothing-here"))
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"error: no story index in {tmp_path / 'nothing-here'}; "
        f"build it with: python -m knowledge.ingest PATH... --index {tmp_path / 'nothing-here'}"
    )
    assert not (tmp_path / "nothing-here").exists()


@pytest.mark.parametrize("under", [False, True], ids=["a file", "a folder under a file"])
def test_index_naming_a_file_is_refused_without_advice_that_would_fail(tmp_path: Path, under: bool) -> None:
    """`--index FILE` suggested `python -m knowledge.ingest PATH... --index FILE`, which refuses a file (exit 2):
    the search says the file is not a folder, as the ingest does, and touches nothing."""
    afile = tmp_path / "notes.txt"
    afile.write_text("not an index\n", encoding="utf-8")
    given = afile / "idx" if under else afile
    proc = run_cli("anything", "--index", str(given))
    assert proc.returncode == 2, proc.stderr
    where = f"--index {given}: {afile}" if under else f"--index {afile}"
    assert proc.stderr.strip() == f"error: {where} is a file, not a folder: give a folder for the story index"
    assert "knowledge.ingest" not in proc.stderr
    assert afile.read_text(encoding="utf-8") == "not an index\n"


@pytest.mark.parametrize("module", ["knowledge.search", "knowledge.ingest"])
def test_an_empty_index_path_is_refused_and_nothing_lands_in_the_current_folder(
    prep: Path, tmp_path: Path, module: str
) -> None:
    """sweep27 S4: `knowledge.search Q --docs D --index ''` wrote docstore.json, manifest.json and vectors.faiss into
    the folder it ran in (Path("") is "."); `knowledge.ingest D --index ''` built no index without a word."""
    here = tmp_path / "cwd"
    here.mkdir()
    args = ["cut costs", "--docs", str(prep)] if module == "knowledge.search" else [str(prep)]
    proc = subprocess.run([sys.executable, "-m", module, *args, "--index", "", "--embedder", "hashing"],
                          capture_output=True, text=True, cwd=here, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip().endswith("error: --index needs a folder: an empty path was given"), proc.stderr
    assert list(here.iterdir()) == []
