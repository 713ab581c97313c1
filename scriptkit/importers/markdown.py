"""Markdown libraries: one reply per heading (``## Title`` or ``---- TITLE`` lines).

When a section quotes its reply (``> …`` lines), the quote is the reply and the rest of the
section (``**Use when:** …``) becomes guidance for the agent; otherwise the whole section
is the reply. Sections without text (a file's top heading) are not replies.
"""

from __future__ import annotations

import re
from pathlib import Path

from scriptkit.importers.common import MAX_BODY_CHARS, ItemProblem, RawItem, Read, ReadOptions, read_text

LABEL = "Markdown: one reply per heading (## Title, or ---- TITLE lines)"

_HEADING = re.compile(r"^(?:#{1,6}\s+(?P<atx>.+?)\s*#*\s*|-{2,}\s+(?P<dash>\S.*?)\s*)$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_NUMBER = re.compile(r"^\d+[.)]\s+")


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Markdown file")
    lines = source.text.split("\n")
    sections: list[tuple[int, str, list[str]]] = []
    for lineno, line in enumerate(lines):
        m = _HEADING.match(line)
        if m:
            sections.append((lineno, (m.group("atx") or m.group("dash")).strip(), []))
        elif sections:
            sections[-1][2].append(line)
    seen = 0
    for lineno, title, body_lines in sections:
        where = source.at(lineno, 0)
        quoted = [ln for ln in body_lines if ln.lstrip().startswith(">")]
        if quoted:
            body = "\n".join(re.sub(r"^\s*>\s?", "", ln) for ln in _block(body_lines, quoted))
            guidance = "\n".join(ln for ln in body_lines if not ln.lstrip().startswith(">")
                                 and not _RULE.match(ln)).strip()
        else:
            body = "\n".join(ln for ln in body_lines if not _RULE.match(ln))
            guidance = ""
        body = body.strip()
        if not body:
            continue
        seen += 1
        title = _NUMBER.sub("", title.strip("*_ ")) or f"section {seen}"
        if len(body) > MAX_BODY_CHARS:
            yield ItemProblem(where, f"section {title!r}", f"is {len(body):,} characters; the limit is "
                                                            f"{MAX_BODY_CHARS:,}")
            continue
        yield RawItem(key=f"section {seen}", title=title, body=body, location=where,
                      dialect=options.dialect or "generic", guidance=_plain(guidance))
    if not seen:
        from scriptkit.errors import ImportFormatError

        raise ImportFormatError("no replies found in the Markdown file", source.location(0),
                                "Put each reply under its own heading (## Title or ---- TITLE).")


def _block(lines: list[str], quoted: list[str]) -> list[str]:
    """The quoted lines, from the first to the last, keeping blank lines between them."""
    first = lines.index(quoted[0])
    last = len(lines) - 1 - lines[::-1].index(quoted[-1])
    return [ln for ln in lines[first:last + 1] if ln.lstrip().startswith(">") or not ln.strip()]


def _plain(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)
