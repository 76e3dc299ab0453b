"""Same answer, same verdict, under concurrency: replies judged by several threads at once, as the first judgments
of a fresh process (a server's first candidates), get the critique the same reply gets judged alone.

The critic tells its own model from one a caller passed by identity (`sem is semantic()`: a caller's model decides
alone, the critic's own asks MiniLM about an unclear short reply). Threads asking for the model at once each built
one, so all but one judged with "a caller's model" and called an on-topic short reply off topic.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
THREADS = 4
# In a fresh process: THREADS threads judge the same short reply at once, then it is judged once more alone.
JUDGE = f"""
import json, threading
from agent.critic import critique_follow_up
from agent.critic.question import question_info

question = "Tell me about a time you had to make a system much faster."
info = question_info(question, "behavioral", None, "ai-engineer", None, None)
earlier = ("Our ranking service took two seconds per request at peak. I profiled it and found we re-embedded the "
           "same documents on every call, so I added a cache keyed by document hash and batched the misses. "
           "Latency fell to 300 ms at the 95th percentile.")
follow_up = "How did you know the cache was the bottleneck?"
reply = "The flame graph showed most of the time inside the encoder."

def judge():
    return critique_follow_up(info, follow_up, "action", reply, earlier=earlier).model_dump(mode="json")

start = threading.Barrier({THREADS})
together = []

def one():
    start.wait()
    together.append(judge())

threads = [threading.Thread(target=one) for _ in range({THREADS})]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({{"together": together, "alone": judge()}}))
"""


def test_replies_judged_at_once_get_the_verdict_of_one_judged_alone() -> None:
    done = subprocess.run([sys.executable, "-c", JUDGE], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    assert found["alone"]["relevance"] == "on_topic"  # MiniLM places the reply on the follow-up's subject
    assert [c["relevance"] for c in found["together"]] == ["on_topic"] * THREADS
    assert found["together"] == [found["alone"]] * THREADS
