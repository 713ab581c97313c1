"""Small text helpers shared by rules, inference and importers: sentences and words."""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any, TypeVar, cast

_T = TypeVar("_T")

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space, or at a blank line, or at an emoji or
# emoticon followed by space and a capital ("So sorry about the mix-up 😔 I've sent the right size today"): a writer
# who ends a sentence with one leaves the full stop out, and a reader takes it as the end; one before a word in lower
# case is inside its sentence ("I ❤️ this"). Emoji right after a mark ("Hey Sam! 👋 So sorry") end the sentence the
# mark ends. (the mark, line break or emoji is matched first, as one character set, and told apart by looking
# behind: a pattern that starts with a character set lets the regex engine skip ahead to the next candidate, twice
# as fast as an alternation. Group 1 is the emoji after a mark, group 2 the space after it, group 3 the space after
# an emoji: none matches at a blank line)
#: scripts written without spaces between words (a character class's body): Thai, Lao, Myanmar, Khmer, kana, CJK
#: ideographs, half-width kana; a word there is no run between spaces
SPACELESS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
#: the full-width marks that end a sentence in Japanese and Chinese (and the full-width full stop)
_FULL_WIDTH_ENDS = "。！？．"
#: the marks that end a sentence in Arabic (its question mark), Urdu and Hindi: written, as "." is, before a space
_SPACED_ENDS = "؟۔।"
_ENDS_BEFORE_WORDS = ".!?:;\n\r" + _FULL_WIDTH_ENDS + _SPACED_ENDS  # (see ``opens_sentence``)
#: the emoji and pictographs (✓ ★ ☎), as a character class's ranges: "[" + EMOJI_RANGES + "]"
EMOJI_RANGES = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
# the emoji among them that show as emoji alone (Unicode's Emoji_Presentation): the rest of the symbols before
# U+1F000 are text (an arrow in "Settings ➜ Billing", a check mark, a star, ☎) unless U+FE0F follows ("❤️")
_EMOJI_ALONE = ("\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1"
                "\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a"
                "\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
                "\U0001f000-\U0001faff")
_EMOJI_MORE = "\ufe0f\u20e3\U0001f3fb-\U0001f3ff"  # a variation selector, a keycap, a skin tone
_EMOJI_JOINED = f"[{_EMOJI_MORE}]*+(?:\u200d[{EMOJI_RANGES}][{_EMOJI_MORE}]*+)*+"  # what builds on an emoji: "👩‍💻"
#: one emoji as a pattern, what builds on it with it: a sequence ("👩‍💻", "👍🏽", "❤️") is one
ONE_EMOJI = f"[{EMOJI_RANGES}]{_EMOJI_JOINED}"
_EMOTICON_END = r"-?[)(DPp](?![\w)(])"  # (after ":" or ";" and a space before them: " :)", " ;-)", " :D")
_SENTENCE_END = re.compile(
    f"[.!?\n:;{_FULL_WIDTH_ENDS}{_SPACED_ENDS}{EMOJI_RANGES}](?:"
    rf"(?<=[.!?{_FULL_WIDTH_ENDS}{_SPACED_ENDS}])[\"'”’)\]」』）]*+"
    rf"((?:[ \t]*+(?:[{EMOJI_RANGES}]{_EMOJI_JOINED}|(?<=\s)[:;]{_EMOTICON_END}))+)?"
    # (a full-width mark needs no space after it, as Japanese and Chinese write none; a full-width point between
    # digits is a decimal one)
    rf"(\s+|(?(1)\Z|(?<=[{_FULL_WIDTH_ENDS}」』）])(?!(?<=[０-９0-9]．)[０-９0-9])))"
    r"|(?<=\n)\s*\n"
    # (an emoji that follows another, or builds on one, is no run's first: the first's match reads it)
    f"|(?:(?<=[{EMOJI_RANGES}])(?<![{EMOJI_RANGES}{_EMOJI_MORE}\u200d].)(?:(?<=[{_EMOJI_ALONE}])|(?=\ufe0f))"
    f"{_EMOJI_JOINED}(?:[{EMOJI_RANGES}]{_EMOJI_JOINED})*+"
    f"|(?<=\\s[:;]){_EMOTICON_END})"
    r"(\s+)(?=[\"'“‘(\[¡¿]?[A-Z\u00c0-\u00de])"
    ")")
# the emoji or emoticons that end a sentence in place of its mark (``emoji_ended``)
_LAST_EMOJI = re.compile(rf"(?:[ \t]*+(?:[{EMOJI_RANGES}]{_EMOJI_JOINED}|(?<=\s)[:;]{_EMOTICON_END}))+\Z")
# a single quote that may open a quotation (``_QUOTATION``): not an apostrophe after a letter ("I'm"); written to
# start with the mark, so the regex engine skips ahead to each
_OPENING_SINGLE = re.compile("'(?<!\\w')")
# a closing of one to three words with its comma on a line of its own, and a name or sign-off line under it that
# ends the text ("\nBest wishes,\nJo Bloggs")
_CLOSING_BELOW = re.compile(r"\n[ \t]*[A-Z][a-z']*(?:[ \t]+[a-z']+){0,2},[ \t]*\n[ \t]*[^\n.!?]{1,40}\s*\Z")
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,2}\.")  # a line that starts with it starts a numbered list item
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "vs.", "approx.", "No.", "St.")
# a postscript's mark opening a sentence: "P.S. I've added a code" is one sentence, "P.S." none of its own
_POSTSCRIPT = re.compile(r"\s*(?:P\.?){1,2}S\.", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)*")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence in ``text``, without surrounding whitespace."""
    return iter(_sentence_spans(text))


@lru_cache(maxsize=1024)  # slot inference and several rules split the same reply
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    # (read when a sentence first ends, if at all; most replies open no quotation: an apostrophe after a letter,
    # "I'm", opens none)
    quotes: list[tuple[int, int]] | None = None if _may_quote(text) else []
    for m in _SENTENCE_END.finditer(text):
        at = m.start()
        if m.start(2) >= 0:  # a mark, and any emoji after it
            mark = at + 1
            end = m.end(1) if m.group(1) else mark  # (the sentence ends with its mark, or the emoji after it)
            if text[at] == ".":  # (every abbreviation, and a list item's number, ends with a full stop)
                if text.endswith(_ABBREVIATIONS, start, mark) or _POSTSCRIPT.fullmatch(text, start, mark):
                    continue
                if (text[mark - 2:mark - 1].isdigit() and "\n" not in m.group(2)
                        and _LIST_NUMBER.fullmatch(text, text.rfind("\n", 0, mark) + 1, mark)):
                    continue  # "1. " opening a line numbers a list item: the item goes on
            quoted = quotes != []
        elif m.start(3) >= 0:  # an emoji or emoticon, and a capital after it
            end = m.start(3)
            quoted = quotes != []
        else:  # a blank line (a quotation is on one line)
            end = at
            if text[start:end].rstrip().endswith(_ABBREVIATIONS):
                continue
            quoted = False
        if quoted:  # (it may end inside a quotation)
            if quotes is None:
                quotes = quoted_spans(text)
            if quotes:
                i = bisect_left(quotes, (at + 1, -1)) - 1  # (the last quotation that opens at or before it)
                if i >= 0 and quotes[i][0] <= at < quotes[i][1] \
                        and (m.end() < quotes[i][1] or text[m.end():m.end() + 1].islower()):
                    continue  # (it goes on: 'You wrote: "I was charged twice. It's ridiculous."', 'click
                    # "Forgot password?" and we'll email you a link')
        a, b = start, end
        if a < b and (text[a].isspace() or text[b - 1].isspace()):  # (most sentences: nothing to trim)
            a, b = trimmed(text, a, b)
        if a < b:
            spans.append((a, b))
        start = m.end()
    a, b = trimmed(text, start, len(text))
    if a < b:
        # (a closing on the line under the last words, which end with no mark: "...if it doesn't\nBest wishes,\nJo"
        # is a sentence, then the sign-off, as with a full stop)
        closing = _CLOSING_BELOW.search(text, a, b) if "\n" in text[a:b] else None
        if closing is not None and (cut := trimmed(text, a, closing.start()))[0] < cut[1]:
            spans.append(cut)
            a = closing.start() + 1
        spans.append((a, b))
    if ("**" in text or "__" in text) and "\n" in text:  # (a bold line alone is a heading: a sentence of its own)
        spans = _bold_line_cut(text, spans)
    if holds_list(text):  # (a list: its items are sentences)
        return _list_cut(text, spans)
    return spans


# A line in Markdown bold alone, a label or heading over what follows ("**Your refund**", "**{{order.number}}**"):
# a reader takes it as a sentence of its own, as a heading, full stop or not; the line under it starts the next.
# (no '*' or '_' inside: "**Note:** see **below**" is a line with two bold words, not one bold line)
_BOLD_LINE = re.compile(r"(?:\*\*[^*\n]+\*\*|__[^_\n]+__)[ \t]*+(?=\r?\n|\Z)")


def _bold_line_cut(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans``, each cut before and after a line in bold alone that it runs on over (``_BOLD_LINE``); not after a
    line ending in a comma ("Best,\n**Sam**" is a closing over its name), nor at all under a line ending in a colon
    (what it introduces: "Here's the update:\n**{{status}}**"), nor over a line in lower case ("**Your
    refund**\nis on its way": the sentence wraps)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        cuts = [a]
        if "\n" in text[a:b]:
            for m in _BOLD_LINE.finditer(text, a, b):
                line = text.rfind("\n", 0, m.start()) + 1
                if text[max(line, a):m.start()].strip(" \t") or text[m.end():b].lstrip()[:1].islower():
                    continue  # (words before it on its line, or a line in lower case under it: bold inside a sentence)
                before = text[max(a, cuts[-1]):m.start()].rstrip()
                if before.endswith(":"):
                    continue  # (what a lead-in line introduces: "Here's an update on your order:\n**{{status}}**")
                if before and not before.endswith(","):
                    cuts.append(m.start())
                cuts.append(m.end())
        cuts.append(b)
        out += _pieces(text, cuts)
    return out


def bold_lines_apart(text: str) -> str:
    """Markdown ``text`` with each line in bold alone that is read as a sentence of its own (``_bold_line_cut``: a
    heading over what follows) set apart from its neighbours by a blank line, as a paragraph. An import drops the
    bold marks (no export makes bold: SK007), and the line, no longer bold, ran into the next sentence ("Your
    refund I have sent it today."); a paragraph of its own is still read as one sentence, and exported as one."""
    if not (("**" in text or "__" in text) and "\n" in text):
        return text
    parts: list[str] = []
    last = 0
    for (_, end), (start, _) in pairwise(_bold_line_cut(text, [(0, len(text))])):
        if text.count("\n", end, start) == 1:  # (a line break; a blank line already parts them)
            parts += [text[last:end], "\n\n"]
            last = start
    return "".join(parts) + text[last:]


def _may_quote(text: str) -> bool:
    """Whether ``text`` has a mark that may open a quotation (``quoted_spans``): where none is, there is none."""
    return ('"' in text or "\u201c" in text or "\u00ab" in text or "\u201e" in text or "\u2018" in text
            or _OPENING_SINGLE.search(text) is not None)


_AN_EMOJI = re.compile(f"[{EMOJI_RANGES}]")
_AN_EMOTICON = re.compile(r"[:;](?<=\s[:;])-?[)(DPp]")  # (what _EMOTICON_END needs, from its mark)


def may_end_with_emoji(text: str) -> bool:
    """Whether a sentence of ``text`` may be ``emoji_ended``: it holds an emoji or an emoticon (" :)")."""
    return (not text.isascii() and _AN_EMOJI.search(text) is not None) or (
        (":" in text or ";" in text) and _AN_EMOTICON.search(text) is not None)


def holds_list(text: str) -> bool:
    """Whether a line of ``text`` starts a list item (``list_item_at`` is true of some sentence)."""
    return "\n" in text and (_ITEM_START.match(text) is not None or _ITEM_AFTER_BREAK.search(text) is not None
                              or any(_tight_item(text, m.start()) for m in _TIGHT_ITEM.finditer(text)))


def emoji_ended(text: str, a: int, b: int) -> bool:
    """Whether the sentence ``text[a:b]`` ends with an emoji or emoticon and no . ! or ? before it: it ends there,
    as at a full stop ("So sorry about the mix-up 😔"), to a reader and so to the readability formulas."""
    if b - a < 2 or (text[b - 1].isascii() and text[b - 1] not in ")(DPp"):  # (most sentences: no emoji at the end)
        return False
    m = _LAST_EMOJI.search(text, max(a, b - 64), b)
    return m is not None and m.start() > a and text[a:m.start()].rstrip("\"'”’)]")[-1:] not in ".!?"


# A line that starts a list item: "- ", "* ", "+ ", "• ", "· ", "– ", "1. ", "2) ". A reader takes each item as
# a sentence of its own, full stop or not, and the line before the list (its lead-in, "Here's what I've done:")
# as one too. An item goes on over the lines that wrap it ("- Set it to ship today, so it\n  arrives by Friday"):
# a line indented, or one that starts with no capital, or one after a line that cannot end there (its last word
# "to", "the", "and", or a comma); any other line after an item starts a sentence ("- Gift wrapped\nThanks, Ben").
_ITEM_START = re.compile(r"^[ \t]*+(?:[-*+•·–]|\d{1,2}[.)])[ \t]++(?=\S)", re.MULTILINE)
# (_ITEM_START after a line break: searched for, a regex that starts with "^" is tried at every position, one that
# starts with "\n" only at the line breaks)
_ITEM_AFTER_BREAK = re.compile(r"\n[ \t]*+(?:[-*+•·–]|\d{1,2}[.)])[ \t]++(?=\S)")
# ... and one typed with no space after its dash ("-Residence permit\n-Driving licence"), when the line before or
# after it is an item too: one such line alone is as often a sign-off ("-Chris") or a number ("-5 degrees")
_TIGHT_ITEM = re.compile(r"^[ \t]*+[-•–](?=[^\W_])", re.MULTILINE)


def _tight_item(text: str, line: int) -> bool:
    """Whether the line starting at ``line`` is an item typed with no space after its dash (``_TIGHT_ITEM``)."""
    if _TIGHT_ITEM.match(text, line) is None:
        return False
    end = text.find("\n", line)
    neighbours = ([text.rfind("\n", 0, line - 1) + 1] if line else []) + ([end + 1] if end >= 0 else [])
    return any(_ITEM_START.match(text, n) is not None or _TIGHT_ITEM.match(text, n) is not None for n in neighbours)


_LINE_START = re.compile(r"\n(?=[A-Z])")
_GOES_ON = re.compile(r"(?:[,&/+–-]|\b(?:a|an|the|to|of|in|on|at|by|for|with|from|into|via|per|and|or|but|nor|so|as|"
                      r"if|than|that|our|your|my|their|his|her|its|this|these|those|is|are|was|were|be|will|can|I|we)"
                      r")[ \t]*+\r?$", re.IGNORECASE)


def list_item_at(text: str, a: int) -> bool:
    """Whether the sentence starting at ``a`` (of ``sentence_spans(text)``) is a list item."""
    line = text.rfind("\n", 0, a) + 1
    return (_ITEM_START.match(text, line) is not None or _tight_item(text, line)) and not text[line:a].strip(" \t")


def _list_cut(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans``, each cut before each list item in it and after each item's last line."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        line = text.rfind("\n", 0, a) + 1  # (the span's line: its first item may be indented)
        items = sorted(max(m.start(), a) for pattern in (_ITEM_START, _TIGHT_ITEM)
                       for m in pattern.finditer(text, line, b)
                       if not text[m.start():a].strip() and (pattern is _ITEM_START or _tight_item(text, m.start())))
        if not items:
            out.append((a, b))
            continue
        cuts = [a]
        for i, start in enumerate(items):
            cuts.append(start)
            end = items[i + 1] if i + 1 < len(items) else b
            for m in _LINE_START.finditer(text, start, end):
                if _GOES_ON.search(text, max(start, text.rfind("\n", start, m.start()) + 1), m.start()) is None:
                    cuts.append(m.start() + 1)  # (the item ends: what follows, up to the next item, is no item)
                    break
        cuts.append(b)
        out += _pieces(text, cuts)
    return out


# A line its writer ended on purpose inside a sentence: a Markdown hard line break (the line ends in "\\" or in
# two spaces or more) or an emoji ("Hello! 👋", "So sorry to hear this 😕"). A reader takes it as the sentence's
# end, as a full stop would be: "Thanks for your patience  \nI've refunded it today." is two sentences. Group 1
# is the break's mark (an emoji stays with its line).
_LINE_END = re.compile(r"(\\|[ \t]{2,}|[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
                       r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*[ \t]*)\r?\n")


def reading_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``sentence_spans(text)``, each sentence also ended where its writer ended a line on purpose (a hard
    line break, an emoji): the sentences slot inference reads. Not after a comma: "Best,  \nMia" and
    "Hi Sam,\\" go on with the next line, nor, after a break, before a line in lower case.
    Windows line ends ("\r\n") are line ends."""
    spans = _sentence_spans(text)
    if "\n" not in text:  # (most replies: nothing more to read)
        return spans
    return _line_ended(text, spans)


@lru_cache(maxsize=1024)  # slot inference and the rules' analysis read the same reply
def _line_ended(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        start = a
        if "\n" in text[a:b]:
            for m in _LINE_END.finditer(text, a, b):
                mark = m.group(1)
                end = m.start(1) if mark[0] in "\\ \t" else m.end(1)  # (the emoji is the line's last word)
                x, y = trimmed(text, start, end)
                if x < y and text[y - 1] == ",":
                    continue  # ("Best,  \nMia": the line goes on)
                if mark[0] in "\\ \t" and text[m.end():m.end() + 1].islower():
                    continue  # (an email wrapped with spaces left at the line ends: "I am so sorry  \nthat...")
                if x < y:
                    out.append((x, y))
                start = m.end()  # (past a line that is a break alone too: "\\")
        x, y = trimmed(text, start, b)
        if x < y:
            out.append((x, y))
    return tuple(out)


def _pieces(text: str, cuts: list[int]) -> Iterator[tuple[int, int]]:
    """The text between each two of ``cuts`` in turn, ``trimmed``, where it holds any."""
    for a, b in pairwise(cuts):
        a, b = trimmed(text, a, b)
        if a < b:
            yield a, b


def trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the whitespace at either end (empty when it is all whitespace)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    for m in _WORD.finditer(text):
        yield m.start(), m.end()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# ---------------------------------------------------------------- links, addresses and codes as words

# A link, an email address or a reference code (INV-1043, RF-88213-XK, JD0002219938472) is copied or
# clicked, not read: scored or counted as written, its dots end "sentences", its letters make long words
# and its parts many words ("https://cal.example.com/team/jess-smith/15-minute-call" is eleven).
# None of them holds a space, so each search runs only on the words that hold its mark ("://" or
# "www.", "@", a digit): one pattern of all three, tried at every position of every reply, took a
# tenth of a reply's lint time.
#: a placeholder (``{{ order.id }}``) or a blank (``[[tracking link]]``) as a Message's text writes them
MARKERS = re.compile(r"\{\{[^{}]*\}\}|\[\[[^\[\]]*\]\]")  # (no bracket inside: a run of "[" is linear)
_ADDRESS = re.compile(r"(?<![\w./])(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]")
_ADDRESS_MARK = re.compile(r"://|www\.")
#: an email address written in text ("sam.lee+orders@example.co.uk")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_MARK = re.compile("@")
# a run of capitals, digits and hyphens with a digit and a capital in it, not inside a word
_CODE = re.compile(r"(?<![\w-])(?=[A-Z\d-]*\d)(?=[A-Z\d-]*[A-Z])[A-Z\d][A-Z\d-]{3,}[A-Z\d]\b")
# what a code holds: a capital and a digit in one run of capitals, digits and hyphens (not "14 days", "10:30",
# "£20", "2pm": most words with a digit); starting with a character set, so the regex engine skips ahead to one.
# Each stretch is read once: from a capital to the first digit after it (or from a digit to the first capital), tried
# only where a stretch of capitals (or of digits), with its hyphens, begins; a run may open with hyphens ("-AB12").
# (Tried at every capital, a run of 20,000 capitals or digits read the rest of itself from each: 10 s.)
_CODE_MARK = re.compile(r"[A-Z\d-](?:(?<=[A-Z])(?<![A-Z-][A-Z])[A-Z-]*+\d|(?<=\d)(?<![\d-]\d)[\d-]*+[A-Z]"
                        r"|(?<=-)(?<![A-Z\d-]-)-*+(?:[A-Z][A-Z-]*+\d|\d[\d-]*+[A-Z]))")


def clipped(text: str, width: int = 50) -> str:
    """``text`` on one line (its runs of whitespace one space), cut to ``width`` characters with an ellipsis: a
    sentence quoted in a message."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def holds_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana...)."""
    return not text.isascii() and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


#: languages written right to left where no script is named ('iw' and 'ji': Hebrew's and Yiddish's old codes)
_RTL_LANGUAGES = frozenset({"ar", "arc", "azb", "bal", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "ks", "lrc", "mzn",
                            "nqo", "pnb", "prs", "ps", "sd", "syr", "ug", "ur", "yi"})
#: scripts written right to left, as a locale names them ('az-Arab'; 'az-Latn' is left to right)
_RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"})


def text_direction(locale: object) -> str | None:
    """'rtl' for a locale written right to left (a pack's, a reply's language: 'ar', 'he-IL', 'az-Arab'), else None."""
    if not isinstance(locale, str):
        return None
    language, *rest = re.split(r"[-_]", locale.strip().lower())
    script = next((part for part in rest if len(part) == 4 and part.isalpha()), None)
    return "rtl" if (script in _RTL_SCRIPTS if script else language in _RTL_LANGUAGES) else None


def joined_with_and(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c': items named in a sentence ('' for none)."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def ordinal(n: int) -> str:
    """'first' to 'fifth', then '6th'..."""
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def plain_identifiers(text: str) -> str:
    """``text`` with each link, email address and reference code as one short word: as a reader reads it, for
    readability scores, word counts and formality."""
    # (an address's and an email's marks told by an `in` test first: most texts hold neither)
    if "://" in text or "www." in text:
        text = _sub_in_words(text, _ADDRESS_MARK, _ADDRESS)
    if "@" in text:
        text = _sub_in_words(text, _EMAIL_MARK, EMAIL)
    return _sub_in_words(text, _CODE_MARK, _CODE)


def _sub_in_words(text: str, mark: re.Pattern[str], pattern: re.Pattern[str]) -> str:
    """``pattern.sub("ref", text)`` for a pattern that never spans whitespace, run only on the
    whitespace-delimited words that hold ``mark`` (the same result: a word's edge is a space or
    an end of the text either way)."""
    out: list[str] = []
    done = 0
    for a, b in words_holding(text, mark):
        out += (text[done:a], pattern.sub("ref", text[a:b]))
        done = b
    return "".join([*out, text[done:]]) if out else text


def words_holding(text: str, mark: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each whitespace-delimited word of ``text`` that holds a match of ``mark``, in order: where
    a pattern that never spans whitespace (an address, a code) can match, so that it is run there only."""
    found = mark.search(text)
    while found is not None:
        a = found.start()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        run = _NON_SPACE.match(text, found.start())  # (the word's end found in C: an address is a long word)
        b = run.end() if run is not None else found.start()  # (never None: \S* matches an empty run)
        yield a, b
        found = mark.search(text, b)


_NON_SPACE = re.compile(r"\S*")  # (\S is what str.isspace() is not)


# ---------------------------------------------------------------- word regexes, fast

def run_table(kept: str) -> bytes:
    """A ``bytes.translate`` table for ``word_findall``: the ASCII characters of ``kept`` stay,
    every other ASCII byte becomes a space, and the bytes of UTF-8's other characters stay."""
    return bytes(c if c >= 128 or chr(c) in kept else 32 for c in range(256))


def word_findall(rx: re.Pattern[str], text: str, table: bytes) -> list[str]:
    """``rx.findall(text)`` for a word regex, several times faster: the regex engine reads each
    character in turn, where ``bytes.translate`` and ``str.split`` cut the text into runs in C.

    ``rx`` must fit its ``table`` (see ``run_table``): no capturing group, its matches hold
    only the table's kept ASCII characters and non-ASCII ones that are not whitespace,
    nothing outside a match decides it (no lookaround), and a run of kept ASCII characters
    without an apostrophe is exactly one match. The runs (kept characters apart from the
    rest, and from whitespace) are then the matches, but for those with an apostrophe or a
    non-ASCII character: ``rx`` reads those (a match never reaches outside its run, so it
    finds there what it would in the whole text), unless each is one whole match.
    """
    if text.isascii():
        spaced = text.encode("ascii").translate(table).decode("ascii")
        runs = spaced.split()
        if "'" not in spaced or _runs_whole(rx, spaced):
            return runs
    else:
        runs = text.encode("utf-8", "surrogatepass").translate(table).decode("utf-8", "surrogatepass").split()
    out: list[str] = []
    for run in runs:
        if "'" in run or not run.isascii():
            out += rx.findall(run)
        else:
            out.append(run)
    return out


def _runs_whole(rx: re.Pattern[str], spaced: str) -> bool:
    """Whether each run of ``spaced`` with an apostrophe is one match of ``rx`` (most are: "don't", "I'm"),
    found from the apostrophes, not by reading every run."""
    end = len(spaced)
    at = spaced.find("'")
    while at >= 0:
        a = spaced.rfind(" ", 0, at) + 1
        b = spaced.find(" ", at)
        b = end if b < 0 else b
        found = rx.match(spaced, a, b)
        if found is None or found.end() != b:
            return False
        at = spaced.find("'", b)
    return True


def slug(name: str, joiner: str) -> str:
    """``name`` as an id ("-") or a blank's or constant's name ("_") may be written ('Login Trouble' ->
    'login-trouble', 'Date de livraison prévue' -> 'date_de_livraison_prevue'): the one spelling that
    hints suggest and the checks accept."""
    plain = unicodedata.normalize("NFKD", name.translate(_OWN_LETTERS)).encode("ascii", "ignore").decode()
    written = re.sub(r"[^a-z0-9]+", joiner, plain.lower()).strip(joiner)
    return written.lstrip("0123456789").strip(joiner) if joiner == "_" else written  # (a name starts with a letter)


# letters that are no accented Latin letter, which NFKD would drop whole ('Straße' -> 'strae')
_OWN_LETTERS = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                              "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
                              "ı": "i"})


def is_text(value: object) -> bool:
    """A value YAML read as text or a number (an id written 123, a constant 14), not a list, a mapping,
    null or true: what a setting or a fallback may print as it is."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


#: the direction controls: marks, embeddings, overrides and isolates, which reorder the rest of a line on screen
DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# a file name as a file manager or an editor names a copy: 'refund copy', 'refund (1)', 'refund-copy',
# 'Copy of refund', 'refund~'
#: a terminal's escape sequence, whole: CSI ('ESC [5m', blinking), OSC and the other strings ('ESC ]0;title BEL'),
#: two-character ones ('ESC c'), and their 8-bit forms. Taking out only the ESC left '[5m' in the reply, sent to
#: customers as written; a string with no end stops at its line's end, not the reply's
TERMINAL_ESCAPE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
                             r"|(?:\x1b[]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
                             r"|\x1b[ -/]*[0-~]")


def utf16_length(text: str) -> int:
    """``text``'s length in UTF-16 code units (a character above U+FFFF takes two): what a UCS-2 SMS counts, and
    LanguageTool's offsets."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


_COPY_NAME = re.compile(r"(?i)(?:[ _-]copy(?: ?\d+)?|\(\d+\)|^copy of |~)")


def named_as_a_copy(stem: str) -> bool:
    """Whether a file's name (without its suffix) is one a file manager or an editor gives a copy."""
    return _COPY_NAME.search(stem) is not None


def title_key(title: str) -> str:
    """A title as an agent reads it in a helpdesk's list: spaces collapsed, accents composed (NFC: 'Cafe' and a
    combining accent is 'Café') and case folded ('CAFÉ'), so that titles told apart by none of those clash."""
    return unicodedata.normalize("NFC", " ".join(title.split())).casefold()


# letters that are drawn as nothing: Hangul fillers, the blank braille pattern
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible(text: str) -> bool:
    """Whether ``text`` holds a character a reader sees: not white space, a control or format mark (a zero-width
    space, a byte order mark), a combining mark with nothing to mark (a variation selector), or a blank letter."""
    return any(ch.isprintable() and not ch.isspace() and ch not in _BLANK_LETTERS
               and unicodedata.category(ch) not in ("Mn", "Me") for ch in text)


#: half of a UTF-16 pair ('\ud83d' escaped alone in JSON or YAML): Python keeps it, every later write fails
HALF_CHARACTER = re.compile("[\ud800-\udfff]")


# ---------------------------------------------------------------- quotations and sentence starts

# a quotation: straight or curly double quotes, « », „ “, and single quotes that are not an apostrophe ("don't",
# "the customers' orders"); a straight double quote not an inch mark ('our 12" and 15" screens'); on one line and at
# most 400 characters (a stray mark quotes nothing). (Each way starts with its mark, what may not stand before it
# looked behind for after it: a regex whose ways all start with a character lets the engine skip ahead to the
# marks; one that starts with a lookbehind is tried at every position, ten times slower)
_QUOTATION = re.compile("\"(?<![\\w\"]\")[^\"\n]{1,400}\"(?!\\w)|\u201c[^\u201c\u201d\n]{1,400}\u201d"
                        "|\u00ab[^\u00ab\u00bb\n]{1,400}\u00bb"
                        "|\u201e[^\u201c\u201d\u201e\n]{1,400}[\u201c\u201d]"
                        "|\u2018(?:[^\u2018\u2019\n]|\u2019(?=\\w)){1,400}\u2019(?!\\w)"
                        "|'(?<!\\w')(?:[^'\n]|'(?=\\w)){1,400}'(?!\\w)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each quotation in ``text``, in order, quote marks and all: what the reply quotes (the
    customer's own words, another agent's, a form's label), not what it says, so the rules do not judge it as
    the writer's ('You wrote "calm down and just refund me".'). Quotes around the whole text are no quotation
    (a template pasted with its quotes)."""
    # (the regex skips ahead to the quote marks in C: most texts have an apostrophe, few a quotation)
    found = [m.span() for m in _QUOTATION.finditer(text)]
    if not found:
        return found
    whole = (len(text) - len(text.lstrip()), len(text.rstrip()))
    return [span for span in found if span != whole]


def in_quotation(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside one of ``spans`` (``quoted_spans(text)``: in order, apart)."""
    i = bisect_left(spans, (start + 1, -1)) - 1  # (the last quotation that opens at or before ``start``)
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


Span = tuple[int, int]


def inside_one_of(outer: Sequence[Span]) -> Callable[[int, int], bool]:
    """Whether a span ``(a, b)`` lies inside one of ``outer`` (in any order, overlapping or not). A few spans
    are compared one by one; many, as a long text with no full stop has, are sorted once and searched, so
    that asking of every span is not the product of their counts (12 s on a 300 KB reply)."""
    if len(outer) <= 8:
        return lambda a, b: any(x <= a and b <= y for x, y in outer)
    ordered = sorted(outer)
    starts = [x for x, _ in ordered]
    reach = list(accumulate((y for _, y in ordered), max))  # (the furthest end of the spans opening so far)

    def inside(a: int, b: int) -> bool:
        i = bisect_right(starts, a)
        return i > 0 and reach[i - 1] >= b
    return inside


def holding_one_of(inner: Sequence[Span]) -> Callable[[int, int], bool]:
    """Whether a span ``(x, y)`` holds one of ``inner`` whole (as ``inside_one_of``, the other way round)."""
    if len(inner) <= 8:
        return lambda x, y: any(x <= a and b <= y for a, b in inner)
    ordered = sorted(inner)
    starts = [a for a, _ in ordered]
    nearest = list(accumulate((b for _, b in reversed(ordered)), min))[::-1]  # (the nearest end of those opening later)

    def holding(x: int, y: int) -> bool:
        i = bisect_left(starts, x)
        return i < len(ordered) and nearest[i] <= y
    return holding


# what may come before the first word of a sentence or clause: space, opening quotes and brackets, a list's mark,
# emphasis
_OPENING = " \t\"'(\u201c\u2018¡¿[*_\u2022-\u2013\u2014>\u00b7\u2023\u2043"
# and beyond ASCII, whole classes of it: symbols and emoji ("👋", "✅", "★", "→"), what builds on an emoji (a
# variation selector, a skin tone, a keycap's frame, a zero-width joiner) and other marks that show no letter
_DECORATION = frozenset(("So", "Sk", "Sm", "Mn", "Me", "Cf", "Co"))


def _decoration(text: str, i: int) -> bool:
    """Whether ``text[i]`` is space, an opening mark or decoration: an emoji, a symbol, a bullet, what builds on an
    emoji, or a keycap's digit ("1\ufe0f\u20e3")."""
    c = text[i]
    return (c in _OPENING or (c > "\x7f" and unicodedata.category(c) in _DECORATION)
            or (c in "0123456789#*" and text[i + 1:i + 2] in ("\ufe0f", "\u20e3")))


def words_start(text: str, start: int = 0) -> int:
    """Where the words of a sentence or line starting at ``start`` begin: past space, opening marks, emoji,
    symbols and bullets ("👋 Thanks", "✅ No, ...", "1\ufe0f\u20e3 Sorry, ..."), which a test of how it opens
    reads as opening punctuation."""
    end = len(text)
    while start < end and _decoration(text, start):
        start += 1
    return start


def _before_words(text: str, start: int) -> int:
    """Where the run of space, opening marks and decoration (emoji, symbols, bullets) that ends at ``start``
    begins (200 characters back at most)."""
    i, low = start, max(0, start - 200)
    while i > low and _decoration(text, i - 1):
        i -= 1
    return i


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence or line of ``text``: nothing but space, opening quotes, a list's mark,
    emphasis, emoji or symbols between it and the text's start, a line break, or a sentence end (. ! ? : ;):
    "Clearly the address was wrong." and "Sorry! 👋 Kindly send it" open one; "it's clearly the wrong size"
    does not. An emoji before a capital ends the sentence before it, as ``sentence_spans`` reads it: "So sorry
    😔 Kindly send a photo" opens one at "Kindly". (Read 200 characters back at most.)"""
    cut = _before_words(text, start)
    if cut == max(0, start - 200) or text[cut - 1] in _ENDS_BEFORE_WORDS:
        return True
    emoji = _AN_EMOJI.search(text, cut, start)
    if emoji is None:
        return False
    m = _SENTENCE_END.match(text, emoji.start())
    return m is not None and m.end() <= start and not text[m.end():start].strip(_OPENING)


# ---------------------------------------------------------------- text saved as UTF-16 or UTF-32

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # (UTF-32's LE mark starts as UTF-16's)
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def wide_encoding(raw: bytes) -> str | None:
    """The encoding of text saved as UTF-16 or UTF-32 (Notepad's and Excel's "Unicode"): "utf-32" or "utf-16" where
    it starts with its byte order mark; without one, told by its NULs: "utf-32-le", "utf-32-be", "utf-16-le" or
    "utf-16-be". None for any other text (UTF-8) or for bytes that are not text in them. (UTF-16 text without its
    mark and with no letter of the Latin alphabets, all Chinese, has no NUL to tell it by: it reads as not UTF-8.)"""
    for mark, name in _BOMS:
        if raw.startswith(mark):
            return name
    if len(raw) < 4 or b"\x00" not in raw[:64]:
        return None
    head = raw[:min(len(raw), 400) // 4 * 4]  # (whole characters of either)

    def nuls(offset: int, step: int) -> float:  # the share of NULs at ``offset`` of each ``step`` bytes
        picked = head[offset::step]
        return picked.count(0) / len(picked) if picked else 0.0

    # UTF-32: a character's top byte is always NUL and the next nearly always (below U+10000: every letter of a
    # living script), its lowest byte almost never
    if nuls(3, 4) == 1 and nuls(2, 4) >= 0.8 and nuls(0, 4) < 0.5:
        return "utf-32-le"
    if nuls(0, 4) == 1 and nuls(1, 4) >= 0.8 and nuls(3, 4) < 0.5:
        return "utf-32-be"
    # UTF-16: a Latin letter, a digit, a space or a line break has a NUL high byte, so the NULs stand mostly in
    # one of each two places; it is text if it decodes, printable (a binary file with NULs is not)
    for name, high, low in (("utf-16-le", 1, 0), ("utf-16-be", 0, 1)):
        if nuls(high, 2) > max(0.05, 2 * nuls(low, 2)) and _utf16_shaped(head, high):
            try:
                text = codecs.getincrementaldecoder(name)().decode(head)  # (a pair cut at the head's end: no error)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c in "\t\r\n" for c in text) >= 0.95 * len(text):
                return name
    return None


def _utf16_shaped(head: bytes, high: int) -> bool:
    """Whether NULs stand in ``head`` as UTF-16's do, not as a stray NUL in UTF-8 ('T\\0x': a short file's one NUL is
    5% of its places): two ASCII characters in a row (a NUL in every other byte), or bytes UTF-8 cannot read."""
    units = [head[i:i + 2] for i in range(0, len(head) - 1, 2)]
    if any(a[high] == 0 != a[1 - high] and b[high] == 0 != b[1 - high] for a, b in pairwise(units)):
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)  # (a character cut at the head's end: no error)
    except UnicodeDecodeError:
        return True
    return False


# ---------------------------------------------------------------- links, as a reader reads them

#: a link's address written bare: no space, its parentheses in balanced pairs one level deep
#: (``https://en.wikipedia.org/wiki/Router_(computing)``); not starting with '<', as in CommonMark
LINK_ADDRESS = re.compile(r"(?:[^()\s]|\([^()\s]*\))+")
#: a link as a pack writes it (an import of an HTML ``<a href>``, or a writer's): ``[text](address)``, the address
#: bare (``LINK_ADDRESS``) or, as CommonMark allows for one with spaces, in angle brackets on one line:
#: ``[our team](<mailto:help@example.com?subject=Stop my plan>)``; group 2 is the address without them.
#: ``\\[`` is a bracket that starts no link.
#: (the pattern the exports read, ``scriptkit.targets.base.LINK``: what they write as a link is read as one here)
LINK = re.compile(r"(?<!\\)\[([^\[\]\n]+)\]\((?:<(?=[^<>\n]+>\)))?"
                  r"((?<=\(<)[^<>\n]+|(?<!<)(?!<)" + LINK_ADDRESS.pattern + r")>?\)")
# an address that runs a script or holds a file: no export writes it as a link, but as the text and the address
_UNSAFE_SCHEME = re.compile(r"\s*(?:javascript|vbscript|data|file):", re.I)

#: what ``link_marks`` says of a run of characters: left out of what the customer reads (a link's brackets
#: and address) ...
DROPPED = "dropped"
#: ... read as a space (the ']' of a link written out as "text (address)") ...
SPACE = "space"
#: ... or read as written, but markup all the same, which no fix may edit (the "(address)" written out)
MARKUP = "markup"


def unsafe_address(address: str) -> bool:
    """Whether a link's address is a ``javascript:``, ``vbscript:``, ``data:`` or ``file:`` one, which no
    export writes as a link (it runs a script or holds a file), but as the text and the address after it."""
    return _UNSAFE_SCHEME.match(address) is not None


def link_marks(text: str, written_out: Callable[[re.Match[str]], bool] | None = None
               ) -> list[tuple[int, int, str]]:
    """Where the text a customer reads is not ``text`` as written, in order: ``(start, end, what)`` runs,
    ``what`` one of ``DROPPED``, ``SPACE``, ``MARKUP``. Empty for most text (no '[' in it).

    A link ``[text](address)`` reads as its text (an HTML helpdesk shows the words, not the address):
    its '[' and its '](address)' are dropped. A link every export writes out as "text (address)"
    (``written_out(match)``: by default one whose address runs a script, ``unsafe_address``) reads so:
    '[' dropped, ']' a space, the "(address)" markup read as written, less a 'mailto:' or 'tel:'. The
    backslash of ``\\[`` (a bracket that starts no link) is dropped, as every export writes it, and so is
    that of a line escaped from reading as a list's item (``2024\\. What a year``, ``\\- Sam``).
    """
    if "[" not in text and "\\" not in text:
        return []
    out: list[tuple[int, int, str]] = []
    pos = 0
    for m in LINK.finditer(text):
        _escapes(text, pos, m.start(), out)
        out.append((m.start(), m.start() + 1, DROPPED))
        if (written_out or _unsafe_link)(m):
            close = m.end(1)
            out.append((close, close + 1, SPACE))
            at = m.start(2)
            prefix = next((p for p in ("mailto:", "tel:") if text.startswith(p, at)), "")
            if prefix == "mailto:" and text.startswith("tel:", at + len(prefix)):
                prefix += "tel:"  # (as link_address reads it: 'mailto:' then 'tel:' taken off)
            # (the angle brackets of ``(<address>)`` are no part of what the customer reads: "text (address)")
            out.append((close + 1, close + 2, MARKUP))
            out.append((close + 2, at, DROPPED))
            if prefix:
                out.append((at, at + len(prefix), DROPPED))
            out.append((at + len(prefix), m.end(2), MARKUP))
            out.append((m.end(2), m.end() - 1, DROPPED))
            out.append((m.end() - 1, m.end(), MARKUP))
        else:
            out.append((m.end(1), m.end(), DROPPED))
        pos = m.end()
    _escapes(text, pos, len(text), out)
    if "\\" in text:  # (a line escaped from reading as a list's item: never in a link, which holds no line break)
        out += [(m.end() - 1, m.end(), DROPPED) for m in ESCAPED_ITEM.finditer(text)]
        out.sort()
    return [run for run in out if run[0] < run[1]]


#: the backslash of a line escaped from reading as a list's item, as in Markdown: ``2024\\. What a year`` and
#: ``\\- Sam`` are lines of a paragraph, read (and exported) as ``2024. What a year`` and ``- Sam``, which no HTML
#: export makes a list (an HTML import writes a paragraph's line so where it reads as an item); at a line's start,
#: or a part's after a placeholder; and after a sentence's end and a space, where a channel that joins the slots
#: into one paragraph (chat) puts a slot's first line: no list starts there, and the customer would see the
#: backslash (elsewhere mid-line, "type \\- draft", the backslash is the writer's own)
ESCAPED_ITEM = re.compile(r"(?:^|(?<=[.!?…] ))(\d{1,9})?\\(?=(?(1)\.|-) \S)", re.M)


def _unsafe_link(m: re.Match[str]) -> bool:
    return unsafe_address(m.group(2))


def _escapes(text: str, start: int, end: int, out: list[tuple[int, int, str]]) -> None:
    """The backslash of each ``\\[`` in ``text[start:end]``, dropped."""
    at = text.find("\\[", start, end)
    while at >= 0:
        out.append((at, at + 1, DROPPED))
        at = text.find("\\[", at + 2, end)


def read_text(text: str, written_out: Callable[[re.Match[str]], bool] | None = None
              ) -> tuple[str, Sequence[int]]:
    """``text`` as the customer reads it (``link_marks``, with its ``written_out``), and where in ``text`` each
    of its characters is written, then ``len(text)``. ``text`` itself, each character where it is, when it
    holds no link."""
    marks = link_marks(text, written_out)
    if not marks:
        return text, range(len(text) + 1)
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for a, b, what in marks:
        out.append(text[pos:a])
        where += range(pos, a)
        if what == SPACE:
            out.append(" ")
            where.append(a)
        elif what == MARKUP:
            out.append(text[a:b])
            where += range(a, b)
        pos = b
    out.append(text[pos:])
    where += range(pos, len(text) + 1)
    return "".join(out), where


# a template expression or tag, which may stand in a link's text or address: one run of stand-ins there
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}")


def keeps_links(text: str, a: int, b: int, replacement: str) -> bool:
    """Whether writing ``replacement`` over ``text[a:b]`` leaves the links of ``text`` as they are: it edits
    no link's brackets or address, nor the backslash of a ``\\[`` (``link_marks``), and makes or breaks no
    link; only the words a customer reads. (A fix must not take a link's markup with it: "[use our issue
    search](...)" with "issue search" made "[search]" would send the brackets and the address as text.)

    Read on the lines the edit is on (a link, and an escape, is on one line; a template that spans lines
    is read whole): called for each finding of a long reply, reading all of it each time was quadratic."""
    if "[" not in replacement and "\\" not in replacement and _link_free(text):
        return True  # (no link before, nor after)
    if "{" in replacement or "}" in replacement or "{" in text[a:b] or "}" in text[a:b]:
        return _keeps_links(text, a, b, replacement)  # (it may make or end a template: all of it is read)
    lo, hi = _lines_of(text, a, b)
    return _keeps_links(text[lo:hi], a - lo, b - lo, replacement)


def _of_the_last_text(read: Callable[[str], _T]) -> Callable[[str], _T]:
    """``read`` remembered for the text last asked about, by identity: a long reply's findings are each asked
    about in the same text, and hashing it for a cache costs more than reading it. (One tuple, replaced whole:
    a thread never sees one text's answer for another's.)"""
    last: list[tuple[str | None, Any]] = [(None, None)]

    def remembered(text: str) -> _T:
        seen, answer = last[0]
        if seen is not text:
            answer = read(text)
            last[0] = (text, answer)
        return cast("_T", answer)

    return remembered


@_of_the_last_text
def _link_free(text: str) -> bool:
    """Whether ``text`` holds no '[' and no backslash."""
    return "[" not in text and "\\" not in text


@_of_the_last_text
def _template_spans(text: str) -> tuple[list[int], list[int]]:
    """Where each template expression or tag of ``text`` starts, and where each ends."""
    found = [m.span() for m in _TEMPLATE.finditer(text)] if "{" in text else []
    return [x for x, _ in found], [y for _, y in found]


def _lines_of(text: str, a: int, b: int) -> tuple[int, int]:
    """``[lo, hi)``: the lines ``text[a:b]`` is on, without their line break, and those of a template
    that starts or ends on them (a link is read across the stand-in of a template that spans lines)."""
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    starts, ends = _template_spans(text)
    while starts:
        i = bisect_left(starts, lo) - 1  # (the template that starts before lo, and may run past it)
        j = bisect_left(starts, hi) - 1  # (the last that starts before hi, and may run past it)
        if i >= 0 and ends[i] > lo:
            lo = text.rfind("\n", 0, starts[i]) + 1
        elif j >= 0 and ends[j] > hi:
            found = text.find("\n", ends[j])
            hi = len(text) if found < 0 else found
        else:
            break
    return lo, hi


def _keeps_links(text: str, a: int, b: int, replacement: str) -> bool:
    after = text[:a] + replacement + text[b:]
    shift = len(replacement) - (b - a)
    before = _TEMPLATE.sub(_stand_in, text)
    wanted: list[tuple[int, int, str, str]] = []
    for x, y, what in link_marks(before):
        if x < b and y > a if a < b else x < a < y:
            return False  # (the edit is in a link's markup)
        wanted.append((x, y, what, before[x:y]) if y <= a else (x + shift, y + shift, what, before[x:y]))
    edited = _TEMPLATE.sub(_stand_in, after)
    return [(x, y, what, edited[x:y]) for x, y, what in link_marks(edited)] == wanted


def _stand_in(m: re.Match[str]) -> str:
    return "\x00" * len(m.group())


def sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``, at most 200 characters either side: no phrase a
    rule lists is longer, and a reply of thousands of findings on one line reads each window once."""
    lo = max(0, start - 200)
    cuts = [m.end() for m in _SENTENCE_EDGE.finditer(text, lo, start)]
    lo = cuts[-1] if cuts else lo
    m = _SENTENCE_EDGE.search(text, end, end + 200)
    return lo, m.start() + 1 if m else min(len(text), end + 200)


_SENTENCE_EDGE = re.compile(r"[.!?\n]")
#: where a . ! or ? meets whitespace: a quick split of a short text into its sentences, as a phrase's neighbours
#: (a reply's own sentences are ``sentence_spans``', which read abbreviations, quotations and emoji)
SPACE_AFTER_STOP = re.compile(r"(?<=[.!?])\s+")


# an apostrophe inside a word ("it's", "coupon’s"), not a quotation mark: typed straight or curly, as the
# writer's keyboard or editor types it
_IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_NEAR = 2_000  # characters of a slot either side read for its apostrophes


def apostrophes_like(replacement: str, text: str, start: int, end: int, slot: tuple[int, int] | None = None) -> str:
    """``replacement`` (for ``text[start:end]``) with its apostrophes typed as the text around types them: curly
    where most of its sentence's other apostrophes are, or, with none there, most of its slot's (``slot``:
    ``[start, end)`` in ``text``), or, with none there either, the whole text's (each up to a few thousand
    characters either side); straight where the text has none. "we can't" beside "I’ve" and "it’s" reads as a
    pasted patch. (The whole text last: one writer typed it, and a slot of one sentence, as a refusal told apart
    in a reviewed reply is, has nothing else to go by.)"""
    if "'" not in replacement:
        return replacement
    a, b = slot if slot is not None else (0, len(text))
    sentence, whole = sentence_window(text, start, end), (max(0, start - _NEAR), min(len(text), end + _NEAR))
    near = (max(a, whole[0]), min(b, whole[1]))
    if text.find("\u2019", min(sentence[0], whole[0]), max(sentence[1], whole[1])) < 0:
        return replacement  # (no curly one around: straight either way, told at C speed)
    for lo, hi in (sentence, near, whole):
        marks = [m.group() for m in _IN_WORD_APOSTROPHE.finditer(text, lo, start)]
        marks += [m.group() for m in _IN_WORD_APOSTROPHE.finditer(text, end, hi)]
        if marks:
            curly = marks.count("\u2019") * 2 > len(marks)
            return _IN_WORD_APOSTROPHE.sub("\u2019", replacement) if curly else replacement
    return replacement


_FOLD = re.compile(r"[ \t]*\r?\n[ \t]*")


def folded_alike(written: str, read: str) -> bool:
    """Whether ``written`` (a file's text) is ``read`` wrapped over lines, each line break and the spaces around it
    read as one space, as YAML folds a plain, quoted or ``>`` value: an edit of those words may take the break with
    them (``Message.folded_run``). Not where a line break is kept, or an escape or a quote is written."""
    return "\n" in written and "\n" not in read and "\\" not in written and "'" not in written \
        and _FOLD.sub(" ", written) == read


#: the names Windows keeps for devices, whatever follows a dot: a file 'con.json' or 'con.yaml' cannot be written
#: there, nor a repository holding one checked out (a script's id names both)
WINDOWS_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul",
                                  *(f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10))})
