"""A thread of numbered social posts read as the paragraphs it is.

Thread-drafting apps and copied social threads number each post ("1/ …", "2/ …", "3/7 …") and often end it with
its character count ("… (151)"). The numbering is where a post breaks, not a list item, and the count is the app's,
not a figure of the story: both are dropped, so "1/ hi, I'm …" opens a paragraph the way the candidate wrote it and
"(151)" is never read as a metric. A number only counts as a post's when it continues a run that starts at 1
("1/", "2/", "3/" …, two posts at least), so a ratio or a date at the start of a line is left alone. The number of
lines never changes.
"""

from __future__ import annotations

import re

_POST = re.compile(r"^\s{0,3}(?P<n>\d{1,2})/(?:\d{1,2})?\s+(?P<text>\S.*?)\s*$")
_COUNT = re.compile(r"\s*\(\d{1,4}(?:\s*chars?)?\)\s*$")
_MIN_POSTS = 2


def unthread(lines: list[str]) -> list[str]:
    """Same number of lines; numbered posts lose their number and their character count."""
    out = list(lines)
    run: list[int] = []  # line indexes of the current run of posts
    for i, line in enumerate([*lines, ""]):
        post = _POST.match(line)
        if post and int(post["n"]) == len(run) + 1:
            run.append(i)
            continue
        if post and int(post["n"]) == 1:
            _rewrite(out, run)
            run = [i]
            continue
        if post or (line.strip() and run and not _continues(lines, run[-1], i)):
            _rewrite(out, run)
            run = []
    return out


def _continues(lines: list[str], last: int, i: int) -> bool:
    """A line between posts that belongs to the thread: a wrapped post line right under the last post."""
    return all(lines[j].strip() for j in range(last, i + 1))


def _rewrite(out: list[str], run: list[int]) -> None:
    if len(run) < _MIN_POSTS:
        return
    for i in run:
        post = _POST.match(out[i])
        if post:
            out[i] = _COUNT.sub("", post["text"])
