"""The offline critic: judges one answer against the rubric of its question type (see core.py)."""

from agent.critic.core import critique_answer

__all__ = ["critique_answer"]
