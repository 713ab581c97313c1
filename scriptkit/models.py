"""The pack and its scripts, as typed models. Loading (``loading.py``) fills them from YAML."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, argument_named

# (they live beside Message, so judging one reply need not import pydantic; still importable from here)
from scriptkit.message import CHANNELS as CHANNELS
from scriptkit.message import known_channels as known_channels
from scriptkit.placeholders import Catalogue, PlaceholderSpec, is_placeholder_name
from scriptkit.sourcetext import SourceText
from scriptkit.text import WINDOWS_DEVICE_NAMES

ChannelName = Literal["email", "chat", "sms", "phone", "social"]

#: The four practices, in the order a reply uses them.
SLOTS = ("acknowledgment", "warm_language", "flexibility", "solution")

EMOTIONS = (
    "angry", "anxious", "confused", "disappointed", "embarrassed", "frustrated", "grieving",
    "happy", "hopeful", "impatient", "neutral", "overwhelmed", "sad", "stressed", "upset",
    "worried",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False)


def _origin_of(model: BaseModel) -> Origin | None:
    """``model._origin``, read from pydantic's store of private values: pydantic's own read of a
    private attribute first asks its declaration for ``__get__``, which raises and catches an
    AttributeError (~10 us; a lint reads each script's origin several times)."""
    private = model.__pydantic_private__
    origin: Origin | None = private.get("_origin") if private else None
    return origin


#: what a blank's name may be ("delay_reason"): it is written as ``{{ blank.<name> }}``
BLANK_NAME = re.compile(r"[a-z][a-z0-9_]*")
#: a script's id, which names its file: lower-case letters, digits, '.', '_' and '-', from a letter or digit
SCRIPT_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class BlankSpec(_Model):
    """An agent fill-in: ``{{ blank.delay_reason }}`` in slot text."""

    name: str = Field(pattern=rf"^{BLANK_NAME.pattern}$")
    prompt: str = ""
    example: str | None = None


class Alternative(_Model):
    """Another path the agent may take instead of the main solution."""

    label: str
    text: str


class Condition(_Model):
    """Text the agent adds only when a condition holds."""

    when: str
    text: str


class Flexibility(_Model):
    """A script's flexibility slot: what the agent may adapt, never sent to the customer as written.

    Read it as ``script.flexibility`` (None when the script has none). ``guidance`` is a note for
    the agent; ``blanks`` are fill-ins the agent completes (``{{ blank.name }}`` in slot text);
    ``alternatives`` are other paths instead of the main solution; ``conditions`` are text added
    only when their ``when`` holds. A plain string in YAML (``flexibility: "Offer a call"``) is
    read as ``guidance``.
    """

    guidance: str | None = None  # for the agent only, never sent
    blanks: list[BlankSpec] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.guidance or self.blanks or self.alternatives or self.conditions)


SlotText = str | list[str]

#: The slots a reply's body is made of, in reading order (flexibility is for the agent).
REPLY_SLOTS = ("acknowledgment", "warm_language", "solution")


class ChannelText(_Model):
    """A channel's own text for some body slots; the slots it leaves out keep the script's text.

    An SMS needs a shorter reply than an email: ``by_channel: {sms: {solution: ...}}``. An empty
    text (``warm_language: ""``, or ``[]``) leaves the slot out of that channel's reply (an empty
    solution is SK401's to report, at its line).
    """

    acknowledgment: SlotText | None = None
    warm_language: SlotText | None = None
    solution: SlotText | None = None


@dataclass
class Origin:
    """Where each value of a YAML document starts, by path (keys and list indexes)."""

    source: SourceText
    values: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    keys: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def location(self, path: tuple[str | int, ...], key: bool = False) -> Location:
        table = self.keys if key else self.values
        probe = path
        while probe:
            if probe in table:
                return self.source.location(table[probe])
            if probe in self.values:
                return self.source.location(self.values[probe])
            probe = probe[:-1]
        return self.source.location(0)


class Script(_Model):
    """One reply template of a pack, as written in its YAML file.

    Get them from a loaded pack: ``load_pack("my-pack").scripts`` (or ``pack.script(id)``).
    ``id`` and ``title`` name it; ``emotion`` and ``channels`` say for whom and where it is sent;
    ``acknowledgment``, ``warm_language`` and ``solution`` hold the reply's text (a string, or a list
    of variants: ``variants(slot)`` always gives a list), ``flexibility`` what the agent may adapt;
    ``by_channel`` a channel's own text, ``ignore`` the rules switched off for it, ``export`` its
    per-helpdesk settings. ``file`` is the file it came from. To see it as a customer would, render it:
    ``render_script(pack, script)``.
    """

    id: str = Field(pattern=SCRIPT_ID.pattern)
    title: str
    scenario: str = ""
    emotion: str = ""  # (none written: no export claims a 'neutral' customer the writer never named)
    channels: list[ChannelName] = Field(default_factory=lambda: list[ChannelName](["email"]), min_length=1)
    tags: list[str] = Field(default_factory=list)
    acknowledgment: SlotText
    warm_language: SlotText | None = None
    flexibility: Flexibility | None = None
    solution: SlotText
    by_channel: dict[ChannelName, ChannelText] = Field(default_factory=dict)  # a channel's own slot text
    ignore: list[str] = Field(default_factory=list)  # rule selectors suppressed for this script
    export: dict[str, Any] = Field(default_factory=dict)  # per-target settings

    _origin: Origin | None = PrivateAttr(default=None)

    @field_validator("flexibility", mode="before")
    @classmethod
    def _guidance_shorthand(cls, value: Any) -> Any:
        return {"guidance": value} if isinstance(value, str) else value

    @property
    def origin(self) -> Origin | None:
        return _origin_of(self)

    @property
    def file(self) -> str:
        origin = _origin_of(self)
        return origin.source.path if origin else f"<script {self.id}>"

    def variants(self, slot: str) -> list[str]:
        value = getattr(self, slot)
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)

    @property
    def variant_count(self) -> int:
        return max(1, *(len(self.variants(s)) for s in ("acknowledgment", "warm_language", "solution")))

    @property
    def blanks(self) -> dict[str, BlankSpec]:
        return {b.name: b for b in (self.flexibility.blanks if self.flexibility else [])}


class Layout(_Model):
    """How a channel frames every reply."""

    greeting: str = ""
    signoff: str = ""
    separator: str | None = None  # between slots; default: blank line for email, space elsewhere

    def joiner(self, channel: str) -> str:
        if self.separator is not None:
            return self.separator
        return "\n\n" if channel == "email" else " "


DEFAULT_LAYOUTS: dict[str, Layout] = {
    "email": Layout(
        greeting="Hi {{ customer.first_name | fallback('there') }},",
        signoff="Warm wishes,\n{{ agent.first_name }}",
    ),
    "chat": Layout(greeting="Hi {{ customer.first_name | fallback('there') }}!"),
    "sms": Layout(),
    "phone": Layout(greeting="Thanks for calling, this is {{ agent.first_name }}."),
    # (a space joins the greeting to the reply: ending it with a comma would run on, SK005)
    "social": Layout(greeting="Hi {{ customer.first_name | fallback('there') }}!"),
}


class CustomPlaceholder(_Model):
    description: str = ""
    sample: str = "sample"
    can_be_blank: bool = True
    fallback: str = ""
    called: str = ""


#: the longest id a script may have: exports name files by it ('<id>-chat-v2.json'), which Windows keeps under 260
#: characters with their folders (and most systems a name under 255)
MAX_SCRIPT_ID_LENGTH = 100


def id_file_problem(script_id: str) -> str | None:
    """Why ``script_id`` (a valid id) cannot name a file on every system, or None when it can."""
    if script_id.split(".")[0] in WINDOWS_DEVICE_NAMES:
        return f"the id '{script_id}' is a name Windows keeps for a device, so no file can be named by it there"
    if script_id.endswith("."):  # (Windows drops a name's last dots: 'late.' and 'late' would be one file there)
        return f"the id '{script_id}' ends in a dot, which Windows drops from a file's name"
    if len(script_id) > MAX_SCRIPT_ID_LENGTH:
        return (f"the id is {len(script_id)} characters long, too long to name a file by "
                f"(at most {MAX_SCRIPT_ID_LENGTH})")
    return None


def is_script_id(text: str) -> bool:
    """Whether ``text`` can be a script's id: its file's name too, so never one that reaches another folder."""
    return SCRIPT_ID.fullmatch(text) is not None


class PackMeta(_Model):
    """A pack's settings, from its ``pack.yaml``: ``load_pack("my-pack").meta``.

    ``name``, ``version``, ``locale`` and ``description`` describe the pack; ``constants`` are values
    every script may use (``{{ const.refund_days }}``); ``placeholders`` the pack's own helpdesk
    placeholders beside the built-in ones; ``channels`` each channel's greeting and sign-off
    (``layout(channel)`` gives the one in effect, a default when unset); ``rules``, ``export`` and
    ``grammar`` the linter's, exporters' and grammar checker's settings, as written; ``exclude`` the glob
    patterns of files the pack leaves out (``excluded(path)`` says whether one is).
    """

    name: str
    version: str = "0.1.0"
    locale: str = "en-US"
    description: str = ""
    constants: dict[str, str | int | float | bool] = Field(default_factory=dict)
    placeholders: dict[str, CustomPlaceholder] = Field(default_factory=dict)
    channels: dict[ChannelName, Layout] = Field(default_factory=dict)
    rules: dict[str, Any] = Field(default_factory=dict)
    export: dict[str, Any] = Field(default_factory=dict)
    grammar: dict[str, Any] = Field(default_factory=dict)
    exclude: list[str] = Field(default_factory=list)

    def excluded(self, path: str) -> bool:
        """Whether ``path`` (a file's, from the pack's folder, with '/') is left out: a pattern matches it or a
        folder it is in ('drafts/', 'scripts/wip-*.yaml'; '*' reaches into folders too, as a .gitignore's does
        not)."""
        parts = path.split("/")
        candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]  # ('drafts', 'drafts/idea.yaml')
        return any(fnmatchcase(candidate, pattern.removeprefix("./").rstrip("/"))
                   for pattern in self.exclude for candidate in candidates)

    @field_validator("placeholders")
    @classmethod
    def _dotted(cls, value: dict[str, CustomPlaceholder]) -> dict[str, CustomPlaceholder]:
        for name in value:
            if not is_placeholder_name(name):
                raise ValueError(f"placeholder name {name!r} must look like 'namespace.field'")
        return value

    def layout(self, channel: str) -> Layout:
        return self.channels.get(channel) or DEFAULT_LAYOUTS[channel]  # type: ignore[call-overload]

    @property
    def catalogue(self) -> Catalogue:
        """The placeholders the pack's scripts may use: the built-in ones and those ``placeholders`` declares,
        each with its description (what the exports name it by where they tell the agent what to fill in)."""
        return Catalogue(PlaceholderSpec(n, p.description, p.sample, p.can_be_blank, p.fallback, p.called)
                         for n, p in self.placeholders.items())


class UnknownScript(ConfigError, KeyError):
    """An id no script of the pack has (``Pack.script``): a ``ConfigError`` with the message, and a
    ``KeyError`` as a lookup that found nothing has always been."""

    def __str__(self) -> str:
        return ConfigError.__str__(self)  # (not KeyError's quoted repr of the message)


class Pack(_Model):
    """A loaded pack: its settings and its scripts, in file order."""

    meta: PackMeta
    scripts: list[Script]
    root: str = ""

    _origin: Origin | None = PrivateAttr(default=None)
    #: pack.yaml could not be read at all: its constants are unknown, so a script's are not "undefined"
    _settings_unread: bool = PrivateAttr(default=False)
    _positions: dict[str, int] = PrivateAttr(default_factory=dict)  # see script()
    _partial: bool = PrivateAttr(default=False)  # see partial
    _excluded: int = PrivateAttr(default=0)  # see excluded

    @property
    def excluded(self) -> int:
        """How many script files pack.yaml's ``exclude`` left out (neither checked nor exported)."""
        return self._excluded

    @property
    def partial(self) -> bool:
        """Only some of the pack's scripts were loaded (one script file, checked with its pack's
        settings, or the scripts that load beside others that do not): what needs every script,
        such as a constant no script uses, cannot be judged."""
        return self._partial

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def catalogue(self) -> Catalogue:
        """The pack's placeholders: ``PackMeta.catalogue``."""
        return self.meta.catalogue

    def script(self, script_id: str) -> Script:
        """The script with id ``script_id``; an id the pack does not have raises ``UnknownScript``
        (a ``ConfigError`` that is also a ``KeyError``)."""
        # by an index of positions (rules ask for the script of a finding: a scan each was quadratic
        # in a large pack), checked at each use and rebuilt when the list changed under it; rebuilt
        # aside and then swapped in, so that another thread never reads it half built
        if not isinstance(script_id, str):
            raise ConfigError(f"Pack.script() takes a script's id, not {argument_named(script_id)}",
                              hint="pack.scripts holds its scripts, each with its id.")
        index = self._positions
        at = index.get(script_id)
        scripts = self.scripts
        if at is None or at >= len(scripts) or scripts[at].id != script_id:
            index = {}
            for i, script in enumerate(scripts):
                index.setdefault(script.id, i)
            self._positions = index
            at = index.get(script_id)
            if at is None:
                from difflib import get_close_matches  # (only for the mistake)
                near = get_close_matches(script_id, list(index), 1)
                raise UnknownScript(f"no script with id '{script_id}' in the pack '{self.name}'",
                                    hint=f"Did you mean '{near[0]}'?" if near
                                    else "pack.scripts holds its scripts, each with its id.")
        return scripts[at]

    @property
    def constants(self) -> Mapping[str, object]:
        return self.meta.constants

    @property
    def origin(self) -> Origin | None:
        return _origin_of(self)
