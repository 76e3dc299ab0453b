"""Pathological prep documents for ingestion timing: one character or a short pattern repeated, on one long line
or on many short lines, in sizes from 100 KB to 5 MB. `python -m evals.ingest_stress` times `ingest_text` on each
shape at two sizes and prints the CPU time ratio (about 2 for linear growth, 4 for quadratic); many-line shapes
are kept under reader.MAX_LINES so the cap does not hide growth. `--big 5000000` also times the 5 MB document
through `python -m knowledge.ingest` and a scripted session's `--docs` (wall time, with start-up)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Short units a hostile or broken document repeats: markup openers, list and quote markers, table cells, label
# and definition shapes, separators, control-ish bytes. Each is repeated whole to the wanted size.
UNITS: dict[str, str] = {
    "char": "a",
    "bold": "**a",
    "link": "[a](",
    "dot": "a.",
    "comma": "1,",
    "dash-item": "- a",
    "quote": "> a",
    "cell": "| a |",
    "heading": "# a",
    "label": "a:",
    "deflist": "a\n:",
    "deflist-sp": "a\n: ",
    "deflist-b": "a\n: b",
    "tilde": "x\n~ ",
    "tab": "a\t",
    "crlf": "a\r\n",
    "binaryish": "\x01\x02a\x7f\x1b[",
    "colon": ":",
    "star-label": "S: a",
    "num-item": "1. a",
    "question": "a?",
    "html": "<a ",
    "backtick": "`a",
    "underscore": "_a",
    "paren": "(a",
    "fence": "```",
    "rule": "---",
    "setext": "a\n=",
    "bold-label": "**a**: ",
    "qa": "Q: a?\nA: b.",
}

LAYOUTS = ("line", "lines", "story")  # on one long line, one unit per line, or one long line inside a story
STORY = (
    "## The late launch\n\nI led the team when the launch slipped. I split the work, we shipped two weeks later "
    "and costs fell 30%. "
)


def make(unit: str, layout: str, size: int) -> str:
    """About `size` characters of `unit` repeated: on one line, on many lines (one unit each), or on one line that
    a story's text goes on with. A title line comes first, so the text is not one run of lines repeated whole
    (which is read once: repeats.py)."""
    piece = unit + "\n" if layout == "lines" else unit
    run = (piece * (size // len(piece) + 1))[:size]
    if layout == "story":  # the run is part of a story's text, where figures, labels and titles are read
        return STORY + run + "\n\n" + STORY.replace("late launch", "second launch")
    return "Notes\n\n" + run


def _time_one(unit: str, layout: str, size: int, timeout: float) -> float | None:
    """CPU seconds `ingest_text` took on one shape, in a child process (so a hang is cut at `timeout`)."""
    code = (
        "import sys,time;from evals.ingest_stress import make;from knowledge.ingest import ingest_text;"
        f"t=make({unit!r},{layout!r},{size});s=time.process_time();ingest_text(t,'stress.md');"
        "print(time.process_time()-s)"
    )
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else None


def _time_cli(unit: str, layout: str, size: int, timeout: float) -> tuple[float | None, float | None]:
    """Wall seconds of `python -m knowledge.ingest FILE` and of a one-question scripted session with `--docs FILE`
    (fresh data folders, so no cache helps); None for a run that failed or passed `timeout`."""
    out: list[float | None] = []
    with tempfile.TemporaryDirectory() as tmp:
        doc, answers = Path(tmp, "notes.md"), Path(tmp, "answers.txt")
        doc.write_text(make(unit, layout, size), encoding="utf-8")
        answers.write_text("I owned the fix and cut the cost by a third in two months.\n", encoding="utf-8")
        runs = (
            ["-m", "knowledge.ingest", str(doc), "--index", str(Path(tmp, "index"))],
            ["-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0", "--docs", str(doc),
             "--answers", str(answers), "--data-dir", str(Path(tmp, "session"))],
        )
        for k, run in enumerate(runs):
            env = {**os.environ, "INTERVIEWER_DATA_DIR": str(Path(tmp, f"data{k}"))}
            start = time.perf_counter()
            try:
                done = subprocess.run([sys.executable, *run], capture_output=True, text=True, timeout=timeout, env=env)
            except subprocess.TimeoutExpired:
                out.append(None)
                continue
            ok = "Traceback" not in done.stderr and done.returncode in (0, 1)
            out.append(time.perf_counter() - start if ok else None)
    return out[0], out[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000, help="characters of the smaller document")
    parser.add_argument("--only", nargs="*", help="unit names to time (default: all)")
    parser.add_argument("--layouts", nargs="*", default=list(LAYOUTS), choices=LAYOUTS)
    parser.add_argument("--big", type=int, default=0, help="also time the CLI and a session on this many characters")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    from knowledge.ingest.reader import MAX_LINES

    names = args.only or list(UNITS)
    fmt = lambda t: f"{t:6.2f}s" if t is not None else "  fail "  # noqa: E731
    for name in names:
        for layout in args.layouts:
            if layout != "line" and "\n" in UNITS[name]:
                continue  # already many lines
            piece = UNITS[name] + ("\n" if layout == "lines" else "")
            lines_per_char = piece.count("\n") / len(piece)
            size = min(args.size, int(0.45 * MAX_LINES / lines_per_char)) if lines_per_char else args.size
            small = _time_one(UNITS[name], layout, size, args.timeout)
            big = _time_one(UNITS[name], layout, 2 * size, args.timeout)
            ratio = f"{big / small:4.1f}" if small and big else "  - "
            row = f"{name:12} {layout:5} {size:>8} {fmt(small)} {fmt(big)} x{ratio}"
            if args.big:
                cli, session = _time_cli(UNITS[name], layout, args.big, args.timeout)
                row += f"   {args.big} chars: ingest {fmt(cli)} session --docs {fmt(session)}"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
