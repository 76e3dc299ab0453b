"""Compiled patterns that run only the alternatives whose literals are in the text.

Many critic patterns are long case-blind alternations led by `\\b` (`\\b(?:because|so that|since|...)`): Python's re
cannot use its fast first-character scan for them, so a search tries every alternative at every position of the
text. `screened(pattern)` splits the pattern once into its top-level alternatives (a non-capturing group that is a
whole alternative is opened up: `(?:a|b)|c` is `a|b|c`) and reads from each one's parse tree its anchors: literal
strings of which every match of that alternative holds one. On a call, an alternative none of whose anchors is in the
text cannot match anywhere in it, so it is left out: the alternatives that remain, in their order, find exactly what
the whole pattern finds (the same leftmost match, the same alternative preferred at each position). None left: no
match without running the engine; a call that reads every match runs the whole pattern when any is left. The anchors
come from the pattern, so editing a pattern keeps its screen exact; an alternative needing no literal (`\\d+`) always
stays. A pattern with one alternative and a `\\b(?:...)` group is opened up too, the boundary (and what follows the
group) shared out to each alternative of the group, which keeps the order re tries them in.

Only patterns without capturing groups are split (group numbers would shift); others run as they are. Case-blind
patterns are screened on a fold of the text that maps every character re's IGNORECASE equates with an ASCII letter
onto that letter (the four non-ASCII ones are listed; tests/test_pattern_screen.py checks all of Unicode), and
anchors keep to ASCII.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

__all__ = [
    "RE_CASE_ALIASES",
    "ScreenedPattern",
    "alternatives",
    "anchors",
    "case_blind_screen",
    "may_match",
    "screened",
]

# re's own parser (private, hence loaded by name, typed Any), as knowledge.cue_patterns reads it.
_parser: Any = importlib.import_module("re._parser")
# The non-ASCII characters re's IGNORECASE matches to an ASCII letter (dotted and dotless I, long s, Kelvin sign).
RE_CASE_ALIASES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans(RE_CASE_ALIASES)


def fold(text: str) -> str:
    """`text` as case-blind anchors are looked up in: lower case, re's case aliases of ASCII letters made ASCII."""
    return text.translate(_FOLD).lower()


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """Each `(`, `)` and `|` of a pattern's source outside escapes and sets, with its offset and the nesting depth
    after it."""
    depth, i, n = 0, 0, len(source)
    while i < n:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a set: "]" right after "[" or "[^" is a member
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield i, char, depth
        i += 1


def _split(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source, as written."""
    parts: list[str] = []
    start = 0
    for i, char, depth in _structure(source):
        if char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source, opened up where that keeps the order in which re tries
    them: a non-capturing group that is a whole alternative (`(?:a|b)|c` is `a|b|c`), and one led by nothing but a
    word boundary, which is shared out (`\\b(?:a|b)\\b` is `\\b(?:a)\\b|\\b(?:b)\\b`: at each position re tries a with
    what follows, then b with what follows, either way)."""
    out: list[str] = []
    for part in _split(source):
        lead = "\\b" if part.startswith("\\b(?:") else "" if part.startswith("(?:") else None
        zeros = _depth_zeros(part[len(lead) :]) if lead is not None else []
        if lead is None or not zeros:
            out.append(part)
            continue
        close = len(lead) + zeros[0]
        inner, rest = _split(part[len(lead) + 3 : close]), part[close + 1 :]
        if len(inner) < 2 or rest[:1] in ("*", "+", "?", "{"):  # a repeated group: not opened
            out.append(part)
        elif not lead and not rest:
            out.extend(alternatives("|".join(inner)))
        else:
            out.extend(f"{lead}(?:{alt}){rest}" for alt in inner)
    return out


def _depth_zeros(part: str) -> list[int]:
    """Offsets where the nesting depth of `part` returns to zero."""
    return [i for i, char, depth in _structure(part) if char == ")" and depth == 0]


def _needs(items: Any) -> frozenset[str] | None:
    """Strings of which every match of the parsed sequence `items` holds one, or None when none is known."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and chr(arg).isascii():
            run.append(chr(arg))
            continue
        close()
        need: frozenset[str] | None = None
        if name == "SUBPATTERN" and not arg[1] and not arg[2]:  # a group with flags of its own: not read
            need = _needs(arg[-1])
        elif name == "BRANCH":
            alts = [_needs(alt) for alt in arg[1]]
            need = None if any(a is None for a in alts) else frozenset(s for a in alts if a for s in a)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            need = _needs(arg[2])
        elif name == "ATOMIC_GROUP":
            need = _needs(arg)
        if need:
            options.append(need)
    close()
    if not options:
        return None
    return max(options, key=lambda need: min(len(s) for s in need))  # the most selective: longest shortest string


def anchors(source: str, flags: int) -> frozenset[str] | None:
    """The anchors of one alternative (folded when case-blind), or None when it needs no literal."""
    need = _needs(_parser.parse(source, flags))
    if need is None:
        return None
    return frozenset(fold(s) for s in need) if flags & re.IGNORECASE else need


class ScreenedPattern:
    """A re.Pattern whose search, match, fullmatch, finditer and findall run only the alternatives whose anchors are
    in the text (a pos or endpos narrows the text searched, never widens it, so the whole text's screen holds).

    search and match run each remaining alternative on its own and keep the leftmost match, the
    earlier alternative on a tie: what the alternation finds, since re tries the alternatives in order at each
    position. fullmatch, finditer and findall run the whole pattern when any alternative remains."""

    __slots__ = ("_all", "_alts", "_blind", "pattern_obj")

    def __init__(self, pattern: re.Pattern[str], alts: list[tuple[str, tuple[str, ...] | None]]) -> None:
        self.pattern_obj = pattern
        self._alts = [(re.compile(source, pattern.flags), needs) for source, needs in alts]
        self._blind = bool(pattern.flags & re.IGNORECASE)
        # Every anchor, when every alternative has some: one of them in the text is needed for any match.
        self._all = None if any(needs is None for _, needs in alts) else tuple({a for _, n in alts for a in n or ()})

    def _kept(self, text: str) -> list[re.Pattern[str]]:
        """The alternatives that can match in `text`, in order."""
        hay = _folded(text) if self._blind else text
        return [alt for alt, needs in self._alts if needs is None or any(a in hay for a in needs)]

    def _whole(self, text: str) -> re.Pattern[str] | None:
        """The whole pattern when some alternative can match in `text`, else None (no match)."""
        if self._all is None:
            return self.pattern_obj
        hay = _folded(text) if self._blind else text
        return self.pattern_obj if any(a in hay for a in self._all) else None

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for alt in self._kept(text):
            found = alt.search(text, *args)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return next((m for alt in self._kept(text) if (m := alt.match(text, *args)) is not None), None)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        p = self._whole(text)
        return None if p is None else p.fullmatch(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        p = self._whole(text)
        return iter(()) if p is None else p.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        p = self._whole(text)
        return [] if p is None else p.findall(text, *args)

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, sub, split ...: the whole pattern's own
        return getattr(self.pattern_obj, name)


@lru_cache(maxsize=64)
def _folded(text: str) -> str:
    """fold(text), kept for the few texts of a turn, which every screened pattern reads again."""
    return fold(text)


def screened(pattern: re.Pattern[str]) -> Any:
    """`pattern` with its alternatives screened, or `pattern` itself when no alternative can be left out (capturing
    groups, a verbose pattern, one alternative needing no literal). Typed Any: it is used as a re.Pattern."""
    if pattern.groups or pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return pattern
    try:
        parts = alternatives(pattern.pattern)
        alts = [(part, anchors(part, pattern.flags)) for part in parts]
        if re.compile("|".join(parts), pattern.flags).groups != pattern.groups:
            return pattern
    except re.error:  # an alternative that does not stand alone (a global inline flag): run the whole pattern
        return pattern
    if all(needs is None for _, needs in alts):
        return pattern
    return ScreenedPattern(pattern, [(part, None if n is None else tuple(sorted(n))) for part, n in alts])


def case_blind_screen(source: str) -> tuple[tuple[str, ...], ...] | None:
    """The anchors of each top-level alternative of the case-blind pattern `source`, or None when some alternative
    needs no literal or the source does not parse as re reads it (then it cannot be screened)."""
    try:
        alts = [anchors(part, re.IGNORECASE) for part in alternatives(source)]
    except Exception:  # re.error, or a shape re's parser does not take: no screen, the pattern always runs
        return None
    if any(needs is None for needs in alts):
        return None
    return tuple(tuple(sorted(needs)) for needs in alts if needs is not None)


def may_match(screen: tuple[tuple[str, ...], ...], text: str) -> bool:
    """False when no alternative of a case-blind pattern screened by `case_blind_screen` can match in `text`."""
    hay = _folded(text)
    return any(a in hay for needs in screen for a in needs)
