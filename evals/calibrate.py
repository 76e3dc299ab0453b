"""Calibration: how closely the critic agrees with human labels (evals/labeled: tuned on; evals/blind: never).

    python -m evals.calibrate [--set DIR] [--json] [--role R] [--show-misses] [--check]

Runs the offline critic on every labelled answer (and every labelled follow-up answer, judged on its own) and
reports: score within the labelled range; off-topic answers scored <= 2; strong on-topic answers scored >= 4;
answers below the role's level scored <= 3; follow-up answers within range (also split into first replies and later
replies of a chain); relevance and level accuracy; STAR and quantified-result F1 where labelled; primary-gap accuracy;
complete-beats-degraded over pairs; where an item carries the candidate's notes, agreement on `notes_mismatch`.
`--check` exits 1 when a figure is below its bar (BARS). Exit 2 when the data is invalid (naming the file, item id and
reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from evals.calibrate_stats import classes, prf, rate
from evals.labels import LabeledItem, LabelError, load_labeled

STAR_PARTS = ("situation", "task", "action", "result")
# The bars (figure -> minimum), checked with --check; the README reports the blind set's values.
BARS = {
    "score_in_range": 0.85,
    "off_topic_capped": 0.90,
    "strong_high": 0.90,
    "below_level_capped": 0.80,
    "follow_up_in_range": 0.85,
    "star_macro_f1": 0.93,
    "quantified_f1": 0.93,
}
# What the tuned set measures today (tests/test_calibrate.py keeps the critic above it); where a floor is below its
# bar, the bar is not met yet on the tuned set either. Blind misses that were looked at move into the tuned set
# (evals/blind/README.md), so a floor can be re-based down when they arrive; the commit says so with the figures.
# Re-based 2026-12-02 ~23:00 when 56 looked-at blind items came in (the tuned set went 334 -> 390 answers); raised
# the same night to what the level, form-gap, follow-up, non-answer and model-subject changes reach on it (score 0.785,
# off-topic 0.872, strong 0.929, below 1.000, follow-ups 0.950; STAR and quantified unchanged at 0.969, 0.972).
# Score floor raised 2026-12-03 (critic stop 22) to what the score composition (a stance with no result costs what a
# story's does, a generic plan or motivation is a 2, a signal-only gap no longer takes a complete answer's 5) and
# several-part questions (an unanswered ask caps at 3) reach: score 0.785 -> 0.803; the other figures unchanged.
# Re-based down 2026-12-03 (critic stop 23) on one figure, for generalisation measured on evals/critic_dev (a
# 40-answer check set written before the stop's changes; first run: score 0.675, strong 0.538, relevance 0.625,
# follow-ups 0.333, quantified F1 0.900): a lived story is no longer matched against the pack's design questions, and
# an answer is another question's only if it names one of that question's signals or uses three of their distinctive
# words. Check set after: score 0.775, strong 0.769, relevance 0.725, follow-ups 0.778, quantified 0.952. Tuned:
# relevance 0.938 -> 0.949, score 0.803 unchanged, but one tuned off-topic story is no longer caught (0.872 -> 0.846).
# Raised 2026-12-03 (critic stop 24) to what signals said in the answer's own words (agent/critic/paraphrase.py)
# reach: score 0.803 -> 0.805, strong 0.929 -> 0.946; the others unchanged.
# Lowered at stop 25, one item: score 0.805 -> 0.803, reserve-director-005 (a hiring mistake labelled partial,
# [3, 3]: the critic names none of the hiring question's signals and two of a struggling manager's, by different
# sentences, so the rival-signal rule (agent/critic/features.py _outshown_by) calls it off topic and it scores 2).
# Raised at stop 26: quantified-result F1 0.971 -> 0.976 (a bare number is not an outcome: metric_roles.py).
# Raised at stop 27: score 0.803 -> 0.808, strong 0.946 -> 0.952 (signal examples, agent/critic/examples.py; a
# change told as how things run now, and steps told with irregular past verbs such as "froze", answer "what did you
# change?": asks.py, text.py).
# Raised at stop 28 (outcome forms, one irregular-past table): score 0.808 -> 0.810, strong 0.952 -> 0.958, STAR
# 0.969 -> 0.971, quantified 0.977 -> 0.991.
# Raised at stop 36 (crit37: a sentence echoing the question is left out of the word view, relevance.FRAME_WORDS):
# off topic 0.846 -> 0.872, score 0.810 -> 0.813.
# Raised at stop 38 (crit41: signals shown in the answer's own words, not where denied; agent/critic/signal_words.py):
# score 0.813 -> 0.815.
# Raised at stop 38 (lvl42: a below-level answer scores at most 2, as its labels say; agent/critic/rubric.py CAPS):
# score 0.815 -> 0.817 (two answers labelled 2 now in range, tuned-engineering-manager-008, labelled 3, out).
# Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5): strong 0.958 ->
# 0.964 (reserve-ai-engineer-001, labelled 5, 3 -> 4).
# Raised at stop 39 (star44: a plan of slogans is generic, steps in the pluperfect are the action, the lesson applied
# on the next project is the result): score 0.818 -> 0.823.
# Raised at stop 42 (crit42: a story that shows nothing of the asked question, not even in its own words, and tells
# two of another question's signals in its own words by two sentences is off topic, features._told_as_rival): off
# topic 0.872 -> 0.897, score 0.823 -> 0.826.
# score_in_range raised at stop 43 (crit43, rubric._UNTOLD and DESIGN_KEEPS): 0.825 -> 0.828 (323 of 390).
FLOOR = {
    "score_in_range": 0.828,
    "off_topic_capped": 0.896,
    "strong_high": 0.964,
    "below_level_capped": 1.0,
    "follow_up_in_range": 0.95,
    "star_macro_f1": 0.971,
    "quantified_f1": 0.99,
}
# Signal coverage judged where labelled (a sentence must show the signal, not share its words): precision measured
# 0.635 (recall 0.494) when the stricter matcher came in; main's vocabulary matcher had 0.385 (recall 0.642). With
# static word vectors in place of MiniLM (knowledge/embedding_static.py): 0.621 (recall 0.444). With an off-topic
# answer showing no signal of the question asked and weak evidence reported (agent/critic/signals.py): 0.700
# (recall 0.519). On the 390-answer tuned set (56 looked-at blind items in): 0.847 (recall 0.525).
# Paraphrase (agent/critic/paraphrase.py, critic stop 24): tuned precision 0.844 -> 0.831 (recall 0.537 -> 0.591);
# on evals/critic_dev2, written before it, 0.812 -> 0.855 (recall 0.476 -> 0.646); both sets together 0.837 -> 0.838
# at recall 0.522 -> 0.605. The four new tuned false positives name the signal's subject without what it asks for
# ("more testing" for "a guardrail or test added afterwards"), so the floor moves down to what is measured.
# Raised at stop 38 (crit41, agent/critic/signal_words.py: a named thing shown whatever its cosine, denied words and a
# listed instance's qualifier alone show nothing): precision 0.843 -> 0.849 (152 of 179), recall 0.620 -> 0.628.
SIGNAL_PRECISION_FLOOR = 0.845
EVALS_DIR = Path(__file__).resolve().parent
# The critic's check sets (evals/<name>/, each with its README), in the order they were written, each with the floor
# tests/test_calibrate.py holds it at: a rule that fits only the tuned items shows up there. None is blind: each was
# worked on with it in view after its first run (the first runs are in the READMEs and below).
CHECK_SETS: dict[str, dict[str, float]] = {
    # evals/critic_dev, the critic's check set (its README): what it measured when the stop-23 changes landed. It is not
    # blind (the critic was worked on with it in view), so it guards against rules that fit only the tuned items.
    # Lowered at stop 24, one item: score 0.775 -> 0.750, dev-ai-engineer-008 (labelled [3, 3]; its lesson is now
    # seen in other words, so the signal gap no longer holds it at 3) scores 4.
    # Follow-ups 0.778 -> 1.000 at stop 24: a short reply far from the answer it follows and from both questions is off
    # topic (agent/critic/follow_up.py APART).
    # Raised at stop 38 (relv41): score 0.750 -> 0.800, strong 0.769 -> 0.846 (an incident told in words of its own
    # answers an incident question: relevance.incident_told, dev-senior-genai-engineer-005).
    # Stop 39's para43 (a MiniLM meaning check of relevance, relevance.shown_in_meaning) raised it to 0.825 / 0.923;
    # it was reverted at the end of that stop (see critic_dev16): the floor is the stop-38 one, 0.800 / 0.846.
    # Raised at stop 42 (crit42: a story showing nothing of the asked question and two of another's signals in its
    # own words is off topic, features._told_as_rival): score 0.800 -> 0.825, off topic 0.917 -> 1.000.
    "critic_dev": {
        "score_in_range": 0.825,
        "off_topic_capped": 1.0,
        "strong_high": 0.846,
        "follow_up_in_range": 1.0,
        "quantified_f1": 0.952,
    },
    # evals/critic_dev2, the second check set (its README), written at stop 24 before that stop's changes: what it
    # measured when they landed (first run on main 6e81f48: score 0.650, off topic 0.583, strong 0.632, follow-ups
    # 0.667, signal precision 0.812 and recall 0.476).
    # Raised at stop 25 by the rival-signal rule (features.py _outshown_by): score 0.700 -> 0.725, off topic 0.583 ->
    # 0.667.
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.750 -> 0.800, strong 0.789 -> 0.895.
    # Stop 39's para43 (relevance.shown_in_meaning) also raised it and was reverted at the end of that stop: the
    # floor is what the critic measures without it (calall on 3d1f848), 0.800 / 0.895.
    # Raised at stop 42 (crit42, features._told_as_rival): score 0.800 -> 0.825, off topic 0.667 -> 0.750.
    "critic_dev2": {
        "score_in_range": 0.825,
        "off_topic_capped": 0.75,
        "strong_high": 0.894,
        "follow_up_in_range": 1.0,
    },
    # evals/critic_dev3, the third check set (its README), written at stop 25 before that stop's changes (first run on
    # main c3e223b: score 0.650, off topic 0.812, strong 0.800, follow-ups 0.778, relevance 0.850, primary gap 0.676):
    # what the stop's changes reach on it (the rival-signal rule: score 0.650 -> 0.700, off topic 0.812 -> 0.938; a
    # failure told to a question asking for one, relevance.failure_told: score 0.700 -> 0.725).
    # Raised at stop 26: score 0.725 -> 0.750 (an answer ending on a plan's window is no longer read as its result);
    # follow-ups 0.777 -> 0.888 (a reply naming what a signal probe asked for closes it: follow_up._gives_probed).
    # Raised at stop 34 (crit34): score 0.750 -> 0.775 ("engineer"/"manager" never name a signal: signals._WHO).
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.775 -> 0.800.
    "critic_dev3": {
        "score_in_range": 0.80,
        "off_topic_capped": 0.937,
        "strong_high": 0.80,
        "follow_up_in_range": 0.888,
    },
    # evals/critic_dev4, the fourth check set (its README), written at stop 26 before that stop's changes (first run on
    # main 4716767: score 0.825, off topic 1.000, strong 1.000, follow-ups 0.571, relevance 0.850, primary gap 0.605):
    # what the stop's changes reach on it (a bare number is not an outcome, a date kept is: score 0.850, follow-ups
    # 0.714; the candidate's own part as the gap of an unanswered "what did you do": primary gap 0.658; a reply naming
    # what a signal probe asked for closes it: follow-ups 0.857; a worker "process" is not the team's process and "I
    # then fixed" is hands-on work, in the engineering-manager pack's level cues: relevance 0.850 -> 0.875, gap 0.684; a
    # rival's signal named only through a word the asked question's signals share is no evidence for it: score 0.875).
    # Raised at stop 34 (crit34): score 0.875 -> 0.900 (explaining to non-engineers: relevance.explaining_told).
    "critic_dev4": {
        "score_in_range": 0.9,
        "off_topic_capped": 1.0,
        "strong_high": 1.0,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.857,
    },
    # evals/critic_dev5, the fifth check set (its README), written at stop 27 before that stop's changes (first run on
    # main 472c861: score 0.450, off topic 0.688, strong 0.400, follow-ups 0.667, STAR 0.832, quantified 0.889,
    # relevance 0.650, primary gap 0.440, signal precision 0.829 / recall 0.392): what the stop's changes reach on it
    # (signal examples; "what did you change?" answered by how things run now and by irregular past steps; a caused
    # step and its ", so ... now" result; an answer far from the question by meaning is off topic).
    # Raised at stop 34 (crit34): score 0.600 -> 0.625, strong 0.667 -> 0.733 (a delivered project's subject is the
    # candidate's: relevance.delivery_told).
    # Raised at stop 35 (crit35: a disagreement with someone outside engineering told to a question about one with an
    # engineer, relevance.outside_party): score 0.625 -> 0.650, off topic 0.812 -> 0.875.
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.650 -> 0.700, strong 0.733 -> 0.800.
    "critic_dev5": {
        "score_in_range": 0.70,
        "off_topic_capped": 0.875,
        "strong_high": 0.80,
        "follow_up_in_range": 0.666,
        "star_macro_f1": 0.932,  # raised at stop 28 (0.902 -> 0.933): one irregular-past table; "I had them <verb>"
        "quantified_f1": 0.947,
    },
    # evals/critic_dev6, the sixth check set (its README), written at stop 28 by a writer who had not read the critic;
    # first run, identical on main c443f44 and on the stop's first two commits: score 0.667, off topic 0.583, strong
    # 0.857, below level 0.750, follow-ups 0.500, STAR 0.936, quantified 0.889, relevance 0.812, primary gap 0.562. What
    # the stop's changes reach on it (a "how did it go" ask covered by any result: score 0.688, strong 0.929).
    # Raised at stop 32 (off32: a retold note's story no longer overrides MiniLM placing the answer elsewhere; nothing
    # of the question answered is off topic, not partial): score 0.687 -> 0.708, off topic 0.583 -> 0.667.
    # Raised at stop 35 (crit35: an opening that disclaims the asked subject, agent/critic/disclaim.py): score 0.708
    # -> 0.771, off topic 0.667 -> 0.917.
    # Raised at stop 36 (crit38: lower-scope cues counted per mention, not per sentence, agent/critic/level.py): score
    # 0.771 -> 0.792, below level 0.750 -> 1.000.
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.792 -> 0.812, STAR 0.936 -> 0.941.
    # Raised at stop 43 (crit43: a plan, design or explanation with a signal untold is at most a 4, a design needs its
    # failure modes however many signals it names, rubric._UNTOLD and DESIGN_KEEPS): score 0.812 -> 0.833.
    "critic_dev6": {
        "score_in_range": 0.833,
        "off_topic_capped": 0.916,
        "strong_high": 0.928,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.75,  # stop 30: a reply answering another question is off topic (another_story.py)
        "star_macro_f1": 0.941,
        "quantified_f1": 0.888,
    },
    # evals/critic_dev7, the seventh check set (its README), written at stop 29 by a writer who had not read the critic;
    # first run on main 9abde4d: score 0.812, off topic 0.800, strong 0.833, below level 0.750, follow-ups 0.500, STAR
    # 0.826, quantified 0.818, relevance 0.833, primary gap 0.542; on the critic branch at 846437d the same but
    # follow-ups 0.333. The floor is that first run on the branch.
    # Raised at stop 34 (crit34): score 0.812 -> 0.854, strong 0.833 -> 0.917 (relevance.delivery_told).
    # Raised at stop 35 (crit35, disclaim.py): score 0.854 -> 0.875, off topic 0.800 -> 0.900; then facilitation
    # in place of a technical choice as an engineer's lower scope (the engineer packs' level cues): score 0.875 ->
    # 0.896, below level 0.750 -> 1.000.
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.896 -> 0.917, strong 0.917 -> 1.000, STAR 0.826 -> 0.834, quantified 0.818 -> 0.870.
    # Raised at stop 42 (crit42, features._told_as_rival): score 0.917 -> 0.938, off topic 0.900 -> 1.000.
    "critic_dev7": {
        "score_in_range": 0.937,
        "off_topic_capped": 1.0,
        "strong_high": 1.0,
        "below_level_capped": 1.0,
        # main's first run 0.500; stop 30: a reply answering another question is off topic (another_story.py): 0.833
        "follow_up_in_range": 0.833,
        "star_macro_f1": 0.834,
        "quantified_f1": 0.869,
    },
    # evals/critic_dev8, the eighth check set (its README), written at stop 30 by a writer who had not read the critic,
    # the first with the candidate's notes and follow-up chains; first run on the critic branch at 6800f12 (main's
    # critic, the harness that reads the new fields): score 0.400, off topic 0.500, strong 0.680, follow-ups 0.800
    # (first 0.800, later 0.800), notes_mismatch precision 1.000 recall 0.125 (14 of 20 notes give no story through
    # the ingestion). The floor was that first run. Stop 31: ingestion reads terse notes
    # (knowledge/ingest/terse_notes.py), so all 20 notes give the critic a story (6 before): notes_mismatch F1 0.000
    # -> 0.364 (precision 0.667, recall 0.250), and score 0.400 -> 0.350, off topic 0.500 -> 0.333 (an off-topic
    # answer that retells its note's story, which the index says fits, is read as on topic), strong 0.720 -> 0.680.
    # The floor is that run: the set now measures the critic with the notes it was written with.
    # Raised at stop 32: score 0.350 -> 0.400, off topic 0.333 -> 0.500 (off32's relevance changes), strong 0.680 ->
    # 0.720 and notes_mismatch precision 0.667 -> 1.000 (drift32: figures paired by what they measure).
    # Raised at stop 35 (crit35: a disagreement with the candidate's own superior told to a question about one with a
    # peer, relevance.outside_party): score 0.400 -> 0.425, off topic 0.500 -> 0.667.
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.425 -> 0.500, strong 0.720 -> 0.840.
    # Raised at stop 39 (star44: management slogans and the question's own figures are no specifics,
    # specificity.py): score 0.50 -> 0.55.
    "critic_dev8": {
        "score_in_range": 0.55,
        "off_topic_capped": 0.666,
        "strong_high": 0.84,
        "follow_up_in_range": 0.8,
    },
    # evals/critic_dev9, the ninth check set (its README), written at stop 32 by a writer who had not read the critic:
    # polished off-topic answers (reusing the question's words, answering another question of the pack, retelling a
    # note's story that fits another question), strong answers in plain words, chains whose later reply repeats,
    # corrects or contradicts the earlier reply. First run on main 1f3ad18 (before that stop's critic work): score
    # 0.725, off topic 0.667, strong 1.000, below level 1.000, follow-ups 0.526 (first 0.500, later 0.545), STAR 0.857,
    # quantified 0.762, relevance 0.800, primary gap 0.425, signals 0.596 / 0.630, notes_mismatch 1.000 / 0.250. The
    # floor is that first run.
    # Raised at stop 35 (crit35, disclaim.py): score 0.725 -> 0.775, off topic 0.750 -> 0.917.
    # Follow-ups raised at stop 35 (fu35: a closing reply scores 5 only when it tells more than the one thing asked;
    # an evasion naming nothing checkable closes nothing; a short reply turning to another subject is off topic):
    # critic_dev9 0.579 -> 0.737, critic_dev10 0.542 -> 0.771, critic_dev11 0.604 -> 0.792; critic_dev11 score
    # 0.875 -> 0.900 and strong 0.875 -> 0.917 from drift35's terse-notes story (its note now gives a story).
    # Raised at stop 36 (crit37, relevance.FRAME_WORDS now also for words): score 0.775 -> 0.800, off topic 0.917 ->
    # 1.000.
    "critic_dev9": {
        "score_in_range": 0.8,
        "off_topic_capped": 1.0,
        "strong_high": 1.0,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.736,
    },
    # evals/critic_dev10, the tenth check set (its README), written at stop 33 by a writer who had not read the critic:
    # off-topic answers that open with relevant-sounding context, on-topic answers that open with context from
    # elsewhere, strong answers whose signals are said in plain words, notes contradicted in other words ("cost" in
    # the notes, "spend" in the answer), 20 follow-up chains (48 replies). First run on main 50e7a66 (before that
    # stop's critic work): score 0.750, off topic 0.500, strong 0.833, below level 0.667, follow-ups 0.521 (first
    # 0.500, later 0.536), STAR 0.908, quantified 0.938, relevance 0.850, primary gap 0.525, signals 0.779 / 0.659,
    # notes_mismatch 0 of 4 caught (two of the eight notes give no story through the ingestion). The floor is that run.
    # Raised at stop 35 (crit35: one part of work someone else led is below an engineer's level, level._slice):
    # score 0.750 -> 0.800, below level 0.667 -> 1.000. Raised at stop 36 (crit36: a disagreement told with the
    # other party's name after its role and the candidate's own position, relevance.conflict_told): score 0.800 ->
    # 0.825, strong 0.833 -> 0.875. Raised at stop 38 (fu41: a price named as time added or saving given back
    # answers "what did it cost?", follow_up.COST): follow-ups 0.771 -> 0.792.
    # Raised at stop 39 (grade43: a specific technical answer's missing case costs nothing past the 5, rubric.py;
    # "later than", a deadline and a pluperfect are no result, "came in under" and "it held" are, star_cues.py; a
    # recovery time "after" the work is an outcome, a count a causative step obtained is not, metric_roles.py): score
    # 0.825 -> 0.850, strong 0.875 -> 0.917.
    # Stop 39's para43 (relevance.shown_in_meaning) also raised it and was reverted at the end of that stop: the
    # floor is what the critic measures without it (calall on 3d1f848), 0.850 / 0.917.
    # Raised at stop 42 (crit42, features._told_as_rival): score 0.850 -> 0.875, off topic 0.500 -> 0.625.
    "critic_dev10": {
        "score_in_range": 0.875,
        "off_topic_capped": 0.625,
        "strong_high": 0.916,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.791,
    },
    # evals/critic_dev11, written at stop 34 by a writer who had not read the critic: strong stories told to another
    # question of the same pack, evasive answers, strong answers in plain words, notes contradicted in other words, 20
    # follow-up chains (48 replies; four say which of two figures is right). First run on main 578efe5 (before that
    # stop's critic work): score 0.825, off topic 1.000, strong 0.875, below level 0.667, follow-ups 0.500 (first
    # 0.400, later 0.571), STAR 0.921, quantified 0.667, relevance 0.950, primary gap 0.600, signals 0.850 / 0.773,
    # notes_mismatch 0 of 4 caught (one note gives no story through the ingestion). The floor is that run.
    # Raised at stop 35 (crit35, level._slice): score 0.825 -> 0.875, below level 0.667 -> 1.000.
    # Raised at stop 36 (lvl37: "everyone felt heard" is an engineer's facilitation cue): score 0.900 -> 0.925.
    "critic_dev11": {
        "score_in_range": 0.925,
        "off_topic_capped": 1.0,
        "strong_high": 0.916,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.791,
    },
    # evals/critic_dev12, written at stop 35 by a writer who had not read the critic: stories of another question
    # sharing everyday words, on-topic openings then another story, strong answers in plain words, hands-on answers
    # below the level, chains of a good reply then one that restates and one that dodges, vague "we" chains, notes
    # retold and contradicted. First run on the train 90158f8 (before that stop's critic work): score 0.650, off topic
    # 0.625, strong 0.550, below level 0.750, follow-ups 1.000 (20 replies), STAR 0.930, quantified 0.714, relevance
    # 0.825, level 0.950, primary gap 0.500, signals 0.838 / 0.633, notes_mismatch 3 of 4. The floor is that run.
    # Raised at stop 36 (crit36, relevance.conflict_told as for critic_dev10): score 0.650 -> 0.675, strong 0.550 ->
    # 0.600; then (ownership.OWN_STEPS: three steps of the candidate's own make their part clear) score 0.700,
    # strong 0.650; then (gaps.FLEET: tens of models or jobs size a design) score 0.725, strong 0.700; then (cues
    # failure_modes: a halted rollout and a way back to the old version in plain words) score 0.750, strong 0.750;
    # then (gaps._CASE: "our X started at N" is a lived case) score 0.775, strong 0.800.
    # Raised at stop 36 (crit37, relevance.FRAME_WORDS now also for words): score 0.775 -> 0.800, off topic 0.625 ->
    # 0.750; (lvl37: "my tech lead, X, put together the plan" and "she handed me the tickets" are a slice of a lead's
    # work): below level 0.750 -> 1.000; both together score 0.825.
    # Stop 39's para43 (relevance.shown_in_meaning) raised it to 0.875 / 0.900 and was reverted at the end of that
    # stop: the floor is the stop-36 one, 0.825 / 0.800.
    # Raised at stop 43 (crit43: a plan, design or explanation with a signal untold is at most a 4, a design needs its
    # failure modes however many signals it names, rubric._UNTOLD and DESIGN_KEEPS): score 0.825 -> 0.850.
    "critic_dev12": {
        "score_in_range": 0.85,
        "off_topic_capped": 0.75,
        "strong_high": 0.8,
        "below_level_capped": 1.0,
        "follow_up_in_range": 1.0,
    },
    # evals/critic_dev13, written at stop 36 by a writer who had not read the critic: the same kinds as critic_dev12,
    # one strong answer per role told without any key word of its question. First run on the train d603ff5 (main
    # 618674f's critic, before that stop's critic work): score 0.725, off topic 0.750, strong 0.800, below level 0.250,
    # follow-ups 0.950 (20 replies), STAR 0.952, quantified 0.950, relevance 0.875, level 0.925, primary gap 0.600,
    # signals 0.904 / 0.680, notes_mismatch 1 of 4. The floor is that run.
    # Raised at stop 36 (crit38: an engineer who ran errands for the person who found and fixed the cause, and
    # lower-scope cues counted per mention): score 0.725 -> 0.800, below level 0.250 -> 1.000; then a technical
    # question answered with none of its signals shown (relevance.bare): score 0.800 -> 0.825, off topic 0.750 -> 0.875.
    # Raised at stop 37 (crit39: half of the signals said in the answer's own words, more than any other question's;
    # an audience named with what it wanted; a revert told as the previous version going back; an announced turn to
    # another story): score 0.825 -> 0.900, off topic 0.875 -> 1.000, strong 0.800 -> 0.900.
    # Raised at stop 37 (score39: a reply that says the main answer again closes nothing, chain.restates_answer):
    # follow-ups 0.950 -> 1.000.
    # Raised at stop 43 (crit43: a plan, design or explanation with a signal untold is at most a 4, a design needs its
    # failure modes however many signals it names, rubric._UNTOLD and DESIGN_KEEPS): score 0.900 -> 0.925.
    "critic_dev13": {
        "score_in_range": 0.925,
        "off_topic_capped": 1.0,
        "strong_high": 0.9,
        "below_level_capped": 1.0,
        "follow_up_in_range": 1.0,
    },
    # evals/critic_dev14, written at stop 37 by a writer who had not read the critic: critic_dev13's kinds but a
    # technical/design or motivation question answered off topic (002) and a thin on-topic answer (004). First run on
    # main 9a5d031 (before that stop's critic work): score 0.700, off topic 0.875, strong 0.5625, below level 1.000,
    # follow-ups 0.900 (20 replies), STAR 0.929, quantified 0.900, relevance 0.750, level 1.000, primary gap 0.375,
    # signals 0.831 / 0.570, notes_mismatch 3 of 4. The floor is that run.
    # Raised at stop 37 (score39): score 0.700 -> 0.750 (a contrast of order is no trade-off, cues._NOT_ORDER; a plan
    # question answered with the group's past case, the candidate never in it, rubric case_not_owned); follow-ups
    # 0.900 -> 1.000 (a reply that says the main answer again closes nothing, chain.restates_answer; a claim of
    # involvement is not even part of the candidate's own part, follow_up._claim_only).
    # Raised at stop 37 (crit40: criticism received and what changed since, a delivery held to a date that went live,
    # a customer who is only who a design serves is no party to the disagreement, a technical neighbour named instead
    # is no sign of another subject, a motivation answer showing none of its signals far by meaning): score 0.750 ->
    # 0.900, off topic 0.875 -> 1.000, strong 0.5625 -> 0.875.
    # Lowered at the end of stop 37 to 0.85 / 0.75 (score / strong): crit40's exemption of a technical neighbour
    # from the far-off rule re-admitted the speed story told to the cost question the rule exists for
    # (tests/test_critic_far_off.py failed in CI) and was removed; two of critic_dev14's strong answers are off topic
    # again.
    # Raised at stop 38 (crit41: signals named in the answer's own words, agent/critic/signal_words.py): score 0.850
    # -> 0.875, strong 0.750 -> 0.8125.
    # Stop 39's para43 (relevance.shown_in_meaning) raised it to 0.950 / 1.000 and was reverted at the end of that
    # stop: the floor is the stop-38 one, 0.875 / 0.8125.
    "critic_dev14": {
        "score_in_range": 0.875,
        "off_topic_capped": 1.0,
        "strong_high": 0.812,
        "below_level_capped": 1.0,
        "follow_up_in_range": 1.0,
    },
    # evals/critic_dev15, written at stop 38 by a writer who had not read the critic: off-topic stories from a
    # neighbouring domain, below-level answers in the question's own words, two signals of several shown, signal nouns
    # named but not done, tight answers with figures in everyday forms, replies that answer a measure exactly, point
    # back to what was given, or talk about something else, a note's figure on another quantity. First run on 5cc00dc
    # (before that stop's critic work): score 0.525, off topic 1.000, strong 0.625, below level 0.750, follow-ups 0.500
    # (24 replies: first 0.417, later 0.583), STAR 0.938, quantified 0.788, relevance 0.900, level 0.950, primary gap
    # 0.425, signals 0.642 / 0.573, notes_mismatch 3 of 4, no false alarm. The floor is that run, follow-ups raised
    # at stop 38 (branch fu41) to 1.000: a measure against its baseline closes a numbers probe, pointing back to what
    # was named answers a follow-up asking for it again, a slip owned settles "which is right?", a turn announced with
    # a story word kept is off topic, a cadence named without a clause gives the step (agent/critic/follow_up.py).
    # Raised at stop 38 (lvl42): score 0.550 -> 0.600, below level 0.750 -> 1.000 (a tutorial recipe and a prompt-only
    # fix told in the question's words read as first steps, knowledge/roles/*engineer.yaml `entry`; below scores 2).
    # Score raised at stop 38 (branch crit42): half the signals or more said not done is a gap (features
    # signals_denied), so answers that name a signal's nouns without doing them score 3, not 4-5; with lvl42: 0.675.
    # At stop 39, para43 (relevance.shown_in_meaning) raised it to 0.700 / 0.688 (dev15-ai-engineer-003), then star44
    # (steps told in the pluperfect are the action, the lesson applied on the next project and a launch dated against
    # the plan are results, star.py, star_cues.py) to 0.725 / 0.750. para43 was reverted at the end of that stop
    # (dev15-ai-engineer-003 off topic again): the floor is what the critic measures without it, with star44 (calall
    # on 3d1f848), 0.700 / 0.6875.
    # Raised at stop 43 (crit43: a plan, design or explanation with a signal untold is at most a 4, a design needs its
    # failure modes however many signals it names, rubric._UNTOLD and DESIGN_KEEPS): score 0.700 -> 0.725.
    "critic_dev15": {
        "score_in_range": 0.725,
        "off_topic_capped": 1.0,
        "strong_high": 0.6875,
        "below_level_capped": 1.0,
        "follow_up_in_range": 1.0,
    },
    # evals/critic_dev16, written at stop 39 by a writer who had not read the critic: the kinds of critic_dev15 plus
    # a strong story lacking one thing to chase, a polished answer to another question of the same pack, and a strong
    # answer told with hedges and asides. First run on de39be0 (before that stop's critic work): score 0.625, off
    # topic 0.750, strong 0.700, below level 0.750, follow-ups 0.792 (24 replies: first 0.583, later 1.000), STAR
    # 0.956, quantified 0.878, relevance 0.812, level 0.917, primary gap 0.458, signals 0.804 / 0.725,
    # notes_mismatch 2 of 4, no false alarm. The floor is that run, but for below level: 0.750 -> 0.500 with
    # grade43's technical no-case row (a technical answer specific throughout loses nothing more for having no case):
    # dev16-ai-engineer-002, a quick-wins list labelled below level [1,2], read at level with threads credited as
    # multiprocessing, went 3 -> 4 (out of range before and after). That rule brought 11 answers of other sets into
    # range and took none out; the cost is kept visible here rather than tuned away.
    # At the end of stop 39, para43's meaning check of relevance (which had raised critic_dev, dev2, dev10, dev12,
    # dev14 and dev15: each says its floor without it) was reverted: it cost the load bar ~600 ms of p95 and ~3.5 ms
    # of CPU per turn idle and moved neither critic_dev16 nor the blind set.
    # Raised at stop 40 (nc47's level cues: one's own manager, one's own tickets and promotion read below the role;
    # growing an org and its hiring bar read at a director's level): score 0.625 -> 0.645 (31 of 48), below level
    # 0.500 -> 0.750 (3 of 4).
    # Raised at stop 43 (crit43: a plan, design or explanation with a signal untold is at most a 4, a design needs its
    # failure modes however many signals it names, rubric._UNTOLD and DESIGN_KEEPS): score 0.645 -> 0.666.
    "critic_dev16": {
        "score_in_range": 0.666,
        "off_topic_capped": 0.75,
        "strong_high": 0.7,
        "below_level_capped": 0.75,
        # Raised at stop 39 (fu44: a figure given with the side it comes from settles "which is right?"; a reply
        # that gathers requirements from the teams gives them): 0.792 -> 1.000.
        "follow_up_in_range": 1.0,
    },
    # evals/critic_dev17, written at stop 40 by a writer who had not read the critic, in critic_dev16's kinds. First
    # run on 9dacd96 (before any of stop 40's critic work): score 0.729 (35 of 48), off topic 0.875, strong 0.800,
    # below level 0.750, follow-ups 0.875 (24 replies), STAR 0.923, quantified 0.909, relevance 0.875, level 0.979,
    # primary gap 0.542, signals 0.793 / 0.730, notes_mismatch 2 of 4 with one false alarm (two items' notes yield no
    # story). The floor is that run.
    # Raised at stop 43 (crit43: a plan, design or explanation with a signal untold is at most a 4, a design needs its
    # failure modes however many signals it names, rubric._UNTOLD and DESIGN_KEEPS): score 0.729 -> 0.750.
    "critic_dev17": {
        "score_in_range": 0.75,
        "off_topic_capped": 0.875,
        "strong_high": 0.8,
        "below_level_capped": 0.75,
        "follow_up_in_range": 0.875,
    },
    # evals/critic_dev18, written at stop 41 by a writer who had not read the critic, in critic_dev17's kinds. First
    # run on 524becc (before any of stop 41's critic work): score 0.708 (34 of 48), off topic 0.875, strong 0.750,
    # below level 1.000, follow-ups 0.667 (16 of 24 replies), STAR 0.929, quantified 0.842, relevance 0.896, level
    # 0.979, primary gap 0.583, signals 0.771 / 0.786, notes_mismatch 1 of 4 with one false alarm (one item's notes
    # yield no story). The floor is that run.
    "critic_dev18": {
        "score_in_range": 0.708,
        "off_topic_capped": 0.875,
        "strong_high": 0.75,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.666,
    },
    # evals/critic_dev19, written at stop 42 by a writer who had not read the critic, in critic_dev18's kinds (its
    # off-topic items all from the question's own field, four with an adjacent subject). First run on train 725540e
    # (main 61fda9e plus a data move; before any of stop 42's critic work): score 0.646 (31 of 48), off topic 0.625
    # (5 of 8), strong 0.850, below level 1.000, follow-ups 0.708 (17 of 24 replies), STAR 0.910, quantified 0.864,
    # relevance 0.875, level 0.979, primary gap 0.583, signals 0.771 / 0.800, notes_mismatch 0 of 4 (three items'
    # notes yield no story). The floor is that run.
    # Raised at stop 43 (crit43: rubric._UNTOLD and DESIGN_KEEPS, and a planned event told to an incident question is
    # off topic, relevance.planned_told): score 0.645 -> 0.770, off topic 0.625 -> 0.875 (7 of 8).
    "critic_dev19": {
        "score_in_range": 0.77,
        "off_topic_capped": 0.875,
        "strong_high": 0.85,
        "below_level_capped": 1.0,
        "follow_up_in_range": 0.708,
    },
    # evals/critic_dev20, written at stop 43 by a writer who had not read the critic, in critic_dev19's kinds (every
    # off-topic 001 item an adjacent subject of the question's own field, 011 another question of the same pack).
    # First run on train 96fe2eb (main 84db786 plus data moves; before any of stop 43's critic work): score 0.667
    # (32 of 48), off topic 0.625 (5 of 8), strong 0.950, below level 0.750, follow-ups 0.833 (20 of 24 replies),
    # STAR 0.920, quantified 0.884, relevance 0.896, level 0.958, primary gap 0.521, signals 0.737 / 0.853,
    # notes_mismatch 3 of 4 with no false alarm. The floor was that run; raised after stop 43's critic work (crit43's
    # two rules, run once on train 48c5cdf): score 0.666 -> 0.708 (34 of 48), every other figure the same.
    "critic_dev20": {
        "score_in_range": 0.708,
        "off_topic_capped": 0.625,
        "strong_high": 0.95,
        "below_level_capped": 0.75,
        "follow_up_in_range": 0.833,
    },
}
# Lowered at stop 25 (0.59 -> 0.58): recall 0.591 -> 0.587, one signal of reserve-director-005, which the
# rival-signal rule now calls off topic (FLOOR above says why), and an off-topic answer shows no signal.
# Raised at stop 38 (crit41, SIGNAL_PRECISION_FLOOR says why): 0.620 -> 0.628 (152 of 242).
SIGNAL_RECALL_FLOOR = 0.625


def check_dir(name: str) -> Path:
    """The folder of the check set `name` (a key of CHECK_SETS)."""
    return EVALS_DIR / name


Judge = Callable[[LabeledItem], tuple[Any, list[Any]]]  # item -> (critique, [follow-up critiques])


def default_judge() -> Judge:
    """The real offline critic, given each item as a session gives it (evals/calibrate_session.py): the question in
    its role pack, the item's notes as the candidate's story bank, each follow-up reply in order."""
    from evals.calibrate_session import session_judge

    judge: Judge = session_judge()
    return judge


def _in(score: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= score <= bounds[1]


def calibrate(items: Sequence[LabeledItem], judge: Judge | None = None) -> dict[str, Any]:
    """Run the critic on every item and compare with the labels; a JSON-ready dict."""
    judge = judge or default_judge()
    rows: list[tuple[LabeledItem, Any, list[Any]]] = []
    errors: list[dict[str, str]] = []
    for item in items:
        try:
            main, follow = judge(item)
        except Exception as exc:  # one bad item must not hide the rest of the report
            errors.append({"id": item.id, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]})
            continue
        rows.append((item, main, follow))
    misses: list[dict[str, Any]] = []

    def miss(item: LabeledItem, field: str, label: Any, got: Any, **extra: Any) -> None:
        misses.append({"id": item.id, "field": field, "label": label, "got": got, **extra})

    in_range = []
    for item, c, _ in rows:
        ok = _in(c.score, item.labels.score)
        in_range.append(ok)
        if not ok:
            # The gaps the critic found, costliest first: what the score was composed from (evals/calibrate_causes.py).
            miss(item, "score", list(item.labels.score), c.score, gaps=list(c.weak_or_missing))
    off = [c.score <= 2 for i, c, _ in rows if i.labels.relevance == "off_topic"]
    strong = [c.score >= 4 for i, c, _ in rows if i.labels.relevance == "on_topic" and i.labels.score[0] >= 4]
    below = [c.score <= 3 for i, c, _ in rows if i.labels.level == "below"]
    follow_pairs = [(i, fu, fc) for i, _, fcs in rows for fu, fc in zip(i.follow_ups, fcs, strict=True)]
    places = [k for i, _, _ in rows for k in range(len(i.follow_ups))]  # each reply's place in its chain
    fu_ok = []
    for (i, fu, fc), place in zip(follow_pairs, places, strict=True):
        ok = _in(fc.score, fu.labels.score)
        fu_ok.append(ok)
        if not ok:
            where = fu.probes if place == 0 else f"{place + 1}:{fu.probes}"
            miss(i, f"follow_up[{where}].score", list(fu.labels.score), fc.score)
    noted = [(i, c) for i, c, _ in rows if i.labels.notes_mismatch is not None]
    for item, c in noted:
        if item.labels.notes_mismatch != _contradicts(c):
            miss(item, "notes_mismatch", item.labels.notes_mismatch, _contradicts(c))
    for item, c, _ in rows:
        for field in ("relevance", "level"):
            if getattr(item.labels, field) != getattr(c, field):
                miss(item, field, getattr(item.labels, field), getattr(c, field))
    starred = [(i, c) for i, c, _ in rows if i.labels.star is not None]
    star = {p: prf([getattr(i.labels.star, p) for i, _ in starred], [getattr(c.star, p) for _, c in starred])
            for p in STAR_PARTS}  # fmt: skip
    quant = [(i, c) for i, c, _ in rows if i.labels.quantified_result is not None]
    gapped = [(i, c) for i, c, _ in rows if i.labels.primary_gap is not None]
    v1 = [(i, c) for i, c, _ in rows if i.labels.ownership is not None]
    signal_pairs = _signal_pairs(rows)
    scores = {i.id: c.score for i, c, _ in rows}
    pairs = [(i.degraded_of, i.id) for i, _, _ in rows if i.degraded_of and i.degraded_of in scores]
    figures = {
        "score_in_range": rate(in_range),
        "off_topic_capped": rate(off),
        "strong_high": rate(strong),
        "below_level_capped": rate(below),
        "follow_up_in_range": rate(fu_ok),
        "star_macro_f1": sum(float(r["f1"]) for r in star.values()) / len(STAR_PARTS),
        "quantified_f1": float(
            prf([bool(i.labels.quantified_result) for i, _ in quant], [bool(c.quantified_result) for _, c in quant])[
                "f1"
            ]
        ),
    }
    return {
        "items": len(rows),
        "follow_ups": len(follow_pairs),
        "errors": errors,
        "figures": figures,
        "counts": {
            "off_topic": len(off),
            "strong": len(strong),
            "below_level": len(below),
            "starred": len(starred),
            "quantified": len(quant),
        },
        "bars": BARS,
        "relevance": classes([i.labels.relevance for i, _, _ in rows], [c.relevance for _, c, _ in rows]),
        "level": classes([i.labels.level for i, _, _ in rows], [c.level for _, c, _ in rows]),
        "closes_gap": rate([fc.closes_gap == fu.labels.closes_gap for _, fu, fc in follow_pairs]),
        # Follow-up replies by place in the chain: the first reply to a follow-up, and the later ones of a chain.
        "follow_up_replies": _replies(follow_pairs, places),
        # Items with the candidate's notes: does the critic flag a figure or fact contradicting them (a story note of
        # kind "contradiction") exactly where the labels say the answer contradicts the note?
        "notes_mismatch": {
            **prf([bool(i.labels.notes_mismatch) for i, _ in noted], [_contradicts(c) for _, c in noted]),
            "items": len(noted),
            # Notes the ingestion finds no story in: the critic got nothing to compare with (a figure of ingestion).
            "no_story": [i.id for i, _ in noted if not _note_stories(str(i.candidate_notes))],
        },
        "star": star,
        "primary_gap": classes([str(i.labels.primary_gap) for i, _ in gapped], [c.primary_gap for _, c in gapped]),
        "ownership": classes([str(i.labels.ownership) for i, _ in v1], [c.ownership for _, c in v1]),
        "specificity": classes([str(i.labels.specificity) for i, _ in v1], [c.specificity for _, c in v1]),
        # Signal coverage where a labeller judged it: items that list signals_missing, and off-topic answers
        # (which show none of the asked question's signals).
        "signals": prf([y for y, _ in signal_pairs], [p for _, p in signal_pairs]),
        "score_within_1": rate([abs(c.score - i.labels.exact) <= 1 for i, c, _ in rows]),
        "pairs": {
            "count": len(pairs),
            "complete_beats_degraded": rate([scores[str(a)] > scores[b] for a, b in pairs]),
            "ties": sum(1 for a, b in pairs if scores[str(a)] == scores[b]),
        },
        "misses": misses,
    }


def _contradicts(critique: Any) -> bool:
    """The critic says the answer contradicts the candidate's notes."""
    return any(note.kind == "contradiction" for note in critique.story_notes)


def _note_stories(notes: str) -> int:
    """How many stories the ingestion finds in a note (evals/calibrate_session.py opens the same text)."""
    from knowledge.ingest import ingest_text

    return len(ingest_text(notes, "notes.md").stories)


def _replies(pairs: list[tuple[LabeledItem, Any, Any]], places: list[int]) -> dict[str, dict[str, float | int]]:
    """Follow-up figures for first replies and for later replies of a chain: count, score in range, closes its gap,
    and off-topic replies scored <= 2 (with their count)."""
    out: dict[str, dict[str, float | int]] = {}
    for name, later in (("first", False), ("later", True)):
        chosen = [(fu, fc) for (_, fu, fc), place in zip(pairs, places, strict=True) if (place > 0) == later]
        off = [fc.score <= 2 for fu, fc in chosen if fu.labels.relevance == "off_topic"]
        out[name] = {
            "count": len(chosen),
            "in_range": rate([_in(fc.score, fu.labels.score) for fu, fc in chosen]),
            "closes_gap": rate([fc.closes_gap == fu.labels.closes_gap for fu, fc in chosen]),
            "off_topic": len(off),
            "off_topic_capped": rate(off),
        }
    return out


def _signal_pairs(rows: list[tuple[LabeledItem, Any, list[Any]]]) -> list[tuple[bool, bool]]:
    """(labelled covered, critic covered) for every signal of every item whose signals were judged."""
    pairs = []
    for item, c, _ in rows:
        off = item.labels.relevance == "off_topic"
        if c.non_answer or not (off or "signals_missing" in item.labels.model_fields_set):
            continue
        missing = set(item.labels.signals_missing)
        pairs += [(not off and check.signal not in missing, check.covered) for check in c.signals.checks]
    return pairs


def failing(report: dict[str, Any]) -> list[str]:
    """The figures below their bars."""
    return [f"{k} {report['figures'][k]:.3f} < {bar}" for k, bar in BARS.items() if report["figures"][k] < bar]


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--role", help="only this role's labelled answers")
    parser.add_argument(
        "--set",
        dest="set_dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="directory of labelled <role>*.yaml files (default evals/labeled; evals/blind is blind)",
    )
    parser.add_argument("--show-misses", action="store_true", help="list every disagreement (id, field, label, got)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its bar")
    args = parser.parse_args(argv)
    try:
        items = load_labeled(role=args.role, directory=args.set_dir)
    except LabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = calibrate(items)
    if not args.show_misses:
        report.pop("misses")
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        from evals.calibrate_render import render

        render(report, role=args.role, set_name=str(args.set_dir) if args.set_dir else None)
    bad = failing(report)
    if args.check and bad:
        print("below the bar: " + "; ".join(bad), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
