"""The progress page as a person sees it: `python -m agent.progress --html` over 100 sessions, opened in headless
Chromium (Debian's package, installed by .ci/run) with no network, a screenshot taken, and the charts and the
coverage matrix checked in the rendered page."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

from agent.coaching.feed import FileFeed
from agent.coaching.page import CHART_JS_SHA256, VENDOR
from evals.coaching_data import fill_feed

REPO = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def chromium(tmp: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "Debian's chromium is needed (apt-get install -y chromium; .ci/run installs it)"
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    profile.mkdir()
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,3000", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_vendored_chart_js_is_the_pinned_release() -> None:
    assert hashlib.sha256((VENDOR / "chart.umd.min.js").read_bytes()).hexdigest() == CHART_JS_SHA256


def test_page_for_100_sessions_is_small_self_contained_and_renders(tmp_path: Path, isolated_data_dir: Path) -> None:
    fill_feed(FileFeed(isolated_data_dir / "history"), "director", 100)
    page = tmp_path / "progress.html"
    made = subprocess.run(
        [sys.executable, "-m", "agent.progress", "--role", "director", "--embedder", "hashing", "--html", str(page)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env=dict(os.environ),
    )
    assert made.returncode == 0, made.stderr
    assert "Progress page:" in made.stdout and "Scores per competency" in made.stdout  # the same summary as a table
    html = page.read_text(encoding="utf-8")
    assert page.stat().st_size <= 2 * 1024 * 1024 and page.stat().st_mode & 0o777 == 0o600
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)  # nothing fetched at view time
    assert "sourceMappingURL" not in html

    dom = chromium(tmp_path, page, "--dump-dom", "--virtual-time-budget=5000")
    assert dom.returncode == 0, dom.stderr[-2000:]
    asked = len(re.findall(r'<canvas id="chart-', html))
    assert asked >= 10  # 100 sessions of 5 questions reach most of the director pack's competencies
    assert re.search(rf'<body[^>]*data-charts="{asked}"', dom.stdout), "every chart drew"
    drawn = [int(n) for n in re.findall(r'data-drawn="(\d+)"', dom.stdout)]
    assert len(drawn) == asked and min(drawn) > 500  # each canvas holds a line, points and axes, not nothing
    matrix = re.search(r'<table id="coverage-matrix">(.*?)</table>', dom.stdout, re.S)
    assert matrix and matrix.group(1).count("<tr>") == 1 + 18  # header + one row per director competency
    assert "★" in matrix.group(1)

    shot = tmp_path / "page.png"
    taken = chromium(tmp_path, page, f"--screenshot={shot}", "--virtual-time-budget=5000")
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-2000:]
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1280, 3000)
    assert shot.stat().st_size > 50_000  # a blank page of this size compresses to a few KB


def test_text_from_documents_and_the_job_cannot_break_out_of_the_page() -> None:
    from agent.coaching.page import render_page

    evil = "</script><script>alert(1)</script><b>"
    story = {
        "title": evil,
        "source": evil,
        "finished": False,
        "missing": ["result"],
        "told": 0,
        "told_for": [],
        "told_by": {},
        "overused": False,
    }
    view = {
        "title": evil,
        "progress": {
            "sessions": 0,
            "answers": 0,
            "first_session": None,
            "last_session": None,
            "recurring": [],
            "competencies": [
                {
                    "competency": "hiring",
                    "trend": "none",
                    "points": [],
                    "recurring": [],
                    "resolved": [],
                    "answers": 0,
                    "prompted": 0,
                }
            ],
        },
        "coverage": {
            "sample_bank": False,
            "stories": {"s": story},
            "competencies": [{"competency": "hiring", "best": "s", "fits": ["s"], "told": 0, "write": ""}],
        },
        "requirements": [{"text": evil, "competency": "hiring", "story_title": None}],
    }
    html = render_page(view)
    assert "<script>alert(1)" not in html and html.count("<script") == 3  # data, Chart.js, the page's own
    assert "no story yet" in html


def test_open_shows_the_page_in_the_candidates_browser(tmp_path: Path, isolated_data_dir: Path) -> None:
    """--open hands the written page to the browser the candidate's environment names ($BROWSER, as Python's
    webbrowser reads it); here that browser is headless Chromium dumping what it rendered."""
    fill_feed(FileFeed(isolated_data_dir / "history"), "director", 5)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "Debian's chromium is needed (apt-get install -y chromium; .ci/run installs it)"
    dom, opened = tmp_path / "dom.html", tmp_path / "opened.txt"
    script = tmp_path / "open-page"
    script.write_text(
        f'#!/bin/sh\necho "$1" > "{opened}"\nexec "{browser}" {" ".join(FLAGS)} --user-data-dir="{tmp_path}/profile" '
        f'--dump-dom --virtual-time-budget=5000 "$1" > "{dom}"\n',
        encoding="utf-8",
    )
    script.chmod(0o700)
    page = tmp_path / "my progress.html"
    made = subprocess.run(
        [sys.executable, "-m", "agent.progress", "--role", "director", "--embedder", "hashing", "--html", str(page),
         "--open"],
        capture_output=True, text=True, timeout=300, cwd=REPO, env={**os.environ, "BROWSER": str(script)},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert opened.read_text(encoding="utf-8").strip() == page.resolve().as_uri()  # the page just written
    assert re.search(r'<body[^>]*data-charts="[1-9]', dom.read_text(encoding="utf-8")), "the browser drew the charts"


def test_open_without_html_is_a_one_line_error() -> None:
    made = subprocess.run([sys.executable, "-m", "agent.progress", "--open"], capture_output=True, text=True,
                          timeout=120, cwd=REPO)  # fmt: skip
    assert made.returncode == 2 and made.stderr.strip() == "error: --open needs --html FILE"
