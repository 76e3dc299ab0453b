"""What runs before the first prompt reads keys stays light: the critic, LangGraph and the embedders load on the
session's start thread beside the prompt, never on the path to it (launch -> prompt accepts input <= 1.0 s)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.test_session_tty import REPO

# The main thread's work before the prompt: the session module, the answer source with its typing-ahead feed, the
# first question's preview and the prompt itself (agent.session.run, in that order).
BEFORE_PROMPT = """
import json, sys
import agent.session
from agent.cli_args import parse_args
from agent.cli_context import new_context
from agent.cli_input import PromptSource
from agent.context import with_seed
from agent.preview import first_question
from agent.typing_ahead import TypingAhead

source = PromptSource(on_draft=TypingAhead().changed)
assert first_question(with_seed(new_context(parse_args(["--role", "director"])))) is not None
source.prepare()
print(json.dumps(sorted(sys.modules)))
"""
HEAVY = ("agent.critic", "agent.graph", "agent.driver", "langgraph", "langchain_core", "numpy", "faiss",
         "onnxruntime", "knowledge.embeddings", "knowledge.index")  # fmt: skip


def test_nothing_heavy_is_imported_before_the_first_prompt() -> None:
    run = subprocess.run([sys.executable, "-c", BEFORE_PROMPT], capture_output=True, text=True, cwd=REPO,
                         timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout)
    heavy = sorted({m for m in loaded for h in HEAVY if m == h or m.startswith(h + ".")})
    assert heavy == [], heavy
