"""`python -m agent` is the terminal session (same as `python -m agent.session`)."""

from agent.session import cli

cli()
