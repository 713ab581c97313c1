"""Grammar and spelling (SK9xx) from a real LanguageTool server.

The rendered reply is checked, not the Jinja source: placeholders and blanks go to the
server as markup read as a stand-in word (the placeholder's sample name, the blank's
example), so "Hi {{customer.first_name}}," is read as "Hi Maya," and raises nothing. A
match's offsets are offsets in ``message.text``, which the lint engine maps back to the
YAML line. Matches that touch a placeholder or blank are dropped: their text is ours (so is "a" or "an"
before one). A script that tests a constant is checked again with the branches the constants do not take
today (``linting._other_branches``, as for every rule that reads alternatives), each finding only there said
with when that text is sent.

Settings live in pack.yaml (``grammar:``); a rule's own options (``rules: options: spelling:``, or
``[options.spelling]`` in scriptkit.toml, the only place for them when reviewing free text) add
to its lists and replace its other settings::

    grammar:
      mode: local                 # off | local | URL (the lint config reads this one)
      language: en-GB             # default: the pack's locale (en-GB: OXFORD_SPELLING_Z_NOT_S is off)
      dictionary: [Northwind, Acme Cloud, SKU]
      disabled_rules: [EN_QUOTES]
      disabled_categories: [TYPOGRAPHY]
      enabled_rules: []
      picky: false
      cache: true                 # keep results in .cache/languagetool/results.sqlite
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from scriptkit.config import GRAMMAR_MODE
from scriptkit.diagnostics import Location, Severity
from scriptkit.english_spelling import regional_twin
from scriptkit.errors import ConfigError, EngineUnavailable
from scriptkit.language import base_language, written_language
from scriptkit.message import Blank, Message, Placeholder, Text
from scriptkit.placeholders import DEFAULT_CATALOGUE, Catalogue
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, register

if TYPE_CHECKING:  # the engine imports language_tool_python: only when grammar checks are on
    from scriptkit.engines.languagetool import LTMatch, Settings
    from scriptkit.models import Pack

KEYS = ("mode", "language", "dictionary", "disabled_rules", "disabled_categories", "enabled_rules",
        "enabled_categories", "picky", "cache")
_LIST_KEYS = ("dictionary", "disabled_rules", "disabled_categories", "enabled_rules", "enabled_categories")
# What one SK9xx rule may set for itself; the server (mode) is the run's. Defaults mean "as under grammar:".
RULE_OPTIONS: Mapping[str, Any] = {"language": "", **{key: [] for key in _LIST_KEYS}, "picky": None, "cache": None}
_BLANK_STAND_IN = "something"  # reads well after most prepositions and verbs: "caused by something"

# LanguageTool's categories and issue types, sorted into our three rules.
_GRAMMAR_CATEGORIES = frozenset({"GRAMMAR", "CONFUSED_WORDS", "COLLOCATIONS", "NONSTANDARD_PHRASES"})
_STYLE_CATEGORIES = frozenset({"STYLE", "TYPOGRAPHY", "PUNCTUATION", "CASING", "REDUNDANCY", "PLAIN_ENGLISH",
                               "WIKIPEDIA", "REPETITIONS_STYLE", "SEMANTICS", "MISC", "TEXT_ANALYSIS"})
_STYLE_ISSUES = frozenset({"style", "typographical", "whitespace", "register", "locale-violation",
                           "uncategorized", "addition", "duplication"})


# Typos LanguageTool files under MISC or REPETITIONS (so style by category): a doubled word ("the the", Spanish's
# "para para": ENGLISH_, SPANISH_, PORTUGUESE_WORD_REPEAT_RULE...) and "a" before a vowel sound ("a email") are
# mistakes a reader notices, reported as grammar (SK902) like "you're order".
_TYPO_RULES = frozenset({"EN_A_VS_AN"})
_DOUBLED_WORD = re.compile(r"[A-Z]+_WORD_REPEAT_RULE$")
# The spell checker's own rules (MORFOLOGIK_RULE_EN_US, MORFOLOGIK_RULE_ES, "Theres": EN_CONTRACTION_SPELLING), and
# "i" for "I" (I_LOWERCASE): typos of one word. LanguageTool files its
# confused-word rules under TYPOS too ("its" for "it's": IT_IS, "you" for "your": YOUR_YOU): those are grammar, told
# in LanguageTool's words ("Did you mean ...?"), and choosing between two real words is a person's to do.
_SPELL_CHECKER = re.compile(r"MORFOLOGIK_RULE_|HUNSPELL_|.*_SPELLING(?:_RULE)?$|I_LOWERCASE$")
# Categories of spellings other than the spell checker's: a word's accepted form in context (Spanish's MISSPELLING,
# "shampoo" for "champú"), a name of several words (MULTITOKEN_SPELLING), Catalan's SPELLING, Portugal's spelling
# agreements ("acção" for "ação")
_SPELLING_CATEGORIES = frozenset({"MISSPELLING", "MULTITOKEN_SPELLING", "SPELLING", "AO90_RULES_PT_PT",
                                  "AO45_RULES_PT_PT"})


def kind(category: str, issue_type: str, rule_id: str = "") -> str:
    """spelling | grammar | style: by category first (MODAL_OF is GRAMMAR with issue type misspelling).

    LanguageTool gives issue type misspelling to rules that choose between two real words in other categories
    too: Spanish's DIACRITICS ("llegara" for "llegará", SUBJUNTIVO_FUTURO; "tu" for "tú"), Brazil's BR_SPELLING
    ("falamos" for "falámos"). Those are grammar, as the confused words filed under TYPOS are: spelling is the
    spell checker's, and the spelling categories'."""
    if rule_id in _TYPO_RULES or _DOUBLED_WORD.match(rule_id):
        return "grammar"
    if category == "TYPOS":
        return "spelling" if _SPELL_CHECKER.match(rule_id) or not rule_id else "grammar"
    if category in _SPELLING_CATEGORIES:
        return "spelling"
    if category in _GRAMMAR_CATEGORIES:
        return "grammar"
    if category in _STYLE_CATEGORIES:
        return "style"
    if issue_type == "misspelling":
        return "spelling" if _SPELL_CHECKER.match(rule_id) or not rule_id else "grammar"
    if issue_type in _STYLE_ISSUES:
        return "style"
    return "grammar"


@dataclass(frozen=True)
class GrammarOptions:
    mode: str
    language: str
    dictionary: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    disabled_categories: tuple[str, ...]
    enabled_rules: tuple[str, ...]
    enabled_categories: tuple[str, ...]
    picky: bool
    cache: bool
    mode_location: Location | None = None  # where the settings name the server; None: the command line


def grammar_options(ctx: RuleContext) -> GrammarOptions:
    """pack.yaml ``grammar:`` refined by the rule's own options; wrong types are located errors."""
    pack = ctx.pack
    merged: dict[str, Any] = {}
    where: dict[str, Location | None] = {}
    if pack is not None and isinstance(pack.meta.grammar, Mapping):
        for key, value in pack.meta.grammar.items():
            loc = pack.origin.location(("grammar", key), key=True) if pack.origin else None
            if key not in KEYS:
                close = difflib.get_close_matches(str(key), KEYS, n=1)
                raise ConfigError(f"unknown grammar setting '{key}'", loc,
                                  f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(KEYS)}.")
            merged[key], where[key] = value, loc
    if "mode" in ctx.options:
        merged["mode"] = ctx.options["mode"]
        where["mode"] = ctx.value_locations.get(GRAMMAR_MODE)  # (None: given on the command line)
    # A rule's own options (rules: options: spelling: ...) add to the pack's lists and replace its
    # other settings; their defaults (empty, None) leave the pack's as they are.
    own = {key: ctx.options[key] for key in RULE_OPTIONS if ctx.options.get(key) not in (None, "", [], ())}
    for key, value in own.items():
        where[key] = next((loc for (rule, opt), loc in ctx.value_locations.items()
                           if opt == key and rule in _RULE_KEYS), None)
        if key not in _LIST_KEYS:
            merged[key] = value
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        words: list[str] = []
        for value in (merged.get(key, []), own.get(key, [])):
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"grammar setting '{key}' must be a list of words", where.get(key),
                                  f"For example: {key}: [{'Northwind' if key == 'dictionary' else 'EN_QUOTES'}]")
            words.extend(value)
        lists[key] = tuple(dict.fromkeys(words))
    for key in ("picky", "cache"):
        if key in merged and not isinstance(merged[key], bool):
            raise ConfigError(f"grammar setting '{key}' must be true or false", where.get(key))
    language = str(merged.get("language") or (pack.meta.locale if pack is not None else ctx.text_locale or "en-US"))
    mode = str(merged.get("mode") or "off")
    if mode == "local":  # (said before a server starts, where it is set)
        _refuse_a_language_the_local_server_lacks(language, where.get("language")
                                                  or (pack.origin.location(("locale",))
                                                      if pack is not None and pack.origin else None))
    return GrammarOptions(mode=mode, language=language, picky=bool(merged.get("picky", False)),
                          cache=bool(merged.get("cache", True)), mode_location=where.get("mode"), **lists)


def _refuse_a_language_the_local_server_lacks(language: str, location: Location | None) -> None:
    """A ConfigError at ``location`` when the local server was not assembled with ``language``'s module."""
    from scriptkit.engines.lt_server import language_name, local_languages, names_in_words

    has, code = local_languages(), base_language(language)
    if code not in has:
        name = language_name(code)
        raise ConfigError(
            f"the local LanguageTool server does not check {name} ({language}); it has {names_in_words(has)}",
            location,
            # (lint_pack and lint_text say "grammar=" for "--grammar" to a Python caller: linting._said_to_the_caller)
            f"Add {name} to it once: run `make languagetool LANGUAGES={code}` in scriptkit's folder, or after a "
            "pip install `python -c \"from scriptkit.engines.lt_server import assemble; "
            f"assemble(languages=['{code}'])\"` "
            f"(LanguageTool's {name} module is fetched with Maven). Or give --grammar the URL of a LanguageTool "
            f"server that has {name}, or set --grammar off for this pack.")


def document_parts(message: Message, pack: Pack | None) -> tuple[tuple[str, str | None], ...]:
    """``message.text`` as plain runs and markup runs (placeholders and blanks with stand-ins)."""
    catalogue = pack.catalogue if pack is not None else DEFAULT_CATALOGUE
    blanks: Mapping[str, Any] = {}
    if pack is not None:
        try:
            blanks = pack.script(message.script_id).blanks
        except KeyError:
            blanks = {}
    parts: list[tuple[str, str | None]] = []
    for _s, _e, seg in message.spans():
        if isinstance(seg, Text):
            parts.extend(_text_parts(seg.text, catalogue))
        elif isinstance(seg, Placeholder):
            spec = catalogue.get(seg.name)
            parts.append((seg.canonical, (spec.sample if spec else None) or seg.fallback or "Alex"))
        elif isinstance(seg, Blank):
            spec = blanks.get(seg.name)
            example = getattr(spec, "example", None)
            parts.append((seg.marker, str(example) if example else _BLANK_STAND_IN))
    return tuple(parts)


def _text_parts(text: str, catalogue: Catalogue) -> list[tuple[str, str | None]]:
    """``text`` as plain runs and its fill-in markers and pasted helpdesk placeholders as markup, as SK407 finds
    them ('[AMOUNT]', '{{ order.number }}', '{%customer.firstName,fallback=there%}'): a reply pasted into review
    holds them as text, and read as words they were misspellings ('%customer', 'firstName')."""
    from scriptkit.rules.solution import fill_in_markers, may_hold_fill_in_marker  # (SK407's own reading)

    if not may_hold_fill_in_marker(text):
        return [(text, None)]
    parts: list[tuple[str, str | None]] = []
    pos = 0
    for start, end in fill_in_markers(text):
        if start > pos:
            parts.append((text[pos:start], None))
        parts.append((text[start:end], _marker_stand_in(text[start:end], catalogue)))
        pos = end
    if pos < len(text) or not parts:
        parts.append((text[pos:], None))
    return parts


def _marker_stand_in(marker: str, catalogue: Catalogue) -> str:
    """A word to read in a marker's place: a pasted placeholder's sample ('{{ticket.requester.first_name}}': the
    customer's first name, "Maya"), its fallback, a name; a fill-in marker ('[AMOUNT]', 'TBD') as a blank's."""
    from scriptkit.placeholders import HELPDESK_VARIABLE, helpdesk_spellings

    found = HELPDESK_VARIABLE.fullmatch(marker.strip())
    if found is None:
        return _BLANK_STAND_IN
    name = found["mustache"] or found["helpscout"] or found["salesforce"]
    for canonical in (name, *helpdesk_spellings().get(name, {})):
        spec = catalogue.get(canonical)
        if spec is not None and spec.sample:
            return str(spec.sample)
    return found["fallback"] or "Alex"


@dataclass(frozen=True)
class Hit:
    """A LanguageTool match kept for a message, already sorted into a kind."""

    kind: str
    start: int
    end: int
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...]


def _markup_ranges(parts: Sequence[tuple[str, str | None]]) -> list[tuple[int, int]]:
    ranges, pos = [], 0
    for raw, stand_in in parts:
        if stand_in is not None:
            ranges.append((pos, pos + len(raw)))
        pos += len(raw)
    return ranges


def _dictionary_ranges(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    ranges = []
    for word in words:
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            ranges.append((m.start(), m.end()))
    return ranges


def hits(messages: Sequence[Message], ctx: RuleContext) -> list[list[Hit]]:
    """LanguageTool's matches for each message; every grammar rule asks, the checker answers once."""
    from scriptkit.engines.languagetool import Document, checker

    opts = grammar_options(ctx)
    out: list[list[Hit]] = [[] for _ in messages]
    if opts.mode == "off":
        return out
    language = base_language(opts.language)
    notes = _internal_notes(ctx.pack)
    # (a reply in another language would be all misspellings to the checker: SK006 reports it instead;
    # an internal note is never sent to the customer, and check drops a reply rule's findings in one:
    # it is not sent to the server either)
    checked = [i for i, m in enumerate(messages)
               if m.script_id not in notes and written_language(m) in (None, language)]
    if not checked:
        return out
    parts = [document_parts(messages[i], ctx.pack) for i in checked]
    try:
        found = checker(opts.mode, cache=opts.cache).check([Document(p) for p in parts], settings(opts))
    except EngineUnavailable as exc:
        if exc.location is not None or opts.mode_location is None or opts.mode == "local":
            raise
        # (a server named in pack.yaml or scriptkit.toml that does not answer is said at its line)
        raise EngineUnavailable(exc.message, opts.mode_location, exc.hint) from None
    for i, doc_parts, matches in zip(checked, parts, found, strict=True):
        out[i] = kept(messages[i], doc_parts, matches, opts)
    return out


def _internal_notes(pack: Pack | None) -> frozenset[str]:
    """The ids of the pack's scripts that are Zendesk internal notes (``export: zendesk: public: false``),
    told as check tells them."""
    if pack is None:
        return frozenset()
    from scriptkit.linting import internal_note  # (linting imports the rules)

    return frozenset(s.id for s in pack.scripts if internal_note(pack, s) is not None)


# LanguageTool rules off by default for a language, unless the pack's enabled_rules name them: in British
# English "-ise" is as correct as "-ize", so "apologise" is not a mistake to a British team.
_OFF_BY_DEFAULT = {"en-gb": ("OXFORD_SPELLING_Z_NOT_S",)}


def settings(opts: GrammarOptions) -> Settings:
    from scriptkit.engines.languagetool import Settings

    off = _OFF_BY_DEFAULT.get(opts.language.replace("_", "-").lower(), ())
    disabled = (*opts.disabled_rules, *(rule for rule in off if rule not in opts.enabled_rules))
    return Settings(opts.language, tuple(dict.fromkeys(disabled)), opts.enabled_rules, opts.disabled_categories,
                    opts.enabled_categories, opts.picky)


def kept(message: Message, doc_parts: Sequence[tuple[str, str | None]], matches: Iterable[LTMatch],
         opts: GrammarOptions) -> list[Hit]:
    """The matches worth reporting for ``message``, sorted into kinds."""
    from scriptkit.engines.languagetool import UNCHECKED

    text = message.text
    ours = _markup_ranges(doc_parts)
    known = _dictionary_ranges(text, opts.dictionary)
    framed = _frame_ranges(message)
    out = []
    for m in matches:
        if m.rule_id == UNCHECKED:  # the server failed on this reply: said at the script's first line, never dropped
            start, end = _first_written_line(message)
            out.append(Hit("unchecked", start, end, m.rule_id, "", m.message, ()))
            continue
        if any(m.start < b and a < max(m.end, m.start + 1) for a, b in ours):
            continue  # about a placeholder's stand-in, not about the writer's text
        if m.rule_id in _ARTICLE_RULES and _next_word_is_ours(text, m.end, ours):
            continue  # "a {{ blank.item }}": the article goes by what the agent fills in, not by the example
        if any(a <= m.start and m.end <= b for a, b in known):
            continue  # a brand or product word from the pack's dictionary
        what = kind(m.category, m.issue_type, m.rule_id)
        if (what == "spelling" and text[m.start:m.end][:1].isupper()
                and any(a <= m.start and m.end <= b for a, b in framed)):
            continue  # a name greeted or signed with ("Hi Olwen,", "Cheers, Tamsyn Okonkwo-Breck")
        out.append(Hit(what, m.start, m.end, m.rule_id, m.category, m.message, m.replacements))
    return out


#: Rules that judge an article by the word after it alone (their match is the article): "a" or "an" before a
#: placeholder or blank reads its stand-in ("umbrella", "blue jacket"), not what is sent. (A rule whose match spans
#: the next word too, "a boots" A_NNS, touches the markup and is dropped with the others.)
_ARTICLE_RULES = frozenset({"EN_A_VS_AN"})


def _next_word_is_ours(text: str, end: int, ours: Sequence[tuple[int, int]]) -> bool:
    """Whether the next word after ``end`` in ``text`` is a placeholder's or blank's (a range of ``ours``)."""
    start = len(text) - len(text[end:].lstrip()) if end < len(text) else end
    return any(a == start for a, _ in ours)


def _frame_ranges(message: Message) -> list[tuple[int, int]]:
    """``[start, end)`` of the greeting and sign-off lines in ``message``: a layout's, or those review reads
    as such. A capitalised word the spell checker does not know there is taken for a name: a name is not
    told from a misspelt word by its suggestions ("Olwen": "Owen"), but a line is only read as a greeting or
    sign-off when its greeting or closing words are spelt right, so a misspelt closing ("Thnaks,") stays."""
    return [(start, end) for start, end, seg in message.spans()
            if isinstance(seg, Text) and seg.slot in ("greeting", "signoff")]


_WRITTEN_SLOTS = frozenset({"acknowledgment", "warm_language", "solution", "flexibility", "other"})


def _first_written_line(message: Message) -> tuple[int, int]:
    """``[start, end)`` of the first line the script's writer wrote in ``message`` (not the layout's greeting)."""
    for start, end, seg in message.spans():
        if isinstance(seg, Text) and seg.slot in _WRITTEN_SLOTS and seg.text.strip():
            line_end = message.text.find("\n", start, end)
            return start, line_end if line_end >= 0 else end
    return 0, len(message.text.split("\n", 1)[0])


def _one_edit_cost(a: str, b: str) -> float | None:
    """How far ``b`` is from ``a`` when it is one edit away: 0.5 for two neighbours swapped (every letter
    kept: "recieved" is closer to "received" than to "relieved"), 1 for a letter added, dropped or
    changed; None when it is further (or the same)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return 1.0
        swapped = (len(diff) == 2 and diff[1] == diff[0] + 1
                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
        return 0.5 if swapped else None
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return 1.0 if any(long_[:i] + long_[i + 1:] == short for i in range(len(long_))) else None


@dataclass(frozen=True)
class _Run:
    """What a finding's advice reads beyond its reply: whether the run checks a pack (or reviews free text), and
    the capitalised words the spell checker does not know that recur in the run (a name of the team's, likely)."""

    in_pack: bool
    language: str  # the one LanguageTool checked the run in
    recurring_names: frozenset[str]


def _recurring_names(messages: Sequence[Message], found: Sequence[Sequence[Hit]]) -> frozenset[str]:
    counts = Counter(word for message, hits_of in zip(messages, found, strict=True) for hit in hits_of
                     if hit.kind == "spelling" and (word := message.text[hit.start:hit.end])[:1].isupper()
                     and word.isalpha() and not word.isupper())
    return frozenset(word for word, count in counts.items() if count >= 2)


_LOCALE_SETTING = {True: "set locale: {0} in pack.yaml", False: "review it with --locale {0}"}


def _locale_advice(region: str, run: _Run) -> str:
    """What to do about a British spelling (``region`` en-GB) in a reply checked as American, or the other way
    round."""
    spelt, where = "British" if region == "en-GB" else "American", "pack" if run.in_pack else "reply"
    return (f"{spelt} spelling in an {run.language} {where}: {_LOCALE_SETTING[run.in_pack].format(region)} "
            f"if your team writes {spelt} English (or use the {run.language} spelling).")


def _dictionary_advice(word: str, replacements: Sequence[str], in_pack: bool) -> str:
    where = ("add it under grammar: dictionary: in pack.yaml" if in_pack
             else "add it to dictionary under [options.spelling] in scriptkit.toml")
    told = f" ({', '.join(replacements[:3])})" if replacements else ""
    return f"'{word}' recurs: if it is a name your team uses, {where}; else correct it{told}."


class _LanguageToolRule(Rule):
    kind: ClassVar[str]
    options: ClassVar[Mapping[str, Any]] = RULE_OPTIONS
    reads_alternatives = True

    def check_batch(self, messages: list[Message], ctx: RuleContext) -> Iterable[tuple[Message, Finding]]:
        found_all = hits(messages, ctx)
        run = _Run(ctx.pack is not None, grammar_options(ctx).language, _recurring_names(messages, found_all))
        for message, found in zip(messages, found_all, strict=True):
            for hit in found:
                if hit.kind == self.kind:
                    yield message, self.finding(message, hit, run)
                elif hit.kind == "unchecked" and self.kind == "grammar":  # (said once, by SK902)
                    yield message, Finding(
                        hit.start, hit.end, "LanguageTool could not check this reply, so its grammar and spelling "
                        f"are unchecked: {hit.message.removesuffix('.')}.", "Read it over yourself, or reword its "
                        "first words (a blank or placeholder at the very start can trip LanguageTool).",
                        severity=Severity.SUGGESTION)

    def finding(self, message: Message, hit: Hit, run: _Run) -> Finding:
        suggestion = ", ".join(hit.replacements[:3]) or None
        return Finding(hit.start, hit.end, f"{hit.message.rstrip()} [LanguageTool {hit.rule_id}]", suggestion,
                       hit.replacements[0] if hit.replacements else None)


_OPTIONS_DOC = """Set under `grammar:` in pack.yaml (shared by SK901-SK903), or for one rule under
    `rules:` → `options:` → its name or code (`spelling: {dictionary: [Acme]}`, which adds to the
    pack's dictionary; in scriptkit.toml `[options.spelling]`): `language` (default: the pack's
    locale), `dictionary` (brand and product words never to flag), `disabled_rules` /
    `enabled_rules` (LanguageTool rule ids), `disabled_categories` / `enabled_categories` (e.g.
    `TYPOGRAPHY`, `CASING`), `picky` (LanguageTool's picky level), `cache` (default true). The
    server comes from `--grammar off|local|URL` or `grammar: {mode: ...}`."""


@register
class Spelling(_LanguageToolRule):
    """A word LanguageTool's spell checker does not know.

    ## What it does
    Sends the rendered reply to LanguageTool and reports its spell checker's matches (category
    `TYPOS`, e.g. `MORFOLOGIK_RULE_EN_US`, `MORFOLOGIK_RULE_ES`) and those of its spelling categories
    (`MISSPELLING`: "shampoo" for "champú"; `MULTITOKEN_SPELLING`), with LanguageTool's rule id and its
    suggestions. A real word where another is meant is grammar (SK902), whatever LanguageTool's issue type:
    a missing accent that changes the word ("llegara" for "llegará", `DIACRITICS`).
    Placeholders and blanks are read as stand-in words, so `{{customer.first_name}}` is never
    a misspelling; words in the pack's dictionary are never flagged, nor is a capitalised word
    in a greeting or sign-off ("Hi Olwen,", "Cheers, Tamsyn"): it is taken for a name.

    ## Why it matters
    A typo in a macro goes out in every reply that uses it, and reads as carelessness at the
    moment a customer is judging whether you care.

    ## Example
    "I recieved your message and I'm sorry for the trouble."

    ## Use instead
    "I received your message and I'm sorry for the trouble."

    ## Options
    {options}

    ## Fix safety
    Safe only for a plain spelling fix of the spell checker's: a lowercase word whose first suggestion is one edit
    away (a letter added, dropped, changed or two swapped) and no other suggestion is as close
    (a swap keeps every letter, so it is closer than a change), in literal YAML text. Other
    suggestions are shown, never applied: a product name missing from the dictionary must not
    be "corrected", and "realy" (one letter from "real" and from "really") is for a person to
    choose.
    """

    code = "SK901"
    name = "spelling"
    kind = "spelling"
    fix_safe = True
    bad_examples = (Example.of(acknowledgment="I recieved your message and I'm sorry for the trouble.",
                               solution="I've sent a replacement today, and it will arrive on Friday."),)
    good_examples = (Example.of(acknowledgment="I received your message and I'm sorry for the trouble.",
                                solution="I've sent a replacement today, and it will arrive on Friday."),)

    def finding(self, message: Message, hit: Hit, run: _Run) -> Finding:
        word = message.text[hit.start:hit.end]
        first = hit.replacements[0] if hit.replacements else None
        message_text = f"possible spelling mistake '{word}' [LanguageTool {hit.rule_id}]"
        region = regional_twin(word, first) if first is not None else None
        if region is not None:  # ("apologise" for "apologize": the pack's locale is in question, not the word)
            return Finding(hit.start, hit.end, message_text, _locale_advice(region, run))
        if word in run.recurring_names:
            return Finding(hit.start, hit.end, message_text, _dictionary_advice(word, hit.replacements, run.in_pack))
        # (and only when no other suggestion is as close: "realy" is one letter from "real" and from "really")
        cost = _one_edit_cost(word, first) if first is not None else None
        # (the spell checker's only: a rule of a spelling category reads a real word in context, "aces" for "haces")
        plain = (first is not None and cost is not None and word.isalpha() and word.islower() and first.islower()
                 and _SPELL_CHECKER.match(hit.rule_id) is not None
                 and not any((c := _one_edit_cost(word.lower(), other.lower())) is not None and c <= cost
                             for other in hit.replacements[1:]))
        suggestion = ", ".join(hit.replacements[:3]) or None
        return Finding(hit.start, hit.end, message_text, suggestion, first if plain else None)


@register
class GrammarMistake(_LanguageToolRule):
    """A grammar mistake LanguageTool is confident about: agreement, confused words, wrong forms.

    ## What it does
    Reports LanguageTool's grammar matches (categories `GRAMMAR`, `CONFUSED_WORDS`,
    `COLLOCATIONS` and other grammar issues) in the rendered reply, the confused words it files
    as typos ("its" for "it's", "you" for "your", in LanguageTool's words: "Did you mean ...?"),
    a word whose accent changes it ("llegara" for "llegará", Spanish's `DIACRITICS`), and the typos
    it files as miscellaneous: a doubled word ("the the", "para para") and "a" before a vowel
    sound ("a email"), with the rule id and the replacements it proposes as suggestions.

    ## Why it matters
    "Your order have been shipped" or "you're order" makes a careful reply look careless, and
    a careless reply is hard to trust.

    ## Example
    "Sorry, the courier have lost your parcel."

    ## Use instead
    "Sorry, the courier has lost your parcel."

    ## Options
    {options}

    ## Fix safety
    Safe only for a doubled word ("the the" becomes "the", in any language): the one grammar fix that takes no
    judgement (LanguageTool does not flag a double that can be meant, "had had", "that that").
    Any other replacement, a confused word's too ("its" or "it's"), is LanguageTool's guess and
    may change the meaning, so it is a suggestion to review, never applied by `--fix`.
    """

    code = "SK902"
    name = "grammar-mistake"
    kind = "grammar"
    fix_safe = True  # (for a doubled word only: see finding)

    def finding(self, message: Message, hit: Hit, run: _Run) -> Finding:
        found = super().finding(message, hit, run)
        words = message.text[hit.start:hit.end].split()
        # a doubled word ("the the") loses its second copy; any other replacement is LanguageTool's guess
        doubled = (_DOUBLED_WORD.match(hit.rule_id) is not None and len(words) == 2
                   and words[0].lower() == words[1].lower() and hit.replacements[:1] == (words[0],))
        return Finding(found.start, found.end, found.message, found.suggestion, words[0] if doubled else None)
    bad_examples = (Example.of(acknowledgment="Sorry, the courier have lost your parcel.",
                               solution="I've sent a replacement today, and it will arrive on Friday."),)
    good_examples = (Example.of(acknowledgment="Sorry, the courier has lost your parcel.",
                                solution="I've sent a replacement today, and it will arrive on Friday."),)


@register
class StyleAndTypography(_LanguageToolRule):
    """Style, punctuation, casing and typography from LanguageTool.

    ## What it does
    Reports LanguageTool's matches in the style, typography, punctuation, casing and
    redundancy categories (e.g. a lowercase sentence start, whitespace before a comma, three
    sentences starting alike), with the rule id and replacements as suggestions. Doubled words
    are typos: SK902.

    ## Why it matters
    Small slips add up: a reply with stray spaces and lowercase sentence starts reads as a
    rushed template rather than a person writing to the customer.

    ## Example
    "I'm sorry for the delay , I will fix it today."

    ## Use instead
    "I'm sorry for the delay, I will fix it today."

    ## Options
    {options}

    ## Fix safety
    Unsafe: typography rules disagree with many house styles; suggestions are shown, never
    applied by `--fix`. Turn off whole categories with `disabled_categories`.
    """

    code = "SK903"
    name = "grammar-style"
    kind = "style"
    severity = Severity.SUGGESTION
    bad_examples = (Example.of(acknowledgment="I'm so sorry for the delay , and for the trouble.",
                               solution="I've sent a replacement today, and it will arrive on Friday."),)
    good_examples = (Example.of(acknowledgment="I'm so sorry for the delay, and for the trouble.",
                                solution="I've sent a replacement today, and it will arrive on Friday."),)


for _rule in (Spelling, GrammarMistake, StyleAndTypography):
    _rule.__doc__ = (_rule.__doc__ or "").replace("{options}", _OPTIONS_DOC)
_RULE_KEYS = frozenset(key for r in (Spelling, GrammarMistake, StyleAndTypography) for key in (r.code, r.name))
