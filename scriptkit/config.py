"""Lint settings from pack.yaml ``rules:``, ``scriptkit.toml`` or ``[tool.scriptkit]`` in pyproject.toml.

The same keys work in all three places::

    select: [empathy, SK2]          # code, name, family or prefix; default: everything
    ignore: [corporate-phrase]
    severity: {SK201: error, readability: suggestion, SK104: off}
    options: {formal-tone: {ceiling: 0.5}}
    fail-on: warning                # error | warning | suggestion (default: warning)
    grammar: off                    # off | local | http://host:8081 (default: off)
    custom: [...]                   # brand-voice rules as YAML data (see rules/custom.py)
    files: [voice.yaml]             # more custom rules, relative to the file naming them

The project file (``scriptkit.toml``, else ``pyproject.toml`` with ``[tool.scriptkit]``,
searched upward from the pack) is read first; the pack's own ``rules:`` then refine it:
``select``, ``fail-on`` and ``grammar`` replace, ``ignore``, ``severity``, ``options`` and
``custom`` add. The default fail level is ``warning``, like ruff: a run fails on any
warning or error, while suggestions are shown but never fail it.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.errors import ConfigError, ErrorCollector, argument_named, path_error
from scriptkit.rules.base import FAMILIES, Rule, RuleContext
from scriptkit.sourcetext import MAX_FILE_BYTES, SourceText, byte_location, link_note, read_capped

if TYPE_CHECKING:
    from scriptkit.models import Pack


CONFIG_FILE = "scriptkit.toml"
#: where ``value_locations`` keeps the line of the settings' grammar server (``grammar``, ``grammar: mode:``)
GRAMMAR_MODE = ("grammar", "mode")
KEYS = ("select", "ignore", "severity", "options", "fail-on", "grammar", "custom", "files", "locale")
GRAMMAR_MODES = ("off", "local")
#: LanguageTool servers a pack's pack.yaml may name, confirmed by the person running the command (commas between)
GRAMMAR_ALLOW = "SCRIPTKIT_LT_ALLOW"
#: code and name of the warning a setting that is not applied gets (it is not a rule): a selector or option that names
#: no rule, a grammar server the pack alone names
CONFIG_CODE, CONFIG_NAME = "SK800", "setting-not-applied"
#: the name it had until the grammar-server case joined it: still selects it in a team's ignore list
CONFIG_OLD_NAME = "unknown-selector"


def names_setting_warning(selector: str) -> bool:
    """Whether ``selector`` names SK800, the settings' own warning: by its code, its name or the name it had."""
    return selector.upper() == CONFIG_CODE or selector.lower() in (CONFIG_NAME, CONFIG_OLD_NAME)

Locator = Callable[[tuple[str | int, ...], bool], Location]
_T = TypeVar("_T")


@dataclass(frozen=True)
class Selector:
    """One ``select``/``ignore``/``severity`` entry, remembering where it was written."""

    text: str
    location: Location | None = None

    def specificity(self, rule: type[Rule]) -> int:
        """How precisely this selector names ``rule``: 0 no match, higher is more specific."""
        return specificity(self.text, rule)


def specificity(selector: str, rule: type[Rule]) -> int:
    s = selector.strip()
    if s.upper() == "ALL":
        return 1
    if s.upper() == rule.code or s.lower() == rule.name:
        return 10
    if s.lower() == rule.family():
        return 3
    if re.fullmatch(r"SK\d{0,3}", s.upper()) and rule.code.startswith(s.upper()):
        return len(s)
    return 0


def matches(selector: str, rule: type[Rule]) -> bool:
    return specificity(selector, rule) > 0


def is_known(selector: str, rules: Iterable[type[Rule]]) -> bool:
    """A selector is known when it names a family, an ``SK`` prefix, or a rule among ``rules``."""
    s = selector.strip()
    if s.upper() == "ALL" or s.lower() in FAMILIES.values() or names_setting_warning(s):
        return True
    if re.fullmatch(r"SK\d{0,2}", s.upper()):
        return s.upper()[2:3] in FAMILIES or len(s) == 2
    return any(specificity(s, r) >= 10 for r in rules)


@dataclass(frozen=True, order=True)
class SettingLocation(Location):
    """Where a setting given as data (``LintConfig.from_mapping``) is: its key's path in the mapping, as
    ``<settings>: options.formal-tone.ceiling`` (no line of a file to name)."""

    key: str = ""

    def __str__(self) -> str:
        return f"{self.file}: {self.key}" if self.key else self.file


def _mapping_locator(source: str) -> Locator:
    def locate(path: tuple[str | int, ...], key: bool) -> Location:
        dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
        return SettingLocation(source, 1, 1, key=dotted)
    return locate


@dataclass
class LintConfig:
    """Which rules run, how severe they are, their options, and when a run fails.

    Settings held as data (a service's per-tenant settings) are read by ``LintConfig.from_mapping``; the
    constructor takes the values it holds (``Selector`` objects, a ``Severity``), and refuses others."""

    select: tuple[Selector, ...] = ()  # empty: every rule
    ignore: tuple[Selector, ...] = ()
    severities: tuple[tuple[Selector, Severity | None], ...] = ()  # None: off
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule name or code -> options
    option_locations: dict[str, Location | None] = field(default_factory=dict)
    value_locations: dict[tuple[str, str], Location | None] = field(default_factory=dict)  # (rule, option)
    option_key_locations: dict[tuple[str, str], Location | None] = field(default_factory=dict)  # (rule, option)
    fail_on: Severity = Severity.WARNING
    grammar: str = "off"
    #: a server's URL that only the pack (pack.yaml) names: not contacted, grammar is off, and ``problems`` says
    #: how to confirm it (a pack is anyone's input; a pull request may name any host there)
    unconfirmed_grammar: str | None = None
    #: the English free text is written in ("en-GB": "whilst" is no stiff word, "apologise", "working days");
    #: None: not said. A pack's own is the locale of its pack.yaml.
    locale: str | None = None
    custom: tuple[type[Rule], ...] = ()
    sources: tuple[str, ...] = ()  # files the settings came from
    #: settings files further from the pack than the one read, so not read (each table's place, the file read)
    hidden: tuple[tuple[Location, str], ...] = ()
    # per-run memo (review lints one short text at a time); not copied by replace()
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # (a str where selectors go was iterated letter by letter deep in a run, an AttributeError; a misspelt
        # grammar mode was taken for a server's host name and contacted)
        for name in ("select", "ignore"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(item, Selector) for item in value):
                _not_settings(name, value, "a tuple of scriptkit.config.Selector objects, such as "
                              f"{name}=(Selector('SK201'),)", f"{{'{name}': ['SK201']}}", Selector)
        if not isinstance(self.severities, tuple) or not all(
                isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Selector)
                and isinstance(item[1], Severity | None) for item in self.severities):
            _not_settings("severities", self.severities, "(Selector, Severity or None) pairs",
                          "{'severity': {'SK404': 'error'}}")
        if not isinstance(self.options, dict) or not all(isinstance(v, Mapping) for v in self.options.values()):
            _not_settings("options", self.options, "a mapping of rule names to mappings of option values",
                          "{'options': {'formal-tone': {'ceiling': 0.5}}}")
        if not isinstance(self.custom, tuple) or not all(isinstance(r, type) and issubclass(r, Rule)
                                                         for r in self.custom):
            _not_settings("custom", self.custom, "a tuple of rule classes", "{'custom': [...]}")
        self.fail_on = parse_severity(self.fail_on, None)
        if self.grammar != "off":  # (parsed already when read from settings: parsing again keeps it)
            self.grammar = parse_grammar(self.grammar, None)
        if self.locale is not None:
            self.locale = parse_locale(self.locale, None)

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any], source: str = "<settings>") -> LintConfig:
        """Settings held as data (a service's per-tenant settings in its database), read as a ``scriptkit.toml``
        holding them is: the same keys (``select``, ``ignore``, ``severity``, ``options``, ``fail-on``, ``grammar``,
        ``locale``, ``custom``; ``fail_on`` too), the same checks, and defaults for the rest. A wrong or unknown
        setting raises ``ConfigError`` (several: an ``ErrorGroup``) named by ``source`` and its key's path in the
        mapping (``<settings>: options.formal-tone.ceiling``). ``files`` names rule files relative to the working
        folder. ``override`` puts a caller's choices on top, as on any config."""
        from scriptkit.linting import check_argument  # (linting imports this module)

        check_argument(settings, Mapping, "LintConfig.from_mapping", "the settings", "a mapping (a dict)",
                       "Parse the text first: json.loads(text) or tomllib.loads(text)." if isinstance(
                           settings, str | bytes) else None)
        check_argument(source, str, "LintConfig.from_mapping", "source", "a str naming the settings in messages")
        errors = ErrorCollector()
        config = _merge(cls(), _Raw(settings, _mapping_locator(source), Path.cwd(), source, True), errors)
        _check_against_rules(config, errors)
        errors.raise_if_any()
        return config

    # ------------------------------------------------------------ selection

    def enabled(self, rule: type[Rule]) -> bool:
        """ruff's rule: the most specific matching selector wins; on a tie, ignore wins."""
        chosen = max((s.specificity(rule) for s in self.select), default=1) if self.select else 1
        dropped = max((s.specificity(rule) for s in self.ignore), default=0)
        if chosen == 0 or dropped >= chosen:
            return False
        return not self._turned_off(rule)  # severity: off

    def _turned_off(self, rule: type[Rule]) -> bool:
        best = self._best_severity(rule)
        return best is not None and best[1] is None

    def _best_severity(self, rule: type[Rule]) -> tuple[int, Severity | None] | None:
        best: tuple[int, Severity | None] | None = None
        for sel, sev in self.severities:
            spec = sel.specificity(rule)
            if spec and (best is None or spec >= best[0]):
                best = (spec, sev)
        return best

    def severity_for(self, rule: type[Rule]) -> Severity | None:
        """The configured severity of ``rule``, or None when none is set (or it is off)."""
        best = self._best_severity(rule)
        return best[1] if best else None

    def cached(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """``compute()`` once per config, under ``key``: what a lint run derives from the settings.

        Settings are not changed once read (``override`` makes a new config with its own memo),
        so ``scriptkit review`` linting one short text after another derives them only once.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def rules(self, available: Iterable[type[Rule]]) -> list[type[Rule]]:
        """The enabled rules among ``available`` plus this config's custom rules, by code."""
        available = _rule_classes(available, "rules")
        key = ("rules", available)
        if key not in self._memo:
            pool = {r.code: r for r in (*available, *self.custom)}
            active = [r for _, r in sorted(pool.items()) if self.enabled(r)]
            if self.grammar == "off":
                active = [r for r in active if r.family() != "grammar"]
            self._memo[key] = active
        return list(self._memo[key])

    def options_for(self, rule: type[Rule]) -> dict[str, Any]:
        """``rule``'s options: its defaults, with the settings' values for it on top."""
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            _not_rules(rule, "options_for", "rule", "a rule class (one of scriptkit.rules.all_rules())")
        key = ("options", rule)
        if key not in self._memo:
            self._memo[key] = self._options_for(rule)
        return dict(self._memo[key])

    def _options_for(self, rule: type[Rule]) -> dict[str, Any]:
        merged = dict(rule.options)
        merged.update(self.options.get(rule.code, {}))
        merged.update(self.options.get(rule.name, {}))
        if rule.family() == "grammar":
            merged["mode"] = self.grammar
        return merged

    def fails(self, severity: Severity | str) -> bool:
        """Whether a finding of ``severity`` (a Severity, or its name: ``"error"``) fails a run."""
        if not isinstance(severity, Severity):
            from scriptkit.linting import check_argument  # (linting imports this module)

            check_argument(severity, str, "LintConfig.fails", "severity",
                           "a Severity or its name ('error', 'warning' or 'suggestion')")
            severity = parse_severity(severity, None)
        return severity.rank >= self.fail_on.rank

    # ------------------------------------------------------------ problems

    def problems(self, available: Iterable[type[Rule]]) -> list[Diagnostic]:
        """A warning for every selector or option name that matches no rule."""
        rules = [*_rule_classes(available, "problems"), *self.custom]
        out: list[Diagnostic] = []
        seen: set[tuple[str, Location | None]] = set()
        for what, sel in [*(("select", s) for s in self.select), *(("ignore", s) for s in self.ignore),
                          *(("severity", s) for s, _ in self.severities)]:
            if not is_known(sel.text, rules) and (sel.text, sel.location) not in seen:
                seen.add((sel.text, sel.location))
                out.append(unknown_selector(sel.text, sel.location, rules, what))
        for key, opts in self.options.items():
            rule = next((r for r in rules if key in (r.code, r.name)), None)
            loc = self.option_locations.get(key)
            if rule is None:
                out.append(unknown_selector(key, loc, rules, "options"))
                continue
            for opt in opts:
                if rule.options and opt not in rule.options:
                    close = difflib.get_close_matches(opt, list(rule.options), n=1)
                    hint = (f"Did you mean '{close[0]}'?" if close else
                            f"Its options are {', '.join(sorted(rule.options))}.")
                    diag = _config_warning(f"rule {rule.code} [{rule.name}] has no option '{opt}'",
                                           self.option_key_locations.get((key, opt)) or loc, hint)
                    diag.text = opt
                    out.append(diag)
                elif not rule.options:
                    out.append(_config_warning(f"rule {rule.code} [{rule.name}] takes no options", loc,
                                               "Remove this entry."))
        numbered = {r.code: r for r in self.custom if getattr(r, "numbered", False)}
        selectors = {(s, "select"): None for s in self.select} | {(s, "ignore"): None for s in self.ignore}
        for sel, option in selectors | {(s, "severity"): None for s, _ in self.severities}:
            rule = numbered.get(sel.text.upper())
            if rule is not None:  # (a note: the code is right today, and silently another rule's tomorrow)
                out.append(replace(held_by_order(rule, sel, option), severity=Severity.SUGGESTION))
        for place, read in self.hidden:  # (a note: the nearest file is read by design, as ruff reads one)
            note = _config_warning(f"these settings are not read: scriptkit reads one settings file, the nearest "
                                   f"to the pack, and that is {read}", place,
                                   f"Move what you need from here into {read} (or delete one of the two).")
            out.append(replace(note, severity=Severity.SUGGESTION))
        if self.unconfirmed_grammar is not None:
            from scriptkit.engines.lt_server import shown

            url = shown(self.unconfirmed_grammar)
            out.append(_config_warning(
                f"the grammar server {url} is named by the pack only, so it is not contacted and grammar checks "
                "are off: a pack may come from anyone", self.value_locations.get(GRAMMAR_MODE),
                f"If you trust that server, run with --grammar {url}, set {GRAMMAR_ALLOW}={url}, or set "
                f'grammar = "{url}" in your scriptkit.toml.'))
        return out

    # ------------------------------------------------------------ command-line overrides

    def override(self, *, select: str | Sequence[str] | None = None, ignore: str | Sequence[str] = (),
                 fail_on: str | None = None, grammar: str | None = None, locale: str | None = None,
                 **unknown: object) -> LintConfig:
        """A copy with command-line choices on top: ``--ignore`` adds to the settings' ignore; ``--select`` starts
        the selection afresh, as in ruff: the settings' select and ignore give way to it (``ignore = ["SK406"]`` in
        pyproject.toml does not hide ``--select SK406``), and a selection that then runs no rule is a ConfigError.

        ``select`` and ``ignore`` take a list of selectors, or one str read as ``--select`` reads
        it: ``"SK201"`` or ``"SK201,warmth"``. A ``select`` naming no known rule is a ConfigError,
        as in the settings; an unknown keyword is one too, naming the keywords there are.
        ``fail_on``: a Severity or its name; ``grammar``: ``"off"`` (or False), ``"local"`` or a
        server's URL; ``locale``: the English free text is written in ("en-GB"). A value of another type (a
        number, a dict for a list) is a ConfigError too.
        """
        if unknown:
            name = next(iter(unknown))
            close = difflib.get_close_matches(name, OVERRIDE_KEYWORDS, n=1)
            raise ConfigError(f"LintConfig.override() has no keyword '{name}'",
                              hint=(f"Did you mean '{close[0]}'? " if close else "")
                              + f"Its keywords are {', '.join(OVERRIDE_KEYWORDS)}.")
        changes: dict[str, Any] = {}
        chosen = _given_selectors(select, "select") if select is not None else ()
        if chosen:
            from scriptkit.rules import all_rules  # (the rules import this module)

            errors = ErrorCollector()
            errors.extend(selection_errors(chosen, [*all_rules(), *self.custom]))
            errors.raise_if_any()
            changes["select"] = chosen
        dropped = _given_selectors(ignore, "ignore") if ignore is not None else ()
        if chosen:  # (ruff's rule: a select given here starts afresh, the settings' select and ignore give way)
            changes["ignore"] = dropped
        elif dropped:
            changes["ignore"] = (*self.ignore, *dropped)
        if fail_on is not None:
            changes["fail_on"] = parse_severity(fail_on, None)
        if grammar is not None:  # (False is 'off', as a YAML `grammar: off` reads)
            changes["grammar"] = parse_grammar(grammar, None)
            changes["unconfirmed_grammar"] = None  # (the caller chose the server)
            # (no longer the settings' server: one that does not answer is not located at their line)
            changes["value_locations"] = {k: v for k, v in self.value_locations.items() if k != GRAMMAR_MODE}
        if locale is not None:
            changes["locale"] = parse_locale(locale, None)
        config = replace(self, **changes)
        if chosen:
            config._check_runs_a_rule(chosen)
        return config

    def _check_runs_a_rule(self, chosen: tuple[Selector, ...]) -> None:
        """A ConfigError when the rules ``chosen`` selects all give way (to ``ignore``, to the grammar being off, to
        ``severity: off``): like a selection naming no known rule, a run checking nothing would pass."""
        from scriptkit.rules import all_rules  # (the rules import this module)

        if self.rules(all_rules()):
            return
        named = ", ".join(s.text for s in chosen)
        picked = [r for r in (*all_rules(), *self.custom) if any(s.specificity(r) for s in chosen)]
        kept = [r for r in picked if not any(s.specificity(r) for s in self.ignore)]
        if kept and self.grammar == "off" and all(r.family() == "grammar" for r in kept):
            raise ConfigError(f"--select {named} runs no rule: the grammar rules run only with a grammar checker, "
                              "and grammar is off", hint="Add --grammar local (LanguageTool on this machine) or "
                              "--grammar with a server's URL, or select other rules.")
        if not picked:  # (a family none of these settings' rules is of: `--select custom` with no team rule)
            raise ConfigError(f"--select {named} runs no rule: no rule of these settings is of it",
                              hint="Run `scriptkit rules` to list the rules there are, or select others.")
        if not kept:
            raise ConfigError(f"--select {named} runs no rule: --ignore "
                              f"{', '.join(s.text for s in self.ignore)} leaves out every rule it selects",
                              hint="Take them out of --ignore, or select other rules.")
        raise ConfigError(f"--select {named} runs no rule: the settings turn off every rule it selects "
                          "(severity: off)", hint="Take them out of the settings' severity, or select other rules.")


OVERRIDE_KEYWORDS = ("select", "ignore", "fail_on", "grammar", "locale")


def _not_settings(name: str, value: object, wanted: str, example: str, kind: type | None = None) -> NoReturn:
    # (given a tuple of other things than ``kind``, the first of them is named: "not a tuple" contradicted
    # "takes a tuple")
    stray = next((item for item in value if not isinstance(item, kind)), None) if (
        kind is not None and isinstance(value, tuple)) else None
    given = (f"; the tuple given holds {argument_named(stray)}" if stray is not None
             else f", not {argument_named(value)}")
    raise ConfigError(f"LintConfig({name}=...) takes {wanted}{given}",
                      hint=f"Give settings as data with LintConfig.from_mapping({example}), or put a caller's choices "
                      "on a config with .override(select=..., ignore=..., fail_on=...).")


def _check_against_rules(config: LintConfig, errors: ErrorCollector) -> None:
    """The errors of ``config``'s selection (one running no rule) and option values, as the rules read them."""
    if config.options or config.select:
        from scriptkit.rules import all_rules

        rules = [*all_rules(), *config.custom]
        errors.extend(selection_errors(config.select, rules))
        if config.options:
            errors.extend(option_errors(config, rules))


def _given_selectors(value: str | Sequence[str], keyword: str) -> tuple[Selector, ...]:
    """``override``'s selectors: a str is one, or several split at commas, as ``--select`` reads
    it (iterated, "SK201" was the five selectors 'S', 'K', '2', '0' and '1')."""
    if not isinstance(value, str) and (not isinstance(value, Iterable) or isinstance(value, Mapping | bytes)):
        raise ConfigError(f"LintConfig.override() takes {keyword} as a list of rule codes, names or families "
                          f"(or one str), not {argument_named(value)}",
                          hint=f"Pass a list such as {keyword}=['SK201', 'warmth'], or {keyword}='SK201,warmth'.")
    items = _split_list(value) if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"LintConfig.override() takes {keyword} as rule codes, names or families, "
                              f"not {value_kind(item)}", hint=f"Pass a list such as {keyword}=['SK201', 'warmth'].")
    return tuple(Selector(item.strip()) for item in items if item.strip())


def _rule_classes(available: object, function: str) -> tuple[type[Rule], ...]:
    """``available`` as ``LintConfig.rules`` and ``problems`` take it: rule classes."""
    wanted = "rule classes (scriptkit.rules.all_rules())"
    if not isinstance(available, Iterable) or isinstance(available, str | bytes | Mapping):
        _not_rules(available, function, "available", wanted)
    rules = tuple(available)
    for rule in rules:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            _not_rules(rule, function, "available", wanted, " among them")
    return rules


def _not_rules(value: object, function: str, name: str, wanted: str, among: str = "") -> NoReturn:
    raise ConfigError(f"LintConfig.{function}() takes {name} as {wanted}, not {argument_named(value)}{among}",
                      hint="scriptkit.rules.all_rules() lists the built-in rules; a pack's own are in "
                      "LintConfig.custom.")


def selection_errors(select: Sequence[Selector], rules: Sequence[type[Rule]]) -> list[ConfigError]:
    """An error at each entry of a ``select`` none of whose entries is known: it would run no rule,
    and a run checking nothing passes (``select: [warmthh]`` let a CI gate pass). Beside a known
    entry, an unknown one is a warning (``LintConfig.problems``): the rest still runs."""
    if any(is_known(s.text, rules) for s in select):
        return []
    errors = []
    for sel in select:
        warning = unknown_selector(sel.text, sel.location, rules, "select")
        errors.append(ConfigError(f"{warning.message}, and select names no known rule beside it: no rule would run",
                                  sel.location, warning.suggestion))
    return errors


def option_errors(config: LintConfig, rules: Iterable[type[Rule]]) -> list[ConfigError]:
    """Every option value of ``rules`` that is wrong, located: all of them, for one run to report.

    A value not of its default's type (text where a number goes, say) is found here; one a
    built-in rule refuses (out of its range, a list holding a number: ``scriptkit.rules.options``)
    is found by that rule reading it, which it does at the start of its check. Found as the pack
    was linted, the first refusal ended the run and hid the others; so each such value is read
    here, alone, by its rule's check of a one-line reply.
    """
    errors: list[ConfigError] = []
    probe: Any = None  # the reply, made once and only if some option needs its rule to read it
    for rule in rules:
        for key in (rule.code, rule.name):
            for opt, value in config.options.get(key, {}).items():
                if opt not in rule.options:
                    continue  # an unknown option: a warning from problems()
                expected = _expected_kind(rule.options[opt], value)
                if expected is not None:  # (said once, as the wrong kind, not again as out of range)
                    errors.append(ConfigError(
                        f"option '{opt}' of rule {rule.code} [{rule.name}] must be {expected}, not {value_kind(value)}",
                        config.value_locations.get((key, opt)) or config.option_locations.get(key),
                        f"Its default is {_shown(rule.options[opt])}."))
                elif rule.__module__.startswith("scriptkit.rules.") and rule.family() != "grammar":
                    # (a plugin's check may do anything, grammar's reaches a server: they report as they run)
                    if probe is None:
                        from scriptkit.linting import text_message  # (linting imports this module)

                        probe = text_message("Thanks for writing in.")[0]
                    context = RuleContext(None, {**rule.options, opt: value}, config.value_locations)
                    try:
                        for _ in rule().check(probe, context):
                            pass
                    except ConfigError as exc:
                        errors.append(exc)
    return errors


def _expected_kind(default: Any, value: Any) -> str | None:
    """What ``value`` should be to stand in for ``default``, or None when it fits."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "true or false"
    if isinstance(default, int):  # (2.5 too: the rule's reader decides, as options.number takes it; integer does not)
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "a whole number"
    if isinstance(default, float):
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "a number"
    if isinstance(default, str):
        return None if isinstance(value, str) else "text"
    if isinstance(default, (list, tuple)):
        return None if isinstance(value, list) else "a list"
    if isinstance(default, Mapping):
        return None if isinstance(value, Mapping) else "a mapping"
    return None


def value_kind(value: Any) -> str:
    """A setting's value as a writer reads it in YAML ("text 'yes'", "nothing (null)"), not Python's repr."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text '{value}'"
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, Mapping) else type(value).__name__


def _shown(default: Any) -> str:
    if isinstance(default, bool):
        return str(default).lower()
    if isinstance(default, Mapping):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in default.items()) + "}"
    if isinstance(default, (list, tuple)):
        return "[" + ", ".join(_shown(v) for v in default) + "]"
    return str(default)


def unknown_selector(text: str, location: Location | None, rules: Sequence[type[Rule]], where: str) -> Diagnostic:
    from scriptkit.targets.checks import find as find_export_check

    names = [r.code for r in rules] + [r.name for r in rules] + list(FAMILIES.values())
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.6)
    hint = f"Did you mean '{close[0]}'?" if close else "Run `scriptkit rules` to list codes, names and families."
    check = find_export_check(text)
    if check is not None:  # not a typo: a check of `scriptkit export`, which these settings do not reach
        hint = (f"{check.code} [{check.name}] is an export check: `scriptkit export` runs it for each helpdesk, "
                f"and lint settings do not select or ignore it (see `scriptkit rule {check.code}`).")
    diag = _config_warning(f"unknown rule selector '{text}' in {where}", location, hint)
    diag.text = text
    return diag


# the verbs of a '# scriptkit: VERB' comment (linting.py reads them)
SUPPRESSION_VERBS = ("ignore", "ignore-file", "noqa")


def unknown_suppression(verb: str, location: Location) -> Diagnostic:
    """A '# scriptkit: VERB' comment whose verb is none of SUPPRESSION_VERBS: a typo that would
    otherwise switch nothing off without a word."""
    close = difflib.get_close_matches(verb.lower(), SUPPRESSION_VERBS, n=1, cutoff=0.6) if verb else []
    hint = (f"Did you mean '# scriptkit: {close[0]}'?" if close else
            "A suppression reads '# scriptkit: ignore CODES' (its line) or '# scriptkit: ignore-file CODES' "
            "(the whole file).")
    if not verb:  # a bare '# scriptkit:'
        return _config_warning("empty suppression '# scriptkit:': it names no verb and switches nothing off",
                               location, hint)
    warning = _config_warning(f"unknown suppression '# scriptkit: {verb}': it switches nothing off", location, hint)
    warning.text = verb  # (the text report underlines the whole verb, not its first letter)
    return warning


def held_by_order(rule: type[Rule], sel: Selector, option: str) -> Diagnostic:
    """The note that ``sel`` names ``rule`` by a code it holds only by the order of the team rules. Given on the
    command line (no location), it is worded for it and placed at the rule, where its code would be pinned: at
    ``<config>`` a CI annotation pointed at no file."""
    why = "only by the order of these settings' team rules: another pack, or one more rule, numbers it otherwise"
    pin = f"pin the code in its rule (code: {rule.code})"
    if sel.location is not None:
        return _config_warning(f"{rule.code} is {rule.name}'s code {why}", sel.location,
                               f"Write its name, {rule.name}, or {pin}.")
    return _config_warning(f"--{option} {sel.text} names {rule.name} by a code it holds {why}",
                           getattr(rule, "written_at", None), f"Write --{option} {rule.name}, or {pin}.")


def _config_warning(message: str, location: Location | None, hint: str) -> Diagnostic:
    return Diagnostic(code=CONFIG_CODE, name=CONFIG_NAME, message=message, severity=Severity.WARNING,
                      location=location or Location("<config>", 1, 1), suggestion=hint)


def check_selectors(selectors: Iterable[str], rules: Sequence[type[Rule]], option: str) -> None:
    """Command-line selectors must be known: a typo there is a usage error (exit 2)."""
    for sel in selectors:
        if not is_known(sel, rules):
            warning = unknown_selector(sel, None, rules, option)
            raise ConfigError(warning.message, hint=warning.suggestion)


def parse_severity(value: Any, location: Location | None) -> Severity:
    if isinstance(value, Severity):  # (str() of one is 'Severity.ERROR')
        return value
    try:
        return Severity.parse(str(value))
    except ValueError:
        raise ConfigError(f"'{value}' is not a severity", location,
                          "Use one of: error, warning, suggestion.") from None


# a server named without its scheme: 'lt.internal:8081', 'localhost', '10.0.0.5:8010/v2'
# (not a bare number, "0.5": that is no server)
_BARE_SERVER = re.compile(r"(?![\d.]+$)(?:localhost|[\w-]+(?:\.[\w-]+)+|[\w.-]+:\d+)(?::\d+)?(?:/\S*)?", re.IGNORECASE)


def parse_grammar(value: Any, location: Location | None) -> str:
    """A grammar setting (``--grammar`` or ``grammar:``): 'off', 'local' or a server's URL; a near miss
    ('lcoal', a server without its scheme) is a ConfigError that says what was meant."""
    text = "off" if value is False else str(value).strip()
    if text.lower() in GRAMMAR_MODES:
        return text.lower()
    if re.match(r"^https?://[^\s/]+", text):
        from urllib.parse import urlsplit, urlunsplit

        from scriptkit.engines.lt_server import shown

        try:
            parts = urlsplit(text)
            parts.port  # noqa: B018 (a port that is no number is a ValueError here, not deep in a check)
        except ValueError as exc:
            raise ConfigError(f"'{shown(text)}' is not a server's URL ({exc})", location,
                              "Write it as http://host:port, e.g. http://lt.internal:8081.") from None
        # (the server's root: LanguageTool's docs give its API's base, ".../v2", or a call, ".../v2/check", and
        # scriptkit adds "/v2/check" itself, to the path before a query; a fragment is never sent)
        path = re.sub(r"/v2(?:/check)?$", "", parts.path.rstrip("/"))
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    close = difflib.get_close_matches(text.lower(), GRAMMAR_MODES, n=1)
    if _BARE_SERVER.fullmatch(text):  # (before a mode: 'localhost' is a server, not 'local')
        hint = f"A server is given by its URL: did you mean 'http://{text}'?"
    elif close:
        hint = f"Did you mean '{close[0]}'?"
    else:
        hint = "Use 'off', 'local' (a LanguageTool server started for you) or the URL of a server."
    raise ConfigError(f"'{value}' is not a grammar mode", location, hint)


_ENGLISH_LOCALE = re.compile(r"en(?:[-_](?P<region>[A-Za-z]{2}))?", re.IGNORECASE)
_OTHER_LOCALE = re.compile(r"(?P<language>[A-Za-z]{2})(?:[-_](?P<region>[A-Za-z]{2}))?")


def parse_locale(value: Any, location: Location | None) -> str:
    """A ``locale`` setting (``--locale``): the locale free text is written in, 'en-GB' for 'en_gb'. An English one
    gives the dialect; another language's ('es-ES', 'pt_br') is treated as a pack.yaml's ``locale:`` of it: the
    rules that read English judge only a reply that reads as English (SK006 says so)."""
    from scriptkit.language import LOCALES, NAMES

    if not isinstance(value, str):
        raise ConfigError(f"locale should be text such as \"en-GB\", not {argument_named(value)}", location)
    text = value.strip()
    found = _ENGLISH_LOCALE.fullmatch(text)
    region = found["region"].upper() if found is not None and found["region"] else None
    if found is not None and region != "UK":
        return f"en-{region}" if region else "en"
    other = _OTHER_LOCALE.fullmatch(text)
    # ('uk' alone is refused, as before: meant for the United Kingdom, it made every English reply Ukrainian)
    if other is not None and other["language"].lower() in NAMES and found is None and text.lower() != "uk":
        language = other["language"].lower()
        return f"{language}-{other['region'].upper()}" if other["region"] else language
    if region == "UK" or text.lower() in ("uk", "gb"):
        raise ConfigError(f"locale {text!r} is not a locale (the region code of the United Kingdom is GB)", location,
                          "Write en-GB." if region == "UK" else "The United Kingdom's is en-GB.")
    from scriptkit.loading import _NOT_LANGUAGES, _meant_locale  # (the words pack.yaml's locale: is told with)

    country = _NOT_LANGUAGES.get(other["language"].lower()) if other is not None else None
    meant = (f"{country[0]}-{(other['region'] or country[0]).upper()}" if country and other is not None
             else _meant_locale(text))
    raise ConfigError(f"locale {text!r} is not a language code" + (f": it is {country[1]}'s country code" if country
                                                                   else ""), location,
                      (f"Did you mean '{meant}'? " if meant else "") + "Give a language code with its region: "
                      f"{', '.join(LOCALES[code] for code in ('en', 'es', 'pt', 'fr', 'de'))}, en-GB...")


# ---------------------------------------------------------------- reading settings

@dataclass
class _Raw:
    """One source of settings: its mapping and how to locate a key or value in it."""

    data: Mapping[str, Any]
    locate: Locator
    base: Path  # where relative paths (files:) are resolved
    name: str
    as_data: bool = False  # given to LintConfig.from_mapping: a project's settings, though in no file


def _split_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list | tuple):  # (a tuple, as settings held as data may give, is a list: a value was
        return list(value)                # its one entry, and "('SK201',)" not a rule code)
    return [value]


def rules_inline(rules: Mapping[str, Any], base: Path) -> dict[str, Any]:
    """``rules`` settings with the rules of each file under ``files:`` (relative to ``base``) written into
    ``custom:``, for settings carried whole where the files are not (the JSON export). As written when a file
    cannot be read: the import then names it, located, as the check does."""
    from scriptkit.rules.custom import read_rule_file

    if rules.get("files") is None:
        return dict(rules)
    errors = ErrorCollector()
    read = [spec for item in _split_list(rules["files"])
            for spec, _, _ in read_rule_file(base / str(item), Location(str(base), 1, 1), errors)]
    if errors.errors:
        return dict(rules)
    custom = rules.get("custom")
    return {**{key: value for key, value in rules.items() if key != "files"},
            "custom": [*(custom if isinstance(custom, list) else []), *read]}


def _merge(config: LintConfig, raw: _Raw, errors: ErrorCollector) -> LintConfig:
    """``config`` with the settings of one source (a project file, or pack.yaml's ``rules:``) on top."""
    from scriptkit.rules.custom import build_custom_rules, read_rule_file

    data = raw.data
    toml = raw.name.endswith(".toml")
    for key in data:
        norm = str(key).replace("_", "-")
        if norm not in KEYS:
            close = difflib.get_close_matches(norm, KEYS, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Known settings: {', '.join(KEYS)}."
            if toml and norm == "tool" and Path(raw.name).name == CONFIG_FILE:  # (pyproject.toml's table, copied)
                hint = (f"[tool.scriptkit] is for pyproject.toml; in {CONFIG_FILE} the settings need no table: "
                        "delete the [tool.scriptkit] line.")
            elif toml and norm == "scriptkit" and isinstance(data[key], dict) and Path(raw.name).name == CONFIG_FILE:
                hint = f"In {CONFIG_FILE} the settings need no table: delete the [scriptkit] line."
            elif toml and norm == "rules":  # (read_project_config reads a [rules] table holding every setting)
                hint = ("A [rules] table is read when it holds all the settings: move the lines above it under it, "
                        "or delete the [rules] line.")
            errors.add(f"unknown setting '{key}'", raw.locate((str(key),), True), hint, ConfigError)

    def get(name: str) -> tuple[str, Any] | None:
        for key in (name, name.replace("-", "_")):
            if key in data:
                return key, data[key]
        return None

    def selectors(name: str) -> tuple[Selector, ...]:
        found = get(name)
        if found is None:
            return ()
        key, value = found
        items = _split_list(value)
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, str):
                errors.add(f"'{name}' entries must be rule codes, names or families", raw.locate((key, i), False),
                           kind=ConfigError)
                continue
            loc = raw.locate((key, i), False) if isinstance(value, list | tuple) else raw.locate((key,), False)
            out.append(Selector(item.strip(), loc))
        return tuple(out)

    changes: dict[str, Any] = {"sources": (*config.sources, raw.name)}
    if get("select") is not None:
        changes["select"] = selectors("select")
    if get("ignore") is not None:
        changes["ignore"] = (*config.ignore, *selectors("ignore"))
    found = get("severity")
    if found is not None:
        key, value = found
        if not isinstance(value, Mapping):
            errors.add("'severity' must map rule selectors to error, warning, suggestion or off",
                       raw.locate((key,), False), 'e.g. a [severity] table with the line warmth = "error"' if toml
                       else "e.g. severity: {warmth: error, SK105: off}", ConfigError)
        else:
            sev: list[tuple[Selector, Severity | None]] = list(config.severities)
            for sel, level in value.items():
                loc = raw.locate((key, str(sel)), True)
                if str(level).lower() in ("off", "false", "none"):
                    sev.append((Selector(str(sel), loc), None))
                    continue
                try:
                    sev.append((Selector(str(sel), loc), parse_severity(level, raw.locate((key, str(sel)), False))))
                except ConfigError as exc:
                    errors.extend([exc])
            changes["severities"] = tuple(sev)
    found = get("options")
    if found is not None:
        key, value = found
        if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
            errors.add("'options' must map rule names to mappings of option values",
                       raw.locate((key,), False), "e.g. a [options.formal-tone] table with the line ceiling = 0.5"
                       if toml else "e.g. options: {formal-tone: {ceiling: 0.5}}", ConfigError)
        else:
            options = {k: dict(v) for k, v in config.options.items()}
            locs = dict(config.option_locations)
            value_locs = dict(config.value_locations)
            key_locs = dict(config.option_key_locations)
            for name, opts in value.items():
                options.setdefault(str(name), {}).update(dict(opts))
                locs[str(name)] = raw.locate((key, str(name)), True)
                for opt in opts:
                    value_locs[(str(name), str(opt))] = raw.locate((key, str(name), str(opt)), False)
                    key_locs[(str(name), str(opt))] = raw.locate((key, str(name), str(opt)), True)
            changes["options"] = options
            changes["option_locations"] = locs
            changes["value_locations"] = value_locs
            changes["option_key_locations"] = key_locs
    found = get("locale")
    if found is not None and not (toml or raw.as_data):  # (a pack's locale is pack.yaml's own, above its rules)
        errors.add("'locale' is set at the top of pack.yaml, not under rules:", raw.locate((found[0],), True),
                   "Move it out of rules: to the top level (locale: en-GB).", ConfigError)
    elif found is not None:
        try:
            changes["locale"] = parse_locale(found[1], raw.locate((found[0],), False))
        except ConfigError as exc:
            errors.extend([exc])
    for name, parse in (("fail-on", parse_severity), ("grammar", parse_grammar)):
        found = get(name)
        if found is not None:
            path: tuple[str, ...] = (found[0],)
            try:
                if name == "grammar" and isinstance(found[1], Mapping):  # (pack.yaml's shape, 'grammar: mode:')
                    path = _grammar_mode_path(found[0], found[1], raw.locate, toml)
                    found = (found[0], found[1]["mode"])
                changes[name.replace("-", "_")] = parse(found[1], raw.locate(path, False))
                if name == "grammar":  # (a server there that does not answer is said at this line)
                    changes["value_locations"] = {**changes.get("value_locations", config.value_locations),
                                                  GRAMMAR_MODE: raw.locate(path, False)}
            except ConfigError as exc:
                errors.extend([exc])
    custom: list[tuple[Any, Locator, str]] = []
    found = get("custom")
    if found is not None:
        key, value = found
        if not isinstance(value, list):
            errors.add("'custom' must be a list of rules", raw.locate((key,), False), kind=ConfigError)
        else:
            custom.extend((spec, _sub(raw.locate, (key, i)), raw.name) for i, spec in enumerate(value))
    found = get("files")
    if found is not None:
        key, value = found
        for i, item in enumerate(_split_list(value)):
            loc = raw.locate((key, i) if isinstance(value, list | tuple) else (key,), False)
            custom.extend(read_rule_file(raw.base / str(item), loc, errors,
                                         f"the working folder ({raw.base})" if raw.as_data else None))
            changes["sources"] = (*changes["sources"], str(raw.base / str(item)))  # (rules files are read too)
    if custom:
        taken = list(config.custom)
        changes["custom"] = (*config.custom, *build_custom_rules(custom, taken, errors))
    return replace(config, **changes)


def _allowed_server(url: str) -> bool:
    """Whether ``url`` (a pack's grammar server) is one of those ``SCRIPTKIT_LT_ALLOW`` lists, credentials aside."""
    from scriptkit.engines.lt_server import endpoint

    allowed = set()
    for given in re.split(r"[,\s]+", os.environ.get(GRAMMAR_ALLOW, "")):
        try:
            allowed.add(endpoint(parse_grammar(given, None)) if given else "")
        except (ConfigError, ValueError):  # (not a URL: it allows nothing)
            continue
    return endpoint(url) in allowed - {""}


def _grammar_mode_path(key: str, table: Mapping[Any, Any], locate: Locator, toml: bool) -> tuple[str, ...]:
    """Where the mode of a grammar setting written as a mapping (pack.yaml's 'grammar: mode: local') is; only
    its mode may be set here, the other grammar settings are a rule's options (a ConfigError at the first other)."""
    for other in table:
        if difflib.get_close_matches(str(other), ["mode"], n=1) and other != "mode":
            raise ConfigError(f"unknown setting '{other}' under '{key}'", locate((key, str(other)), True),
                              "Did you mean 'mode'?")
        if other != "mode":
            raise ConfigError(f"'{key}' here sets only the mode, not '{other}'", locate((key, str(other)), True),
                              "Write it in an [options.spelling] table (and [options.grammar-mistake], "
                              "[options.grammar-style]), as the grammar rules' own option." if toml else
                              "Write it in the grammar: mapping at the top of pack.yaml, not under rules:.")
    if "mode" not in table:
        raise ConfigError(f"'{key}' sets no mode", locate((key,), True),
                          'Write its mode: mode = "local" under [grammar], or grammar = "local" at the top.' if toml
                          else "Write its mode: grammar: {mode: local}, or grammar: local.")
    return (key, "mode")


def _sub(locate: Locator, prefix: tuple[str | int, ...]) -> Locator:
    return lambda path, key: locate((*prefix, *path), key)


def _yaml_locator(origin: Any, prefix: tuple[str | int, ...]) -> Locator:
    return lambda path, key: origin.location((*prefix, *path), key=key)


def _toml_item(text: str, pos: int, index: int) -> int:
    """Where item ``index`` of the inline array after the key at ``pos`` starts (``pos`` if not found)."""
    eq = text.find("=", pos)
    start = text.find("[", eq) if eq >= 0 else -1
    if start < 0 or text[eq + 1:start].strip():
        return pos
    depth, count, quote, k = 0, 0, "", start + 1
    item_at: int | None = None
    while k < len(text):
        ch = text[k]
        if quote:
            if ch == "\\" and quote == '"':
                k += 1
            elif ch == quote:
                quote = ""
        elif ch == "#":
            k = text.find("\n", k)
            if k < 0:
                break
            continue
        elif not ch.isspace() and item_at is None and ch not in ",]":
            item_at = k
            if count == index and depth == 0:
                return k
            if ch in "'\"":
                quote = ch
            elif ch in "[{":
                depth += 1
        elif ch in "'\"":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            if depth == 0:
                break
            depth -= 1
        elif ch == "," and depth == 0:
            count, item_at = count + 1, None
        k += 1
    return pos


def _toml_locator(source: SourceText, table: str) -> Locator:
    """tomllib keeps no positions: find the key (or the value's text) after the table header."""
    text = source.text
    header = re.search(rf"^\[{re.escape(table)}\]\s*$", text, re.M) if table else None
    base = header.end() if header else 0

    def locate(path: tuple[str | int, ...], key: bool) -> Location:
        pos = base
        header: str | None = None  # the [[name]] of the tables found last, whose n-th an index picks
        value_at: int | None = None  # where the value of the last key found starts (after its "=")
        for part in path:
            value_at = None
            if isinstance(part, int):
                if header is not None:  # ([[custom]] twice: the second rule is at the second header)
                    tables = rf"(?m)^[ \t]*\[\[[ \t]*(?:[^\]\n]*\.)?{re.escape(header)}[ \t]*\]\]"
                    found = [m.start() for m in re.finditer(tables, text)]
                    pos = found[part] if part < len(found) else pos
                else:  # (patterns = ['a', 'b']: the second pattern is at its own quote)
                    pos = _toml_item(text, pos, part)
                header = None
                continue
            m = re.search(rf"(?m)(^|[\s{{,\"'])\"?{re.escape(str(part))}\"?\s*=", text[pos:])
            if m is None:
                # a table header naming it: [severity], [tool.scriptkit.options], [options.long-sentence]
                m2 = re.search(rf"\[(?:[^\]]*\.)?{re.escape(str(part))}(?:\.[^\]]*)?\]", text[pos:])
                if m2 is None:
                    break
                pos += m2.start()
                header = str(part) if "[[" in text[pos - 1:pos + 2] else None  # (a [[custom]] table)
                continue
            value_at = pos + m.end()
            pos += m.start() + len(m.group(1))
            header = None
        if not key and value_at is not None:  # (a bad value is located at itself: fail-on = "warnings")
            pos = value_at + len(text[value_at:]) - len(text[value_at:].lstrip(" \t"))
        return source.location(pos)

    return locate


def find_project_config(start: Path) -> Path | None:
    """The nearest ``scriptkit.toml``, or ``pyproject.toml`` with ``[tool.scriptkit]``, upward to the repository's
    root (``_settings_folders``)."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in _settings_folders(here):
        candidate = folder / CONFIG_FILE
        if _settings_file(candidate):
            return candidate
        pyproject = folder / "pyproject.toml"
        if _settings_file(pyproject) and _has_tool_table(pyproject):
            return pyproject
    return None


def _settings_folders(here: Path) -> list[Path]:
    """The folders settings are looked for in: ``here`` and those above it, up to the root of the git repository
    it is in (a folder holding ``.git``), or to the file system's root outside one. A settings file above the
    checkout is on one machine only: read, a run there differed from CI's; noted as hidden, every check of the
    repository had a note about a file outside it (a SARIF address outside the checkout)."""
    folders = []
    for folder in (here, *here.parents):
        folders.append(folder)
        if (folder / ".git").exists():  # (a folder, or a file in a worktree or submodule)
            break
    return folders


def _hidden_by(found: Path) -> list[Location]:
    """The settings further up than ``found`` (the nearest, the one read), which it hides: each other
    ``scriptkit.toml``, and each ``[tool.scriptkit]`` (a pyproject.toml beside ``found`` too), at its table."""
    hidden: list[Location] = []
    for folder in _settings_folders(found.parent):
        for candidate in (folder / CONFIG_FILE, folder / "pyproject.toml"):
            if candidate == found:
                continue
            try:
                if not candidate.is_file() or (candidate.name != CONFIG_FILE and not _has_tool_table(candidate)):
                    continue
                text = read_capped(candidate).decode("utf-8-sig", "replace")
            except OSError:  # (_has_tool_table answers a file it cannot parse itself)
                continue  # (a file that cannot be read is not read either way: the note is for settings)
            table = re.search(r"(?m)^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*scriptkit\b", text)
            hidden.append(SourceText(str(_as_shown(candidate)), text).location(table.start() if table else 0))
    return hidden


def _as_shown(path: Path) -> Path:
    """``path`` (found upward, so absolute) relative to the working folder when it is inside it, as the pack's
    files are named in messages (``reporters.display_path``); outside it, as it is."""
    from scriptkit.reporters import display_path

    return Path(display_path(str(path)))


def _at_start(path: Path) -> Location:
    return Location(str(_as_shown(path)), 1, 1)


def _settings_file(path: Path) -> bool:
    """Whether ``path`` is a file to read settings from (False: there is nothing there). A folder, a pipe, a
    device or a socket under the name, or a link to one or to nothing, is a ``ConfigError`` located at it:
    passed over, the team's settings were dropped without a word. (Told by ``stat``: opening a pipe waits.)"""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if not path.is_symlink():
            return False
        raise ConfigError(f"{path.name} is a link to {os.readlink(path)}, which is not there",
                          _at_start(path), "Point the link at the settings file, or delete it.") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}{link_note(path)}", _at_start(path),
                          "Check that you may read it.") from None
    if stat.S_ISREG(mode):
        return True
    what = "a folder" if stat.S_ISDIR(mode) else "a device, a pipe or a socket"
    raise ConfigError(f"{path.name} is {what}, not a file of settings{link_note(path)}", _at_start(path),
                      f"Write {path.name} as a file (TOML), or move it out of the way.")


_TOOL_TABLE: dict[tuple[str, int, int], bool] = {}


def _has_tool_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has ``[tool.scriptkit]``; cached by size and mtime (review runs often)."""
    try:
        info = pyproject.stat()
        key = (str(pyproject), info.st_size, info.st_mtime_ns)
        if key not in _TOOL_TABLE:
            raw = read_capped(pyproject)
            if len(raw) > MAX_FILE_BYTES:
                return True  # (read_project_config says it is too large)
            data = tomllib.loads(raw.decode("utf-8-sig"))
            _TOOL_TABLE[key] = isinstance(data.get("tool"), dict) and "scriptkit" in data["tool"]
        return _TOOL_TABLE[key]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return True  # let read_project_config report it, located


def read_project_config(path: Path, config: LintConfig, errors: ErrorCollector) -> LintConfig:
    try:
        raw = read_capped(path)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}", Location(str(path), 1, 1)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ConfigError(f"{path.name} is over {MAX_FILE_BYTES:,} bytes, too large for settings",
                          Location(str(path), 1, 1), "Check that this is the file you meant.")
    try:
        text = raw.decode("utf-8-sig")  # (a byte order mark, as Windows editors write it, is not TOML)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path.name} is not valid UTF-8", byte_location(str(path), exc.object, exc.start),
                          "Save it as UTF-8 (TOML files must be).") from None
    source = SourceText(str(path), text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        if m:
            loc = source.at(int(m.group(1)) - 1, int(m.group(2)) - 1)
        else:  # "(at end of document)": the file was cut short
            loc = source.location(len(text)) if "end of document" in str(exc) else Location(str(path), 1, 1)
        problem, hint = str(exc).split(" (at")[0], "Check quoting and brackets around this position."
        line_start = text.rfind("\n", 0, max(loc.offset, 0)) + 1
        line = text[line_start:].split("\n", 1)[0] if loc.offset >= 0 else ""
        setting = re.match(r"\s*([\w.\"'-]+\s*=\s*)(.*?)\s*$", line)
        if setting is not None and problem == "Illegal character '\\n'" and setting[2][:1] in ("'", '"'):
            # a quote left open: the line's end is what TOML names
            problem, hint = "this quote is not closed on its line", f"Close it: {line.strip()}{setting[2][0]}"
            loc = source.location(line_start + setting.end(1))
        elif setting is not None and problem == "Invalid value" and setting[2][:1].isalpha() \
                and setting[2].lower() not in ("true", "false"):
            problem, hint = "text must be in quotes in TOML", f'Write it so: {setting[1]}"{setting[2]}"'
        raise ConfigError(f"TOML syntax error: {problem}", loc, hint) from None
    except RecursionError:  # ('a = [[[...]]]' past Python's stack: tomllib recurses for each level)
        from scriptkit.loading import MAX_NESTING
        from scriptkit.loading import _too_deep as too_deep

        deep = too_deep(text)
        raise ConfigError(f"lists or tables are nested too deeply (more than {MAX_NESTING} levels)",
                          source.location(deep or 0),
                          "Settings need a level or two; look for brackets that were never closed.") from None
    table = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("scriptkit", {})
        table = "tool.scriptkit"
        if not isinstance(data, dict):
            m = re.search(r"(?m)^\s*scriptkit\s*=", text)
            raise ConfigError(f"[tool.scriptkit] must be a table of settings, not {value_kind(data)}",
                              source.location(m.end() - len("scriptkit =") if m else 0),
                              "Write the settings under a [tool.scriptkit] header, one per line.")
    elif "rules" in data and isinstance(data["rules"], dict) and not (set(data) - {"rules"}):
        data, table = data["rules"], "rules"  # [rules] table: same keys
    return _merge(config, _Raw(data, _toml_locator(source, table), path.parent, str(path)), errors)


def load_config(pack: Pack | None = None, start: str | Path | None = None, *, project: bool = True) -> LintConfig:
    """The settings for ``pack`` (a loaded Pack) or for free text under ``start``.

    Raises ``ConfigError``/``ErrorGroup`` (exit 2) for settings that cannot be read:
    wrong types, unknown keys, bad severities, bad custom rules, a ``select`` of which no entry is
    known (no rule would run). An unknown selector beside known ones is not an error:
    ``LintConfig.problems`` turns it into a warning.
    """
    from scriptkit.linting import check_argument  # (linting imports this module)

    if pack is not None:  # (free text's settings load no pack models: `review` stays light)
        from scriptkit.models import Pack

        check_argument(pack, Pack, "load_config", "the pack", "a Pack or None",
                       f"Load it first: scriptkit.load_config(scriptkit.load_pack({pack!r}))."
                       if isinstance(pack, str | os.PathLike) else "Load it with scriptkit.load_pack(folder).")
    check_argument(start, (str, os.PathLike, type(None)), "load_config", "start", "a folder's path or None")
    check_argument(project, bool, "load_config", "project", "True or False")
    errors = ErrorCollector()
    config = LintConfig()
    root = Path(pack.root) if pack is not None and pack.root else Path(start) if start else Path.cwd()
    if project:
        try:
            found = find_project_config(root)
        except OSError as exc:  # (a path the system refuses: too long, a folder above it that may not be opened)
            raise path_error(exc, root, ConfigError) from None
        if found is not None:  # (named as people read it: its errors said the absolute path, a pack's the one typed)
            config = read_project_config(_as_shown(found), config, errors)
            config = replace(config, hidden=tuple((place, str(_as_shown(found))) for place in _hidden_by(found)))
    chosen_grammar = config.grammar  # (the project's settings, the person running the command's)
    if pack is not None:
        meta = pack.meta
        grammar = meta.grammar.get("mode") if isinstance(meta.grammar, Mapping) else None
        if grammar is not None:
            loc = pack.origin.location(("grammar", "mode")) if pack.origin else None
            try:
                config = replace(config, grammar=parse_grammar(grammar, loc),
                                 value_locations={**config.value_locations, GRAMMAR_MODE: loc})
            except ConfigError as exc:
                errors.extend([exc])
        if meta.grammar:  # (its other keys too, typos included, though this run may check no grammar)
            from scriptkit.rules.base import RuleContext
            from scriptkit.rules.grammar import grammar_options

            try:
                grammar_options(RuleContext(pack, {"mode": "off"}))
            except ConfigError as exc:
                errors.extend([exc])
        if meta.rules:
            origin = pack.origin
            base = Path(pack.root) if Path(pack.root).is_dir() else Path(pack.root).parent
            if origin is not None:
                locate = _yaml_locator(origin, ("rules",))
                name = origin.source.path
            else:
                def locate(path: tuple[str | int, ...], key: bool) -> Location:
                    return Location(str(base / "pack.yaml"), 1, 1)
                name = str(base / "pack.yaml")
            config = _merge(config, _Raw(meta.rules, locate, base, name), errors)
    if len(config.sources) > 1 and config.custom:  # (the project's swaps and the pack's, together)
        from scriptkit.rules.custom import refuse_swap_loops_across

        refuse_swap_loops_across([rule for rule in config.custom if config.enabled(rule)], errors)
    if config.grammar not in (chosen_grammar, *GRAMMAR_MODES) and not _allowed_server(config.grammar):
        config = replace(config, grammar="off", unconfirmed_grammar=config.grammar)
    _check_against_rules(config, errors)
    errors.raise_if_any()
    return config
