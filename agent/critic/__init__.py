"""The offline critic: judges one answer against the rubric of its question type (see core.py)."""

from agent.critic.core import critique_answer
from agent.critic.follow_up import critique_follow_up

__all__ = ["critique_answer", "critique_follow_up"]
