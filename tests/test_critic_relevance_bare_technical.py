"""A technical question answered by a story that shows none of the mechanisms it asks about is off topic, however
many of its code words the story shares (critic_dev13's kind): asked how to speed up a slow Python step of a training
pipeline, a story about teaching a new hire to document that step. An answer that names the mechanisms stays on
topic. Driven through the real CLI, a scripted offline ai-engineer session; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

SEED = 103  # the ai-engineer pack's one-question plan with this seed asks how to speed up a Python step


@pytest.mark.usefixtures("isolated_data_dir")
def test_documenting_the_python_step_for_a_new_hire_is_off_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", SEED, (
        "The Python step in our training pipeline that prepares the sensor readings is the part I am proudest of "
        "explaining well. When Lucia joined the team she was given that step as her first task, and nobody had ever "
        "written down what it expected. I spent two afternoons with her drawing each stage of the pipeline on a "
        "whiteboard, then we wrote a one-page guide together with the inputs, the outputs and the odd cases. She "
        "shipped her first change in her second week, and the guide is now part of how we welcome new engineers."
    ), "Python")  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_profiling_and_vectorising_the_step_stays_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", SEED, (
        "I would profile the step first with cProfile on one day of data to see where the time goes. In a case like "
        "ours most of it was a row-by-row apply over a pandas frame, so I replaced it with vectorised numpy "
        "operations and moved the file parsing into a multiprocessing pool of eight workers. I checked that the "
        "output matched the old version on a sample before switching, and the step went from 40 minutes to 6."
    ), "Python")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
