"""Who a client of the interview service is, and what it may reach (langgraph.json `auth`): its own threads only.

Every request carries `Authorization: Bearer <token>`; one without is refused (HTTP 401, one line).
- With INTERVIEWER_AUTH_SECRET set on the server, a token is `<user>.<signature>`, issued by the operator with
  `python -m agent.service_auth USER` (an HMAC-SHA256 of the user under the secret): the identity is the user.
- Without it, any token of at least MIN_TOKEN characters is accepted and is its own identity (a key to the
  threads made with it, kept as its hash): anyone who reaches the server may use it, but only with their threads.
An operator with an identity provider replaces `authenticate` below with one that checks its tokens (a JWT's
signature, a session cookie) and returns the user's id; the rules after it stay as they are.

What an identity reaches: threads (and their runs, state, history) it created, stamped `owner` in their metadata:
reading, updating, deleting, searching, running or resuming another's answers 404 as for a thread that does not
exist. Assistants are read-only (the served graphs). Store namespaces are the caller's own (written under its
identity; the interview graph writes the coaching history through the runtime, not the API). A thread's state is
written by the interview graph only: a client's `update_state` (or a thread made with `supersteps`) and a run's
`Command(update=...)` or `goto` are refused (403), so no client forges its report, ends its interview or changes its
settings except by the moves it answers with (a resume). The thread metadata the service keys on (PROTECTED: its
candidate's `user_id`, its `owner`, the graph it runs) is set when the thread is made: a later patch of it is refused
(403), so a live interview never moves to another candidate. Crons are not served to clients (403): a schedule would
start interviews on the server's CPU with no candidate to answer them. A client reads its own coaching history in the
store: `("coaching",)` or `("coaching", <its candidate key>)` is its signed-in candidate's, `("coaching",
"user:<user_id>")` that of its candidate named `user_id`; any other coaching namespace is read under its identity,
where there is none. Studio's own sign-in is off (`disable_studio_auth`): it would let any client that sends Studio's
header through without a token. A secret under MIN_SECRET characters is refused, by the token tool and by the server
at start (short_secret(), called from agent.server_checkpointer's start checks): anyone could guess it and sign any
name.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sys
from typing import Any

from langgraph_sdk import Auth

SECRET_ENV = "INTERVIEWER_AUTH_SECRET"
MIN_TOKEN = 16  # a token that is its own identity must not be guessable
NO_TOKEN = "this server needs `Authorization: Bearer <token>` on every request (see the README's service section)"
BAD_TOKEN = "this token was not issued by this server (INTERVIEWER_AUTH_SECRET): ask its operator for yours"
SHORT_TOKEN = f"a token must be at least {MIN_TOKEN} characters (it is the key to your threads: pick a random one)"
BAD_NAME = ("a user name is letters, digits and . _ @ + - (not first), at most 128 characters: no '/', ':', spaces "
            "or control characters (the candidate key joins a name and a thread's user_id with them)")  # fmt: skip
STATE_WRITE = ("a thread's state is written by the interview only: send moves with a resume (an answer, `skip` or "
               "`end`); update_state is not served to clients")  # fmt: skip
COMMAND_WRITE = ("a run's command takes `resume` only (an answer, `skip` or `end`): `update`, `goto` and `graph` "
                 "would write the interview's state; nothing was run")  # fmt: skip
PROTECTED = ("user_id", "owner", "graph_id", "assistant_id")  # metadata the candidate key and run checks read
METADATA_WRITE = (f"a thread's {', '.join(PROTECTED)} are set when it is made (threads.create(metadata=...)): "
                  "a patch cannot change them; nothing was changed")  # fmt: skip
NO_CRONS = "crons are not served to clients: start each interview with a run on its own thread"
MIN_SECRET = 32  # a secret anyone could guess signs any name's token
SECRET_RULE = (f"{SECRET_ENV} must be at least {MIN_SECRET} characters (a long random string: "
               "python3 -c 'import secrets; print(secrets.token_hex(32))')")  # fmt: skip
SHORT_SECRET = f"{SECRET_RULE}; no token was issued"
SHORT_SECRET_SERVER = f"{SECRET_RULE}; the server did not start"
NAME = re.compile(r"[A-Za-z0-9_@+.][A-Za-z0-9_@+.-]{0,127}")

auth = Auth()


def signature(user: str, secret: str) -> str:
    return hmac.new(secret.encode(), user.encode(), hashlib.sha256).hexdigest()


def valid_name(user: str) -> bool:
    """Whether `user` may be an identity: no separator of the candidate key (`/`, `:`), so that `auth:<identity>`
    and `auth:<identity>/user:<user_id>` never name one candidate for two logins, and nothing an option parser or a
    log line would take for something else (a leading `-`, spaces, control characters)."""
    return NAME.fullmatch(user) is not None


def issue(user: str, secret: str) -> str:
    """The token that signs in as `user` on a server with this INTERVIEWER_AUTH_SECRET (a valid_name)."""
    if not valid_name(user):
        raise ValueError(BAD_NAME)
    return f"{user}.{signature(user, secret)}"


def candidate_of(identity: str, user_id: str | None = None) -> str:
    """The candidate string a signed-in `identity` (and a thread's `user_id`) names, hashed into the candidate key
    (agent.candidates.candidate_key): `auth:<identity>`, or `auth:<identity>/user:<user_id>`. No two (identity,
    user_id) pairs give one string: a valid_name holds no `/`, so the first `/` ends the identity; one that does
    (an operator's own identity provider) is written with its length, `auth#<length>:<identity>`, which no other
    form starts with."""
    signed_in = f"auth:{identity}" if "/" not in identity else f"auth#{len(identity)}:{identity}"
    return f"{signed_in}/user:{user_id}" if user_id else signed_in


def _refuse(detail: str) -> Auth.exceptions.HTTPException:
    return Auth.exceptions.HTTPException(status_code=401, detail=detail)


def identity_of(authorization: str | None, secret: str | None) -> str:
    """The identity a request's Authorization header proves, or a 401 naming what is missing."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise _refuse(NO_TOKEN)
    if secret:
        user, _, sig = token.rpartition(".")
        if not user or not hmac.compare_digest(sig, signature(user, secret)):
            raise _refuse(BAD_TOKEN)
        if not valid_name(user):  # signed before names were checked: it could share another login's candidate key
            raise _refuse(BAD_NAME)
        return user
    if len(token) < MIN_TOKEN:
        raise _refuse(SHORT_TOKEN)
    return "token-" + hashlib.sha256(token.encode()).hexdigest()[:32]


@auth.authenticate
async def authenticate(authorization: str | None) -> Auth.types.MinimalUserDict:
    return {"identity": identity_of(authorization, os.environ.get(SECRET_ENV) or None)}


@auth.on.threads
async def own_threads(ctx: Auth.types.AuthContext, value: Any) -> dict[str, str]:
    """A thread (and its runs) is stamped with its creator, and only they reach it; its state is the graph's."""
    if isinstance(value, dict):
        _refuse_state_writes(ctx.action, value)
    return _owned(ctx, value)


def _refuse_state_writes(action: str, value: dict[str, Any]) -> None:
    """403 for a client's write of a thread's state. LangGraph Server asks `threads` "update" for three things:
    a metadata patch (its value names `metadata`; one naming a PROTECTED key is refused), a run's cancel (it names
    `action`), and a state write (update_state, a thread created with supersteps: the thread id alone), which is
    refused. A run's command may
    only resume the interrupt that waits (the moves the graph checks)."""
    if action == "update" and set(value) <= {"thread_id"}:
        raise Auth.exceptions.HTTPException(status_code=403, detail=STATE_WRITE)
    metadata = value.get("metadata")
    if action == "update" and "action" not in value and isinstance(metadata, dict) and set(metadata) & set(PROTECTED):
        raise Auth.exceptions.HTTPException(status_code=403, detail=METADATA_WRITE)
    if action == "create_run":
        command = (value.get("kwargs") or {}).get("command")
        if isinstance(command, dict) and set(command) - {"resume"}:
            raise Auth.exceptions.HTTPException(status_code=403, detail=COMMAND_WRITE)


@auth.on.crons
async def own_crons(ctx: Auth.types.AuthContext, value: Any) -> dict[str, str]:
    """None is made or changed by a client (NO_CRONS); reading and deleting stay, for the caller's own."""
    if ctx.action in ("create", "update"):
        raise Auth.exceptions.HTTPException(status_code=403, detail=NO_CRONS)
    return _owned(ctx, value)


def _owned(ctx: Auth.types.AuthContext, value: Any) -> dict[str, str]:
    owner = {"owner": ctx.user.identity}
    if isinstance(value, dict) and ctx.action in ("create", "create_run", "update"):
        metadata = value.get("metadata")
        if not isinstance(metadata, dict):
            metadata = value["metadata"] = {}
        metadata.update(owner)  # in place: the server reads the dict it passed; a client's own `owner` is overwritten
    return owner


@auth.on.assistants
async def read_assistants(ctx: Auth.types.AuthContext, value: Any) -> None:
    """The served graphs are the operator's: clients read and run them, never create, change or delete one."""
    if ctx.action not in ("read", "search"):
        raise Auth.exceptions.HTTPException(status_code=403, detail="assistants are the server's: read-only")


@auth.on.store()
async def own_store(ctx: Auth.types.AuthContext, value: Any) -> None:
    """Every namespace a client names is read and written under its own identity, except a read of its own
    candidates' coaching history (own_coaching)."""
    if not isinstance(value, dict):
        return
    namespace = tuple(value.get("namespace") or ())
    if ctx.action in ("get", "search", "list_namespaces") and (own := own_coaching(ctx.user.identity, namespace)):
        value["namespace"] = own
        return
    value["namespace"] = ("clients", ctx.user.identity, *namespace)


def own_coaching(identity: str, namespace: tuple[Any, ...]) -> tuple[str, str] | None:
    """The coaching namespace a read by `identity` of `namespace` means, when it is one of its own candidates':
    `("coaching",)` and `("coaching", <its key>)` its signed-in candidate, `("coaching", "user:<user_id>")` its
    candidate of that user_id (agent.service.candidate_identity's keys); else None."""
    from agent.candidates import candidate_key
    from agent.coaching.store_feed import NAMESPACE

    if not namespace or namespace[0] != NAMESPACE or len(namespace) > 2:
        return None
    own = candidate_key(candidate_of(identity))
    named = str(namespace[1]) if len(namespace) == 2 else own
    if named == own:
        return NAMESPACE, own
    user_id = named.removeprefix("user:").strip()
    if named.startswith("user:") and user_id:
        return NAMESPACE, candidate_key(candidate_of(identity, user_id))
    return None


@auth.on
async def nothing_else(ctx: Auth.types.AuthContext, value: Any) -> None:
    """Resources the rules above do not name are refused, not open."""
    raise Auth.exceptions.HTTPException(status_code=403, detail=f"{ctx.resource} are not served to clients")


def short_secret() -> bool:
    """True when INTERVIEWER_AUTH_SECRET is set (not empty) but shorter than MIN_SECRET characters."""
    secret = os.environ.get(SECRET_ENV) or ""
    return bool(secret) and len(secret) < MIN_SECRET


def main(argv: list[str]) -> int:
    """`python -m agent.service_auth USER`: print USER's token for a server with this INTERVIEWER_AUTH_SECRET."""
    secret = os.environ.get(SECRET_ENV) or ""
    if len(argv) != 1 or not argv[0].strip() or not secret:
        sys.stderr.write(f"usage: {SECRET_ENV}=... python -m agent.service_auth USER (prints USER's token)\n")
        return 2
    if len(secret) < MIN_SECRET:
        sys.stderr.write(f"{SHORT_SECRET}\n")
        return 2
    if not valid_name(argv[0]):
        sys.stderr.write(f"{argv[0]!r}: {BAD_NAME}\n")
        return 2
    print(issue(argv[0], secret))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
