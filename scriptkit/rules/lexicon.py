"""Shared phrase data for rules and slot inference, loaded once and compiled once.

The YAML files under ``scriptkit/rules/data/`` hold word lists (``lexicon.yaml``) and
phrase tables (``corporate_phrases.yaml``...). ``data(name)`` parses a file once per
process; ``pattern(list_name)`` turns one lexicon list into a single precompiled,
case-insensitive alternation (a prefix trie, so a 200-phrase list costs about what a
handful of phrases would).

Entry syntax in lexicon lists: spaces match any whitespace run, an apostrophe matches
``'`` or ``’``, a trailing ``*`` matches the rest of the word, and ``re:`` starts a raw
regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from scriptkit.errors import ScriptkitError

DATA_DIR = ("scriptkit.rules", "data")
LEXICON_FILE = "lexicon.yaml"

# A trie node maps an atom (a regex fragment) to its children; END marks a complete phrase.
_END = ""
_Trie = dict[str, Any]


@cache
def data(filename: str) -> Any:
    """The parsed content of ``scriptkit/rules/data/<filename>`` (cached for the process)."""
    try:
        text = resources.files(DATA_DIR[0]).joinpath(DATA_DIR[1], filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScriptkitError(f"scriptkit phrase data '{filename}' is missing from the installation") from None
    return YAML(typ="safe", pure=True).load(text)


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
    """One list of the shared lexicon, by name (KeyError names the known lists)."""
    lists = lexicon()
    if name not in lists:
        raise KeyError(f"no lexicon list '{name}'; known: {', '.join(sorted(lists))}")
    return _check_entries(name, list(lists[name]))


@cache
def pattern(name: str) -> re.Pattern[str]:
    """One lexicon list as a compiled case-insensitive alternation on word boundaries."""
    return compile_phrases(words(name))


def compile_phrases(entries: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile phrases (lexicon entry syntax) into one alternation matching whole words."""
    return re.compile(phrases_regex(entries), flags)


def phrases_regex(entries: Iterable[str]) -> str:
    """The regex source for a phrase list: literal phrases share prefixes in a trie."""
    trie: _Trie = {}
    raw: list[str] = []
    for entry in entries:
        entry = str(entry).strip()
        if not entry:
            continue
        if entry.startswith("re:"):
            raw.append(entry[3:].strip())
            continue
        node = trie
        for atom in _atoms(entry.lower()):
            node = node.setdefault(atom, {})
        node[_END] = {}
    parts = [f"(?:{r})" for r in raw]
    if trie:
        parts.append(r"(?<![\w'’])" + _trie_regex(trie) + r"(?![\w'’])")
    return "|".join(parts) if parts else r"(?!x)x"


def _atoms(phrase: str) -> list[str]:
    """A literal phrase as regex atoms, one per character (whitespace and quotes generalised)."""
    atoms: list[str] = []
    for i, ch in enumerate(phrase):
        if ch.isspace():
            if atoms and atoms[-1] == r"\s+":
                continue
            atoms.append(r"\s+")
        elif ch in "'’":
            atoms.append("['’]")
        elif ch == "*" and i == len(phrase) - 1:
            atoms.append(r"[\w'’-]*")
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
        # (the (?![\w]) guard after the whole alternation still enforces a word boundary)
        return f"(?:{body})?"
    return body


def normalise(text: str) -> str:
    """Text with typographic quotes made ASCII, same length so offsets stay valid."""
    return text.translate(_QUOTES)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


class PhraseTable:
    """A list of phrase entries (mappings with a ``phrase`` key) searched as one alternation.

    ``finditer`` yields each match with the entry it came from: literal phrases are found
    by their normalised text, the rest (wildcards, raw regexes) by trying each entry's own
    pattern on the matched text, which only happens for the rare actual match.
    """

    def __init__(self, entries: Iterable[dict[str, Any]], flags: int = re.IGNORECASE) -> None:
        self.entries = [dict(e) for e in entries]
        for e in self.entries:
            if not isinstance(e.get("phrase"), str) or not e["phrase"].strip():
                raise ScriptkitError(f"phrase entry without a 'phrase' text: {e!r}")
        self.flags = flags
        self.regex = compile_phrases((e["phrase"] for e in self.entries), flags)
        self._literal = {_key(e["phrase"]): e for e in self.entries if _is_literal(e["phrase"])}
        self._others = [e for e in self.entries if not _is_literal(e["phrase"])]
        self._own: dict[int, re.Pattern[str]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def finditer(self, text: str) -> Iterable[tuple[int, int, dict[str, Any]]]:
        for m in self.regex.finditer(text):
            if m.end() == m.start():
                continue
            entry = self.entry_for(m.group())
            if entry is not None:
                yield m.start(), m.end(), entry

    def entry_for(self, matched: str) -> dict[str, Any] | None:
        found = self._literal.get(_key(matched))
        if found is not None:
            return found
        for i, e in enumerate(self._others):
            own = self._own.get(i)
            if own is None:
                own = self._own[i] = compile_phrases([e["phrase"]], self.flags)
            if own.fullmatch(matched):
                return e
        return None


def _is_literal(phrase: str) -> bool:
    return not phrase.startswith("re:") and not phrase.rstrip().endswith("*")


def _key(text: str) -> str:
    return " ".join(normalise(text).lower().split())


@cache
def table(filename: str, key: str = "phrases", flags: int = re.IGNORECASE) -> PhraseTable:
    """The phrase table stored under ``key`` in a data file, compiled once per process."""
    content = data(filename)
    if not isinstance(content, dict) or not isinstance(content.get(key), list):
        raise ScriptkitError(f"phrase data '{filename}' has no list '{key}'")
    return PhraseTable(content[key], flags)
