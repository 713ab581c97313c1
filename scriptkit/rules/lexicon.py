"""Shared phrase data for rules and slot inference, loaded once and compiled once.

The YAML files under ``scriptkit/rules/data/`` hold word lists (``lexicon.yaml``) and
phrase tables (``corporate_phrases.yaml``...). ``data(name)`` parses a file once per
process; ``pattern(list_name)`` turns one lexicon list into a single precompiled,
case-insensitive alternation (a prefix trie, so a 200-phrase list costs about what a
handful of phrases would).

Entry syntax in lexicon lists: spaces match any whitespace run, an apostrophe matches
``'`` or ``’``, a trailing ``*`` matches the rest of the word, and ``re:`` starts a raw
regular expression. ``@name`` stands for every entry of list ``name``.
"""

from __future__ import annotations

import importlib
import re
import string
import weakref
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, ClassVar, TypeVar

import yaml  # type: ignore[import-untyped]

from scriptkit.errors import ScriptkitError
from scriptkit.text import inside_one_of, run_table, word_findall, words_holding

DATA_DIR = ("scriptkit.rules", "data")
LEXICON_FILE = "lexicon.yaml"

# A trie node maps an atom (a regex fragment) to its children; END marks a complete phrase.
_END = ""
_Trie = dict[str, Any]


# The data files are parsed on every run: libyaml's C parser takes ~50 ms for all of them where
# the pure-Python one takes ~1 s. Its resolvers are YAML 1.1 ("on" and "no" are booleans), so
# they are replaced by the YAML 1.2 core schema the files are written in (and tested against).
_FastLoader: Any = getattr(yaml, "CSafeLoader", None)
if _FastLoader is not None:
    class _DataLoader(_FastLoader):  # type: ignore[misc]
        yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}

    for _tag, _rx, _first in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
                  r"|\.(?:nan|NaN|NAN))$", "-+0123456789."),
        ("null", r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    ):
        _DataLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_rx), list(_first))
    _FastLoader = _DataLoader


def parse_data(text: str, fast: bool = True) -> Any:
    """A data file's content: libyaml when available (``fast``), else the pure-Python parser."""
    if fast and _FastLoader is not None:
        return yaml.load(text, Loader=_FastLoader)  # a safe loader, with YAML 1.2 resolvers
    from scriptkit.quiet_ruamel import YAML  # (only without libyaml: the pack loader's reader, not needed to review)

    return YAML(typ="safe", pure=True).load(text)


def data_text(filename: str) -> str:
    try:
        return resources.files(DATA_DIR[0]).joinpath(DATA_DIR[1], filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScriptkitError(f"scriptkit phrase data '{filename}' is missing from the installation") from None


@cache
def data(filename: str) -> Any:
    """The parsed content of ``scriptkit/rules/data/<filename>`` (cached for the process)."""
    return parse_data(data_text(filename))


def lexicon() -> dict[str, list[str]]:
    """Every shared list: feelings, situation_cues, acknowledgment_openers, apologies..."""
    loaded: dict[str, list[str]] = data(LEXICON_FILE)
    return loaded


def _check_entries(name: str, entries: list[object]) -> list[str]:
    bad = [e for e in entries if not isinstance(e, str)]
    if bad:  # a YAML slip (an unquoted ": ") turns an entry into a mapping
        raise ScriptkitError(f"lexicon list '{name}' has a non-text entry {bad[0]!r}; quote it")
    return [str(e) for e in entries]


def words(name: str) -> list[str]:
    """One list of the shared lexicon, by name (KeyError names the known lists), with each ``@other`` entry
    replaced by the entries of list ``other`` (a phrase two lists share is written once)."""
    lists = lexicon()
    if name not in lists:
        raise KeyError(f"no lexicon list '{name}'; known: {', '.join(sorted(lists))}")
    entries = _check_entries(name, list(lists[name]))
    if not any(e.startswith("@") for e in entries):
        return entries
    out: list[str] = []
    for entry in entries:
        if not entry.startswith("@"):
            out.append(entry)
        elif entry[1:] in lists and not any(e.startswith("@") for e in lists[entry[1:]]):
            out += _check_entries(entry[1:], list(lists[entry[1:]]))
        else:  # (one level only: an included list includes none)
            raise ScriptkitError(f"lexicon list '{name}' includes '{entry}', which is no list without includes")
    return out


# every matcher and phrase table made, for ``prepare`` (held weakly: tests and custom rules make many)
_MADE: weakref.WeakSet[Matcher | MultiMatcher | PhraseTable] = weakref.WeakSet()


def prepare() -> None:
    """Do now what matching does the first time each list meets a text: build every lexicon list's
    matcher, and compile the regexes of every list and phrase table made so far.

    For a long-running process (a review service, an editor plug-in, the parent of forked lint
    workers), which then pays it once instead of in its first replies (a cold reply otherwise
    compiles the regexes its text reaches: about a tenth of its time). Nothing calls it at import:
    a ``scriptkit review`` of one reply compiles only the regexes its text needs.
    """
    for name in lexicon():
        pattern(name)
    for made in list(_MADE):
        made.prepare()


def forget_texts() -> None:
    """Empty what every matcher made so far keeps by the texts it has read (see ``scriptkit.clear_caches``)."""
    for made in list(_MADE):
        if isinstance(made, Matcher):
            made._piece_spans.clear()
        elif isinstance(made, MultiMatcher):
            made._starters.clear()
            made._piece_cache.clear()


@cache
def pattern(name: str) -> Matcher:
    """One lexicon list compiled for matching whole words, case-insensitively."""
    return Matcher(words(name))


def compile_phrases(entries: Iterable[str], flags: int = 0) -> Matcher:
    """Compile phrases (lexicon entry syntax) into a matcher of whole words."""
    return Matcher(entries, flags)


# A web address or an email address is clicked, not read: the words in it ("emberbean.example/plan/faq",
# "plan@emberbean.example") are no phrase of the reply, and a fix must never rewrite them. An address holds
# no white space, so each search runs only in the whitespace-delimited words that hold one's mark ("://",
# "www.", "@", or a domain's ".com/"), and each pattern starts only where a run of its characters does
# (its lookbehind): linear on any text. (Case-insensitive: the phrase lists read folded text, the rules
# the text as written.) The mark starts with a fixed character (":", "w", "@", "."), so the engine skips to
# those: with "[a-z0-9]" before the dot it tried every letter (30 -> 14 us a real reply); _ADDRESS decides.
_ADDRESS_MARK = re.compile(r"://|www\.|@|\.[a-z]{2,24}/", re.IGNORECASE)
_ADDRESS = re.compile(
    r"(?<![\w./@+-])(?:[a-z][a-z0-9+.-]*://|www\.|(?:[a-z0-9-]+\.)+[a-z]{2,24}/)[^\s<>\"]*[^\s<>\".,;:!?)\]'*]"
    r"|(?<![\w./@+-])(?:[a-z0-9-]+\.)+[a-z]{2,24}/"  # (a domain and a bare "/" after it)
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def address_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each web or email address written out in ``text`` (not a Markdown link's
    address: the rules read a link as its text, see ``Message.as_read``)."""
    return [x.span() for a, b in words_holding(text, _ADDRESS_MARK) for x in _ADDRESS.finditer(text, a, b)]


def outside_addresses(text: str, spans: list[tuple[int, int]],
                      keeps: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """``spans`` of ``text`` less those inside a web or email address (``address_spans``), where words
    are no phrase of the reply; ``keeps``: a match it is true of stays (a rule's own pattern for an
    address, "bit.ly/")."""
    if not spans or _ADDRESS_MARK.search(text) is None:  # (nearly every text)
        return spans
    in_address = inside_one_of(address_spans(text))
    return [(a, b) for a, b in spans if not in_address(a, b) or (keeps is not None and keeps(text[a:b]))]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "'" or ch == "_"
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# _TOKEN's ASCII characters (see ``word_findall``): a run of them without an apostrophe is one word
_TOKEN_TABLE = run_table(string.ascii_letters + string.digits + "'")


def tokenise(folded: str) -> list[str]:
    """The words of a folded text, as ``Tokens`` lists them (letters and digits, inner apostrophes)."""
    return word_findall(_TOKEN, folded, _TOKEN_TABLE)


class Tokens:
    """The words of a folded text: computed once, shared by every matcher.

    The words are only listed when a matcher has no cached answer for the text, and offsets
    only when a phrase candidate is found (most texts have none).
    """

    __slots__ = ("_ends", "_heads", "_starts", "_vocabulary", "_words", "text")

    def __init__(self, folded: str) -> None:
        self.text = folded
        self._words: list[str] | None = None
        self._vocabulary: frozenset[str] | None = None
        self._heads: frozenset[str] | None = None
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = tokenise(self.text)
        return self._words

    @property
    def vocabulary(self) -> frozenset[str]:
        """The distinct words: every list asks whether it has a phrase start among them (see ``_candidates``)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.words)
        return self._vocabulary

    @property
    def heads(self) -> frozenset[str]:
        """The distinct words' first three letters, which key the one-word prefix entries ("frustrat*")."""
        if self._heads is None:
            self._heads = frozenset([w[:3] for w in self.vocabulary])
        return self._heads

    def offsets(self) -> tuple[list[int], list[int]]:
        if self._starts is None:
            # Each word is found after the end of the one before: between two words there are
            # only characters no word has, so the first occurrence is the word itself (and
            # str.find costs a fraction of running the token regex again).
            starts: list[int] = []
            ends: list[int] = []
            find, pos = self.text.find, 0
            for w in self.words:
                pos = find(w, pos)
                starts.append(pos)
                pos += len(w)
                ends.append(pos)
            self._starts, self._ends = starts, ends
        return self._starts, self._ends


# A piece of folded text ends with a sentence end (".", "!" or "?") that a space or a line
# break follows, or ends the text. No word phrase runs across two pieces (its words are apart
# by whitespace or a hyphen only), and a piece is tokenised alone as it is inside the whole
# text (it starts after whitespace and ends before it), so a piece has the same word matches
# wherever it is: matchers cache them by piece, as stock sentences recur across a pack.
_Pieces = tuple[tuple[int, str], ...]


@lru_cache(maxsize=1024)  # the phrase rules read a chunk of replies one after the other (and their sentences)
def _pieces_of(text: str, folded: bool) -> tuple[str, _Pieces, tuple[str, ...]]:
    """``text`` folded (unless ``folded``), its pieces: (offset, piece text), no leading whitespace,
    and the pieces' texts alone (looked up at C speed: see Matcher._cached_spans)."""
    s = text if folded else fold(text)
    cuts = s.replace("\n", " ")  # (string methods: a regex split costs several times more)
    if "!" in cuts:
        cuts = cuts.replace("!", ".")
    if "?" in cuts:
        cuts = cuts.replace("?", ".")
    pieces: list[tuple[int, str]] = []
    a = 0
    for part in cuts.split(". "):
        end = a + len(part) + 1  # with its sentence end
        piece = s[a:end]
        if piece[:1].isspace():
            stripped = piece.lstrip()
            a += len(piece) - len(stripped)
            piece = stripped
        if piece:
            pieces.append((a, piece))
        a = end + 1
    return s, tuple(pieces), tuple([piece for _, piece in pieces])


@lru_cache(maxsize=128)  # the phrase lists of a family match the same new sentences one after the other
def folded_tokens(folded: str) -> Tokens:
    """The (shared, read-only) tokens of an already folded text."""
    return Tokens(folded)


class _Keys:
    """What a text's words are tested against before any phrase is compared in full."""

    def __init__(self, exact: dict[str, Any], prefix: dict[str, Any]) -> None:
        self.singles = frozenset(k for k in exact if " " not in k)
        self.pairs = frozenset(k for k in exact if " " in k)
        # the pairs as (first, second) words: a tuple of two words hashes from their cached
        # hashes, where joining them makes a new string to hash
        self.pair_words = frozenset(tuple(k.split(" ", 1)) for k in self.pairs)
        self.starts = self.singles | {first for first, _ in self.pair_words}  # words a phrase may start with
        self.heads = frozenset(prefix)


def _candidates(tokens: Tokens, keys: _Keys) -> list[int]:
    """Word indexes where some phrase may start, in order (most sentences have none).

    The text's distinct words (and their first three letters), shared by every list, are
    intersected with the list's phrase starts at C speed: a list with none of them in the
    text is done, and the others test only their own starts and heads found there. (Each
    list used to mark every word it had not seen in a dictionary of its own: a new word
    was marked once per list.)
    """
    starts = keys.starts.intersection(tokens.vocabulary)
    heads = keys.heads.intersection(tokens.heads) if keys.heads else keys.heads
    if not starts and not heads:
        return []
    words, singles, pairs = tokens.words, keys.singles, keys.pair_words
    last = len(words) - 1
    # a phrase starts at a word of its own, or at the first of two words that key longer phrases...
    if not heads:
        return [i for i, w in enumerate(words)
                if w in starts and (w in singles or (i < last and (w, words[i + 1]) in pairs))]
    # ... or at a word a "frustrat*" entry is a prefix of
    return [i for i, w in enumerate(words)
            if (w in starts and (w in singles or (i < last and (w, words[i + 1]) in pairs))) or w[:3] in heads]


_V = TypeVar("_V")


def memo_map(memo: dict[str, _V], keys: list[str], compute: Callable[[str], _V], cap: int) -> list[_V]:
    """``[compute(k) for k in keys]``, each computed once and kept in ``memo`` (emptied when it
    reaches ``cap`` entries): a text of words seen before costs one C-speed lookup per word."""
    try:
        return list(map(memo.__getitem__, keys))
    except KeyError:
        if len(memo) >= cap:
            memo.clear()
        for key in keys:
            if key not in memo:
                memo[key] = compute(key)
        return list(map(memo.__getitem__, keys))


# one literal phrase: its words, the separator before each later word ("-" or " "), and
# whether the last word is a prefix ("frustrat*")
_Phrase = tuple[tuple[str, ...], tuple[str, ...], bool]


class LazyRegex:
    """A regex compiled when it first runs. What is known of it beforehand (the strings its matches
    need, whether it sees past a sentence: ``required_literals``, ``piece_local``) is read from its
    source, and most of a list's regexes never run on a reply, whose text has none of the strings
    they need: a review compiles only those that do (compiling them all took a tenth of its start-up)."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        rx = self._compiled
        if rx is None:
            rx = self._compiled = re.compile(self.pattern, self.flags)
        return rx

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)


# A list whose regexes need this many strings or more finds those in a text by one scan (a trie of them, in a
# lookahead: every position's longest one), not one ``in`` test each: 228 strings, 67 -> 36 us on a real reply.
# The scan is built (and compiled) once the list has been asked about that many texts: a review of one reply
# would spend more on building it than it saves (``prepare`` builds it at once).
_SCAN_FROM = 40
_SCAN_AFTER = 16


class _Needs:
    """The strings some regexes need (see ``required_literals``), and which of them a text holds."""

    __slots__ = ("_asked", "_prefixes", "_scan", "strings")

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = tuple(dict.fromkeys(strings))
        self._scan: LazyRegex | None = None
        self._prefixes: dict[str, tuple[str, ...]] = {}
        # texts asked about before the scan is built (never built: a short list's tests cost less)
        self._asked = 0 if sum(map(bool, self.strings)) >= _SCAN_FROM else -1

    def found_in(self, text: str) -> list[str] | set[str]:
        """The strings ``text`` holds."""
        scan = self._scan
        if scan is None:
            if self._asked < _SCAN_AFTER:  # (-1: never)
                self._asked += self._asked >= 0
                return [need for need in self.strings if need in text]
            scan = self._build()
        hits = scan.compiled.findall(text)
        if not hits:
            return [""] if "" in self.strings else []
        return set().union(*map(self._prefixes.__getitem__, set(hits)))

    def _build(self) -> LazyRegex:
        found = [n for n in self.strings if n]  # ("" is in every text: a regex that needs nothing)
        trie: _Trie = {}
        for need in found:
            node = trie
            for ch in need:
                node = node.setdefault(re.escape(ch), {})
            node[_END] = {}
        # the scan finds the longest string at each position: the others there are its prefixes
        self._prefixes = {n: (*(p for p in found if n.startswith(p)), *([""] if "" in self.strings else []))
                          for n in found}
        self._scan = LazyRegex(f"(?=({_trie_regex(trie)}))", re.DOTALL)
        return self._scan

    def prepare(self) -> None:
        if self._asked >= 0:
            (self._scan or self._build()).compiled  # noqa: B018 (compiled on first access)


class Matcher:
    """A phrase list compiled for speed, matched on folded text (see ``fold``).

    Literal phrases are looked up word by word in a dictionary keyed by their first word
    (or its first three letters for a "frustrat*" prefix), so the cost grows with the words
    of the text, not with the length of the list. Raw ``re:`` entries (and the odd literal
    that is not made of words, like ":)") are regexes, run without a leading ``\\b`` so the
    engine can jump to their first literal; the word-start check is done on each match.
    """

    def __init__(self, entries: Iterable[str], flags: int = 0) -> None:
        self.raw_sources: list[str] = []
        self._exact: dict[str, list[_Phrase]] = {}
        self._prefix: dict[str, list[_Phrase]] = {}
        trie: _Trie = {}
        for entry in entries:
            entry = str(entry).strip()
            if not entry:
                continue
            if entry.startswith("re:"):
                self.raw_sources.append(_lower_regex(entry[3:].strip()))
                continue
            phrase = _phrase(fold(entry))
            if phrase is None:
                node = trie
                for atom in _atoms(fold(entry)):
                    node = node.setdefault(atom, {})
                node[_END] = {}
            elif len(phrase[0]) == 1 and phrase[2]:
                self._prefix.setdefault(phrase[0][0][:3], []).append(phrase)
            elif len(phrase[0]) > 2 or (len(phrase[0]) == 2 and not phrase[2]):
                # longer phrases are keyed by their first two words: "you should", "you failed"...
                self._exact.setdefault(" ".join(phrase[0][:2]), []).append(phrase)
            else:
                self._exact.setdefault(phrase[0][0], []).append(phrase)
        self._keys = _Keys(self._exact, self._prefix)
        # folded piece (see _pieces_of) -> its matches: stock sentences recur across a pack
        self._piece_spans: dict[str, tuple[tuple[int, int], ...]] = {}
        flags &= ~re.IGNORECASE
        self._regexes = [LazyRegex(_trie_regex(trie) + r"(?![\w'])", flags)] if trie else []
        self._regexes += [LazyRegex(r[2:] if r.startswith(r"\b") else r, flags) for r in self.raw_sources]
        # each regex with the strings its matches need: the most selective set apart (an empty
        # string, in every text, when there is none), as it rules out most texts on its own
        # (tuples, for _has_one and _has_all)
        self._regex_needs = [(rx, tuple((*needs, frozenset([""]))[0]), tuple(map(tuple, needs[1:])))
                             for rx in self._regexes for needs in [required_literals(rx)]]
        # every string one of which some regex needs -> the regexes (by index) whose most selective
        # set holds it: one test of each string names the regexes that may match a text (most texts
        # have none of the strings), where a test of each regex's own strings tested a string that
        # several need again for each, a call each ("" is in every text: a regex that needs nothing)
        by_need: dict[str, list[int]] = {}
        for i, (_, first, _) in enumerate(self._regex_needs):
            for need in first:
                by_need.setdefault(need, []).append(i)
        self._by_need = {need: tuple(at) for need, at in by_need.items()}
        self._needs = _Needs(by_need)
        self._local: bool | None = None  # (see _by_piece: a list matched only through a MultiMatcher never asks)
        _MADE.add(self)

    def prepare(self) -> None:
        """Compile the regexes now (see ``lexicon.prepare``)."""
        for rx in self._regexes:
            rx.compiled  # noqa: B018 (compiled on first access)
        self._needs.prepare()
        self._by_piece  # noqa: B018

    @property
    def _by_piece(self) -> bool:
        """Whether the regexes cannot see past a piece, so are matched a piece at a time too, with the words."""
        local = self._local
        if local is None:
            local = self._local = all(map(piece_local, self._regexes))
        return local

    @property
    def has_regexes(self) -> bool:
        """Some entries are regexes (raw, or not made of words), which may match across sentences."""
        return bool(self._regexes)

    def spans(self, text: str, folded: bool = False, tokens: Tokens | None = None) -> list[tuple[int, int]]:
        """``[start, end)`` of each match, leftmost first; overlaps keep the longer match."""
        if tokens is not None:
            text, folded = tokens.text, True
        if self._by_piece:
            if not (self._exact or self._prefix or self._regexes):
                return []
            _, pieces, texts = _pieces_of(text, folded)
            return self._cached_spans(pieces, texts, tokens)
        s, pieces, texts = _pieces_of(text, folded)
        return outside_addresses(s, self._with_regex_spans(s, self._cached_spans(pieces, texts, tokens)))

    def _whole_spans(self, tokens: Tokens) -> list[tuple[int, int]]:
        """The matches of a whole text (the word matches only, when the regexes are not matched by piece),
        none inside a web or email address (an address is within a piece: the pieces cache this too)."""
        found = self._word_spans(tokens) if self._exact or self._prefix else []
        found = self._with_regex_spans(tokens.text, found) if self._by_piece else found
        return outside_addresses(tokens.text, found)

    def _with_regex_spans(self, s: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``found`` (word matches of ``s``) with the regex matches added, overlaps resolved."""
        if not self._regexes:
            return found  # (word matches come leftmost first, never overlapping)
        # only the regexes whose required text is there can match (most texts have none)
        present = self._needs.found_in(s)
        if not present:
            return found
        by_need, needs = self._by_need, self._regex_needs
        for i in sorted(set().union(*map(by_need.__getitem__, present))):  # (each regex once, in the list's order)
            rx, _, rest = needs[i]
            if rest and not _has_all(s, rest):
                continue
            for m in rx.finditer(s):
                a, b = m.span()
                if a == b or (a > 0 and _is_word(s[a]) and _is_word(s[a - 1])):
                    continue
                while b > a and s[b - 1].isspace():  # a raw pattern ending in \s*$ takes the newline
                    b -= 1
                found.append((a, b))
        if len(found) > 1:
            found.sort(key=lambda ab: (ab[0], -ab[1]))
            kept: list[tuple[int, int]] = []
            for a, b in found:
                if not kept or a >= kept[-1][1]:
                    kept.append((a, b))
            found = kept
        return found

    def _cached_spans(self, pieces: _Pieces, texts: tuple[str, ...], tokens: Tokens | None) -> list[tuple[int, int]]:
        """The matches of the folded text of ``pieces`` (see ``_whole_spans``), from each piece's cached ones.

        New pieces are matched together, as one text of them apart by spaces (a piece ends
        with a sentence end, or is the last of its text, so no match runs across two), or as
        the whole text when the caller has its tokens already.
        """
        cache = self._piece_spans
        hits = list(map(cache.get, texts))  # (each text asks every list: lookups at C speed)
        if None not in hits:
            if not any(hits):  # (most lists match nothing in most texts)
                return []
            return [span for (a, _), hit in zip(pieces, hits, strict=True) if hit
                    for span in ([(a + x, a + y) for x, y in hit] if a else hit)]
        if tokens is not None:
            return self._remember(pieces, self._whole_spans(tokens))
        found: list[tuple[int, int]] = []
        new: dict[str, int] = {}  # piece -> its offset in the text of new pieces
        for (a, piece), hit in zip(pieces, hits, strict=True):
            if hit is None:
                new.setdefault(piece, 0)
            elif hit:
                found.extend([(a + x, a + y) for x, y in hit] if a else hit)
        at = 0
        for piece in new:
            new[piece] = at
            at += len(piece) + 1
        spans = self._whole_spans(folded_tokens(" ".join(new)))
        self._remember(tuple([(at, piece) for piece, at in new.items()]), spans)
        if not spans:  # (most new pieces match nothing: ``found``, in piece order, is sorted)
            return found
        for a, piece in pieces:
            if piece in new:
                found.extend([(a + x, a + y) for x, y in cache[piece]])
        found.sort()
        return found

    def _remember(self, pieces: _Pieces, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Cache each piece's share of ``found``, the matches of the text the pieces are of."""
        cache = self._piece_spans
        if len(cache) >= 65_536:
            cache.clear()
        if not found:  # (most texts have no match)
            cache.update(dict.fromkeys([piece for _, piece in pieces], ()))
            return found
        k, n = 0, len(found)
        for a, piece in pieces:
            b = a + len(piece)
            first = k
            while k < n and found[k][1] <= b:  # no match runs past the end of its piece
                k += 1
            cache[piece] = tuple([(x - a, y - a) for x, y in found[first:k]])
        return found

    def _word_spans(self, tokens: Tokens) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        end = 0
        for i in _candidates(tokens, self._keys):
            if i < end:
                continue  # inside the previous match
            best = self._longest_at(tokens, i)
            if best:
                starts, ends = tokens.offsets()
                found.append((starts[i], ends[i + best - 1]))
                end = i + best
        return found

    def _longest_at(self, tokens: Tokens, i: int) -> int:
        """How many words the longest phrase starting at word ``i`` has (0: none starts there)."""
        words = tokens.words
        n = len(words)
        w = words[i]
        best = 0
        pair = self._exact.get(w + " " + words[i + 1]) if i + 1 < n else None
        for cands in (self._exact.get(w), pair, self._prefix.get(w[:3])):
            if not cands:
                continue
            for pw, seps, wild in cands:
                k = len(pw)
                if k > best and i + k <= n and _phrase_ok(pw, seps, wild, words, tokens, i):
                    best = k
        return best

    def search(self, text: str, folded: bool = False, tokens: Tokens | None = None) -> bool:
        return bool(self.spans(text, folded, tokens))

    def match(self, text: str, folded: bool = False) -> tuple[int, int] | None:
        """The longest match starting at offset 0, if any."""
        s = text if folded else fold(text)
        ends = [m.end() for rx in self._regexes if (m := rx.match(s)) and m.end() > 0]
        if (self._exact or self._prefix) and _TOKEN.match(s):
            tokens = Tokens(s)  # (only the phrases at the first word are read, not every match of the text)
            best = self._longest_at(tokens, 0)
            if best:
                ends.append(tokens.offsets()[1][best - 1])
        return (0, max(ends)) if ends else None

    def match_at(self, folded: str, at: int) -> int | None:
        """The end of the longest match of a regex entry starting at offset ``at`` of folded text, its
        lookarounds reading the text around it, less the white space it ends with (as ``spans`` gives it);
        None when there is none."""
        ends = [m.end() for rx in self._regexes if (m := rx.compiled.match(folded, at)) and m.end() > at]
        if not ends:
            return None
        end = max(ends)
        while end > at and folded[end - 1].isspace():  # (a raw pattern ending in \s*$ takes the newline)
            end -= 1
        return end

    def count(self, text: str, folded: bool = False, tokens: Tokens | None = None) -> int:
        return len(self.spans(text, folded, tokens))


def _phrase_ok(pw: tuple[str, ...], seps: tuple[str, ...], wild: bool, words: list[str], tokens: Tokens,
               i: int) -> bool:
    k = len(pw)
    if k == 1 and not wild:
        return True  # found under its own word as key
    if k == 2 and not wild:
        return _gaps_ok(seps, tokens, i)  # found under its own two words as key
    return _words_at(pw, wild, words, i) and _gaps_ok(seps, tokens, i)


def _words_at(pw: tuple[str, ...], wild: bool, words: list[str], i: int) -> bool:
    last = len(pw) - 1
    for j, want in enumerate(pw):
        got = words[i + j]
        if j == last and wild:
            if not got.startswith(want):
                return False
        elif got != want:
            return False
    return True


def _gaps_ok(seps: tuple[str, ...], tokens: Tokens, i: int) -> bool:
    """Words of a phrase must be separated as written: by whitespace, or by a hyphen."""
    if not seps:
        return True
    starts, ends = tokens.offsets()
    text = tokens.text
    for j, sep in enumerate(seps, start=1):
        gap = text[ends[i + j - 1]:starts[i + j]]
        if (sep == "-" and gap != "-") or (sep == " " and not (gap and gap.isspace())):
            return False
    return True


def _phrase(folded: str) -> _Phrase | None:
    """A literal phrase as words and separators, or None when it is not made of words."""
    wild = folded.endswith("*")
    core = folded[:-1] if wild else folded
    toks = list(_TOKEN.finditer(core))
    if not toks or toks[0].start() != 0 or toks[-1].end() != len(core):
        return None
    seps: list[str] = []
    for prev, nxt in pairwise(toks):
        gap = core[prev.end():nxt.start()]
        if gap == "-":
            seps.append("-")
        elif gap and gap.isspace():
            seps.append(" ")
        else:
            return None
    if wild and len(toks) == 1 and len(toks[0].group()) < 3:
        return None
    return tuple(t.group() for t in toks), tuple(seps), wild


def _lower_regex(src: str) -> str:
    """A regex source lower-cased, keeping escapes (``\\S``, ``\\W``) as written."""
    out: list[str] = []
    escaped = False
    for ch in src:
        out.append(ch if escaped else ch.lower())
        escaped = (ch == "\\") and not escaped
    return "".join(out)


def _atoms(phrase: str) -> list[str]:
    """A folded literal phrase as regex atoms, one per character (whitespace generalised)."""
    atoms: list[str] = []
    for i, ch in enumerate(phrase):
        if ch.isspace():
            if atoms and atoms[-1] == r"\s+":
                continue
            atoms.append(r"\s+")
        elif ch == "*" and i == len(phrase) - 1:
            atoms.append(r"[\w'-]*")
        else:
            atoms.append(re.escape(ch))
    return atoms


def _trie_regex(node: _Trie) -> str:
    branches = [atom + _trie_regex(child) for atom, child in sorted(node.items(), key=lambda kv: kv[0])
                if atom != _END]
    optional = _END in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        # a complete phrase that is also a prefix of a longer one: prefer the longer match
        # (the word-end guard after the whole alternation still enforces a word boundary)
        return f"(?:{body})?"
    return body


def normalise(text: str) -> str:
    """Text with typographic quotes made ASCII, same length so offsets stay valid."""
    if text.isascii():
        return text
    return _ascii_quotes(text)


def _ascii_quotes(text: str) -> str:
    # four replace() calls, each skipped when its quote is absent: several times faster than str.translate,
    # which maps the text character by character
    for quote, ascii_quote in _QUOTE_PAIRS:
        if quote in text:
            text = text.replace(quote, ascii_quote)
    return text


def fold(text: str) -> str:
    """Lower-cased text with ASCII quotes, the same length as ``text`` so offsets stay valid."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low if low.isascii() else _ascii_quotes(low)


_QUOTE_PAIRS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))

# The only non-ASCII characters that IGNORECASE matches to ASCII letters (İ ı ſ and the Kelvin sign).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def lowers_plainly(text: str) -> bool:
    """Whether ``text.lower()`` can stand in for IGNORECASE matching of ASCII letters: true unless the text
    has one of the four characters IGNORECASE folds to an ASCII letter. Lower-casing such text keeps its
    length and which characters are word, digit and space characters (checked over all of Unicode)."""
    return text.isascii() or _FOLDS_TO_ASCII.search(text) is None


class CaselessRegex:
    """An IGNORECASE regex whose literal letters are all lower-case, run where it can be as a case-sensitive
    copy on the lower-cased text: the same matches at the same offsets, found several times faster."""

    def __init__(self, regex: re.Pattern[str], folded: re.Pattern[str] | None = None, *, screened: bool = False
                 ) -> None:
        """``folded``: a faster regex with the same matches as ``regex`` on lower-cased text, if the caller has one.
        ``screened``: run it only on a text with the strings its matches need (``required_literals``), for a regex
        with no fixed start, which the engine tries at every character (100-500 us a sentence), on texts most of
        which lack them."""
        self.regex = regex
        self.folded = folded or re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)
        self._needs: tuple[tuple[str, ...], ...] | None = None if screened else ()  # (None: read at first use)

    def _may_match(self, low: str) -> bool:
        """Whether the lower-cased text has a string of each set ``required_literals`` of ``folded`` gives."""
        if self._needs is None:
            self._needs = tuple(tuple(sorted(need)) for need in required_literals(self.folded))
        return _has_all(low, self._needs)

    def span(self, text: str) -> tuple[int, int] | None:
        """The first match's offsets, as ``regex.search(text)`` would give them."""
        if lowers_plainly(text):
            low = text.lower()
            found = self.folded.search(low) if self._may_match(low) else None
        else:
            found = self.regex.search(text)
        return found.span() if found else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every match's offsets, as ``regex.finditer(text)`` would give them."""
        if lowers_plainly(text):
            low = text.lower()
            return [m.span() for m in self.folded.finditer(low)] if self._may_match(low) else []
        return [m.span() for m in self.regex.finditer(text)]


class PhraseTable:
    """A list of phrase entries (mappings with a ``phrase`` key) searched as one alternation.

    ``finditer`` yields each match with the entry it came from: literal phrases are found
    by their normalised text, the rest (wildcards, raw regexes) by trying each entry's own
    pattern on the matched text, which only happens for the rare actual match.
    """

    def __init__(self, entries: Iterable[dict[str, Any]], flags: int = 0) -> None:
        self.entries = [dict(e) for e in entries]
        for e in self.entries:
            if not isinstance(e.get("phrase"), str) or not e["phrase"].strip():
                raise ScriptkitError(f"phrase entry without a 'phrase' text: {e!r}")
        self.flags = flags
        self.matcher = compile_phrases((e["phrase"] for e in self.entries), flags)
        self._literal = {_key(e["phrase"]): e for e in self.entries if _is_literal(e["phrase"])}
        self._others = [e for e in self.entries if not _is_literal(e["phrase"])]
        self._own: dict[int, Matcher] = {}
        _MADE.add(self)

    def prepare(self) -> None:
        """Compile the table's matcher and each non-literal entry's own one now (see ``lexicon.prepare``)."""
        self.matcher.prepare()
        for i in range(len(self._others)):
            self._own_matcher(i).prepare()

    def _own_matcher(self, i: int) -> Matcher:
        """The matcher of the ``i``th non-literal entry alone, made when first asked."""
        own = self._own.get(i)
        if own is None:
            own = self._own[i] = compile_phrases([self._others[i]["phrase"]], self.flags)
        return own

    def __len__(self) -> int:
        return len(self.entries)

    def finditer(self, text: str, tokens: Tokens | None = None) -> Iterator[tuple[int, int, dict[str, Any]]]:
        if tokens is None:
            folded = _pieces_of(text, False)[0]
            spans = self.matcher.spans(text)
        else:
            folded = tokens.text
            spans = self.matcher.spans(folded, folded=True, tokens=tokens)
        for a, b in spans:
            entry = self.entry_for(folded[a:b], folded, a)
            if entry is not None:
                yield a, b, entry

    def entry_for(self, matched: str, context: str | None = None, at: int = 0) -> dict[str, Any] | None:
        """The entry whose phrase ``matched`` is: a literal one, else the first other one (in the file's order)
        that matches it whole.

        ``context`` (folded text, with ``matched`` at offset ``at``) lets a regex entry's lookarounds see
        the words around it, so two entries can share a phrase in different company: "the majority of"
        before "the refunds" (rewritten "most of") and before "customers" (rewritten "most").
        """
        found = self._literal.get(_key(matched))
        if found is not None:
            return found
        for i, e in enumerate(self._others):
            own = self._own_matcher(i)
            if context is not None and own.has_regexes and e["phrase"].startswith("re:"):
                if own.match_at(context, at) == at + len(matched):
                    return e
            elif own.match(matched) == (0, len(matched)):
                return e
        return None


def _is_literal(phrase: str) -> bool:
    return not phrase.startswith("re:") and not phrase.rstrip().endswith("*")


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@cache
def table(filename: str, key: str = "phrases", flags: int = 0) -> PhraseTable:
    """The phrase table stored under ``key`` in a data file, compiled once per process."""
    content = data(filename)
    if not isinstance(content, dict) or not isinstance(content.get(key), list):
        raise ScriptkitError(f"phrase data '{filename}' has no list '{key}'")
    return PhraseTable(content[key], flags)


class MultiMatcher:
    """Several lexicon lists matched in one pass over a text's words (for slot inference).

    Equivalent to running ``pattern(name).spans`` for each list, but the word index is
    shared, so a sentence costs one dictionary walk instead of one per list.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(names)
        self._matchers = {n: pattern(n) for n in self.names}
        self._exact: dict[str, list[tuple[_Phrase, str]]] = {}
        self._prefix: dict[str, list[tuple[_Phrase, str]]] = {}
        for name, m in self._matchers.items():
            for key, phrases in m._exact.items():
                self._exact.setdefault(key, []).extend((p, name) for p in phrases)
            for key, phrases in m._prefix.items():
                self._prefix.setdefault(key, []).extend((p, name) for p in phrases)
        self._keys = _Keys(self._exact, self._prefix)
        # word -> what phrases starting at it need (see ``_starting_with``), remembered: words recur
        self._starters: dict[str, tuple[tuple[str, ...], tuple[tuple[_Phrase, str], ...]]] = {}

        # Each regex is run on its own. (An alternation of them all, or of a list's, as a first
        # "nothing here" scan costs more than it saves: the regexes start with literals the engine
        # skips ahead to, an alternation of them is scanned position by position, and a reply of a
        # few sentences nearly always has some match, so the scan is wasted; 100 -> 60 us on a real reply.)
        # Each regex is run only on a text with one of the strings its matches need (see
        # ``required_literals``; 42 -> 34 us per real reply's new sentences). Every such string of
        # every list -> the regexes (list, index) that need it: a text tests each string once, for
        # all the lists (one call per regex tested a string several need once for each).
        self._regex_lists = [(name, [rx for rx, _, _ in m._regex_needs]) for name, m in self._matchers.items()
                             if m._regexes]
        by_need: dict[str, list[tuple[int, int]]] = {}
        for k, (name, _) in enumerate(self._regex_lists):
            for j, (_, first, _) in enumerate(self._matchers[name]._regex_needs):
                for need in first:
                    by_need.setdefault(need, []).append((k, j))
        self._by_need = {need: tuple(at) for need, at in by_need.items()}
        self._needs = _Needs(by_need)
        self._piece_cache: dict[str, tuple[tuple[str, tuple[tuple[int, int], ...]], ...]] = {}
        self._regexes_local = not any(_SEES_PAST.search(rx.pattern)
                                      for m in self._matchers.values() for rx in m._regexes)
        _MADE.add(self)

    def prepare(self) -> None:
        """Compile the lists' regexes and the scan for the strings they need now (see ``lexicon.prepare``)."""
        for m in self._matchers.values():
            m.prepare()
        self._needs.prepare()

    def spans(self, tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
        out = self._word_spans(tokens)
        self._add_regex_spans(out, tokens.text)
        return out

    def piecewise(self, folded: str, pieces: tuple[tuple[int, int], ...]) -> bool:
        """Whether matching each piece of ``folded`` alone finds what matching it whole would.

        True when the pieces are apart by whitespace, never meet word to word, and no regex
        entry can see past a piece (no anchors or lookbehinds, nothing that takes a sentence
        end or a leading space): then no match runs across two pieces or depends on the other.
        """
        if not self._regexes_local:
            return False
        for (_, b1), (a2, _) in pairwise(pieces):
            if b1 >= a2 or not folded[b1:a2].isspace():
                return False
            # (joins_words of both edge characters, inline: a piece nearly always ends with a mark)
            end, start = folded[b1 - 1], folded[a2]
            if (end.isalnum() or end in "'_-") and (start.isalnum() or start in "'_-"):
                return False
        return True

    def spans_in_pieces(self, folded: str, pieces: tuple[tuple[int, int], ...]) -> dict[str, list[tuple[int, int]]]:
        """``spans(Tokens(folded))`` from each piece's cached word matches (sentences recur).

        A word phrase matches across two pieces only when they meet word to word; then the
        whole text is read as one.
        """
        for (_, b1), (a2, _) in pairwise(pieces):
            if joins_words(folded[b1 - 1]) and joins_words(folded[a2]):
                return self.spans(Tokens(folded))
        out: dict[str, list[tuple[int, int]]] = {n: [] for n in self.names}
        cache = self._piece_cache
        for a, b in pieces:
            piece = folded[a:b]
            found = cache.get(piece)
            if found is None:
                if len(cache) >= 65_536:
                    cache.clear()
                words = self._word_spans(Tokens(piece))
                found = cache[piece] = tuple((n, tuple(v)) for n, v in words.items() if v)
            for name, spans in found:
                out[name].extend([(a + x, a + y) for x, y in spans])
        self._add_regex_spans(out, folded)
        return out

    def _word_spans(self, tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {n: [] for n in self.names}
        words = tokens.words
        candidates = _candidates(tokens, self._keys)
        if candidates:
            n_words = len(words)
            busy: dict[str, int] = {}  # per list: the word index its last match ends at
            starters = self._starters
            for i in candidates:
                w = words[i]
                found = starters.get(w)
                if found is None:
                    if len(starters) >= 100_000:
                        starters.clear()
                    found = starters[w] = self._starting_with(w)
                sure, unsure = found
                best = {name: 1 for name in sure if i >= busy.get(name, 0)}
                if i + 1 < n_words:
                    pair = self._exact.get(w + " " + words[i + 1])
                    if pair:
                        unsure = unsure + tuple(pair)
                for (pw, seps, wild), name in unsure:
                    k = len(pw)
                    if (k > best.get(name, 0) and i >= busy.get(name, 0) and i + k <= n_words
                            and _phrase_ok(pw, seps, wild, words, tokens, i)):
                        best[name] = k
                if best:
                    starts, ends = tokens.offsets()
                    for name, k in best.items():
                        out[name].append((starts[i], ends[i + k - 1]))
                        busy[name] = i + k
        return out

    def _starting_with(self, word: str) -> tuple[tuple[str, ...], tuple[tuple[_Phrase, str], ...]]:
        """The lists with a one-word phrase that is this word (or a prefix of it), and the other
        phrases keyed by this word alone, which depend on the words after it."""
        sure: dict[str, None] = {}
        unsure: list[tuple[_Phrase, str]] = []
        for (pw, seps, wild), name in self._exact.get(word, ()):
            if len(pw) == 1 and not wild:
                sure[name] = None
            else:
                unsure.append(((pw, seps, wild), name))
        for (pw, _, _), name in self._prefix.get(word[:3], ()):
            if word.startswith(pw[0]):  # (a one-word prefix entry: "frustrat*")
                sure[name] = None
        return tuple(sure), tuple(unsure)

    def _add_regex_spans(self, out: dict[str, list[tuple[int, int]]], s: str) -> None:
        by_need = self._by_need
        live: list[tuple[int, int]] = []
        for need in self._needs.found_in(s):
            live += by_need[need]
        by_list: dict[int, list[int]] = {}  # (list by list, each one's regexes in order)
        for k, j in sorted(set(live)):
            by_list.setdefault(k, []).append(j)
        for k, at in by_list.items():
            name, regexes = self._regex_lists[k]
            found = out[name]  # (word matches come leftmost first, never overlapping: a list with no regex run is done)
            for j in at:
                for mt in regexes[j].finditer(s):
                    a, b = mt.span()
                    if a == b or (a > 0 and _is_word(s[a]) and _is_word(s[a - 1])):
                        continue
                    while b > a and s[b - 1].isspace():
                        b -= 1
                    found.append((a, b))
            if len(found) > 1:
                found.sort(key=lambda ab: (ab[0], -ab[1]))
                kept: list[tuple[int, int]] = []
                for a, b in found:
                    if not kept or a >= kept[-1][1]:
                        kept.append((a, b))
                out[name] = kept


# what lets a regex match outside one sentence: anchors, lookbehinds (but one of plain words,
# which cannot reach past the space and punctuation before a sentence), a leading space, and
# anything that can take a sentence end (an unescaped dot, escaped . ! ?, negated classes)
_SEES_PAST = re.compile(r"(?<!\\)[$^]|\(\?<(?![!=][\w'][\w' ]*\))|\\[AZWSDB.!?]|\[\^|(?<!\\)\."
                        r"|^(?:\(\?:)*(?:\\s|\s|\[)")


def _regex_parser() -> Any:
    """The standard library's regex parser, ``re._parser`` (private, so imported by name)."""
    return importlib.import_module("re._parser")


@lru_cache(maxsize=16)  # (required_literals and piece_local read the same regex one after the other)
def _parsed(pattern: str, flags: int) -> Any:
    """The standard library's parse of a regex (the larger part of compiling it), shared by its analyses."""
    return _regex_parser().parse(pattern, flags)


def required_literals(rx: re.Pattern[str] | LazyRegex) -> tuple[frozenset[str], ...]:
    """Sets of strings such that every match of ``rx`` contains one string of each set.

    Substring tests for them (at C speed) tell when a regex cannot match a text without
    running it. Read from the standard library's parse of the pattern; what it cannot vouch
    for (case-insensitive matching, an unknown parse) gives no sets: the regex is then run.
    The most selective sets come first, and there are at most three.
    """
    try:
        parsed = _parsed(rx.pattern, rx.flags)
        if parsed.state.flags & re.IGNORECASE:
            return ()
        needs = sorted(set(_sequence_needs(list(parsed))), key=_selectivity)
        return tuple(needs[:3])
    except Exception:  # a parser that changed shape: no shortcut, same results
        return ()


_SENTENCE_ENDS = frozenset(map(ord, ".!?"))
_STEADY_CATEGORIES = frozenset(["CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_SPACE"])


def piece_local(rx: re.Pattern[str] | LazyRegex) -> bool:
    """Whether ``rx`` finds the same in each piece of a text (see ``_pieces_of``) alone as in the whole.

    True when no match can take a sentence end (so none runs across two pieces, and an end
    anchor is only reached where the piece and the text end together or at a line break
    inside the piece), a match starts with a character that is not whitespace (so none
    starts between pieces), there is no start anchor, and a lookbehind is of plain text
    starting with a letter or digit (so it cannot see past the whitespace before a piece).
    Read from the standard library's parse of the pattern; anything unknown counts as not local.
    """
    try:
        items = list(_parsed(rx.pattern, rx.flags))
        return _starts_with_text(items) and _local(items)
    except Exception:  # a parser that changed shape: the regex is matched on whole texts
        return False


def _local(items: list[Any]) -> bool:
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            ok = av not in _SENTENCE_ENDS
        elif name == "IN":
            ok = all(_steady_class_item(str(o), v) for o, v in av)
        elif name == "BRANCH":
            ok = all(_local(list(b)) for b in av[1])
        elif name == "SUBPATTERN":
            ok = _local(list(av[3]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            ok = _local(list(av[2]))
        elif name == "ATOMIC_GROUP":
            ok = _local(list(av))
        elif name == "AT":  # (an end anchor is never reached before a sentence end, as none is taken)
            ok = str(av) in ("AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_END", "AT_END_LINE", "AT_END_STRING")
        elif name in ("ASSERT", "ASSERT_NOT"):
            direction, body = av[0], list(av[1])
            ok = _local(body) if direction == 1 else (
                bool(body) and all(str(o) == "LITERAL" and v not in _SENTENCE_ENDS for o, v in body)
                and chr(body[0][1]).isalnum())
        else:
            ok = False
        if not ok:
            return False
    return True


def _steady_class_item(name: str, av: Any) -> bool:
    """A character class member that takes no sentence end."""
    if name == "LITERAL":
        return bool(av not in _SENTENCE_ENDS)
    if name == "RANGE":
        return not any(av[0] <= c <= av[1] for c in _SENTENCE_ENDS)
    return name == "CATEGORY" and str(av) in _STEADY_CATEGORIES


def _starts_with_text(items: list[Any]) -> bool:
    """Whether the first character a match takes is never whitespace."""
    for op, av in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # takes no character
        if name == "LITERAL":
            return not chr(av).isspace()
        if name == "IN":
            return all((str(o) == "LITERAL" and not chr(v).isspace())
                       or (str(o) == "RANGE" and v[0] > 32 and v[1] < 127)
                       or (str(o) == "CATEGORY" and str(v) in ("CATEGORY_DIGIT", "CATEGORY_WORD")) for o, v in av)
        if name == "BRANCH":
            return all(_starts_with_text(list(b)) for b in av[1])
        if name == "SUBPATTERN":
            return _starts_with_text(list(av[3]))
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _starts_with_text(list(av[2])):
                return False
            if av[0] >= 1:
                return True
            continue  # optional: what follows it may start the match too
        return False
    return False


def _has_one(text: str, strings: tuple[str, ...]) -> bool:
    """``any(map(text.__contains__, strings))``, in half the time: a loop of ``in`` tests makes
    no objects (a regex's few needed strings are tested on every new text)."""
    for needed in strings:
        if needed in text:
            break
    else:
        return False
    return True


def _has_all(text: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` has one string of each of ``needs`` (see ``required_literals``)."""
    for need in needs:
        if not _has_one(text, need):
            break
    else:
        return True
    return False


def _selectivity(need: frozenset[str]) -> tuple[int, int]:
    return -min(map(len, need)), len(need)  # (sorted ascending: long strings and few of them first)


def _sequence_needs(items: list[Any]) -> list[frozenset[str]]:
    """What a sequence of parsed regex items needs: each item's needs, and each run of literals."""
    needs: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            needs.append(frozenset(["".join(run)]))
            run = []
        if name == "SUBPATTERN" and not (av[1] & re.IGNORECASE):
            needs += _sequence_needs(list(av[3]))
        elif name == "BRANCH":  # one of the branches matches: the union of each one's best need
            best = [sorted(n, key=_selectivity)[:1] for n in (_sequence_needs(list(b)) for b in av[1])]
            if all(best):
                needs.append(frozenset().union(*[b[0] for b in best]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            needs += _sequence_needs(list(av[2]))
        elif name == "ATOMIC_GROUP":
            needs += _sequence_needs(list(av))
    return [n for n in needs if n and all(n)]


def joins_words(ch: str) -> bool:
    """An edge character that could carry a word phrase on into the next piece (a word or a hyphen)."""
    return ch == "-" or (ch != "" and _is_word(ch))
