"""Markdown libraries: one reply per heading (``## Title`` or ``---- TITLE`` lines).

A section either quotes its reply (``> …`` lines, the rest of it, ``**Use when:** …`` or a plain
``Use when: …``, being guidance for the agent; several quotes are several replies, variants named
by a ``**Label:**`` line before each, else numbered) or gives it unquoted, the whole section being
the reply. Which one is decided section by section, never for the whole file by one ``>`` line: a
section that only quotes (besides ``**Label:**`` lines) quotes its reply, one without a quote gives
it plain; a section with both free text and a quote is read as most of the file's sections are (a
trailing quote, where the file does not say, as a note under a plain reply), and its note says
which text became the reply. In a file whose sections mostly quote, a section without a quote
holds notes, skipped by name, as is a section of ``**Label:** …`` lines alone. A section without
text is no reply: a heading over deeper ones (the file's title, a category) silently, one among
its equals named as skipped.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
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
from scriptkit.importers.html import ABSOLUTE, TABLE_CELLS, holds_address, relative_links_note, tables_note
from scriptkit.targets.base import url_address
from scriptkit.text import LINK, bold_lines_apart

LABEL = "Markdown: one reply per heading (## Title, or ---- TITLE lines)"

# (the title runs to the line's end; its closing '#'s are cut in _title: a pattern that cut them, '.+?\s*#*\s*$',
# took 2 s for a heading followed by 1,000 spaces, and 8 times as long for twice as many)
_HEADING = re.compile(r"^(?:(?P<hashes>#{1,6})(?:\s+(?P<atx>\S.*)|\s*)|-{2,}\s+(?P<dash>\S.*))$")  # ('##': untitled)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
#: a heading's own number, '3. Refund denied' (not a year, '2024. Review', which is the title's: kept)
_NUMBER = re.compile(r"(\d{1,3}[.)])\s+(?=\S)")
#: what a heading's leading emoji or symbols are made of ('💳 ', '★ ', '➡️ ', '👩‍💻 '): symbols, the joiners,
#: variation selectors and marks that build an emoji, and the spaces after them
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Sm", "Cf", "Mn", "Me", "Zs"})


def _symbol_run(title: str) -> str:
    """The emoji or symbols a heading's title starts with, and the spaces after them ('' for none)."""
    end = 0
    while end < len(title) and (unicodedata.category(title[end]) in _SYMBOL_CATEGORIES or title[end] == " "):
        end += 1
    return title[:end] if end < len(title) and title[:end].strip() else ""
_LABEL = re.compile(r"^\s*\*\*(.+?):?\*\*:?\s*$")
#: a line that starts with a bold label ('**Use when:** the customer ...'), or with a plain one that can only
#: be meant for the agent ('Use when: ...', 'Note for agents: ...'): guidance beside a quoted reply
_LEAD = re.compile(r"^\s*(?:\*\*[^*\n]+?(?::\*\*|\*\*:)|(?:use\s+(?:this\s+|it\s+)?(?:when|if|for)|when\s+to\s+use|"
                   r"(?:agent|internal)\s+notes?|notes?\s+for\s+(?:the\s+)?agents?)\s*:)", re.IGNORECASE)


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Markdown file")
    refuse_json(source, "Markdown file", "replies under headings", options.wording)
    lines = source.text.split("\n")
    sections: list[tuple[int, str, list[str]]] = []
    levels: list[int] = []  # each heading's level: '## Title' 2, a '---- TITLE' line below every '#'
    for lineno, line in enumerate(lines):
        m = _HEADING.match(line)
        if m:
            title = m.group("dash").strip() if m.group("dash") else _title(m.group("atx") or "")
            sections.append((lineno, title, []))
            levels.append(len(m.group("hashes")) if m.group("hashes") else 7)
        elif sections:
            sections[-1][2].append(line)
    seen = 0
    shapes = [_shape(body) for _, _, body in sections]
    # the file's way, where its sections say one: most of those that are plainly one or the other, a
    # section of both voting for the quote when the quote comes first (a reply, then a comment on it),
    # and not at all when its text does (a plain reply with a note under it, or guidance before the reply);
    # a heading over deeper ones (the file's title with an intro, a category) does not vote either.
    # None where as many quote as do not.
    votes = 0
    for index, ((_, _, under), shape) in enumerate(zip(sections, shapes, strict=True)):
        if index + 1 < len(sections) and levels[index + 1] > levels[index]:
            continue
        votes += 1 if shape == "quoted" or (shape == "both" and _quote_first(under)) \
            else -1 if shape == "plain" else 0
    quoting = True if votes > 0 else False if votes < 0 else None
    # the file's title ('# Support replies') over the replies, each under a deeper heading, with an introduction
    # under it and no quote: the introduction is the file's, not a reply
    titled = len(sections) > 1 and shapes[0] == "plain" and all(level > levels[0] for level in levels[1:]) \
        and any(shapes[1:])
    for index, (lineno, title, body_lines) in enumerate(sections):
        title = title.strip("*_ ")
        # (a number after a leading emoji or symbol, '💳 1. Card declined', is the heading's number too: the emoji
        # stays in the title, which the script's id leaves out)
        lead = _symbol_run(title)
        numbered = _NUMBER.match(title, len(lead))
        title = (lead + title[numbered.end():] if numbered else title) or f"section {seen + 1}"
        if index == 0 and titled:
            yield ItemProblem(source.at(lineno, 0), f"section {title!r}", "is the file's title, over the replies "
                              "under its deeper headings: its text is read as the file's introduction, not as a "
                              "reply; skipped", skipped=True)
            continue
        if not any(ln.strip() and not _RULE.match(ln) for ln in body_lines):
            # a heading over deeper ones is the file's title or a category; one among its equals
            # with nothing under it is a reply whose text is missing: say so, as for a CSV row
            if index + 1 == len(sections) or levels[index + 1] <= levels[index]:
                yield ItemProblem(source.at(lineno, 0), f"section {title!r}", "has no reply text under its "
                                  "heading; skipped", skipped=True)
            continue
        if quoting and shapes[index] == "plain":
            yield ItemProblem(source.at(lineno, 0), f"section {title!r}",
                              "has no quoted reply (> lines) like the others; read as notes, skipped",
                              skipped=True)
            continue
        if quoting and not shapes[index]:  # ('**Owner:** billing team' alone, among quoted replies: notes)
            yield ItemProblem(source.at(lineno, 0), f"section {title!r}",
                              "has only labelled lines (**Label:** ...) and no quoted reply like the others; read "
                              "as notes, skipped", skipped=True)
            continue
        notes: list[str] = [f"its heading's number '{numbered.group(1)}' is left out of its title"] if numbered else []
        quoted = shapes[index] != "both"
        if not quoted:  # free text and a quote: which is the reply is said, never swapped in silence
            quoted = quoting if quoting is not None else not _trailing_quote(body_lines)
            why = ("as most of the file's sections " + ("quote their reply" if quoting else "give it unquoted")
                   if quoting is not None else "as the quote " + ("has text after it" if quoted else "ends it"))
            notes.append(("its quoted lines (> ...) are read as the reply and its other text as guidance for the agent"
                          if quoted else "its unquoted text is read as the reply and its quoted lines (> ...) as "
                          "guidance for the agent") + f", {why}: move them if it is the other way round")
        for offset, label, body, guidance in (_replies(body_lines) if quoted else _plain(body_lines)):
            seen += 1
            where = source.at(lineno + offset, 0)
            name = f"{title} — {label}" if label else title
            if len(body) > MAX_BODY_CHARS:
                yield ItemProblem(where, f"section {name!r}", f"is {len(body):,} characters; the limit is "
                                                               f"{MAX_BODY_CHARS:,}")
                continue
            reply, about = markdown_reply(body)
            yield RawItem(key=f"section {seen}", title=name, body=reply, location=where,
                          dialect=options.dialect or "generic", guidance=_inline(guidance, links=False), pack_text=True,
                          notes=[*notes, *about])
    if not sections:  # (headings with no reply under them were each skipped by name: the import names them)
        from scriptkit.errors import ImportFormatError

        raise ImportFormatError("no replies found in the Markdown file", source.location(0),
                                "Put each reply under its own heading (## Title or ---- TITLE).")


def markdown_reply(body: str) -> tuple[str, list[str]]:
    """A reply written in Markdown as the words a customer should read, in the pack's notation (``_inline``:
    a link ``[text](address)``, emphasis marks dropped, a line in bold alone a paragraph), and the notes on it
    (its relative link addresses): a Markdown library's section, or a generic file's body read with ``--bodies
    markdown``. A table's rows are lines whose cells stand apart by `` | ``, as the HTML import writes an HTML
    table's, without the line under its header; a code block's lines are kept as written, without its ```
    fences."""
    out: list[str] = []
    text: list[str] = []
    tables: list[int] = []
    found: list[str] = []

    def flush() -> None:
        if text:
            joined = "\n".join(text)
            found.extend(relative_links(joined))
            out.append(_inline(bold_lines_apart(joined)))  # (its headings in bold, sentences of their own)
            text.clear()

    lines = body.split("\n")
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence:
            mark = fence.group(1)
            end = next((j for j in range(i + 1, len(lines)) if _closes(lines[j], mark)), len(lines))
            flush()
            out.append("\n".join(lines[i + 1:end]))
            i = end + 1
            continue
        header = _cells(lines[i]) if "|" in lines[i] else None
        if header and i + 1 < len(lines) and _is_delimiter_row(lines[i + 1], len(header)):
            rows = [header]
            i += 2
            while i < len(lines) and lines[i].strip() and "|" in lines[i]:
                rows.append(_cells(lines[i]))
                i += 1
            kept = [[cell for cell in row if cell] for row in rows]
            text.extend(TABLE_CELLS.join(row) for row in kept if row)
            if parted := sum(len(row) > 1 for row in kept):
                tables.append(parted)
            continue
        text.append(lines[i])
        i += 1
    flush()
    found = list(dict.fromkeys(found))
    notes = [relative_links_note(found, "the site the Markdown was written for")] if found else []
    if tables:
        notes.append(tables_note(tables))
    return "\n".join(out), notes


#: a code block's opening fence, ``` or ~~~ (with the code's language after it, '```bash')
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_PIPE = re.compile(r"(?<!\\)\|")


def _closes(line: str, mark: str) -> bool:
    """``line`` closes a code block opened by ``mark``: the same character, at least as many, nothing after."""
    stripped = line.strip()
    return len(line) - len(line.lstrip(" ")) < 4 and stripped.startswith(mark) and stripped == mark[0] * len(stripped)


def _cells(line: str) -> list[str]:
    """A table row's cells, without the pipes at its ends ('| Pro | $10 |'); an escaped pipe, '\\|', is a cell's."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(row)]


def _is_delimiter_row(line: str, count: int) -> bool:
    """The line under a table's header, '|------|:----:|': as many cells as the header, each dashes with a colon
    at either end or none."""
    if "|" not in line or "-" not in line:
        return False
    cells = _cells(line)
    return len(cells) == count and all(set(cell.removeprefix(":").removesuffix(":") or "x") == {"-"} for cell in cells)


def _shape(lines: list[str]) -> str:
    """How a section gives its reply: "quoted" (quotes, besides them only ``**Label:**`` lines),
    "plain" (no quote), "both" (quotes and free text), "" (no text but labels and leads)."""
    quotes = free = False
    for line in lines:
        if line.lstrip().startswith(">"):
            quotes = True
        elif _free(line):
            free = True
    return "both" if quotes and free else "quoted" if quotes else "plain" if free else ""


def _free(line: str) -> bool:
    """A line of a section's own text: not a quote, a rule, nor a ``**Label:**`` or guidance lead line."""
    return bool(line.strip()) and not (line.lstrip().startswith(">") or _RULE.match(line) or _LABEL.match(line)
                                       or _LEAD.match(line))


def _trailing_quote(lines: list[str]) -> bool:
    """The section's quoted lines all follow its free text (a note under a reply, as often written)."""
    last_free = max((i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith(">")
                     and not _RULE.match(ln)), default=-1)
    first_quote = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith(">"))
    return first_quote > last_free


def _quote_first(lines: list[str]) -> bool:
    """The section quotes before any free text of its own (labels and leads such as ``**Use when:**`` aside):
    a quoted reply with a comment under it."""
    first_quote = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith(">"))
    return not any(map(_free, lines[:first_quote]))


def _plain(lines: list[str]) -> list[tuple[int, str, str, str]]:
    """(line offset, label, reply, guidance) of a section that gives its reply unquoted: its quoted lines
    are a note for the agent."""
    body = "\n".join(ln for ln in lines if not ln.lstrip().startswith(">") and not _RULE.match(ln)).strip()
    notes = "\n".join(re.sub(r"^\s*>\s?", "", ln) for ln in lines if ln.lstrip().startswith(">")).strip()
    return [(0, "", body, notes)] if body else []


def _title(heading: str) -> str:
    """A '## Title ##' heading's title: without the closing '#'s that follow a space ('C#' stays)."""
    title = heading.rstrip()
    cut = title.rstrip("#")
    return cut.rstrip() if cut != title and (not cut or cut[-1:].isspace()) else title  # ('## ##': untitled)


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
# import reads <strong> and <a href>: the words, and a link as the pack writes one, [text](address), where the
# address differs from the text (in guidance for the agent, 'text (address)')
#: (an address runs to the next ')' or space, and stops before another link's '[text](': where a line holds
#: many '[text](https://' and no ')', each is looked at once, not read to the line's end from each '[')
#: (an escaped parenthesis, '\\)', is the address's own, as CommonMark reads it: written %-escaped)
#: (one in angle brackets, '[text](<address with spaces>)', is read with scriptkit.text's LINK, as the pack's is)
_LINK = re.compile(r"(?<![\[!])\[([^\[\]\n]+)\]\(((?:https?://|mailto:)"
                   r"(?:\\[()]|\\(?![()])|[^\s)\[\\]|\[(?![^\[\]\n]+\]\())+)\)")
_ESCAPED = re.compile(r"\\([\\`*_\[\]()#+\-.!>])")
#: what keeps its '*' and '_' as written: `code`, and an address (its last character is no closing
#: mark or sentence stop: 'see https://example.com/a_b.' ends at 'b')
_CODE = re.compile(r"(?<!\\)`([^`\n]+)`")
_ABSOLUTE_LINK = re.compile(r"https?://|mailto:")
_ADDRESS = re.compile(r"(?<![\w/.@-])(?:https?://|mailto:|www\.)[^\s<>]*[^\s<>.,;:!?)\]'\"*_]")
_DELIMITERS = re.compile(r"\*+|_+")


def _inline(text: str, links: bool = True) -> str:
    """A Markdown reply as the text a customer should read: emphasis and code marks dropped, links as
    the pack writes them, '[text](address)' (``links=False``: 'text (address)'), a list's '* item' and
    '1) item' lines as the pack writes them, '- item' and '1. item'; backslash escapes resolved; line breaks
    and [[blanks]] kept, and so are addresses, code and words such as SAVE_10 as they are written ('__today__' is
    bold, as '**today**' is, and as CommonMark and SK007 read it: a name such as __init__ is kept in `code`)."""
    kept: list[str] = []
    # (a private-use character the reply does not hold: the Basic Multilingual Plane's, else plane 15's;
    # looked up among the reply's characters once, not by a scan of the reply per candidate)
    held = set(text)
    mark = next(c for c in map(chr, itertools.chain(range(0xE000, 0xF900), range(0xF0000, 0xFFFFE)))
                if c not in held)

    def set_aside(found: str) -> str:
        kept.append(found)
        return f"{mark}{len(kept) - 1}{mark}"

    def link(m: re.Match[str]) -> str:
        return written_link(m.group(1), m.group(2).replace("\\(", "%28").replace("\\)", "%29"))

    def angle_link(m: re.Match[str]) -> str:
        # (CommonMark's '[text](<address with spaces>)', read by the pattern the pack's check and exports read a
        # link with; its spaces written %20, as an import writes an HTML link's. Only an absolute address, as _LINK
        # takes, and no image's '![alt](<...>)'.)
        if not m.group(0).endswith(">)") or not _ABSOLUTE_LINK.match(m.group(2)) or \
                m.string[m.start() - 1:m.start()] in ("[", "!"):
            return m.group(0)
        return written_link(m.group(1), url_address(m.group(2)), m.group(2).removeprefix("mailto:"))

    def written_link(label: str, href: str, read: str = "") -> str:
        """``read``: the address as the link's text would spell it, where the href spells it otherwise (a space)."""
        address = href.removeprefix("mailto:")
        # (a link whose text is its address, or holds it whole, is its text, as the HTML import reads one: 'see
        # https://x.example today'; one whose text is another address keeps its own, 'https://x.example/help-center')
        if any(spelled == label or holds_address(label, spelled) for spelled in {address, read or address}):
            return label
        if not links:
            return f"{label} ({set_aside(address)})"
        # (an address in the text is set aside now: the address pass below would read on from it into
        # '](address)', and the link would lose its address)
        shown = _ADDRESS.sub(lambda a: set_aside(a.group(0)), label)
        return f"[{shown}]({set_aside(href)})"

    text = _CODE.sub(lambda m: set_aside(m.group(1)), text)
    # ('\\[1](2)', '\\[Submit\\]': text that reads as a link or a fill-in stays escaped, as the pack writes it)
    text = _LITERAL_LINK.sub(lambda m: set_aside(m.group(0)), text)
    # ('2024\\. What a year', '\\- Sam': a line that would read as a list's item stays escaped, as the pack writes it)
    text = _LITERAL_ITEM.sub(lambda m: set_aside(m.group(0)), text)
    text = LINK.sub(angle_link, text)
    text = _LINK.sub(link, text)
    text = _ADDRESS.sub(lambda m: set_aside(m.group(0)), text)
    text = _MARKER.sub(lambda m: f"{m.group(1)}{m.group(2) + '.' if m.group(2) else '-'} ", text)
    text = "\n".join(_without_emphasis(line) for line in text.split("\n"))
    text = _ESCAPED.sub(r"\1", text)
    return re.sub(f"{mark}(\\d+){mark}", lambda m: kept[int(m.group(1))], text)


#: an escaped bracket: without its backslash it would start a link ('\\[1](2)') or a fill-in ('\\[Submit\\]'), so it
#: stays escaped, as the pack writes a bracket that starts neither
_LITERAL_LINK = re.compile(r"\\\[")
#: a line's escape from reading as a list's item: '2024\\. ' or '\\- ' at its start
_LITERAL_ITEM = re.compile(r"^\d{1,9}\\(?=\. \S)|^\\(?=- \S)", re.M)
#: a list item's marker other than the pack's '- ' and '1. ': '* item', '+ item', '1) item'
_MARKER = re.compile(r"^([ \t]*)(?:[*+]|(\d{1,9})\)) (?=\S)", re.M)
#: a link whose address is relative ('/hc/en-us/requests/new'): kept as written, with a note
_TEXT_LINK = re.compile(r"(?<![\[!\\])\[[^\[\]\n]+\]\(([^()\s]+)\)")


def relative_links(text: str) -> list[str]:
    """The relative addresses of a Markdown reply's links, each once."""
    found = [m.group(1)[:80] for m in _TEXT_LINK.finditer(text) if not ABSOLUTE.match(m.group(1))]
    return list(dict.fromkeys(found))


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS" if char else False


@dataclass(slots=True)
class _Run:
    """A run of '*' or '_' in a line: its mark, the span still unmatched, and its length as written."""

    char: str
    start: int
    end: int
    length: int  # as written


def _without_emphasis(line: str) -> str:
    """``line`` without the '*' and '_' runs that open and close emphasis, in one pass over its runs
    (CommonMark's delimiter stack, simplified): a run opens after a space, the start or punctuation,
    before a non-space; it closes after a non-space, before a space, the end or punctuation. So
    'SAVE_10', 'snake_case' and '2*3*4' keep their marks, and a line of ten thousand unmatched '**'
    is read once, not once per '**'."""
    drop: list[tuple[int, int]] = []  # (start, end) of the marks that are emphasis
    stack: list[_Run] = []
    bottom = {"*": 0, "_": 0}  # below this height the stack holds no opener of that mark (looked already)
    for found in _DELIMITERS.finditer(line):
        start, end = found.span()
        if start and line[start - 1] == "\\":  # '\*': the first mark is a character, not a delimiter
            start += 1
            if start == end:
                continue
        before, after = line[start - 1] if start else "", line[end] if end < len(line) else ""
        opens = not _is_space(after) and (_is_space(before) or _is_punctuation(before))
        closes = not _is_space(before) and (_is_space(after) or _is_punctuation(after))
        run = _Run(found[0][0], start, end, end - start)
        while closes and run.start < run.end:
            at = next((i for i in range(len(stack) - 1, bottom[run.char] - 1, -1) if stack[i].char == run.char), None)
            if at is None:
                bottom[run.char] = len(stack)
                break
            opener = stack[at]
            del stack[at + 1:]  # (marks between the two stay as written)
            use = 2 if opener.end - opener.start > 1 and run.end - run.start > 1 else 1
            drop.append((opener.end - use, opener.end))
            drop.append((run.start, run.start + use))
            opener.end -= use
            run.start += use
            if opener.start == opener.end:
                stack.pop()
        for mark in bottom:
            bottom[mark] = min(bottom[mark], len(stack))
        if opens and run.start < run.end:
            stack.append(run)
    if not drop:
        return line
    out, at = [], 0
    for start, end in sorted(drop):
        out.append(line[at:start])
        at = end
    return "".join(out) + line[at:]
