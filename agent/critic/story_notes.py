"""Compare the answer with the candidate's own stories: contradicted figures, omitted figures, a better story.

Similarity is a bag-of-stems cosine (pure, fast, deterministic); the story the answer tells is the one most
similar to the answer; a better story is the retriever's best match for the question, when it is clearly closer
to the question than the told one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from agent.critic.drift import Figure, figures, omitted, pair, shares
from agent.critic.schema import MetricMention, StoryNote
from agent.critic.text import content_stems
from knowledge.metrics import extract_metrics
from knowledge.models import Metric, Story
from knowledge.number_words import spoken_numbers
from knowledge.paths import is_sample
from knowledge.title_tags import spoken_title
from prompts import load_yaml, render

_TELLS = 0.35  # answer-story cosine above which the answer is taken to tell that story (retellings: ~0.6)
# An answer that retells a story in passing (one or two sentences of a longer answer about something else): the
# passage alone must be clearly that story and no other, and long enough that a few shared words cannot make it so.
_PASSAGE = 0.45
_PASSAGE_LEAD = 0.15  # how far the passage's story must lead the next one
_PASSAGE_WORDS = 10  # content words a passage needs
_PASSAGE_SENTENCES = 3
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_BETTER_MARGIN = 0.08  # how much closer to the question another story must be


def _cos(a: tuple[Counter[str], float], b: tuple[Counter[str], float]) -> float:
    """Cosine of two (bag, norm) pairs (_text_bag, _story_bag)."""
    (bag_a, na), (bag_b, nb) = a, b
    dot = sum(v * bag_b[k] for k, v in bag_a.items() if k in bag_b)
    return dot / (na * nb) if na and nb else 0.0


def _bag(text: str) -> Counter[str]:
    return Counter(content_stems(text))


# A figure written as a modifier ("a 60-day review", "a two-week freeze") read as a figure on its own.
_MODIFIER = re.compile(
    r"^(?P<n>[$€£]?[\d.,]+|[a-z]+)-(?P<unit>second|minute|hour|day|week|month|quarter|year|sprint)$", re.IGNORECASE
)


def _fmt(metric: Metric) -> str:
    """The figure as written (a note's notes_value / said_value)."""
    return " ".join(metric.text.split())


def _spoken(metric: Metric) -> str:
    """The figure as a note's sentence says it: "60-day" reads "60 days" ("Your notes say 60 days; you said 90
    days"); the quoted values keep the text as written."""
    text = _fmt(metric)
    modifier = _MODIFIER.match(text)
    if modifier:
        one = modifier.group("n").lower() in ("1", "one", "a")
        return f"{modifier.group('n')} {modifier.group('unit')}{'' if one else 's'}"
    return text


@lru_cache(maxsize=512)
def _story_figures(text: str) -> tuple[Figure, ...]:
    """The told story's figures, re-read with today's extractor (indexes built earlier lack noun and phase)."""
    return tuple(figures(text, extract_metrics(text)))


def _headline(story: Story, figures: Sequence[Figure]) -> list[int]:
    """Indexes of the story's outcome figures, most telling first: changes, then deltas, then result figures."""
    result = story.result.strip()
    start = story.text.find(result) if result else -1
    in_result = [k for k, f in enumerate(figures)
                 if start >= 0 and start <= f.metric.start < start + len(result)]  # fmt: skip
    outcomes = [k for k, f in enumerate(figures) if f.before is not None or f.phase == "delta" or k in in_result]
    if start < 0:  # no labelled Result: the second half of the story is where outcomes sit
        half = len(story.text) // 2
        outcomes = [k for k in outcomes if figures[k].metric.start >= half or figures[k].before is not None]
    return sorted(outcomes, key=lambda k: (figures[k].before is None, figures[k].phase != "delta", k))


# "error rate held within 2 points", "restores stay under 5 seconds": a limit kept beside the outcome.
_WITHIN = re.compile(r"\bwithin\s+(?:about\s+|~)?$", re.IGNORECASE)


def _minor(text: str, figure: Figure) -> bool:
    """A story figure said as a bound or a limit kept (not what changed): no omission line once the outcome is told."""
    return bool(figure.bound) or bool(_WITHIN.search(text[max(0, figure.metric.start - 15) : figure.metric.start]))


def _note(kind: str, story: Story, message: str, notes: str = "", said: str = "") -> StoryNote:
    return StoryNote(kind=kind, story_id=story.id, story_title=spoken_title(story.title), message=message,  # type: ignore[arg-type]
                     story_text=notes, answer_text=said, notes_value=notes, said_value=said)  # fmt: skip


def drift_notes(answer: str, mentions: Sequence[Metric], told: Story, omissions: bool = True) -> list[StoryNote]:
    """Contradicted figures (each pair once), then the first headline figure the answer left out (when `omissions`:
    a story told in passing inside another answer is not expected to carry its outcome)."""
    phr = load_yaml("critic_phrases.yaml")["story_notes"]
    story = _story_figures(told.text)
    said = figures(answer, mentions)
    notes = []
    contradicted: set[int] = set()
    for a, s in pair(said, story):
        contradicted.add(story.index(s))
        notes.append(
            _note(
                "contradiction",
                told,
                render(phr["contradiction"], story=_spoken(s.metric), answer=_spoken(a.metric)),
                _fmt(s.metric),
                _fmt(a.metric),
            )
        )
    headline = [k for k in _headline(told, story) if k not in contradicted and not story[k].held]
    left_out = omitted(said, story, headline, shares(answer), spoken_numbers(answer))
    if len(left_out) < len(headline):  # an outcome is told: a bound kept beside it is a detail, not left out
        left_out = [s for s in left_out if not _minor(told.text, s)]
    if left_out and omissions:  # one omission is enough to act on
        figure_text = _fmt(left_out[0].metric)
        message = render(phr["omitted_metric"], story=_spoken(left_out[0].metric), title=spoken_title(told.title))
        notes.append(_note("omitted_metric", told, message, figure_text))
    return notes


@lru_cache(maxsize=4096)
def _story_bag(text: str) -> tuple[Counter[str], float]:
    """A story's word bag and its norm, kept: every turn compares the answer with each story of the index."""
    bag = _bag(text)
    return bag, math.sqrt(sum(v * v for v in bag.values()))


@lru_cache(maxsize=64)
def _text_bag(text: str) -> tuple[Counter[str], float]:
    """An answer's (or question's) word bag and its norm, read-only: one turn asks told_index of the same answer
    three or four times (the retrieve node, the critique node, the critic, the history feed)."""
    bag = _bag(text)
    return bag, math.sqrt(sum(v * v for v in bag.values()))


def told_index(answer: str, stories: Sequence[Story]) -> int | None:
    """Which of `stories` the answer retells (word-bag cosine over the whole story), or None."""
    return _told(answer, tuple(s.text for s in stories))


@lru_cache(maxsize=256)
def _told(answer: str, texts: tuple[str, ...]) -> int | None:
    """told_index on the stories' texts, kept: one turn asks it of the same answer four times (the retrieve node over
    the whole index, then the critique node, the critic and its story notes over the question's hits)."""
    ans_bag, ans_norm = _text_bag(answer)
    if not texts or not ans_norm:
        return None
    norms = [_story_bag(text)[1] for text in texts]
    dots = _dots([ans_bag], texts)[0]
    scores = [dot / (ans_norm * norm) if norm else 0.0 for dot, norm in zip(dots, norms, strict=True)]
    best = max(range(len(texts)), key=lambda i: (scores[i], -i))
    return best if scores[best] >= _TELLS else _told_in_passage(answer, texts)


def _dots(bags: Sequence[Counter[str]], texts: tuple[str, ...]) -> list[list[int]]:
    """The dot product of each bag with each story's bag (rows: bags, columns: stories), as exact integers: counts
    are small whole numbers, so float64 products and sums of them are exact in any order and the cosines below are
    the same floats the word-by-word sum gave. One matrix product over the stems the bags use, instead of a Python
    loop over every story for every passage (~0.5 ms a turn over a 30-story index)."""
    columns: dict[str, int] = {}
    for bag in bags:
        for stem in bag:
            columns.setdefault(stem, len(columns))
    asked = np.zeros((len(bags), len(columns)))
    for row, bag in enumerate(bags):
        asked[row, [columns[k] for k in bag]] = list(bag.values())
    told = np.zeros((len(columns), len(texts)))
    counts = _story_counts(texts)
    for stem, column in columns.items():
        if (found := counts.get(stem)) is not None:
            told[column, found[0]] = found[1]
    return [[int(x) for x in row] for row in (asked @ told).tolist()]


@lru_cache(maxsize=64)
def _story_counts(texts: tuple[str, ...]) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """For each stem the stories use: which stories (their places in `texts`) and how often each, kept: the retrieve
    node compares every answer with the same whole index. Only the stories' own counts are held (no stem-by-story
    matrix: a 200-story bank has ~5,000 stems)."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for place, text in enumerate(texts):
        for stem, count in _story_bag(text)[0].items():
            where = found.setdefault(stem, ([], []))
            where[0].append(place)
            where[1].append(count)
    return {stem: (tuple(places), tuple(counts)) for stem, (places, counts) in found.items()}


@lru_cache(maxsize=64)
def _passages(answer: str) -> tuple[tuple[Counter[str], float], ...]:
    """The (bag, norm) of each run of up to three sentences of the answer long enough to be read as a story, in
    order (read-only, kept like _text_bag); none for a one-sentence answer (it was judged whole)."""
    sentences = [x for x in _SENTENCE.split(answer.strip()) if x]
    if len(sentences) < 2:
        return ()
    found = []
    for i in range(len(sentences)):
        for j in range(i + 1, min(i + _PASSAGE_SENTENCES, len(sentences)) + 1):
            bag = _bag(" ".join(sentences[i:j]))
            if sum(bag.values()) >= _PASSAGE_WORDS:
                found.append((bag, math.sqrt(sum(v * v for v in bag.values()))))
    return tuple(found)


def _told_in_passage(answer: str, texts: tuple[str, ...]) -> int | None:
    """The story a run of up to three sentences of the answer retells, when the whole answer is about more than it
    ("I did the same when I chose our provider: ... averaged 300ms ..." inside a design answer), or None."""
    passages = _passages(answer)
    if not passages:
        return None
    norms = [_story_bag(text)[1] for text in texts]
    found: tuple[float, int] | None = None
    for (_, own), dots in zip(passages, _dots([bag for bag, _ in passages], texts), strict=True):
        cosines = [d / (own * n) if own and n else 0.0 for d, n in zip(dots, norms, strict=True)]
        scores = sorted(((c, -k) for k, c in enumerate(cosines)), reverse=True)
        lead = scores[0][0] - (scores[1][0] if len(scores) > 1 else 0.0)
        if scores[0][0] >= _PASSAGE and lead >= _PASSAGE_LEAD and (found is None or scores[0][0] > found[0]):
            found = (scores[0][0], -scores[0][1])
    return found[1] if found else None


def story_notes(
    question: str,
    answer: str,
    mentions: Sequence[MetricMention],
    stories: Sequence[Story],
    fits: Sequence[bool] | None = None,
) -> list[StoryNote]:
    """Notes for the candidate, most useful first (contradictions, omissions, then a better story).

    Any retrieved story can be the one the answer tells (its figures are checked whether or not it fits); a
    better story is only ever one that fits the question (`fits[k]` for stories[k], StoryHit.fits; all when None).
    """
    if not stories:
        return []
    phr = load_yaml("critic_phrases.yaml")["story_notes"]
    q_bag = _text_bag(question)
    best = told_index(answer, stories)
    notes: list[StoryNote] = []
    told = stories[best] if best is not None else None
    if told is not None:
        if told.unfinished:
            notes.append(_note("unfinished", told, render(phr["unfinished"], title=spoken_title(told.title))))
        if not is_sample(told.source):  # a fictional candidate's figures are not the user's to contradict
            whole = _cos(_text_bag(answer), _story_bag(told.text)) >= _TELLS
            notes += drift_notes(answer, mentions, told, omissions=whole)
    fit = [
        _cos(q_bag, _story_bag(" ".join(filter(None, [s.title, s.question or "", " ".join(s.competencies), s.text]))))
        for s in stories
    ]
    told_fit = fit[best] if best is not None else 0.0
    # The stories arrive in retrieval order (dense + BM25 + competency): the first fitting one is the index's best
    # fit for the question, the same story /hint shows. Suggest it only when the answer is not already telling it
    # and its words also fit the question clearly better than the story told.
    fitting = [k for k in range(len(stories)) if fits is None or (k < len(fits) and fits[k])]
    if not fitting:
        return notes  # "no prepared story fits": nothing to suggest
    better = fitting[0]
    if stories[better] is not told and fit[better] >= told_fit + _BETTER_MARGIN and fit[better] > 0.1:
        notes.append(
            StoryNote(
                kind="better_story",
                story_id=stories[better].id,
                story_title=spoken_title(stories[better].title),
                message=story_sentence("better_story", stories[better]),
                story_text=stories[better].title,
            )
        )
    return notes


def story_sentence(kind: str, story: Story) -> str:
    """'Your story "X" …' about the candidate's own story; 'The sample story "X" …' about the bundled bank's."""
    phrases = load_yaml("critic_phrases.yaml")["story_notes"]
    key = f"{kind}_sample" if is_sample(story.source) else kind
    return render(phrases[key], title=spoken_title(story.title))
