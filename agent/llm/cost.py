"""Token counts and an estimated cost per session, from per-model prices in a YAML file.

The bundled prices (agent/llm/prices.yaml) can be overridden by a copy in the data directory
(<data dir>/prices.yaml). An unknown model gets cost None: tokens are still counted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from knowledge.paths import data_dir

BUNDLED_PRICES = Path(__file__).with_name("prices.yaml")
log = logging.getLogger(__name__)


def _read(path: Path) -> dict[str, dict[str, float]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        models = raw.get("models", {}) if isinstance(raw, dict) else {}
        return {
            str(name).lower(): {"input": float(p["input"]), "output": float(p["output"])} for name, p in models.items()
        }
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        log.warning("ignoring price file %s: %s", path, exc)
        return {}


def load_prices() -> dict[str, dict[str, float]]:
    """Model -> USD per million input/output tokens; the user's copy wins over the bundled file."""
    prices = _read(BUNDLED_PRICES)
    user = data_dir() / "prices.yaml"
    if user.is_file():
        prices.update(_read(user))
    return prices


def price_for(model: str, prices: Mapping[str, Mapping[str, float]] | None = None) -> Mapping[str, float] | None:
    """Exact name, else the longest priced name the model starts with ('gpt-4o-mini-2024-07-18')."""
    table = load_prices() if prices is None else prices
    name = model.lower().split("/")[-1]
    if name in table:
        return table[name]
    matches = [k for k in table if name.startswith(k + "-")]
    return table[max(matches, key=len)] if matches else None


def call_cost(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Estimated USD for the given tokens, or None when the model has no price."""
    price = price_for(model)
    if price is None:
        return None
    return (prompt_tokens * price["input"] + completion_tokens * price["output"]) / 1_000_000


def session_cost(usages: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Sum per-turn usage dicts (prompt_tokens, completion_tokens, calls, cost_usd) for the report.

    cost_usd is None when any turn that used tokens had no known price: a partial sum would mislead.
    """
    total: dict[str, Any] = {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "cost_usd": 0.0}
    known = True
    for usage in usages:
        if not usage:
            continue
        tokens = int(usage.get("prompt_tokens") or 0) + int(usage.get("completion_tokens") or 0)
        total["calls"] += int(usage.get("calls") or 0)
        total["prompt_tokens"] += int(usage.get("prompt_tokens") or 0)
        total["completion_tokens"] += int(usage.get("completion_tokens") or 0)
        cost = usage.get("cost_usd")
        if cost is None:
            known = known and tokens == 0
        else:
            total["cost_usd"] += float(cost)
    total["cost_usd"] = round(total["cost_usd"], 6) if known else None
    return total
