"""The progress page: one self-contained HTML file (Chart.js inlined, data inlined, no network at view time).

Per competency a line chart of the score per session; the coverage matrix (competencies × stories: best story,
fitting stories, times told); the job's requirements with their backing story. The page's script marks what it
drew (`data-charts` on <body>, `data-drawn` on each canvas) so a headless browser test can see the charts exist.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from agent.wording import gap_label

VENDOR = Path(__file__).resolve().parent / "vendor"
CHART_JS_SHA256 = "87364cc2b2a76a6684929e7d6b80b18a897794db38400caff1fcf1791c6925d2"
TREND_WORDS = {"rising": "rising", "falling": "falling", "flat": "flat", "new": "one session", "none": "not asked yet"}

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:1180px;color:#1d2733;
 padding:0 16px}
h1{font-size:24px;margin:0 0 4px} h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #dde3ea}
.muted{color:#5c6b7a} .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px}
.card{border:1px solid #dde3ea;border-radius:8px;padding:10px 12px}
.card h3{font-size:15px;margin:0 0 4px;display:flex;justify-content:space-between}
.trend-rising{color:#1a7f37} .trend-falling{color:#b42318} .trend-flat,.trend-new,.trend-none{color:#5c6b7a}
.card canvas{width:100%;height:150px} .card ul{margin:6px 0 0;padding-left:18px;font-size:13px}
table{border-collapse:collapse;font-size:13px} th,td{border:1px solid #dde3ea;padding:4px 6px;text-align:left}
th.story{writing-mode:vertical-rl;transform:rotate(180deg);max-height:220px;font-weight:500}
td.cell{text-align:center;min-width:22px} .best{background:#1a7f37;color:#fff} .fits{background:#d3f0dc}
.none{color:#b42318} .overused{color:#b42318;font-weight:600} .wrap{overflow-x:auto}
"""

SCRIPT = """
(function(){
  var data = JSON.parse(document.getElementById('progress-data').textContent);
  var drawn = 0;
  data.competencies.forEach(function(c){
    var canvas = document.getElementById('chart-' + c.competency);
    if (!canvas || !c.points.length) return;
    var chart = new Chart(canvas, {type: 'line',
      data: {labels: c.points.map(function(p){ return p.started.slice(5, 10); }),
             datasets: [{label: 'score', data: c.points.map(function(p){ return p.score; }),
                         borderColor: '#2563eb', backgroundColor: '#2563eb', tension: 0.2, pointRadius: 3}]},
      options: {animation: false, responsive: false, plugins: {legend: {display: false}},
                scales: {y: {min: 1, max: 5, ticks: {stepSize: 1}}}}});
    var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data, ink = 0;
    for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) ink++; }
    canvas.dataset.drawn = String(ink);
    if (chart && ink > 0) drawn++;
  });
  document.body.dataset.charts = String(drawn);
})();
"""


@cache
def chart_js() -> str:
    """Chart.js as shipped (its source-map comment dropped: nothing may be fetched at view time)."""
    text = (VENDOR / "chart.umd.min.js").read_text(encoding="utf-8")
    return re.sub(r"//# sourceMappingURL=\S+\s*$", "", text)


def _json_script(value: Any) -> str:
    # "</" would end the script element early; "\u003c" keeps the JSON the same for JSON.parse
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _cards(prog: dict[str, Any]) -> str:
    out = []
    for c in prog["competencies"]:
        name = escape(c["competency"].replace("_", " "))
        trend = c["trend"]
        notes = [escape(g["text"]) for g in c["recurring"]]
        notes += [f"gone in the latest session: {escape(gap_label(g))}" for g in c["resolved"]]
        if c["answers"]:
            notes.append(f"{c['prompted']} of {c['answers']} answers needed a follow-up to close a gap")
        chart = (
            f'<canvas id="chart-{escape(c["competency"])}" width="330" height="150"></canvas>'
            if c["points"]
            else '<p class="muted">Not asked yet.</p>'
        )
        items = "".join(f"<li>{n}</li>" for n in notes)
        out.append(
            f'<div class="card"><h3><span>{name}</span><span class="trend-{escape(trend)}">'
            f"{escape(TREND_WORDS.get(trend, trend))}</span></h3>{chart}{f'<ul>{items}</ul>' if items else ''}</div>"
        )
    return '<div class="grid">' + "".join(out) + "</div>"


def _state(story: dict[str, Any]) -> str:
    """' (unfinished)' or ' (prepared answer)' after a column title; nothing for a finished story."""
    if story["finished"]:
        return ""
    return " (prepared answer)" if any("prepared answer" in m for m in story["missing"]) else " (unfinished)"


def _matrix(cov: dict[str, Any]) -> str:
    stories = cov["stories"]
    ids = sorted(stories, key=lambda s: (-stories[s]["told"], stories[s]["title"].lower(), s))
    head = "".join(
        f'<th class="story{" overused" if stories[s]["overused"] else ""}" title="{escape(stories[s]["source"])}">'
        f"{escape(stories[s]['title'])}{_state(stories[s])}</th>"
        for s in ids
    )
    rows = []
    for row in cov["competencies"]:
        cells = []
        for s in ids:
            told = stories[s]["told_by"].get(row["competency"], 0)
            kind = "best" if s == row["best"] else "fits" if s in row["fits"] else ""
            mark = "★" if kind == "best" else "✓" if kind == "fits" else ""
            cells.append(f'<td class="cell {kind}">{mark}{f" {told}×" if told else ""}</td>')
        label = escape(row["competency"].replace("_", " "))
        rows.append(f"<tr><th>{label}</th>{''.join(cells)}</tr>")
    write = "".join(
        f"<li><b>{escape(r['competency'].replace('_', ' '))}</b>: {escape(r['write'])}</li>"
        for r in cov["competencies"]
        if r["write"]
    )
    overused = [stories[s] for s in ids if stories[s]["overused"]]
    note = "".join(
        f'<p class="overused">Overused: {escape(s["title"])} was told for {len(s["told_for"])} competencies.</p>'
        for s in overused
    )
    whose = "the bundled sample bank" if cov["sample_bank"] else "your documents"
    legend = f'<p class="muted">Stories from {whose}. ★ best story for the competency, ✓ also fits, n× told.</p>'
    missing = f'<ul class="none" id="no-story">{write}</ul>' if write else ""
    return f'{legend}<div class="wrap"><table id="coverage-matrix"><tr><th>Competency</th>{head}</tr>' \
           f'{"".join(rows)}</table></div>{missing}{note}'  # fmt: skip


def _requirements(reqs: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td>{escape(r['text'])}</td><td>{escape(r['competency'].replace('_', ' '))}</td>"
        f"<td>{escape(r['story_title']) if r['story_title'] else '<span class=none>no story yet</span>'}</td></tr>"
        for r in reqs
    )
    head = "<tr><th>Requirement</th><th>Competency</th><th>Backing story</th></tr>"
    return f'<table id="requirements">{head}{rows}</table>'


def render_page(view: dict[str, Any]) -> str:
    """The whole page as one string."""
    prog = view["progress"]
    span = f"{(prog['first_session'] or '')[:10]} to {(prog['last_session'] or '')[:10]}" if prog["sessions"] else ""
    parts = [
        f"<h1>Progress: {escape(view['title'])}</h1>",
        f'<p class="muted">{prog["sessions"]} session(s), {prog["answers"]} answer(s) {escape(span)}</p>',
        "<h2>Score per competency, session by session</h2>",
        _cards(prog),
    ]
    if prog["recurring"]:
        parts.append("<p>Across the role: " + "; ".join(escape(g["text"]) for g in prog["recurring"]) + "</p>")
    if view.get("coverage"):
        parts += ["<h2>Story coverage: competencies × stories</h2>", _matrix(view["coverage"])]
    if view.get("requirements") is not None:
        parts += ["<h2>The job's requirements</h2>", _requirements(view["requirements"])]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Progress: {escape(view['title'])}</title><style>{STYLE}</style></head><body>"
        + "".join(parts)
        + f'<script type="application/json" id="progress-data">{_json_script(prog)}</script>'
        + f"<script>{chart_js()}</script><script>{SCRIPT}</script></body></html>"
    )
