"""`python -m agent.progress [--role R] [--json]`: how practice is going across sessions.

Per competency of the role: the score of each session over time, the trend, recurring gaps and how much
prompting answers needed, from the history feed (agent.coaching.feed). Exit codes: 0 shown (also with no history
yet), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from agent.coaching.feed import HistoryFeed, open_feed
from agent.coaching.progress import progress
from knowledge.paths import DataDirError, private_umask

EXIT_OK, EXIT_USAGE = 0, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    p = _Parser(prog="python -m agent.progress", description="Your progress across mock interview sessions.")
    p.add_argument("--role", help="role pack name or path (default: the role of your latest session)")
    p.add_argument("--json", action="store_true", help="print the progress as JSON")
    return p


def _role(name: str | None, feed: HistoryFeed) -> tuple[str, str, dict[str, float]]:
    """(pack name, title, competency weights) of --role, else of the latest session's role."""
    from knowledge.roles import load_role

    if name is None:
        latest = feed.sessions()
        if not latest:
            raise ValueError("no sessions yet: run `python -m agent.session --role ROLE` first, or give --role")
        name = latest[-1].role_ref or latest[-1].role
    pack = load_role(name)
    return pack.name, pack.title, dict(pack.competencies)


def build_view(role: str | None, feed: HistoryFeed | None = None) -> dict[str, Any]:
    """Everything the terminal, --json and the page show."""
    feed = feed or open_feed()
    name, title, weights = _role(role, feed)
    sessions = feed.sessions(name)
    return {"role": name, "title": title, "progress": progress(name, weights, sessions).to_dict()}


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line on bad input, never a traceback."""
    private_umask()
    args = build_parser().parse_args(argv)
    try:
        view = build_view(args.role)
    except (ValueError, DataDirError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(view, indent=2, ensure_ascii=False))
        return EXIT_OK
    from agent.cli_render import make_console
    from agent.coaching.tables import render_progress

    render_progress(make_console(sys.stdout.isatty()), view)
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
