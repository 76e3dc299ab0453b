"""Every file shipped in knowledge/data/ is named in that folder's NOTICE.md, with where it comes from and its
licence: vendored and derived third-party data (a tokenizer, vectors computed with someone else's model or table)
ships with its notice, and a new file cannot land without one."""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "knowledge" / "data"


def sections() -> dict[str, str]:
    """Each `## ` heading of NOTICE.md with the text under it."""
    text = (DATA / "NOTICE.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_every_shipped_data_file_has_a_notice_naming_its_source_and_licence() -> None:
    notices = sections()
    for path in sorted(DATA.iterdir()):
        if path.name == "NOTICE.md" or path.name.startswith("."):
            continue
        body = next((body for title, body in notices.items() if path.name in title), None)
        assert body is not None, f"knowledge/data/NOTICE.md has no section naming {path.name}"
        assert re.search(r"[Ll]icen[cs]e", body), f"the notice for {path.name} names no licence"
        assert "What:" in body, f"the notice for {path.name} does not say what it is and where it comes from"
