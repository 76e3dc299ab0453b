"""Coaching across sessions: the history feed, progress per competency, story coverage, a job description's
requirements, the practice plan and the progress page. `python -m agent.progress` is the command line."""
