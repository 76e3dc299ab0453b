"""The one loader for prompts and phrasing templates (files in this folder).

Templates use str.format fields. Rendering fails loudly on a missing variable, so a template never
drifts silently from the code that fills it.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PROMPTS_DIR = Path(__file__).resolve().parent


class PromptError(KeyError):
    """A prompt file or template variable is missing."""


@cache
def load_text(name: str) -> str:
    """The text of prompts/<name> (e.g. 'critic_system.md')."""
    path = PROMPTS_DIR / name
    if not path.is_file():
        raise PromptError(f"prompt file not found: prompts/{name}")
    return path.read_text(encoding="utf-8")


@cache
def load_yaml(name: str) -> Any:
    """The parsed YAML of prompts/<name> (e.g. 'follow_ups.yaml')."""
    return yaml.safe_load(load_text(name))


def fields(template: str) -> set[str]:
    """The variable names a template uses."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def render(template: str, **values: Any) -> str:
    """Fill a template; raise PromptError naming any variable that was not given."""
    missing = sorted(fields(template) - values.keys())
    if missing:
        raise PromptError(f"template variable(s) not given: {', '.join(missing)} in {template[:60]!r}")
    return template.format(**values)
