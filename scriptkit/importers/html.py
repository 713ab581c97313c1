"""HTML bodies -> clean text that keeps its paragraphs (stdlib ``html.parser``, no network).

Block elements end a paragraph (blank line), ``<br>`` ends a line, a table's rows are lines
whose cells stand apart by `` | ``, list items become
``- item`` lines (``1. item`` in a numbered list, whose steps a reply may refer to; a paragraph inside an
item, as Zendesk's editor writes ``<li><p>``, is the item's text, not a paragraph of its own; a list right after
a paragraph that leads into it, "Do this:", goes on under its line, as a plain-text body writes it), a link
whose text is not its address is written ``[text](address)`` (any address: a placeholder, a relative
path, ``tel:``), which the HTML exports write back as the link, and ``<script>``/``<style>`` content is
dropped. Intercom's ``<attribute key=.. default=../>`` becomes the plain-text placeholder form
``{{key|fallback:"default"}}`` so one placeholder parser reads both bodies.
Whitespace inside a paragraph collapses as a browser would.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from scriptkit.importers.dialects import BlankPiece, PlaceholderPiece, parse_body
from scriptkit.targets.base import LINK_ADDRESS, link_address

_BLOCK = frozenset({
    "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table",
    "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "form", "fieldset", "address", "main",
})
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})
_PARA, _LINE = "\x00P", "\x00L"  # markers resolved when the text is assembled
# a line that goes on a list item (its <br>, its second <p>): written indented, '  more', which the HTML exports
# write back inside the item
_MORE = "\x00L\x00M"
# the start of a list item's line ('1. ', '- '): any other line that reads as an item is escaped ('2024\\. What')
_ITEM_MARK = "\x00I"
_DEEPER = "\x00D"  # after an item's mark, once for each list it is inside of: written as two spaces each
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def _styled_emphasis(style: str) -> bool:
    """Whether an inline ``style`` sets its text bold, italic or underlined (read a declaration at a time: no
    pattern scans the whole attribute from each place a property name could start)."""
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        said = _STYLED.get(name.strip().lower(), ())
        if any(word in said for word in value.lower().replace("!", " !").split()):  # ('bold !important')
            return True
    return False


_STYLED: dict[str, tuple[str, ...]] = {
    "font-weight": ("bold", "bolder", "600", "700", "800", "900"), "font-style": ("italic", "oblique"),
    "text-decoration": ("underline",), "text-decoration-line": ("underline",)}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.links: list[tuple[str, int]] = []  # href, index in out where the link text starts
        self.hrefs: list[str] = []  # every link's address, in order
        self.pre = 0
        self.lists: list[int | None] = []  # the open lists, inner last: an <ol>'s last number, None for <ul>
        self.items: list[bool] = []  # for each open list, whether an item of it is open (an <li> not yet closed)
        # a table's row is a line, its cells with text apart by ' | ': written before a cell's first
        # text, once a cell before it in the row had some (a layout table's image cell adds nothing)
        self.cells = 0  # cells of the row so far that had text
        self.cell_text = False  # the open cell has text
        self.tables: list[list[int]] = []  # the open tables, inner last: [rows, rows with cells set apart]
        self.parted: list[int] = []  # the rows of each closed table with cells set apart in a row
        self.fresh = False  # a list item's marker was written and no text yet: a <p> in it starts no line
        # bold, italics, underline: the open ones, inner last, how many of each are open (a close pops up to its own
        # tag, so each is pushed and popped once), and the text since the outermost opened; each closed outermost's
        # text is in emphasis (emphasis left open to the end is not: no closing tag said where it ends)
        self.open_emphasis: list[str] = []
        self.emphasis_depth: dict[str, int] = {}
        self.emphasized: list[str] = []
        self.emphasis: list[str] = []
        self.spans: list[bool] = []  # the open <span>s, inner last: whether each is styled bold, italic or underlined
        # the list just closed, nothing but space after it yet: its last number (None for <ul>), and where in out
        # the paragraph break after it is (a list beside it may be a line of the same paragraph)
        self.after_list: tuple[int | None, int] | None = None
        # a paragraph just closed (<p>, <div>), nothing but space after it yet: where in out the first paragraph
        # break after it is; a list that starts there, where the paragraph leads into it ("Do this:"), goes on
        # under its line as a plain-text body writes it, which the HTML exports write back as <p> and <ul>
        self.after_paragraph: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.open_emphasis and (tag in _BLOCK or tag in ("br", "li", "tr", "td", "th")):
            self.emphasized.append(" ")  # (a line or cell of emphasized text is a word apart from the next)
        if tag in _EMPHASIS:
            self._open_emphasis(tag)
        elif tag == "span":
            self.spans.append(_styled_emphasis(dict(attrs).get("style") or ""))
            if self.spans[-1]:
                self._open_emphasis(tag)
        beside, self.after_list = self.after_list, None
        lead_in, self.after_paragraph = self.after_paragraph, None
        if tag in _SKIP:
            self.skip += 1
        elif tag == "attribute":
            self._attribute(dict(attrs))
        elif tag == "br":
            self.out.append(self._break())
        elif tag == "li":
            if self.items:
                self.items[-1] = True
            # (an item of a list inside another's item is indented under it, as the exports read a nested list)
            mark = _ITEM_MARK + _DEEPER * max(0, len(self.lists) - 1)
            if self.lists and self.lists[-1] is not None:
                self.lists[-1] += 1
                self.out.extend((_LINE, f"{mark}{self.lists[-1]}. "))
            else:
                self.out.extend((_LINE, f"{mark}- "))
            self.fresh = True
        elif tag == "tr":
            self.out.append(_LINE)
            self.cells, self.cell_text = 0, False
            if self.tables:
                self.tables[-1][0] += 1
        elif tag in ("td", "th"):
            self.out.append(" ")
            self.cells += self.cell_text
            self.cell_text = False
        elif tag in _BLOCK:
            if tag not in ("ol", "ul"):
                self._close_lists()
            if tag == "table":
                self.tables.append([0, 0])
            if not self.lists and beside is not None and tag in ("ol", "ul") and _one_paragraph(beside[0], tag, attrs):
                self.out[beside[1]] = ""  # (its items are lines of the paragraph the list beside it ended)
            elif not self.lists and lead_in is not None and tag in ("ol", "ul") and self._leads_in(lead_in):
                for i in range(lead_in, len(self.out)):
                    if self.out[i] == _PARA:
                        self.out[i] = ""
            elif not self.lists:
                self.out.append(_PARA)
            elif not self.fresh and tag not in ("ol", "ul"):
                # (a block inside a list item: a line of the item; its first, the item's own; a list inside the
                # item starts no line of its own, each of its items does: no empty line splits the outer list)
                self.out.append(self._break())
            if tag == "pre":
                self.pre += 1
            elif tag in ("ol", "ul"):
                start = dict(attrs).get("start") or ""
                self.lists.append(None if tag == "ul" else _list_start(start) - 1)
                self.items.append(False)
        elif tag == "a":
            # (a link inside an open link ends it, as in a browser: each part of the text is read by one link, where
            # nested unclosed links read it once each, quadratic time)
            while self.links:
                href, begun = self.links.pop()
                self._link(href.strip(), begun)
            self.links.append((dict(attrs).get("href") or "", len(self.out)))
            self.hrefs.append(self.links[-1][0])

    def _leads_in(self, end: int) -> bool:
        """Whether the paragraph that ends at ``end`` in out leads into what follows: its text ends with a colon
        ("Here is what to do:"). A greeting or a finished sentence before a list is a paragraph of its own."""
        before = next((p for p in reversed(self.out[:end]) if p.strip() and not p.startswith("\x00")), "")
        return before.rstrip().endswith((":", "："))

    def _break(self) -> str:
        """A line break: in an open list item, a line that goes on the item."""
        return _MORE if self.items and self.items[-1] and not self.pre else _LINE

    def _close_lists(self) -> None:
        """A block that is in a list but in none of its items (``<ol><li>..</li><p>..``, the list left unclosed)
        ends the list, as a browser shows it: its paragraphs are the reply's, not lines of the list."""
        while self.lists and not self.items[-1]:
            self.lists.pop()
            self.items.pop()
            if not self.lists:
                self.out.append(_PARA)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CDATA[...`` and Office's ``<![if ...]>``, as the stdlib reads them; any other ``<![`` (``<![ x``,
        ``<![foo[``), where the stdlib raises, is a bogus comment up to the next ``>``, as a browser reads it."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.lower() == "attribute":
            self._attribute(dict(attrs))
        else:
            self.handle_starttag(tag, attrs)

    def _attribute(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("key") or "").strip()
        if not key:
            return
        default = attrs.get("default")
        # Intercom's own quoting: single quotes around a default that holds a double quote; an empty
        # default (show nothing) is kept, as the body_text spells it
        quote = "'" if default and '"' in default else '"'
        self.out.append("{{" + key + ("" if default is None else f"|fallback:{quote}{default}{quote}") + "}}")
        self.fresh = False

    def _open_emphasis(self, tag: str) -> None:
        self.open_emphasis.append(tag)
        self.emphasis_depth[tag] = self.emphasis_depth.get(tag, 0) + 1

    def _close_emphasis(self, tag: str) -> None:
        """The end of the innermost open ``tag`` (and of any emphasis opened in it, as a browser ends them); where
        it was the outermost, its text is one emphasized stretch."""
        if not self.emphasis_depth.get(tag):
            return
        while (last := self.open_emphasis.pop()) != tag:
            self.emphasis_depth[last] -= 1
        self.emphasis_depth[tag] -= 1
        if not self.open_emphasis:
            self.emphasis.append(" ".join("".join(self.emphasized).split()))
            self.emphasized.clear()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _EMPHASIS or (tag == "span" and self.spans and self.spans.pop()):
            self._close_emphasis(tag)
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            if not self.lists or (tag in ("ol", "ul") and len(self.lists) == 1):
                self.out.append(_PARA)
                if tag in ("p", "div") and not self.lists and self.after_paragraph is None:
                    self.after_paragraph = len(self.out) - 1
            if tag == "table" and self.tables:
                rows, parted = self.tables.pop()
                self.parted.append(rows if parted else 0)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            elif tag in ("ol", "ul") and self.lists:
                last = self.lists.pop()
                self.items.pop()
                if not self.lists:
                    self.after_list = (last, len(self.out) - 1)
        elif tag == "li" and self.items:
            self.items[-1] = False
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            self._link(href.strip(), start)

    def _link(self, href: str, start: int) -> None:
        """The link whose text starts at ``start``: ``[text](address)``, the address as written (a placeholder,
        a relative path, ``tel:``); the text alone where it is the address or holds it whole; the address where
        there is no text. Text with a bracket or a line break in it keeps the address after it,
        ``text (address)``."""
        parts = self.out[start:]
        text = "".join(p for p in parts if not p.startswith("\x00")).strip()
        address = link_address(href)
        # (the text is the address, or holds it whole: the text says it all, as the pack writes an address, bare.
        # "/" within "home/page" is no address of it, nor is "https://x.example/help" within
        # "https://x.example/help-center", a page of its own)
        if not href or address == text or (ABSOLUTE.match(href) and len(address) > 3 and holds_address(text, address)):
            return
        if not text:
            self.out.append(href)
            return
        joined = "".join(parts)
        if any(p.startswith("\x00") for p in parts) or _UNLINKABLE.search(text):
            self.out.append(f" ({address})")
            return
        core = joined.strip()
        lead = joined[:len(joined) - len(joined.lstrip())]
        trail = joined[len(joined.rstrip()):]
        self.out[start:] = [lead, f"[{core}]({_link_target(href)})", trail]
        self.fresh = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if data.strip():
            self.fresh = False
            self.after_list = self.after_paragraph = None
        if self.tables and not self.cell_text and data.strip():
            self.cell_text = True
            if self.cells:
                self.out.append(TABLE_CELLS)
                self.tables[-1][1] += 1
        # (a bracket of the text is escaped, '\\[', so no text reads as a link once the parts are joined
        # ('[1]<b>(2)</b>'); the escape stays only where the text would read as one, html_to_text decides)
        if self.open_emphasis:
            self.emphasized.append(data)
        data = data.replace("[", "\\[")
        if self.pre:
            self.out.append(data.replace("\n", _LINE))
        else:
            self.out.append(data)


def _one_paragraph(last: int | None, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a list (``tag``, its ``attrs``) right after another (whose last number is ``last``, None for a
    ``<ul>``) is lines of the same paragraph: the HTML exports write a paragraph's items side by side as such lists
    where one kind interrupts the other (a list inside a list, read as '1. Open', '- Cards', '2. Delete'). Not where
    one list would have held both: '- a' then '- b', or '1. a' then '2. b', in one paragraph is one list, so two
    such lists are two paragraphs."""
    if tag == "ul" or last is None:
        return (tag == "ul") != (last is None)
    start = dict(attrs).get("start") or ""
    return _list_start(start) != last + 1


# link text that cannot stand between [ and ]: a bracket would end it early
_UNLINKABLE = re.compile(r"[\[\]]")
# what of an address is written %-escaped in (...): a space or a parenthesis, outside a placeholder's braces
_TEMPLATE_SPAN = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}%]*%\}")
_URL_UNSAFE = re.compile(r"[\s()]")
_URL_SPACE = re.compile(r"\s")


def _link_target(href: str) -> str:
    """``href`` as it stands between ( and ): a space escaped as in a URL (%20), and a parenthesis (%28, %29) unless
    they stand in pairs the pack's link reads (``https://en.wikipedia.org/wiki/Foo_(bar)``, kept as written), except
    inside a placeholder's braces, which the body's placeholder reading converts."""
    spaced = _escaped(href, _URL_SPACE)
    return spaced if LINK_ADDRESS.fullmatch(_TEMPLATE_SPAN.sub("x", spaced)) else _escaped(href, _URL_UNSAFE)


def _escaped(href: str, unsafe: re.Pattern[str]) -> str:
    """``href`` with each of ``unsafe`` %-escaped, outside a placeholder's braces."""
    out: list[str] = []
    pos = 0
    for span in _TEMPLATE_SPAN.finditer(href):
        out.extend((unsafe.sub(lambda m: f"%{ord(m.group()):02X}", href[pos:span.start()]), span.group()))
        pos = span.end()
    out.append(unsafe.sub(lambda m: f"%{ord(m.group()):02X}", href[pos:]))
    return "".join(out)


#: the start of an address that leads somewhere from anywhere: a scheme ('https:', 'mailto:'), '//' or a placeholder
ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|\{\{|\{%|//")


#: what may stand before an address that stands whole in a text: a space, an opening mark ('(', '<', a quote)
_BEFORE_ADDRESS = frozenset(" \t\n([{<\"'“‘")
#: what may follow it: a space, a closing mark, or a sentence's stop with a space (or the end) after it
_AFTER_ADDRESS = frozenset(" \t\n)]}>\"'”’")
_STOPS = frozenset(".,;:!?")


def holds_address(text: str, address: str) -> bool:
    """Whether ``address`` stands whole in ``text`` ('Visit https://x.example/help today', 'write to
    help@x.example.', 'https://x.example/' for https://x.example), not as the start or part of another address
    ('https://x.example/help-center', 'https://x.example/help.html'): a link whose text holds its address says
    it all as text; one whose text names another page keeps its own address."""
    at = text.find(address)
    while at >= 0:
        end = at + len(address)
        if text.startswith("/", end) and not address.endswith("/"):  # (the same page: a slash after its name)
            end += 1
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if before in _BEFORE_ADDRESS and (after in _AFTER_ADDRESS or (
                after in _STOPS and (end + 1 == len(text) or text[end + 1] in _AFTER_ADDRESS))):
            return True
        at = text.find(address, at + 1)
    return False


#: what stands between a table's cells in its row's line (an HTML table's, a Markdown one's)
TABLE_CELLS = " | "


def tables_note(rows: list[int]) -> str:
    """The note on a reply's tables, each by its rows whose cells stand apart: they are lines of text now."""
    return (f"its table(s) ({' and '.join(f'{n} row(s)' for n in rows)}) are lines of text, each cell apart by "
            "' | ': exported back as such, so check how they read or make them a table again in the helpdesk")


def relative_links_note(links: list[str], where: str) -> str:
    """The note on a reply's relative link addresses ('/hc/en-us/requests/new'), which lead somewhere only from
    ``where`` ('Zendesk')."""
    return (f"its link(s) to {', '.join(map(repr, links))} are kept, but the address is relative: it leads "
            f"somewhere only from {where}, so write the full address before you export it to another helpdesk")


def html_relative_links(text: str) -> list[str]:
    """Each link of an HTML body whose address is relative ('/hc/en-us/requests/new', '#top'): the import
    keeps it, but it leads somewhere only from the helpdesk the body came from."""
    if "href" not in text.lower():
        return []
    found = [href.strip()[:80] for href in _parse(text).hrefs if href.strip() and not ABSOLUTE.match(href.strip())]
    return list(dict.fromkeys(found))


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, paragraphs separated by one blank line."""
    return _parse(html).text


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What an HTML body is read as: its text, its links' addresses, and its tables' rows with cells set apart."""

    text: str
    hrefs: tuple[str, ...]
    tables: tuple[int, ...]
    emphasis: tuple[str, ...]  # the text of each stretch in bold, italics or underline, in order


# (a body is parsed once: the import reads its text, its links and its tables, each of which parsed it again)
@functools.lru_cache(maxsize=8)
def _parse(body: str) -> _Parsed:
    parser = _Collector()
    _feed(parser, body)
    paragraphs: list[str] = []
    for block in "".join(parser.out).split(_PARA):
        lines = [_SPACE.sub(" ", line).strip() for line in block.split(_LINE)]
        lines = ["  " + line[2:].strip() if line.startswith("\x00M") and line[2:].strip() else
                 line.removeprefix("\x00M") for line in lines]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        text = _LITERAL_BRACKET.sub("[", "\n".join(_not_items(lines)))
        if text:
            paragraphs.append(text)
    tables = tuple(n for n in parser.parted + [rows for rows, parted in parser.tables if parted] if n)
    return _Parsed("\n\n".join(paragraphs), tuple(parser.hrefs), tables, tuple(parser.emphasis))


#: how far the stdlib parser reads a start tag (html.parser's own pattern, as of Python 3.11): a tag whose
#: reading stops at the body's end, or before '=' with a quote that never closes, is left unfinished
_START_TAG = re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*
  (?:[\s/]*
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*
      (?:\s*=+\s*
        (?:'[^']*'
          |"[^"]*"
          |(?!['"])[^>\s]*
         )
        \s*
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*
""", re.VERBOSE)


def _feed(parser: _Collector, body: str) -> None:
    """``body`` through ``parser``, in time linear in its length. The stdlib parser reads all it can and stops
    at markup left unfinished (a tag whose quote never closes, ``<a href="``, a comment never closed); at the
    end it reads that markup as text up to the next ``>`` (or ``<``), reads on, and reads each unfinished
    piece after it again to the body's end: 38,000 characters of ``<a href="`` took 6 s, and a 1 MB file
    minutes. Here the unfinished markup is text as written just as the stdlib writes it, and where the
    parser read it to the body's end (no ``>`` or ``-->`` closes it), so is the rest of the body: it is read
    once, and no word of it is lost (a browser shows none of it)."""
    parser.feed(body)
    while not parser.cdata_elem and len(rest := parser.rawdata) > 1 and rest.startswith("<"):
        if rest[1:2].isascii() and rest[1:2].isalpha():
            found = _START_TAG.match(rest)
            read = found.end() if found else 1
        else:  # ('</', '<!--', '<!', '<?': unfinished, they were read to the end for their '>' or '-->')
            read = len(rest)
        close = rest.find(">", 1)
        upto = close + 1 if close >= 0 else rest.find("<", 1)
        upto = len(rest) if read >= len(rest) else max(read, upto if upto > 0 else 1)
        parser.rawdata = ""
        parser.handle_data(html.unescape(rest[:upto]))
        parser.feed(rest[upto:])
    parser.close()


def _not_items(lines: list[str]) -> list[str]:
    """A block's lines, each list item's without its mark, and each other line that the HTML exports would make a
    list's item escaped as in Markdown, ``2024\\. What a year``, ``\\- Sam``: a line of a paragraph, written as one.
    (A lone '- ' line right under one that ends in a comma is a sign-off, which the exports keep a line.)"""
    out: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith(_ITEM_MARK):
            own = line.removeprefix(_ITEM_MARK)
            out.append("  " * own.count(_DEEPER) + own.replace(_DEEPER, ""))
            continue
        item = _ITEM_LINE.match(line)
        if item is None:
            out.append(line)
        elif item.group(1):
            out.append(f"{item.group(1)}\\{line[len(item.group(1)):]}")
        elif i and lines[i - 1].rstrip().endswith(",") and not (
                i + 1 < len(lines) and _BULLET_LINE.match(lines[i + 1].removeprefix(_ITEM_MARK))):
            out.append(line)  # (the sign-off: '- Sam' under 'Thanks,')
        else:
            out.append("\\" + line)
    return out


#: a line that reads as a list's item to the HTML exports (targets/base.py): '2024. ' or '- ' and text
_ITEM_LINE = re.compile(r"(\d{1,9})?(?(1)\.|-) \S")
_BULLET_LINE = re.compile(r"- \S")


#: an escaped bracket of the text that would not start a link (no '](' after it on its line): written as is.
#: (the pack reads '\\[' as a bracket that starts no link, '\\[1](2)' as the text '[1](2)'; a bracket stops
#: the look ahead, so a line of 50,000 of them is read once)
_LITERAL_BRACKET = re.compile(r"\\\[(?![^\[\]\n]*\]\()")


def literal_brackets(text: str) -> str:
    """Plain text as the pack writes it: a bracket that would start a link (``[1](2)``) escaped, ``\\[1](2)``, as
    ``html_to_text`` writes an HTML body's, so the text is read back as written."""
    return _LITERAL_BRACKET.sub("[", text.replace("[", "\\["))


def looks_like_html(text: str) -> bool:
    """Whether a body given as plain text (a CSV's or a JSON file's ``body``, Help Scout's chat text) is HTML: only
    on markup no plain reply writes, an element closed after it opens (``<p>..</p>``, ``<b>..</b>``), a tag with
    an attribute's value (``<a href="..">``), a line break set in the words (``sorry.<br>I've``), or a tag set in
    them on both sides (``<p>Hi<p>there``, the body's start or end as a side). A
    reply that names a tag or a key ('Use the <b> key, then press <Enter>', 'Wrap it in <p> tags', 'the <br>
    tag') is text, read word for word."""
    opened: set[str] = set()
    for tag in _TAG.finditer(text):
        closing, name, attrs = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name not in _ELEMENTS:
            continue
        if closing:
            if name in opened:
                return True
        elif _ATTR_VALUE.match(attrs):
            return True
        else:
            start, end = tag.span()
            glued = (start > 0 and not text[start - 1].isspace(), end < len(text) and not text[end].isspace())
            # (a line break set in the words, 'sorry.<br>I've'; any tag set in them on both sides, '<p>Hi<p>there',
            # where the body's start or end is a side)
            if (name in _VOID and any(glued)) or ((glued[0] or not start) and (glued[1] or end == len(text))):
                return True
            opened.add(name)
    return False


def html_tags(text: str, most: int = 3) -> list[str]:
    """The first ``most`` distinct tags of a reply's HTML elements in ``text``, as written (``<b>``, ``</b>``):
    for a note on a plain text body that holds some."""
    found: dict[str, None] = {}
    for tag in _TAG.finditer(text):
        if tag.group(2).lower() in _ELEMENTS:
            found.setdefault(f"<{tag.group(1)}{tag.group(2)}>")
            if len(found) == most:
                break
    return list(found)


#: a tag: '<', '/' for a closing one, its name, what follows up to its '>' ('<' ends it: each is read once)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,9})((?:\s[^<>]*)?)/?>")
#: an attribute with its value, quoted or not: 'href="...', "class='x'", 'width=3'
_ATTR_VALUE = re.compile(r"""\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*\s*=\s*(?:"|'|[^\s"'=<>`]+)""")
_VOID = frozenset({"br", "hr", "img", "wbr"})
#: the elements a reply's HTML is written with
_ELEMENTS = frozenset({
    "a", "abbr", "b", "big", "blockquote", "body", "br", "caption", "center", "cite", "code", "col", "colgroup",
    "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strike", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "wbr",
})
#: a tag a helpdesk's HTML field holds ('<p>', '<br/>'): such a field is HTML, its '<' otherwise escaped
_HTML_TAG = re.compile(r"</?(p|div|br|span|a|ul|ol|li|strong|em|b|i|h[1-6]|table)\b[^<>]*>", re.I)


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def html_field(value: str) -> tuple[str, bool]:
    """A field the helpdesk stores as HTML (Front's body, Help Scout's text): the body, and whether
    to read it as markup. Without a tag it is text whose line breaks matter but whose entities are
    still escaped ('&amp;' is an '&' the customer sees), so they are decoded here."""
    if _HTML_TAG.search(value):
        return value, True
    return (html.unescape(value) if _ENTITY.search(value) else value), False


def html_tables(text: str) -> list[int]:
    """For each table of an HTML body whose cells the text sets apart by ' | ', its number of such rows
    (a table used for layout, one cell of text a row, is text as any other)."""
    if not _TABLE.search(text):
        return []
    return list(_parse(text).tables)


def html_emphasis(text: str, most: int = 3) -> tuple[list[str], int]:
    """The first ``most`` distinct texts an HTML body sets in bold, italics or underline (``<strong>Thursday
    </strong>``, ``<strong><a href=...>this form</a></strong>``, ``<span style="font-weight: bold">``), and how
    many there are: a pack's text has no emphasis, so the note names what lost it."""
    if not _EMPHASIS_TAG.search(text):
        return [], 0
    found = [_shown(t) for t in dict.fromkeys(_parse(text).emphasis) if t]
    return found[:most], len(found)


def _shown(text: str, longest: int = 80) -> str:
    """An emphasized stretch as a note names it: a whole bold paragraph by its first words."""
    return text if len(text) <= longest else text[:longest].rsplit(" ", 1)[0] + "…"


_EMPHASIS = frozenset({"b", "strong", "em", "i", "u"})
_EMPHASIS_TAG = re.compile(r"<(?:b|strong|em|i|u|span)\b", re.I)
_IMG = re.compile(r"<img\b", re.I)
_TABLE = re.compile(r"<table\b", re.I)
_IMG_ATTR = re.compile(r"""\b(alt|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _img_tags(text: str) -> list[str]:
    """Each ``<img ...>`` of ``text``, from its '<' to its '>'. (A pattern '<img[^>]*>' read on from each '<img' to
    the end where no '>' closes them: quadratic, 2 s for 38,000 characters of '<img src=x '.)"""
    tags: list[str] = []
    at = 0
    while (found := _IMG.search(text, at)) is not None:
        end = text.find(">", found.end())
        if end < 0:
            break
        tags.append(text[found.start():end + 1])
        at = end + 1
    return tags


def html_images(text: str) -> list[str]:
    """Each inline image of an HTML body, by its alt text or file name: the text keeps no image."""
    found = []
    for tag in _img_tags(text):
        attrs = {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
                 for m in _IMG_ATTR.finditer(tag)}
        src = attrs.get("src", "")
        named = re.search(r"[?&]name=([^&#]+)", src)  # Zendesk's attachment links name the file
        found.append(attrs.get("alt", "").strip() or (named.group(1) if named else
                     src.split("?")[0].rstrip("/").rsplit("/", 1)[-1]) or "an image")
    return [name[:60] for name in found]


# an element that runs, loads or embeds something, which the text leaves out: an import names it, so the lead
# hears that a macro held one (a tracker, a form, a player) instead of losing it unsaid
_ACTIVE_TAG = re.compile(r"<(script|style|iframe|object|embed)\b", re.I)
_LOADS = re.compile(r"url\s*\(|@import", re.I)


def html_dropped(text: str) -> list[str]:
    """The kinds of active element in an HTML body, as '<script>', in the order first found: a ``<style>`` only where
    it loads an address (url(), @import), as a tracker may; one of plain colours and fonts is only lost formatting."""
    kinds: dict[str, None] = {}
    lowered = text.lower()  # (once: a '</style' looked for in each of many <style>s)
    for found in _ACTIVE_TAG.finditer(text):
        kind = found[1].lower()
        if kind == "style":
            end = lowered.find("</style", found.end())
            if not _LOADS.search(text, found.end(), end if end >= 0 else len(text)):
                continue
        kinds.setdefault(f"<{kind}>")
    return list(kinds)


# (a link's address in ``[text](address)``, which may hold a placeholder with spaces in its braces)
# (an e-mail address from a word's start: tried from every character of a long word, it took quadratic time; its
# name holds no bracket, else a link's last word took its address with it: 'us](mailto:help@example.com)')
_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+|(?<!\S)[(<]?[^\s()<>\[\]]+@\S+|\]\((?:\{\{[^{}]*\}\}|[^()\s{])*\)")
_STEP = re.compile(r"^\s*\d+[.)]\s", re.M)
_WORD = re.compile(r"\w+")


def _words(text: str, dialect: str) -> list[str]:
    """A text's words as compared between a macro's plain and HTML versions, the words a customer reads: without
    case, punctuation, link addresses (the HTML keeps an address the plain text often leaves out) or a numbered
    list's numbers; each of ``dialect``'s placeholders one word, read as the import reads it (``{{ customer.first_name
    }}``, whatever its filter of case or fallback: '| capitalize', a Liquid '{% if ... != blank %}' fallback), and
    each piece of template logic the import keeps whole one word too (its text as written)."""
    words: list[str] = []
    # (Liquid that chose the text is read as the text most customers got, as the import reads it: both versions alike)
    for piece in parse_body(_STEP.sub(" ", _ADDRESS.sub(" ", text)), dialect, dialect, []):
        if isinstance(piece, PlaceholderPiece):
            words.append(f"{{{{ {piece.name} }}}}")
        elif isinstance(piece, BlankPiece):
            words.append(" ".join(piece.original.split()))
        else:
            words.extend(_WORD.findall(piece.text.casefold()))
    return words


def rich_or_plain(rich: str, plain: str, rich_field: str, plain_field: str,
                  notes: list[str], dialect: str = "generic") -> tuple[str, bool]:
    """The body of an item that holds its text twice, as HTML and as plain text, and whether it is HTML:
    the HTML where it has text, as it keeps what the plain version loses (a link's address), else the plain
    text. Where the two say different things (their words, and ``dialect``'s placeholders each as one), a note
    in ``notes`` shows the first difference."""
    text = html_to_text(rich) if rich.strip() else ""
    if not text.strip():
        return (plain, False) if plain.strip() else (rich, True)
    if plain.strip():
        ours, theirs = _words(text, dialect), _words(plain, dialect)
        if ours != theirs:
            notes.append(f"its HTML ('{rich_field}', imported) and plain text ('{plain_field}') say different "
                         f"things: {_difference(ours, theirs)}; check which is right")
    return rich, True


#: how many words after the two lists part are compared to find where they meet again
_DIFF_WINDOW = 60


def _difference(rich: list[str], plain: list[str]) -> str:
    """Where two word lists first part, with the two words before: "the HTML says '... in 7 days' where
    the plain text says '... in 3 days'", or "the HTML has '... late I know you were counting on it', the
    plain text not" where they meet again after it."""
    # (the words the two share at the start, then a diff of the next words only: linear, where a diff of 20,000
    # repeated words took 40 s; and where one adds a sentence, the words after it meet again, not all to the end)
    i1 = j1 = next((i for i, (a, b) in enumerate(zip(rich, plain, strict=False)) if a != b), min(len(rich), len(plain)))
    ours, theirs = rich[i1:i1 + _DIFF_WINDOW], plain[j1:j1 + _DIFF_WINDOW]
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    _, _, a2, _, b2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    i2, j2 = i1 + a2, j1 + b2
    # (words one has and the other not, moved back where they read as a phrase: 'late [I know you were counting
    # on it] I checked', not 'late I [know you were counting on it I] checked', the same words to a diff)
    while (i2 == i1) != (j2 == j1) and i1 > 0 and j1 > 0 and (rich[i2 - 1] == rich[i1 - 1] if i2 > i1
                                                             else plain[j2 - 1] == plain[j1 - 1]):
        i1, i2, j1, j2 = i1 - 1, i2 - 1, j1 - 1, j2 - 1

    def excerpt(words: list[str], start: int, end: int) -> str:
        cut = end > start + 12
        # (and a word after; template logic kept whole, a word here, shown by its start)
        shown = " ".join(w if len(w) <= 40 else w[:39] + "…" for w in words[max(0, start - 2):start + 12 if cut
                                                                           else end + 1])
        return ("... " if start > 2 else "") + shown + (" ..." if cut or end + 1 < len(words) else "")

    if i2 > i1 and j2 > j1:
        return f"the HTML says '{excerpt(rich, i1, i2)}' where the plain text says '{excerpt(plain, j1, j2)}'"
    if i2 > i1:
        return f"the HTML has '{excerpt(rich, i1, i2)}', the plain text not"
    return f"the plain text has '{excerpt(plain, j1, j2)}', the HTML not"


def _list_start(start: str) -> int:
    """An ``<ol start>``'s number, 1 where it gives none it can (a superscript '²' is a digit to ``isdigit``, not
    to ``int``)."""
    digits = start.strip()
    return int(digits) if digits.isascii() and digits.isdigit() else 1
