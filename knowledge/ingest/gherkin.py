"""Gherkin feature files (`Feature:` / `Scenario:` / Given-When-Then steps) read as the Markdown they stand for.

Some candidates keep their stories as BDD scenarios: one `Scenario: <title>` per story, its steps (Given / When /
Then / And / But) telling it. To a Markdown reader the file is one block: its `#` comment lines look like headings
and its indented steps like code. So, in a document with a `Feature:` line and at least two `Scenario:` lines:
`Feature: X` becomes a top heading, each `Scenario: X`, `Scenario Outline: X`, `Background:`, `Rule: X` and
`Example: X` a heading under it; `#` comments and `@tag` lines are blanked (notes to self and question tags, not
headings or text); steps and table rows lose their indentation, and a step (a line opening with Given, When,
Then, And, But or `*`) is a sentence of its own: it gets the full stop its author left off. The number of lines
never changes.
"""

from __future__ import annotations

import re

_FEATURE = re.compile(r"^\s*(?:Feature|Ability|Business Need):\s*(?P<title>.*?)\s*$")
_SECTION = re.compile(
    r"^\s*(?P<kind>Scenario Outline|Scenario Template|Scenario|Example|Background|Rule):\s*(?P<title>.*?)\s*$"
)
_COMMENT = re.compile(r"^\s*#")
_TAGS = re.compile(r"^\s*@[\w:.-]+(?:\s+@[\w:.-]+)*\s*$")
_STEP = re.compile(r"^(?:Given|When|Then|And|But|\*)\s")


def is_gherkin(lines: list[str]) -> bool:
    """One `Feature:` line and at least two scenarios."""
    features = sum(1 for x in lines if _FEATURE.match(x))
    scenarios = sum(1 for x in lines if (m := _SECTION.match(x)) and m["kind"].startswith("Scenario"))
    return features == 1 and scenarios >= 2


def ungherkin(lines: list[str]) -> list[str]:
    """Same number of lines; a feature file's scenarios as sections titled by their names (module docstring)."""
    if not is_gherkin(lines):
        return lines
    out: list[str] = []
    for line in lines:
        if _COMMENT.match(line) or _TAGS.match(line):
            out.append("")
        elif (feature := _FEATURE.match(line)) is not None:
            out.append(f"# {feature['title'] or 'Feature'}")
        elif (section := _SECTION.match(line)) is not None:
            out.append(f"## {section['title'].strip(chr(34)) or section['kind']}")
        else:
            out.append(_step(line.strip()))
    return out


def _step(line: str) -> str:
    """A step line as a sentence: steps are written one a line, with no full stop."""
    if _STEP.match(line) and not line.endswith((".", "!", "?", ":", '"', "|")):
        return line + "."
    return line
