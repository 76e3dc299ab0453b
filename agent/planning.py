"""Choosing the questions of one interview from a role pack, plus the small per-role question history.

Slots go to competencies drawn in proportion to their weights (seeded, spread across competencies);
within a competency the planner prefers question types not used yet and questions not asked in recent
sessions. Fixed questions (eval transcripts) are asked verbatim and take a pack question's type and
competency when the text matches one.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from agent.state import PlannedQuestion
from knowledge import data_files
from knowledge.models import Question, QuestionType, RolePack, stable_id
from knowledge.paths import data_dir, write_private

HISTORY_SESSIONS = 3  # recent sessions per role whose questions the planner avoids
HISTORY_BYTES = 4 << 20  # history.json keeps the question ids of a few sessions per role: a few KB

def classify_question_type(text: str) -> QuestionType:
    """A question's type from its wording (for fixed questions not in the role pack): the ingester's rules."""
    from knowledge.ingest.questions import classify

    return classify(text)


def _competency_for(text: str) -> str:
    from knowledge.competencies import competency_for_question  # only fixed questions need it

    return competency_for_question(text) or "general"


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _planned(q: Question) -> PlannedQuestion:
    return {"id": q.id, "text": q.text, "type": q.type, "competency": q.competency, "signals": list(q.signals)}


Lean = tuple[dict[str, float], dict[str, float]]  # (competency multipliers, question multipliers): --jd, --focus


def _quotas(
    pack: RolePack, pool: Sequence[Question], n: int, rng: random.Random, recent: set[str], lean: Lean | None = None
) -> Counter[str]:
    """Slots per competency: drawn one by one with probability proportional to the competency's weight.

    A competency loses weight with every slot it already has (so a plan spreads across competencies)
    and when all its remaining questions were asked recently (so sessions rotate through the pack).
    """
    available = Counter(q.competency for q in pool)
    fresh = Counter(q.competency for q in pool if q.id not in recent)
    weights = {c: float(pack.competencies.get(c, 0.0)) for c in sorted(available)}
    if lean is not None:  # a job description or the history moves weight toward some competencies
        weights = {c: w * lean[0].get(c, 1.0) for c, w in weights.items()}
    if not any(w > 0 for w in weights.values()):  # weights name no question's competency: treat all alike
        weights = dict.fromkeys(weights, 1.0)
    quotas: Counter[str] = Counter()
    for _ in range(min(n, len(pool))):
        open_ = [c for c, w in weights.items() if w > 0 and quotas[c] < available[c]]
        if not open_:  # only unweighted competencies are left
            open_ = [c for c in weights if quotas[c] < available[c]]
        odds = [max(weights[c], 1e-6) / 4 ** quotas[c] * (1.0 if fresh[c] > quotas[c] else 0.25) for c in open_]
        quotas[rng.choices(open_, weights=odds)[0]] += 1
    return quotas


def _order(chosen: list[PlannedQuestion], rng: random.Random) -> list[PlannedQuestion]:
    """Shuffle, then avoid two questions of the same type in a row where possible."""
    rest = chosen[:]
    rng.shuffle(rest)
    ordered: list[PlannedQuestion] = []
    while rest:
        pick = next((q for q in rest if not ordered or q["type"] != ordered[-1]["type"]), rest[0])
        rest.remove(pick)
        ordered.append(pick)
    return ordered


def choose_questions(
    pack: RolePack,
    n: int,
    seed: int,
    recent: Iterable[str] = (),
    exclude: Iterable[str] = (),
    lean: Lean | None = None,
) -> list[PlannedQuestion]:
    """Up to n distinct pack questions by competency weight, mixing types, avoiding recent ones; with `lean`,
    competencies and questions weighted by it (the most wanted question of a competency first)."""
    rng = random.Random(seed)
    excluded, recent_ids = set(exclude), set(recent)
    pool = [q for q in pack.questions if q.id not in excluded]
    quotas = _quotas(pack, pool, n, rng, recent_ids, lean)
    want = lean[1] if lean is not None else {}
    jitter = {q.id: rng.random() for q in pool}
    type_use: Counter[str] = Counter()
    chosen: list[PlannedQuestion] = []
    # Fill the largest quotas first so the type mix is decided where most questions come from.
    for competency, k in sorted(quotas.items(), key=lambda kv: (-kv[1], kv[0])):
        candidates = [q for q in pool if q.competency == competency]
        for _ in range(k):
            best = min(
                candidates, key=lambda q: (-want.get(q.id, 1.0), q.id in recent_ids, type_use[q.type], jitter[q.id])
            )
            candidates.remove(best)
            type_use[best.type] += 1
            chosen.append(_planned(best))
    return _order(chosen, rng)


def drill_slots(n: int) -> int:
    """How many of a plan's n slots the drill questions may take: half, rounded up."""
    return (n + 1) // 2


def _with_drill(
    pack: RolePack, n: int, seed: int, recent: Iterable[str], lean: Lean | None, drill: Sequence[str]
) -> list[PlannedQuestion]:
    """Up to drill_slots(n) slots for the drill questions, in drill order; the rest drawn as usual."""
    by_id = {q.id: q for q in pack.questions}
    pinned = [_planned(by_id[qid]) for qid in dict.fromkeys(drill) if qid in by_id][: drill_slots(n)]
    rest = choose_questions(pack, n - len(pinned), seed, recent, exclude=[q["id"] for q in pinned], lean=lean)
    return _order(pinned + rest, random.Random(seed))


def plan_questions(
    pack: RolePack,
    n: int,
    seed: int,
    recent: Iterable[str] = (),
    fixed: Sequence[str | None] | None = None,
    lean: Lean | None = None,
    drill: Sequence[str] = (),
) -> list[PlannedQuestion]:
    """The interview plan: n chosen questions, or one per `fixed` entry (None = let the planner choose)."""
    if drill and not fixed:
        return _with_drill(pack, n, seed, recent, lean, drill)
    if not fixed:
        return choose_questions(pack, n, seed, recent, lean=lean)
    by_text = {_norm(q.text): q for q in pack.questions}
    fixed_plan: list[PlannedQuestion | None] = []
    for text in fixed:
        if text is None:
            fixed_plan.append(None)
        elif (match := by_text.get(_norm(text))) is not None:
            fixed_plan.append({**_planned(match), "text": text})
        else:
            fixed_plan.append(
                {
                    "id": stable_id("fixed", pack.name, text),
                    "text": text,
                    "type": classify_question_type(text),
                    "competency": _competency_for(text),
                    "signals": [],
                }
            )
    used = [q["id"] for q in fixed_plan if q is not None]
    fill = choose_questions(pack, fixed_plan.count(None), seed, recent, exclude=used, lean=lean)
    plan: list[PlannedQuestion] = []
    for q in fixed_plan:
        if q is not None:
            plan.append(q)
        elif fill:  # the pack may run out of questions: drop the extra open slots
            plan.append(fill.pop(0))
    return plan


def _history_path() -> Path:
    return data_dir() / "history.json"


def load_recent(role: str, path: Path | None = None) -> list[str]:
    """Question ids asked in this role's last few sessions (empty on a missing or broken file).

    path: the history file (a server keeps one per candidate); the data dir's history.json by default."""
    try:  # a pipe or a device there is unreadable, a deep nest damaged (sweep 39 X13, sweep 41 SP1b)
        data = data_files.load_json(path or _history_path(), HISTORY_BYTES)
    except (OSError, ValueError):
        return []
    if _history_damage(data):  # record_session moves it aside and says so
        return []
    return [qid for session in data.get(role, [])[-HISTORY_SESSIONS:] for qid in session]


def _history_damage(data: object) -> str | None:
    """Why `data` (history.json parsed) is not a question history, or None. The file is a JSON object: "_sessions"
    a list of session ids, each role a list of sessions, each a list of question ids (strings). A hand edit of the
    wrong types crashed every new session after its first question (sweep 43 F4: "_sessions" a number)."""
    if not isinstance(data, dict):
        return "not a JSON object"
    for key, value in data.items():
        if key == "_sessions":
            if not (isinstance(value, list) and all(isinstance(s, str) for s in value)):
                return '"_sessions" is not a list of session ids'
        elif not (isinstance(value, list)
                  and all(isinstance(s, list) and all(isinstance(q, str) for q in s) for s in value)):
            return f"{json.dumps(key[:40])} is not a list of sessions' question ids"
    return None


def record_session(role: str, session_id: str, question_ids: Sequence[str], path: Path | None = None) -> str | None:
    """Remember a session's questions once (idempotent per session id). Never fails the session (history only steers
    later plans): returns None, or one line to show saying what was done, or that the history was not updated."""
    path = path or _history_path()
    note = None
    try:
        # Read-modify-write under a lock, or concurrent sessions overwrite each other's updates.
        # never waits on a pipe there, nor locks a device (sweep 41 SP1b: a new session hung)
        fd, note = _history_lock(path.with_name("history.lock"))
        with os.fdopen(fd, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            damaged = _record(path, role, session_id, question_ids)
    except OSError as exc:
        # stop 42: a pipe as history.lock stopped the history for good without a word
        return (f"The question history {path} was not updated ({exc}), so later sessions may ask this session's "
                "questions again.")  # fmt: skip
    return " ".join(line for line in (note, damaged) if line) or None


def _history_lock(lock: Path) -> tuple[int, str | None]:
    """A descriptor of the history's lock file, and a line when a pipe, device or folder stood in its place: that
    holds no history (only its lock), so it is moved aside once and a lock file made (SpecialFileError when it
    cannot be moved)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
    try:
        return data_files.open_regular(lock, flags), None
    except data_files.SpecialFileError as exc:
        from agent.storage import aside_name

        aside = aside_name(lock)
        try:
            os.rename(lock, aside)  # opens nothing: no wait on a pipe
        except FileNotFoundError:
            pass  # another session moved it just now
        except OSError as moving:
            raise data_files.SpecialFileError(0, f"{exc.strerror}, and it could not be moved aside "
                                                 f"({moving.strerror or moving})", str(lock)) from None  # fmt: skip
        fd = data_files.open_regular(lock, flags)
        return fd, f"The question history's lock file {lock} was {exc.strerror}; it is moved aside to {aside}."


def _record(path: Path, role: str, session_id: str, question_ids: Sequence[str]) -> str | None:
    """Add the session to the history at `path` (held under its lock); a line when a damaged history was moved
    aside first (its earlier sessions no longer steer the plans, so it is said, once)."""
    note = None
    try:
        data = data_files.load_json(path, HISTORY_BYTES)
        why = _history_damage(data)
    except data_files.TooDeepError:
        why = "nested too deep"
    except ValueError:  # not JSON
        why = "not JSON"
    except OSError:  # none yet; a pipe, device or folder there is replaced by the write below
        data, why = {}, None
    if why is not None:
        from agent.storage import aside_name

        aside = aside_name(path)
        os.replace(path, aside)  # an OSError is said by record_session: the history was not updated
        data = {}
        note = (f"The question history {path} was damaged ({why}); it is moved aside to {aside} and a new one "
                "started.")  # fmt: skip
    seen = data.setdefault("_sessions", [])
    if session_id in seen:
        return note
    seen.append(session_id)
    data["_sessions"] = seen[-50:]
    data[role] = [*data.get(role, []), list(question_ids)][-HISTORY_SESSIONS:]
    write_private(path, json.dumps(data, indent=1))  # atomic: a crash never leaves half a file
    return note
