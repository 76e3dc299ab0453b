"""Line-for-line clean-up before Markdown parsing, so exports from other tools read like plain Markdown.

- Plain-text exports (Google Docs, Word) mark sections with ALL-CAPS lines; notes often title stories with a
  whole-bold line (`**The payments outage (2023)**`) or a `Story: ...` line. All become headings one level below
  the Markdown heading they sit under, so every story gets a section of its own.
- A fence around Markdown prose (a story pasted "as is", a stray ``` line) is dropped; code fences stay (fences.py).
- Notion toggles (`- ▸ ...`) and task checkboxes (`- [ ] ...`) become ordinary bullets.
- A quoted question (`> Tell me about ...`) or a numbered question followed by a STAR block becomes a "Q:" line
  (qforms.py).
- Obsidian callouts (`> [!example] Situation` then `> text` lines) become a bold label line and plain text, so a
  story told in callouts reads like one told with bold labels. Their `field:: value` lines are metadata: blanked.
- Plain-text decks (`front` / `???` / `back` / `---`) become `Q:` cards (decks.py); a Marp slide deck's presenter
  notes (HTML comments) are unwrapped (marp.py).
- GitHub collapsible cards (`<details><summary>Question</summary> answer </details>`) become a bold question
  line followed by its answer.
- Pandoc exports of Word documents (pandoc.py), mail folder exports (mail.py), `gh issue view` dumps
  (ghissues.py), outliner pages such as Logseq (outline.py), GitHub-README story banks (readme.py), paginated
  text (pages.py) and speech-to-text transcripts (transcript.py) and index cards typed up face by face
  (cardfaces.py) are first rewritten into the same plain Markdown; so are
  markups that are not Markdown at all: TiddlyWiki tiddlers (tiddly.py), Confluence wiki text (confluence.py), Org
  mode (orgmode.py), AsciiDoc
  (asciidoc.py), reStructuredText (rest.py), LaTeX (latex.py), HTML pages (htmldoc.py), chat exports (chat.py),
  text sectioned by XML-style tags (`<story title="…">`, notes written for a chat model: tagged.py)
  and spreadsheet rows pasted as tab-separated text (sheet.py); structured exports (XML: xmldoc.py, JSON and YAML:
  datadoc.py) have their records written as titled sections.
- A patch of a notes file (`git format-patch`) reads as the file after the change (patches.py).
- Notes drawn as a `tree` with box-drawing branches read as the outline they draw (trees.py); two-column Cornell
  notes as a section per block, titled by its first cue (cornell.py); a performance review copied out of a review
  tool as a section per goal holding the self-assessment (reviews.py). Titles boxed in
  ASCII banners (banners.py), cue cards laid out in a raw HTML table (htmlcells.py) and stories told
  in footnotes named by the cue line citing them (footnotes.py) become headings over their text; so does the story a
  mock-interview scorecard names in its "Story told:" field (scorecards.py).
- MkDocs admonitions and folds (`??? example "Title"` over indented text) become headings (admonitions.py), so do
  Hugo shortcode pairs (`{{< story title="Title" >}}`, shortcodes.py); vim
  fold markers (`Title {{{2`) become headings (folds.py); a coach's CriticMarkup edits are accepted
  (revisions.py); a plain-text I. / A. / 1. outline's top levels become headings (lettered.py); a filled-in
  worksheet's field labels lose the form's bracketed prompts (worksheet.py); a plain-text paragraph that opens
  with its name in capitals (`LATE INVOICES - ...`) or in bold (`**Late invoices.** ...`) is titled by it (runin.py).
- A thread of numbered social posts ("1/ ... (151)") loses the post numbers and character counts (posts.py).
- A practice tool's numbered prompt over the reply ("Question 2 of 5: X" then "Your answer:") is a heading
  titled by the prompt (numbered_prompts.py).
- Stories kept by the structure of another kind of document: a Gherkin feature file's scenarios (gherkin.py), a
  wiki page's entries opened by calls of one template (`{{Case|title=X}}`, wikitemplates.py), a bibliography's
  citations over their annotations (citations.py), a note-taker's third-person notes of a practice interview
  (retold.py), and a registry card's story part apart from its fields (backstory.py).
- In any document, decorated or numbered title lines (`=== X ===`, `【X】`, `Story 3 — X`) are titles too, and
  note-app residue (`::highlight::`, lines of `#tags`) is cleaned (titles.py).

YAML front matter is blanked. The number of lines never changes, so every item keeps its true source line.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.ingest import decks, qforms
from knowledge.ingest.admonitions import unadmonish
from knowledge.ingest.asciidoc import unasciidoc
from knowledge.ingest.backstory import unbackstory
from knowledge.ingest.banners import unbanner, unheader
from knowledge.ingest.boilerplate import unrepeat
from knowledge.ingest.brackets import unbracket
from knowledge.ingest.cardfaces import uncard
from knowledge.ingest.chat import unchat
from knowledge.ingest.citations import uncite
from knowledge.ingest.conflicts import unconflict
from knowledge.ingest.confluence import unconfluence
from knowledge.ingest.cornell import uncornell
from knowledge.ingest.datadoc import undata
from knowledge.ingest.fences import unfence
from knowledge.ingest.fieldheads import unfield
from knowledge.ingest.fieldrecords import unrecord
from knowledge.ingest.folds import unfold
from knowledge.ingest.footnotes import unfootnote
from knowledge.ingest.gedcom import ungedcom
from knowledge.ingest.gherkin import ungherkin
from knowledge.ingest.ghissues import unissue
from knowledge.ingest.hanging import unhang
from knowledge.ingest.htmlcells import uncells
from knowledge.ingest.htmldoc import unhtml
from knowledge.ingest.labels import parse_label
from knowledge.ingest.latex import unlatex
from knowledge.ingest.lettered import unletter
from knowledge.ingest.mail import unmail
from knowledge.ingest.marks import ATX as _ATX
from knowledge.ingest.marp import unmarp
from knowledge.ingest.numbered_prompts import unnumber_prompts
from knowledge.ingest.orgmode import unorg
from knowledge.ingest.outline import unoutline
from knowledge.ingest.pages import unpage
from knowledge.ingest.pandoc import unpandoc
from knowledge.ingest.patches import unpatch
from knowledge.ingest.posts import unthread
from knowledge.ingest.questions import question_line
from knowledge.ingest.readme import unreadme
from knowledge.ingest.rest import unrest
from knowledge.ingest.retold import unretell
from knowledge.ingest.reviews import unreview
from knowledge.ingest.revisions import accept
from knowledge.ingest.runin import unbold, unrun
from knowledge.ingest.scorecards import unscore
from knowledge.ingest.sheet import unsheet
from knowledge.ingest.shortcodes import unshortcode
from knowledge.ingest.tagged import untag
from knowledge.ingest.tiddly import untiddle
from knowledge.ingest.titles import clean_residue, separated_paragraphs, title_line
from knowledge.ingest.transcript import untranscript
from knowledge.ingest.trees import untree
from knowledge.ingest.wikitemplates import untemplate
from knowledge.ingest.worksheet import unform
from knowledge.ingest.xmldoc import unxml
from knowledge.pitch import PITCH_TITLE

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Word / Google Docs plain-text exports keep their bullet glyphs: "• Tell me about...", "○ nested".
_GLYPH_BULLET = re.compile(r"^(\s*)[•●○◦▪■□➢❖☐☑☒✓✔]\s+")
_DECORATED_BULLET = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)(?:[▸▹►▶▷➤➜→•◦▪▫❯›]\s*|\[[ xX]\]\s+)+")
_BOLD_LINE = re.compile(r"^\s{0,3}(\*\*|__)(?P<inner>[^*_\n]{3,100}?)\1\s*$")
_CAPS_LINE = re.compile(r"^[A-Z0-9][A-Z0-9 &/,.'’()+:!#–—-]{2,80}$")
_DETAILS = re.compile(r"^\s*</?details(?:\s[^>]*)?>\s*$", re.IGNORECASE)
_SUMMARY = re.compile(r"^\s*(?:<details(?:\s[^>]*)?>\s*)?<summary[^>]*>(?P<inner>.*?)</summary>\s*$", re.I)
_TAG = re.compile(r"<[^>]+>")
# A line naming the story that follows: "Story: X", "**Story title** - X", "Title: X" (notes apps, plain text),
# "My example - X" (own examples typed under a report's or a course's boilerplate).
_NAME_LINE = re.compile(
    r"^(?:\*\*|__)?(?:(?:my\s+)?(?:story|example)(?:\s+(?:title|name))?|title)(?:\s*(?:\*\*|__))?\s*(?::|\s[-–—])\s*(?:\*\*|__)?"
    r"(?P<name>[^*_\n]{2,100}?)(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)
# A line that introduces the text under it with a colon; titles it when it names a pitch.
_PITCH_LEAD = re.compile(r"^\s{0,3}(?P<name>[^:*_#>\s][^:]{1,80}?):\s*$")
_NOT_A_TITLE = {"situation", "task", "action", "result", "answer", "extra", "star"}


def normalize(lines: list[str]) -> list[str]:
    """Same number of lines; front matter blanked, pseudo-headings promoted, decorated bullets made plain."""
    lines = unheader(unrepeat(ungedcom(lines)))  # a family tree's export: people and notes as sections
    lines = lines  # records whose banner and facts are boxed between rules above their text
    lines = unfield(lines)  # a record's line of fields as its title; a button or end mark blanked
    lines = ungherkin(unpatch(lines))  # a patch of a notes file: the notes as the patch leaves them; BDD scenarios
    lines = untree(unconflict(lines))  # merge conflicts left by a sync; notes drawn as a tree (├── / └── branches)
    lines = unbracket(lines)  # names in square brackets over their text (a fortune file's entries)
    lines = uncornell(lines)  # two-column Cornell notes: the right-hand text under the first cue
    lines = unreview(lines)  # a performance review copy: a section per goal, others' words as replies
    lines = unscore(unbanner(lines))  # titles boxed in ASCII banners; scorecards named by the story they name
    lines = unform(unfold(accept(unadmonish(lines))))  # MkDocs folds, vim folds as headings; edits accepted; form out
    lines = unshortcode(lines)  # Hugo shortcode pairs titled by their parameters
    lines = unrun(unletter(lines))  # an I. / A. / 1. outline's top levels; run-in CAPITALS names as headings
    lines = unbold(lines)  # paragraphs run in under a bold name (`**Kiosk printers.** Our depots ...`): titled by it
    lines = unxml(undata(unmarp(lines)))  # slide decks' presenter notes; structured exports: records become sections
    lines = unhang(lines)  # a field's text wrapped onto lines aligned under its value, not an indented code block
    lines = uncells(unfootnote(lines))  # cards in a raw HTML table; stories told in footnotes
    lines = untiddle(lines)  # TiddlyWiki wikitext
    lines = unrest(unasciidoc(unorg(unconfluence(unchat(unsheet(unlatex(unhtml(untag(lines)))))))))  # other markups
    lines = uncite(untemplate(lines))  # a wiki page's entries opened by calls of one template; citations
    lines = unreadme(unoutline(unmail(unpandoc(unpage(untranscript(blank_front_matter(lines)))))))  # other exports
    lines = unissue(lines)  # `gh issue view` output: a section per issue, one per comment
    lines = unretell(lines)  # a note-taker's third-person notes of a mock interview: its subject as I
    lines = uncard(lines)  # index cards typed up face by face
    lines = _named_by_field(_run_in_pitches(_callouts(decks.unsplit(unfence(separated_paragraphs(lines))))))
    lines = unnumber_prompts(unthread(lines))  # "1/ ..." posts as paragraphs; "Question 2 of 5: X" as a heading
    out = list(lines)
    # One ALL-CAPS word ("IMPORTANT") only titles a section in plain text, never next to Markdown headings.
    plain = not any(_ATX.match(line) for line in lines)
    in_fence = False
    level = 0  # level of the last real Markdown heading
    for i in range(len(out)):
        line = out[i]  # a quoted question may have blanked this line already
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        atx = _ATX.match(line)
        if atx:
            level = len(atx.group(1))
            continue
        line = _GLYPH_BULLET.sub(r"\1- ", clean_residue(line))
        out[i] = line = _html_card(_DECORATED_BULLET.sub(r"\1", line))
        title = _pseudo_title(out, i, plain)
        if title:
            out[i] = f"{'#' * min(level + 1, 6)} {title}"
        else:
            qforms.rewrite(out, i)
    out = unrecord(out)  # a trade template's record: its title over the one field that tells the story
    return _index_letters(unbackstory(out))  # a card's story part apart from its registry fields


_LETTER_HEADING = re.compile(r"^(?P<marks>#{1,6}) (?P<letter>[A-Za-z])\s*$")
_STAR_LETTERS = frozenset("STAR")
_INDEX_LETTERS = 3


def _index_letters(lines: list[str]) -> list[str]:
    """Headings of one letter each are an A-Z index's dividers, not STAR parts, once they use letters that name no
    part ("B", "K" beside "S", "T", "R"): three distinct letters at least, one of them outside S/T/A/R. Each becomes
    "— S —", which titles its section by the letter without reading "S" as the situation of the entry above."""
    found = {m["letter"].upper(): m for m in map(_LETTER_HEADING.match, lines) if m}
    if len(found) < _INDEX_LETTERS or not set(found) - _STAR_LETTERS:
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        m = _LETTER_HEADING.match(line)
        if m:
            out[i] = f"{m['marks']} — {m['letter']} —"
    return out


_RULE = re.compile(r"^\s*([-=*_~#+])\1{2,}\s*$")
# "ONE-PAGER 03", "Card 12": a series number and nothing else, over a "KEY: text" field line.
_SERIES_ONLY = re.compile(r"^\s{0,3}(?P<series>[A-Za-z][\w-]{1,20}(?:\s+[A-Za-z][\w-]{1,20})?\s+#?\d{1,3})\s*$")
_FIELD_LINE = re.compile(r"^\s{0,3}(?P<key>[A-Za-z][A-Za-z ]{1,30}):\s+(?P<text>\S.{9,160})$")


def _named_by_field(lines: list[str]) -> list[str]:
    """A series number alone on a line ("CARD 07") names nothing; when the line under it is a field that is not a
    STAR part or a question ("THESIS: one sentence"), that field's text names the entry: the number line becomes a
    heading "CARD 07 — one sentence". Two such entries at least, or none is changed."""
    at: list[tuple[int, str]] = []
    for i in range(len(lines) - 1):
        series, field = _SERIES_ONLY.match(lines[i]), _FIELD_LINE.match(lines[i + 1])
        if series is None or field is None or (i > 0 and lines[i - 1].strip() and not _RULE.match(lines[i - 1])):
            continue
        label = parse_label(f"{field['key']}:")
        if (label is not None and label.canon in _NOT_A_TITLE) or question_line(field["text"]):
            continue
        at.append((i, f"## {series['series'].strip()} — {field['text'].strip()}"))
    if len(at) < 2:
        return lines
    out = list(lines)
    for i, heading in at:
        out[i] = heading
    return out


# "**TMAY (v2, 90s):** I lead ...", "> **About me:**": a bold run-in label, with a colon, opening a paragraph.
_RUN_IN = re.compile(r"^\s{0,3}(?:>\s?)?\*\*(?P<name>[^*]{2,80}?)\s*(?::\*\*|\*\*\s*:)\s*(?P<rest>.*)$")
_EMPTY_QUOTE = re.compile(r"^\s{0,3}>?\s*$")


def _run_in_pitches(lines: list[str]) -> list[str]:
    """A paragraph opened by a bold run-in label that names a pitch ("**Me in 90s:** I run ...") is a section
    titled by the label: the label becomes a heading on its own line (the text after it moves to the line, or the
    text is already on the next lines); a label inside a paragraph, or one naming no pitch, stays as it is."""
    out = list(lines)
    # A label that opens several paragraphs ("**ME:**" in a rehearsal script) names a speaker or a field, not a pitch.
    seen = Counter(m["name"].strip().lower() for m in map(_RUN_IN.match, lines) if m)
    level = 0
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        atx = _ATX.match(line)
        if in_fence or atx:
            level = len(atx.group(1)) if atx else level
            continue
        run_in = _RUN_IN.match(line)
        if run_in is None or not PITCH_TITLE.search(run_in["name"]) or seen[run_in["name"].strip().lower()] > 1:
            continue
        if i > 0 and not _EMPTY_QUOTE.match(lines[i - 1]):
            continue
        heading = f"{'#' * min(level + 1, 6)} {run_in['name'].strip()}"
        if not run_in["rest"].strip():
            out[i] = heading  # the pitch follows on the next lines
        elif i > 0 and len(run_in["rest"]) >= 80:
            out[i - 1], out[i] = heading, run_in["rest"].strip()
    return out


_CALLOUT = re.compile(r"^\s{0,3}>\s*\[!(?P<kind>[\w-]+)\][+-]?\s*(?P<title>.*?)\s*$")
_QUOTED = re.compile(r"^\s{0,3}>\s?(?P<text>.*)$")
# "status:: draft" (Obsidian Dataview): a key of two or more characters glued to "::"; "Q :: ..." is a flashcard.
_INLINE_FIELD = re.compile(r"^\s*(?:[-*]\s+)?[A-Za-z][\w-]{1,30}::\s")


def _callouts(lines: list[str]) -> list[str]:
    """`> [!kind] Title` + `> text` lines -> `**Title:**` + `text` (a question title stays a question line);
    `field:: value` lines blanked."""
    out = list(lines)
    i = 0
    while i < len(out):
        if _INLINE_FIELD.match(out[i]):
            out[i] = ""  # "status:: polished": Obsidian metadata, not part of any story
        head = _CALLOUT.match(out[i])
        if head is None:
            i += 1
            continue
        title = head.group("title").strip()
        if title and not title.endswith(("?", ":")):
            title = f"**{title}:**"
        out[i] = title
        i += 1
        while i < len(out) and (body := _QUOTED.match(out[i])) and not _CALLOUT.match(out[i]):
            out[i] = body.group("text")
            i += 1
    return out


def _html_card(line: str) -> str:
    """`<details>` lines vanish; `<summary>X</summary>` reads as a bold line `**X**`."""
    if _DETAILS.match(line):
        return ""
    summary = _SUMMARY.match(line)
    if summary:
        inner = _TAG.sub("", summary.group("inner")).strip()
        return f"**{inner}**" if inner else ""
    return line


def _pseudo_title(lines: list[str], i: int, plain: bool) -> str | None:
    """Text of a line that stands alone as a title: an ALL-CAPS line or a whole-bold line after a break."""
    if i > 0 and lines[i - 1].strip() and not _ATX.match(lines[i - 1]) and not _after_break(lines, i):
        return None  # titles start a block; a bold line inside a paragraph is emphasis
    line = lines[i].strip()
    decorated = title_line(line)
    if decorated:
        return decorated  # "=== The outage ===", "【降本】", "Story 3 — The outage"
    named = _NAME_LINE.match(line)
    if named and not named.group("name").endswith((".", "?", ":")) and len(named.group("name").split()) <= 14:
        return named.group("name").strip()  # "Story: the late launch" opens a story the way a heading does
    pitch = _PITCH_LEAD.match(line)
    if pitch and PITCH_TITLE.search(pitch.group("name")) and i + 1 < len(lines) and lines[i + 1].strip():
        return pitch.group("name").strip()  # "About me (under a minute):" over the pitch itself
    bold = _BOLD_LINE.match(line)
    if bold:
        inner = bold.group("inner").strip()
        if inner.endswith((":", "?", ".")) or question_line(inner):
            return None  # a label introducing a list, or a question card
    elif _is_caps_title(line) and (plain or len(line.split()) >= 2):
        inner = line
    else:
        return None
    label = parse_label(line)
    if label is not None and label.canon in _NOT_A_TITLE:
        return None  # "**Situation**" / "RESULT" stay STAR labels
    return inner


def _is_caps_title(line: str) -> bool:
    """ALL-CAPS, a few words, no sentence punctuation at the end (acronym soup like "AWS" is too short)."""
    if not _CAPS_LINE.match(line) or line.endswith((".", "?", ",")) or question_line(line):
        return False
    letters = sum(c.isalpha() for c in line)
    words = line.split()
    return letters >= 5 and len(words) <= 12 and any(len(w) >= 3 and w.isalpha() for w in words)


def _after_break(lines: list[str], i: int) -> bool:
    """Line i follows a rule that stands alone between blank space (a section break), not a banner's lower edge."""
    return bool(_RULE.match(lines[i - 1])) and (i < 2 or not lines[i - 2].strip())


def blank_front_matter(lines: list[str]) -> list[str]:
    """YAML front matter (--- key: value ---) is metadata, not content; blanked so line numbers stay true. Its
    `title:` names what follows, so it stays as a heading. Files printed one after another (`tail -n +1 *.md`:
    a `==> path <==` line before each) each carry their own."""
    out = list(lines)
    banners = (i for i, x in enumerate(lines) if x.startswith("==> ") and len(x) < 500 and _FILE_BANNER.match(x))
    starts = [0] + [i + 1 for i in banners]
    for start in starts:
        if start >= len(out) or out[start].strip() != "---":
            continue
        end = _front_matter_end(out, start)
        if end is None:
            continue
        title = next((m.group(1).strip().strip("\"'") for x in out[start + 1 : end] if (m := _TITLE_KEY.match(x))), "")
        out[start : end + 1] = [""] * (end + 1 - start)
        if title and start > 0:
            out[start - 1] = ""  # the banner only names the file
        if title:
            out[start] = f"# {title}"
    return out


_FILE_BANNER = re.compile(r"^==> .+ <==\s*$")
_TITLE_KEY = re.compile(r"^title\s*:\s*(.*?)\s*$", re.IGNORECASE)


def _front_matter_end(lines: list[str], start: int) -> int | None:
    """The line closing the front matter opened at `start`; None when those lines are not YAML keys."""
    for i in range(start + 1, min(len(lines), start + 60)):
        if lines[i].strip() in ("---", "..."):
            return i
        if lines[i].strip() and not re.match(r"^\s*(?:[\w-]+\s*:|-\s)", lines[i]):
            return None
    return None
