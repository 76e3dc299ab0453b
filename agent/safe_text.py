"""Text from the candidate (answers) and their documents made safe to show and to store.

- clean_text (knowledge.safe_text, re-exported): terminal control sequences and bidi overrides removed, lone
  surrogates as U+FFFD.
- redact_url / redact_urls: credentials in a URL (`http://user:secret@host`, `?api_key=…`) are replaced by
  `***` before the URL is shown or stored.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from knowledge.safe_text import clean_text

__all__ = ["clean_text", "redact_url", "redact_urls"]

_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
_QUERY = re.compile(r"(://[^\s?#'\"]*[?#])[^\s'\"]+")


def redact_url(url: str | None) -> str | None:
    """The URL with any user name, password, query and fragment replaced by ***; unparsable text by pattern."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None and not parts.query and not parts.fragment:
            return url  # nothing to hide: quoted as given (urlunsplit made "sqlite://" into "sqlite:", sweep 33 S5)
        # A query or fragment can carry a key (`?api_key=…`): hidden whole, whatever its parameter names.
        parts = parts._replace(query="***" if parts.query else "", fragment="***" if parts.fragment else "")
        if parts.username is None and parts.password is None:
            return urlunsplit(parts)
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return redact_urls(url)


def redact_urls(text: str) -> str:
    """Every `scheme://user:pass@` in free text with the credentials replaced by ***."""
    return _QUERY.sub(r"\1***", _USERINFO.sub("***@", text))
