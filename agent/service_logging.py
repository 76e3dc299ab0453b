"""One log line, not two tracebacks, for a client's input the interview service refuses, and for a damaged SQLite
checkpointer.

LangGraph Server logs a run that fails with `logger.exception` ("Run encountered an error in graph") and again when
the background run fails, each with the Python traceback: about 110 lines for an unknown role or an oversized
upload, which is the client's mistake, not a fault of the server. For the refusals the service raises on purpose
(agent.service_context.ClientInputError, agent.candidates.UploadError) the first record keeps one line, as a warning
without its traceback, and the second is dropped. A SQLite checkpointer file damaged or replaced after the server
started (agent.server_checkpointer checks it at start) fails every run inside the server's own code: its first
record becomes one error line saying what to do, the second is dropped; so does a run that failed because the
Postgres checkpointer could not be reached (a warning: the pool logs the loss and the return). Every other error is
logged as before.

A stream a client may not read (join_stream on another's thread: 404) was logged by the server's SSE code as
"Error streaming response" with the whole traceback (op37 O21): a client's error (4xx) there is one warning line.
faiss's loader says at INFO level which CPU build it could not load before the one it uses
(`ModuleNotFoundError(... swigfaiss_avx512 ...)`), which reads as a failure: its logger shows warnings only.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from agent.server_checkpointer import RECORDED, SEE_LOG, UNREACHABLE

REFUSALS = ("ClientInputError", "UploadError")  # the class names the server's error message quotes
CHECKPOINTER_FAULTS = ("sqlite3.DatabaseError",)  # a file that is no longer a SQLite database
SQLITE_FAULT = "server_checkpointer.CheckpointerFault'>(the SQLite checkpointer"  # (its module is loaded by path)
POSTGRES_DOWN = f"server_checkpointer.CheckpointerFault'>({UNREACHABLE[:40]}"  # a run in flight as Postgres went away
WORKER_LOGGER = "langgraph_api.worker"
SSE_LOGGER = "langgraph_api.sse"
FAISS_LOADER = "faiss.loader"
CLIENT_ERROR = re.compile(r"\bHTTPException: (?P<status>4\d\d): (?P<detail>.*)$")
DAMAGED = ("the SQLite checkpointer (INTERVIEWER_CHECKPOINTER) failed on this run, nothing was recorded: {why}; "
           "its file was damaged or replaced while the server ran: stop the server, restore the file from a backup "
           "(or move it away to start with no threads) and start it again")  # fmt: skip


def _kind(text: str) -> str | None:
    """'refused', 'checkpointer', 'unreachable' or None for a worker record's message."""
    if any(f".{name}'>" in text for name in REFUSALS):
        return "refused"
    if POSTGRES_DOWN in text:
        return "unreachable"
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
        if kind == "unreachable":  # the pool said the loss once already (agent.pg_pool); the client is told
            _one_line(record, event, f"a run failed: {UNREACHABLE}", logging.WARNING)
            return True
        line = "a client's input was refused: " + why if kind == "refused" else DAMAGED.format(why=why)
        _one_line(record, event, line, logging.WARNING if kind == "refused" else logging.ERROR)
        return True


def _one_line(record: logging.LogRecord, event: dict[str, Any] | None, line: str, level: int) -> None:
    """The record says `line` at `level`, without its traceback."""
    if event is not None:
        event.pop("exc_info", None)
        event.pop("exception", None)
        event.update(event=line, level=logging.getLevelName(level).lower())
    else:
        record.msg, record.args = line, ()
    record.exc_info, record.exc_text = None, None
    record.levelno, record.levelname = level, logging.getLevelName(level)


class ClientStreamErrorFilter(logging.Filter):
    """The SSE code's "Error streaming response" record of a client's error (an HTTP 4xx, such as another's thread
    answering 404) becomes one warning line; a server fault keeps its traceback. The server's structlog chain has
    rendered the exception into the record's text by now (format_exc_info): its last line names the error."""

    def filter(self, record: logging.LogRecord) -> bool:
        event: Any = record.msg if isinstance(record.msg, dict) else None
        rendered = str(event.get("exception", "")) if event is not None else ""
        if not rendered and record.exc_info and record.exc_info[1] is not None:
            exc: Any = record.exc_info[1]
            rendered = f"HTTPException: {getattr(exc, 'status_code', '')}: {getattr(exc, 'detail', '')}"
        last = rendered.strip().splitlines()[-1] if rendered.strip() else ""
        if found := CLIENT_ERROR.search(last):
            detail = " ".join(found["detail"].split())[:200]
            _one_line(record, event, f"a client's stream was answered {found['status']}: {detail}", logging.WARNING)
        return True


def quiet_refusals() -> None:
    """Install the filters on the server's loggers (once; importing the served graph calls it)."""
    for name, kind in ((WORKER_LOGGER, RefusedInputFilter), (SSE_LOGGER, ClientStreamErrorFilter)):
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
    logging.getLogger(FAISS_LOADER).setLevel(logging.WARNING)
