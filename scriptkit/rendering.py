"""Sandboxed Jinja rendering of scripts into Messages that remember their source.

How positions survive rendering: before compiling a slot, every literal text run of the
template gets a private-use marker naming it, and every ``{{ expression }}`` output is
wrapped by ``finalize``. After rendering, the markers split the output back into literal
text (with a file offset per character), expression output, placeholders and blanks.
"""

from __future__ import annotations

import codecs
import difflib
import functools
import inspect
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import chain, pairwise, product
from typing import Any, NamedTuple

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes, pass_eval_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.filters import do_default, do_join, do_replace, do_round
from jinja2.nodes import EvalContext
from jinja2.runtime import LoopContext, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import missing

from scriptkit.diagnostics import VARIANT_OF, Location
from scriptkit.errors import ConfigError, PackError, ScriptkitError, TemplateSecurityError, argument_named
from scriptkit.message import AgentNote, Blank, Message, Placeholder, Segment, SourceSpan, Text
from scriptkit.models import CHANNELS, REPLY_SLOTS, Origin, Pack, PackMeta, Script, known_channels
from scriptkit.placeholders import HELPDESK_VARIABLE, Catalogue, helpdesk_spellings, in_spans, marked_literal_spans
from scriptkit.sourcetext import scalar_offsets
from scriptkit.text import HALF_CHARACTER, is_text, slug

BY_CHANNEL = "by_channel"  # a script's key for a channel's own slot text

# private-use markers (loading rejects them in user text)
_DATA_OPEN, _DATA_CLOSE = "\ue000", "\ue001"
_REF_OPEN, _REF_CLOSE, _REF_SEP = "\ue002", "\ue003", "\ue006"
_EXPR_OPEN, _EXPR_CLOSE = "\ue004", "\ue005"
# opens the text of a quoted string printed alone ('{{ "{{ticket.id}}" }}'), closed by _DATA_CLOSE (see ``_mark``)
_QUOTE_OPEN = "\ue008"
# says where the '{{' is whose output comes next, closed by _DATA_CLOSE (see ``_mark``)
_PRINT_AT = "\ue009"
# names the pack constant whose text comes next, printed alone ('{{ callback_line }}'), closed by _DATA_CLOSE
_CONSTANT_AT = "\ue00a"
_TOKEN = re.compile(
    "\ue000(\\d+)\ue001|\ue002([pb])([^\ue003]*)\ue003|(\ue004)|(\ue005)|\ue008(\\d+)\ue001|\ue009(\\d+)\ue001"
    "|\ue00a(\\w+)\ue001"
)

_MARKER_CHARS = re.compile("[\ue000-\ue006\ue008-\ue00a]")
# a carriage return in a template's literal text, while Jinja reads it: Jinja turns every line end into
# "\n" as it reads a template (a CRLF into one character), so the output no longer matched the text it
# came from and the template could not be read at all; the CR is put back in the output
_CR_MARK = "\ue007"

MAX_OUTPUT = 50_000  # characters one slot may render to
# characters of one template as written: Jinja takes seconds to parse and compile a long one
# (30,000 filter chains: 18 s) before the output limit could refuse it, so it is refused first.
# A template renders to about its own length, so this is the output limit read off the source.
MAX_TEMPLATE = MAX_OUTPUT
MAX_REPEAT = 10_000  # largest string/list repetition a template may ask for
_NO_FIELD = re.compile(r"has no field '(\w+)'$")
_REF_SAID = re.compile(r"'([\w.]+)' is a (?:placeholder|blank): ")
_REF_TYPES = re.compile(r"\b_(?:PlaceholderRef|BlankRef|Namespace)\b")
MAX_NESTING = 50  # levels of a template's tree: a writer's nest a handful; Python's compiler fails near 100
BLANK_NAMESPACE = "blank"

# Filters a content writer needs; the rest (center, indent, wordwrap, format...) can be
# used to blow up memory or reach object internals, so they are not offered.
SAFE_FILTERS = (
    "capitalize", "default", "first", "int", "join", "last", "length", "lower", "replace",
    "round", "string", "title", "trim", "truncate", "upper", "wordcount",
)


class _PlaceholderRef:
    """What ``customer.first_name`` evaluates to inside a template."""

    __slots__ = ("fallback", "name")

    def __init__(self, name: str, fallback: str | None = None) -> None:
        self.name, self.fallback = name, fallback

    def __str__(self) -> str:
        return f"{_REF_OPEN}p{self.name}{_REF_SEP}{self.fallback if self.fallback is not None else ''}" \
               f"{_REF_SEP}{'1' if self.fallback is not None else '0'}{_REF_CLOSE}"

    __html__ = __str__


def _placeholder_ref(namespace: str, attr: str) -> _PlaceholderRef:
    return _PlaceholderRef(f"{namespace}.{attr}")


class _BlankRef:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return f"{_REF_OPEN}b{self.name}{_REF_CLOSE}"


class _Namespace:
    """``customer``, ``agent``...: attribute access yields a placeholder reference."""

    def __init__(self, prefix: str, known: frozenset[str], make: Callable[[str], object]) -> None:
        self._prefix, self._known, self._make = prefix, known, make

    def __getattr__(self, attr: str) -> object:
        if attr.startswith("_") or attr not in self._known:
            raise AttributeError(attr)
        return self._make(attr)

    def __str__(self) -> str:
        raise UndefinedError(f"'{self._prefix}' needs a field, e.g. {self._prefix}.{sorted(self._known)[0]}")


def _described(value: object) -> str:
    """What a value in a template is, in a content writer's words (for a message that Jinja would word with
    Python's class names: 'scriptkit.rendering._PlaceholderRef object')."""
    if isinstance(value, _PlaceholderRef):
        return f"the placeholder '{value.name}'"
    if isinstance(value, _BlankRef):
        return f"the blank '{value.name}'"
    if isinstance(value, _Namespace):
        return f"'{value._prefix}'"  # (its own name: a namespace has only its fields)
    if isinstance(value, bool) or value is None:
        return "true, false or none"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "this value"


def _picked(key: object) -> str:
    """A subscript's key as a message shows it: [0], ['x'], or the key described ([the placeholder 'order.number'])."""
    if isinstance(key, (int, str)) and not isinstance(key, bool) and len(repr(key)) <= 40:
        return f"[{key!r}]"
    if isinstance(key, slice):
        return "[" + ":".join("" if v is None else repr(v) for v in (key.start, key.stop)) + "]"
    return f"[{_described(key)}]"


class _Undefined(StrictUndefined):
    """Jinja's strict undefined, whose message names what the writer wrote, not Python's objects: "the
    placeholder 'order.number' has no '.upper'", not "'scriptkit.rendering._PlaceholderRef object' has no
    attribute 'upper'"."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        obj, name = self._undefined_obj, self._undefined_name
        if self._undefined_hint or obj is missing:
            return str(super()._undefined_message)
        if isinstance(obj, _Namespace) and isinstance(name, str):
            return f"'{obj._prefix}' has no field '{name}'"
        what = f"'{obj.name}' is a {'blank' if isinstance(obj, _BlankRef) else 'placeholder'}: it" \
            if isinstance(obj, (_PlaceholderRef, _BlankRef)) else _described(obj)
        if isinstance(name, str) and name.isidentifier():
            return f"{what} has no '.{name}'"
        return f"{what} has no part {_picked(name)}"


def _fallback(value: object, default: str = "") -> object:
    # (the check refuses these where they are written; this keeps a bypassed check from
    # writing a placeholder's markers into another's fallback)
    if isinstance(default, (_PlaceholderRef, _BlankRef, _Namespace)) or _MARKER_CHARS.search(str(default)):
        raise TemplateError(_NOT_PLAIN_FALLBACK)
    if isinstance(value, _PlaceholderRef):
        return _PlaceholderRef(value.name, str(default))
    return value


def _default(value: object, default_value: object = "", boolean: bool = False) -> object:
    """Jinja's ``default``; on a placeholder, its fallback: the helpdesk's value is empty, never
    missing, so Jinja's own would drop the writer's text from every export."""
    if isinstance(value, _PlaceholderRef):
        return _fallback(value, default_value)  # type: ignore[arg-type]  # (_fallback refuses non-text)
    return do_default(value, default_value, boolean)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's compiler, with ``a ~ b`` joined by the sandbox (measured first), not by ``str``."""

    def buffer(self, frame: Frame) -> None:
        # the output of a '{% set x %}' or '{% filter %}' block, gathered before it is joined:
        # a loop inside one filled a list with 500 MB before the join could refuse it
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")

    def visit_FilterBlock(self, node: nodes.FilterBlock, frame: Frame) -> None:
        # ('{% filter upper %}...{% endfilter %}') Jinja's, but its result printed through finalize, as a
        # '{{ x | upper }}''s is: it is a value made of the block's text (see ``_bounded_concat``), and the text
        # before the block's tag was read as the literal run it continues, where a fix could edit the tag
        block_frame = frame.inner()
        block_frame.symbols.analyze_node(node)
        self.enter_frame(block_frame)
        self.buffer(block_frame)
        self.blockvisit(node.body, block_frame)
        self.start_write(frame, node)
        self.write("environment.finalize(")
        self.visit_Filter(node.filter, block_frame)
        self.write(")")
        self.end_write(frame)
        self.leave_frame(block_frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_text((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


# Text is measured before it is built: a template of a few hundred characters can ask for
# gigabytes ('{% set b = a ~ a ~ a ~ a %}' eight levels deep, a list of a list repeated, '%0999999999d'),
# and building it took minutes and every byte of memory before the output limit could see it.
MAX_BITS = 100_000  # of a number a template computes (30,000 digits)


class _SafeSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        # (Jinja's said "access to attribute 'upper' of 'str' object is unsafe")
        return self.undefined(f"{_described(obj)} has no field '{attribute}'", name=attribute, obj=obj,
                              exc=SecurityError)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Only the namespaces (customer.first_name) and a loop's own (loop.index) have fields a
        # writer means; any other is Python's ('support_hours.upper' printed '<built-in method
        # upper ...>' into the reply). The check refuses them where written; this stops the rest.
        return isinstance(obj, (_Namespace, LoopContext)) and super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)):
            if abs(right) > 64 or (isinstance(left, int) and right > 0 and left.bit_length() * right > MAX_BITS):
                raise SecurityError("exponent too large")
        elif operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and \
                        (count > MAX_REPEAT or (count > 0 and _size_past(seq) * count > MAX_OUTPUT)):
                    raise SecurityError("repetition too large")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_BITS:
                raise SecurityError("number too large")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _refuse_long(_size_past(left) + _size_past(right))
        elif operator == "%" and isinstance(left, str):
            # printf-style widths and precisions ('%0999999999d') pad to any length asked for
            _refuse_long(_widest_format(left) + len(left) + _size_past(right))
        return super().call_binop(context, operator, left, right)

    @staticmethod
    def output_buffer() -> list[str]:
        return _OutputBuffer()

    def join_text(self, values: Iterable[Any]) -> str:
        """``a ~ b ~ c``: the values' text joined, measured before it is built."""
        items = list(values)
        _refuse_long(sum(_size_past(item) for item in items))
        return "".join(map(str, items))


_FORMAT_WIDTH = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")


def _widest_format(text: str) -> int:
    """The largest width or precision a printf-style format asks for ('*': any, so too wide)."""
    sizes = [MAX_OUTPUT + 1 if n == "*" else int(n) for pair in _FORMAT_WIDTH.findall(text) for n in pair if n]
    return max(sizes, default=0)


class _OutputBuffer(list[str]):
    """A block's output as Jinja gathers it, refused once it passes twice the output limit."""

    size = 0

    def append(self, piece: str) -> None:
        self._count(len(piece))
        super().append(piece)

    def extend(self, pieces: Iterable[str]) -> None:
        for piece in pieces:  # (counted as it comes: a generator is not gathered whole first)
            self.append(piece)

    def _count(self, size: int) -> None:
        self.size += size
        if self.size > 2 * MAX_OUTPUT:
            _refuse_long(self.size)


def _bounded_concat(pieces: Iterable[str]) -> str:
    """Jinja's join of a template's (or a block's) output, stopped once it passes twice the
    output limit: a loop yielding a long text thousands of times had no limit until it ended.
    (Twice: the output still holds the markers that map it back to its source; the exact limit
    is checked on the text itself.)

    A block's output ('{% set x %}', '{% filter %}') is a value the template computes with: it is
    the text as the customer reads it, without the markers of where each part is written, which
    filters counted ('{{ x | length }}') and cut ('{{ x[0:6] }}'). Printed, it is an expression's
    output, located at its '{{'. Its placeholders and blanks keep their markers: they are filled in
    later, and a filter that would change them is refused (``_whole_refs``)."""
    out = _OutputBuffer()
    out.extend(pieces)
    joined = "".join(out)
    return _POSITION_MARKS.sub("", joined) if isinstance(pieces, _OutputBuffer) else joined


# what ``_mark`` and ``_finalize`` add to say where output is written (not a placeholder's or blank's own)
_POSITION_MARKS = re.compile("[\ue000\ue008\ue009]\\d+\ue001|\ue00a\\w+\ue001|[\ue004\ue005]")


def _size_past(value: object, limit: int = MAX_OUTPUT) -> int:
    """The characters ``str(value)`` would have, counted only until it passes ``limit``: a list
    holding a list nine times over, nine levels deep, takes a few bytes to hold and billions of
    characters to print. Every value walked adds a character or more, so the walk stays short."""
    if isinstance(value, str):
        return len(value)
    size = 0
    stack = [value]
    while stack and size <= limit:
        item = stack.pop()
        if isinstance(item, str):
            size += len(item) + 4  # (quoted in a list, and its ', ')
        elif isinstance(item, (list, tuple, set, frozenset)):
            size += 2 + len(item)
            stack.extend(item)
        elif isinstance(item, dict):
            size += 2 + len(item)
            stack.extend(chain.from_iterable(item.items()))
        elif isinstance(item, int) and not isinstance(item, bool):
            size += max(1, item.bit_length() * 3 // 10)
        else:
            size += 1  # (a number, a placeholder: short)
    return size


def _finalize(value: object) -> str:
    if isinstance(value, (_PlaceholderRef, _BlankRef)):
        return str(value)
    if inspect.isroutine(value):  # (a method reached past the check: its repr holds a memory address, never text)
        raise SecurityError("a template printed a Python method, not text")
    if isinstance(value, bool):  # ('open_today: true' in pack.yaml, or a comparison: as YAML spells it, not 'True')
        value = "true" if value else "false"
    elif not isinstance(value, str):
        _refuse_long(_size_past(value))
    elif isinstance(value, _Constant) and not _MARKER_CHARS.search(value):  # (one holding them is read as any text)
        return f"{_EXPR_OPEN}{_CONSTANT_AT}{value.name}{_DATA_CLOSE}{value}{_EXPR_CLOSE}"
    return f"{_EXPR_OPEN}{value}{_EXPR_CLOSE}"


# replace and join can build text far longer than their input ('x' | replace('', big), big | join(big)):
# measured first, the output limit refuses it before it is built rather than after
@pass_eval_context
def _replace(eval_ctx: EvalContext, s: str, old: str, new: str, count: int | None = None) -> str:
    _refuse_long(_size_past(s) + _size_past(old) + _size_past(new))
    text, old_text, new_text = str(s), str(old), str(new)
    found = text.count(old_text)
    _refuse_long(len(text) + (found if count is None else min(found, max(count, 0))) * (len(new_text) - len(old_text)))
    return do_replace(eval_ctx, s, old, new, count)


@pass_eval_context
def _join(eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None) -> str:
    items = list(value)
    _refuse_long(sum(_size_past(item) for item in items) + max(len(items) - 1, 0) * _size_past(d))
    return str(do_join(eval_ctx, items, d, attribute))


def _round(value: Any, precision: Any = 0, method: str = "common") -> float:
    # (Python's round makes 10 ** -precision: 'round(-99999999)' computed for minutes)
    if not isinstance(precision, int) or abs(precision) > MAX_ROUND_PRECISION:
        raise SecurityError(f"round's precision must be a whole number from -{MAX_ROUND_PRECISION} to "
                            f"{MAX_ROUND_PRECISION}, not {precision!r:.40}")
    return float(do_round(value, precision, method))  # type: ignore[arg-type]  # (Jinja checks the method)


MAX_ROUND_PRECISION = 20


def _refuse_long(size: int) -> None:
    if size > MAX_OUTPUT:
        raise SecurityError(f"the text would be longer than {MAX_OUTPUT:,} characters")


_TEXT_FILTERS = ("capitalize", "int", "lower", "string", "title", "trim", "upper", "wordcount")


def _measured(text_filter: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(text_filter)
    def measured(value: Any, *args: Any, **kwargs: Any) -> Any:
        _refuse_long(_size_past(value))
        return text_filter(value, *args, **kwargs)

    return measured


# filters that read a text as a whole: on one holding a placeholder or blank ('{% set x %}Hi {{ customer.first_name
# }}{% endset %}{{ x | length }}') they would measure or cut its marker, not the name the helpdesk fills in
_READING_FILTERS = ("capitalize", "first", "int", "last", "length", "lower", "round", "title", "truncate", "upper",
                    "wordcount")


class _RefChanged(TemplateError):
    """A filter given a text that holds a placeholder or blank (see ``_READING_FILTERS``)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"filter '{name}' cannot change a placeholder or blank")
        self.name = name


def _whole_refs(name: str, text_filter: Callable[..., Any]) -> Callable[..., Any]:
    passed = getattr(text_filter, "jinja_pass_arg", None) is not None  # (truncate is given the environment first)

    @functools.wraps(text_filter)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        value = args[passed] if len(args) > passed else None
        if isinstance(value, str) and _REF_OPEN in value:
            raise _RefChanged(name)
        return text_filter(*args, **kwargs)

    return guarded


@lru_cache(maxsize=1)
def _env() -> _SafeSandbox:
    env = _SafeSandbox(undefined=_Undefined, autoescape=False, finalize=_finalize,
                       keep_trailing_newline=True)
    env.globals.clear()  # no cycler, joiner, namespace, lipsum, range, dict
    env.filters = {name: env.filters[name] for name in SAFE_FILTERS}
    env.filters["fallback"], env.filters["default"] = _fallback, _default
    env.filters["replace"], env.filters["join"] = _replace, _join
    env.filters["round"] = _round
    for name in _TEXT_FILTERS:  # (each prints its value first)
        env.filters[name] = _measured(env.filters[name])
    for name in _READING_FILTERS:
        env.filters[name] = _whole_refs(name, env.filters[name])
    env.concat = _bounded_concat  # type: ignore[method-assign]  # (a template's join of its output)
    env.tests = {k: v for k, v in env.tests.items() if k in ("defined", "undefined", "none", "number",
                                                             "string", "eq", "ne", "gt", "lt", "ge", "le",
                                                             "in", "odd", "even")}
    return env


# ---------------------------------------------------------------- template sources

class TemplateSource(NamedTuple):
    """One piece of Jinja text and where it sits in its file.

    (A named tuple: a pack has several per script, and a tuple is made in a fraction of the time
    a frozen dataclass takes.)"""

    text: str
    slot: str
    origin: Origin | None
    path: tuple[str | int, ...]
    label: str  # for messages without a file: "<default email layout>"

    @property
    def start(self) -> Location:
        if self.origin is None:
            return Location(self.label, 1, 1)
        return self.origin.location(self.path)

    def offsets(self) -> Sequence[int]:
        if self.origin is None:
            return ()
        return _offsets_for(self.origin, self.path, self.text)

    def location_of(self, index: int) -> Location:
        offs = self.offsets()
        if not offs or self.origin is None:
            return self.start
        return self.origin.source.location(offs[max(0, min(index, len(offs) - 1))])

    def location_of_line(self, lineno: int, needle: str | None = None) -> Location:
        lines = self.text.split("\n")
        lineno = max(1, min(lineno, len(lines)))
        index = sum(len(line) + 1 for line in lines[: lineno - 1])
        if needle:
            col = lines[lineno - 1].find(needle)
            if col >= 0:
                index += col
        return self.location_of(index)


def _offsets_for(origin: Origin, path: tuple[str | int, ...], text: str) -> Sequence[int]:
    # cached on the origin itself: a global cache keyed by id(origin) served stale offsets
    # once a freed origin's id was reused by another file
    cache: dict[tuple[str | int, ...], Sequence[int]] = vars(origin).setdefault("_offsets", {})
    found = cache.get(path)
    if found is None or len(found) != len(text):
        found = scalar_offsets(origin.source.text, origin.values.get(path, 0), text)
        cache[path] = found
    return found


def script_sources(script: Script) -> Iterator[TemplateSource]:
    """Every Jinja text of a script, body slots first, then the agent-facing flexibility."""
    origin = script.origin
    label = origin.source.path if origin is not None else script.file  # (script.file, read once)
    for slot in REPLY_SLOTS:  # (as _slot_sources does, inline: a generator per slot costs ~15% here)
        value = getattr(script, slot)
        if isinstance(value, str):
            yield TemplateSource(value, slot, origin, (slot,), label)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield TemplateSource(item, slot, origin, (slot, i), label)
    for channel, own in script.by_channel.items():
        for slot in REPLY_SLOTS:
            yield from _slot_sources(getattr(own, slot), slot, origin, (BY_CHANNEL, channel, slot), label)
    flex = script.flexibility
    if flex is not None:
        if flex.guidance:
            path: tuple[str | int, ...] = ("flexibility", "guidance")
            if origin is not None and path not in origin.values:
                path = ("flexibility",)  # written as the string shorthand
            yield TemplateSource(flex.guidance, "flexibility", origin, path, label)
        for i, alt in enumerate(flex.alternatives):
            yield TemplateSource(alt.text, "flexibility", origin, ("flexibility", "alternatives", i, "text"), label)
        for i, cond in enumerate(flex.conditions):
            yield TemplateSource(cond.text, "flexibility", origin, ("flexibility", "conditions", i, "text"), label)


def _slot_sources(value: object, slot: str, origin: Origin | None,
                  path: tuple[str | int, ...], label: str) -> Iterator[TemplateSource]:
    """A slot's texts: one, or one per variant (a raw value's items that are not text are skipped)."""
    if isinstance(value, str):
        yield TemplateSource(value, slot, origin, path, label)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield TemplateSource(item, slot, origin, (*path, i), label)


def layout_sources(pack: Pack, channel: str) -> Iterator[TemplateSource]:
    layout = pack.meta.layout(channel)
    custom = channel in pack.meta.channels
    origin = pack.origin if custom else None
    for slot in ("greeting", "signoff"):
        text = getattr(layout, slot)
        if text:
            yield TemplateSource(text, slot, origin, ("channels", channel, slot), f"<default {channel} layout>")


# ---------------------------------------------------------------- static checks

class _Scope:
    def __init__(self, pack: Pack, script: Script | None, blanks: Iterable[str] = ()) -> None:
        self.catalogue = pack.catalogue
        self.namespaces = set(self.catalogue.namespaces)
        # a constant named as a namespace ('customer: ...') is refused where it is written (check_templates): read
        # as a constant too, every '{{ customer.first_name }}' (a built-in layout's, at no line) would be blamed
        shadowing = self.namespaces | {BLANK_NAMESPACE}
        self.values = {name: value for name, value in pack.constants.items() if name not in shadowing}
        self.constants = set(self.values)
        self.constants_known = not pack._settings_unread
        self.blanks = set(script.blanks) if script else set(blanks)

    def for_script(self, script: Script) -> _Scope:
        """This (pack-level) scope with a script's blanks: the pack's part is the same for all."""
        # (a shallow copy by hand: copy.copy goes through __reduce_ex__, a third of a script's check)
        scope = _Scope.__new__(_Scope)
        scope.__dict__.update(self.__dict__)
        scope.blanks = set(script.blanks)
        return scope


def check_templates(pack: Pack, script_problems: Iterable[ScriptkitError] | None = None) -> list[ScriptkitError]:
    """Every template problem of the pack, found without rendering anything.

    ``script_problems``: its scripts' own, when already found (``load_pack`` finds them with
    ``script_checker`` while it parses each file, on its workers for a large pack).
    """
    problems: list[ScriptkitError] = []
    scope = _Scope(pack, None)  # (never changed once made: every check below shares it)
    reserved = scope.namespaces | {BLANK_NAMESPACE}
    known = reserved | scope.constants
    for name in pack.constants:
        if not name.isidentifier() or name in reserved:
            loc = pack.origin.location(("constants", name), key=True) if pack.origin else None
            written = slug(name, "_")
            example = f" (e.g. {written})" if written.isidentifier() and written not in reserved else ""
            problems.append(PackError(f"constant name '{name}' is not allowed", loc,
                                      f"Use letters, digits and '_'{example}, and not a placeholder namespace."))
        value = pack.constants[name]
        if isinstance(value, float) and not math.isfinite(value):  # ('.nan', '1e400': 'You have .nan days')
            loc = pack.origin.location(("constants", name)) if pack.origin else None
            problems.append(PackError(f"constant '{name}' is {'not a number' if math.isnan(value) else 'infinite'}",
                                      loc, "Write a number a customer can read (e.g. 30), or text in quotes."))
        if isinstance(value, str) and "{{" in value and any(
                m[1].split(".")[0] in known for m in _NAME_IN_BRACES.finditer(value)):
            # a constant is filled in as written: '{{ support_hours }}' in one would reach the customer as is
            loc = pack.origin.location(("constants", name)) if pack.origin else None
            problems.append(PackError(f"constant '{name}' holds a template, but constants are filled in as written",
                                      loc, "Write plain text here, and the '{{ }}' in the scripts that use it."))
    for channel in CHANNELS:
        for src in layout_sources(pack, channel):
            problems.extend(check_source(src, scope))
    if script_problems is None:
        script_problems = (p for script in pack.scripts for p in check_script(pack, script, scope))
    problems.extend(script_problems)
    unique: dict[str, ScriptkitError] = {str(p): p for p in problems}  # layouts repeat per channel
    return list(unique.values())


_NAME_IN_BRACES = re.compile(r"\{\{-?\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*[|}-]")  # '{{ name', '{{ ns.field |'


def script_checker(pack: Pack) -> Callable[[Script], list[ScriptkitError]]:
    """``check_script`` for the scripts of a pack with ``pack``'s settings (its scripts are not read)."""
    scope = _Scope(pack, None)
    return lambda script: check_script(pack, script, scope)


def check_script(pack: Pack, script: Script, pack_scope: _Scope | None = None) -> list[ScriptkitError]:
    """Template problems of one script, judged against the pack's constants and placeholders
    (``pack_scope``: the pack's scope, when already made)."""
    scope = pack_scope.for_script(script) if pack_scope is not None else _Scope(pack, script)
    return [p for src in script_sources(script) for p in check_source(src, scope)]


_FLEX_PARTS = ("guidance", "alternatives", "conditions")


def _slot_key(key: str, known: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The slot a raw YAML key stands for, also when misspelled (``acknowlegment``)."""
    known = list(known)
    if key in known:
        return key
    close = difflib.get_close_matches(key, known, n=1, cutoff=cutoff)
    return close[0] if close else None


def check_raw_script(pack: Pack, data: Mapping[str, Any], origin: Origin) -> list[ScriptkitError]:
    """Template problems of a script whose YAML failed validation, read from the raw mapping.

    Lets one run report a misspelled key *and* the template errors of the same file.
    """
    label = origin.source.path
    sources: list[TemplateSource] = []
    blanks: list[str] = []
    for key, value in data.items():
        slot = _slot_key(str(key), (*REPLY_SLOTS, "flexibility", BY_CHANNEL))
        if slot in REPLY_SLOTS:
            sources += _slot_sources(value, str(slot), origin, (key,), label)
        elif slot == BY_CHANNEL and isinstance(value, Mapping):
            for channel, own in value.items():
                for own_key, text in own.items() if isinstance(own, Mapping) else ():
                    own_slot = _slot_key(str(own_key), REPLY_SLOTS)
                    if own_slot is not None:
                        sources += _slot_sources(text, own_slot, origin, (key, channel, own_key), label)
        elif slot == "flexibility" and isinstance(value, str):
            sources.append(TemplateSource(value, "flexibility", origin, (key,), label))
        elif slot == "flexibility" and isinstance(value, Mapping):
            for part, inner in value.items():
                kind = _slot_key(str(part), (*_FLEX_PARTS, "blanks"))
                if kind == "guidance" and isinstance(inner, str):
                    sources.append(TemplateSource(inner, "flexibility", origin, (key, part), label))
                elif kind == "blanks" and isinstance(inner, list):
                    blanks += [name for b in inner if isinstance(b, Mapping) and (name := _blank_name(b))]
                    blanks += [b for b in inner if isinstance(b, str)]  # ('blanks: [item]': told how to write it)
                    # a name refused for its spelling ('refund-amount') is reported there; where it is
                    # used as it should be written ('blank.refund_amount') it is not also undeclared
                    blanks += [slug(name, "_") for name in blanks]
                elif kind in ("alternatives", "conditions") and isinstance(inner, list):
                    sources += [TemplateSource(item["text"], "flexibility", origin, (key, part, i, "text"), label)
                                for i, item in enumerate(inner)
                                if isinstance(item, Mapping) and isinstance(item.get("text"), str)]
    scope = _Scope(pack, None, blanks)
    return [p for src in sources for p in check_source(src, scope)]


def _blank_name(item: Mapping[str, Any]) -> str | None:
    """A blank's name, also under a misspelt 'name' key ('nmae: new_date'): that key is reported once,
    and the blank must not then be called undeclared where the script uses it."""
    for key, value in item.items():
        if isinstance(value, str) and _slot_key(str(key).lower(), ("name",), 0.6) == "name":
            return value
    return None


def check_source(src: TemplateSource, scope: _Scope) -> list[ScriptkitError]:
    try:
        read = _read(src, scope)
        if not isinstance(read, list):
            return _check_tree(read, src, scope)
    except RecursionError:  # (Jinja's parser recurses per bracket: '((((' a few hundred deep)
        return [_too_deep(src, src.start)]
    return _read_on(src, scope, read) if read else read


def _holds_blanked(text: str, offsets: Sequence[int], problem: ScriptkitError, blanked: list[tuple[int, int]]) -> bool:
    """Whether ``problem`` is at a '{{ }}' of ``text`` that holds a span ``_read_on`` blanked out."""
    at = problem.location.offset if problem.location is not None else -1
    return any(offsets[m.start()] <= at <= offsets[m.end() - 1] and any(m.start() <= a < m.end() for a, _ in blanked)
               for m in re.finditer(r"\{\{.*?\}\}", text, re.DOTALL))


MAX_SLIPS = 20  # slips told per text: past that, the first ones are fixed before the rest matter


def _read_on(src: TemplateSource, scope: _Scope, slip: list[ScriptkitError]) -> list[ScriptkitError]:
    """Every slip of one text in one run: Jinja stops reading at the first ('{{ order number }}'), so
    the writer fixed one, ran check, and met the next. A slip inside a '{{ }}' is blanked out (the
    text keeps its length, so locations hold) and the rest read again, in the file's order."""
    offsets = src.offsets() if src.origin is not None else ()  # (of the text as written: copies keep its length)
    if not offsets:  # (no file to point into: every location would be the text's start)
        return slip
    text, found = src.text, list(slip)
    blanked: list[tuple[int, int]] = []
    for _ in range(MAX_SLIPS):
        at = found[-1].location.offset if found[-1].location is not None else -1
        span = next((m.span() for m in _PRINT.finditer(text) if offsets[m.start()] <= at <= offsets[m.end() - 1]), None)
        if span is None:
            break
        text = text[:span[0]] + re.sub(r"[^\n]", " ", text[span[0]:span[1]]) + text[span[1]:]
        blanked.append(span)
        copy = src._replace(text=text)
        try:
            read = _read(copy, scope)
            if not isinstance(read, list):
                found += _check_tree(read, copy, scope)
                break
        except RecursionError:
            break
        if any(_holds_blanked(text, offsets, p, blanked) for p in read):
            break  # (a slip of the blanking itself, '{{ {{ x y }} }}' read as an empty '{{ }}': not the writer's)
        found += read
        if not read:
            break
    return sorted(found, key=lambda p: p.location.offset if p.location is not None else -1)


def _too_deep(src: TemplateSource, where: Location) -> TemplateSecurityError:
    return TemplateSecurityError(f"the template in {src.slot} nests tags or brackets too deeply to read "
                                 f"(more than {MAX_NESTING} levels)", where,
                                 "Write the text out, or split it: templates are for constants and placeholders.")


def _nested_too_deep(tree: nodes.Template, src: TemplateSource) -> TemplateSecurityError | None:
    """Whether the template nests deeper than MAX_NESTING: a hundred '{% if %}' in one another made
    Python's compiler fail ('too many levels of indentation'), told as a bug in scriptkit. What is counted is
    what the writer wrote: tags inside one another ('{% elif %}' is its '{% if %}''s level), and within one tag
    or '{{ }}', brackets (and filters) inside one another; the compiler fails past 100 of the one or 200 of the
    other, and the message's number is the one refused past."""
    stack: list[tuple[nodes.Node, int, int]] = [(tree, 0, 0)]  # (a loop, not recursion: the tree may be that deep)
    while stack:
        node, tags, brackets = stack.pop()
        if tags > MAX_NESTING or brackets > MAX_NESTING:
            return _too_deep(src, src.location_of_line(getattr(node, "lineno", 1)))
        elifs = node.elif_ if isinstance(node, nodes.If) else []
        for child in node.iter_child_nodes():
            if isinstance(child, _BODY_TAGS):
                stack.append((child, tags + (not any(child is e for e in elifs)), 0))
            elif isinstance(child, nodes.Expr):  # (a name or a constant is no level: 'x' in '[x]' is one deep)
                stack.append((child, tags, brackets + any(True for _ in child.iter_child_nodes())))
            else:  # (a '{{ }}' or text; a key and its value, a keyword argument: as deep as what holds them)
                stack.append((child, tags, brackets if isinstance(child, nodes.Helper) else 0))
    return None


#: the tags that hold a body: each one nested is a level
_BODY_TAGS = (nodes.If, nodes.For, nodes.With, nodes.FilterBlock, nodes.CallBlock, nodes.Macro, nodes.Block,
              nodes.AssignBlock, nodes.Scope, nodes.OverlayScope, nodes.EvalContextModifier)


def _read(src: TemplateSource, scope: _Scope) -> list[ScriptkitError] | nodes.Template:
    """The text's first slip (Jinja stops there), no problems at all, or its tree to check."""
    if "{" not in src.text:
        return []
    if len(src.text) > MAX_TEMPLATE:
        return [_too_long(src)]
    extra = src.text.find("{{{")
    if extra >= 0:  # (Jinja reads '{{{ x }}}' as '{{ {x} }}': the braces reach the customer)
        return [PackError("'{{{' has one brace too many: the extra one is sent to the customer",
                          src.location_of(extra), "Write two braces on each side: {{ name }}.")]
    # '{{ x }}}': Jinja prints the third brace as text. Only right after a placeholder: a brace
    # elsewhere in the text may be meant, and is sent as written
    stray = _STRAY_CLOSE.search(src.text) if "}}}" in src.text else None
    if stray is not None:
        return [PackError("'}}}' has one brace too many: the extra one is sent to the customer",
                          src.location_of(stray.end() - 1), "Write two braces on each side: {{ name }}.")]
    spelled = _helpdesk_spelling(src, scope)
    if spelled is not None:
        return [spelled]
    raw = _unclosed_raw(src.text) if "raw" in src.text else None
    if raw is not None:  # (Jinja renders one at the end as nothing, without a word: the text after it lost)
        return [PackError(f"template syntax error in {src.slot}: '{{% raw %}}' is never closed", src.location_of(raw),
                          "Add '{% endraw %}' where the text it keeps as written ends, or delete the tag.")]
    if _simple_and_valid(src.text, scope):
        return []
    env = _env()
    try:
        tree = env.parse(src.text)
    except TemplateSyntaxError as exc:
        char = _UNEXPECTED_CHAR.fullmatch(exc.message or "")
        if char is not None:  # (Jinja's "at 38" is an offset in the template: say where, and what)
            found, at = _unescaped(char["char"]), src.location_of(int(char["at"]))
            if unicodedata.category(found) in ("Cf", "Zs", "Zl", "Zp", "Cc"):  # (Jinja wrote it as '\u200b')
                return [PackError(f"template syntax error in {src.slot}: an invisible character, U+{ord(found):04X} "
                                  f"({unicodedata.name(found, 'a control character')}), inside '{{{{ }}}}'", at,
                                  "Delete it (retype the placeholder): it comes with text pasted from a web page, "
                                  "a chat or a word processor.")]
            if found in "'\"":  # (Jinja's lexer reads a quote it cannot pair as a stray character)
                return [_unclosed_quote(src, found, at)]
            curly = found in "‘’“”"
            if not curly and (unclosed := _unclosed_print(src)) is not None:  # ('{{ customer.first_name!')
                return [unclosed]
            return [PackError(f"template syntax error in {src.slot}: "
                              + (f"curly quote '{found}' inside '{{{{ }}}}'" if curly
                                 else f"unexpected character '{found}'"), at,
                              "Use straight quotes inside '{{ }}', e.g. fallback('there'); word processors curl them."
                              if curly else _BRACES_HINT)]
        block_problem = _block_problem(src, exc) or _unknown_tag(src, exc)
        if block_problem is not None:
            return [block_problem]
        expected = (exc.message or "").startswith("Expected an expression")
        empty = _EMPTY_PRINT.search(src.text) if expected else None
        if empty is not None:  # (Jinja's words: "Expected an expression, got 'end of print statement'")
            return [PackError(f"template syntax error in {src.slot}: '{empty[0]}' is empty: it names no placeholder",
                              src.location_of(empty.start()),
                              "Write a placeholder's name between the braces, e.g. {{ order.number }}, "
                              "or delete them.")]
        bare = _BARE_TEST.search(src.text) if expected else None
        if bare is not None:  # ("Expected an expression, got 'end of statement block'": '{% if %}')
            return [PackError(f"template syntax error in {src.slot}: '{bare[0]}' tests nothing: "
                              f"'{bare[1]}' needs a condition",
                              src.location_of(bare.start()),
                              f"Write what it tests after '{bare[1]}', a constant of pack.yaml (e.g. "
                              f"{{% {bare[1]} refund_window_days > 14 %}}), or delete the tag. For text the agent "
                              "chooses, use flexibility: conditions.")]
        slip = (_else_if(src) or _single_equals(src) or _liquid_fallback(src) or _unclosed_fallback(src)
                or _unquoted_words(src) or _double_bar(src) or _extra_bracket(src)
                or _unpaired_quote(src) or _spaced_name(src, scope) or _unclosed_print(src) or _unclosed_tag(src))
        if slip is not None:
            return [slip]
        return [PackError(f"template syntax error in {src.slot}: {exc.message}",
                          src.location_of(_syntax_error_index(src.text, exc)), _BRACES_HINT)]
    return tree


def _check_tree(tree: nodes.Template, src: TemplateSource, scope: _Scope) -> list[ScriptkitError]:
    """Every problem of a text Jinja read to the end."""
    deep = _nested_too_deep(tree, src)
    if deep is not None:
        return [deep]
    problems: list[ScriptkitError] = []
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    # the names a call is made to: the call is refused ('{{ range(10) }}'), and its name is not also an undefined
    # constant ("Did you mean 'brand'?"), nor, a macro's, a second refusal of the macro refused at its tag
    callees = {id(n.node) for n in tree.find_all(nodes.Call)} if "(" in src.text else set()
    macros = {n.name for n in tree.find_all(nodes.Macro)} if "{%" in src.text else set()  # (a tag: most have none)
    for macro in tree.find_all(nodes.Macro) if macros else ():
        assert isinstance(macro, nodes.Macro)  # (find_all's type: any node)
        problems.append(PackError("macros are not supported in templates",
                                  _at(src, macro.lineno, r"\{%[-+]?\s*(macro)\b", 1), _NO_MACRO_HINT))
    stored |= macros
    # names used as ``customer.x`` or ``customer['x']``; any other use of a namespace is bare
    bases = {id(getattr(n, "node", None)): getattr(n, "attr", None)  # (-> the field read, for a hint)
             for n in tree.find_all((nodes.Getattr, nodes.Getitem))}
    kinds: tuple[type[nodes.Node], ...] = (nodes.Getattr, nodes.Getitem, nodes.Name, nodes.Filter, nodes.Test,
                                           nodes.Call, nodes.Mul, nodes.Pow, nodes.FilterBlock, nodes.If,
                                           nodes.CondExpr, nodes.Output, *_FILE_TAGS)
    # a bare word as a fallback (fallback(there)) is reported there, once, not also as an undefined
    # name: the walk meets a filter before its arguments
    quoted: set[int] = set()
    for node in tree.find_all(kinds):
        if id(node) in quoted or (id(node) in callees and isinstance(node, nodes.Name)):
            continue
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in macros:
            continue  # (the macro is refused at its tag)
        if (isinstance(node, nodes.Filter) and node.name in _REF_FILTERS and node.args
                and _unquoted_word(node.args[0], scope, stored)):
            quoted.add(id(node.args[0]))
        problems.extend(_check_node(node, src, scope, stored, bases))
    return problems + _nested_loops(tree, src) if "{%" in src.text else problems


_NO_MACRO_HINT = ("For text used in several places, write it once as a constant in pack.yaml ({{ constant_name }}) "
                  "or name it here with {% set refund_line = 'I have refunded you.' %} and print {{ refund_line }}.")


_UNEXPECTED_CHAR = re.compile(r"unexpected char (['\"])(?P<char>\\(?:u[0-9a-f]{4}|U[0-9a-f]{8}|x[0-9a-f]{2}|.)|.)\1 "
                              r"at (?P<at>\d+)", re.DOTALL)


def _unescaped(char: str) -> str:
    """The character Jinja's message names in Python's spelling ('\\u200b', '\\t', '\\\\')."""
    return codecs.decode(char, "unicode_escape") if char.startswith("\\") and len(char) > 1 else char
_STRAY_CLOSE = re.compile(r"\{\{[^{}]*\}\}\}")  # a placeholder and one closing brace more
_EMPTY_PRINT = re.compile(r"\{\{-?\s*-?\}\}")  # '{{ }}', '{{- -}}'
_CONSTANT_ITEM = re.compile(r"""constants\s*\[\s*['"]([^'"]+)['"]\s*\]""")  # ("constants['status_page']")
_BARE_TEST = re.compile(r"\{%-?\s*(if|elif)\s*-?%\}")  # '{% if %}', '{%- elif -%}'


_PRINT = re.compile(r"\{\{-?(?P<inside>(?:(?!\{\{|\}\}|\{%).)*)\}\}", re.DOTALL)  # one '{{ ... }}'
_WORDS_ONLY = re.compile(r"\s*(?P<words>[A-Za-z_]\w*(?:\s+[A-Za-z_]\w*)+)\s*-?")
_LEADING_NAME = re.compile(r"-?\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)")


def _helpdesk_spelling(src: TemplateSource, scope: _Scope) -> PackError | None:
    if "{{" not in src.text and "{%" not in src.text and "{!" not in src.text:
        return None
    spellings = helpdesk_spellings()
    literal: list[tuple[int, int]] | None = None
    for found in HELPDESK_VARIABLE.finditer(src.text):
        name = found["mustache"] or found["helpscout"] or found["salesforce"]
        meanings = spellings.get(name)
        if meanings is None or name in scope.catalogue or name.split(".")[0] in scope.constants:
            continue
        literal = marked_literal_spans(src.text) if literal is None else literal
        if in_spans(literal, found.start()):
            continue  # (in '{% raw %}' or a quoted string: the code as the writer means the customer to read it)
        fallback = found["fallback"]
        with_fallback = f" | fallback('{fallback}')" if fallback and "'" not in fallback else ""
        if found["helpscout"] or found["salesforce"]:
            whose = "Help Scout's" if found["helpscout"] else "Salesforce's"
        else:
            helpdesks = [h for names in meanings.values() for h in names]
            whose = f"{' and '.join(helpdesks)}'s" if helpdesks else "a helpdesk's"
        writes = [f"{{{{ {canonical}{with_fallback} }}}}" + (f" ({' and '.join(names)})" if len(meanings) > 1 else "")
                  for canonical, names in meanings.items()]
        return PackError(f"'{found[0]}' is {whose} spelling of a placeholder", src.location_of(found.start()),
                         f"Write {' or '.join(writes)}: the export spells it for each helpdesk. To show the code "
                         f"itself (the codes an old email showed), write {{% raw %}}{found[0]}{{% endraw %}}.")
    return None


def _unpaired_quote(src: TemplateSource) -> PackError | None:
    """A quote inside '{{ }}' with no partner there ("fallback('yours) }}"): Jinja pairs it with an
    apostrophe further on ("I'll") and says "expected token ',', got 'll'"."""
    for found in _PRINT.finditer(src.text):
        inside = found["inside"]
        for quote in "'\"":
            # (one kind: "it's" in '"..."' pairs; a quote after a backslash is text: 'it\'s')
            if (inside.count(quote) - inside.count("\\" + quote)) % 2 and not ({"'", '"'} <= set(inside)):
                if quote == "'" and (apostrophe := _apostrophe(src)) is not None:
                    return apostrophe
                return _unclosed_quote(src, quote, src.location_of(found.start("inside") + inside.rindex(quote)))
    return None


def _apostrophe(src: TemplateSource) -> PackError | None:
    """An apostrophe inside a fallback in single quotes ("fallback('the family's')") ends its text."""
    found = _APOSTROPHE_IN_FALLBACK.search(src.text)
    if found is None:
        return None
    text = found["text"]
    return PackError(f"template syntax error in {src.slot}: the apostrophe in '{text}' ends the fallback's "
                     "quoted text", src.location_of(found.start("mark")),
                     f"Write the apostrophe as ’, fallback('{text.replace(chr(39), chr(0x2019))}'), or put the "
                     f"fallback in double quotes.")


def _unquoted_words(src: TemplateSource) -> PackError | None:
    """A fallback of several words with no quotes ('fallback(the family)'): Jinja said "expected token
    ',', got 'family'" (one word is told at the fallback, as a constant the pack lacks)."""
    found = _WORDS_FALLBACK.search(src.text)
    if found is None:
        return None
    words = " ".join(found["words"].split())
    return PackError(f"template syntax error in {src.slot}: {found['filter']}({words}) needs quotes",
                     src.location_of(found.start("words")), f"Write {found['filter']}('{words}').")


def _liquid_fallback(src: TemplateSource) -> PackError | None:
    """'| fallback: "there"' or '| default: "there"', as Zendesk's and Intercom's Liquid write it: Jinja
    said "expected token 'end of print statement', got ':'"."""
    found = _LIQUID_FALLBACK.search(src.text)
    if found is None:
        return None
    return PackError(f"template syntax error in {src.slot}: '| {found['filter']}:' is how a helpdesk's Liquid "
                     "writes a fallback", src.location_of(found.start("colon")),
                     f"Write {found['filter']}({found['arg']}): the export writes each helpdesk's own form.")


def _unclosed_fallback(src: TemplateSource) -> PackError | None:
    """'fallback('there' }}': the bracket never closed (Jinja: "unexpected '}', expected ')'")."""
    found = _UNCLOSED_FALLBACK.search(src.text)
    if found is None:
        return None
    return PackError(f"template syntax error in {src.slot}: this '(' is never closed with ')'",
                     src.location_of(found.start("open")),
                     f"Add ')' after the fallback's text: {found['filter']}({found['arg'].strip()}).")


_LIQUID_FALLBACK = re.compile(r"\|\s*(?P<filter>fallback|default)\s*(?P<colon>:)\s*(?P<arg>'[^'{}]*'|\"[^\"{}]*\"|\w+)")
_UNCLOSED_FALLBACK = re.compile(r"\|\s*(?P<filter>fallback|default)\s*(?P<open>\()(?P<arg>[^(){}]*?)\s*-?\}\}")
_APOSTROPHE_IN_FALLBACK = re.compile(
    r"\b(?:fallback|default)\s*\(\s*'(?P<text>[^'{}()]*?\w(?P<mark>')\w[^'{}()]*)'?\s*\)")
_WORDS_FALLBACK = re.compile(r"\b(?P<filter>fallback|default)\s*\(\s*(?P<words>[A-Za-z]\w*(?:[ \t]+\w+)+)\s*\)")


def _unclosed_quote(src: TemplateSource, quote: str, at: Location) -> PackError:
    return PackError(f"template syntax error in {src.slot}: the quote {quote} inside '{{{{ }}}}' is never closed",
                     at, f"Close the text with a second {quote}, e.g. fallback({quote}there{quote}).")


def _spaced_name(src: TemplateSource, scope: _Scope) -> PackError | None:
    """'{{ order number }}' or '{{ refund window days }}': a name written with spaces where the
    '.' or the '_' goes (Jinja's words: "expected token 'end of print statement', got 'number'")."""
    for found in _PRINT.finditer(src.text):
        words = _WORDS_ONLY.fullmatch(found["inside"])
        if words is None:
            continue
        parts = words["words"].split()
        if any(word in ("and", "or", "not", "in", "is", "if", "else") for word in parts):
            continue  # (Jinja's own words: '{{ a and b }}' is an expression, not a slip)
        dotted, joined = ".".join(parts).lower(), "_".join(parts).lower()
        meant = (dotted if len(parts) == 2 and dotted in scope.catalogue
                 else joined if joined in scope.constants else None)
        hint = (f"Did you mean {{{{ {meant} }}}}?" if meant else
                "A placeholder is written namespace.field, e.g. {{ order.number }}; a constant as one word "
                "with '_', as in pack.yaml, e.g. {{ refund_window_days }}.")
        return PackError(f"template syntax error in {src.slot}: '{{{{ {words['words']} }}}}' has spaces inside "
                         "a name", src.location_of(found.start()), hint)
    return None


# a placeholder as written up to where its '}}' belongs: its name and each filter, with the filter's arguments
# (a name ends at a word: '{{ customer.first_name.' ends a sentence, its '.' is not the name's)
_WRITTEN_PRINT = re.compile(r"""-?\s*([A-Za-z_]\w*(?:\.\w+)*"""
                            r"""(?:\s*\|\s*\w+(?:\s*\((?:[^()'"]|'[^']*'|"[^"]*")*\))?)*)\s*""")


def _unclosed_print(src: TemplateSource) -> PackError | None:
    """A '{{' that nothing closes: no '}}' follows it before the next '{{' or '{%' (Jinja reads on
    into the text and says "expected token 'end of print statement', got 'it'")."""
    for opener in re.finditer(r"\{\{", src.text):
        close = src.text.find("}}", opener.end())
        after = _OPENER.search(src.text, opener.end())
        if close >= 0 and (after is None or close < after.start()):
            continue
        written = _WRITTEN_PRINT.match(src.text, opener.end())
        name = written[1] if written else None  # (the name and its filters as written: the fallback kept)
        return PackError(f"template syntax error in {src.slot}: this '{{{{' is never closed with '}}}}'",
                         src.location_of(opener.start()),
                         f"Add '}}}}' where the placeholder ends: {{{{ {name} }}}}." if name
                         else "Add '}}' where the placeholder ends, e.g. {{ order.number }}.")
    return None


def _unclosed_tag(src: TemplateSource) -> PackError | None:
    """A '{%' that no '%}' closes before the next '{{' or '{%': left open ('{% endif'), or closed
    with a placeholder's brace ('{% if has_waitlist }'). Jinja said "unexpected '}'" or "unexpected
    end of template" at the start of the slot."""
    for opener in re.finditer(r"\{%", src.text):
        after = _OPENER.search(src.text, opener.end())
        stop = after.start() if after is not None else len(src.text)
        if "%}" in src.text[opener.end():stop]:
            continue
        tag = _TAG_WORDS.match(src.text, opener.end())
        written = f"{{% {tag[1]} %}}" if tag and tag[1] else "{% if ... %}"
        brace = src.text.find("}", opener.end(), stop)
        if brace >= 0:
            return PackError(f"template syntax error in {src.slot}: this '{{%' ends with '}}' instead of '%}}'",
                             src.location_of(brace), f"End the tag with '%}}': {written}.")
        return PackError(f"template syntax error in {src.slot}: this '{{%' is never closed with '%}}'",
                         src.location_of(opener.start()), f"Add '%}}' where the tag ends: {written}.")
    return None


def _else_if(src: TemplateSource) -> PackError | None:
    """'{% else if x %}' (as many languages write it): Jinja said "expected token 'end of statement
    block', got 'if'"."""
    found = _ELSE_IF.search(src.text)
    if found is None:
        return None
    return PackError(f"template syntax error in {src.slot}: '{{% else if %}}' is written '{{% elif %}}' here",
                     src.location_of(found.start()), f"Write {{% elif {found[1].strip()} %}}.")


def _single_equals(src: TemplateSource) -> PackError | None:
    """'{% if free_shipping = true %}', as a sentence says it: Jinja said "expected token 'end of statement
    block', got '='" and was located at the text's start."""
    for found in _CONDITION.finditer(src.text):
        test = found["test"]
        equals = next((m for m in re.finditer(r"(?<![=!<>])=(?!=)", test) if not _in_quotes(test, m.start())), None)
        if equals is None:
            continue
        left, right = test[:equals.start()].strip(), test[equals.end():].strip()
        instead = f"{{% {found['tag']} {left} == {right} %}}"
        if right.lower() in ("true", "false"):  # (a yes-or-no constant is a condition alone)
            instead += f" (or just {{% {found['tag']} {'' if right.lower() == 'true' else 'not '}{left} %}})"
        return PackError(f"template syntax error in {src.slot}: '=' sets a value, it does not compare",
                         src.location_of(found.start("test") + equals.start()), f"Use == to compare: {instead}.")
    if (setting := _SET_COMPARING.search(src.text)) is not None:  # ('{% set tier == "gold" %}': the other way)
        return PackError(f"template syntax error in {src.slot}: '==' compares, it does not set a value",
                         src.location_of(setting.start("equals")),
                         f"Use = to set it: {{% set {setting['name']} = {setting['value'].strip()} %}}.")
    return None


_CONDITION = re.compile(r"\{%-?\s*(?P<tag>if|elif)\s+(?P<test>[^%{}]*?)\s*-?%\}")
_SET_COMPARING = re.compile(r"\{%-?\s*set\s+(?P<name>\w+)\s*(?P<equals>==)(?P<value>[^%{}]*?)\s*-?%\}")


def _in_quotes(text: str, at: int) -> bool:
    """Whether ``at`` in a tag's ``text`` is inside quoted text ('tier = "a=b"')."""
    quote = ""
    for char in text[:at]:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
    return bool(quote)


def _double_bar(src: TemplateSource) -> PackError | None:
    """'{{ customer.first_name || fallback('there') }}', an 'or' in other languages: Jinja said
    "expected token 'name', got '|'" and blamed the braces."""
    for found in _PRINT.finditer(src.text):
        bars = _unquoted_find(found["inside"], "||")
        if bars >= 0:
            name, after = found["inside"][:bars].strip(), found["inside"][bars + 2:]
            filtered = _FILTER_CALL.match(after)
            return PackError(f"template syntax error in {src.slot}: '||' has one '|' too many",
                             src.location_of(found.start("inside") + bars),
                             f"A filter follows one '|': write {{{{ {name} | {filtered[1]} }}}}." if filtered else
                             f"For text to show where it is empty, write {{{{ {name} | fallback('...') }}}}.")
    return None


def _unquoted_find(inside: str, needle: str) -> int:
    """Where ``needle`` is in ``inside`` (a '{{ }}''s text) outside quoted text ("fallback('you || me')"), or -1."""
    quote, escaped = "", False
    for i, char in enumerate(inside):
        if quote:  # (a backslash in quoted text escapes the next character: 'it\'s')
            quote, escaped = ("" if char == quote and not escaped else quote), (char == "\\" and not escaped)
        elif char in "'\"":
            quote = char
        elif inside.startswith(needle, i):
            return i
    return -1


def _extra_bracket(src: TemplateSource) -> PackError | None:
    """"fallback('there'))": a ')' that closes nothing (Jinja: "unexpected ')'", and the braces blamed)."""
    for found in _PRINT.finditer(src.text):
        depth, quote, escaped = 0, "", False
        for i, char in enumerate(found["inside"]):
            if quote:
                quote, escaped = ("" if char == quote and not escaped else quote), (char == "\\" and not escaped)
            elif char in "'\"":
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth < 0:
                    return PackError(f"template syntax error in {src.slot}: this ')' closes no '('",
                                     src.location_of(found.start("inside") + i), "Delete it.")
    return None


_FILTER_CALL = re.compile(r"\s*([A-Za-z_]\w*(?:\([^(){}]*\))?)\s*-?$")  # 'fallback('there')' after '||'
_TAG_WORDS = re.compile(r"-?\s*([^{}%]*?)\s*(?:\}|$)", re.M)  # what a tag says before its (wrong) end
_ELSE_IF = re.compile(r"\{%-?\s*else\s+if\b\s*([^%{}]*)-?%\}")


def _unquoted_word(node: nodes.Node, scope: _Scope, stored: set[str]) -> bool:
    """A name that is no constant, placeholder namespace or template variable: a word left unquoted."""
    return (isinstance(node, nodes.Name) and node.name not in scope.constants and node.name not in stored
            and node.name not in scope.namespaces and node.name != BLANK_NAMESPACE and scope.constants_known)


def _nested_loops(tree: nodes.Template, src: TemplateSource) -> list[ScriptkitError]:
    """A loop inside a loop, reported at the outer one: nested loops multiply (ten of ten run ten
    billion times) before the output limit can be checked."""
    loops = list(tree.find_all(nodes.For))
    if len(loops) < 2:
        return []
    inner = {id(n) for loop in loops for n in loop.find_all(nodes.For)}
    return [TemplateSecurityError("a loop inside a loop is not allowed in templates",
                                  _at(src, loop.lineno, r"\{%[-+]?\s*(for)\b", 1),
                                  "Write the text out, or keep one loop over a constant.")
            for loop in loops if id(loop) not in inner and next(loop.find_all(nodes.For), None)]


def _simple_and_valid(text: str, scope: _Scope) -> bool:
    """True when the template is only text and simple expressions (see ``_emulate``) whose names
    all resolve: the Jinja checks would find nothing, so parsing can be skipped. Anything else
    gets the full check, which words the problems."""
    if _NOT_SIMPLE.search(text):
        return False
    pos = 0
    for m in _SIMPLE.finditer(text):
        if "{{" in text[pos:m.start()]:
            return False
        base, attr = m["a"], m["b"]
        if attr is None:
            if base not in scope.constants or base in scope.namespaces or base == BLANK_NAMESPACE:
                return False
        elif attr.startswith("_") or base in scope.constants:
            return False
        elif base == BLANK_NAMESPACE:
            if attr not in scope.blanks or m["s"] is not None or m["d"] is not None:
                return False  # (a blank's fallback is refused: the full check says so)
        elif base not in scope.namespaces or f"{base}.{attr}" not in scope.catalogue:
            return False
        pos = m.end()
    return "{{" not in text[pos:]


_OPENER = re.compile(r"\{\{|\{%")
_INNERMOST = re.compile(r"innermost block that needs to be closed is '(\w+)'")


_STRAY_END = re.compile(r"Encountered unknown tag '(end\w+)'")
# the end tags a template may write ('{% endiff %}' is a misspelt one: _unknown_tag's)
_END_TAGS = frozenset("end" + tag for tag in ("if", "for", "block", "macro", "call", "filter", "set", "with",
                                              "autoescape", "raw"))


_RAW_TAG = re.compile(r"\{%[-+]?\s*(end)?raw\s*[-+]?%\}")  # (Jinja's own '{% raw %}' and '{% endraw %}')


def _unclosed_raw(text: str) -> int | None:
    """Where a '{% raw %}' opens that no '{% endraw %}' closes (inside one, another '{% raw %}' is text)."""
    opened: int | None = None
    for tag in _RAW_TAG.finditer(text):
        if opened is None and not tag[1]:
            opened = tag.start()
        elif opened is not None and tag[1]:
            opened = None
    return opened


def _block_problem(src: TemplateSource, exc: TemplateSyntaxError) -> PackError | None:
    """A '{% if %}' (or for...) never closed, or an end tag that closes nothing, said in a writer's words
    (Jinja's: "Unexpected end of template. Jinja was looking for the following tags: ...")."""
    message = exc.message or ""
    block, stray = _INNERMOST.search(message), _STRAY_END.match(message)
    if stray is not None and stray[1] not in _END_TAGS:
        return None
    if block is not None and stray is None and message.startswith("Unexpected end of template"):
        tag = block.group(1)
        return PackError(f"template syntax error in {src.slot}: '{{% {tag} %}}' is never closed",
                         src.location_of(_syntax_error_index(src.text, exc)),
                         f"Add '{{% end{tag} %}}' where the text it covers ends.")
    if stray is None:
        return None
    end = stray.group(1)
    found = _first_stray_end(src.text)
    if found is None or found[1] != end:  # (Jinja's own order: the first tag of that name on its line)
        where, still_open = _tag_location(src, exc, end), [block.group(1)] if block is not None else []
    else:
        where, still_open = src.location_of(found[0]), found[2]
    if still_open and end[3:] in still_open:
        inner = still_open[-1]
        return PackError(f"template syntax error in {src.slot}: '{{% {end} %}}' comes while '{{% {inner} %}}' "
                         "is still open", where, f"Close the inner block first: '{{% end{inner} %}}' before it.")
    if still_open:  # ('{% if x %}...{% endfor %}': no '{% for %}' is open, so nothing is "inner")
        return PackError(f"template syntax error in {src.slot}: '{{% {end} %}}' closes no '{{% {end[3:]} %}}'",
                         where, f"Did you mean '{{% end{still_open[-1]} %}}'? Else delete it.")
    return PackError(f"template syntax error in {src.slot}: '{{% {end} %}}' closes nothing", where,
                     f"Delete it, or add the '{{% {end[3:]} ... %}}' it closes before it.")


_A_TAG = re.compile(r"\{%[-+]?\s*(\w+)([^%]*(?:%(?!\})[^%]*)*)%\}")


def _first_stray_end(text: str) -> tuple[int, str, list[str]] | None:
    """The first end tag that closes no block open before it, as (its index, its name, the blocks open there,
    outermost first): Jinja names only the line, and a line may hold a good '{% endif %}' before the stray one."""
    opened: list[str] = []
    for m in _A_TAG.finditer(text):
        name = m[1]
        if opened and opened[-1] == "raw" and name != "endraw":
            continue  # (inside '{% raw %}' a tag is text)
        if name in _BLOCKS and not (name == "set" and "=" in m[2]):  # ('{% set x = 1 %}' opens no block)
            opened.append(name)
        elif name in _END_TAGS:
            if not opened or opened[-1] != name[3:]:
                return m.start(), name, opened
            opened.pop()
    return None


_BLOCKS = frozenset(tag[3:] for tag in _END_TAGS)


_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(\w+)'\.(?: Jinja was looking for the following tags: (.*?)\.)?")
_TAGS = ("if", "elif", "else", "endif", "for", "endfor", "raw", "endraw", "set")  # (what a writer's slip is close to)
_WITHIN = ("elif", "else")  # (tags that continue an open block)


def _unknown_tag(src: TemplateSource, exc: TemplateSyntaxError) -> PackError | None:
    """A tag Jinja does not know ('{% esle %}'): pointed at itself, on the line Jinja names, with the tag it is
    closest to. (Jinja's message named the tags it was looking for, and the location was the '{% if %}' before.)
    Called after ``_block_problem``, which takes an end tag that closes nothing ('{% endiff %}' is this one's)."""
    found = _UNKNOWN_TAG.match(exc.message or "")
    if found is None:
        return None
    tag = found[1]
    where, said = _tag_location(src, exc, tag), f"template syntax error in {src.slot}: '{{% {tag} %}}'"
    wanted = re.findall(r"'(\w+)'", found[2] or "")
    close = difflib.get_close_matches(tag, wanted or _TAGS, n=1, cutoff=0.6)
    if not wanted:  # (Jinja names the tags it wants only inside a block: nothing is open, so only an opener fits)
        if tag in _WITHIN:  # (a real '{% else %}' Jinja refuses: it was "not a tag. Did you mean '{% else %}'?")
            return PackError(f"{said} belongs to no open block", where,
                             "Delete it, or add the '{% if ... %}' it belongs to before it.")
        if tag.startswith("end") or (close and close[0].startswith("end")):
            return PackError(f"{said} is not a tag, and closes nothing", where,
                             "Delete it: no block is open here for it to close.")
        if close and close[0] in _WITHIN:
            return PackError(f"{said} is not a tag", where,
                             f"Delete it: it reads as '{{% {close[0]} %}}', and no block is open here for one.")
    hint = (f"Did you mean '{{% {close[0]} %}}'?" if close else
            "Check its spelling: a script's tags are Jinja's, such as if, elif, else, endif, for and endfor.")
    return PackError(f"{said} is not a tag", where, hint)


def _tag_location(src: TemplateSource, exc: TemplateSyntaxError, tag: str) -> Location:
    """Where the '{% tag %}' Jinja refuses is: the first from the start of the line it names (that line's start
    when none is found there)."""
    lines = src.text.split("\n")
    line_start = sum(len(line) + 1 for line in lines[:max(0, min(exc.lineno or 1, len(lines)) - 1)])
    at = re.compile(r"\{%-?\s*" + re.escape(tag) + r"\b").search(src.text, line_start)
    return src.location_of(at.start() if at else line_start)


def _syntax_error_index(text: str, exc: TemplateSyntaxError) -> int:
    """Where in ``text`` a syntax error is: Jinja gives only the line, so find the opener at fault."""
    lines = text.split("\n")
    lineno = max(1, min(exc.lineno or 1, len(lines)))
    line_start = sum(len(line) + 1 for line in lines[: lineno - 1])
    block = _INNERMOST.search(exc.message or "")
    if block:  # an unclosed {% if %}: point at its opening tag
        found = [m.start() for m in re.finditer(r"\{%-?\s*" + block.group(1) + r"\b", text)]
        if found:
            return found[-1]
    line = lines[lineno - 1]
    for m in _OPENER.finditer(line):  # the first '{{ }}' on the line that does not parse alone
        if m.group() != "{{":
            continue
        end = line.find("}}", m.end())
        piece = line[m.start(): end + 2] if end >= 0 else line[m.start():]
        try:
            _env().parse(piece)
        except TemplateSyntaxError:
            return line_start + m.start()
    return line_start


def _is_sequence(node: nodes.Node, scope: _Scope) -> bool:
    if isinstance(node, nodes.Const):
        return isinstance(node.value, str)
    if isinstance(node, nodes.Name):
        return isinstance(scope.values.get(node.name), str)
    return isinstance(node, (nodes.List, nodes.Tuple, nodes.Concat, nodes.Filter))


_REF_FILTERS = ("fallback", "default")  # filters that leave a placeholder for the helpdesk to fill


def _is_ref(node: nodes.Node | None, scope: _Scope) -> bool:
    """Whether ``node`` evaluates to a placeholder or blank (known only after the build)."""
    return node is not None and _ref_name(node, scope, set()) is not None


def _big_int(node: nodes.Node, limit: int) -> bool:
    return isinstance(node, nodes.Const) and isinstance(node.value, int) and abs(node.value) > limit


# tags that read another template: the sandbox has no loader, and a pack is its own files only
_FILE_TAGS: dict[type[nodes.Node], str] = {nodes.Include: "include", nodes.Import: "import",
                                           nodes.FromImport: "from", nodes.Extends: "extends"}
_FALLBACK_HINT = "A fallback is the text shown when the value is empty, e.g. fallback('there')."
_NOT_PLAIN_FALLBACK = "a fallback must be quoted text, a number or a constant that holds one"
_NOT_PLAIN_HINT = _FALLBACK_HINT + " A placeholder cannot stand in for another."
_BRACES_HINT = "Check that every '{{' has a matching '}}' and every '{%' a '%}'."
_FALLBACK_OPEN = re.compile(r"\|\s*(fallback)\s*\(\s*")
_PLAIN_ARGUMENT = re.compile(
    r"""(?:default\s*=\s*)?(?:'[^'\\]*'|"[^"\\]*"|\d+(?:\.\d+)?|(?P<name>[A-Za-z_]\w*))\s*\)""")


def _at(src: TemplateSource, lineno: int, pattern: str, group: int = 0) -> Location:
    """Where ``pattern`` first matches on a template line (its ``group``), else the line's start."""
    lines = src.text.split("\n")
    lineno = max(1, min(lineno, len(lines)))
    found = re.search(pattern, lines[lineno - 1])
    if found is None:
        return src.location_of_line(lineno)
    return src.location_of(sum(len(line) + 1 for line in lines[: lineno - 1]) + found.start(group))


def _ref_at(src: TemplateSource, lineno: int, base: str, attr: str) -> Location:
    """Where ``base.attr``'s field is on its line (as an undefined name is located at the name): a
    search for the bare field found the same word in the prose first ("Your amount is {{ blank.amount }}")."""
    return _at(src, lineno, rf"\b{re.escape(base)}\s*(?:\.\s*|\[\s*['\"])({re.escape(attr)})\b", 1)  # (or blank['x'])


def _plain_fallback(node: nodes.Node, scope: _Scope) -> bool:
    """Text, a number or a constant holding one: a placeholder or an expression there would
    put the helpdesk's own syntax (or nothing sensible) into the fallback text."""
    if isinstance(node, nodes.Const):
        return is_text(node.value)
    return isinstance(node, nodes.Name) and node.name in scope.constants and is_text(scope.values[node.name])


def _fallback_at(src: TemplateSource, lineno: int, scope: _Scope) -> tuple[Location, Location]:
    """Where the fallback at fault is (its name, its argument): the first on its line whose
    argument does not read as plain text (Jinja gives a node's line, not its column)."""
    lines = src.text.split("\n")
    lineno = max(1, min(lineno, len(lines)))
    line, before = lines[lineno - 1], sum(len(text) + 1 for text in lines[: lineno - 1])
    for call in _FALLBACK_OPEN.finditer(line):
        plain = _PLAIN_ARGUMENT.match(line, call.end())
        if plain is None or (plain["name"] is not None and not (
                plain["name"] in scope.constants and is_text(scope.values[plain["name"]]))):
            return src.location_of(before + call.start(1)), src.location_of(before + call.end())
    word = src.location_of_line(lineno, "fallback")
    return word, word


def _check_fallback(node: nodes.Filter, src: TemplateSource, scope: _Scope, line: int,
                    stored: set[str]) -> list[ScriptkitError]:
    args = [*node.args, *(kw.value for kw in node.kwargs if kw.key == "default")]
    on_blank = _fallback_on_blank(node, src, scope, line, stored)
    if on_blank is not None:
        return [on_blank]
    others = [kw.key for kw in node.kwargs if kw.key != "default"]
    unpacked = node.dyn_args is not None or node.dyn_kwargs is not None  # fallback(*x), fallback(**x)
    if not others and not unpacked and len(args) == 1 and _plain_fallback(args[0], scope):
        return []
    word, argument = _fallback_at(src, line, scope)
    if len(args) == 1 and not others and not unpacked and _unquoted_word(args[0], scope, set()):
        name = args[0].name  # type: ignore[attr-defined]  # (a Name, by _unquoted_word)
        if name in stored:  # ({% set name = ... %}: no word to quote)
            return [PackError(f"fallback({name}) uses '{name}', which the template sets: a fallback must be "
                              "quoted text or a constant", argument, "Write the text itself in quotes, e.g. "
                              f"fallback('there'), or define '{name}' under 'constants:' in pack.yaml.")]
        return [PackError(f"fallback({name}) needs quotes: '{name}' is not a constant", argument,
                          f"Write fallback('{name}'), or define '{name}' under 'constants:' in pack.yaml.")]
    if others:
        return [PackError(f"fallback() takes one text, not '{others[0]}='", word, _FALLBACK_HINT)]
    if not args and not unpacked:
        return [PackError("fallback() needs the text to show", word,
                          _FALLBACK_HINT + " Write fallback('') to show nothing.")]
    if len(args) > 1:
        return [PackError(f"fallback() takes one text, not {len(args)}", word, _FALLBACK_HINT)]
    return [PackError(_NOT_PLAIN_FALLBACK, argument, _NOT_PLAIN_HINT)]


def _fallback_on_blank(node: nodes.Filter, src: TemplateSource, scope: _Scope, line: int,
                       stored: set[str]) -> PackError | None:
    """'{{ blank.new_date | fallback('early next week') }}': the agent fills a blank in, so there is no
    empty value for the fallback to stand in for, and its words reached no reply and no export in silence."""
    name = _ref_name(node.node, scope, stored) if node.node is not None else None
    if name is None or _ref_kind(name) != "blank":
        return None
    args = [*node.args, *(kw.value for kw in node.kwargs if kw.key == "default")]
    text = _fallback_words(args[0], scope) if len(args) == 1 else None
    lines = src.text.split("\n")
    line = max(1, min(line, len(lines)))
    found = _blank_fallbacks(lines[line - 1], name.split(".", 1)[1], node.name)
    # (at the fallback; of two on one line, the one with this text: Jinja gives a node's line only)
    where = next((at for at, written in found if written == text), found[0][0] if found else None)
    at = src.location_of(sum(len(each) + 1 for each in lines[: line - 1]) + where) if where is not None \
        else src.location_of_line(line, node.name)
    return _blank_fallback(name, "a fallback has no effect on", text, at)


@lru_cache(maxsize=64)
def _blank_fallbacks(line: str, field: str, name: str) -> tuple[tuple[int, str | None], ...]:
    """Where each fallback on the blank ``field`` starts on ``line``, with its quoted text, if any
    (found once per line: a line of a thousand of them was searched a thousand times)."""
    pattern = (rf"\b{re.escape(field)}\b(?:['\"]\s*\])?\s*\|\s*({name})\b"
               r"""(?:\s*\(\s*(?:'(?P<s>[^'\n]{0,500})'|"(?P<d>[^"\n]{0,500})"))?""")
    return tuple((m.start(1), m["s"] if m["s"] is not None else m["d"]) for m in re.finditer(pattern, line))


def _fallback_words(arg: nodes.Node, scope: _Scope) -> str | None:
    """The text a fallback's argument gives ('early next week', a constant's value), if it is text."""
    value = arg.value if isinstance(arg, nodes.Const) else \
        scope.values.get(arg.name) if isinstance(arg, nodes.Name) and arg.name in scope.constants else None
    return str(value) if is_text(value) and not isinstance(value, bool) else None


def _blank_fallback(name: str, how: str, text: str | None, at: Location) -> PackError:
    said = f"'{text}'" if text else "its text"
    words = text or "the words"
    return PackError(f"{how} the blank '{name}': the agent fills a blank in before the reply is sent, so {said} "
                     "would reach no customer and no export", at,
                     f"Write the words into the text itself, tell the agent in the blank's prompt (e.g. '..., or "
                     f"{words} if not known'), or use a placeholder, which the helpdesk fills in and which takes "
                     f"a fallback: {{{{ namespace.field | fallback('{words}') }}}}.")


def _check_node(node: nodes.Node, src: TemplateSource, scope: _Scope, stored: set[str],
                bases: Mapping[int, str | None], at: Location | None = None) -> list[ScriptkitError]:
    """The problems of one node of a template's tree; ``at``, where a field it reads is written, when
    that is not where its name is found on its line (``order['x']``, read as ``order.x``)."""
    line = getattr(node, "lineno", 1)
    env = _env()
    tag = _FILE_TAGS.get(type(node))
    if tag is not None:
        return [TemplateSecurityError("templates cannot include other files; put shared text in a pack constant",
                                      _at(src, line, r"\{%[-+]?\s*(" + tag + r")\b", 1),
                                      "A constant in pack.yaml can be used in every script: {{ constant_name }}.")]
    if isinstance(node, nodes.FilterBlock):
        chain: nodes.Node | None = node.filter
        names: list[str] = []
        while isinstance(chain, nodes.Filter):
            names.append(chain.name)
            chain = chain.node
        changing = [n for n in reversed(names) if n not in _REF_FILTERS]
        if changing and any(_is_ref(n, scope) for part in node.body for n in part.find_all(nodes.Getattr)):
            return [PackError(f"filter '{changing[0]}' cannot change a placeholder or blank",
                              _at(src, line, r"\{%[-+]?\s*filter\b[^%]*?\b(" + re.escape(changing[0]) + r")\b", 1),
                              _REF_FILTERED_HINT)]
        return []
    if isinstance(node, (nodes.If, nodes.CondExpr)):
        return _condition_on_ref(node, src, scope) or _condition_on_word(node, src, scope)
    if isinstance(node, nodes.Output):
        return _or_on_ref(node, src, scope)
    if isinstance(node, nodes.Filter) and node.name == "fallback":
        return _check_fallback(node, src, scope, line, stored)
    if isinstance(node, nodes.Filter) and node.name == "default" and _is_ref(node.node, scope) and (
            blank := _fallback_on_blank(node, src, scope, line, stored)) is not None:
        return [blank]
    if (isinstance(node, nodes.Filter) and node.name == "default" and node.args and _is_ref(node.node, scope)
            and not _plain_fallback(node.args[0], scope)):  # (on a placeholder, default('x') is its fallback)
        return [PackError(_NOT_PLAIN_FALLBACK, _at(src, line, r"\|\s*default\s*\(\s*()", 1), _NOT_PLAIN_HINT)]
    if isinstance(node, nodes.Mul):
        if any(_big_int(n, MAX_REPEAT) and _is_sequence(other, scope)
               for n, other in ((node.left, node.right), (node.right, node.left))):
            return [TemplateSecurityError(f"repeating text more than {MAX_REPEAT:,} times is not allowed",
                                          src.location_of_line(line, "*"),
                                          "Write the text out; templates are for constants and placeholders.")]
        return []
    if isinstance(node, nodes.Pow):
        if _big_int(node.right, 64):
            return [TemplateSecurityError("exponent larger than 64 is not allowed", src.location_of_line(line, "**"),
                                          "Use a constant with the value you need.")]
        return []
    if isinstance(node, nodes.Getattr):
        if node.attr.startswith("_"):
            return [TemplateSecurityError(f"access to '{node.attr}' is not allowed in templates",
                                          src.location_of_line(line, node.attr),
                                          "Templates may use constants, placeholders and blanks only.")]
        if isinstance(node.node, nodes.Name) and node.node.name in scope.constants and node.node.name not in stored:
            # ('support_hours.upper'): Python's own attribute of the text, '<built-in method upper ...>' in the reply
            base = node.node.name
            return [PackError(f"'{base}' is a constant: it has no '.{node.attr}'",
                              _at(src, line, rf"\b{re.escape(base)}\s*\.\s*({re.escape(node.attr)})\b", 1),
                              f"To change its text, use a filter: {{{{ {base} | {node.attr} }}}}."
                              if node.attr in env.filters else
                              f"A constant is one text or number: write {{{{ {base} }}}}.")]
        if isinstance(node.node, nodes.Getitem) and isinstance(node.node.node, nodes.Name) \
                and node.node.node.name in scope.constants and node.node.node.name not in stored \
                and not (isinstance(node.node.arg, nodes.Const) and isinstance(node.node.arg.value, str)):
            # ('support_hours[0].upper'): a letter of a constant's text has Python's methods only; the
            # sandbox's refusal named 'str' objects
            return [PackError(f"text, numbers and lists have no '.{node.attr}' here",
                              _at(src, line, rf"\]\s*\.\s*({re.escape(node.attr)})\b", 1),
                              f"To change the text, use a filter: {{{{ ... | {node.attr} }}}}."
                              if node.attr in env.filters else
                              "Write the text itself, or a constant's or placeholder's name.")]
        if not isinstance(node.node, (nodes.Name, nodes.Getattr)) and not (
                isinstance(node.node, nodes.Getitem) and (isinstance(node.node.node, (nodes.Name, nodes.Getattr))
                                                          or _ref_name(node.node.node, scope, stored))):
            # ("{{ 'abc'.format }}", "{{ (a ~ b).upper }}"): Python's method of a value, its repr and memory
            # address in the reply, and a different one in each export
            return [PackError(f"text, numbers and lists have no '.{node.attr}' here",
                              _at(src, line, rf"\.\s*({re.escape(node.attr)})\b", 1),
                              f"To change the text, use a filter: {{{{ ... | {node.attr} }}}}."
                              if node.attr in env.filters else
                              "Write the text itself, or a constant's or placeholder's name.")]
        name = _known_ref(node.node, scope, stored)
        if name is not None:
            # ('order.number.upper', "order['number'].upper", '(order.number).upper'): the helpdesk or the
            # agent fills the value in later; nothing is inside it yet
            field = re.escape(name.split(".", 1)[1])
            return [PackError(f"'{name}' is a {_ref_kind(name)}: it has no '.{node.attr}'",
                              _at(src, line, rf"\b{field}\b(?:['\"]\s*\])?[\s)]*\.\s*({re.escape(node.attr)})\b", 1),
                              _REF_UNCHANGED.format(name=name))]
        if isinstance(node.node, nodes.Name):
            base = node.node.name
            if base == BLANK_NAMESPACE:
                if node.attr not in scope.blanks:
                    if src.path[:1] == ("channels",):  # a layout in pack.yaml: no script's blanks are there
                        return [PackError(f"blank '{node.attr}' cannot be in pack.yaml's {src.path[1]} {src.slot}",
                                          at or _ref_at(src, line, base, node.attr),
                                          "A blank belongs to one script, which declares it; pack.yaml's greetings "
                                          "and sign-offs are shared. Use a placeholder or a constant here, e.g. "
                                          "{{ customer.first_name | fallback('there') }}.")]
                    return [PackError(f"blank '{node.attr}' is used but not declared",
                                      at or _ref_at(src, line, base, node.attr),
                                      _close(node.attr, scope.blanks, "Did you mean {{{{ blank.{} }}}}? If it is a "
                                             "new blank, declare it", "Declare it")
                                      + f" under flexibility: blanks: - name: {node.attr}")]
            elif base in scope.namespaces and base not in stored:
                name = f"{base}.{node.attr}"
                if name not in scope.catalogue:
                    meant = _in_lower_case(base, node.attr, scope)  # ('customer.FIRST_NAME': capitals typed)
                    return [PackError(f"unknown placeholder '{name}'", at or _ref_at(src, line, base, node.attr),
                                      f"Did you mean '{meant}'? Placeholder names are written in lower case."
                                      if meant is not None and "." in meant else
                                      _meant_placeholder(name, scope)
                                      + "Declare custom placeholders under 'placeholders:' in pack.yaml.")]
        return []
    if isinstance(node, nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_"):
            return [TemplateSecurityError("access to private attributes is not allowed in templates",
                                          src.location_of_line(line), None)]
        return _subscript_problems(node, src, scope, stored, line)
    if isinstance(node, nodes.Name) and node.ctx == "load":
        name = node.name
        if name in scope.constants or name in stored or name in ("loop", "true", "false", "none"):
            return []
        if name in scope.namespaces or name == BLANK_NAMESPACE:
            if id(node) in bases:
                return []  # the attribute is checked above
            fields = sorted(scope.blanks) if name == BLANK_NAMESPACE else \
                [n.split(".", 1)[1] for n in scope.catalogue.names if n.startswith(name + ".")]
            field = "first_name" if "first_name" in fields else (fields[0] if fields else "name")
            example = f"{name}.{field}"
            return [PackError(f"'{name}' needs a field, e.g. {{{{ {example} }}}}", src.location_of_line(line, name),
                              "Placeholders and blanks are written namespace.field.")]
        if not scope.constants_known:
            return []  # (pack.yaml could not be read: the name may well be one of its constants)
        meant = _in_lower_case(name, bases.get(id(node)), scope)
        if meant is not None and "." in meant:  # ('Order.Number', 'CUSTOMER.FIRST_NAME': capitals typed)
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              f"Did you mean {{{{ {meant} }}}}? Placeholder names are written in lower case.")]
        namespaces = sorted(scope.namespaces | {BLANK_NAMESPACE})
        if bases.get(id(node)) is None and (joined := _joined_ref(name, scope)) is not None:
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),  # ('customer_email')
                              f"Did you mean {{{{ {joined} }}}}? Placeholders and blanks are written namespace.field.")]
        near = meant or _close(name, namespaces, "{}")
        if near:  # ('custmer.first_name': a placeholder misspelt, not a constant missing)
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              f"Did you mean '{near}'? Placeholders and blanks are written namespace.field, "
                              f"e.g. {{{{ {near}.{_example_field(near, scope)} }}}}.")]
        attr = bases.get(id(node))
        if attr and (placeholder := scope.catalogue.nearest(f"{name}.{attr}")) is not None:
            # ('requester.name', 'client.firstName': a helpdesk's or a form's word for the namespace)
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              f"Did you mean {{{{ {placeholder} }}}}? Placeholders are written namespace.field.")]
        if any(slug(c, "_") == name for c in scope.constants if not c.isidentifier()):
            return []  # ('school name:' in pack.yaml, used as school_name): said once, at the constant's name
        if name in scope.blanks:  # ('{{ refund_amount }}' for the blank the script declares)
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              f"'{name}' is a blank of this script: write {{{{ blank.{name} }}}}.")]
        fields = [n for n in scope.catalogue.names if n.split(".", 1)[-1] == name]
        if fields and name not in scope.constants:  # ('{{ first_name }}': a placeholder without its namespace)
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              "Did you mean " + " or ".join(f"{{{{ {n} }}}}" for n in sorted(fields))
                              + "? Placeholders are written namespace.field.")]
        if name == "constants" and attr:  # ('{{ constants.status_page }}': pack.yaml's heading written too)
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              f"Constants are used by their own name: write {{{{ {attr} }}}}."
                              if attr in scope.constants else "Constants are used by their own name"
                              + _close(attr, sorted(scope.constants), ": did you mean {{{{ {} }}}}?", "."))]
        if name == "constants":  # ("{{ constants['status_page'] }}")
            lines = src.text.split("\n")
            asked = _CONSTANT_ITEM.search(lines[max(0, min(line, len(lines)) - 1)])
            meant = asked[1] if asked is not None else next(iter(scope.constants), "status_page")
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                              "Constants are used by their own name, not through 'constants': "
                              f"write {{{{ {meant} }}}}.")]
        if (same := next((c for c in scope.constants if c.casefold() == name.casefold()), None)) is not None:
            return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),  # ('STATUS_PAGE')
                              f"Did you mean '{same}'? Write a constant's name as pack.yaml does.")]
        return [PackError(f"undefined name '{name}'", src.location_of_line(line, name),
                          (_close(name, sorted(scope.constants), "Did you mean '{}'? ")
                           or _close(name.lower(), sorted(scope.constants), "Did you mean '{}'? "))
                          + "Define constants under 'constants:' in pack.yaml.")]
    if isinstance(node, nodes.Filter) and node.name not in _REF_FILTERS and _is_ref(node.node, scope):
        if node.name not in env.filters and (slip := _close(node.name, sorted(_REF_FILTERS), "Did you mean '{}'? ")):
            # ('fallbak'): a slip of the one filter a placeholder takes, not a wish to change it
            return [PackError(f"unknown filter '{node.name}'", src.location_of_line(line, node.name),
                              slip + "It gives the placeholder a text for when it is empty: fallback('there').")]
        return [PackError(f"filter '{node.name}' cannot change a placeholder or blank",
                          src.location_of_line(line, node.name),
                          _REF_FILTERED_HINT)]
    if isinstance(node, nodes.Filter) and node.name not in env.filters:
        return [PackError(f"unknown filter '{node.name}'", src.location_of_line(line, node.name),
                          _close(node.name, list(env.filters), "Did you mean '{}'? ")
                          + f"Available: {', '.join(sorted(env.filters))}.")]
    if isinstance(node, nodes.Test) and node.name not in env.tests:
        return [PackError(f"unknown test '{node.name}'", src.location_of_line(line, node.name))]
    if isinstance(node, nodes.Call):
        callee = node.node.name if isinstance(node.node, nodes.Name) else \
            node.node.attr if isinstance(node.node, nodes.Getattr) else None
        where = (_at(src, line, r"(?<![\w.])(?<!macro )(?<!macro  )" + re.escape(callee) + r"\s*\(")
                 if callee else src.location_of_line(line))
        return [TemplateSecurityError("calling functions is not allowed in templates",
                                      where, "Use constants, placeholders and filters.")]
    return []


_REF_FILTERED_HINT = "The helpdesk or the agent fills it in after the reply is built; only fallback() applies to it."
_REF_UNCHANGED = ("Write {{{{ {name} }}}}: it is filled in after scriptkit builds the reply, so nothing can change it "
                  "or look inside it.")


def _ref_kind(name: str) -> str:
    return "blank" if name.startswith(BLANK_NAMESPACE + ".") else "placeholder"


def _ref_name(node: nodes.Node, scope: _Scope, stored: set[str]) -> str | None:
    """The placeholder or blank ``node`` reads, written ``order.number`` or ``order['number']``
    ('order.number', known or not), or None when it reads none; through its fallback, which leaves it one."""
    if isinstance(node, nodes.Filter) and node.name in _REF_FILTERS and node.node is not None:
        return _ref_name(node.node, scope, stored)
    if isinstance(node, nodes.Getattr):
        field = node.attr
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        field = node.arg.value
    else:
        return None
    base = node.node
    if not isinstance(base, nodes.Name) or base.name in stored or (
            base.name not in scope.namespaces and base.name != BLANK_NAMESPACE):
        return None
    return f"{base.name}.{field}"


def _known_ref(node: nodes.Node, scope: _Scope, stored: set[str]) -> str | None:
    """``_ref_name`` where the pack knows it (a placeholder of its catalogue, a blank the script declares)."""
    name = _ref_name(node, scope, stored)
    if name is None:
        return None
    if name in scope.catalogue or (_ref_kind(name) == "blank" and name.split(".", 1)[1] in scope.blanks):
        return name
    return None


def _subscript(node: nodes.Getitem) -> str:
    """What a subscript picks, for a message: 'part [0]', "part ['x']", 'part [1:3]'; 'parts' for any other."""
    def part(value: nodes.Node | None) -> str | None:
        if value is None:
            return ""
        if isinstance(value, nodes.Const) and isinstance(value.value, (str, int)) and not isinstance(value.value, bool):
            return repr(value.value) if len(repr(value.value)) <= 40 else None
        return None
    arg = node.arg
    if isinstance(arg, nodes.Slice):
        pieces = [part(arg.start), part(arg.stop)] + ([part(arg.step)] if arg.step is not None else [])
        shown = [p for p in pieces if p is not None]
        return "part [" + ":".join(shown) + "]" if len(shown) == len(pieces) else "parts"
    one = part(arg) if arg is not None else None
    return f"part [{one}]" if one else "parts"


def _subscript_problems(node: nodes.Getitem, src: TemplateSource, scope: _Scope, stored: set[str],
                        line: int) -> list[ScriptkitError]:
    """A subscript of a placeholder or blank ('order.number[0]'), of a namespace with no field name
    ('order[0]'), a field name in brackets that is no placeholder ("order['x']"), or a name in brackets
    on a constant ("support_hours['x']"): said where written, not as Python's objects when the slot is built."""
    inner = node.node
    name = _known_ref(inner, scope, stored)
    if name is not None:  # ('order.number[0]', '(order.number)[0]'): nothing is inside it yet
        field = re.escape(name.split(".", 1)[1])
        return [PackError(f"'{name}' is a {_ref_kind(name)}: it has no {_subscript(node)}",
                          _at(src, line, rf"\b{field}\b[^\[]{{0,200}}?(\[)", 1),
                          _REF_UNCHANGED.format(name=name))]
    if not isinstance(inner, nodes.Name) or inner.name in stored:
        return []
    base = inner.name
    if base in scope.namespaces or base == BLANK_NAMESPACE:
        arg = node.arg
        if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
            # ("order['x']"): order.x written in brackets, checked as that
            return _check_node(nodes.Getattr(inner, arg.value, "load", lineno=line), src, scope, stored,
                               {id(inner): arg.value}, at=_at(src, line, rf"\b{re.escape(base)}\s*\[\s*['\"]()", 1))
        return [PackError(f"'{base}' needs a field, e.g. {{{{ {base}.{_example_field(base, scope)} }}}}",
                          _at(src, line, rf"\b{re.escape(base)}\s*(\[)", 1),
                          "Placeholders and blanks are written namespace.field.")]
    if base in scope.constants:
        # ("support_hours['x']", "support_hours[0]", "support_hours[0:3]"): a constant is one text or number,
        # with no parts (its first letter printed in silence)
        return [PackError(f"'{base}' is a constant: it has no {_subscript(node)}",
                          _at(src, line, rf"\b{re.escape(base)}\s*(\[)", 1),
                          f"A constant is one text or number: write {{{{ {base} }}}}.")]
    return []


def _condition_on_ref(node: nodes.If | nodes.CondExpr, src: TemplateSource, scope: _Scope) -> list[ScriptkitError]:
    """A condition that tests a placeholder or blank: the reply is built before the helpdesk or the
    agent fills either in, so the test would take the same branch for every customer, and the text
    of the other branch would be left out of every export without a word."""
    tested = node.test  # (the name itself, or inside a comparison or a filter such as fallback())
    candidates = chain([tested] if isinstance(tested, nodes.Getattr) else [], tested.find_all(nodes.Getattr))
    ref = next((n for n in candidates if _is_ref(n, scope)), None)
    if ref is None or not isinstance(ref.node, nodes.Name):
        return []
    name = f"{ref.node.name}.{ref.attr}"
    what = "blank" if ref.node.name == BLANK_NAMESPACE else "placeholder"
    from scriptkit.placeholders import missing_value_advice  # (the words to suggest for this placeholder)

    advice = missing_value_advice(scope.catalogue.get(name), name) if what == "placeholder" else ""
    return [PackError(f"a condition cannot test the {what} '{name}': it is filled in after scriptkit builds "
                      "the reply, so the condition would read the same for every customer",
                      # (at the test, not at the first '{{ name }}' of the line, where the writer looks in vain)
                      _at(src, getattr(ref, "lineno", 1), (r"\{%-?\s*(?:el)?if\b[^%]*?" if isinstance(node, nodes.If)
                                                          else r"\bif\b[^%}]*?") + rf"\b({re.escape(name)})\b", 1),
                      (f"For a value that may be missing, {advice[0].lower()}{advice[1:]}" if advice else
                       f"For a value that may be missing, give it a fallback: {{{{ {name} | fallback('there') }}}}.")
                      + " For text the agent chooses, use flexibility: alternatives or conditions.")]


def _or_on_ref(node: nodes.Output, src: TemplateSource, scope: _Scope) -> list[ScriptkitError]:
    """'{{ customer.first_name or 'the family' }}': 'or' is decided when scriptkit builds the reply, where
    the placeholder is always there, so the text after it was dropped from every export in silence."""
    for expr in node.nodes:
        if not isinstance(expr, (nodes.Or, nodes.And)):
            continue
        ref = next((side for side in (expr.left, expr.right) if _is_ref(side, scope)), None)
        if isinstance(ref, nodes.Getattr) and isinstance(ref.node, nodes.Name):
            name, word = f"{ref.node.name}.{ref.attr}", "or" if isinstance(expr, nodes.Or) else "and"
            other = expr.right if ref is expr.left else expr.left
            at = _at(src, expr.lineno, r"\{\{[^}]*?\b(" + word + r")\b", 1)
            if ref.node.name == BLANK_NAMESPACE:  # (a fallback would not carry its words either)
                return [_blank_fallback(name, f"'{word}' cannot give a fallback to", _fallback_words(other, scope), at)]
            text = other.value if isinstance(other, nodes.Const) and isinstance(other.value, str) else "there"
            return [PackError(f"'{word}' cannot give the placeholder '{name}' a fallback: it is decided when "
                              "scriptkit builds the reply, before the helpdesk fills the value in", at,
                              f"Write {{{{ {name} | fallback('{text}') }}}}.")]
    return []


def _condition_on_word(node: nodes.If | nodes.CondExpr, src: TemplateSource, scope: _Scope) -> list[ScriptkitError]:
    """A condition on a constant whose value is the text 'no' or 'false' ('has_waitlist: no' in pack.yaml:
    YAML reads 'no' as text, and any text but '' is true): the reply took the 'yes' branch in silence."""
    tested: list[nodes.Node] = [node.test]
    while tested:
        part = tested.pop()
        if isinstance(part, nodes.Not):
            tested.append(part.node)
        elif isinstance(part, (nodes.And, nodes.Or)):
            tested += [part.left, part.right]
        elif isinstance(part, nodes.Name) and part.name in scope.constants:
            value = scope.values.get(part.name)
            if isinstance(value, str) and value.strip().lower() in _FALSE_WORDS:
                return [PackError(f"the condition tests '{part.name}', which is the text '{value}': any text is true, "
                                  f"so '{part.name}' is never false here", src.location_of_line(part.lineno, part.name),
                                  f"In pack.yaml write {part.name}: false (no quotes), or compare the text: "
                                  f"{{% if {part.name} == 'yes' %}}.")]
    return []


def _fields(namespace: str, scope: _Scope) -> list[str]:
    """The fields a namespace has: its placeholders', or the script's blanks."""
    if namespace == BLANK_NAMESPACE:
        return sorted(scope.blanks)
    return [n.split(".", 1)[1] for n in scope.catalogue.names if n.startswith(namespace + ".")]


def _example_field(namespace: str, scope: _Scope) -> str:
    """A field of ``namespace`` to show in an example: one it has ('order' has no 'first_name')."""
    fields = _fields(namespace, scope)
    if "first_name" in fields:
        return "first_name"
    return fields[0] if fields else "amount" if namespace == BLANK_NAMESPACE else "name"


def _in_lower_case(name: str, field: str | None, scope: _Scope) -> str | None:
    """What ``name`` (and the ``field`` read of it, if any) stands for when it was typed with capitals
    ('Order' and 'Number', 'CUSTOMER' and 'FIRST_NAME'): the placeholder or blank ('order.number'), the
    namespace alone when no field of it matches, or None when ``name`` is no namespace in any case."""
    folded = name.casefold()
    namespace = next((n for n in sorted(scope.namespaces | {BLANK_NAMESPACE}) if n.casefold() == folded), None)
    if namespace is None or field is None:
        return namespace
    fields = _fields(namespace, scope)
    key = field.casefold()
    found = next((f for f in fields if f.casefold() == key), None)
    return f"{namespace}.{found}" if found is not None else namespace


_FALSE_WORDS = frozenset(("no", "false", "off", "n", "0", "none", "null"))  # (YAML 1.2 reads 'no', 'off' as text)


def _meant_placeholder(name: str, scope: _Scope) -> str:
    """"Did you mean 'customer.first_name'? " for the placeholder a writer meant by ``name``, or "": read from
    the words writers use first ('customer.name' is the first name), then by spelling (``Catalogue.nearest``)."""
    near = scope.catalogue.nearest(name)
    return f"Did you mean '{near}'? " if near is not None else ""


def _joined_ref(name: str, scope: _Scope) -> str | None:
    """The placeholder or blank ``name`` writes with '_' where its '.' goes ('customer_email', 'blank_day'), or None."""
    head, _, field = name.lower().partition("_")
    if head == BLANK_NAMESPACE:
        return f"{head}.{field}" if field in scope.blanks else None
    if head not in scope.namespaces or not field:
        return None
    return scope.catalogue.nearest(f"{head}.{field}")


def _close(word: str, options: Iterable[str], template: str, otherwise: str = "") -> str:
    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return template.format(found[0]) if found else otherwise


# ---------------------------------------------------------------- rendering

def _mark(text: str) -> tuple[str, list[int]] | None:
    """The template with a marker before each literal run; returns the runs' start indexes.

    A quoted string printed alone ("{{ '{{ticket.id}}' }}", the way to write a helpdesk's code as text, or a
    branch of an inline if, '{{ "Kindly note" if fee > 9 else "Note" }}') is marked too, inside its quotes: its
    text is the writer's as written, and is located there (as ``{% raw %}``'s is), so SK407 reads it as text the
    writer marked literal. (Only one without a backslash: an escape would make its text differ from the file's.)

    (A carriage return is read as Jinja reads it, a line end, inside '{{ }}' and where '-' trims
    space; in literal text it is kept, as ``_CR_MARK``, so the output is as long as the text it is of.)"""
    env = _env()
    shadow = text.replace("\r", "\n")  # (one character for one: Jinja's own reading, without its CRLF -> LF)
    try:
        tokens = list(env.lex(shadow))
    except TemplateSyntaxError:
        return None
    out: list[str] = []
    starts: list[int] = []
    cursor = 0
    kinds = [value if value in _PRINTED_NEAR and kind in ("name", "operator") else kind
             for _, kind, value in tokens if kind != "whitespace"]
    printed = _printed_strings(kinds)
    # (only where a tag or comment may stand between the text before a '{{' and it; else the '{{' is where that
    # text ends, as the fast path, whose output this must equal, reads it: see ``_marked``. Inside a '{% set x %}'
    # or '{% filter %}' block the marks are taken out again with the others: see ``_bounded_concat``)
    unmarked = () if "{%" in text or "{#" in text else range(len(kinds))
    k = -1  # (the index in kinds of the token read)
    for _, kind, value in tokens:
        at = shadow.find(value, cursor)
        if at < 0:
            return None
        k += kind != "whitespace"
        if kind == "variable_begin" and k not in unmarked:
            # (as text before it: printed where it is. Before the spaces a '{{-' trims, which it would keep)
            mark = f"{_PRINT_AT}{len(starts)}{_DATA_CLOSE}"
            out.append(mark + shadow[cursor:at + len(value)] if value.endswith("-") else
                       shadow[cursor:at] + mark + value)
            starts.append(at)
        elif kind == "data" and value:
            out.append(shadow[cursor:at])
            out.append(f"{_DATA_OPEN}{len(starts)}{_DATA_CLOSE}")
            starts.append(at)
            out.append(text[at:at + len(value)].replace("\r", _CR_MARK))
        elif kind == "string" and k in printed and len(value) > 2 \
                and "\\" not in value and "\r" not in text[at:at + len(value)]:  # (an empty one: nothing to locate)
            out.append(shadow[cursor:at + 1])  # (up to its opening quote)
            out.append(f"{_QUOTE_OPEN}{len(starts)}{_DATA_CLOSE}")
            starts.append(at + 1)
            out.append(value[1:])
        else:
            out.append(shadow[cursor:at + len(value)])
        cursor = at + len(value)
    out.append(shadow[cursor:])
    return "".join(out), starts


# the tokens either side of a quoted string printed alone: '{{ "text" }}', or a branch of an inline if,
# '{{ "Kindly note" if fee > 9 else "Note" }}' (a filter binds tighter: '... else "Note" | upper' is not)
_PRINTED_AFTER = frozenset({"variable_begin", "else"})
_PRINTED_BEFORE = frozenset({"variable_end", "if"})
_PRINTED_NEAR = frozenset({"if", "else", ","})


def _printed_strings(kinds: Sequence[str]) -> set[int]:
    """The indexes in ``kinds`` (a template's tokens but spaces, the names if and else and a comma as
    themselves) of the strings printed alone: not one in a '{{ }}' with a comma, which prints a tuple, each
    string in it as its repr ('{{ x, "a" if c else "b" }}')."""
    found: set[int] = set()
    mine: list[int] = []  # (those of the '{{ }}' read)
    tupled = False
    for k, kind in enumerate(kinds):
        if kind == "variable_begin":
            mine.clear()
            tupled = False
        elif kind == ",":
            tupled = True
        elif kind == "string" and 0 < k < len(kinds) - 1 and kinds[k - 1] in _PRINTED_AFTER \
                and kinds[k + 1] in _PRINTED_BEFORE:
            mine.append(k)
        elif kind == "variable_end" and not tupled:
            found.update(mine)
    return found


@lru_cache(maxsize=4096)
def _compile(text: str) -> tuple[Any, tuple[int, ...]] | None:
    marked = _mark(text)
    if marked is None:
        return None
    source, starts = marked
    return _env().from_string(source), tuple(starts)


# the last pack's constants and placeholder namespaces: the same for every script, and
# rebuilding the catalogue for each of them was a fifth of the rendering time
_BASE: list[Any] = [None, None, None]  # pack, (constants, placeholder names), vars


def _base_vars(pack: Pack) -> dict[str, object]:
    key = (tuple(pack.meta.constants.items()), tuple(pack.meta.placeholders))
    if _BASE[0] is pack and _BASE[1] == key:
        return _BASE[2]  # type: ignore[no-any-return]
    catalogue: Catalogue = pack.catalogue
    fields: dict[str, set[str]] = {}
    for name in catalogue.names:
        ns, attr = name.split(".", 1)
        fields.setdefault(ns, set()).add(attr)
    # (a text as its _Constant: printed alone, it is located where pack.yaml writes it; see _constant_span)
    base: dict[str, object] = {k: _Constant(v, k) if type(v) is str else v for k, v in pack.constants.items()}
    for ns, attrs in fields.items():
        base[ns] = _Namespace(ns, frozenset(attrs), functools.partial(_placeholder_ref, ns))
    _BASE[:] = [pack, key, base]
    _LAYOUTS.clear()
    return base


class _Context:
    def __init__(self, pack: Pack, script: Script | None) -> None:
        self.vars: dict[str, object] = dict(_base_vars(pack))
        declared = script.blanks if script else {}
        self.vars[BLANK_NAMESPACE] = _Namespace(BLANK_NAMESPACE, frozenset(declared), _BlankRef)
        self.prompts = {b.name: b.prompt for b in declared.values()}
        self.examples = {b.name: b.example for b in declared.values()}
        self.origin = pack.origin  # (pack.yaml's: where a constant's text is written)


def render_source(src: TemplateSource, ctx: _Context) -> list[Segment]:
    """Render one template into segments, each pointing back at its source."""
    if "{" not in src.text:  # fast path: plain text is all literal
        return _plain(src)
    if len(src.text) > MAX_TEMPLATE:
        raise _too_long(src)
    pieces = _simple_pieces(src.text, ctx)
    if pieces is not None:
        segments = _segments_of(pieces, src, ctx)
        if segments is not None:
            return segments
        output, starts = _marked(pieces)
    else:
        output, starts = _render_jinja(src, ctx)
    _check_size(src, len(output))
    segments = _split(output, starts, src, ctx)
    return _line_breaks(segments) if "\r" in src.text else segments


def _plain(src: TemplateSource) -> list[Segment]:
    """A template without expressions: one literal text."""
    segments: list[Segment] = [Text(src.text, src.slot, _span(src, src.offsets(), 0, len(src.text), True))]
    return _line_breaks(segments) if "\r" in src.text else segments


def _line_breaks(segments: list[Segment]) -> list[Segment]:
    """A carriage return is a line break, as YAML, Jinja and the import read one ("\r" written in a
    quoted text, or a Windows "\r\n"): each becomes "\n", so a paragraph or line of the reply is one in
    every export and to every rule. A literal text keeps its offsets (a CRLF's CR is left out with its own)."""
    out: list[Segment] = []
    for seg in segments:
        if isinstance(seg, Text) and "\r" in seg.text:
            text = seg.text
            keep = [i for i, char in enumerate(text) if not (char == "\r" and text[i + 1:i + 2] == "\n")]
            src = seg.source
            if src is not None and src.literal and len(src.offsets) == len(text):
                offs = [src.offsets[i] for i in keep]
                src = SourceSpan(None if offs and src.source else src.start, True, offs, src.source)
            seg = Text("".join("\n" if text[i] == "\r" else text[i] for i in keep), seg.slot, src)
        out.append(seg)
    return out


def _too_long(src: TemplateSource) -> TemplateSecurityError:
    return TemplateSecurityError(f"{src.slot} is a template of {len(src.text):,} characters "
                                 f"(limit {MAX_TEMPLATE:,}), too long to read", src.start, "Shorten the text.")


def _check_size(src: TemplateSource, size: int) -> None:
    if size > MAX_OUTPUT:
        raise TemplateSecurityError(f"{src.slot} renders to {size:,} characters (limit {MAX_OUTPUT:,})",
                                    src.start, "Shorten the text.")


# Templates made only of literal text and simple expressions ({{ constant }}, {{ ns.field }},
# {{ ns.field | fallback('x') }}, {{ blank.name }}) are the vast majority. Compiling each with
# Jinja took longer than the rest of rendering, so for them the template is read here into its
# pieces: literal runs and the values of its expressions. Their segments are made directly
# (``_segments_of``, the segments ``_split`` would make of the marked output, without writing
# and re-reading that output); ``_marked`` gives the output the compiled (marked) template
# would produce. Anything else, and any name that does not resolve, takes the Jinja path,
# which also words the errors.
_SIMPLE = re.compile(
    r"\{\{\s*(?P<a>[A-Za-z_]\w*)\s*(?:\.\s*(?P<b>[A-Za-z_]\w*)\s*)?"
    r"(?:\|\s*fallback\s*\(\s*(?:'(?P<s>[^'\\\n]*)'|\"(?P<d>[^\"\\\n]*)\")\s*\)\s*)?\}\}"
)
_NOT_SIMPLE = re.compile(r"\{[%#]|\r")
_MISSING = object()

# a literal run (its index in the template, its text) or an expression's value (None, value)
_Piece = tuple[int | None, object]


def _simple_pieces(text: str, ctx: _Context) -> list[_Piece] | None:
    if _NOT_SIMPLE.search(text):
        return None
    pieces: list[_Piece] = []
    pos = 0
    for m in _SIMPLE.finditer(text):
        if "{{" in text[pos:m.start()]:
            return None  # an expression this path does not handle
        if m.start() > pos:
            pieces.append((pos, text[pos:m.start()]))
        value = ctx.vars.get(m["a"], _MISSING)
        if value is _MISSING:
            return None
        if m["b"] is not None:
            if not isinstance(value, _Namespace) or m["b"].startswith("_"):
                return None
            try:
                value = getattr(value, m["b"])
            except AttributeError:
                return None
        elif isinstance(value, _Namespace):
            return None
        default = m["s"] if m["s"] is not None else m["d"]
        if default is not None:
            value = _fallback(value, default)
        pieces.append((None, value))
        pos = m.end()
    if "{{" in text[pos:]:
        return None
    if pos < len(text):
        pieces.append((pos, text[pos:]))
    return pieces


def _emulate(text: str, ctx: _Context) -> tuple[str, tuple[int, ...]] | None:
    """What the compiled (marked) template renders ``text`` to, when it is simple."""
    pieces = _simple_pieces(text, ctx)
    return None if pieces is None else _marked(pieces)


class _Constant(str):
    """A pack constant's text printed alone ('{{ callback_line }}'), knowing its name."""

    name: str

    def __new__(cls, text: str, name: str) -> _Constant:
        made = super().__new__(cls, text)
        made.name = name
        return made


def _constant_span(value: object, ctx: _Context) -> SourceSpan | None:
    """Where a constant printed alone is written in pack.yaml, each character where the file has it: its words
    are the writer's, found once there (not at each script's '{{ }}', thirty times over for thirty scripts),
    not at the '{{ }}'. Not literal: no fix edits it, since a constant is a value every script that prints it
    shares (a name, an address, a sentence), changed only by its writer. None where the file spells it otherwise
    (an escape, a folded line) or for any other value."""
    if not isinstance(value, _Constant) or ctx.origin is None:
        return None
    source = ctx.origin.source
    offs = _offsets_for(ctx.origin, ("constants", value.name), value)
    if not value or len(offs) != len(value) or source.text[offs[0]:offs[-1] + 1] != value:
        return None
    return SourceSpan(None, False, offs, source)


def _marked(pieces: list[_Piece]) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    starts: list[int] = []
    for at, value in pieces:
        if at is not None:
            out.append(f"{_DATA_OPEN}{len(starts)}{_DATA_CLOSE}")
            starts.append(at)
            out.append(str(value))
        else:
            out.append(_finalize(value))
    return "".join(out), tuple(starts)


def _segments_of(pieces: list[_Piece], src: TemplateSource, ctx: _Context) -> list[Segment] | None:
    """The segments ``_split`` makes of ``_marked(pieces)``, or None when a text holds a marker
    character (``_split`` has its own way with those)."""
    offs = src.offsets()
    slot = src.slot
    segments: list[Segment] = []
    run: int | None = None  # as in _split: where the last literal run ended, None after an expression
    size = 0  # of the marked output
    runs = 0
    for at, value in pieces:
        if at is not None:
            text = str(value)
            if _MARKER_CHARS.search(text):
                return None
            size += len(text) + len(str(runs)) + 2
            runs += 1
            segments.append(Text(text, slot, _span(src, offs, at, at + len(text), True)))
            run = at + len(text)
            continue
        # with nothing before it, an expression starts the template
        start = 0 if run is None and not segments else run
        if isinstance(value, _PlaceholderRef):
            if value.fallback is not None and _MARKER_CHARS.search(value.fallback):
                return None
            size += len(str(value))
            segments.append(Placeholder(value.name, slot, value.fallback, _point(src, offs, start)))
        elif isinstance(value, _BlankRef):
            size += len(str(value))
            segments.append(Blank(value.name, slot, ctx.prompts.get(value.name, ""), _point(src, offs, start),
                                  ctx.examples.get(value.name)))
        else:
            text = str(value) if isinstance(value, _Constant) else _finalize(value)[1:-1]
            if _MARKER_CHARS.search(text):
                return None
            size += len(text) + 2
            if text:
                segments.append(Text(text, slot, _constant_span(value, ctx) or _point(src, offs, start)))
            run = None  # text after an expression belongs to no literal run until the next one
    _check_size(src, size)
    return _merge(segments)


def _render_jinja(src: TemplateSource, ctx: _Context) -> tuple[str, tuple[int, ...]]:
    compiled = _compile(src.text)
    try:
        if compiled is None:
            raise TemplateSyntaxError("cannot read this template", 1)
        template, starts = compiled
        output = template.render(ctx.vars)
        if "\r" in src.text:
            output = output.replace(_CR_MARK, "\r")
        if (half := HALF_CHARACTER.search(output)) is not None:  # ('{{ "\\ud83d" }}': no write could hold it)
            raise TemplateSecurityError(f"{src.slot} makes '\\u{ord(half[0]):04x}', half of a character (a "
                                        "surrogate), which no file or helpdesk can hold", src.start,
                                        "Write the character itself, or its full code: '\\U0001F600'.")
        return output, starts
    except SecurityError as exc:
        # (the hint says what to do about this refusal: a template may use constant lists, joins, formats)
        method = _NO_FIELD.search(str(exc))  # ('{% set h = hours %}{{ h.upper }}': Python's method of a text)
        raise TemplateSecurityError(f"refused by the template sandbox: {exc}", src.start,
                                    f"A slot renders to at most {MAX_OUTPUT:,} characters: shorten what the "
                                    "template makes." if str(exc).startswith(("the text would be longer",
                                                                              "repetition too large")) else
                                    f"To change the text, use a filter: {{{{ ... | {method[1]} }}}}."
                                    if method is not None and method[1] in SAFE_FILTERS else
                                    "Write the value out, or use a constant with the value you need.") from None
    except UndefinedError as exc:
        said = exc.message or ""
        if (ref := _REF_SAID.match(said)) is not None:  # (read through a name set to it, past the check)
            raise PackError(f"{said} (in {src.slot})", src.start, _REF_UNCHANGED.format(name=ref[1])) from None
        raise _undefined_at_run(src, exc, said) from None
    except _RefChanged as exc:
        # (at runtime Jinja says no line: at the filter's first use, which is most often the one)
        used = re.search(r"\|\s*(" + re.escape(exc.name) + r")\b", src.text)
        raise PackError(f"{exc.message} (in {src.slot})", src.start if used is None else src.location_of(used.start(1)),
                        _REF_FILTERED_HINT) from None
    except TemplateError as exc:
        # (its message alone: str() of a syntax error adds '\n  line 1', and a report has one line per error)
        raise PackError(f"template error in {src.slot}: {exc.message or exc}", src.start) from None
    except AssertionError as exc:  # (Jinja's own filters assert their arguments: truncate(-1))
        raise PackError(f"a filter in {src.slot} was given a value it cannot take: {exc}", src.start,
                        "Check the numbers given to the filters (a length, a count).") from None
    except (ArithmeticError, TypeError, ValueError, AttributeError, MemoryError, RecursionError) as exc:
        if _REF_TYPES.search(str(exc)):  # ("'_PlaceholderRef' object is not subscriptable", "... for +: ...")
            raise PackError(f"a placeholder or blank in {src.slot} is computed with or looked inside: it is "
                            "filled in after scriptkit builds the reply", src.start,
                            "Write it as it is, e.g. {{ order.number }}: only fallback() applies to it.") from None
        raise _failed_at_run(src, exc) from None


# ---------------------------------------------------------------- a template that fails as it runs, in plain words

def _failed_line(exc: BaseException) -> int | None:
    """The template line Jinja was running when ``exc`` was raised: Jinja rewrites a failed render's traceback so
    that the template's own frames are named '<template>', at the template's line numbers (the marked text
    ``_compile`` renders has the writer's lines: its markers hold no line break)."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno  # (the innermost: a macro's or a block's line, not its caller's)
        tb = tb.tb_next
    return line


_TAG_TEXT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)  # one '{{ }}' or '{% %}'


def _tag_on_line(src: TemplateSource, line: int | None, pattern: str) -> tuple[int, re.Match[str] | None] | None:
    """The first '{{ }}' or '{% %}' written on template line ``line`` in which ``pattern`` matches outside quoted
    text (its index in ``src.text`` and the match; the first tag there and no match when none has it), or None."""
    if line is None:
        return None
    lines = src.text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    start = sum(len(text) + 1 for text in lines[:line - 1])
    end = start + len(lines[line - 1])
    tags = [m for m in _TAG_TEXT.finditer(src.text) if m.start() <= end and m.end() > start]
    for tag in tags:
        for found in re.finditer(pattern, tag[0]):
            if not _in_quotes(tag[0], found.start()):
                return tag.start(), found
    return (tags[0].start(), None) if tags else None


def _runtime_place(src: TemplateSource, exc: BaseException, pattern: str) -> Location:
    """Where a template that failed as it ran is located: at ``pattern`` (its group 1, else the whole) in the tag
    Jinja was running, else at that tag, else at the text's start (Jinja's own words had only that)."""
    found = _tag_on_line(src, _failed_line(exc), pattern)
    if found is None:
        return src.start
    at, match = found
    if match is not None:
        at += match.start(1) if match.re.groups else match.start()
    offs = src.offsets()
    if src.origin is None or not offs or src.origin.source.text[offs[at]:offs[at] + 1] != src.text[at]:
        return src.start  # (a text the file does not hold as is: one an API caller set, past the check)
    return src.location_of(at)


def _kind(type_name: str) -> str:
    """A value's Python type (as an error names it: 'int', 'WrittenFloat', '_Constant') in a writer's words."""
    if type_name == "bool":
        return "true or false"
    if type_name in ("int", "float", "WrittenInt", "WrittenFloat", "Decimal"):
        return "a number"
    if type_name in ("str", "_Constant", "Markup"):
        return "a text"
    if type_name in ("list", "tuple"):
        return "a list"
    return "none" if type_name == "NoneType" else "a value"


def _named(node: nodes.Node | None) -> str | None:
    """The constant or set name a node reads, when it is one ('refund_days')."""
    return node.name if isinstance(node, nodes.Name) else None


def _nodes_on(src: TemplateSource, line: int | None, kind: type[nodes.Node] | tuple[type[nodes.Node], ...],
              ) -> list[Any]:
    tree = _branch_tree(src.text) if line is not None else None
    return [] if tree is None else [n for n in tree.find_all(kind) if n.lineno == line]


def _swapped_plus(tag: str) -> str:
    """A '{{ }}''s text with each '+' outside quoted text written '~' (Jinja's join of texts)."""
    return "".join("~" if char == "+" and not _in_quotes(tag, i) else char for i, char in enumerate(tag))


# (where each operator is written in a tag: not a '-' or '%' of the tag's own '-}}', '%}')
_OPERATOR_AT = {"+": r"\+", "-": r"-(?![}%])", "*": r"(?<!\*)\*(?!\*)", "/": r"(?<!/)/(?!/)", "//": "//",
                "%": "%(?![}])", "**": r"\*\*"}
_BAD_OPERANDS = re.compile(r"unsupported operand type\(s\) for (\S+?): '(\w+)' and '(\w+)'")
_NO_LENGTH = re.compile(r"object of type '(\w+)' has no len\(\)")
_NO_ROUND = re.compile(r"type (\w+) doesn't define __round__ method")
_ARGUMENTS = re.compile(r"^(?:do_|_)?(\w+)\(\) (?:takes|got|missing)")
_JOINED_KINDS = re.compile(r'can only concatenate (\w+) \(not "(\w+)"\) to')
_NOT_ITERABLE = re.compile(r"'(\w+)' object is not iterable")
_FILTER_USE = {
    "round": "round() takes a number of digits, e.g. {{ x | round(1) }}",
    "truncate": "truncate() takes a length, e.g. {{ x | truncate(40) }}",
    "replace": "replace() takes the text to find and the text to put, e.g. {{ x | replace('Mon', 'Monday') }}",
    "join": "join() takes the text between the items, e.g. {{ items | join(', ') }}",
    "fallback": "fallback() takes the text to send when it is empty, e.g. fallback('there')",
    "default": "default() takes the text to send when it is empty, e.g. default('there')",
}
_SIMPLER = "Simplify the expression; templates are meant for text, constants and placeholders."


def _failed_at_run(src: TemplateSource, exc: BaseException) -> PackError:
    """A template's failure as it ran (Python's TypeError, ZeroDivisionError...) told where the expression is
    written, in the writer's words: it was told at the slot's start as "TypeError: unsupported operand type(s) for
    +: 'int' and 'str'", or with scriptkit's own class names ('WrittenFloat', '_Constant', '_round()')."""
    said, line = str(exc), _failed_line(exc)
    head = f"template failed in {src.slot}: "
    if (joined := _JOINED_KINDS.search(said)) is not None:  # ('[1] + "a"': Python's words for list + str)
        said = f"unsupported operand type(s) for +: '{joined[1]}' and '{joined[2]}'"
    if (bad := _BAD_OPERANDS.search(said)) is not None:
        op, left, right = bad[1], _kind(bad[2]), _kind(bad[3])
        where = _runtime_place(src, exc, _OPERATOR_AT.get(op, re.escape(op)))
        if op == "+" and {left, right} == {"a number", "a text"}:
            found = _tag_on_line(src, line, _OPERATOR_AT["+"])
            tag = _TAG_TEXT.match(src.text, found[0]) if found is not None else None
            added = next(iter(_nodes_on(src, line, nodes.Add)), None)
            number = added and _named(added.left if left == "a number" else added.right)
            return PackError(head + "'+' adds numbers, and here one side is a number and the other a text", where,
                             (f"{number} is a number; join" if number else "Join") + " text with '~'"
                             + (f": {_swapped_plus(tag[0])}." if tag is not None else ", e.g. {{ days ~ ' days' }}."))
        sides = f"two {left[2:]}s" if left == right and left.startswith("a ") else f"{left} and {right}"
        return PackError(head + f"'{op}' cannot work on {sides}", where,
                         "Use numbers on both sides (a constant such as 'refund_days: 5'), or join text with '~'.")
    if isinstance(exc, ZeroDivisionError):
        return PackError(head + "this divides by zero", _runtime_place(src, exc, r"//?|%"),
                         "Divide by a number other than 0.")
    if (short := _NO_LENGTH.search(said)) is not None:
        filtered = next(iter(_nodes_on(src, line, nodes.Filter)), None)
        name = filtered.name if filtered is not None else "length"
        where = _runtime_place(src, exc, rf"\|\s*({re.escape(name)})\b")
        what, value = _kind(short[1]), filtered and _named(filtered.node)
        found = _tag_on_line(src, line, rf"\|\s*({re.escape(name)}\b(?:\s*\([^()]*\))?)")
        written = found[1][1] if found is not None and found[1] is not None else name
        return PackError(head + f"{value or 'this value'} is {what}, and {what} has no length", where,
                         f"To read it as text, write '| string' first: {{{{ {value or 'x'} | string | {written} }}}}.")
    if (unround := _NO_ROUND.search(said)) is not None:
        filtered = next(iter(_nodes_on(src, line, nodes.Filter)), None)
        value = filtered and _named(filtered.node)
        return PackError(head + f"round() works on numbers, and {value or 'this value'} is {_kind(unround[1])}",
                         _runtime_place(src, exc, r"\|\s*(round)\b"),
                         "Round a number, e.g. {{ x | round(1) }}.")
    call = _ARGUMENTS.match(said) if isinstance(exc, TypeError) else None
    if call is not None and call[1] in (*SAFE_FILTERS, "fallback"):
        name = call[1]
        given = ("was given more than it takes" if "were given" in said or "was given" in said
                 else "was given too little" if "missing" in said else "was given an argument it does not take")
        return PackError(head + f"{name}() {given}", _runtime_place(src, exc, rf"\|\s*({re.escape(name)})\b"),
                         _FILTER_USE.get(name, f"Check what {name}() is given.") + ".")
    if said.startswith("can't multiply sequence by non-int"):
        return PackError(head + "text or a list can be repeated only a whole number of times",
                         _runtime_place(src, exc, _OPERATOR_AT["*"]), "Write a whole number after '*', e.g. 2.")
    if (looped := _NOT_ITERABLE.search(said)) is not None:
        return PackError(head + f"{_kind(looped[1])} is not a list of items",
                         _runtime_place(src, exc, r"\b(in|join)\b"),
                         "Loop over or join a list, e.g. ['track it', 'chase it'].")
    # (anything else: its own words, with no Python class name; the text names what the writer wrote)
    plain = re.sub(r"'(\w+)'(?: object)?|\b(_Constant|Written\w+|NoneType|str|int|float)\b",
                   lambda m: m[0] if _kind(m[1] or m[2]) == "a value" else _kind(m[1] or m[2]), said)
    return PackError(head + plain, _runtime_place(src, exc, "%" if "format" in said else r"(?!)"), _SIMPLER)


def _undefined_at_run(src: TemplateSource, exc: UndefinedError, said: str) -> PackError:
    """A value a template asked for that is not there as it ran, located at what asked for it on its line."""
    head = f"undefined value in {src.slot}: "
    if said == "'loop' is undefined":
        return PackError(head + "'loop' is only there inside a {% for %} loop", _runtime_place(src, exc, r"\bloop\b"),
                         "Use it between {% for step in steps %} and {% endfor %} (loop.index counts from 1), or "
                         "write the number.")
    named = re.match(r"'(\w+)' is undefined", said)
    part = re.search(r"has no (?:part (\[.*\])|'\.(\w+)'|field '(\w+)')$", said)
    pattern = (rf"\b{re.escape(named[1])}\b" if named is not None else
               re.escape(part[1]) if part is not None and part[1] else
               rf"\.\s*{re.escape(part[2] or part[3])}\b" if part is not None else r"(?!)")
    return PackError(head + said, _runtime_place(src, exc, pattern),
                     "Use the whole value: a constant is one text or number."
                     if said.startswith(("a text ", "a number ", "a list ", "true, false or none ")) else
                     "Define it under 'constants:' in pack.yaml, or fix the name.")


def _span(src: TemplateSource, offs: Sequence[int], a: int, b: int, literal: bool) -> SourceSpan | None:
    if src.origin is None:
        return SourceSpan(Location(src.label, 1, 1), literal=False)
    if literal and offs and b <= len(offs):
        # the start is located only if asked for (None: at the first offset)
        start = None if a < b else src.origin.source.location(offs[a]) if a < len(offs) else src.start
        return SourceSpan(start, True, offs[a:b], src.origin.source)
    return SourceSpan(src.start, literal=False)


def _point(src: TemplateSource, offs: Sequence[int], at: int | None) -> SourceSpan | None:
    """Span of output made by a ``{{ expression }}`` that starts at ``at`` in the template."""
    if src.origin is None or at is None or not 0 <= at < len(offs):
        return _span(src, offs, 0, 0, False)
    return SourceSpan(src.origin.source.location(offs[at]), literal=False)


def _split(output: str, starts: tuple[int, ...], src: TemplateSource, ctx: _Context) -> list[Segment]:
    offs = src.offsets()
    segments: list[Segment] = []
    run: int | None = None  # index in src.text of the next literal character, when known
    expr_at: int | None = None  # index in src.text of the '{{' whose output is being read
    depth = 0
    pos = 0

    quoted: int | None = None  # index in src.text of a quoted string printed alone, whose text is being read
    constant: str | None = None  # the name of the pack constant printed alone whose text is being read
    printed_at: int | None = None  # index in src.text of the '{{' whose output comes next, when marked

    def emit(text: str) -> None:
        nonlocal run, quoted, constant
        if not text:
            return
        if _MARKER_CHARS.search(text):  # a filter rewrote a placeholder's marker (upper, replace...)
            raise PackError(f"a filter changed a placeholder or blank in {src.slot}", src.start,
                            "Only fallback() applies to placeholders and blanks.")
        if constant is not None:
            value, constant = ctx.vars.get(constant), None
            if value == text and (written := _constant_span(value, ctx)) is not None:
                segments.append(Text(text, src.slot, written))
                return
        if depth == 0 and run is not None:
            segments.append(Text(text, src.slot, _span(src, offs, run, run + len(text), True)))
            run += len(text)
            return
        point = _point(src, offs, expr_at if depth else None)
        if quoted is not None and point is not None and point.source is None and src.origin is not None \
                and src.text.startswith(text, quoted) and quoted + len(text) <= len(offs):
            # (its text as written, each character where the file has it; not literal: no fix edits inside a
            # quoted string. Its start stays the '{{' it is printed by.)
            point = SourceSpan(point.start, False, offs[quoted:quoted + len(text)], src.origin.source)
        quoted = None
        segments.append(Text(text, src.slot, point))

    for m in _TOKEN.finditer(output):
        emit(output[pos:m.start()])
        pos = m.end()
        # with nothing before it, an expression starts the template (its '{{' where marked: after a tag, not
        # where the text before it ended)
        run_or_start: int | None = printed_at if printed_at is not None else 0 if run is None and not segments \
            else run
        if m.group(7) is not None:
            printed_at = starts[int(m.group(7))] if depth == 0 else printed_at
            continue
        if m.group(8) is not None:
            constant = m.group(8)
            continue
        if m.group(1) is not None:
            run = starts[int(m.group(1))]
            printed_at = None if depth == 0 else printed_at  # (an expression that printed nothing has no output)
        elif m.group(2) == "p":
            name, fallback, has = m.group(3).split(_REF_SEP)
            # a placeholder's '{{' is where its mark says, else where the literal run before it ended
            segments.append(Placeholder(name, src.slot, fallback if has == "1" else None,
                                        _point(src, offs, expr_at if depth else run_or_start)))
            printed_at = None if depth == 0 else printed_at
        elif m.group(2) == "b":
            name = m.group(3)
            segments.append(Blank(name, src.slot, ctx.prompts.get(name, ""),
                                  _point(src, offs, expr_at if depth else run_or_start), ctx.examples.get(name)))
            printed_at = None if depth == 0 else printed_at
        elif m.group(4):
            if depth == 0:
                expr_at, printed_at = run_or_start, None
            depth += 1
        elif m.group(5):
            depth -= 1
            run, constant = None, None  # text after an expression belongs to no literal run until the next marker
        else:
            quoted = starts[int(m.group(6))] if int(m.group(6)) < len(starts) else None
            continue
        quoted = None
    emit(output[pos:])
    return _merge(segments)


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring non-literal texts so rules see natural runs. A quoted string's text (which knows where
    each of its characters is written) joins only another's, as literal text stays a text of its own: joined to
    a value's ("{{ ref }}{{ '{{ticket.id}}' }}"), the code the writer quoted would no longer read as theirs."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if (isinstance(seg, Text) and isinstance(prev, Text) and prev.slot == seg.slot
                and not (seg.source and seg.source.literal) and not (prev.source and prev.source.literal)):
            first, second = prev.source, seg.source
            if not (first and first.offsets) and not (second and second.offsets):
                out[-1] = Text(prev.text + seg.text, seg.slot, first)
                continue
            if first and first.offsets and second and second.offsets and first.source is second.source:
                # ("{{ '{{' }}{{ 'ticket.id}}' }}": both quoted)
                out[-1] = Text(prev.text + seg.text, seg.slot,
                               SourceSpan(first.start, False, (*first.offsets, *second.offsets), first.source))
                continue
        out.append(seg)
    return out


def _strip(segments: list[Segment]) -> list[Segment]:
    """Trim whitespace at both ends of a slot, keeping offsets aligned."""
    if len(segments) == 1:  # most slots: one text, usually with nothing to trim
        only = segments[0]
        if isinstance(only, Text) and only.text and not (only.text[0].isspace() or only.text[-1].isspace()):
            return segments
    segs = list(segments)
    while segs and isinstance(segs[0], Text) and not segs[0].text.strip():
        segs.pop(0)
    while segs and isinstance(segs[-1], Text) and not segs[-1].text.strip():
        segs.pop()
    if segs and isinstance(segs[0], Text):
        first = segs[0]
        cut = len(first.text) - len(first.text.lstrip())
        segs[0] = _slice(first, cut, len(first.text))
    if segs and isinstance(segs[-1], Text):
        last = segs[-1]
        segs[-1] = _slice(last, 0, len(last.text.rstrip()))
    return segs


def _slice(seg: Text, a: int, b: int) -> Text:
    if a == 0 and b == len(seg.text):
        return seg  # nothing to trim (most slots): the same text, span and offsets
    src = seg.source
    if src is not None and src.literal and src.offsets:
        offs = src.offsets[a:b]
        src = SourceSpan(None if (offs and src.source) else src.start, True, offs, src.source)
    elif src is not None and src.offsets:  # (a quoted string's text: located by character, its start kept)
        src = SourceSpan(src.start, False, src.offsets[a:b], src.source)
    return Text(seg.text[a:b], seg.slot, src)


class BranchChoice(NamedTuple):
    """A value a constant a script tests may be given, choosing which branch's text is sent (see
    ``branch_choices``)."""

    name: str  # the constant's
    value: object  # to render the script with
    said: str  # when the text it sends is sent: 'open_today is false', 'delivery_fee is 5', 'region is not "EU"'
    today: bool  # the constant's own value in pack.yaml (today's replies, judged already)


MAX_BRANCH_VALUES = 4  # choices of one constant judged (today's and three others): an elif ladder has a few rungs

# a comparison a branch's test makes of a constant (the constant on the left) and the values it holds true for
_HOLDS: dict[str, Callable[[Any, Any], bool]] = {
    "gt": lambda a, b: bool(a > b), "gteq": lambda a, b: bool(a >= b), "lt": lambda a, b: bool(a < b),
    "lteq": lambda a, b: bool(a <= b), "eq": lambda a, b: bool(a == b), "ne": lambda a, b: bool(a != b),
    "in": lambda a, b: a in b, "notin": lambda a, b: a not in b}
_MIRRORED = {"gt": "lt", "gteq": "lteq", "lt": "gt", "lteq": "gteq", "eq": "eq", "ne": "ne"}  # (4 < fee: fee > 4)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _literal(node: nodes.Node) -> object:
    """The number, text or list of them ``node`` writes (``-4``, ``"EU"``, ``["pro", "team"]``), else None."""
    if isinstance(node, nodes.Const) and (_number(node.value) or isinstance(node.value, str)):
        return node.value
    if isinstance(node, nodes.Neg) and isinstance(node.node, nodes.Const) and _number(node.node.value):
        return -node.node.value
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [_literal(item) for item in node.items]
        return items if items and all(item is not None and not isinstance(item, list) for item in items) else None
    return None


def _comparisons(test: nodes.Compare, constants: Mapping[str, object]) -> Iterator[tuple[str, str, object]]:
    """Each (constant, comparison, literal) ``test`` makes of a constant that is a number or a text, the constant
    on the left: ``delivery_fee > 4``, ``region == "EU"``, ``plan in ["pro", "team"]``, ``4 < delivery_fee``."""
    left = test.expr
    for operand in test.ops:
        right, op = operand.expr, operand.op
        for name, other, how in ((left, right, op), (right, left, _MIRRORED.get(op))):
            if not (isinstance(name, nodes.Name) and how is not None and name.name in constants):
                continue
            value, literal = constants[name.name], _literal(other)
            kinds_fit = (_number(value) and _number(literal)) or (isinstance(value, str) and isinstance(literal, str))
            if how in ("in", "notin"):
                kinds_fit = isinstance(literal, list) and all(
                    _number(item) if _number(value) else isinstance(item, str) for item in literal)
            elif how not in ("eq", "ne") and not _number(value):
                kinds_fit = False  # ('region > "M"': no value a writer means)
            if kinds_fit and (_number(value) or isinstance(value, str)):
                yield name.name, how, literal
                break
        left = right


def _said(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _choices(name: str, today: object, tests: list[tuple[str, object]]) -> tuple[BranchChoice, ...]:
    """``today`` and the values of constant ``name`` that choose otherwise in ``tests`` (its comparisons): one for
    each way the comparisons can come out (a number on each side of each one: 4 and 5 for '> 4'; the text
    compared and any other for '== "EU"'; a member and none for 'in [...]'), at most MAX_BRANCH_VALUES."""
    if isinstance(today, bool):
        return (BranchChoice(name, today, "", True),
                BranchChoice(name, not today, f"{name} is {'false' if today else 'true'}", False))
    literals = [item for _, literal in tests for item in (literal if isinstance(literal, list) else [literal])]
    candidates: list[tuple[object, str]] = []
    if _number(today):
        # (each piece of the number line they cut holds a candidate: a number compared, one on either side of
        # them all, one between each two)
        points = sorted({item for item in literals if isinstance(item, (int, float))})
        numbers = [*points, points[0] - 1, points[-1] + 1, *((a + b) / 2 for a, b in pairwise(points))]
        candidates = [(number, _said(number)) for number in numbers]
    else:
        texts = list(dict.fromkeys(literals))
        candidates = [(text, _said(text)) for text in texts]
        other = next(word for word in ("", "other", "another") if word not in texts)  # (a value none of them is)
        candidates.append((other, f"not {_said(texts[0])}" if len(texts) == 1
                           else "none of " + ", ".join(map(_said, texts))))

    def outcome(value: object) -> tuple[bool, ...]:
        return tuple(_HOLDS[how](value, literal) for how, literal in tests)

    seen = {outcome(today)}
    found = [BranchChoice(name, today, "", True)]
    for value, said in candidates:
        if len(found) < MAX_BRANCH_VALUES and (result := outcome(value)) not in seen:
            seen.add(result)
            found.append(BranchChoice(name, value, f"{name} is {said}", False))
    return tuple(found)


def branch_choices(pack: Pack) -> dict[str, list[tuple[BranchChoice, ...]]]:
    """Each script whose ``{% if %}``, ``{% elif %}`` or inline ``... if x else ...`` tests a constant, with each
    such constant's choices (today's first), in the order the script tests them: a yes-or-no constant's other
    value; a number's or a text's that flip a comparison of it with what the template writes (``delivery_fee >
    4``, ``region == "EU"``, ``plan in ["pro", "team"]``). Rendered with them, the script sends another branch's
    text (``linting._other_branches`` judges it, with each choice's ``said`` for when it is sent)."""
    constants = pack.constants
    if not constants:
        return {}
    found: dict[str, list[tuple[BranchChoice, ...]]] = {}
    for script in pack.scripts:
        choices = _tested_choices(script_sources(script), constants)
        if choices:
            found[script.id] = choices
    return found


def _tested_choices(sources: Iterable[TemplateSource],
                    constants: Mapping[str, object]) -> list[tuple[BranchChoice, ...]]:
    """The choices (``_choices``) of each constant the branches of ``sources`` test, in the order tested, for those
    that have another than today's."""
    yes_no = {name for name, value in constants.items() if isinstance(value, bool)}
    tests: dict[str, list[tuple[str, object]]] = {}  # (by constant, in the order tested)
    for src in sources:
        if ("{%" not in src.text and " if " not in src.text) or not any(name in src.text for name in constants):
            continue  # (no block, no inline choice, or no constant to test)
        tree = _branch_tree(src.text)
        if tree is None:
            continue  # (reported by check_templates)
        for branch in tree.find_all((nodes.If, nodes.CondExpr)):
            assert isinstance(branch, (nodes.If, nodes.CondExpr))  # (find_all's type: any node)
            for node in (branch.test, *branch.test.find_all((nodes.Name, nodes.Compare))):
                if isinstance(node, nodes.Name) and node.name in yes_no:
                    tests.setdefault(node.name, [])
                elif isinstance(node, nodes.Compare):
                    for name, how, literal in _comparisons(node, constants):
                        if name not in yes_no and (how, literal) not in tests.setdefault(name, []):
                            tests[name].append((how, literal))
    choices = [_choices(name, constants[name], named) for name, named in tests.items()]
    return [options for options in choices if len(options) > 1]



@lru_cache(maxsize=1024)
def _branch_tree(text: str) -> nodes.Template | None:
    """``text`` parsed (None when it does not parse: check_templates reports it), read by ``branch_choices`` and
    ``branch_outcomes`` alike (read only: the tree is shared)."""
    try:
        return _env().parse(text)
    except TemplateSyntaxError:
        return None


# what a branch's test may be made of to be worked out without rendering (what a writer writes: 'closed',
# 'not closed and delivery_fee > 4', 'plan in ["pro", "team"]'); a test with anything else (a filter, a call,
# 'is defined', a placeholder's field) leaves its script to be rendered under each choice
_PLAIN_TEST = (nodes.Name, nodes.Const, nodes.Neg, nodes.List, nodes.Tuple, nodes.Compare, nodes.Operand,
               nodes.Not, nodes.And, nodes.Or, nodes.CondExpr)
_STORED = ("store", "param")  # (a name the template gives a value: {% set %}, a loop's, a macro's argument)
_UNSET = object()


def _evaluate(node: nodes.Node, values: Mapping[str, object]) -> Any:
    """The value of a ``_PLAIN_TEST`` expression with the constants ``values``, as the rendered template's
    Python computes it (a chain 'a < b < c' as Python chains it)."""
    if isinstance(node, nodes.Name):
        return values[node.name]
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Neg):
        return -_evaluate(node.node, values)
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [_evaluate(item, values) for item in node.items]
        return items if isinstance(node, nodes.List) else tuple(items)
    if isinstance(node, nodes.Not):
        return not _evaluate(node.node, values)
    if isinstance(node, nodes.And):
        return _evaluate(node.left, values) and _evaluate(node.right, values)
    if isinstance(node, nodes.Or):
        return _evaluate(node.left, values) or _evaluate(node.right, values)
    if isinstance(node, nodes.CondExpr):
        chosen = node.expr1 if _evaluate(node.test, values) else node.expr2
        if chosen is None:  # ('x if y' without an else: Jinja's undefined, which the render tells of)
            raise TypeError("no else")
        return _evaluate(chosen, values)
    assert isinstance(node, nodes.Compare)
    left, holds = _evaluate(node.expr, values), True
    for operand in node.ops:
        right = _evaluate(operand.expr, values)
        holds = _HOLDS[operand.op](left, right)
        if not holds:
            return False
        left = right
    return holds


class _Decision(NamedTuple):
    """A branch test that reads a constant ``branch_outcomes`` varies, with the tests reached after it."""

    test: nodes.Node
    reads: tuple[str, ...]  # (the varied constants it reads)
    then: tuple[_Decision, ...]
    otherwise: tuple[_Decision, ...]


class _NotPlain(Exception):
    """A test that reads a varied constant and that ``_evaluate`` cannot work out."""


def _decisions(found: Iterable[nodes.Node], varied: set[str], known: set[str],
               in_tests: set[int]) -> tuple[_Decision, ...]:
    """The tests below ``found`` that read a constant of ``varied``, each with those it leads to; a branch whose test
    reads none of them has both its ways' tests, as has any other node (a loop's, a macro's): more tests than
    are reached only tells choices apart that need not be."""
    out: list[_Decision] = []
    for node in found:
        if isinstance(node, (nodes.If, nodes.CondExpr)):
            read = [node.test, *node.test.find_all(nodes.Node)]
            named = {n.name for n in read if isinstance(n, nodes.Name)}
            if named & varied:
                if not all(isinstance(n, _PLAIN_TEST) for n in read) or not named <= known:
                    raise _NotPlain  # (or it reads a name not a constant, or one the template sets)
                in_tests.update(id(n) for n in read)
                then: list[nodes.Node]
                otherwise: list[nodes.Node]
                if isinstance(node, nodes.CondExpr):
                    then, otherwise = [node.expr1], [] if node.expr2 is None else [node.expr2]
                elif node.elif_:  # ('elif': the rest of the ladder, as an if of its own in the else)
                    then = list(node.body)
                    otherwise = [nodes.If(node.elif_[0].test, node.elif_[0].body, node.elif_[1:], node.else_)]
                else:
                    then, otherwise = list(node.body), list(node.else_)
                out.append(_Decision(node.test, tuple(sorted(named & varied)),
                                     _decisions(then, varied, known, in_tests),
                                     _decisions(otherwise, varied, known, in_tests)))
                continue
        out.extend(_decisions(node.iter_child_nodes(), varied, known, in_tests))
    return tuple(out)


def branch_outcomes(pack: Pack, script: Script, names: Sequence[str]) -> Callable[[Sequence[object]], object] | None:
    """What ``script``'s replies depend on when the constants ``names`` (those ``branch_choices`` gives it) take
    other values: a function of their values (in ``names``' order) whose result is the same for two choices only
    when the script renders the same text with each. It follows the branches the values choose (the tests that
    read them, each worked out once per value of what it reads; not a test below a branch not taken) and takes
    the value of a constant read elsewhere (``{{ delivery_fee }}``, ``{% set fee = delivery_fee %}``): far
    cheaper than rendering. None when that cannot be told without rendering: a test that reads them is more than
    constants compared (a filter, a call), or reads a name the template sets."""
    varied = set(names)
    constants = pack.constants
    decisions: list[_Decision] = []
    elsewhere: set[str] = set()  # (varied constants read outside a test)
    layouts = (src for channel in script.channels for src in layout_sources(pack, channel))
    for src in chain(script_sources(script), layouts):
        if not any(name in src.text for name in varied):
            continue  # (a text that does not name them renders the same under every choice)
        tree = _branch_tree(src.text)
        if tree is None:
            continue  # (it does not render under any choice: reported as a template problem)
        stored = {node.name for node in tree.find_all(nodes.Name) if node.ctx in _STORED}
        in_tests: set[int] = set()
        try:
            decisions.extend(_decisions([tree], varied, constants.keys() - stored, in_tests))
        except _NotPlain:
            return None
        elsewhere.update(node.name for node in tree.find_all(nodes.Name)
                         if node.name in varied and id(node) not in in_tests)
    printed = [i for i, name in enumerate(names) if name in elsewhere]
    known: dict[tuple[int, tuple[object, ...]], bool | None] = {}  # (a test's outcome by what it reads)

    def outcome(chosen: Sequence[object]) -> object:
        values = dict(zip(names, chosen, strict=True))
        path: list[bool] = []
        todo = list(reversed(decisions))
        while todo:
            decision = todo.pop()
            at = (id(decision.test), tuple((type(values[n]), values[n]) for n in decision.reads))  # (True is not 1)
            holds = known.get(at, _UNSET)
            if holds is _UNSET:
                try:
                    holds = known[at] = bool(_evaluate(decision.test, {**constants, **values}))
                except Exception:  # ('"EU" > 4' fails as rendering it would: that choice is rendered, to say so)
                    holds = known[at] = None
            if holds is None:
                return None, tuple((type(value), value) for value in chosen)  # (its own: rendered, to say why)
            path.append(bool(holds))
            todo.extend(reversed(decision.then if holds else decision.otherwise))
        return tuple(path), tuple((type(chosen[i]), chosen[i]) for i in printed)

    return outcome

def tested_constants(pack: Pack) -> dict[str, list[str]]:
    """Each script that tests a yes-or-no constant in an ``{% if %}``, ``{% elif %}`` or inline ``... if x else ...``,
    with those constants in the order it tests them: flipped, they send another branch's text (``branch_choices``
    has the choices of every constant a script tests)."""
    found = {script_id: [options[0].name for options in choices if isinstance(options[0].value, bool)]
             for script_id, choices in branch_choices(pack).items()}
    return {script_id: names for script_id, names in found.items() if names}


def render_script(pack: Pack, script: Script | str, channel: str | None = None, variant: int = 0) -> Message:
    """Render one script (a Script of the pack, or its id) for one channel and variant into a Message.

    ``channel``: one the script declares (default its first); ``variant``: 0 for the first, up to the
    script's variants on that channel. Anything else raises ConfigError naming what the script has."""
    if not isinstance(pack, Pack):
        raise ConfigError(f"render_script() takes the pack as a Pack, not {argument_named(pack)}",
                          hint=f"Load it first: scriptkit.load_pack({pack!r})." if isinstance(pack, str)
                          else "Load it with scriptkit.load_pack(folder).")
    if isinstance(script, str):
        script = pack.script(script)  # (an id the pack lacks: UnknownScript, a ConfigError)
    elif not isinstance(script, Script):
        raise ConfigError(f"render_script() takes the script as a Script or its id, not {argument_named(script)}",
                          hint="Pass pack.script('its-id'), or the id alone.")
    elif not any(own is script for own in pack.scripts):  # (rendered with another pack's constants and settings)
        raise ConfigError(f"render_script() was given script '{script.id}' of another pack ({script.file}), not one "
                          "of this pack's", hint="Render it with the pack it was loaded with, or pass this pack's "
                          "own: pack.script('its-id').")
    if channel is not None and not isinstance(channel, str):
        raise ConfigError("render_script() takes channel as a name such as 'email', or None, "
                          f"not {argument_named(channel)}")
    channel = known_channels([channel])[0] if channel else script.channels[0]
    if channel not in script.channels:
        raise ConfigError(f"script '{script.id}' is not written for {channel}: its channels are "
                          f"{', '.join(script.channels)}",
                          hint=f"Render one of those, or add {channel} to the script's channels.")
    state = _ScriptRender(pack, script)
    count = state.variant_count(channel)
    if isinstance(variant, bool) or not isinstance(variant, int) or not 0 <= variant < count:
        which = "0" if count == 1 else f"a whole number from 0 to {count - 1}"
        raise ConfigError(f"render_script() takes variant as {which} (script '{script.id}' has {count} "
                          f"variant{'s' if count > 1 else ''} on {channel}), not {argument_named(variant)}",
                          hint="0 is the first variant; render_pack(pack, all_variants=True) renders each.")
    return state.message(channel, variant, _Frame(pack, channel))


_LAYOUTS: dict[tuple[object, ...], list[Segment]] = {}  # rendered greetings/sign-offs of the last pack


def _layout_segments(pack: Pack, channel: str, src: TemplateSource) -> list[Segment]:
    """A layout slot renders the same for every script of a channel: once per pack."""
    _base_vars(pack)  # a different pack clears the cache
    key = (channel, src.slot, src.text, src.path, src.label)
    found = _LAYOUTS.get(key)
    if found is None:
        found = _LAYOUTS[key] = _strip(render_source(src, _Context(pack, None)))
    return found


class _Frame:
    """A channel's layout: its greeting and sign-off and the text between slots (read once per
    render, the rendered greeting and sign-off kept once they render without error)."""

    def __init__(self, pack: Pack, channel: str) -> None:
        self.pack, self.channel = pack, channel
        by_slot = {src.slot: src for src in layout_sources(pack, channel)}
        self.greeting, self.signoff = by_slot.get("greeting"), by_slot.get("signoff")
        self.joiner = Text(pack.meta.layout(channel).joiner(channel), "layout", None)
        self._rendered: dict[str, list[Segment]] = {}

    def segments(self, src: TemplateSource) -> list[Segment]:
        found = self._rendered.get(src.slot)
        if found is None:
            found = self._rendered[src.slot] = _layout_segments(self.pack, self.channel, src)
        return found


def layout_segments(meta: PackMeta, channel: str) -> dict[str, list[Segment]]:
    """The greeting and sign-off a pack with these settings frames ``channel``'s replies with, rendered
    (the JSON export writes each channel the pack sets, one no script is sent on too)."""
    frame = _Frame(Pack(meta=meta, scripts=[]), channel)
    return {src.slot: frame.segments(src) for src in (frame.greeting, frame.signoff) if src is not None}


class _ScriptRender:
    """One script's rendering, shared by its channels and variants: its slots render the same
    on every channel, so each template is rendered (and its context built) once per script."""

    def __init__(self, pack: Pack, script: Script) -> None:
        self.pack, self.script = pack, script
        self.sources = list(script_sources(script))
        self.options: dict[str, list[TemplateSource]] = {slot: [] for slot in REPLY_SLOTS}
        # a channel's own texts, by slot (an empty list where it leaves a slot out)
        self.own: dict[str, dict[str, list[TemplateSource]]] = {
            channel: {slot: [] for slot in REPLY_SLOTS if getattr(text, slot) is not None}
            for channel, text in script.by_channel.items()}
        for src in self.sources:
            if src.slot in self.options:
                if src.path[0] == BY_CHANNEL:
                    self.own[str(src.path[1])][src.slot].append(src)
                else:
                    self.options[src.slot].append(src)
        # a script always has an acknowledgment; its label is script.file, slow to reach (pydantic)
        self.file = self.sources[0].label if self.sources else script.file
        self.done: dict[tuple[str | int, ...], list[Segment]] = {}
        self._ctx: _Context | None = None
        self._notes: tuple[AgentNote, ...] | None = None
        self._meta: dict[str, object] | None = None

    def slot_options(self, channel: str) -> dict[str, list[TemplateSource]]:
        """Each body slot's variants on ``channel``: its own where it has them, else the script's."""
        own = self.own.get(channel)
        return self.options if own is None else {**self.options, **own}

    def variant_count(self, channel: str) -> int:
        return max(1, *map(len, self.slot_options(channel).values()))

    def segments(self, src: TemplateSource) -> list[Segment]:
        found = self.done.get(src.path)
        if found is None:
            if "{" not in src.text:  # plain text needs no context (most scripts are only that)
                found = _plain(src)
            else:
                if self._ctx is None:
                    self._ctx = _Context(self.pack, self.script)
                found = render_source(src, self._ctx)
            found = self.done[src.path] = _strip(found)
        return found

    def message(self, channel: str, variant: int, frame: _Frame) -> Message:
        script = self.script
        # rendered in reading order (greeting, slots, sign-off, then the notes): the first template
        # error of a message is the one reported for it
        parts: list[list[Segment]] = []
        if frame.greeting is not None:
            parts.append(frame.segments(frame.greeting))
        for options in self.slot_options(channel).values():
            if options:
                parts.append(self.segments(options[variant % len(options)]))
        if frame.signoff is not None:
            parts.append(frame.segments(frame.signoff))
        body: list[Segment] = []
        for segs in parts:
            if segs:
                if body:
                    body.append(frame.joiner)
                body.extend(segs)
        if self._notes is None:
            self._notes = tuple(AgentNote(_note_kind(script, src), _note_label(script, src),
                                          tuple(self.segments(src)))
                                for src in self.sources if src.slot == "flexibility")
        if self._meta is None:  # one mapping for all the script's messages (read only; an export copies it)
            # (the rules the script switches off, and the pack's settings as written: the JSON export carries
            # them, so that an import of it gives back the whole pack)
            self._meta = {"emotion": script.emotion, "tags": tuple(script.tags), "scenario": script.scenario,
                          "ignore": tuple(script.ignore), "blanks": tuple(script.blanks.values()),
                          "pack_meta": self.pack.meta}
        meta = self._meta
        by_slot = self.slot_options(channel)
        if any(len(texts) > 1 for texts in by_slot.values()):
            # (which of each varying slot's texts this variant is: a finding about the whole reply is placed in
            # one slot, the same for every variant, and must say which variant it is about: VARIANT_OF)
            meta = {**meta, VARIANT_OF: tuple((slot, variant % len(texts)) for slot, texts in by_slot.items()
                                              if len(texts) > 1)}
        return Message(script_id=script.id, title=script.title, channel=channel, variant=variant,
                       segments=tuple(body), notes=self._notes, file=self.file, meta=meta)


def _note_kind(script: Script, src: TemplateSource) -> str:
    return {"guidance": "guidance", "alternatives": "alternative", "conditions": "condition"}.get(
        str(src.path[1]) if len(src.path) > 1 else "guidance", "guidance")


CONDITION_PREFIX = "If "  # a condition's note is labelled "If <when>" (the importer reads it back)


def _note_label(script: Script, src: TemplateSource) -> str:
    flex = script.flexibility
    if flex is None or len(src.path) < 3:
        return "Guidance"
    i = int(src.path[2])
    if src.path[1] == "alternatives":
        return flex.alternatives[i].label
    return CONDITION_PREFIX + flex.conditions[i].when


def wanted_channels(channels: Iterable[str] | str | None, function: str) -> list[str] | None:
    """The channels a caller of ``function`` asked for (a list, one name, or names with commas: 'chat, email'),
    each one scriptkit knows, or None for every channel. Only None means every channel: 0, "" or [] name none
    (they were read as None, and judged them all)."""
    if channels is None:
        return None
    # (known_channels says what is wrong with 5 or ['fax'], and reads 'chat' as a name, not as 'c', 'h'...)
    names = known_channels(channels) if channels else []
    if names:
        return names
    given = "an empty list" if isinstance(channels, Iterable) and not isinstance(channels, str | bytes) \
        else repr(channels)
    raise ConfigError(f"{function}() takes channels as a list of names, or None for every channel, not {given}",
                      hint="Leave channels out (or pass None) for every channel, or name them: ['email', 'chat'].")


def written_for(scripts: Iterable[Script], channels: list[str] | None, where: Location, doing: str) -> None:
    """A ConfigError where ``channels`` name only channels none of ``scripts`` is written for: a check or an export of
    nothing said "All clear" (and an export replaced a good one with nothing), which a CI gate on that channel
    took for a pass."""
    if channels and not any(set(channels) & set(s.channels) for s in scripts):
        raise ConfigError(f"no script in this pack is written for the {' or '.join(channels)} channel", where,
                          f"Add {channels[0]} to a script's channels: list to {doing} it there.")


def pack_place(pack: Pack) -> Location:
    """Where a problem of the pack as a whole is located: its pack.yaml."""
    return pack.origin.location(()) if pack.origin is not None else Location(str(pack.root), 1, 1)


BRANCH_CONSTANTS = 3  # constants of one text whose every choice is rendered for ``branch_failures`` (as check judges)


def branch_failures(pack: Pack, script: Script, choices: Sequence[tuple[BranchChoice, ...]]) -> list[ScriptkitError]:
    """The errors ``script``'s texts raise when rendered with the constants they test given their other values
    (``choices``, from ``branch_choices``): '{% if not open_today %}{{ refund_days + " days" }}{% endif %}' renders
    today, and fails the day open_today changes. Each is said with when it fails ('(fails when open_today is
    false)'), once per place, with the choice that changes the fewest constants. Only a text that tests one pays:
    it is rendered again for each other choice of the constants it reads (see ``linting._other_branches``)."""
    failures: list[ScriptkitError] = []
    told: set[str] = set()
    base: _Context | None = None
    for src in script_sources(script):
        base = _other_choices_failures(src, pack, script, choices, base, told, failures)
    return failures


def layout_branch_failures(pack: Pack, channel: str) -> list[ScriptkitError]:
    """``branch_failures`` of ``channel``'s greeting and sign-off (pack.yaml's): 'Hi there,' while open_today holds,
    and a failing '{{ 1 / 0 }}' the day it does not, is told at pack.yaml's line, once for every script it frames.
    A layout that fails today is not (every script's render tells that already); one testing no constant pays a
    look at its text."""
    failures: list[ScriptkitError] = []
    told: set[str] = set()
    for src in layout_sources(pack, channel):
        choices = _tested_choices([src], pack.constants) if pack.constants else []
        if not choices:
            continue
        try:
            _layout_segments(pack, channel, src)  # (today's, cached: a failure is the scripts' to tell)
        except ScriptkitError:
            continue
        _other_choices_failures(src, pack, None, choices, None, told, failures)
    return failures


def _other_choices_failures(src: TemplateSource, pack: Pack, script: Script | None,
                            choices: Sequence[tuple[BranchChoice, ...]], base: _Context | None, told: set[str],
                            failures: list[ScriptkitError]) -> _Context | None:
    """Render ``src`` with each other choice of the constants (of ``choices``) it reads, up to BRANCH_CONSTANTS of
    them, adding each new failure to ``failures`` with when it fails; the context made for it is returned to be
    reused (``base``, None until a text needs one)."""
    tested = {options[0].name: options for options in choices}
    tree = _branch_tree(src.text) if "{" in src.text and any(name in src.text for name in tested) else None
    if tree is None or next(tree.find_all((nodes.If, nodes.CondExpr)), None) is None:
        return base  # (no branch, or no constant it tests: it renders as it does today)
    read = [tested[name] for name in dict.fromkeys(n.name for n in tree.find_all(nodes.Name)) if name in tested]
    base = base or _Context(pack, script)
    for picked in sorted(product(*read[:BRANCH_CONSTANTS]), key=lambda picked: sum(not c.today for c in picked)):
        changed = [choice for choice in picked if not choice.today]
        if not changed:
            continue  # (today's: rendered already)
        ctx = _Context.__new__(_Context)
        ctx.__dict__.update(base.__dict__)
        ctx.vars = {**base.vars, **{c.name: _Constant(c.value, c.name) if type(c.value) is str else c.value
                                    for c in changed}}
        try:
            render_source(src, ctx)
        except ScriptkitError as exc:
            if str(exc.location) not in told:  # (each failing expression once, with its simplest choice)
                told.add(str(exc.location))
                exc.message = f"{exc.message} (fails when {' and '.join(c.said for c in changed)})"
                failures.append(exc)
    return base


def render_pack(pack: Pack, channels: Iterable[str] | str | None = None, script_id: str | None = None,
                all_variants: bool = False, every_branch: bool = False) -> list[Message]:
    """Render every script (or one) for each of its channels; all template errors together.

    ``channels``: a list of names (or one, or names with commas: 'chat, email'), or None for every channel;
    ``script_id``: one script's id, or None for all; ``all_variants``: each variant of a script, not only its
    first; ``every_branch``: an error of a branch the constants do not choose today is one too (check's: a text
    rendered, exported or sent today is not refused for it; see ``branch_failures``). An argument of another
    type is a ConfigError, as are channels no script (or not the one named) is written for."""
    from scriptkit.errors import ErrorCollector
    from scriptkit.linting import check_argument

    check_argument(pack, Pack, "render_pack", "the pack", "a Pack",
                   f"Load it first: scriptkit.load_pack({pack!r})." if isinstance(pack, str)
                   else "Load it with scriptkit.load_pack(folder).")
    check_argument(script_id, (str, type(None)), "render_pack", "script_id", "a script's id (a str), or None",
                   "pack.scripts holds its scripts, each with its id.")
    check_argument(all_variants, bool, "render_pack", "all_variants", "True or False")
    chosen = wanted_channels(channels, "render_pack")
    scripts = [pack.script(script_id)] if script_id else pack.scripts
    if script_id and chosen and not set(chosen) & set((one := scripts[0]).channels):
        raise ConfigError(f"script '{one.id}' is not written for the {' or '.join(chosen)} channel: its channels are "
                          f"{', '.join(one.channels)}", one.origin.location(("channels",)) if one.origin else None,
                          f"Render one of those, or add {chosen[0]} to the script's channels.")
    written_for(pack.scripts, chosen, pack_place(pack), "render")
    wanted = set(chosen) if chosen is not None else None
    errors = ErrorCollector()
    messages: list[Message] = []
    frames: dict[str, _Frame] = {}
    branchy = branch_choices(pack) if every_branch else {}
    for script in scripts:
        failed = len(errors.errors)
        state = _ScriptRender(pack, script)
        for channel in script.channels:
            if wanted is not None and channel not in wanted:
                continue
            frame = frames.get(channel)
            if frame is None:
                frame = frames[channel] = _Frame(pack, channel)
            for variant in range(state.variant_count(channel) if all_variants else 1):
                try:
                    messages.append(state.message(channel, variant, frame))
                except ScriptkitError as exc:
                    errors.add(exc.message, exc.location, exc.hint, type(exc))
        if script.id in branchy and len(errors.errors) == failed:  # (a script failing today is told that first)
            errors.extend(branch_failures(pack, script, branchy[script.id]))
    if every_branch:  # (each channel rendered: a shard of a parallel check tells its own, and the copies merge)
        for framed in frames:
            errors.extend(layout_branch_failures(pack, framed))
    errors.raise_if_any()
    return messages
