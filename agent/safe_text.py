"""Text from the candidate (answers) and their documents made safe to show and to store.

- clean_text (knowledge.safe_text, re-exported): terminal control sequences and bidi overrides removed, lone
  surrogates as U+FFFD.
- redact_url / redact_urls: credentials in a URL (`http://user:secret@host`, `?api_key=…`) are replaced by
  `***` before the URL is shown or stored.
- hide_credentials: a driver's message about a URL the user gave, with that URL's credentials hidden even where
  the message quotes the URL malformed, or only a piece of it (sweep 35 B28).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from knowledge.safe_text import clean_text

__all__ = ["clean_text", "hide_credentials", "redact_url", "redact_urls"]

_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
_QUERY = re.compile(r"(://[^\s?#'\"]*[?#])[^\s'\"]+")


def redact_url(url: str | None) -> str | None:
    """The URL with any user name, password, query and fragment replaced by ***; unparsable text by pattern. A
    malformed URL whose password holds a `/` (`postgresql://u:pa/ss@host`) is cut at the wrong place by any parser:
    whatever stands before its last `@` is hidden too."""
    if not url:
        return url
    shown = _redacted(url)
    info = _userinfo(url)
    if ":" not in info or not shown:
        return shown  # no password to leak; a user name alone ("postgres") may also be a piece of the scheme's name
    scheme, sep, rest = shown.partition("://")
    return scheme + sep + rest.replace(info, "***") if sep else shown.replace(info, "***")


def _userinfo(url: str) -> str:
    """What stands between `scheme://` and the last `@` of `url` ("" when it has none)."""
    rest = url.partition("://")[2]
    return rest.rpartition("@")[0]


def _redacted(url: str) -> str:
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


_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def hide_credentials(text: str, url: str) -> str:
    """`text` (an error a driver raised about `url`) with `url`'s password hidden: the URL quoted
    whole becomes its redacted form, any `scheme://user:pass@` goes as in redact_urls, and a quoted piece of the
    user-info part (a malformed URL split at the wrong place, e.g. a password taken for a port) becomes ***."""
    shown = redact_urls(text.replace(url, str(redact_url(url))) if url else text)
    # Only the password is secret: the user name is also the role a server names back ('role "x" does not exist'),
    # and a user such as "postgres" is a piece of the scheme's own name.
    password = _userinfo(url).partition(":")[2]
    if not password:
        return shown

    def piece(match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        return match.group(0) if not inner or inner not in password else match.group(0).replace(inner, "***")

    return _QUOTED.sub(piece, shown).replace(password, "***")
