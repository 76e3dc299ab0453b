"""How checkable are the role packs' signals? Best sentence cosine per signal, strong answers against weak ones.

For every labelled answer whose question is a role-pack question, each signal of that question is embedded with
the local MiniLM model and compared with every sentence of the answer; the best cosine is the signal's score in
that answer. A checkable signal scores high in strong answers and low in weak ones (off topic, wrong level,
empty), so the report gives the distribution for each group, the share above a few thresholds and the AUC
(chance that a strong answer's signal scores above a weak answer's). When the labels name `signals_missing`,
the AUC between signals a labeller saw covered and those they marked missing is reported too.

    python -m evals.signal_check --labeled DIR [--labeled DIR ...] [--packs DIR]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from agent.critic.text import content_stems, sentences
from knowledge.embeddings import embed_matrix, load_embedder
from knowledge.paths import roles_dir
from knowledge.roles import load_role

THRESHOLDS = (0.3, 0.4, 0.5)


@dataclass
class Row:
    """One signal in one answer: its best sentence cosine, word overlap and labels."""

    group: str  # strong | weak | other
    cosine: float
    overlap: float  # share of the signal's content stems found in the answer
    covered: bool | None  # from signals_missing when labelled, else None


def _max_score(labels: dict[str, Any]) -> int:
    score = labels.get("score", 0)
    return int(max(score) if isinstance(score, list) else score)


def _group(item: dict[str, Any]) -> str:
    style = item.get("style")
    if style == "strong":
        return "strong"
    # A grader-instruction answer scores low for the instruction, not for missing content: not "weak" here.
    return "weak" if _max_score(item.get("labels") or {}) <= 2 and style != "injection" else "other"


def _items(dirs: Iterable[Path]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for d in dirs:
        for path in sorted(d.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            out.extend(i for i in data if isinstance(i, dict) and isinstance(i.get("answer"), str))
    return out


def measure(packs_dir: Path, labeled: list[Path]) -> list[Row]:
    """Score every signal of every matching labelled answer."""
    questions = {
        q.text.strip().lower(): q for path in sorted(packs_dir.glob("*.yaml")) for q in load_role(str(path)).questions
    }
    embedder = load_embedder("minilm")
    rows: list[Row] = []
    for item in _items(labeled):
        asked = questions.get(str(item.get("question", "")).strip().lower())
        sents = [s.text for s in sentences(item["answer"])]
        if asked is None or not sents:
            continue
        answer_stems = set(content_stems(item["answer"]))
        labels = item.get("labels") or {}
        # Tuned-set v2 items (they carry question_id) default to no signal missing, as evals/labels.py does.
        missing = labels.get("signals_missing", [] if "question_id" in item else None)
        sims = embed_matrix(embedder, list(asked.signals)) @ embed_matrix(embedder, sents).T
        for signal, best in zip(asked.signals, sims.max(axis=1), strict=True):
            stems = set(content_stems(signal))
            overlap = len(stems & answer_stems) / len(stems) if stems else 0.0
            covered = None if missing is None else signal not in missing
            rows.append(Row(_group(item), float(best), overlap, covered))
    return rows


def auc(pos: list[float], neg: list[float]) -> float:
    """Chance that a random positive scores above a random negative (ties count half)."""
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


def report(rows: list[Row]) -> str:
    """The figures as a small text table."""
    head = "".join(f"{'>=' + str(t):>8}" for t in THRESHOLDS)
    lines = [f"{'group':<8}{'n':>5}{'p25':>7}{'median':>8}{'p75':>7}{head}{'overlap':>9}"]
    for group in ("strong", "other", "weak"):
        vals = np.asarray([r.cosine for r in rows if r.group == group])
        if not vals.size:
            continue
        p25, med, p75 = np.percentile(vals, [25, 50, 75])
        shares = "".join(f"{(vals >= t).mean():>8.2f}" for t in THRESHOLDS)
        ov = np.mean([r.overlap for r in rows if r.group == group])
        lines.append(f"{group:<8}{vals.size:>5}{p25:>7.3f}{med:>8.3f}{p75:>7.3f}{shares}{ov:>9.2f}")
    strong = [r.cosine for r in rows if r.group == "strong"]
    weak = [r.cosine for r in rows if r.group == "weak"]
    lines.append(f"AUC strong vs weak (cosine): {auc(strong, weak):.3f}")
    covered = [r.cosine for r in rows if r.covered]
    missing = [r.cosine for r in rows if r.covered is False]
    if covered and missing:
        lines.append(f"AUC labelled covered ({len(covered)}) vs missing ({len(missing)}): {auc(covered, missing):.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--packs", type=Path, default=roles_dir(), help="directory of role-pack YAML files")
    parser.add_argument("--labeled", type=Path, action="append", default=None, help="labelled-answer directory")
    args = parser.parse_args(argv)
    labeled = args.labeled or [Path(__file__).parent / "labeled"]
    print(report(measure(args.packs, labeled)))


if __name__ == "__main__":
    main()
