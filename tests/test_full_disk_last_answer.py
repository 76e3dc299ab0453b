"""sweep 33 S3: the disk fills before the last answer is submitted. The answer is kept and the run says what to
free, but then `--list-sessions` called the session database damaged (the file read without its -wal, which held
commits a full disk kept from being copied into it) and offered to move it aside; with space back it listed the
session "done" with no report, which only `--resume ID` wrote. Now the listing on the full disk reads the sessions,
says the report is not written yet and how to get it, and the first listing with space writes it. Real full tmpfs."""

from __future__ import annotations

from pathlib import Path

from tests.test_disk_faults import full_at_the_second_answer, small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_persistence import A1, A2, answers_in_transcript, run


def test_a_full_disk_at_the_last_answer_lists_the_report_as_due_and_writes_it_when_space_returns(
    small_disk: Path,  # noqa: F811
) -> None:
    data = small_disk / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    cli, rc, sid, filler = full_at_the_second_answer(small_disk, A2)
    assert rc == 1, cli.out
    assert "is full" in cli.out and "only its report could not be written" in " ".join(cli.out.split()), cli.out

    listing = run("--list-sessions", env=env)
    said = " ".join(listing.stdout.split())
    assert listing.returncode == 0, listing.stdout + listing.stderr
    assert "damaged" not in listing.stdout + listing.stderr
    assert sid in said and "done, report not written" in said, said  # the status column, not a bare "done"
    assert f"Session {sid} is over and every answer is saved, but its report could not be written" in said, said

    filler.unlink()
    listing = run("--list-sessions", env=env)
    said = " ".join(listing.stdout.split())
    written = "could not be written when it ended (the disk was full, or its folder could not be written); it is"
    assert f"Session {sid}'s report {written}" in said
    assert (data / "reports" / f"{sid}.md").is_file()
    assert answers_in_transcript(data, sid) == [A1, A2]
    again = " ".join(run("--list-sessions", env=env).stdout.split())
    assert "report not written" not in again and "it is written now" not in again, again
