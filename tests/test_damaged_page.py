"""A damaged page inside sessions.sqlite (the header intact) is named with the way out, like a damaged header
(sweep case 13c: 'DatabaseError: database disk image is malformed', no file named, and an empty listing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_persistence import A1, FAST, run, scripted


@pytest.mark.parametrize("damage", ["junk pages", "truncated"])
def test_a_damaged_interior_page_is_named_with_a_way_out(isolated_data_dir: Path, damage: str) -> None:
    done = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    db = isolated_data_dir / "sessions.sqlite"
    if damage == "truncated":
        os.truncate(db, 5000)
    else:
        with db.open("r+b") as handle:  # page 2 on: junk; page 1 (the header) stays intact
            handle.seek(4096)
            handle.write(os.urandom(6144))
    for args in ([*FAST, "--questions", "1"], ["--list-sessions"], ["--resume"]):
        out = run(*args, stdin=scripted(A1))
        # 2, as for a damaged header and README's "data folder that cannot take a new session" (sweep21 S3: 1)
        assert out.returncode == 2, out.stdout + out.stderr
        assert str(db) in out.stderr and "damaged" in out.stderr and "mv " in out.stderr, out.stdout + out.stderr
        assert "Traceback" not in out.stderr and "--resume" not in out.stdout
    db.rename(db.with_name("sessions.sqlite.aside"))
    assert run(*FAST, "--questions", "1", stdin=scripted(A1)).returncode == 0  # a fresh start once moved aside
