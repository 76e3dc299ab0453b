"""One log line, not two tracebacks, for a client's input the interview service refuses.

LangGraph Server logs a run that fails with `logger.exception` ("Run encountered an error in graph") and again when
the background run fails, each with the Python traceback: about 110 lines for an unknown role or an oversized
upload, which is the client's mistake, not a fault of the server. For the refusals the service raises on purpose
(agent.service_context.ClientInputError, agent.candidates.UploadError) the first record keeps one line, as a warning
without its traceback, and the second is dropped; every other error is logged as before.
"""

from __future__ import annotations

import logging
from typing import Any

REFUSALS = ("ClientInputError", "UploadError")  # the class names the server's error message quotes
WORKER_LOGGER = "langgraph_api.worker"


def _refusal(text: str) -> bool:
    return any(f".{name}'>" in text for name in REFUSALS)


class RefusedInputFilter(logging.Filter):
    """Shortens the server worker's records of a refused client input (see the module docstring)."""

    def filter(self, record: logging.LogRecord) -> bool:
        event: Any = record.msg if isinstance(record.msg, dict) else None  # structlog's event dict
        text = str(event.get("event", "")) if event is not None else record.getMessage()
        if not _refusal(text):
            return True
        if text.startswith("Background run failed"):
            return False  # the same refusal, already said
        line = "a client's input was refused: " + text.split(">(", 1)[-1].removesuffix(")")
        if event is not None:
            event.pop("exc_info", None)
            event.pop("exception", None)  # the traceback, already rendered by the server's processors
            event.update(event=line, level="warning")
        else:
            record.msg, record.args = line, ()
        record.exc_info, record.exc_text, record.levelno, record.levelname = None, None, logging.WARNING, "WARNING"
        return True


def quiet_refusals() -> None:
    """Install the filter on the server worker's logger (once; importing the served graph calls it)."""
    logger = logging.getLogger(WORKER_LOGGER)
    if not any(isinstance(f, RefusedInputFilter) for f in logger.filters):
        logger.addFilter(RefusedInputFilter())
