"""One log line, not two tracebacks, for a client's input the interview service refuses, and for a damaged SQLite
checkpointer.

LangGraph Server logs a run that fails with `logger.exception` ("Run encountered an error in graph") and again when
the background run fails, each with the Python traceback: about 110 lines for an unknown role or an oversized
upload, which is the client's mistake, not a fault of the server. For the refusals the service raises on purpose
(agent.service_context.ClientInputError, agent.candidates.UploadError) the first record keeps one line, as a warning
without its traceback, and the second is dropped. A SQLite checkpointer file damaged or replaced after the server
started (agent.server_checkpointer checks it at start) fails every run inside the server's own code: its first
record becomes one error line saying what to do, the second is dropped. Every other error is logged as before.
"""

from __future__ import annotations

import logging
from typing import Any

from agent.server_checkpointer import RECORDED, SEE_LOG

REFUSALS = ("ClientInputError", "UploadError")  # the class names the server's error message quotes
CHECKPOINTER_FAULTS = ("sqlite3.DatabaseError",)  # a file that is no longer a SQLite database
SQLITE_FAULT = "server_checkpointer.CheckpointerFault'>(the SQLite checkpointer"  # (its module is loaded by path)
WORKER_LOGGER = "langgraph_api.worker"
DAMAGED = ("the SQLite checkpointer (INTERVIEWER_CHECKPOINTER) failed on this run, nothing was recorded: {why}; "
           "its file was damaged or replaced while the server ran: stop the server, restore the file from a backup "
           "(or move it away to start with no threads) and start it again")  # fmt: skip


def _kind(text: str) -> str | None:
    """'refused', 'checkpointer' or None for a worker record's message."""
    if any(f".{name}'>" in text for name in REFUSALS):
        return "refused"
    if SQLITE_FAULT in text or any(f"<class '{name}'>" in text for name in CHECKPOINTER_FAULTS):
        return "checkpointer"
    return None


class RefusedInputFilter(logging.Filter):
    """Shortens the server worker's records of a refused client input or a damaged checkpointer (see above)."""

    def filter(self, record: logging.LogRecord) -> bool:
        event: Any = record.msg if isinstance(record.msg, dict) else None  # structlog's event dict
        text = str(event.get("event", "")) if event is not None else record.getMessage()
        kind = _kind(text)
        if kind is None:
            return True
        if text.startswith("Background run failed"):
            return False  # the same failure, already said
        why = text.split(">(", 1)[-1].removesuffix(")")
        why = why.split(RECORDED, 1)[-1].split(SEE_LOG, 1)[0] if SQLITE_FAULT in text else why
        line = "a client's input was refused: " + why if kind == "refused" else DAMAGED.format(why=why)
        level = logging.WARNING if kind == "refused" else logging.ERROR
        if event is not None:
            event.pop("exc_info", None)
            event.pop("exception", None)  # the traceback, already rendered by the server's processors
            event.update(event=line, level=logging.getLevelName(level).lower())
        else:
            record.msg, record.args = line, ()
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = level, logging.getLevelName(level)
        return True


def quiet_refusals() -> None:
    """Install the filter on the server worker's logger (once; importing the served graph calls it)."""
    logger = logging.getLogger(WORKER_LOGGER)
    if not any(isinstance(f, RefusedInputFilter) for f in logger.filters):
        logger.addFilter(RefusedInputFilter())
