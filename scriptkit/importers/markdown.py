"""Markdown libraries: one reply per heading (``## Title`` or ``---- TITLE`` lines).

When a section quotes its reply (``> …`` lines), the quote is the reply and the rest of the
section (``**Use when:** …``) becomes guidance for the agent; several quotes in one section
are several replies (variants, named by a ``**Label:**`` line before each, else numbered).
Otherwise the whole section is the reply. A section without text is no reply: a heading over
deeper ones (the file's title, a category) silently, one among its equals named as skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from scriptkit.importers.common import (
    MAX_BODY_CHARS,
    ItemProblem,
    RawItem,
    Read,
    ReadOptions,
    read_text,
    refuse_json,
)

LABEL = "Markdown: one reply per heading (## Title, or ---- TITLE lines)"

_HEADING = re.compile(r"^(?:#{1,6}\s+(?P<atx>.+?)\s*#*\s*|-{2,}\s+(?P<dash>\S.*?)\s*)$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_NUMBER = re.compile(r"^\d+[.)]\s+")
_LABEL = re.compile(r"^\s*\*\*(.+?):?\*\*:?\s*$")


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Markdown file")
    refuse_json(source, "Markdown file", "replies under headings")
    lines = source.text.split("\n")
    sections: list[tuple[int, str, list[str]]] = []
    levels: list[int] = []  # each heading's level: '## Title' 2, a '---- TITLE' line below every '#'
    for lineno, line in enumerate(lines):
        m = _HEADING.match(line)
        if m:
            sections.append((lineno, (m.group("atx") or m.group("dash")).strip(), []))
            levels.append(len(line) - len(line.lstrip("#")) if m.group("atx") else 7)
        elif sections:
            sections[-1][2].append(line)
    seen = 0
    # in a file that quotes its replies, a section without a quote holds notes, not a reply
    quoting = any(ln.lstrip().startswith(">") for _, _, body in sections for ln in body)
    for index, (lineno, title, body_lines) in enumerate(sections):
        title = _NUMBER.sub("", title.strip("*_ ")) or f"section {seen + 1}"
        if not any(ln.strip() and not _RULE.match(ln) for ln in body_lines):
            # a heading over deeper ones is the file's title or a category; one among its equals
            # with nothing under it is a reply whose text is missing: say so, as for a CSV row
            if index + 1 == len(sections) or levels[index + 1] <= levels[index]:
                yield ItemProblem(source.at(lineno, 0), f"section {title!r}", "has no reply text under its "
                                  "heading; skipped", skipped=True)
            continue
        if quoting and not any(ln.lstrip().startswith(">") for ln in body_lines):
            if any(ln.strip() and not _RULE.match(ln) for ln in body_lines):
                yield ItemProblem(source.at(lineno, 0), f"section {title!r}",
                                  "has no quoted reply (> lines) like the others; read as notes, skipped",
                                  skipped=True)
            continue
        for offset, label, body, guidance in _replies(body_lines):
            seen += 1
            where = source.at(lineno + offset, 0)
            name = f"{title} — {label}" if label else title
            if len(body) > MAX_BODY_CHARS:
                yield ItemProblem(where, f"section {name!r}", f"is {len(body):,} characters; the limit is "
                                                               f"{MAX_BODY_CHARS:,}")
                continue
            yield RawItem(key=f"section {seen}", title=name, body=_inline(body), location=where,
                          dialect=options.dialect or "generic", guidance=_inline(guidance))
    if not seen:
        from scriptkit.errors import ImportFormatError

        raise ImportFormatError("no replies found in the Markdown file", source.location(0),
                                "Put each reply under its own heading (## Title or ---- TITLE).")


def _replies(lines: list[str]) -> list[tuple[int, str, str, str]]:
    """(line offset, label, reply, guidance) for each reply in a section's lines.

    Each run of quoted lines is one reply (several runs: several variants, labelled by a
    ``**Label:**`` line before them); unquoted text is guidance. A section without quotes is
    one reply as a whole.
    """
    if not any(ln.lstrip().startswith(">") for ln in lines):
        body = "\n".join(ln for ln in lines if not _RULE.match(ln)).strip()
        return [(0, "", body, "")] if body else []
    blocks: list[tuple[int, str, list[str]]] = []
    guidance: list[str] = []
    label, inside = "", False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            if not inside:
                blocks.append((i + 1, label, []))
                label, inside = "", True
            blocks[-1][2].append(re.sub(r"^\s*>\s?", "", line))
            continue
        inside = False
        m = _LABEL.match(line)
        if m:
            label = m.group(1).strip()
        elif line.strip() and not _RULE.match(line):
            guidance.append(line)
    notes = "\n".join(guidance).strip()
    out = [(offset, lab, "\n".join(body).strip(), notes) for offset, lab, body in blocks]
    numbered = len(out) > 1
    return [(offset, lab or (f"{n}" if numbered else ""), body, notes)
            for n, (offset, lab, body, notes) in enumerate(out, start=1) if body]


# inline Markdown a helpdesk would send as typed ('**twice**' in a Zendesk HTML body), as the HTML
# import reads <strong> and <a href>: the words, and a link's address where it differs from its text
_INLINE = [
    (re.compile(r"(?<![\w*\\])(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1(?![\w*])"), r"\2"),  # **strong**, __strong__
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?!\w)"), r"\1"),  # _emphasis_ (not snake_case)
    (re.compile(r"(?<!\\)`([^`\n]+)`"), r"\1"),  # `code`
]
_LINK = re.compile(r"(?<![\[!])\[([^\[\]\n]+)\]\(((?:https?://|mailto:)[^\s)]+)\)")
_ESCAPED = re.compile(r"\\([\\`*_\[\]()#+\-.!>])")


def _inline(text: str) -> str:
    """A Markdown reply as the text a customer should read: emphasis and code marks dropped, links as
    'text (address)', backslash escapes resolved; lists, line breaks and [[blanks]] kept."""
    def link(m: re.Match[str]) -> str:
        label, href = m.group(1), m.group(2)
        address = href.removeprefix("mailto:")
        return label if address in label else f"{label} ({address})"

    text = _LINK.sub(link, text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return _ESCAPED.sub(r"\1", text)
