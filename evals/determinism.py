"""Same answer, same verdict: judge the labelled answers under several conditions and list every answer whose whole
critique differs between them.

    python -m evals.determinism [--conditions forward,reverse,...] [--sets DIR ...] [--json] [--keep DIR]

Each condition runs in a process of its own (`--one CONDITION`, which prints one fingerprint per answer):

- forward / reverse / shuffled: one long process judging every answer, in three orders (caches filled by other
  answers first);
- files: a fresh process for each labelled file (each answer judged with only its own file's answers before it);
- ahead: each answer's sentences embedded ahead as the terminal does while it is typed (agent.typing_ahead, part of
  the draft then all of it), the follow-up question embedded ahead and the answer it follows embedded in the
  background for MiniLM (agent/nodes/critique.py), before each judgment;
- threads: four threads judging answers at once in one process;
- loaded: forward order with two busy processes beside it;
- minilm, minilm-reverse, minilm-ahead: the same with MiniLM as the critic's embedder.

A fingerprint is the whole critique of the answer and of each follow-up reply (score, relevance, level, gaps,
flags, signals, notes, evidence) plus the follow-up question the rules would ask. Conditions of one embedder are
compared with each other (the default embedder and MiniLM give different verdicts by design).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evals.labels import LabeledItem, load_file

EVALS_DIR = Path(__file__).resolve().parent
DEFAULT_SETS = ("labeled", *(f"critic_dev{n}" for n in ("", *range(2, 17))))
CONDITIONS = ("forward", "reverse", "shuffled", "files", "ahead", "threads", "loaded",
              "minilm", "minilm-reverse", "minilm-ahead")  # fmt: skip
THREADS = 4
BUSY = 2  # busy processes beside the loaded condition


def set_files(sets: Sequence[str]) -> list[Path]:
    """The labelled files of the named sets (folders of evals/, or paths), in a stable order."""
    files: list[Path] = []
    for name in sets:
        folder = Path(name) if Path(name).is_dir() else EVALS_DIR / name
        files.extend(sorted(folder.glob("*.yaml")))
    return files


def load_items(files: Sequence[Path]) -> list[LabeledItem]:
    """Every item of `files`, ids made unique across sets by their file (two sets may reuse an id)."""
    items: list[LabeledItem] = []
    for path in files:
        for item in load_file(path):
            items.append(item.model_copy(update={"id": f"{path.parent.name}/{item.id}"}))
    return items


def fingerprint(item: LabeledItem, main: Any, follows: Sequence[Any]) -> str:
    """The whole judgment of `item` as one JSON text: each critique in full and the follow-up the rules ask."""
    from agent.followups import choose_follow_up

    chosen = choose_follow_up(main, item.answer, probed=[], asked=[], budget_left=1, key=f"{item.question_id}:0")
    whole = {
        "main": main.model_dump(mode="json"),
        "follow_up": dict(chosen) if chosen else None,
        "replies": [c.model_dump(mode="json") for c in follows],
    }
    return json.dumps(whole, sort_keys=True)


def _typed_ahead(item: LabeledItem, minilm: bool) -> None:
    """What the terminal and the graph embed ahead for this item: the answer's sentences while it is typed (a
    part of the draft, then all of it), each reply's likewise, the follow-up question on the turn before its reply,
    and the answer it follows in the background for MiniLM."""
    from agent.critic.semantic import MAX_SENTENCES, semantic
    from agent.critic.text import sentences
    from agent.typing_ahead import draft_sentences

    sem = semantic("minilm") if minilm else semantic()
    for text in (item.answer, *(fu.answer for fu in item.follow_ups)):
        sem.ahead(draft_sentences(text[: max(1, len(text) * 2 // 3)]))
        sem.ahead(draft_sentences(text + " "))
    for fu in item.follow_ups:
        sem.ahead([fu.question])
    if item.follow_ups:
        semantic("minilm").ahead_later([s.text for s in sentences(item.answer)[:MAX_SENTENCES]])


def judge_all(items: Sequence[LabeledItem], condition: str) -> dict[str, str]:
    """id -> fingerprint, judged in this process under `condition`."""
    from agent.critic.semantic import semantic
    from evals.calibrate_session import session_judge

    minilm = condition.startswith("minilm")
    judge = session_judge(sem=semantic("minilm") if minilm else None)
    order = list(items)
    if condition.endswith("reverse"):
        order.reverse()
    elif condition == "shuffled":
        random.Random(45).shuffle(order)

    # The first wave of the threads condition starts at once, as a server's first candidates do (nothing warmed).
    start = threading.Barrier(THREADS) if condition == "threads" and len(order) >= THREADS else None
    first = {item.id for item in order[:THREADS]}

    def one(item: LabeledItem) -> tuple[str, str]:
        if start is not None and item.id in first:
            start.wait()
        if condition.endswith("ahead"):
            _typed_ahead(item, minilm)
        main, follows = judge(item)
        return item.id, fingerprint(item, main, follows)

    if condition == "threads":
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            return dict(pool.map(one, order))
    return dict(one(item) for item in order)


@contextmanager
def busy(n: int) -> Iterator[None]:
    """`n` processes spinning on a core each while the block runs."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    try:
        yield
    finally:
        for p in spinners:
            p.kill()
            p.wait()


def run_condition(condition: str, files: Sequence[Path], out: Path) -> None:
    """Run `condition` in fresh processes (one, or one per file for `files`), fingerprints into `out` (JSON)."""
    cmd = [sys.executable, "-m", "evals.determinism", "--one", condition, "--files", *map(str, files)]
    found: dict[str, str] = {}
    if condition == "files":
        for path in files:
            found.update(_child([*cmd[:4], "forward", "--files", str(path)]))
    elif condition == "loaded":
        with busy(BUSY):
            found = _child(cmd)
    else:
        found = _child(cmd)
    out.write_text(json.dumps(found, sort_keys=True), encoding="utf-8")


def _child(cmd: list[str]) -> dict[str, str]:
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=EVALS_DIR.parent)
    found: dict[str, str] = json.loads(done.stdout)
    return found


def compare(runs: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Answers whose fingerprint differs between conditions of the same embedder: {id: [conditions per variant]}."""
    differing: dict[str, list[list[str]]] = {}
    ids = sorted({i for found in runs.values() for i in found})
    for group in (lambda c: not c.startswith("minilm"), lambda c: c.startswith("minilm")):
        names = [c for c in runs if group(c)]
        for item_id in ids:
            variants: dict[str, list[str]] = {}
            for c in names:
                if item_id in runs[c]:
                    variants.setdefault(runs[c][item_id], []).append(c)
            if len(variants) > 1:
                differing.setdefault(item_id, []).extend(variants.values())
    return {"answers": len(ids), "differing": len(differing), "by_answer": differing}


def what_differs(a: str, b: str) -> list[str]:
    """The keys (dotted paths) where two fingerprints differ."""
    out: list[str] = []

    def walk(x: Any, y: Any, path: str) -> None:
        if isinstance(x, dict) and isinstance(y, dict):
            for k in sorted(set(x) | set(y)):
                walk(x.get(k), y.get(k), f"{path}.{k}" if path else k)
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for k, (p, q) in enumerate(zip(x, y, strict=True)):
                walk(p, q, f"{path}[{k}]")
        elif x != y:
            out.append(path)

    walk(json.loads(a), json.loads(b), "")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point: 0 when every answer got the same critique under every condition, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m evals.determinism", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(DEFAULT_SETS), help="labelled sets (folders of evals/)")
    parser.add_argument("--conditions", default=",".join(CONDITIONS), help="comma-separated: " + ", ".join(CONDITIONS))
    parser.add_argument("--json", action="store_true", help="print the comparison as one JSON object")
    parser.add_argument("--keep", type=Path, help="folder to keep each condition's fingerprints in")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child: judge under one condition, print fingerprints
    parser.add_argument("--files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    files = args.files or set_files(args.sets)
    if args.one:
        print(json.dumps(judge_all(load_items(files), args.one)))
        return 0
    conditions = [c.strip() for c in args.conditions.split(",") if c.strip()]
    unknown = [c for c in conditions if c not in CONDITIONS]
    if unknown:
        parser.error(f"unknown condition(s): {', '.join(unknown)}")
    keep = args.keep or Path(tempfile.mkdtemp(prefix="determinism-"))
    keep.mkdir(parents=True, exist_ok=True)
    runs: dict[str, dict[str, str]] = {}
    for c in conditions:
        out = keep / f"{c}.json"
        run_condition(c, files, out)
        runs[c] = json.loads(out.read_text(encoding="utf-8"))
        print(f"{c}: {len(runs[c])} answers judged", file=sys.stderr)
    report = compare(runs)
    if args.json:
        print(json.dumps(report, indent=1, sort_keys=True))
    else:
        print(f"{report['differing']} of {report['answers']} answers differ across {', '.join(conditions)}")
        for item_id, variants in report["by_answer"].items():
            first = next(c for c in variants[0])
            fields = sorted({f for v in variants[1:] for f in what_differs(runs[first][item_id], runs[v[0]][item_id])})
            print(f"  {item_id}: {' | '.join(','.join(v) for v in variants)}  [{', '.join(fields[:6])}]")
    return 1 if report["differing"] else 0


if __name__ == "__main__":
    sys.exit(main())
