"""Every feature of one answer, computed once: sentences, metrics and their roles, STAR parts, ownership,
specificity, rubric cues, relevance to the question, the question's signals, and the answer's scope (level).

The rubric table (rubric.py) reads `flags`, a dict of named booleans: "when this is true, the answer has that gap".
Evidence for every judgment is the sentence the feature was found in, so no flag can contradict its evidence.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from agent.critic import asks, cues, disclaim, examples, gaps, generic, level, paraphrase, relevance, rubric, signals
from agent.critic.metric_roles import classify
from agent.critic.ownership import ownership
from agent.critic.question import QuestionInfo
from agent.critic.schema import MetricMention
from agent.critic.semantic import MAX_SENTENCES, Semantic, semantic
from agent.critic.specificity import hazy, specificity
from agent.critic.star import StarResult, action_indexes, star_flags
from agent.critic.text import Sentence, sentences, words

CUE_NAMES = ("tradeoffs", "requirements", "failure_modes", "rationale")
# A question's topic for relevance: its own words plus, at this weight, the mean of its signals. Averaged word
# vectors see only which words a text uses, and a question alone says little of what its answers talk about
# ("Tell me about a time you disagreed..."); its signals name it (the decision, the evidence, the outcome).
TOPIC_SIGNALS = 2.0
RIVAL_WORDS = 3  # distinctive words of another question's signals an answer uses to be that question's (_answers_rival)
# An answer that names this many of another (leading) question's signals, and more of them than of the asked
# question's, answers that question (_outshown_by); checked only when it names ONE_SIGNAL or fewer of the asked's.
RIVAL_SHOWN = 2
ONE_SIGNAL = 1
# Another question's signals said in an answer's own words, by different sentences, that make the answer that
# question's when it shows nothing of the asked one (_told_as_rival).
RIVAL_OWN = 2
PASSIVE_STEPS = 2  # sentences with a passive step that make the steps of an impersonal story (_flags)
_PASSIVE_STEP = re.compile(
    r"\b(?:was|were|got)\s+(?:then\s+|also\s+|first\s+|quickly\s+)?(?:\w+ed|written|run|built|made|held|brought|"
    r"given|taken|done|sent|put|set|kept|moved|split|cut|chosen|drawn|rewritten|torn|shut|spun)\b(?!\s+to\b)",
    re.IGNORECASE,
)
_I = re.compile(r"\b(?:I|me|my)\b")
# A rival that fits an answer's meaning better by less than this, with no other ahead, ties with the asked question
# (_tied). Labelled off-topic answers with one rival ahead that the rival-signal rule catches sit 0.07 and more
# behind it (critic_dev6); stale-index outages told to the bad-data question, 0.008 and 0.018. Known limit: the same
# story told in other words sits 0.05-0.13 behind and is still called the incident question's answer.
TIE = 0.03
SHOWN_SIGNALS = 3  # a question with fewer signals says too little of what a strong answer shows to waive form gaps
# Signals of the asked question an answer names, at least half of them, to be its answer when no other question of
# the pack has as many said in the answer's own words (_leads_in_own_words). Checked on the tuned set and critic_dev ..
# critic_dev13: of the answers relevance did not first call on topic, four qualify, all labelled on topic (three were
# put back on topic by other rules already; dev13-ai-engineer-003 was not); no off-topic or partial answer does.
OWN_LEAD = 2


@dataclass
class Features:
    """What the critic found in one answer (see the module docstring)."""

    shape: str
    sents: list[Sentence]
    metrics: list[MetricMention]
    star: StarResult
    quantified: bool
    own: str
    own_sent: Sentence | None
    spec: str
    cues: dict[str, Sentence]
    case: Sentence | None
    relevance: relevance.RelevanceResult
    level: level.LevelResult
    signals: list[signals.SignalHit]
    flags: dict[str, bool] = field(default_factory=dict)
    sent_vecs: np.ndarray | None = None  # unit sentence vectors (None without an embedding model)


def _vectors(sem: Semantic, info: QuestionInfo, sents: list[Sentence]) -> tuple[np.ndarray | None, ...]:
    """Sentence vectors of the answer, and the cached vectors of the question, its pack, its signals and the pack's
    signals."""
    sent_vecs = sem.vectors([s.text for s in sents[:MAX_SENTENCES]])
    if sent_vecs is None:
        return None, None, None, None, None
    asked = sem.topic(info.text, info.signals, TOPIC_SIGNALS)
    groups = info.other_signals or tuple(() for _ in info.others)
    topics = [sem.topic(t, g, TOPIC_SIGNALS) for (t, _c, _t), g in zip(info.others, groups, strict=True)]
    ready = [v for v in topics if v is not None]
    pack = np.stack(ready) if ready and len(ready) == len(topics) else None
    sigs = sem.fixed(list(info.signals)) if info.signals else None
    return sent_vecs, asked, pack, sigs, sem.fixed(list(_pool(info))) if info.signals else None


def _examples(sem: Semantic, info: QuestionInfo) -> np.ndarray | None:
    """The vectors of the pack's signal examples, in _pool's order (examples.py; a signal of a pack of the user's
    own, which has none, stands for itself); cached by Semantic.fixed."""
    if not info.signals:
        return None
    return sem.fixed(list(_example_texts(_pool(info))))


@lru_cache(maxsize=256)
def _example_texts(pool: tuple[str, ...]) -> tuple[str, ...]:
    # ~120 table look-ups per turn for a pack's fixed signals: once per asked question and process instead
    return tuple(examples.example(s) or s for s in pool)


def _pool(info: QuestionInfo) -> tuple[str, ...]:
    """Every signal of the role pack, the asked question's first."""
    return _joined(info.signals, info.other_signals)


@lru_cache(maxsize=256)
def _joined(signals: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    # built ~5 times a turn from the same fixed signals (a pack's ~120): once per asked question and process
    return (*signals, *(x for group in groups for x in group))


def shown_signals(info: QuestionInfo, f: Features, sem: Semantic) -> list[signals.SignalHit]:
    """The question's signals a follow-up reply shows, found as in `compute` but with no relevance judged (a reply
    goes on with its story, and whether it fits the question is the follow-up critic's call): whatever the reply was
    asked, what it says of them must not be asked for again nor reported open (newcomer trial 37, N8 and N10)."""
    if not info.signals or f.sent_vecs is None:
        return []
    sents = f.sents[:MAX_SENTENCES]
    sig_vecs, pool_vecs = sem.fixed(list(info.signals)), sem.fixed(list(_pool(info)))
    own_words = paraphrase.scores(_pool(info), [s.text for s in sents], sem.words)
    sig = signals.check(info.signals, sents, f.sent_vecs, sig_vecs, _pool(info), f.metrics, pool_vecs, own_words,
                        _examples(sem, info), info.type)  # fmt: skip
    sig = [dataclasses.replace(h, covered=False, sentence=None, weak=False)
           if h.sentence is not None and not h.measured and generic.sweeping(h.sentence, f.metrics) else h
           for h in sig]  # fmt: skip
    return signals.said_plainly(sig, sents, f.sent_vecs, sig_vecs)


def compute(info: QuestionInfo, text: str, sem: Semantic, disabled: frozenset[str] = frozenset(),
            fit: bool = True, tells_fitting_story: bool = False) -> Features:  # fmt: skip
    """All features of `text` (the answer with any grader instruction blanked) as an answer to `info`. With `fit`
    false, how the answer fits the question (relevance, the question's signals) is not judged: a follow-up reply
    probed for something else is judged on its own parts only, and that judgment is a third of a turn's critique.
    `tells_fitting_story`: the answer retells a story of the candidate's notes that the story index links to this
    question (story_notes.told_index, StoryHit.fits)."""
    shape = rubric.shape_of(info.text, info.type)
    kind = rubric.extractor_type(shape)
    hypothetical = rubric.TABLE[shape].hypothetical
    sents = sentences(text)
    acts = action_indexes(sents, "technical" if shape == "plan" else kind)
    metrics = classify(text, sents, acts[0] if acts else None, hypothetical)
    star = star_flags(sents, metrics, kind, acts)
    quantified = star.result is not None and any(m.role == "outcome" for m in metrics)
    own, own_sent = ownership(sents, star.actions, "technical" if shape == "plan" else kind)
    spec, _ = specificity(text, metrics, info.text)
    found = {name: s for name in CUE_NAMES if (s := cues.find(name, sents)) is not None}
    case = gaps.lived_case(sents, metrics)
    sent_vecs, asked_vec, pack_vecs, sig_vecs, pool_vecs = _vectors(sem, info, sents)
    if not fit:
        lvl = level.judge(info.level, info.type, sents, disabled)
        unjudged = relevance.RelevanceResult("on_topic", 0.0, 0.0, None)
        feats = Features(shape, sents, metrics, star, quantified, own, own_sent, spec, found, case, unjudged, lvl, [],
                         sent_vecs=sent_vecs)  # fmt: skip
        feats.flags = _flags(feats, info)
        return feats
    rel = relevance.judge(
        info,
        sents[:MAX_SENTENCES],
        sent_vecs,
        asked_vec,
        pack_vecs,
        shape,
        case is not None and star.action is not None,
    )
    lvl = level.judge(info.level, info.type, sents, disabled)
    if lvl.label == "below" and rel.label != "on_topic" and rel.instead_competency != "a past project" and not (
            shape == "plan" and rel.word_share == 0):  # fmt: skip
        # The same subject told at a lower scope (the fix, not the org) reads like a neighbouring technical
        # question: that is a level gap, not an answer to another question. Not for a plan question ("walk me
        # through how you decide") whose words the answer never uses: a story question leaves its subject open
        # (any project, any incident), a plan question names it, and a fix of something else told to it (an
        # outage told to a budget trade-off) is another subject, not a lower scope.
        rel = relevance.RelevanceResult("on_topic", rel.fit, rel.rival_fit, rel.best_sentence)
    # The asked question's signals said in the answer's own words count (paraphrase.py); a rival question's do not
    # (_answers_rival): such a match shows the answer may answer this question, never that it answers another.
    own_words = paraphrase.scores(_pool(info), [s.text for s in sents[:MAX_SENTENCES]], sem.words) if (
        sent_vecs is not None and info.signals) else None  # fmt: skip
    sig = signals.check(info.signals, sents[:MAX_SENTENCES], sent_vecs, sig_vecs, _pool(info), metrics, pool_vecs,
                        own_words, _examples(sem, info), info.type)  # fmt: skip
    # A general sentence ("every team has its own signs", "we aligned on a direction that worked for everyone")
    # brushes against a signal's words and shows nothing of it (generic.py).
    sig = [dataclasses.replace(h, covered=False, sentence=None, weak=False)
           if h.sentence is not None and not h.measured and generic.sweeping(h.sentence, metrics) else h
           for h in sig]  # fmt: skip
    distant = shape != "plan" and relevance.far_off(rel, sig)
    if rel.label == "on_topic" and lvl.label != "below" and (relevance.shows_none(rel, sig, shape) or distant):
        rel = dataclasses.replace(rel, label="off_topic")
    elif rel.label == "on_topic" and lvl.label != "below" and shape == "technical" and relevance.bare(sig):
        # A technical question's signals are the mechanisms it asks about; a story naming none of them, not even in
        # its own words or weakly, is about something else however close the code words it shares put its meaning
        # (a review of a script's readability told to "how do you make it faster"). No other question is named.
        rel = dataclasses.replace(rel, label="off_topic", instead=None, instead_competency=None, sibling=False)
    elif rel.label == "on_topic" and shape == "motivation" and relevance.bare(sig) and relevance.far_ahead(rel):
        # A motivation question's signals are what a reason is made of (why management, how they stay technical); a
        # story showing none of them, not even weakly, that meaning puts far from the question tells another subject
        # (a scheduler built told to "why did you move into management?"), whatever word it shares with it.
        rel = dataclasses.replace(rel, label="off_topic")
    elif rel.label != "on_topic" and shape != "motivation" and (relevance.shows_signals(sig) or (
            rel.instead_competency == "another system" and sum(h.named and not h.measured for h in sig) >= 2)
            or _leads_in_own_words(info, sig, own_words)):  # fmt: skip
        # It shows most of what a strong answer to THIS question shows, in other words than the question's (or, when
        # only its lack of model words placed it on another system, two of them; or half of them, when no other
        # question of the pack has as many said in the answer's own words). Not for motivation: any work story
        # brushes against "names a project" or "says what they want".
        rel = relevance.RelevanceResult("on_topic", rel.fit, rel.rival_fit, rel.best_sentence)
    placed_elsewhere = False  # meaning and words put it on other questions, none of whose signals it shows
    if rel.label == "off_topic" and rel.leaders and not _answers_rival(info, rel, sents, sent_vecs, sem, metrics):
        # Meaning and words place it nearer other questions, yet it shows nothing any of them asks for: static
        # vectors place a story told in its own words loosely, so this is not evidence of another question's answer.
        placed_elsewhere = True
        # ... unless it shows nothing the asked question asks for either, and static meaning and MiniLM both put it
        # far from it: a story outside every subject of the pack (a hiring story told to a production-incident
        # question) is off topic with no other question to name (relevance.unplaced). MiniLM runs on those few turns
        # only: static vectors alone put a plain-told on-topic story 15 questions away (tuned set).
        far = relevance.unplaced(rel, sig, shape) and _elsewhere_exactly(info, sents, sem)
        rel = dataclasses.replace(rel, instead=None, instead_competency=None, sibling=False) if far else (
            dataclasses.replace(rel, label="on_topic"))  # fmt: skip
    if rel.label == "off_topic" and rel.leaders and relevance.failure_told(info, sents) is not None:
        # Asked for something of theirs that went wrong, it tells one: the subject is theirs to choose, so other
        # questions about that subject fitting its words and meaning better do not make it another question's.
        rel = dataclasses.replace(rel, label="on_topic")
    # Asked for a disagreement, it tells one (another party's position and an opposing one): the same holds, and no
    # rival question's signals make it that question's answer (the matter argued over is a rival's subject).
    # So does a question asking for something they built and shipped, answered by a story that tells it shipped, and
    # one asking for explaining to people who are not engineers, answered by what they expected and what was shown,
    # and one asking for criticism received, answered by who told them what and what they do differently since, and
    # one asking for an incident in production, answered by what went wrong and what was done about it, and one
    # asking about a team carrying too much, answered by a story opening on the load and telling a change; and, like a
    # disagreement, one asking what is worth learning, answered by a filter and what was tried. Not a story
    # that names no model asked about a model's system: that is the subject the kind of event is told about.
    conflict = relevance.conflict_told(info, sents) is not None or relevance.learning_told(info, sents) is not None or (
        case is not None and star.action is not None and (relevance.delivery_told(info, sents) is not None
                                                          or relevance.explaining_told(info, sents) is not None
                                                          or relevance.feedback_told(info, sents) is not None
                                                          or relevance.incident_told(info, sents) is not None
                                                          or relevance.overload_told(info, sents) is not None))
    # And one asking what the candidate's one-on-ones look like, answered by a meeting held with each person on a
    # cadence: a status walk-through is a weak one-on-one, on topic (meeting_told).
    conflict = conflict or relevance.meeting_told(info, sents) is not None
    if (rel.label == "off_topic" or rel.sibling) and conflict and rel.instead_competency != "another system":
        rel = relevance.RelevanceResult("on_topic", rel.fit, rel.rival_fit, rel.best_sentence)
    # Meaning puts one other question ahead, by less than TIE: the answer is about both subjects (bad data reaching
    # customers through an outage is an incident too), so naming that question's signals shows the overlap, not an
    # answer to it.
    tied = _tied(rel)
    if rel.label != "off_topic" and lvl.label != "below" and shape != "motivation" and not conflict and not tied and (
            rival := _outshown_by(info, rel, sig, sents, sent_vecs, sem, metrics)) is not None:  # fmt: skip
        # It names more of another question's signals than of this one's: an answer to that question, however many
        # of this question's words it shares (a latency fix told to a token-cost question names its levers).
        rel = dataclasses.replace(rel, label="off_topic", sibling=False, instead=info.others[rival[0]][0],
                                  instead_competency=info.others[rival[0]][1], rival_sentence=rival[1])  # fmt: skip
    if rel.label != "off_topic" and lvl.label != "below" and shape != "motivation" and not conflict and (
            rival := _told_as_rival(info, sig, own_words)) is not None:  # fmt: skip
        # It shows nothing of the asked question, not even in its own words, and tells two of another question's
        # signals in its own words, in two sentences: a polished story from a neighbouring subject that borrows the
        # asked question's nouns (a budget cut told to "how did you find where the money went?") is another
        # question's answer. The question named is the one meaning and words place it on (relevance._named_rival),
        # when they place it anywhere: a few own-words matches say the story is elsewhere more surely than where.
        rel = dataclasses.replace(rel, label="off_topic", sibling=False) if rel.instead else dataclasses.replace(
            rel, label="off_topic", sibling=False, instead=info.others[rival[0]][0],
            instead_competency=info.others[rival[0]][1], rival_sentence=rival[1])  # fmt: skip
    if (rel.label == "off_topic" and spec == "low" and (own == "unclear" or shape == "plan")
            and rel.instead_competency not in ("a past project", "another system")):  # fmt: skip
        # A vague answer told all as "we" (no name, figure or step of the candidate's own) says too little for its
        # words to place it on another question: what it lacks is ownership and specifics, not the subject. So does a
        # vague plan ("we would look at ... and communicate it clearly"), whatever its ownership reads.
        rel = relevance.RelevanceResult("on_topic", rel.fit, rel.rival_fit, rel.best_sentence)
    if (rel.label == "off_topic" and tells_fitting_story and rel.instead_competency != "another system"
            and not _elsewhere_exactly(info, sents, sem)):  # fmt: skip
        # It retells the candidate's own story that the index matched to THIS question (the one /hint offers): the
        # notes, written for the question, outweigh static vectors placing the retelling nearer another question,
        # unless MiniLM places it on other questions too (relevance.NOTES_AHEAD). Not a story that names no model
        # asked about a model's system (relevance.MODEL_SUBJECT, AI_OBJECT): that is its subject, not its vectors.
        rel = relevance.RelevanceResult("on_topic", rel.fit, rel.rival_fit, rel.best_sentence)
    if rel.label != "off_topic" and (party := relevance.outside_party(info, sents)) is not None:
        # Asked for a disagreement with an engineer (or a peer), it opens against someone outside engineering (a
        # sales head, a customer) or the candidate's own superior: another kind of disagreement, whichever of the
        # question's signals it shows and whichever story of the notes it retells.
        rel = dataclasses.replace(rel, label="off_topic", sibling=False, missing_ask=None, party=party.text)
    if lvl.label != "below" and (planned := relevance.planned_told(info, sents)) is not None:
        # Asked for an incident, it tells a planned event (a launch, a migration, a drill) and nothing that broke: the
        # kind of event asked for is missing, whatever production nouns, roles and figures it shares with the question,
        # and whichever story of the notes it retells. Said so even where another rule found it off topic: the planned
        # event is what the candidate can check, a rival question is a guess.
        rel = dataclasses.replace(rel, label="off_topic", sibling=False, missing_ask=None, planned=planned.text)
    if rel.label != "off_topic" and shape != "motivation" and (
            said := disclaim.disclaimed(info.text, info.signals, sents[:MAX_SENTENCES])) is not None:  # fmt: skip
        # The candidate says in the opening that the story is not about what the question names ("it was not a
        # person, it was a supplier", to a question about a hire): whatever words, signals or kind of event it
        # shares with the question, it is another subject by the candidate's own account.
        rel = dataclasses.replace(rel, label="off_topic", sibling=False, missing_ask=None, disclaimed=said.text)
    if rel.label != "off_topic" and not conflict and (
            turn := disclaim.turned_away(info.text, sents[:MAX_SENTENCES])) is not None:  # fmt: skip
        # Past its opening the candidate announces the story they would rather tell ("but let me tell you about the
        # budget") and tells one that takes nothing from the question: another subject by their own account, whatever
        # the opening shared with the question (a hire named, then a cost cut told). Not when it tells the kind of
        # event asked for (conflict above): a disagreement told in words of its own is still the one asked about.
        rel = dataclasses.replace(rel, label="off_topic", sibling=False, missing_ask=None, turned=turn.text)
    if rel.label == "on_topic" and lvl.label != "below" and (ask := asks.missing_ask(info.text, sents, metrics)):
        # One ask of a several-part question is never answered: the answer covers only part of what was asked.
        # Unless nothing shows that it covers the first part either: static meaning and words place it on other
        # questions, MiniLM does too (_elsewhere_exactly), and it names none of this question's signals (a cost
        # story told to "a hire that did not work out; what did you learn about your interviewing?" is not half an
        # answer about a hire).
        whole = placed_elsewhere and not any(h.named and not h.measured for h in sig) and _elsewhere_exactly(
            info, sents, sem)  # fmt: skip
        rel = dataclasses.replace(rel, label="off_topic") if whole else dataclasses.replace(
            rel, label="partial", missing_ask=ask)  # fmt: skip
    if rel.label == "off_topic":
        # An answer to another question shows no signal of the one asked, whatever words or numbers it shares
        # with them (a build-time speed-up gives numbers, not the model metrics a data-quality signal asks for).
        sig = [dataclasses.replace(h, covered=False, sentence=None, weak=False) for h in sig]
    else:
        # A signal that asks for a name or a resister is told shown only where the answer says it (signals.py);
        # relevance above was judged on the hits as found.
        sig = signals.said_plainly(sig, sents[:MAX_SENTENCES], sent_vecs, sig_vecs)
    feats = Features(shape, sents, metrics, star, quantified, own, own_sent, spec, found, case, rel, lvl, sig,
                     sent_vecs=sent_vecs)  # fmt: skip
    feats.flags = _flags(feats, info)
    return feats


def _elsewhere_exactly(info: QuestionInfo, sents: list[Sentence], sem: Semantic) -> bool:
    """MiniLM puts at least relevance.NOTES_AHEAD other questions of the pack ahead of the asked one for this answer
    (a model given by the caller, as in tests, decides alone); never for a question whose subject is the candidate's
    choice (relevance.open_subject). Only asked where static vectors already place the answer elsewhere and other
    evidence holds it back, so the ~40 ms of MiniLM is spent on few turns."""
    if relevance.open_subject(info):
        return False
    exact = semantic("minilm") if sem is semantic() else sem
    ahead = relevance.ahead_exactly(info, sents[:MAX_SENTENCES], exact, TOPIC_SIGNALS)
    return ahead is not None and ahead >= relevance.NOTES_AHEAD


def _leads_in_own_words(info: QuestionInfo, sig: list[signals.SignalHit], own_words: np.ndarray | None) -> bool:
    """At least OWN_LEAD and half of the asked question's signals are named (a measured outcome says how well, not
    what about), and no other question of the pack has as many of its signals said in the answer's own words
    (paraphrase.py, read over the whole pack): the story tells what this question asks for, in words of its own,
    where static meaning and shared words placed it on a neighbour (a monitoring answer that never says "monitor" or
    "drift", only what it compares and when it reverts)."""
    subject = [h for h in sig if not h.measured]
    named = sum(1 for h in subject if h.named)
    if own_words is None or named < OWN_LEAD or 2 * named < len(subject) or not info.other_signals:
        return False
    shown = paraphrase.shown_any(own_words)[len(info.signals) :]
    start, best = 0, 0
    for group in info.other_signals:
        best = max(best, int(shown[start : start + len(group)].sum()))
        start += len(group)
    return named > best


def _tied(rel: relevance.RelevanceResult) -> bool:
    """Meaning puts at most one other question ahead of the asked one, and by less than TIE."""
    return rel.ahead <= 1 and rel.rival_fit - rel.fit < TIE


def _shown(hits: list[signals.SignalHit]) -> list[signals.SignalHit]:
    """The hits that show what a question is about: named in the question's own words or close to it on its own,
    not only paraphrased (a rival's signals are never checked for paraphrase) and not a measured outcome."""
    return [h for h in hits if h.named and not h.measured and not h.paraphrased]


def _outshown_by(info: QuestionInfo, rel: relevance.RelevanceResult, sig: list[signals.SignalHit],
                 sents: list[Sentence], sent_vecs: np.ndarray | None, sem: Semantic,
                 metrics: list[MetricMention]) -> tuple[int, int | None] | None:  # fmt: skip
    """(the rival question, the sentence that shows its first signal) when one of the questions that fit the answer
    best has at least RIVAL_SHOWN of its signals named, by different sentences, and more of them than the asked
    question has; None otherwise. An answer that names ONE_SIGNAL or fewer of the asked question's signals is
    checked (a strong answer names more: skipped, which also keeps the check off most turns)."""
    asked = sum(1 for h in sig if h.named and not h.measured)  # its own words count for the asked question
    if sent_vecs is None or not info.other_signals or asked > ONE_SIGNAL or not rel.leaders or rel.ahead < 1:
        return None
    pool = _pool(info)
    pool_vecs = sem.fixed(list(pool))
    for k in rel.leaders:
        group = info.other_signals[k]
        if len(group) < RIVAL_SHOWN:
            continue
        hits = _shown(signals.check(group, sents[:MAX_SENTENCES], sent_vecs, sem.fixed(list(group)), pool, metrics,
                                    pool_vecs))  # fmt: skip
        # Shown by different sentences: one sentence can sit close to two neighbouring signals of one question.
        if len({h.sentence.start for h in hits if h.sentence is not None}) >= RIVAL_SHOWN and len(hits) > asked:
            first = hits[0].sentence
            return k, next((i for i, s in enumerate(sents) if first is not None and s.start == first.start), None)
    return None


def _told_as_rival(info: QuestionInfo, sig: list[signals.SignalHit],
                   own_words: np.ndarray | None) -> tuple[int, int] | None:  # fmt: skip
    """(the rival question, the first sentence that shows one of its signals) when the answer names none of the
    asked question's signals (a measured outcome says how well, not what about) and says none in its own words
    either, while it says at least RIVAL_OWN of another question's signals in its own words (paraphrase.py: the
    pack's signals are scored together, so each sentence counts toward the signals it is most about), each shown by
    a different sentence; None otherwise. A design question's signals count as well as a story question's: they say
    what the story is about (a feature store's latency and freshness), which is all this needs; the question named
    instead is the one meaning and words place it on. A motivation question's signals do not (any work story names
    a project), measured-outcome signals are left out, and a question whose subject is the candidate's choice (a
    disagreement, a failure of their own: relevance.open_subject) is never taken for another: any subject may be
    told in it."""
    if own_words is None or not info.other_signals or relevance.open_subject(info):
        return None
    if any(h.named and not h.measured for h in sig):
        return None
    shown = paraphrase.shown_in(own_words)
    n = len(info.signals)
    if shown[:, :n].any():
        return None
    start = n
    for k, group in enumerate(info.other_signals):
        cols = range(start, start + len(group))
        start += len(group)
        if info.others[k][2] == "motivation":  # any work story brushes against "names a project that got them in"
            continue
        # Each signal's sentence: the one that scores highest on it among those that show it (paraphrase.shown_by).
        where = {int(np.argmax(np.where(shown[:, c], own_words[:, c], -1.0))) for j, c in enumerate(cols)
                 if shown[:, c].any() and not signals.MEASURED.search(group[j])}  # fmt: skip
        if len(where) >= RIVAL_OWN:
            return k, min(where)
    return None


def _answers_rival(info: QuestionInfo, rel: relevance.RelevanceResult, sents: list[Sentence],
                   sent_vecs: np.ndarray | None, sem: Semantic, metrics: list[MetricMention]) -> bool:  # fmt: skip
    """An answer fits another question far better only if it shows what one of those questions asks for: one of
    the signals of a question that fits its meaning or its words best is named by a sentence (not a measured-outcome
    signal, which any story with a number shows), or the answer uses RIVAL_WORDS of their distinctive words."""
    if sent_vecs is None or not info.other_signals:
        return True
    pool = _pool(info)
    pool_vecs = sem.fixed(list(pool))
    said = frozenset().union(*(signals.word_roots(s.text) for s in sents))
    asked = frozenset().union(*signals.distinctive(info.signals, pool)) if info.signals else frozenset()
    for k in rel.leaders:
        group = info.other_signals[k]
        if not group:
            continue
        # Its words: the answer uses what few signals of the pack name ("profiled", "vectorised"), enough of them.
        if len(said & frozenset().union(*signals.distinctive(group, pool))) >= RIVAL_WORDS:
            return True
        hits = signals.check(group, sents[:MAX_SENTENCES], sent_vecs, sem.fixed(list(group)), pool, metrics, pool_vecs)
        keys = signals.distinctive(group, pool)
        if any(h.named and not h.measured and not _also_asked(h, keys[j], asked) for j, h in enumerate(hits)):
            return True
    return False


def _also_asked(hit: signals.SignalHit, keys: frozenset[str], asked: frozenset[str]) -> bool:
    """The rival signal is named only through distinctive words the asked question's signals use too ("a fallback
    plan" is asked of a migration and of a deadline alike): evidence for both questions, not for the rival."""
    if hit.sentence is None:
        return False
    shared = signals.word_roots(hit.sentence.text) & keys
    return bool(shared) and shared <= asked


def _flags(f: Features, info: QuestionInfo) -> dict[str, bool]:
    """The named booleans the rubric table reads."""
    n_words = sum(len(words(s.text)) for s in f.sents)
    sized = next((m for m in f.metrics if gaps.sizes(m)), None)
    if sized is not None:
        f.cues.setdefault("scale", next(s for s in f.sents if s.start <= sized.start < s.end))
    about_role = next((s for s in f.sents if gaps.ABOUT_ROLE.search(s.text)), None)
    own_path = next((s for s in f.sents if gaps.OWN_PATH.search(s.text)), None) or f.case
    if own_path is not None and f.shape == "motivation":
        f.cues.setdefault("example", own_path)
    elif f.case is not None and f.shape in ("technical", "stance"):
        f.cues.setdefault("example", f.case)
    named = sum(1 for h in f.signals if h.named)
    denials = [h.denied_by.start for h in f.signals if h.denied_by is not None]
    # Steps told in the passive (a past verb after "was"/"were", nobody named as the actor): the action is there,
    # whose it was is not, so the gap is ownership, not a missing action. Only for a specific answer, never for one
    # that names the candidate as the actor.
    passive = f.star.action is None and f.spec != "low" and sum(
        1 for s in f.sents if _PASSIVE_STEP.search(s.text) and not _I.search(s.text)) >= PASSIVE_STEPS  # fmt: skip
    not_owned = f.own != "clear" and f.star.action is not None
    said_i = any(_I.search(s.text) for s in f.sents)
    return {
        "not_on_topic": f.relevance.label != "on_topic" and f.relevance.missing_ask is None,
        "off_topic": f.relevance.label == "off_topic",
        "below_level": f.level.label == "below",
        "missing_part": f.relevance.missing_ask is not None,
        "no_action": f.star.action is None and not passive,
        "no_plan_step": f.star.action is None,
        "not_owned": not_owned,
        "passive_steps": passive and f.own != "clear",
        "plan_not_owned": f.own != "clear",
        # A plan question answered with a past case whose steps are all the group's: no "I", "me" or "my" in it.
        "case_not_owned": f.shape == "plan" and not_owned and f.case is not None and not said_i,
        "no_result": f.star.result is None,
        "unmeasured_result": f.star.result is not None and not f.quantified,
        "generic": f.spec == "low",
        "hazy": f.spec != "low" and hazy(" ".join(s.text for s in f.sents)),
        # An unclear part is also why the task reads as missing: one gap, not two.
        "no_situation": f.star.situation is None and not not_owned,
        "no_task": f.star.task is None and not not_owned,
        "no_lived_case": f.case is None,
        "case_unanchored": f.case is None and f.spec != "high",
        "no_reason": "rationale" not in f.cues,
        "no_reason_short": "rationale" not in f.cues and n_words < gaps.SHORT_POSITION_WORDS,
        "no_requirements": "requirements" not in f.cues,
        "no_scale": sized is None,
        "no_failure_modes": "failure_modes" not in f.cues,
        "no_tradeoffs": "tradeoffs" not in f.cues,
        "no_motive": "rationale" not in f.cues and about_role is None,
        "no_own_path": own_path is None,
        # None of the question's signals shown is a gap; one missing out of three is not. Shown means named
        # (signals.SignalHit.named): weak evidence is reported as covering a signal, and is too weak to lift the gap.
        "signals_missing": len(info.signals) >= 2 and named == 0,
        # One of the question's signals named and another not shown even weakly: the answer is on this question and
        # leaves a part of what it asks for untold (a monitoring answer with no rule for rolling back). A 5 shows
        # every part; what is left untold is what to ask next.
        "signal_untold": len(info.signals) >= 2 and named >= 1 and any(not h.covered for h in f.signals),
        # At least half of them not shown and said not done, by two sentences or more: the candidate's own account of
        # a gap. One sentence denying a word several signals share ("I never call it debt") is one statement.
        "signals_denied": len(info.signals) >= 2 and 2 * len(denials) >= len(info.signals) and len(set(denials)) >= 2,
        # Every signal of the question named, in specific terms (rubric.FORM_GAPS says what that waives).
        "signals_shown": len(info.signals) >= SHOWN_SIGNALS and named == len(info.signals) and f.spec == "high",
    }
