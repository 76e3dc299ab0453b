"""LaTeX notes (`.tex`), read as the Markdown they stand for.

- `\\part`, `\\chapter`, `\\section`, `\\subsection`, `\\subsubsection`, `\\paragraph` (starred or not) become `#`
  headings, one level per command in that order, counted from the highest one the document uses.
- `\\item` starts a bullet, `\\item[Label]` a bold label (`**Label:**`), `\\textbf{Label:}` stays bold.
- Macros the author defined (`\\newcommand`, `\\def`) are expanded; one that typesets its first argument as a
  title (in a larger size or as a section) makes a heading of it, one level below the section it sits in
  (latex_macros.py).
- The preamble, `\\begin{...}` / `\\end{...}` lines, `%` comments and other commands' names vanish; the text in
  their braces stays (`\\emph{fast}` -> `fast`); `\\%`, `\\&`, `~` and `--` become the characters they stand for.

Only documents that look like LaTeX (`\\documentclass`, `\\begin{document}` or sectioning commands) are touched.
The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.latex_macros import expand, macro_title, user_macros

_LEVELS = ("part", "chapter", "section", "subsection", "subsubsection", "paragraph")
_SECTION = re.compile(r"^\s*\\(?P<cmd>" + "|".join(_LEVELS) + r")\*?\s*(?:\[[^\]]*\])?\s*\{(?P<title>.*)\}\s*$")
_MARK = re.compile(r"^\s*\\(?:documentclass|begin\{document\}|section\*?\{|subsection\*?\{|chapter\*?\{)")
_ENV = re.compile(r"^\s*\\(?:begin|end)\{[^}]*\}(?:\[[^\]]*\])?(?:\{[^}]*\})*\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)\\item(?:\s*\[(?P<label>[^\]]*)\])?\s*")
_BOLD = re.compile(r"\\textbf\{(?P<text>[^{}]*)\}")
_COMMAND = re.compile(r"\\[A-Za-z]+(?:\*(?!\*))?(?:\[[^\]]*\])?")  # "\\noindent**S.**" keeps its bold
_ARROW = re.compile(r"\$?\\(?:rightarrow|to|longrightarrow)\b\$?")
_COMMENT = re.compile(r"(?<!\\)%.*$")
_ESCAPES = (("\\%", "%"), ("\\&", "&"), ("\\$", "$"), ("\\#", "#"), ("\\_", "_"), ("~", " "), ("---", "—"),
            ("--", "–"), ("``", '"'), ("''", '"'), ("\\\\", ""))


def is_latex(lines: list[str]) -> bool:
    """`\\documentclass`, `\\begin{document}` or at least two sectioning commands."""
    return sum(1 for x in lines if _MARK.match(x)) >= 2 or any(x.lstrip().startswith("\\documentclass") for x in lines)


def unlatex(lines: list[str]) -> list[str]:
    """Same number of lines, LaTeX rewritten as Markdown (see the module docstring); unchanged when not LaTeX."""
    if not is_latex(lines):
        return lines
    used = [_LEVELS.index(m.group("cmd")) for x in lines if (m := _SECTION.match(x))]
    top = min(used, default=0)
    begin = next((i for i, x in enumerate(lines) if "\\begin{document}" in x), -1)
    macros = user_macros(lines)
    out = [""] * len(lines)
    depth = 0  # level of the last heading written
    for i, line in enumerate(lines):
        if i <= begin or "\\end{document}" in line:
            continue  # the preamble is settings, not notes
        line = _COMMENT.sub("", line)
        if not line.strip() or _ENV.match(line):
            continue
        title = macro_title(line, macros)
        if title is not None:  # "\story{The outage}{tags}": a macro that typesets its first argument as a title
            out[i] = f"{'#' * min(depth + 1, 6)} {_plain(title)}"
            continue
        line = expand(line, macros)
        section = _SECTION.match(line)
        if section:
            level = _LEVELS.index(section.group("cmd")) - top + 1
            depth = min(level, 6)
            out[i] = f"{'#' * depth} {_plain(section.group('title'))}"
            continue
        item = _ITEM.match(line)
        if item:
            label = item.group("label")
            rest = _plain(line[item.end() :])
            out[i] = f"{item.group('indent')}- **{_plain(label).rstrip(':')}:** {rest}" if label else f"- {rest}"
            continue
        out[i] = _plain(line)
    return out


def _plain(text: str) -> str:
    """Text with bold kept as `**bold**`, other commands' names and braces dropped, escapes resolved."""
    text = _ARROW.sub("→", _BOLD.sub(r"**\g<text>**", text))  # "7.1% $\\rightarrow$ 1.6%"
    text = _COMMAND.sub("", text)
    for escaped, char in _ESCAPES:
        text = text.replace(escaped, char)
    return re.sub(r"[{}]", "", text).rstrip()
