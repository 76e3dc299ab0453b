"""sweep29 S11: a file that is not UTF-8 was reported three ways: a role file "(byte 16)" (an offset that reads like
a byte value), an answers file "line 3: ... (byte 0xff)", a job description not at all (its requirement then read
"lead \ufffd teams"). Every file the tools read now says "line N: not UTF-8 text (byte 0xff at offset K)"; --jd and
documents read on with a warning. Real files, real commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FAST = ["--embedder", "hashing", "--questions", "1", "--follow-ups", "0", "--seed", "3"]


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=REPO,
                          timeout=180, env=dict(os.environ), stdin=subprocess.DEVNULL)  # fmt: skip


def test_every_file_that_is_not_utf8_is_named_by_line_byte_and_offset(isolated_data_dir: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.txt"
    answers.write_text("I would measure first.\n", encoding="utf-8")
    role = tmp_path / "badrole.yaml"
    role.write_bytes(b"id: x\ntitle: ok\n\xff\n")  # line 3, offset 16
    jd = tmp_path / "badjd.md"
    jd.write_bytes(b"- Requirement one: lead platform teams of 40 engineers\n- Requirement two: own a \xff budget\n")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "n.md").write_bytes(b"## Story: Build time\n\nI split the tests \xff over four runners.\n")
    said = {
        "role": _run("agent.session", "--role", str(role), *FAST, "--answers", str(answers)),
        "jd": _run("agent.session", "--role", "director", *FAST, "--jd", str(jd), "--answers", str(answers)),
        "docs": _run("knowledge.ingest", str(notes)),
    }
    assert said["role"].returncode == 2
    assert f"{role}, line 3: not UTF-8 text (byte 0xff at offset 16)" in said["role"].stderr, said["role"].stderr
    at = jd.read_bytes().index(b"\xff")
    assert said["jd"].returncode == 0, said["jd"].stdout + said["jd"].stderr
    warned = f"warning: --jd {jd}, line 2: not UTF-8 text (byte 0xff at offset {at}); undecodable bytes were replaced"
    assert warned in said["jd"].stderr, said["jd"].stderr
    at = (notes / "n.md").read_bytes().index(b"\xff")
    out = " ".join((said["docs"].stdout + said["docs"].stderr).split())
    assert f"line 3: not UTF-8 text (byte 0xff at offset {at}); undecodable bytes were replaced" in out, out[-1500:]


def test_a_job_description_saved_as_utf16_with_a_bom_is_read(isolated_data_dir: Path, tmp_path: Path) -> None:
    """sweep30 S3: `--jd` in UTF-16 with a BOM (Notepad's "Unicode", Word's "Unicode Text") was refused as "not a
    text file", while --docs and knowledge.ingest read the same encoding."""
    answers = tmp_path / "a.txt"
    answers.write_text("I would measure first.\n", encoding="utf-8")
    text = "- Requirement one: lead platform teams of 40 engineers\n- Requirement two: own budgets of $5M\n"
    for name, data in (("jd16.md", text.encode("utf-16")), ("jd16be.txt", b"\xfe\xff" + text.encode("utf-16-be"))):
        jd = tmp_path / name
        jd.write_bytes(data)
        run = _run("agent.session", "--role", "director", *FAST, "--jd", str(jd), "--answers", str(answers))
        assert run.returncode == 0, run.stdout + run.stderr
        (report,) = sorted((isolated_data_dir / "reports").glob("*.md"), key=lambda p: p.stat().st_mtime)[-1:]
        assert "lead platform teams of 40 engineers" in report.read_text(encoding="utf-8"), name
