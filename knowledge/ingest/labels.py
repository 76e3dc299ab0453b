"""STAR labels in all the ways people write them (splitting a body into S/T/A/R fields lives in star.py).

Recognised: `**Situation:**`, `**Situation**:`, `**Situation** -`, `**Context.**`, `Situation -`, `Situation:`, `S:`,
`sit:`, `- **Situation**: ...` bullets and `### Situation` headings; synonyms such as Context, Goal, Outcome, Impact,
and the parts of other templates by what each part is: an A3 sheet's numbered boxes ("2 Current condition",
"5 Countermeasures", "6 Effect confirmation"), a bug report's Expected / Actual / Fix, a change request's
`### Why` / `### How` / `### Testing` / `### Rollout`.
Extra parts (Trade-offs, Lessons, Interview Hook, ...) end the current field and stay only in the full text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

STAR = ("situation", "task", "action", "result")

# fmt: off
_NAMES: dict[str, tuple[str, ...]] = {
    "situation": ("situation", "the situation", "context", "background", "setting", "s", "challenge", "sit", "ctx",
                  "the challenge", "problem", "the problem", "backstory", "the setup", "setup", "kontext",
                  "ausgangslage", "contexte", "situación", "contexto", "situação", "背景", "情境", "情况", "情景",
                  "状況", "상황", "배경",
                  # the problem as a template states it: an A3 sheet's current condition, a bug report's steps,
                  # expected and actual behaviour, a change request's reason
                  "current condition", "current state", "current situation", "steps to reproduce", "expected",
                  "actual", "expected behaviour", "expected behavior", "actual behaviour", "actual behavior",
                  "motivation", "problem statement"),
    "task": ("task", "the task", "goal", "goals", "objective", "my task", "my role", "role", "mission", "t",
             "responsibility", "obstacle", "obstacles", "aufgabe", "ziel", "tâche", "objectif", "tarea", "objetivo",
             "tarefa", "任务", "目标", "課題", "タスク", "과제", "목표", "target", "target condition", "target state"),
    "action": ("action", "actions", "the action", "actions taken", "what i did", "approach", "my approach",
               "steps", "steps taken", "solution", "act", "did", "what i did about it", "my part", "what we did",
               "my contribution", "my actions", "what i changed", "how i handled it", "how i solved it",
               "how i did it", "handlung", "maßnahmen", "vorgehen", "acción", "ação", "行动", "做法", "我的做法",
               "行動", "対応", "행동", "fix", "the fix", "debugging", "investigation", "diagnosis", "mitigation",
               # what was done, in a template's words: countermeasures, the change, its rollout
               "countermeasures",
               "countermeasure", "implementation", "changes", "changes made", "rollout", "roll-out"),
    "result": ("result", "results", "the result", "outcome", "outcomes", "impact", "results & impact",
               "result & impact", "results and impact", "what happened", "r", "res", "how it ended", "end result",
               "aftermath", "ergebnis", "résultat", "resultado", "结果", "成果", "結果", "결과",
               # how the change was shown to work: an A3's effect confirmation, a change's testing
               "effect confirmation", "effect", "effects", "confirmation", "testing", "verification",
               "validation"),
    # A heading that only announces the story format ("#### STAR") is a container, not a story title.
    "star": ("star", "star story", "star format", "star breakdown", "star version", "star notes", "the star"),
    "answer": ("answer", "a", "my answer", "star answer", "sample answer", "suggested answer", "response",
               "me", "i said", "my reply", "candidate", "答", "回答", "答案"),
    "extra": ("trade-offs", "tradeoffs", "trade-offs accepted", "tradeoffs accepted", "trade offs", "lessons",
              "lesson", "lessons learned", "lesson learned", "learnings", "learning", "what i learned",
              # a template's analysis box: it explains the problem but is neither the problem nor what was done
              # (as the situation it would cut a postmortem whose impact comes first into two stories)
              "what i took away", "took away", "root cause", "root causes", "root cause analysis", "5 whys",
              "what we found", "what i found", "findings",
              "interview hook", "hook", "key takeaway", "key takeaways", "takeaways", "takeaway", "reflection",
              "follow-ups", "follow-up questions", "likely follow-ups", "metrics", "key metrics", "tags",
              "competencies", "notes", "alternatives considered", "why it matters", "skills", "themes",
              "follow-up", "follow up", "follow-ups", "follow ups", "likely follow-up", "likely follow up",
              "possible follow-ups", "expected follow-ups", "follow-up question", "if they push", "if pushed",
              "if they push back", "if they dig", "if they probe", "if asked", "if they ask",
              "教训", "追问", "反思"),
    # Questions a story is also prepared for ("*Also answers: ...*", "**Use for:**"): links, not story text.
    "links": ("also answers", "also answer", "also use for", "also works for", "also fits", "use for", "use it for",
              "use this for", "good for", "answers", "questions this answers", "questions it answers", "maps to",
              "works for", "reuse for", "also good for", "also covers", "covers", "fits", "fits for", "use when",
              "asked as", "when asked", "questions like", "for questions like", "best for", "typical questions",
              "适用", "适用问题", "可回答"),
}
# fmt: on
# A bare "A:" is an answer; split_star reads it as Action when S:/T: letters are used alongside.
_CANON = {name: canon for canon, names in _NAMES.items() for name in names}

_QUOTE = re.compile(r"^(?:>\s?)+")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_WRAPPED = re.compile(r"^(\*\*|__|\*|_)(?P<inner>[^*_\n]{1,60}?)\1\s*(?P<rest>.*)$")
_PLAIN = re.compile(
    r"^(?P<label>[^\W\d_][\w&/' -]{0,40}?(?:\s*\([^()]{1,40}\))?)\s*(?::|\s[-–—])\s*(?P<rest>.*)$"
)
# A qualifier after the label name: "A (the mistake)", "R (consequence + lesson)", "Situation [context]".
_QUALIFIER = re.compile(r"\s*[(\[][^()\[\]]{0,40}[)\]]\s*$")
# A label alone on its line, written in capitals or closed by a colon: "SITUATION", "Result:".
_BARE = re.compile(r"^(?P<label>[^\W\d_](?:[^\W\d_]|[ &/'-]){0,30}?)\s*:?\s*$")
# A run-in label without markup, as typed in a word processor or said aloud: "Situation. In 2024 ...", "What I
# did. I ...", "Result, the fights stopped". A name of four letters or more (never "S. Jones"); after a full
# stop, a capital.
_RUN_IN = re.compile(r"^(?P<label>[^\W\d_][\w' ]{3,20}?)(?:\.\s+(?=[\"“‘(£$€]?[A-Z0-9])|,\s+(?=\w))(?P<rest>.+)$")
_SEP = re.compile(r"^(?::|=|[-–—](?=\s|$))\s*")


@dataclass(frozen=True)
class Label:
    """A label found at the start of a line: canonical name, the raw name and the text after it."""

    canon: str  # situation | task | action | result | answer | extra | links | other
    name: str
    rest: str
    bulleted: bool
    run_in: bool = False  # written without markup or a colon ("Result, the fights stopped"): see wrapped_run_in


def wrapped_run_in(lines: list[str], i: int, label: Label | None) -> bool:
    """A run-in label on a line that continues the sentence above it (hard-wrapped or OCR'd text: "... the model
    was never the" / "problem. Took me 40 min"): a word that happens to be a label name, not a label."""
    if label is None or not label.run_in or i == 0:
        return False
    above = lines[i - 1].rstrip()
    return bool(above) and (above[-1].isalnum() or above[-1] in ",;-–(")


_COMBINED = re.compile(r"(?:situation|context|background|s)\s*(?:/|&|\+|and)\s*(?:task|goal|t)")
# Emoji or symbols people put before a label in Notion ("🎯 Situation:", "✅ **Result**").
_DECOR = re.compile("^[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+\\s*")


# A template's boxes numbered as on the paper form ("1 Background", "4. Root cause", "6) Effect confirmation").
_BOX_NUMBER = re.compile(r"^\d{1,2}[.)]?\s+")
# A change request's parts, named by the question each answers: only as headings ("### Why"), where a single word
# is the whole line; a plain "How:" or "Why:" in a paragraph stays text.
_HEADED_PARTS = {"what": "action", "why": "situation", "how": "action"}


# A word, a number and (optionally) a title: the counter of an entry in a series, never a part's name.
_COUNTED = re.compile(r"^[^\W\d_]+\s+\d{1,3}\b")


@lru_cache(maxsize=2048)
def canonical(name: str) -> str | None:
    """Canonical label for a raw label name, or None."""
    key = re.sub(r"\s+", " ", _QUALIFIER.sub("", name.strip().strip(":").strip()).lower())
    key = _BOX_NUMBER.sub("", key) if _BOX_NUMBER.sub("", key) in _CANON else key
    key = re.sub(r"^(your|my|the)\s+", "", key) if key not in _CANON else key
    if key in _CANON:
        return _CANON[key]
    if key.endswith(" answer") or re.fullmatch(r"a\d{1,3}", key):  # "Director Answer", "A1"
        return "answer"
    # "Lessons from the launch" is a part; "Lesson 3 - two drivers, one bridge" is an entry's counter and its title
    if key.startswith(("trade-off", "tradeoff", "lesson")) and not _COUNTED.match(key):
        return "extra"
    if _COMBINED.fullmatch(key):  # "Situation & Task", "S/T": the opening of the story
        return "situation"
    return _bilingual(key)


_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_SCRIPT_SWITCH = re.compile(f"(?<=[{_CJK}])\\s*(?=[a-z])|(?<=[a-z])\\s*(?=[{_CJK}])|\\s*/\\s*")


def _bilingual(key: str) -> str | None:
    """A label written in two languages ("背景 Situation", "Aufgabe / Task"): the part both halves agree on."""
    parts = [p.strip() for p in _SCRIPT_SWITCH.split(key) if p.strip()]
    if len(parts) < 2 or len(parts) > 3:
        return None
    found = {_CANON.get(p) for p in parts} - {None}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8192)  # lines are re-examined per section scope; Label is immutable
def parse_label(line: str) -> Label | None:
    """The label opening `line`, if any. Unknown bold labels come back as canon "other"."""
    s = _QUOTE.sub("", line.strip())  # Notion callouts and quoted notes: "> **Situation:** ..."
    if s.startswith("|"):
        return _table_label(s)
    bullet = _BULLET.match(s)
    if bullet:
        s = s[bullet.end() :]
    heading = _HEADING.match(s)
    if heading:
        s = s[heading.end() :].strip()
    s = _DECOR.sub("", s)
    if "\uff1a" in s[:45]:  # a full-width colon ends a label in Chinese and Japanese notes: "背景：..."
        s = s.replace("\uff1a", ": ", 1)
    wrapped = _WRAPPED.match(s)
    if wrapped:
        inner, rest = wrapped.group("inner").strip(), wrapped.group("rest")
        if inner.endswith((":", " -", " –", " —")):
            name = inner.rstrip(":-–— ")
        elif inner.endswith(".") and canonical(inner[:-1]) is not None:
            name = inner[:-1]  # "**Context.** text" (Google Docs run-in heads): only for a known label name
        elif _SEP.match(rest):
            name, rest = inner, _SEP.sub("", rest, count=1)
        elif heading or not rest.strip():
            name = inner
        elif canonical(inner) in (*STAR, "answer") and rest[:1].isupper():
            name = inner  # "**S** We had ...": a bold STAR name run in before a sentence (word processors)
        else:
            return None
        canon = canonical(name)
        if canon is None:
            if len(name.split()) > 5 or not name:
                return None
            canon = "other"
        return Label(canon, name, rest.strip(), bool(bullet))
    if heading:
        canon = canonical(s) or _HEADED_PARTS.get(s.lower())
        return Label(canon, s, "", bool(bullet)) if canon else None
    plain = _PLAIN.match(s.lstrip("*_") if s[:1] in "*_" and s[1:2] not in "*_" else s)  # "*Also answers: ..."
    if plain:
        canon = canonical(plain.group("label"))
        if canon:
            return Label(canon, plain.group("label"), plain.group("rest").strip(), bool(bullet))
    run_in = _RUN_IN.match(s)
    if run_in and not bullet and canonical(run_in.group("label")) in STAR:
        return Label(canonical(run_in.group("label")) or "", run_in.group("label"), run_in.group("rest"), False, True)
    bare = _BARE.match(s)
    if bare and not bullet and (s.isupper() or s.endswith(":")):
        canon = canonical(bare.group("label"))
        if canon and len(bare.group("label")) > 1:
            return Label(canon, bare.group("label"), "", False)
    return None


def short_name(label: Label) -> str:
    """The label's name without qualifiers, lower-case: "A (the mistake)" -> "a"."""
    return _QUALIFIER.sub("", label.name.strip()).strip().lower()


def _table_label(row: str) -> Label | None:
    """`| Situation | text |`: a story written as a two-column table (Confluence, Notion databases)."""
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    if len(cells) < 2:
        return None
    name = re.sub(r"\*\*|__", "", cells[0]).strip().rstrip(":").strip()
    canon = canonical(name) if name else None
    if canon is None or canon == "answer":
        return None
    rest = " ".join(c for c in cells[1:] if c).replace("<br>", " ")
    return Label(canon, name, rest, False)
