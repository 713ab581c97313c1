"""What the judges say: locations, severities, fixes and diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from scriptkit.errors import ConfigError, argument_named


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in a source file; ``offset`` is the 0-based character offset."""

    file: str
    line: int
    col: int
    offset: int = -1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class UnknownSeverity(ConfigError, ValueError):
    """A name that is no severity (``Severity.parse``): a ``ConfigError`` with the message, and a
    ``ValueError`` as an unknown enum value has always been."""

    def __str__(self) -> str:
        return ConfigError.__str__(self)  # (not ValueError's)


_RANKS = {"error": 3, "warning": 2, "suggestion": 1}
_ALIASES = {"info": "suggestion", "hint": "suggestion", "warn": "warning"}


class Severity(str, Enum):
    """How much a finding matters: ``error`` blocks an export, and a run fails at ``fail_on``
    (``warning`` unless configured) or above.

    Severities order by that rank, not by their names' alphabet: ``SUGGESTION < WARNING < ERROR``,
    so ``d.severity >= Severity.WARNING`` keeps errors and ``max()`` gives the worst. A severity's name
    compares the same way (``Severity.ERROR > "warning"``); any other string or value is a ``TypeError``.
    Equality is a string's: ``Severity.ERROR == "error"``."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    # Printed as its name, as a StrEnum is: f"{d.severity}" gave "Severity.WARNING" (repr still names the class).
    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)

    @property
    def rank(self) -> int:
        return _RANKS[self._value_]  # (compared per duplicate diagnostic: _value_ is a plain attribute, value is not)

    # A str mixin compares alphabetically ("error" < "warning"); these order by rank instead. Each must
    # answer a plain string itself: given NotImplemented, Python would fall back to str's alphabetical order.
    def _rank_of(self, other: object) -> int:
        if isinstance(other, str) and str.__str__(other) in _RANKS:  # (a Severity is a str too)
            return _RANKS[str.__str__(other)]
        raise TypeError(f"a severity compares with a severity or its name (error, warning, suggestion), "
                        f"not {other!r}")

    def __lt__(self, other: object) -> bool:
        return self.rank < self._rank_of(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= self._rank_of(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > self._rank_of(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= self._rank_of(other)

    @classmethod
    def _missing_(cls, value: object) -> Severity:
        # (Severity("fatal") said "'fatal' is not a valid Severity", naming none of the severities)
        raise UnknownSeverity(f"Severity() takes a severity's name, not {argument_named(value)}",
                              hint="Use one of: error, warning, suggestion (Severity.parse also reads 'warn', 'info' "
                              "and 'hint', in any case).")

    @classmethod
    def parse(cls, value: str) -> Severity:
        """A severity from its name (``"warn"``, ``"info"`` and ``"hint"`` too, any case); anything
        else raises ``UnknownSeverity``, a ConfigError that is also the ValueError it always was."""
        if isinstance(value, str):
            name = value.lower()
            name = _ALIASES.get(name, name)
            if name in _RANKS:
                return cls(name)
        raise UnknownSeverity(f"Severity.parse() takes a severity's name, not {argument_named(value)}",
                              hint="Use one of: error, warning, suggestion.")


#: The key of ``Diagnostic.extra`` that marks a region running over more than the finding's own text: one on
#: the whole reply runs from its first slot to its last, over their YAML keys (a report quotes no file text there).
#: A region is ``location`` to ``extra["end_line"]`` and ``extra["end_col"]`` (one past its last character), which
#: ``Diagnostic.end`` reads as numbers.
SPREAD = "spread"
#: The key of ``Diagnostic.extra`` that marks a finding of a ``whole_reply`` rule about one part of the reply
#: only (SK104 measures each agent turn of a transcript on its own): its value names the part ("turn").
PART = "part"
#: A ``Message.meta`` key (set by rendering on a script with several variants on the channel): each varying slot
#: and which of its texts the message has, ``(("acknowledgment", 1),)``. On a ``Diagnostic.extra`` while the lint
#: runs, what a whole-reply finding adds to its message to say which variant it is about (dropped when every
#: variant has it alike).
VARIANT_OF = "variant_of"
#: The key of a reviewed text's Message.meta saying its channel was not chosen (email by default): SK105's advice
#: then says how to judge a chat reply as one
CHANNEL_DEFAULTED = "channel_defaulted"
#: The key of a reviewed transcript's Message.meta saying its parts are the agent's turns (joined by a layout
#: "\n\n" each): SK403 and SK404 judge a turn that promises something on its own
AGENT_TURNS = "agent_turns"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace characters ``[start, end)`` of ``file`` with ``replacement``; ``replaces`` is the text found there
    (None: not known), which ``apply_fixes`` checks the text it is given still holds."""

    file: str
    start: int
    end: int
    replacement: str
    replaces: str | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """A rewrite of a finding's text, as edits to its file; ``--fix`` applies only ``safe`` ones."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(slots=True)
class Diagnostic:
    """One finding, pointing back at the source it came from.

    (Slotted, as are ``Fix`` and ``Edit``: a 2 MB reply has 100,000 findings or more, and an instance's
    ``__dict__`` was most of what each one held.)
    """

    code: str
    name: str
    message: str
    severity: Severity
    location: Location
    slot: str | None = None
    text: str = ""  # the offending rendered text
    suggestion: str | None = None  # a human-readable rewrite or advice
    fix: Fix | None = None
    script_id: str | None = None
    channel: str | None = None
    variant: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    #: 0-based offset one past the finding's last character, in the text ``lint_text`` was given (pasted HTML as
    #: given, not as read) or the file ``lint_pack`` read; -1 where the end is not known
    end_offset: int = -1

    @property
    def end_line(self) -> int | None:
        """The line of the finding's last character (1-based), or None where its end is not known."""
        return int(self.extra["end_line"]) if "end_line" in self.extra else None

    @property
    def end_col(self) -> int | None:
        """The column one past the finding's last character (1-based), or None where its end is not known."""
        return int(self.extra["end_col"]) if "end_col" in self.extra else None

    @property
    def end(self) -> Location | None:
        """Where the finding ends, one past its last character (``location`` is where it starts): its line,
        column and, where known, offset (else -1); None where the end is not known."""
        line, col = self.end_line, self.end_col
        return None if line is None or col is None else Location(self.location.file, line, col, self.end_offset)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.file, self.location.line, self.location.col, self.code)

    def format(self) -> str:
        head = f"{self.location} {self.code} [{self.name}] {self.message}"
        if self.suggestion:
            head += f" (suggestion: {self.suggestion})"
        return head
