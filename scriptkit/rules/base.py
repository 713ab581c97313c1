"""The rule API: every rule is a class with a code, a kebab-case name, docs and examples.

A rule reads a rendered ``Message`` and yields ``Finding``s as offsets into ``message.text``;
the engine turns them into located ``Diagnostic``s (and into fixes only where the span maps
back to literal YAML text). Pack-level rules (duplicates, unused constants) override
``check_pack`` instead.

A rule instance keeps no state between calls: the engine makes one per rule and settings and
reuses it for every lint run with those settings (``scriptkit review`` lints reply after reply).
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.errors import ConfigError, argument_named
from scriptkit.message import Message

if TYPE_CHECKING:
    from scriptkit.models import Pack

#: Family digit -> family name, as in the codes SK0xx..SK9xx.
FAMILIES: dict[str, str] = {
    "0": "template",
    "1": "readability",
    "2": "warmth",
    "3": "empathy",
    "4": "solution",
    "5": "export",
    "8": "custom",
    "9": "grammar",
}

#: Family -> the practice its findings judge (what ``scriptkit audit`` scores); template, export and
#: custom rules judge none: they are the script's hygiene.
FAMILY_PRACTICES: dict[str, str] = {"empathy": "acknowledgment", "warmth": "warm_language", "solution": "solution",
                                    "readability": "readability", "grammar": "readability"}
#: The solution-family rules (SK4xx) that judge the room a script leaves the agent: its flexibility.
FLEXIBILITY_RULES = ("no-flexibility", "unfilled-blank")


def family_of(code: str) -> str:
    """The family of a diagnostic's code (``SK301`` -> ``empathy``); ``other`` for a code not SK-numbered."""
    return FAMILIES.get(code[2:3], "other") if code.startswith("SK") else "other"


def practice_of(code: str, name: str) -> str | None:
    """The practice a diagnostic (its rule's code and name) judges, or None for hygiene (template,
    export, custom rules)."""
    if name in FLEXIBILITY_RULES:
        return "flexibility"
    return FAMILY_PRACTICES.get(family_of(code))


#: Sections every rule's docs must have, in this order.
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead", "Options", "Fix safety")


_PLAIN_HEADING = re.compile(r"(?P<name>[A-Z][A-Za-z ]+?)\s*:?")


def _markdown_sections(docs: str) -> str:
    """A docstring whose sections are headed in the plain style the plug-in docs show ("What it
    does:" over an indented body, or numpy's "Example" over "-------"), with the built-ins' Markdown
    headings instead ("## What it does"), so ``scriptkit rule``, the docs site and SARIF read it alike.
    A docstring with Markdown headings already is kept as written."""
    lines = docs.splitlines()
    if any(line.startswith("## ") for line in lines):
        return docs
    known = {s.lower(): s for s in DOC_SECTIONS}
    # the summary, then each section: (its heading, its lines)
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    for i, line in enumerate(lines):
        heading = _PLAIN_HEADING.fullmatch(line.rstrip())
        underlined = i + 1 < len(lines) and re.fullmatch(r"-{3,}", lines[i + 1].strip()) is not None
        if heading and heading.group("name").lower() in known and (line.rstrip().endswith(":") or underlined):
            parts.append((known[heading.group("name").lower()], []))
        elif not (parts[-1][0] and not parts[-1][1] and re.fullmatch(r"-{3,}", line.strip())):
            parts[-1][1].append(line)  # (not the underline of the heading just read)
    out = ["\n".join(parts[0][1]).strip("\n")]
    for name, body in parts[1:]:
        out.append(f"## {name}\n" + textwrap.dedent("\n".join(body)).strip("\n"))
    return "\n\n".join(out)


@dataclass(frozen=True)
class Finding:
    """What a rule found, as ``[start, end)`` offsets into ``message.text``."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    replacement: str | None = None  # text to put in place of [start, end) when fixing
    severity: Severity | None = None  # overrides the rule's default for this finding
    location: Location | None = None  # overrides where the span points (see ``empty_slot_location``)
    #: facts for tools that read the finding (``Diagnostic.extra``): a length rule's ``count`` and ``limit``
    extra: Mapping[str, str] | None = None
    #: the words found where they are not ``message.text[start:end]`` (a placeholder's fallback, which the text
    #: holds only as the placeholder): the finding's ``text``, in the span's slot though ``location`` is given
    text: str | None = None


def empty_slot_location(message: Message, ctx: RuleContext, slot: str) -> Location | None:
    """Where to point a finding about ``slot`` when the message has no text for it: the slot's key
    in the script (the channel's own under ``by_channel`` when it has one), or the script's ``id:``
    line when the key is not written at all, as SK406 points a missing ``flexibility:`` (not line 1,
    which may be an import's comment, or another script of the file). A span can only point at text
    that is there: the next slot's, or the greeting in pack.yaml."""
    if message.slot_text(slot).strip() or ctx.pack is None:
        return None
    try:
        script = ctx.pack.script(message.script_id)
    except KeyError:
        return None
    if script.origin is None:
        return None
    own = next((text for channel, text in script.by_channel.items() if channel == message.channel), None)
    has_own = own is not None and getattr(own, slot, None) is not None
    path = ("by_channel", message.channel, slot) if has_own else (slot,)
    if path not in script.origin.keys:
        path = ("id",)
    return script.origin.location(path, key=True)


@dataclass(frozen=True)
class Example:
    """A pack in miniature: each mapping is one script's fields (id and title are filled in)."""

    scripts: tuple[Mapping[str, Any], ...]
    channel: str = "email"
    options: Mapping[str, Any] = field(default_factory=dict)
    #: pack.yaml settings for the example (constants, channels, placeholders), for pack-level rules
    pack: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, channel: str = "email", **slots: Any) -> Example:
        return cls(scripts=(slots,), channel=channel)


@dataclass
class RuleContext:
    """What a rule may consult besides the message: the pack and its options."""

    pack: Pack | None
    options: Mapping[str, Any]
    # (rule name or code, option) -> where the settings give its value: a value the rule refuses is located
    value_locations: Mapping[tuple[str, str], Location | None] = field(default_factory=dict)
    #: (rule, option) -> its value once ``scriptkit.rules.options`` has checked it: a rule reads its
    #: options for every message, and the options do not change within a run
    checked: dict[tuple[type[Rule], str], Any] = field(default_factory=dict)
    #: the locale free text is written in, as the settings say (``locale``, ``review --locale``); None: not said
    text_locale: str | None = None
    #: grammar (SK9xx) in this run: True, a grammar rule runs; False, the grammar setting is off; None, it is on
    #: but no grammar rule is selected
    grammar: bool | None = False

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    @property
    def locale(self) -> str | None:
        """The locale the replies are written for, as their writer said it: the pack's when its pack.yaml names
        one, else the settings' for free text; None where nobody said (so no dialect is assumed)."""
        pack = self.pack
        if pack is None:
            return self.text_locale
        return pack.meta.locale if "locale" in pack.meta.model_fields_set else None


class Rule:
    """A rule: subclass it, set ``code`` (SK + family digit + two digits), a kebab-case ``name`` and a
    ``severity``, give it a failing and a passing example (``bad_examples``, ``good_examples``), write its
    docs in its docstring (a one-line summary, then the sections of ``DOC_SECTIONS``), and ``register`` it.

    ``check(message, ctx)`` yields a ``Finding`` per problem in one rendered reply, as offsets into
    ``message.text``; ``check_pack`` sees the whole pack at once (duplicates across scripts). A subclass's
    docstring is its own: the rule's page and ``scriptkit rule CODE`` are made from it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    #: default option values; a pack overrides them under rules: options: <name>:
    options: ClassVar[Mapping[str, Any]] = {}
    #: the fix is safe to apply without review (``--fix`` applies only safe fixes)
    fix_safe: ClassVar[bool] = False
    bad_examples: ClassVar[tuple[Example, ...]] = ()
    good_examples: ClassVar[tuple[Example, ...]] = ()
    #: the rule also reads each alternative and condition of a script's flexibility, text the agent
    #: may send: a phrase rule finds a cold phrase there as in the reply, while a rule that judges
    #: a whole reply (an acknowledgment first, a solution, its length) has nothing to judge in a part
    reads_alternatives: ClassVar[bool] = False
    #: the rule reads the characters no one sees (``message.UNSEEN``: a zero-width space, a NUL), which the others
    #: read through as the customer does: it is given ``Message.with_unseen`` (SK012, which tells each of them)
    reads_unseen: ClassVar[bool] = False
    #: the rule judges links as written, ``[text](address)``, which the others read as their words alone, as the
    #: customer does: it is given ``Message.as_written`` (SK108, which reads a link's words as a link's)
    reads_links: ClassVar[bool] = False
    #: its findings are about the reply as a whole (its length or grade, a practice it lacks), not the text they
    #: point at: ``scriptkit review`` lists them under the whole reply, not under the sentence they start in. A
    #: finding about one part only says so in its ``extra`` (``diagnostics.PART``).
    whole_reply: ClassVar[bool] = False

    @classmethod
    def family(cls) -> str:
        return FAMILIES.get(cls.code[2], "other")

    @classmethod
    def docs(cls) -> str:
        # cleandoc: docstrings keep their source indentation before Python 3.13, which Markdown
        # would read as a code block
        return _markdown_sections(inspect.cleandoc(cls.__doc__ or ""))

    @classmethod
    def summary(cls) -> str:
        return cls.docs().splitlines()[0] if cls.docs() else cls.name

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        return ()

    def check_batch(self, messages: list[Message], ctx: RuleContext) -> Iterable[tuple[Message, Finding]]:
        """All messages at once; engines that batch requests (LanguageTool) override this."""
        for message in messages:
            for finding in self.check(message, ctx):
                yield message, finding

    def check_pack(self, pack: Pack, messages: list[Message],
                   ctx: RuleContext) -> Iterable[Diagnostic | tuple[Message, Finding]]:
        """The whole pack at once: yield ``(message, Finding)`` for a finding in one of ``messages`` (its offsets
        into that message's text, as ``check``'s), or a located ``Diagnostic``."""
        return ()


_REGISTRY: dict[str, type[Rule]] = {}
#: Told of each rule registered: scriptkit.rules lists a rule registered after its first lint from the next one on.
_ON_REGISTER: list[Callable[[], None]] = []


#: The codes docs/python/plugins.md leaves free for a plug-in's own rules.
PLUGIN_CODES = "SK850-SK899"


class RuleCollision(ConfigError, ValueError):
    """Two different rule classes registered under one code or one name: a ``ConfigError`` located at the class to
    rename (the one registered second, unless that is scriptkit's own), naming the other and its file and line."""

    def __str__(self) -> str:
        return ConfigError.__str__(self)  # (not ValueError's)


class InvalidRule(ConfigError, ValueError):
    """A rule class that cannot work (no code of the form SK123, a name that is not kebab-case, a severity that
    is no ``Severity``, options that are no mapping): a ``ConfigError`` located at the class."""

    def __str__(self) -> str:
        return ConfigError.__str__(self)  # (not ValueError's)


class RuleWarning(UserWarning):
    """A rule class that works but is not as documented (no docstring, a code outside ``PLUGIN_CODES``)."""


_CODE = re.compile(r"SK\d{3}")
_KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry (codes and names must be unique).

    A class that cannot work is refused (``InvalidRule``, at its file and line), one that works but is not as
    documented is a ``RuleWarning``, and a severity given by its name ("error") is taken as that severity: each
    used to surface later as an AttributeError in the engine, naming no rule.

    Two different rules under one code or name are an error naming both: the later one used to
    replace the earlier silently, so a plug-in rule imported before the built-ins, under a built-in's
    code, never ran. The same class again (a module reloaded) replaces itself.
    """
    _checked(rule)
    for other in _REGISTRY.values():
        if (other.code == rule.code or other.name == rule.name) and not _same_class(other, rule):
            raise _collision(rule, other)
    _warn_undocumented(rule)  # (after the collisions: a rule refused is not warned of too)
    _REGISTRY[rule.code] = rule
    for listener in _ON_REGISTER:
        listener()
    return rule


def _collision(rule: type[Rule], other: type[Rule]) -> RuleCollision:
    """``rule`` refused as ``other`` has its code or name already: located at ``rule``'s class, or at ``other``'s when
    ``rule`` is scriptkit's own (a plug-in imported before the built-ins): the class its writer can rename."""
    what = f"code {rule.code}" if other.code == rule.code else f"name {rule.name!r}"
    here, there = (other, rule) if _builtin(rule) and not _builtin(other) else (rule, other)
    where = {cls: _class_location(cls) for cls in (rule, other)}

    def said(cls: type[Rule]) -> str:
        at = where[cls]
        return f"{_qualified(cls)} ({cls.code} {cls.name}{f', at {at.file}:{at.line}' if cls is there and at else ''})"

    return RuleCollision(f"rule {what} is taken by two rules: {said(rule)} and {said(other)}, which has it already",
                         where[here], f"Give your own rule a code no other rule has ({PLUGIN_CODES} are kept for "
                                      "plug-in rules) and a name of its own.")


def _builtin(rule: type[Rule]) -> bool:
    return rule.__module__.split(".")[0] == "scriptkit"


def _checked(rule: type[Rule]) -> None:
    """Refuse what cannot work; a severity's name becomes the severity."""
    code, name, severity = getattr(rule, "code", None), getattr(rule, "name", None), rule.severity

    def refuse(what: str, value: object, hint: str) -> InvalidRule:
        given = "missing" if value is None else argument_named(value)
        return InvalidRule(f"rule class {_qualified(rule)}: {what}, not {given}", _class_location(rule), hint)

    if not (isinstance(code, str) and _CODE.fullmatch(code)):
        raise refuse(f"code must be 'SK' and three digits ({PLUGIN_CODES} are kept for plug-in rules)", code,
                     'Set it on the class: code = "SK850".')
    if not (isinstance(name, str) and _KEBAB.fullmatch(name)):
        raise refuse("name must be kebab-case (lowercase words joined by '-', as 'ticket-jargon')", name,
                     "Settings select and configure a rule by its name: "
                     'set one they can write, name = "ticket-jargon".')
    if not isinstance(severity, Severity):
        if not (isinstance(severity, str) and severity.lower() in ("error", "warning", "suggestion")):
            raise refuse("severity must be Severity.ERROR, Severity.WARNING or Severity.SUGGESTION (or its name)",
                         severity, "from scriptkit.diagnostics import Severity, then severity = Severity.WARNING.")
        rule.severity = Severity(severity.lower())  # (what was meant; the engine ranks severities)
    if not isinstance(rule.options, Mapping):
        raise refuse("options must be a mapping of option names to their defaults", rule.options,
                     'Write options = {"words": ["P1", "L2"]}.')


def _warn_undocumented(rule: type[Rule]) -> None:
    """Warn of a plug-in rule that works but is not as docs/python/plugins.md asks."""
    if _builtin(rule):
        return  # (the built-ins' codes are their families'; their docs are tested)
    code, (lowest, highest) = rule.code, PLUGIN_CODES.split("-")
    if not lowest <= code <= highest:
        _warn(rule, f"code {code} is outside {PLUGIN_CODES}, the codes kept for plug-in rules: a later scriptkit "
                    "may bring a rule of its own under it")
    if not (rule.__doc__ or "").strip():
        _warn(rule, f"no docstring, so `scriptkit rule {code}` and the rule's page say nothing: write its summary "
                    "and sections (What it does, Why it matters, ...) as the class's docstring")


#: How the command line shows a ``RuleWarning``: its line (``file:line:col: warning: ...``, as its other messages)
#: on stderr. None (a program using the library): a ``RuleWarning`` through Python's ``warnings``.
on_warning: Callable[[str], None] | None = None
_WARNED: set[tuple[str, str]] = set()  # (class, words) said through ``on_warning``: a class registered twice, once


def _warn(rule: type[Rule], text: str) -> None:
    where, said = _class_location(rule), f"rule class {_qualified(rule)}: {text}"
    if on_warning is None:
        warnings.warn_explicit(said, RuleWarning, where.file if where else rule.__module__, where.line if where else 0)
    elif (_qualified(rule), text) not in _WARNED:
        _WARNED.add((_qualified(rule), text))
        on_warning(f"{where}: warning: {said}" if where else f"warning: {said}")


def _class_location(rule: type[Rule]) -> Location | None:
    """Where ``rule``'s class statement is (only asked when something is wrong with it: it reads the file)."""
    try:
        lines, first = inspect.getsourcelines(rule)
        file = inspect.getsourcefile(rule)
    except (OSError, TypeError):  # (a class made by type() or in an interactive session: its module's file)
        file = getattr(sys.modules.get(rule.__module__), "__file__", None)
        return Location(file, 1, 1) if file else None
    if file is None:
        return None
    # (from its decorators on: the line of `class` itself)
    at = next((i for i, line in enumerate(lines) if line.lstrip().startswith("class ")), 0)
    return Location(file, first + at, 1)


def _same_class(a: type[Rule], b: type[Rule]) -> bool:
    """``b`` is ``a`` or ``a`` defined again (``importlib.reload`` makes a new class of the same name).
    Classes a function makes (``make.<locals>.Rule``) share one name however many it makes: only the
    class itself is itself."""
    return a is b or ("<locals>" not in a.__qualname__
                      and (a.__module__, a.__qualname__) == (b.__module__, b.__qualname__))


def _qualified(rule: type[Rule]) -> str:
    return f"{rule.__module__}.{rule.__qualname__}"


def registered() -> Iterator[type[Rule]]:
    yield from (r for _, r in sorted(_REGISTRY.items()))
