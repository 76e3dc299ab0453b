"""Drift by meaning: which figure of a told story each figure of the answer restates, and whether it agrees.

Figures are paired by what they measure (dimension: %, time, money, ratio, a count of a noun, a rate per period;
the noun they qualify; their phase: before, after, a change, a delta), never by position. Rounding is not drift:
"about 85%" restates 85%, "roughly 40%" restates 41%, "$290K" restates $287K; "two days" restates 48 hours.
A figure that agrees with any figure of the story of the same dimension is a faithful restatement, wherever it sits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import pairwise

from agent.critic.base_nouns import with_families
from agent.critic.text import STOPWORDS, stem, words
from knowledge.metric_context import CONTRAST
from knowledge.metric_units import MEASURE_UNITS, SECONDS, TIME_UNITS
from knowledge.metrics import RANGE_TEXT, cent_shares, extract_metrics, named_scores, said_ranges, word_durations
from knowledge.models import Metric
from knowledge.number_words import WORD_NUMBER, word_value

# Past forms the suffix stemmer cannot reach: notes write "22 sessions run", an answer "we ran 50 sessions".
_IRREGULAR = {"ran": "run", "led": "lead", "grew": "grow", "built": "build", "wrote": "write", "took": "take",
              "gave": "give", "made": "make", "brought": "bring", "bought": "buy", "sold": "sell", "spent": "spend",
              "held": "hold", "kept": "keep", "won": "win", "cut": "cut", "went": "go", "gone": "go"}  # fmt: skip
_DOUBLED = re.compile(r"([bdgmnprt])\1$")


@lru_cache(maxsize=8192)
def _root(word: str) -> str:
    """One stem for the forms of a word the suffix stemmer leaves apart: "logging" (logg), "logs" and "log"; "hired",
    "hires" and "hire"; "ran" and "run"."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    s = stem(word)
    if s == word[:8] and len(word) <= 6 and not word.endswith(("ss", "us", "is")):  # short words the stemmer keeps
        s = next((word[: -len(x)] for x in ("ing", "ed", "es", "s") if word.endswith(x) and len(word) - len(x) >= 3), s)
    if len(s) >= 4 and _DOUBLED.search(s):
        s = s[:-1]  # "logg", "runn", "shipp": the consonant doubled before -ing/-ed
    return s[:-1] if len(s) >= 4 and s.endswith("e") else s  # "hire" and "hir(ed)", "store" and "stor(es)"


# A rate's period: "a week", "per day", "/min", "monthly"; "within a year" is a window, not a rate.
_PERIOD = re.compile(
    r"^(?:(?:a|an|per|each|every)\s+(second|minute|hour|day|week|month|quarter|year)\b|/(\w+)"
    r"|(dai|week|month|quarter|year)l[yi])",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"(?:~|\b(?:about|around|roughly|nearly|almost|approximately|approx\.?|some|close to|just over|just under|"
    r"over|under|more than|less than|upwards of|north of|at least|at most|up to)\s+)(?:[$€£]\s?)?$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)
# "over a week" for 9 days is a bound said out loud: it restates any value from the bound up to half again.
_LOWER = re.compile(r"\b(?:over|more than|upwards of|north of|at least|just over|well over)\s+(?:[$€£]\s?)?$", re.I)
# "up to" after a verb of moving ("was back up to 99.95%", "went up to 40") is where a change ended, not a bound.
_UPPER = re.compile(
    r"\b(?:under|less than|at most|(?<!back )(?<!went )(?<!came )(?<!rose )(?<!climbed )(?<!jumped )(?<!moved )"
    r"(?<!grew )(?<!ramped )(?<!shot )(?<!way )up to|just under|below)\s+(?:[$€£]\s?)?$",
    re.I,
)
_BOUND_SPAN = 1.5
_CHANGE_END = re.compile(
    r"(?:\bto|->|→)\s+(?:under|less than|at most|below|over|more than|at least|upwards of)\s",
    re.IGNORECASE,
)
# Words that relate a figure to others rather than qualify it ("across 12 services", "later adopted by 40").
_RELATIONS = frozenset(map(_root, ("across", "among", "between", "later", "earlier", "since", "before", "after",
                                   "each", "every", "other")))  # fmt: skip
_HEDGED_FROM = re.compile(r"from\s+(?:about|around|roughly|nearly|almost|~)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_BASE_SENTENCES = 3  # how far back "cut that by 45%" reaches for the level it changes
_CONTEXT = 50  # characters either side of a figure that describe it when its noun is not named
_CROSSED_SCALE = 10.0  # the most two figures named only through each other's sentence may differ by
_SENTENCE_REACH = 300  # how far back a figure's sentence is read for what it is said of (_crossed)
_CONTRAST = re.compile(CONTRAST, re.IGNORECASE)
_CONTRAST_GAP = 40  # "$640k build vs $220k license": at most this many characters between the two figures
# A count of people who voiced a view ("two senior engineers argued", "three of them objected"): who said what, never
# the size of a team, so it is compared only with a figure said of the same people (pair's qualifier).
_VOICED = re.compile(
    r"\s*(?:(?:of\s+)?(?:them|us|the\s+\w+|our\s+\w+)\s+)?(?:\w+\s+){0,2}?(?:argued|objected|disagreed|pushed back|"
    r"complained|warned|insisted|worried|questioned|resisted|opposed|protested|voted|sided|told (?:me|us|him|her)|"
    r"said|raised (?:a |the )?(?:concerns?|objections?|doubts?))\b",
    re.IGNORECASE,
)
# How long something waited ("their requests sat in our queue for 4 to 6 weeks", "tickets sat in the backlog for a
# month", "emails waited 2 days"): a wait is its own quantity, compared with a wait of the notes only, never with how
# long the work took or the timeline someone proposed ("move every team over within 2 quarters").
_WAITED = re.compile(
    r"(?:\b(?:wait(?:s|ed|ing)?|queu(?:e|es|ed|ing)|sat|sitting|stuck|pending|blocked|behind)\b(?:[^.!?;]{0,40}\bfor)?"
    r"|\bwait(?:ing)? (?:time )?of)\s+(?:about |around |roughly |nearly |almost |~)?$",
    re.IGNORECASE,
)
_WAIT_NOUNS = frozenset(map(_root, ("wait", "waiting", "queue", "queued", "backlog")))
# How long the work took, said before the duration: "shipped in 4 wks", "took us five weeks", "done within 2 months".
_TOOK = re.compile(
    r"\b(?:(?:shipped|delivered|launched|done|finished|built|rolled out|live|completed)\s+(?:it\s+)?(?:in|within)"
    r"|took(?:\s+(?:us|me|the team))?)\s+(?:about\s+|around\s+|roughly\s+|just\s+|only\s+|~)?$",
    re.IGNORECASE,
)
# A sentence or list item ends: not the dot of "est. 6 months", nor a line wrapped inside a sentence.
_FULL_STOP = re.compile(r"[.!?](?=\s+[A-Z])|\n\s*(?:\n|[-*•]|\d+[.)])")


@dataclass(frozen=True)
class Figure:
    """One metric, normalised for comparison."""

    metric: Metric
    dim: str
    before: float | None
    after: float | None
    phase: str
    noun: frozenset[str]
    context: frozenset[str]
    hedged: bool
    held: bool = False  # a duration read out of another figure's timeframe ("in 8 weeks")
    unit: str = ""
    bound: str = ""  # "lower" for "over a week", "upper" for "under 2 seconds": a bound, not a value
    own: frozenset[str] = frozenset()  # the context words of the figure's own sentence (what it is said of)
    base: tuple[str, float] | None = None  # a relative change's starting level (dimension, value): "cut 45%" of $200k
    versus: tuple[str, int] | None = None  # ("left" | "right", index of the other figure) in "X vs Y", "X instead of Y"
    per: str = ""  # the period a figure is said per ("$40k a year" -> "year"), whatever its dimension
    span: tuple[float, float] | None = None  # a range said ("2-3 hours"): its ends, on the common scale
    voiced: bool = False  # a count of people who voiced a view ("two engineers objected"), not a head count
    waited: bool = False  # a duration something waited (_WAITED), not how long work took or a proposed timeline
    whole: float | None = None  # the whole of a share said as a part of it ("2 of 7" -> 7)
    took: bool = False  # a duration the work took, said on its own ("shipped in 4 wks", "took 5 weeks")
    sentence: frozenset[str] = frozenset()  # the words of the figure's whole sentence (up to _SENTENCE_REACH back)
    worked: bool = False  # a duration said as the length of the work (_work_length), not of a state or a horizon
    what: frozenset[str] = frozenset()  # what a share is of, named right after it: "35% discount", "25% util"


def content_stems(text: str) -> list[str]:
    """Stems of the content words, two-letter names kept ("CI", "QA": they often name what a figure measures)."""
    return list(_stems(text))


@lru_cache(maxsize=4096)
def _stems(text: str) -> tuple[str, ...]:
    # Cached: a told story's figures and an answer's are described from the same few windows of text, turn after turn.
    return tuple(_root(w) for w in words(text.lower()) if w not in STOPWORDS and len(w) >= 2)


@lru_cache(maxsize=4096)
def _named(text: str) -> frozenset[str]:
    """content_stems of `text`, with the marker of every base family one of its words names (the family table is
    keyed by the plain stems)."""
    plain = [stem(w) for w in words(text.lower()) if w not in STOPWORDS and len(w) >= 2]
    return frozenset(content_stems(text)) | (with_families(plain) - frozenset(plain))


def _per(m: Metric) -> str:
    """The period `m` is said per ("a year", "monthly"), or ""."""
    period = _PERIOD.match((m.timeframe or "").strip())
    if period is None:
        return ""
    name = (period.group(1) or period.group(2) or period.group(3) or "").lower().rstrip("s")
    # "$1.2M/yr" and "$1.2M a year" are said per the same period
    return {"dai": "day", "yr": "year", "wk": "week", "mo": "month", "qtr": "quarter", "hr": "hour", "d": "day",
            "min": "minute", "sec": "second"}.get(name, name)  # fmt: skip


def _span(m: Metric, factor: float) -> tuple[float, float] | None:
    """The ends of a range the metric says ("2-3 hours", "two to three hours"), scaled by `factor`."""
    found = RANGE_TEXT.match(m.text) if m.baseline is None else None
    if found is None:
        return None
    ends = []
    for raw in (found["a"], found["b"]):
        if raw[0].isdigit():
            ends.append(float(raw))
        elif WORD_NUMBER.fullmatch(raw):
            ends.append(word_value(raw))
        else:
            return None
    low, high = ends
    return (low * factor, high * factor) if low < high else None


def _dim(m: Metric) -> tuple[str, float]:
    """(dimension, factor to a common scale) of a metric."""
    unit = m.unit
    if unit in TIME_UNITS:
        return "time", SECONDS[unit]
    if unit in ("%", "pp"):
        return "%", 1.0
    if unit in ("$", "€", "£", "x", "bps"):
        return unit, 1.0
    if unit in ("cents", "cent"):  # "35 cents" is $0.35 (or €0.35): money said in its smaller unit
        return "cents", 0.01
    if unit.startswith("per "):
        return "rate:" + unit[4:], 1.0
    per = _per(m)
    if per and unit not in MEASURE_UNITS:  # "45 pages a week" measures the same thing as "12 a week"
        return "rate:" + per, 1.0
    return "count", 1.0


def _said_before(text: str, start: int, reach: int, wrapped: bool = False) -> str:
    """The sentence of the figure at `start`, from its beginning up to the figure, read at most `reach` characters
    back. A newline ends it (a note's line or bullet is its own statement: what a figure waited or is said of stops
    there), except with `wrapped`: how long the work "took us" is read across a line wrapped inside a spoken sentence.
    The difference is on purpose (drift43: "took us" then the figure on the next line)."""
    said = text[max(0, start - reach) : start]
    if wrapped:
        said = said.replace("\n", " ")
    ends = list(_SENTENCE_END.finditer(said))
    return said[ends[-1].end() :] if ends else said


def figure(text: str, m: Metric, held: bool = False, lead: str | None = None) -> Figure:
    """A metric of `text` with what it measures, ready to compare; `lead` is the text said right before it when
    that is not the text before `m.start` (a duration held in a timeframe: "over five months")."""
    dim, factor = _dim(m)
    before, after = (m.baseline, m.after) if m.baseline is not None else (None, m.value)
    before, after = (None if v is None else v * factor for v in (before, after))
    counted = dim == "count" or dim.startswith("rate")
    voiced = dim == "count" and before is None and bool(_VOICED.match(text, m.end))
    # "count" is the extractor's word for a bare number's unit ("14 -> 40"), not a thing counted
    noun = _named(m.noun) | (_named(m.unit) if counted and m.unit != "count" else frozenset())
    window = text[max(0, m.start - _CONTEXT) : m.end + _CONTEXT // 2]
    opening = _said_before(text, m.start, _CONTEXT)  # its own sentence, up to the figure
    own = opening + text[m.start : m.end + _CONTEXT // 2]
    cut = _SENTENCE_END.search(own, len(opening) + m.end - m.start)
    own = own[: cut.start()] if cut else own
    lead = text[max(0, m.start - 20) : m.start] if lead is None else lead
    hedged = bool(_HEDGE.search(lead) or _HEDGED_FROM.match(m.text))
    bound = "" if before is not None else "lower" if _LOWER.search(lead) else "upper" if _UPPER.search(lead) else ""
    if before is not None:  # "from 4 hours to under an hour": the end of the change is a bound
        end = _CHANGE_END.search(m.text)
        bound = "" if end is None else "lower" if _LOWER.search(end.group(0)) else "upper"
    closed = _SENTENCE_END.search(text, m.end)
    sentence = _said_before(text, m.start, _SENTENCE_REACH) + text[m.start : closed.start() if closed else len(text)]
    waited = dim == "time" and (bool(_WAITED.search(opening)) or bool(noun & _WAIT_NOUNS))
    if dim == "x" and m.phase == "delta" and after and after > 1 and _fewer(text, m):
        dim, after = "%", 100.0 * (1.0 - 1.0 / after)  # "stockouts down 3x" is a drop of two thirds (66.7%)
    took = dim == "time" and bool(_TOOK.search(_said_before(text, m.start, _CONTEXT, wrapped=True)))
    return Figure(m, dim, before, after, m.phase, noun, frozenset(content_stems(window)),
                  hedged, held, m.unit, bound, _named(own), per=_per(m),
                  span=_span(m, factor), voiced=voiced, waited=waited,
                  took=took, whole=_whole(m), sentence=_named(sentence),
                  worked=dim == "time" and (held or _work_length(text, m, took)),
                  what=_what(text, m) if dim == "%" and m.phase != "delta" else frozenset())  # fmt: skip


_CLAUSE_END = re.compile(r"[,;:()\n.!?]|\b(?:and|but|while|which|so|when|because|in|on|at|for|across|after)\b", re.I)


def _what(text: str, m: Metric) -> frozenset[str]:
    """The words right after a share that say what it is a share of ("at a 35% discount", "clusters at 25% util",
    "70% of spend"), as stems cut to four letters ("util", "utilisation"), up to two of them."""
    rest = text[m.end : m.end + 30]
    cut = _CLAUSE_END.search(rest)
    return frozenset(w[:4] for w in content_stems(rest[: cut.start()] if cut else rest)[:2])


def _span_apart(a: Figure, s: Figure) -> bool:
    """Two durations of a day or more, one said as the length of the work and the other not (a debate that ran "for
    five weeks", a horizon "over the next three quarters"), that name nothing in common beyond a broad family
    (money): two quantities, whatever the sentence shares."""
    if not (_long(a) and _long(s)) or a.worked == s.worked:
        return False
    return not {w for w in a.noun & s.noun if not w.startswith("=")}


def _named_apart(a: Figure, s: Figure) -> bool:
    """Two shares each named right after it as a different thing, and neither name said in the other's sentence: a
    discount is not a utilisation, whatever the rest of the sentence shares ("the clusters")."""
    if not (a.what and s.what) or a.what & s.what:
        return False
    cut = (frozenset(w[:4] for w in a.sentence), frozenset(w[:4] for w in s.sentence))
    return not (a.what & cut[1]) and not (s.what & cut[0])


# A fold change that makes something fewer or smaller: "down 3x", "cut threefold", "3x fewer", "a 4x reduction".
_FEWER_BEFORE = re.compile(
    r"\b(?:down|fell|dropped|drop|cut|reduced|reduce|decreased|shrank|came down|went down|lowered|slashed)\s+"
    r"(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|~)?$",
    re.IGNORECASE,
)
_FEWER_AFTER = re.compile(r"\s*(?:fewer|less|lower|smaller|cheaper|reduction|decrease|drop)\b", re.IGNORECASE)


def _fewer(text: str, m: Metric) -> bool:
    return bool(_FEWER_BEFORE.search(text[max(0, m.start - 30) : m.start]) or _FEWER_AFTER.match(text, m.end))


def figures(text: str, metrics: Sequence[Metric]) -> list[Figure]:
    """Every figure of `text`, durations held in timeframes included ("in 8 weeks" is a figure of its own), and
    durations written as a word modifier ("a three-week trial"), scores named before a bare value ("kappa 0.64"),
    prices in fractions of a cent ("a fifth of a cent") and ranges ("2-3 hours", one figure in place of its last
    number)."""
    out: list[Figure] = []
    extra = word_durations(text, list(metrics)) + named_scores(text, list(metrics))
    ranges = said_ranges(text) + cent_shares(text)  # in place of their "three hours", "a fifth of" (20%)
    extra = [m for m in extra if not any(r.start < m.end and m.start < r.end for r in ranges)] + ranges
    metrics = [m for m in metrics if not any(r.start < m.end and m.start < r.end for r in ranges)]
    for m in sorted([*metrics, *extra], key=lambda m: m.start):
        out.append(figure(text, m))
        held_text = m.timeframe or ""
        for span in extract_metrics(held_text) if _DURATION.search(held_text) else []:
            if span.unit in TIME_UNITS:
                held = span.model_copy(update={"start": m.start, "end": m.end, "noun": m.noun, "phase": ""})
                out.append(figure(text, held, held=True, lead=held_text[: span.start]))
    return _contrasts(text, _bases(text, _derived_nouns(text, out)))


def _contrasts(text: str, out: list[Figure]) -> list[Figure]:
    """Two figures of one dimension set against each other ("$640k to build vs $220k to buy", "live in 9 weeks
    instead of the 6 months estimated") are two things; each knows the other and its side of the contrast, so a
    retelling that keeps one side restates it and the other side is compared with the other side only."""
    said = [i for i, f in enumerate(out) if not f.held]
    for i, j in pairwise(said):
        f, g = out[i], out[j]
        between = text[f.metric.end : g.metric.start]
        if not same_dim(f, g) or len(between) > _CONTRAST_GAP or _FULL_STOP.search(between):
            continue
        if _CONTRAST.search(between) and f.versus is None:
            out[i], out[j] = replace(f, versus=("left", j)), replace(g, versus=("right", i))
    return out


def _derived_nouns(text: str, out: list[Figure]) -> list[Figure]:
    """A relative change names what its absolute change measures: in "cost dropped 30%, from $180k to $126k" the
    30% is the change of the $180k, so it also measures what the $180k is said to be ("the bill") elsewhere."""
    for i, f in enumerate(out):
        if f.dim != "%" or f.phase != "delta" or f.after is None:
            continue
        for c in out:
            if c.before is None or c.after is None or c.dim == "%" or not c.before:
                continue
            if _SENTENCE_END.search(text, min(f.metric.end, c.metric.end), max(f.metric.start, c.metric.start)):
                continue
            if abs(100.0 * abs(c.before - c.after) / abs(c.before) - abs(f.after)) > 1.5:
                continue
            same = [g.noun for g in out if g.dim == c.dim and g.before is None and g.after is not None
                    and any(close(g.after, v) for v in (c.before, c.after))]  # fmt: skip
            out[i] = replace(f, noun=f.noun.union(c.noun, *same), base=(c.dim, c.before))
            break
    return out


def _bases(text: str, out: list[Figure]) -> list[Figure]:
    """A relative change without its own "from X to Y" starts from a level said earlier of the same thing: in "the
    bill was $200k a month ... we cut it by 45%" the 45% is a change of the $200k. Same thing: the change's noun is
    among the words said of the level, or the change names nothing ("we brought that down by 45%") and the level is
    the last one said, at most _BASE_SENTENCES sentence ends before it. Only a story figure of the same base is
    paired on it (same_base), so a wrong link costs nothing unless both texts start from the same figure."""
    for i, f in enumerate(out):
        if f.dim != "%" or f.phase != "delta" or f.base is not None:
            continue
        levels = [g for g in out[:i] if g.dim not in ("%", "time") and g.before is None and g.after
                  and g.phase not in ("delta", "after") and not g.held and g.metric.end <= f.metric.start]  # fmt: skip
        if not levels:
            continue
        said_of = [g for g in levels if f.noun & (g.noun | g.own)]
        gap = len(_SENTENCE_END.findall(text, levels[-1].metric.end, f.metric.start))
        near = levels[-1] if not f.noun and gap <= _BASE_SENTENCES else None
        g = said_of[-1] if said_of else near
        if g is not None and g.after is not None:
            out[i] = replace(f, base=(g.dim, g.after))
    return out


_PART_OF = re.compile(r"^\S+\s+(?:out\s+)?of\s+(?:the\s+|our\s+|all\s+|those\s+)?(?P<whole>[\w,]+)$", re.I)


def _whole(m: Metric) -> float | None:
    """The whole a share said as a part of it is of: 7 in "2 of 7", "four of the seven"."""
    found = _PART_OF.match(" ".join(m.text.split())) if m.unit == "%" else None
    if found is None:
        return None
    raw = found["whole"].replace(",", "")
    if raw.replace(".", "", 1).isdigit():
        return float(raw)
    return word_value(raw) if WORD_NUMBER.fullmatch(raw) else None


def same_whole(a: Figure, s: Figure) -> bool:
    """Two parts of the same stated whole ("2 of 7 hires", "four of the seven people") count the same group."""
    return a.whole is not None and a.whole == s.whole


def same_base(a: Figure, s: Figure) -> bool:
    """Two relative changes of the same starting figure ("$200k") measure the same thing, whatever they call it."""
    return a.base is not None and s.base is not None and a.base[0] == s.base[0] and close(a.base[1], s.base[1])


def _sig(value: float) -> int:
    """Significant digits of a figure as said: 290 -> 2, 40 -> 1, 2.5 -> 2, 287 -> 3."""
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    digits = text.replace(".", "").lstrip("0")
    if "." not in text:
        digits = digits.rstrip("0")
    return max(1, len(digits))


def close(said: float | None, notes: float | None, hedged: bool = False) -> bool:
    """Whether `said` restates `notes`: equal, within 2%, or a rounding of it (a looser one when hedged)."""
    if said is None or notes is None:
        return False
    if said == notes:
        return True
    rel = abs(said - notes) / max(abs(notes), abs(said), 1e-9)
    if rel <= 0.02 or (hedged and rel <= 0.05):
        return True
    digits = _sig(said)
    rounded = round(notes, digits - 1 - math.floor(math.log10(abs(notes)))) if notes else 0.0
    return math.isclose(rounded, said, rel_tol=1e-9) and rel <= (0.15 if hedged else 0.08)


_NEAR_WHOLE = 90.0  # a share above this is told by what it misses: 99.95% and 99.99% miss 0.05% and 0.01%


def _close_share(said: float | None, notes: float | None, hedged: bool = False) -> bool:
    """`close` for percentages: near 100% the gap to 100 is what the figure says (availability, accuracy), so
    99.99% does not restate 99.95% though they differ by 0.04%; a rounding ("99.9" for 99.94) still does."""
    if not close(said, notes, hedged):
        return False
    if said is None or notes is None or min(said, notes) < _NEAR_WHOLE or said == notes or max(said, notes) > 100:
        return True
    if close(100.0 - said, 100.0 - notes, hedged):
        return True
    digits = _sig(said)
    return math.isclose(round(notes, digits - 1 - math.floor(math.log10(abs(notes)))), said, rel_tol=1e-9)


def _values(f: Figure) -> list[float]:
    return [v for v in (f.before, f.after) if v is not None]


def _sides(change: Figure, phase: str) -> list[float | None]:
    """The side of a change a single figure in `phase` can restate (either when the phase is unsaid)."""
    return (
        [change.before] if phase == "before" else [change.after] if phase == "after" else [change.before, change.after]
    )


def same_dim(a: Figure, s: Figure) -> bool:
    """Same dimension; a count with no period stated compares with a rate of the same thing; cents with dollars
    or euros (already scaled to them)."""
    if "cents" in (a.dim, s.dim) and {a.dim, s.dim} in ({"cents", "$"}, {"cents", "€"}):
        return True
    return a.dim == s.dim or (counted(a) and counted(s) and "count" in (a.dim, s.dim))


def agrees(a: Figure, s: Figure) -> bool:
    """The answer's figure restates the story's figure (same dimension, matching values in matching phases)."""
    if not same_dim(a, s):
        return False
    if a.bound and a.bound == s.bound:  # "to under 900" and the notes' "to under 300": two bounds, compared as said
        return _values_agree(a, s, partial(close, hedged=a.hedged))
    if a.bound and a.before is not None and s.before is not None:  # "from 5 hours to under an hour" for 35 min
        return close(a.before, s.before, a.hedged) and _inside(a.bound, a.after, s.after)
    if a.bound:  # "over a week" restates 9 days; "under a second" restates 800 ms
        return _values_agree(a, s, lambda x, y: _within(a.bound, x, y))
    # "two months" for 8 weeks: speech across units is approximate
    same = _spoken_time if a.dim == "time" and a.unit != s.unit else partial(close, hedged=a.hedged)
    if a.dim == "%" and s.dim == "%" and a.phase != "delta":
        same = partial(_close_share, hedged=a.hedged)
    if a.span or s.span:  # "two to three hours" for "2-3 hours"; "3 hours" is inside it; "5-6 hours" is not
        return _values_agree(a, s, lambda x, y: _overlap(_ends(a, x), _ends(s, y), same))
    return _values_agree(a, s, same)


def _spoken_time(x: float | None, y: float | None) -> bool:
    return x is not None and y is not None and abs(x - y) <= 0.1 * max(x, y)


def _ends(f: Figure, value: float | None) -> tuple[float, float] | None:
    """The range a value of `f` stands for: its span when it is the range's midpoint, else the value itself."""
    if value is None:
        return None
    return f.span if f.span and value == f.after else (value, value)


def _overlap(x: tuple[float, float] | None, y: tuple[float, float] | None,
             same: Callable[[float | None, float | None], bool]) -> bool:  # fmt: skip
    """Two ranges (or a range and a value) agree when they overlap, or when an end of one restates an end of the
    other ("2-3 hours" and "about 4 hours" do not; "3-4 hours" and "2-3 hours" do)."""
    if x is None or y is None:
        return False
    if x[0] <= y[1] and y[0] <= x[1]:
        return True
    return any(same(u, v) for u in x for v in y)


def _inside(bound: str, said: float | None, notes: float | None) -> bool:
    """Whether the notes' value keeps to a bound said as the end of a change (any value under "under an hour")."""
    if said is None or notes is None:
        return False
    return notes <= said * 1.02 if bound == "upper" else notes >= said * 0.98


def _within(bound: str, said: float | None, notes: float | None) -> bool:
    """Whether the notes' value lies within a bound said out loud, or is the bound itself (rounded)."""
    if said is None or notes is None or said <= 0 or notes <= 0:
        return close(said, notes, True)
    low, high = (said * 0.98, said * _BOUND_SPAN) if bound == "lower" else (said / _BOUND_SPAN, said * 1.02)
    return low <= notes <= high


def _values_agree(a: Figure, s: Figure, same: Callable[[float | None, float | None], bool]) -> bool:
    if a.before is not None and s.before is not None:  # two changes: before with before, after with after
        return same(a.before, s.before) and same(a.after, s.after)
    if a.phase == "delta" or s.phase == "delta":  # "-11%" in terse notes is the change "down 11 percent" says
        return a.phase == s.phase and same(_size(a.after), _size(s.after))
    if s.before is not None:  # a single figure restates one side of the story's change
        return any(same(a.after, v) for v in _sides(s, a.phase))
    if a.before is not None:  # the answer states a change the notes give one side of
        return any(same(v, s.after) for v in _sides(a, s.phase))
    return same(a.after, s.after)


def _size(value: float | None) -> float | None:
    return None if value is None else abs(value)


def counted(f: Figure) -> bool:
    """A count or a rate of a named thing (its noun decides what it measures)."""
    return f.dim == "count" or f.dim.startswith("rate:")


def _kin(a: Figure, s: Figure) -> bool:
    """Same kind of figure: both deltas or both levels (a 30% drop is not a 30% share)."""
    return (a.phase == "delta") == (s.phase == "delta")


def meaning(a: Figure, s: Figure) -> float:
    """How surely two figures of the same dimension measure the same thing (0 = no evidence)."""
    if not same_dim(a, s) or not _kin(a, s):
        return 0.0
    shared_noun = len(a.noun & s.noun) + (1 if same_base(a, s) or same_whole(a, s) else 0)
    shared_context = len(a.context & s.context)
    # Said per the same period ("$40k a year" and "55 thousand dollars a year"): money or time per year is one
    # kind of thing, where a rate of a count already says so in its dimension.
    per = 1.0 if a.per and a.per == s.per and not a.dim.startswith("rate:") else 0.0
    return 2.0 * shared_noun + 0.5 * shared_context + per


def restates(a: Figure, story: Sequence[Figure]) -> int | None:
    """The story figure the answer's figure restates, if any.

    A figure may restate one stated elsewhere in the story (reordered retellings), but not when another figure of
    the story is clearly more about the same thing and disagrees: "from 34% to 68%" does not restate the 34% of
    the scene when the notes' "from 34% to 58%" names the same drafts.
    """
    agreeing = [k for k, s in enumerate(story) if agrees(a, s)]
    if a.before is not None:  # a stated change restates a change of the notes when they state one about it
        changes = [k for k, s in enumerate(story) if s.before is not None and a.noun & s.noun and meaning(a, s) > 0]
        changes = changes or [k for k in [_same_start(a, story)] if k is not None]
        agreeing = [k for k in agreeing if k in changes] if changes else agreeing
    if not agreeing:
        return None
    k = max(agreeing, key=lambda j: (meaning(a, story[j]), -j))
    if not (a.noun and story[k].noun) or named(a, story[k]):
        return k  # the same value, and nothing says it measures another thing
    # The same value named as another thing ("8 engineers hired" against the notes' "team of 8"): a disagreeing
    # figure named as the answer names it is the one it restates (shared surroundings alone never decide: two
    # figures said in one sentence share them).
    rival = max((meaning(a, s) for s in story if not agrees(a, s) and named(a, s)), default=0.0)
    return k if meaning(a, story[k]) >= rival - 1.0 else None


def _same_start(a: Figure, story: Sequence[Figure]) -> int | None:
    """The one change of the story that starts where the answer's change starts ("from 6 hours to 30 minutes" and
    the notes' "6h -> 45min"): the same change told with another end, unless the answer names another thing."""
    if a.before is None:
        return None
    found = [k for k, s in enumerate(story) if s.before is not None and same_dim(a, s) and close(a.before, s.before)]
    if len(found) != 1 or (a.noun and story[found[0]].noun and not a.noun & story[found[0]].noun):
        return None
    return found[0]


def named(a: Figure, s: Figure) -> bool:
    """The two figures are said of the same thing: a noun (or its base family) in common, or the same base."""
    return bool(a.noun & s.noun) or same_base(a, s)


def pair(answer: Sequence[Figure], story: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """(answer figure, story figure) pairs that measure the same thing and disagree: the contradictions."""
    matched = {i: restates(a, story) for i, a in enumerate(answer)}
    restated = {k for k in matched.values() if k is not None}
    # A level said of one side of a change ("an F1 of 0.71" for the notes' 0.71 -> 0.83) leaves the change open to
    # the answer's own change ("from 0.71 to 0.93"), and to it only.
    by_level = {k for i, k in matched.items() if k is not None and answer[i].before is None}
    by_change = {k for i, k in matched.items() if k is not None and answer[i].before is not None}
    sided = {k for k in by_level - by_change if story[k].before is not None}
    out: list[tuple[Figure, Figure]] = []
    used: set[int] = set()
    for i, a in enumerate(answer):
        if a.after is None or matched[i] is not None:
            continue  # a magnitude ("single-digit ms"), or a faithful restatement, wherever it sits
        other = _other_side(a, story, matched)
        if other is not None and other not in restated and other not in used:
            out.append((a, story[other]))  # "1.1M to build vs $220k to buy" against "$640k build vs $220k buy"
            used.add(other)
            continue
        shut = restated if a.before is None else restated - sided
        candidates = [(meaning(a, s), -k, k) for k, s in enumerate(story)
                      if k not in shut and k not in used and s.after is not None and a.waited == s.waited]  # fmt: skip
        candidates = [c for c in candidates if c[0] > 0]
        # Role for role: a result said as where a change ended ("cut 30% to $1.7M") is compared with the notes' result
        # ("fell 41% to $1.4M"), not with the level the notes started from ("$2.4M"), when the notes say one (sweep
        # 43 F3).
        if a.phase == "after" and any(story[k].phase == "after" for _, _, k in candidates):
            candidates = [c for c in candidates if story[c[2]].phase == "after"]
        effort = _effort(a, answer, story)
        if effort is not None and effort not in shut and effort not in used:
            out.append((a, story[effort]))  # "a 10-week working group" against the notes' "in 6 weeks"
            used.add(effort)
            continue
        if not candidates:
            continue
        best, _, k = max(candidates)
        # Named the same thing, or the only figure of its kind on both sides and about the same topic; a figure said
        # per a period ("$40k a year") is of a kind with the figures said per the same period only.
        kind = [s for s in story if same_dim(a, s) and _kin(a, s) and (not a.per or s.per == a.per)]
        kind_said = [x for x in answer if same_dim(a, x) and _kin(a, x) and (not a.per or x.per == a.per)]
        alone = len(kind) == 1 and len(kind_said) == 1
        # Two changes of one dimension, neither naming what it measures, in the same words around them.
        unnamed = not a.noun and not story[k].noun and a.before is not None and story[k].before is not None
        based = same_base(a, story[k]) or _same_start(a, story) == k or same_whole(a, story[k])
        # The one figure of its kind the answer leaves unrestated, against the one the story has left: a share or a
        # sum retold beside the story's other figures of its kind ("99.2% against a 99.9% SLO ... at 99.99%").
        rest = not counted(a) and [j for j, s in enumerate(story) if s in kind and j not in shut
                                   and j not in used] == [k] and sum(1 for i2, x in enumerate(answer)
                                   if matched[i2] is None and x in kind_said) == 1  # fmt: skip
        named_apart = bool(a.noun and story[k].noun and not a.noun & story[k].noun) and not based
        if counted(a) and named_apart:
            continue  # a count of incidents is never a count of deploys
        if _named_apart(a, story[k]):
            continue  # "a 35% discount" on the clusters is not the notes' "25% util" of them
        if _span_apart(a, story[k]):
            continue  # "cost over the next three quarters" is a horizon, not the notes' "in 8 weeks"
        # What is said of the count outside its own words ("historical support emails" vs "support emails").
        said_of = a.own - set(content_stems(a.metric.text)) - _RELATIONS
        qualifier = said_of & (story[k].own - set(content_stems(story[k].metric.text)))
        if counted(a) and a.before is None and story[k].before is None and not qualifier:
            continue  # "two teams" slowed down is not the org's "5 teams": the same noun said of another group
        if a.voiced and not qualifier:
            continue  # "two senior engineers argued" is not the team's "3 -> 14 engineers"
        if (
            len(a.noun & story[k].noun) >= 1
            or based
            or ((alone or unnamed or rest) and best >= 1.0 and not named_apart)
            or (not counted(a) and _crossed(a, story, k, shut | used))
        ):
            out.append((a, story[k]))
            used.add(k)
    return out


def _crossed(a: Figure, story: Sequence[Figure], k: int, shut: Collection[int]) -> bool:
    """Each figure's noun is said in the other's sentence ("Groq matched ... while averaging 300ms" against the
    notes' "Groq averaged 400ms"), and no other open figure of its kind is: the same measure named from either end."""

    def crossed(s: Figure) -> bool:
        # Named only through each other's sentence: the two must also be of one scale (a quarter is no latency).
        scale = a.after and s.after and max(a.after, s.after) <= _CROSSED_SCALE * min(a.after, s.after)
        return bool(scale and a.noun and s.noun and a.noun & s.sentence and s.noun & a.sentence)

    kind = [j for j, s in enumerate(story) if j not in shut and same_dim(a, s) and _kin(a, s) and s.after is not None]
    return [j for j in kind if crossed(story[j])] == [k]


_DAY = 86400.0  # seconds: a duration of a day or more is how long work took, not a latency


def _long(f: Figure) -> bool:
    return f.dim == "time" and f.before is None and f.phase != "delta" and (f.after or 0.0) >= _DAY and not f.waited


# A duration said as the length of the work: "a 6-month squad" (a modifier of the work), "in 9 weeks", "within a
# quarter" (the span something was done in). "Argued for five weeks" or "over the next three quarters" is how
# long a state lasted or a horizon planned for: another quantity, never read against how long the work took.
_WORK_SPAN = re.compile(r"\b(?:in|within)\s+(?:just\s+|only\s+|about\s+|around\s+|roughly\s+|under\s+|~)?$", re.I)
_AS_MODIFIER = re.compile(r"-(?:day|week|month|quarter|year|sprint)s?$", re.IGNORECASE)


def _work_length(text: str, m: Metric, took: bool) -> bool:
    """Whether `text` says duration `m` as how long the work took (see _WORK_SPAN)."""
    lead = text[max(0, m.start - 20) : m.start]
    return took or bool(_AS_MODIFIER.search(m.text.strip())) or bool(_WORK_SPAN.search(lead))


def _effort(a: Figure, answer: Sequence[Figure], story: Sequence[Figure]) -> int | None:
    """How long the work took, said once on each side: the answer's only duration of a day or more, said as the
    length of the work (worked), against the story's only one, the timeframe its outcome is said in ("fell ...
    in 6 weeks"), when they disagree."""
    if not _long(a) or a.held or sum(_long(x) for x in answer) != 1 or not a.worked:
        return None
    found = [k for k, s in enumerate(story) if _long(s)]
    # A duration the notes give as how long the work took is compared with one the answer says the same way: "a
    # change reached production in eight days" after "took 1 quarter end to end" is another quantity.
    if len(found) != 1 or not (story[found[0]].held or (story[found[0]].took and a.took)) or agrees(a, story[found[0]]):
        return None
    return found[0]


def _other_side(a: Figure, story: Sequence[Figure], matched: dict[int, int | None]) -> int | None:
    """The story figure on a's side of a contrast whose other side the answer restates, if it differs from a."""
    if a.versus is None:
        return None
    k = matched.get(a.versus[1])
    theirs = story[k].versus if k is not None else None
    if theirs is None or theirs[0] == a.versus[0]:
        return None
    s = story[theirs[1]]
    return theirs[1] if s.after is not None and same_dim(a, s) and _kin(a, s) and not agrees(a, s) else None


# A share said as a fraction ("roughly a third less", "about half") restates a percentage of the notes within
# FRACTION_POINTS percentage points: people round a share to the nearest simple fraction.
_FRACTION = re.compile(
    r"\b(?:(a|one|two|three)[- ](half|third|quarter|fifth|tenth)s?|(half))\b"
    r"(?![- ](?:an? )?(?:hour|day|week|month|quarter|year|dozen|million|billion))",
    re.IGNORECASE,
)
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
FRACTION_POINTS = 5.0


def shares(text: str) -> list[float]:
    """The shares `text` says as fractions, in percent ("a third" -> 33.3, "half" -> 50)."""
    out = []
    for m in _FRACTION.finditer(text):
        count, part = (1, "half") if m.group(3) else (_COUNT[m.group(1).lower()], m.group(2).lower())
        if count < _PARTS[part]:
            out.append(100.0 * count / _PARTS[part])
    return out


_CHANGE_POINTS = 1.5  # a relative change worked out from a stated change agrees within this many percentage points


def _moved(answer: Sequence[Figure]) -> list[tuple[str, float, float]]:
    """(dimension, size, size in percent of the start) of each change the answer states: "from $380k to $230k" moved
    $150k, 39.5%."""
    return [(a.dim, abs(a.before - a.after), 100.0 * abs(a.before - a.after) / abs(a.before))
            for a in answer if a.before is not None and a.after is not None and a.before]  # fmt: skip


def omitted(answer: Sequence[Figure], story: Sequence[Figure], headline: Sequence[int],
            spoken: Sequence[float] = (), bare: Collection[float] = ()) -> list[Figure]:  # fmt: skip
    """Headline figures of the story (indexes in `headline`) that no figure of the answer restates; `spoken` are
    the shares the answer says as fractions (`shares`), `bare` every number it says, unit or not
    (number_words.spoken_numbers)."""
    said = [a.after for a in answer] + [a.before for a in answer]
    out: list[Figure] = []
    for k in headline:
        s = story[k]
        if any(restates(a, story) == k for a in answer):
            continue
        if any(agrees(a, s) for a in answer):
            continue  # said as such ("40ms target" for "(target 40ms)"), even where another figure claims its words
        if s.dim == "time" and any(a.dim == "time" and not a.span and _spoken_time(a.after, s.after) for a in answer):
            continue  # "shipped two weeks late" for the notes' "slipped by 2 weeks": the same duration, said plainly
        if any(close(v, x) for v in _values(s) for x in said if x is not None and s.dim != "time"):
            continue  # the same number said in other words ("a third" for 33%): not left out
        if s.phase == "delta" and any(close(abs(v), abs(x)) for v in _values(s) for x in said if x is not None):
            continue  # the notes' "-0.3%" said as "moved only 0.3%": a change's size, its sign in the words
        if s.dim != "time" and any(close(v, x) for v in _values(s) for x in bare):
            continue  # said bare, its unit carried by the figure beside it ("six percent against fourteen")
        if s.dim == "%" and any(abs(v - x) <= FRACTION_POINTS for v in _values(s) for x in spoken):
            continue  # "roughly a third less" for a 30% drop
        moved = _moved(answer)
        if s.dim != "%" and any(close(size, v, s.hedged) for v in _values(s) for dim, size, _ in moved if dim == s.dim):
            continue  # "from $380k to $230k a year" says the notes' "saved ~$150k"
        if s.dim == "%" and any(abs(abs(v) - share) <= _CHANGE_POINTS
                                for v in _values(s) for dim, _, share in moved if dim != "%"):  # fmt: skip
            continue  # ... and the 37% that saving is
        out.append(s)
    return out
