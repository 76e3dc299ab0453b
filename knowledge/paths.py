"""Where the tool keeps its files: the user's data directory (platformdirs), overridable.

INTERVIEWER_DATA_DIR overrides the location (tests point it at a temp dir).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "mock-interviewer"
PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The user's data directory for indexes, sessions, reports; created on first use."""
    override = os.environ.get("INTERVIEWER_DATA_DIR")
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def samples_dir() -> Path:
    """The bundled sample story bank of a fictional candidate."""
    return PACKAGE_DIR / "samples"


def roles_dir() -> Path:
    """The bundled role packs."""
    return PACKAGE_DIR / "roles"
