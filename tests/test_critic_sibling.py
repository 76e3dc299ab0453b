"""A sibling question (same competency, same role pack) that fits an answer better makes it partial, not off topic.

The ai-engineer pack asks about poor data quality hurting a model, and also how to get good labels and how to design
the training-data pipeline (all data_platform). A strong story about fixing bad labels sits nearest the labelling
question by meaning; a sharp interviewer hears an answer to the question asked and probes what is missing, never caps
it at 2. A story that answers the sibling instead (a faster build, a pipeline design) stays off topic.
Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer

DATA_PROBLEM = "Tell me about a time poor data quality affected your model. What did you do about it?"
LABELS_STORY = (
    "Our support-ticket classifier was stuck at 0.74 accuracy and I suspected the labels. I relabelled 200 tickets "
    "myself and 18% disagreed with the annotators, mostly between two billing categories whose guideline overlapped. "
    "I rewrote the annotation guideline with clear rules for those categories, asked the annotation team to relabel "
    "the 3,000 affected tickets, and added a weekly agreement check on a shared sample. Accuracy rose to 0.82 on the "
    "same model and annotator agreement is now above 92%."
)
SPEED_STORY = (
    "The training-set build for our ranking model was the bottleneck: nine hours, since each run recomputed every "
    "click since launch. I profiled it, rewrote the heaviest joins to read only yesterday's partitions and merge them "
    "into stored aggregates, and moved the job to a bigger executor pool. The build now finishes in 70 minutes, so we "
    "retrain every night instead of twice a week."
)
DESIGN_STORY = (
    "I designed the pipeline that builds our weekly training set. Raw events land in the lake, a Spark job joins them "
    "with user and item tables into one row per impression, and the output is written as versioned Parquet so any "
    "model run can be reproduced. I added schema checks at each stage and row-count alerts. It runs in two hours and "
    "five teams now train from it."
)


def test_a_strong_story_nearest_a_sibling_question_is_partial_and_not_capped() -> None:
    c = critique_answer(DATA_PROBLEM, "behavioral", LABELS_STORY, role="ai-engineer")
    assert c.relevance == "partial"
    assert c.score >= 4  # main called it off topic and capped it at 2
    assert c.strengths  # an off-topic answer lists none
    assert "good labels" in c.relevance_note  # names the neighbouring question, not a competency id
    assert DATA_PROBLEM in c.relevance_note


def test_a_story_that_answers_the_sibling_instead_stays_off_topic() -> None:
    for story in (SPEED_STORY, DESIGN_STORY):
        c = critique_answer(DATA_PROBLEM, "behavioral", story, role="ai-engineer")
        assert c.relevance == "off_topic", story[:40]
        assert c.score <= 2
