"""Role packs: the questions and competency weights for one role, loaded from YAML.

`load_role("director")` loads a bundled pack (knowledge/roles/director.yaml); `load_role("my-role.yaml")` loads a
user's own file in the same shape. Every pack is validated before use, so a typo in a custom file fails at start-up
with one line naming the file and the problem, not later in the middle of an interview.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.competencies import COMPETENCIES  # re-exported: the vocabulary bundled packs use
from knowledge.cue_patterns import pattern_problem
from knowledge.models import Question, RolePack, slugify
from knowledge.paths import link_problem, roles_dir
from prompts import fields

__all__ = [
    "COMPETENCIES",
    "RoleFileError",
    "UnknownRoleError",
    "available_roles",
    "load_role",
    "parse_role",
    "shared_role",
]

# Variables the interviewer fills in (agent/nodes/lines.py): the opening also gets the number of questions.
TEMPLATE_FIELDS = {"opening": frozenset({"role_title", "count"}), "closing": frozenset({"role_title"})}
MAX_NODES = 200_000  # YAML values in a role file, aliases expanded; a large pack has a few thousand
MAX_BYTES = 2_000_000  # the bundled packs are ~20 KB; parsing 60 MB took 38 s and 211 MB before any check
_PACK_KEYS = frozenset(RolePack.model_fields) - {"source"}
_QUESTION_KEYS = frozenset(Question.model_fields) - {"source", "line"}


class UnknownRoleError(ValueError):
    """The name is neither a bundled role nor a path to a role file."""


class RoleFileError(ValueError):
    """A role file is missing, not valid YAML, or not a valid role pack."""


def available_roles() -> list[str]:
    """Names of the bundled role packs, sorted."""
    return sorted(p.stem for p in roles_dir().glob("*.yaml"))


def load_role(name_or_path: str) -> RolePack:
    """The role pack for a bundled role name or a path to a .yaml/.yml file (a fresh copy each call)."""
    # Copy so a caller that reorders or trims questions never changes the cached pack.
    return shared_role(name_or_path).model_copy(deep=True)


def shared_role(name_or_path: str) -> RolePack:
    """The same pack as load_role, but the cached object itself: for callers that only read it (the planner, a
    role check at start). The deep copy costs ~15 ms of CPU per call, twice per session start."""
    path = _resolve(str(name_or_path).strip())
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise RoleFileError(f"{path}: cannot read role file ({exc.strerror or exc})") from None
    return _load_cached(path, mtime)


def _resolve(name: str) -> Path:
    """The file behind a role name or path; raise UnknownRoleError listing the bundled roles."""
    roles = available_roles()
    key = slugify(name, max_len=80) if name else ""
    if key in roles and not name.lower().endswith((".yaml", ".yml")):
        return roles_dir() / f"{key}.yaml"
    path = Path(name).expanduser()
    if path.suffix.lower() in (".yaml", ".yml"):
        if not path.is_file():
            problem = link_problem(path)
            if not problem and path.exists():  # a folder, a FIFO, a device: "not found" misleads (sweep 38 RF5)
                problem = "is a folder, not a role file" if path.is_dir() else "is not a regular file, not a role file"
            raise RoleFileError(f"{path}: {problem}" if problem else f"{path}: role file not found")
        return path.resolve()
    if "/" in name and (problem := link_problem(path)):  # a path the candidate gave, not a name (sweep27 S16)
        raise RoleFileError(f"{name}: {problem}")
    prefixed = [r for r in roles if len(key) >= 3 and r.startswith(key)]
    if len(prefixed) == 1:  # a unique prefix ("senior", "eng") is unambiguous; one letter is a typo
        return roles_dir() / f"{prefixed[0]}.yaml"
    raise UnknownRoleError(
        f"unknown role {name!r}; available roles: {', '.join(roles)} (or give a path to a .yaml role file)"
    )


@cache
def _load_cached(path: Path, mtime_ns: int) -> RolePack:
    """Parse and validate one file; keyed on mtime so an edited custom file is re-read."""
    del mtime_ns  # part of the cache key only
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RoleFileError(f"{path}: {size / 1e6:.0f} MB is too large for a role file (at most "
                                f"{MAX_BYTES / 1e6:.0f} MB; the bundled packs are about 20 KB)")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        from knowledge.safe_text import where_not_utf8

        raise RoleFileError(f"{path}, {where_not_utf8(bytes(exc.object), exc.start)}") from None
    return parse_role(text, path)


def parse_role(text: str, path: Path) -> RolePack:
    """Validate the YAML text of a role pack; `path` names the file in errors and sets the default name."""
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            _check_size(node, path)
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RoleFileError(f"{path}: invalid YAML{where}: {problem}") from None
    if not isinstance(raw, dict):
        raise RoleFileError(f"{path}: expected a mapping with name, title, competencies and questions")
    return _build_pack(raw, node, path)


def _check_size(node: yaml.Node | None, path: Path) -> None:
    """Refuse a document whose aliases expand it beyond MAX_NODES (a "billion laughs" file would otherwise
    take minutes and all memory once a value is turned into text); counts without recursion."""
    stack = [node] if node is not None else []
    seen = 0
    while stack:
        current = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            raise RoleFileError(f"{path}: too large once its YAML aliases are expanded (over {MAX_NODES:,} values)")
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]


def _build_pack(raw: dict[str, Any], node: yaml.Node | None, path: Path) -> RolePack:
    """Check keys, fill defaults and cross-field rules, then validate with pydantic."""
    unknown = sorted(set(map(str, raw)) - _PACK_KEYS)
    if unknown:
        raise RoleFileError(f"{path}: unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(_PACK_KEYS))}")
    name = str(raw.get("name") or path.stem)
    data = {**raw, "name": name, "title": raw.get("title") or name.replace("-", " ").title(), "source": str(path)}
    competencies = data.get("competencies")
    if not isinstance(competencies, dict) or not competencies:
        raise RoleFileError(f"{path}: 'competencies' must be a non-empty mapping of name: weight")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise RoleFileError(f"{path}: 'questions' must be a non-empty list")
    lines = _question_lines(node)
    data["questions"] = [_question_data(q, i, lines, name, path) for i, q in enumerate(questions)]
    try:
        pack = RolePack.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise RoleFileError(f"{path}: {loc}: {err['msg']}") from None
    _check_pack(pack, lines, path)
    return pack


def _question_data(q: Any, i: int, lines: list[int | None], pack: str, path: Path) -> dict[str, Any]:
    """One question's fields with defaults (id from the text, source = pack name, line in the file)."""
    line = lines[i] if i < len(lines) else None
    where = f"questions[{i}]" + (f" (line {line})" if line else "")
    if not isinstance(q, dict) or not str(q.get("text") or "").strip():
        raise RoleFileError(f"{path}: {where}: each question needs at least a 'text'")
    unknown = sorted(set(map(str, q)) - _QUESTION_KEYS)
    if unknown:
        raise RoleFileError(f"{path}: {where}: unknown key(s) {', '.join(unknown)}")
    return {**q, "id": str(q.get("id") or slugify(str(q["text"]))), "source": pack, "line": line}


def _check_pack(pack: RolePack, lines: list[int | None], path: Path) -> None:
    """Rules pydantic cannot see: positive weights, unique ids, known competencies, template fields."""
    for comp, weight in pack.competencies.items():
        if weight <= 0:
            raise RoleFileError(f"{path}: competency {comp!r} has weight {weight}; weights must be > 0")
    seen: set[str] = set()
    for i, q in enumerate(pack.questions):
        where = f"question {q.id!r}" + (f" (line {lines[i]})" if i < len(lines) and lines[i] else "")
        if q.id in seen:
            raise RoleFileError(f"{path}: {where}: duplicate question id")
        seen.add(q.id)
        if q.competency not in pack.competencies:
            raise RoleFileError(
                f"{path}: {where}: competency {q.competency!r} is not in the pack's competencies "
                f"({', '.join(pack.competencies)})"
            )
    _check_cues(pack, path)
    for key, allowed in TEMPLATE_FIELDS.items():
        try:
            extra = fields(getattr(pack, key)) - allowed
        except ValueError as exc:  # e.g. a lone "{" in the text
            raise RoleFileError(f"{path}: {key}: {exc}") from None
        if extra:
            known = ", ".join(f"{{{name}}}" for name in sorted(allowed))
            raise RoleFileError(f"{path}: {key} uses unknown variable(s) {', '.join(sorted(extra))}; "
                                f"only {known} can be filled in")


def _check_cues(pack: RolePack, path: Path) -> None:
    """Each level cue compiles and cannot backtrack without end: checked here, so a bad pattern in a shared file is
    one line at start rather than an error or a frozen critic after the candidate's first answer (sweep 37 H26)."""
    if pack.level is None:
        return
    for key in ("at", "below", "led_by_other", "given_part", "entry"):
        for i, cue in enumerate(getattr(pack.level, key)):
            if problem := pattern_problem(cue.pattern):
                raise RoleFileError(f"{path}: level.{key}[{i}]: pattern {cue.pattern!r} {problem}")


def _question_lines(node: yaml.Node | None) -> list[int | None]:
    """1-based line of each item under `questions:`, for error messages and Question.line."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if getattr(key, "value", None) == "questions" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []
