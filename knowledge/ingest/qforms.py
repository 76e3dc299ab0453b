"""Questions written without a "Q:" label, rewritten as one so the Q/A reader sees them (same line count):

- a quoted question, `> Tell me about a time you ...` (one or a few `>` lines);
- a numbered or bulleted question directly followed by a STAR block or an answer label
  (`3. Describe a conflict with a peer.` then `**S:** ...`), or a plain line that asks one over an answer label
  (`How do you handle X? A real case please.` then `MY ANSWER ->`).

- a quoted numbered prompt answered inline below it, as in a reply to a recruiter's prep guide
  (`> 3. A process you fixed that nobody owned.` then the candidate's own unquoted paragraph).

A quote inside a story ("> Why did nobody see it?") does not ask the candidate anything and is left alone.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.questions import PROMPT, clean, is_question_like, question_line

_QUOTE = re.compile(r"^\s{0,3}>\s?(?P<text>.*)$")
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])\s+(?P<text>.+)$")
_ADDRESSED = re.compile(r"\byou(?:r|rs|rself|'re|'ve|'d)?\b", re.IGNORECASE)
_OPENS_ANSWER = {"situation", "task", "action", "result", "answer", "star"}


# Cheap pre-test on a raw line: most lines neither hold a "?" nor open like a prompt.
_PROMPTISH = re.compile(r"^[\s>*_\-+\d.)]*\W{0,4}(?:tell|describe|walk|give|explain|design)\b", re.IGNORECASE)


def maybe_asks(line: str) -> bool:
    return "?" in line or bool(_PROMPTISH.search(line))


def asks(text: str) -> bool:
    """An interview question: an imperative prompt, or a question to "you"."""
    if len(text.split()) < 4 or not is_question_like(text) or re.search(r"→|->|\.\.\.|…", text):
        return False
    return bool(PROMPT.match(text)) or (text.endswith("?") and bool(_ADDRESSED.search(text)))


def rewrite(lines: list[str], i: int) -> None:
    """Rewrite lines[i] (and a quote's continuation lines) in place when it is one of the forms above."""
    quoted = _QUOTE.match(lines[i])
    if quoted and not (i and _QUOTE.match(lines[i - 1]) and lines[i - 1].strip(" >")):
        _quoted(lines, i, quoted.group("text"))
        return
    bullet = _BULLET.match(lines[i])
    if bullet and _answer_follows(lines, i, len(bullet.group("indent"))):
        text = clean(bullet.group("text"))
        explicit = question_line(text)
        if explicit or asks(text):
            lines[i] = f"Q: {explicit[0] if explicit else text}"
        return
    plain = _PLAIN.match(lines[i]) and maybe_asks(lines[i]) and question_line(lines[i]) is None
    if plain and _answer_follows(lines, i, 0, _PLAIN_REACH, _ANSWER_ONLY):
        text = clean(lines[i])
        if asks(text) or ("?" in text and _ADDRESSED.search(text) and len(text.split()) >= 4):
            lines[i] = f"Q: {text}"


def _quoted(lines: list[str], i: int, first: str) -> None:
    parts, j = [first.strip()], i + 1
    while j < len(lines) and j < i + 4 and (more := _QUOTE.match(lines[j])) and more.group("text").strip():
        parts.append(more.group("text").strip())
        j += 1
    if parse_label(parts[0]) is not None and not question_line(parts[0]):
        return  # "> **Situation:** ..." is a story written in a callout
    text = clean(" ".join(parts))
    explicit = question_line(text)
    if explicit or (asks(text) and j - i <= 3) or _answered_inline(lines, parts[0], j):
        lines[i] = f"Q: {explicit[0] if explicit else text}"
        for k in range(i + 1, j):
            lines[k] = ""


_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+\S")
# A question on a line of its own, no markup: a copied page's question over the candidate's "MY ANSWER" label (a
# site's button blanked between them: boilerplate.py), read like a bulleted one.
_PLAIN = re.compile(r"^[A-Z][^#|>*_`\n]{10,300}$")
_PLAIN_REACH = 3
# Only an answer's label: a plain line over "**Action:**" is a story's task written as an imperative.
_ANSWER_ONLY = frozenset({"answer"})
_ANSWER_CHARS = 60  # an inline answer says something: a sentence at least, not "ok" or "will do"


def _answered_inline(lines: list[str], first: str, after: int) -> bool:
    """A numbered prompt of a few words, quoted, with an unquoted paragraph of the reader's own under it."""
    if not _NUMBERED.match(first) or len(first.split()) < 5:
        return False
    j = after
    while j < len(lines) and j < after + 2 and not lines[j].strip():
        j += 1
    said = 0
    while j < len(lines) and lines[j].strip() and not _QUOTE.match(lines[j]) and not lines[j].lstrip().startswith("#"):
        said += len(lines[j].strip())
        j += 1
    return said >= _ANSWER_CHARS


def _answer_follows(
    lines: list[str], i: int, indent: int, reach: int = 2, opens: frozenset[str] = frozenset(_OPENS_ANSWER)
) -> bool:
    """The next non-blank line (within `reach`) opens a STAR part or an answer (`opens`), not nested deeper."""
    for j in range(i + 1, min(i + 1 + reach, len(lines))):
        if not lines[j].strip():
            continue
        if len(lines[j]) - len(lines[j].lstrip()) > indent + 1:
            return False  # nested under the bullet: a toggle, read by the Q/A reader as it is
        label = parse_label(lines[j])
        return label is not None and label.canon in opens
    return False
