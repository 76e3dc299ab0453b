"""`--index DIR` naming a folder of the user's (a web app's manifest.json, notes) is refused before anything is
written, by knowledge.ingest, knowledge.search and the session alike (sweep28 S11: the index replaced the user's
manifest.json without a word). A folder the index wrote itself is reused as ever. Real folders, real commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_MANIFEST = '{"name": "Team dashboard", "start_url": "/", "display": "standalone"}\n'


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=REPO,
                          timeout=180, env=dict(os.environ), stdin=subprocess.DEVNULL)  # fmt: skip


def test_a_folder_of_the_users_is_never_written_as_a_story_index(isolated_data_dir: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    story = ("## Story: Cutting build time\n\n**Situation:** builds took 30 minutes.\n**Action:** I split the test "
             "suite across four runners.\n**Result:** builds took 8 minutes.\n")  # fmt: skip
    (notes / "s.md").write_text(story, encoding="utf-8")
    answers = tmp_path / "a.txt"
    answers.write_text("I would measure first.\n", encoding="utf-8")
    app = tmp_path / "webapp"
    app.mkdir()
    (app / "manifest.json").write_text(APP_MANIFEST, encoding="utf-8")
    only_manifest = sorted(p.name for p in app.iterdir())
    hashing = ["--embedder", "hashing", "--index", str(app)]
    runs = {
        "ingest": _run("knowledge.ingest", str(notes), *hashing),
        "search": _run("knowledge.search", "build time", "--docs", str(notes), *hashing),
        "session": _run("agent.session", "--role", "director", "--questions", "1", *hashing, "--answers", str(answers)),
    }
    for name, run in runs.items():
        assert run.returncode == 2, (name, run.stdout, run.stderr)
        assert "not a story index's (manifest.json)" in run.stderr, (name, run.stderr)
    assert (app / "manifest.json").read_text(encoding="utf-8") == APP_MANIFEST
    assert sorted(p.name for p in app.iterdir()) == only_manifest
    # a folder of other files is refused too; an index folder the tool made is reused
    (tmp_path / "docs-site").mkdir()
    (tmp_path / "docs-site" / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    other = _run("knowledge.ingest", str(notes), "--embedder", "hashing", "--index", str(tmp_path / "docs-site"))
    assert other.returncode == 2 and "(index.html)" in other.stderr, other.stderr
    fresh = tmp_path / "story-index"
    for _ in range(2):
        made = _run("knowledge.ingest", str(notes), "--embedder", "hashing", "--index", str(fresh))
        assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in fresh.iterdir()) == ["docstore.json", "manifest.json", "vectors.faiss"]


def test_an_index_folder_whose_manifest_is_a_pipe_is_refused_not_read(isolated_data_dir: Path, tmp_path: Path) -> None:
    """sweep28 S15 (also): a manifest.json that is a pipe hung knowledge.search until it was killed."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "s.md").write_text("## Story: Faster builds\n\n**Situation:** slow builds.\n**Action:** I split them.\n"
                                "**Result:** builds took 8 minutes.\n", encoding="utf-8")  # fmt: skip
    index = tmp_path / "index"
    index.mkdir()
    os.mkfifo(index / "manifest.json")
    run = _run("knowledge.search", "builds", "--docs", str(notes), "--embedder", "hashing", "--index", str(index))
    assert run.returncode == 2, run.stdout + run.stderr
    assert "manifest.json there is not a regular file" in run.stderr, run.stderr


def test_the_default_index_folder_named_as_index_is_said_to_be_the_default(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """sweep29 S6: `--index <data dir>/index` (where sessions keep their indexes, one folder per embedder) was refused
    as "holds files that are not a story index's (minilm-...)"."""
    answers = tmp_path / "a.txt"
    answers.write_text("I would measure first.\n", encoding="utf-8")
    args = ["--role", "director", "--questions", "1", "--follow-ups", "0", "--embedder", "hashing"]
    first = _run("agent.session", *args, "--answers", str(answers))
    assert first.returncode == 0, first.stdout + first.stderr
    root = isolated_data_dir / "index"
    assert [p for p in root.iterdir() if p.is_dir()], sorted(root.iterdir())  # the default index is there
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "s.md").write_text("## Story: Cutting build time\n\nI split the tests over four runners.\n", "utf-8")
    for given in (str(root), str(root) + "/"):
        ingest = _run("knowledge.ingest", str(notes), "--embedder", "hashing", "--index", given)
        assert ingest.returncode == 2, ingest.stdout + ingest.stderr
        said = " ".join(ingest.stderr.split())
        assert f"--index {given} is the default story index folder, which holds one index per embedder: leave " \
               "--index out to use it" in said, said  # fmt: skip
        assert "not a story index's" not in said
