"""scriptkit's own JSON export (``--to json``) read back into a pack, with nothing guessed.

The export holds every script rendered per channel and variant, each segment tagged with its
slot. So the slots, the variants (an option per variant, as ``options[variant % n]`` chose
them), the blanks with their prompts, the guidance and alternatives, the rules a script ignores, and
the pack's description, ``rules`` and ``grammar`` settings and each channel it sets (version 3; before,
the channels the messages show) all come back as they were, and so do the script's and the pack's
``export`` settings (an internal note stays one). Pack constants were rendered into the text,
so they come back as literal text; placeholders keep their canonical names and fallbacks.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scriptkit.diagnostics import Location
from scriptkit.errors import ImportFormatError
from scriptkit.importers.common import (
    ItemProblem,
    RawItem,
    ReadOptions,
    kind_of,
    load_json,
    locate,
    read_text,
    terminal_escapes_note,
)
from scriptkit.importers.convert import SLOT_ORDER, ImportedMacro, Layout, NativeScript
from scriptkit.importers.dialects import BlankPiece, Piece, PlaceholderPiece, TextPiece
from scriptkit.importers.tabular import FileNote
from scriptkit.models import BLANK_NAME, is_script_id
from scriptkit.placeholders import is_placeholder_name
from scriptkit.rendering import CONDITION_PREFIX
from scriptkit.sourcetext import SourceText
from scriptkit.targets.jsonfile import FORMAT, VERSION
from scriptkit.text import HALF_CHARACTER, TERMINAL_ESCAPE

LABEL = "scriptkit's own JSON export (export --to json): slots, variants and notes read back exactly"
CHANNEL_ORDER = ("email", "chat", "sms", "phone", "social")
#: the format versions this scriptkit reads: its own, and the earlier one (1: without ``export`` settings)
READS = tuple(range(1, VERSION + 1))
AGAIN = "Export the pack again with `scriptkit export PACK --to json`."


def is_native(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def read(data: Mapping[str, Any], source: SourceText) -> Iterator[ImportedMacro | ItemProblem]:
    """One ImportedMacro per script of the export, in the export's order; bad ones named, where they are."""
    places = _Places(source)
    _check_version(data, source, places)
    messages = data.get("messages")
    if not isinstance(messages, list):
        raise ImportFormatError("scriptkit export has no 'messages' list", source.location(0), AGAIN)
    header = data.get("pack", {})
    if not isinstance(header, dict):  # (its name, version and locale would be lost)
        raise ImportFormatError(f"'pack' should be an object (name, version, locale), found {kind_of(header)}",
                                places.top("pack"), AGAIN)
    in_header: dict[str, list[str]] = {}
    header = _without_escapes(header, in_header)
    if in_header:  # (its description, greetings and sign-offs: the pack's, no script's)
        yield FileNote(places.top("pack"), Path(source.path).name, f"the pack's settings: {_escapes_note(in_header)}")
    pack = {k: str(v) for k, v in header.items() if isinstance(v, str) and v}
    declared = _declared(header.get("placeholders", {}), places)
    pack_export = header.get("export", {})
    if not _settings(pack_export):
        raise ImportFormatError(f"'pack.export' should be an object of helpdesk settings (zendesk: {{...}}), "
                                f"found {kind_of(pack_export)}", places.top("pack", "export"), AGAIN)
    settings = _pack_settings(header, places)
    if settings is not None:
        yield from _outside_reach(settings, places, Path(source.path).name)
    by_script: dict[str, list[Mapping[str, Any]]] = {}
    faults: dict[str, ItemProblem] = {}  # a script with a bad message is left out whole, by name
    escapes: dict[str, dict[str, list[str]]] = {}  # script id -> each text of it that held escape sequences -> them
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or not isinstance(message.get("script_id"), str):
            found = "it has no 'script_id'" if isinstance(message, dict) else f"found {kind_of(message)}"
            yield ItemProblem(places.at(index, ()), f"message #{index + 1}", f"is not an exported message: {found}")
            continue
        script_id = message["script_id"]
        # (it names the script's file: '../../.github/workflows/ci' wrote there; half a character is said by
        # import_library, as of any format's item)
        if not is_script_id(script_id) and HALF_CHARACTER.search(script_id) is None:
            yield ItemProblem(places.at(index, ("script_id",)), f"message #{index + 1}",
                              f"its script_id {script_id[:80]!r} is not a script id: lower-case letters, digits, "
                              "'.', '_' and '-', from a letter or digit")
            continue
        # (as import takes them out of a helpdesk's export: kept, the ESC was written and check refused the pack)
        message = _without_escapes(message, escapes.setdefault(script_id, {}))
        by_script.setdefault(script_id, []).append(message)
        fault = _fault(message)
        if fault is not None and script_id not in faults:
            path, what = fault
            faults[script_id] = ItemProblem(places.at(index, path), script_id, f"{_named(index, message)}: {what}")
    frames = layouts([m for script_id, group in by_script.items() if script_id not in faults for m in group]) \
        if settings is None else settings.channels
    for script_id, group in by_script.items():
        if script_id in faults:
            yield faults[script_id]
            continue
        where = locate(source, script_id)
        try:
            macro = _macro(script_id, group, where, frames, pack, declared, pack_export, settings)
        except (KeyError, TypeError, ValueError) as exc:
            yield ItemProblem(where, script_id, f"cannot be read back: {type(exc).__name__}: {exc}")
            continue
        if escapes[script_id]:
            macro.notes.append(_escapes_note(escapes[script_id]))
        yield macro


def _without_escapes(value: Any, found: dict[str, list[str]], rendering: bool = False) -> Any:
    """``value`` (an exported message, or a part of it) with each terminal escape sequence taken out of its texts;
    ``found`` gets each text that held some, and them: a text the script's variants repeat, once. A message's and a
    note's ``text`` and ``slots`` render its segments, so theirs are taken out but not counted again."""
    if isinstance(value, str):
        sequences = TERMINAL_ESCAPE.findall(value)
        if sequences and not rendering:
            found.setdefault(value, sequences)
        return TERMINAL_ESCAPE.sub("", value) if sequences else value
    if isinstance(value, list):
        return [_without_escapes(item, found, rendering) for item in value]
    if isinstance(value, dict):
        renders = "segments" in value
        return {key: _without_escapes(item, found, rendering or (renders and key in ("text", "slots")))
                for key, item in value.items()}
    return value


def _escapes_note(found: dict[str, list[str]]) -> str:
    return terminal_escapes_note([sequence for sequences in found.values() for sequence in sequences])


@dataclass
class _PackSettings:
    description: str
    channels: dict[str, Layout]
    rules: dict[str, Any]
    grammar: dict[str, Any]


def _pack_settings(header: Mapping[str, Any], places: _Places) -> _PackSettings | None:
    """The pack's settings a version 3 export carries (None for an earlier one: its channels are read from
    the messages), each checked as the export writes it."""
    if "channels" not in header:
        return None
    description, channels = header.get("description", ""), header["channels"]
    if not isinstance(description, str):
        raise ImportFormatError(f"'pack.description' should be text, found {kind_of(description)}",
                                places.top("pack", "description"), AGAIN)
    for key in ("rules", "grammar"):
        if not _settings(header.get(key, {})):
            raise ImportFormatError(f"'pack.{key}' should be an object of settings, found {kind_of(header[key])}",
                                    places.top("pack", key), AGAIN)
    frames: dict[str, Layout] = {}
    if not isinstance(channels, dict):
        raise ImportFormatError(f"'pack.channels' should be an object (a channel -> its greeting and sign-off), "
                                f"found {kind_of(channels)}", places.top("pack", "channels"), AGAIN)
    for channel, frame in channels.items():
        fault = _frame_fault(channel, frame)
        if fault is not None:
            path, what = fault
            raise ImportFormatError(f"'pack.channels.{channel}' {what}", places.top("pack", "channels", *path), AGAIN)
        frames[channel] = Layout(tuple(_segment_pieces(frame["greeting"])), tuple(_segment_pieces(frame["signoff"])),
                                 frame.get("separator"))
    return _PackSettings(description, dict(sorted(frames.items(), key=lambda item: _channel_rank(item[0]))),
                         dict(header.get("rules", {})), dict(header.get("grammar", {})))


def _outside_reach(settings: _PackSettings, places: _Places, name: str) -> Iterator[FileNote]:
    """Notes on the settings an export carries that reach outside the pack: a grammar server's URL, which every
    later check sends the scripts' text to, and rule files. Kept, as the pack had them, but said: a file from
    elsewhere set them silently."""
    for where, mode in (("rules", settings.rules.get("grammar")), ("grammar", settings.grammar.get("mode"))):
        # (read as the settings reader reads it: ' https://...' with a space before it is a server too)
        if isinstance(mode, str) and mode.strip().lower().startswith(("http:", "https:")):
            yield FileNote(places.top("pack", where), name,
                           f"its settings send grammar checks to {mode.strip()[:200]}: each check of the pack sends "
                           "its scripts' text there. Keep it only if you know that server (pack.yaml, "
                           f"{'rules: grammar' if where == 'rules' else 'grammar: mode'})")
    for key in ("files", "custom"):
        if settings.rules.get(key):
            yield FileNote(places.top("pack", "rules"), name,
                           f"its settings run rules of their own (rules: {key}): read them in pack.yaml before "
                           "checking the pack")


def _frame_fault(channel: str, frame: Any) -> tuple[tuple[str, ...], str] | None:
    if channel not in CHANNEL_ORDER:
        return (channel,), f"is no channel ({', '.join(CHANNEL_ORDER)})"
    if not isinstance(frame, dict):
        return (channel,), f"should be an object (greeting, signoff), found {kind_of(frame)}"
    fault = _fields(frame, _FRAME_FIELDS)
    for slot in ("greeting", "signoff"):
        fault = fault or _segments_fault(frame[slot], (slot,), f"{slot} ")
    return None if fault is None else ((channel, *map(str, fault[0])), fault[1])


def _declared(value: Any, places: _Places) -> dict[str, dict[str, Any]]:
    """The pack's own placeholders as the export declares them (name -> description, sample, can_be_blank, and
    fallback and called where the pack gives them)."""
    fields = {"description": str, "sample": str, "can_be_blank": bool, "fallback": str, "called": str}
    good = isinstance(value, dict) and all(
        is_placeholder_name(name) and isinstance(spec, dict)
        and all(key in fields and isinstance(v, fields[key]) for key, v in spec.items())
        for name, spec in value.items())
    if not good:  # (the scripts use them: read back undeclared, the pack would not load)
        raise ImportFormatError("'pack.placeholders' should map each placeholder (namespace.field) to its "
                                "description, sample and can_be_blank", places.top("pack"), AGAIN)
    return {str(name): dict(spec) for name, spec in value.items()}


def _check_version(data: Mapping[str, Any], source: SourceText, places: _Places) -> None:
    """The export's format version must be one this scriptkit writes or wrote: a later one may mean other things
    (or hold a field this one would skip, losing what it says). Version 1 had no ``export`` settings."""
    if "version" not in data:
        raise ImportFormatError("scriptkit export has no 'version': which export format it is cannot be told",
                                source.location(0), AGAIN)
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportFormatError(f"'version' should be a whole number, found {kind_of(version)}",
                                places.top("version"), AGAIN)
    if version not in READS:
        known = f"{', '.join(map(str, READS[:-1]))} or {READS[-1]}" if len(READS) > 1 else str(READS[0])
        raise ImportFormatError(
            f"this is version {version} of scriptkit's export format; this scriptkit reads version {known}",
            places.top("version"),
            "Upgrade scriptkit to read it (a later scriptkit wrote it), or export the pack again with this one: "
            "`scriptkit export PACK --to json`.")


# ---------------------------------------------------------------- the shape of a message

Path_ = tuple[str | int, ...]  # keys and indexes from a message to a value in it
Fault = tuple[Path_, str]  # where in the message (the value, or the object missing a key), and what is wrong
NOTE_KINDS = ("guidance", "alternative", "condition")
SEGMENT_TYPES = ("text", "placeholder", "blank")


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _text_or_null(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _slot_texts(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _list(value: Any) -> bool:
    return isinstance(value, list)


def _blank_name(value: Any) -> bool:
    return isinstance(value, str) and BLANK_NAME.fullmatch(value) is not None


def _blank_specs(value: Any) -> bool:
    """The blanks a script declares, as the export writes them: each a name, a prompt and maybe an example."""
    fields = {"name": True, "prompt": True, "example": False}  # key -> required
    return isinstance(value, list) and all(
        isinstance(spec, dict) and set(spec) <= set(fields) and all(k in spec for k, need in fields.items() if need)
        and all(isinstance(v, str) for v in spec.values()) and _blank_name(spec["name"]) for spec in value)


def _settings(value: Any) -> bool:
    """Export settings as a pack writes them: an object with text keys (a helpdesk's name, or ``targets``)."""
    return isinstance(value, dict) and all(isinstance(key, str) for key in value)


# key -> (required, accepts, what it should be); in the order the export's reader needs them
_MESSAGE_FIELDS: dict[str, tuple[bool, Callable[[Any], bool], str]] = {
    "channel": (True, _text, "text"),
    "variant": (True, _whole, "a whole number"),
    "segments": (True, _list, "a list of segments"),
    "notes": (False, _list, "a list of notes"),
    "slots": (False, _slot_texts, "an object of slot texts"),
    "tags": (False, _texts, "a list of tags (text)"),
    "ignore": (False, _texts, "a list of rule selectors (text)"),
    "blanks": (False, _blank_specs, "a list of blanks (name, prompt and example: text; each name in lower-case "
                                    "letters, digits and '_', starting with a letter)"),
    "export": (False, _settings, "an object of helpdesk settings (zendesk: {...})"),
    **{key: (False, _text_or_null, "text") for key in ("title", "scenario", "emotion", "text", "file")},
}
_NOTE_FIELDS: dict[str, tuple[bool, Callable[[Any], bool], str]] = {
    "label": (True, _text, "text"), "text": (True, _text, "text"), "segments": (True, _list, "a list of segments")}
_FRAME_FIELDS: dict[str, tuple[bool, Callable[[Any], bool], str]] = {
    "greeting": (True, _list, "a list of segments"), "signoff": (True, _list, "a list of segments"),
    "separator": (False, _text_or_null, "text or null")}
_SEGMENT_FIELDS: dict[str, dict[str, tuple[bool, Callable[[Any], bool], str]]] = {
    "text": {"text": (True, _text, "text"), "slot": (True, _text, "text")},
    "placeholder": {"name": (True, _text, "text"), "fallback": (False, _text_or_null, "text or null"),
                    "slot": (True, _text, "text")},
    "blank": {"name": (True, _blank_name, "a blank's name (lower-case letters, digits and '_', starting with a "
                                            "letter)"), "prompt": (False, _text_or_null, "text or null"),
              "example": (False, _text_or_null, "text or null"), "slot": (True, _text, "text")},
}


def _fields(item: Mapping[str, Any], fields: Mapping[str, tuple[bool, Callable[[Any], bool], str]]) -> Fault | None:
    for key, (required, accepts, should) in fields.items():
        if key not in item:
            if required:
                return (), f"has no '{key}'"
        elif not accepts(item[key]):
            return (key,), f"'{key}' should be {should}, found {kind_of(item[key])}"
    return None


def _fault(message: Mapping[str, Any]) -> Fault | None:
    """The first part of an exported message not as scriptkit writes it, or None."""
    fault = _fields(message, _MESSAGE_FIELDS)
    if fault is not None:
        return fault
    fault = _segments_fault(message["segments"], ("segments",), "")
    if fault is not None:
        return fault
    for i, note in enumerate(message.get("notes", [])):
        path, name = ("notes", i), f"note {i + 1}"
        if not isinstance(note, dict):
            return path, f"{name} should be an object, found {kind_of(note)}"
        kinds = "(guidance, alternative or condition)"
        if "kind" not in note:
            return path, f"{name} has no 'kind' {kinds}"
        if note["kind"] not in NOTE_KINDS:
            return (*path, "kind"), f"{name} has an unknown 'kind' {note['kind']!r} {kinds}"
        fault = _fields(note, _NOTE_FIELDS)
        if fault is not None:
            return (*path, *fault[0]), f"{name} {fault[1]}"
        fault = _segments_fault(note["segments"], (*path, "segments"), f"{name}: ")
        if fault is not None:
            return fault
    return None


def _segments_fault(segments: list[Any], path: Path_, name: str) -> Fault | None:
    for i, seg in enumerate(segments):
        where, which = (*path, i), f"{name}segment {i + 1}"
        if not isinstance(seg, dict):
            return where, f"{which} should be an object, found {kind_of(seg)}"
        kind = seg.get("type")
        if kind is None:
            return where, f"{which} has no 'type' (text, placeholder or blank)"
        if kind not in SEGMENT_TYPES:
            return (*where, "type"), f"{which}: unknown segment type {kind!r} (text, placeholder or blank)"
        fault = _fields(seg, _SEGMENT_FIELDS[kind])
        if fault is not None:
            return (*where, *fault[0]), f"{which} ({kind}) {fault[1]}"
    return None


def _named(index: int, message: Mapping[str, Any]) -> str:
    """'message #3 (chat, variant 1)': as much of where it stands as the message itself says."""
    known = [str(message["channel"])] if isinstance(message.get("channel"), str) else []
    if _whole(message.get("variant")):
        known.append(f"variant {message['variant']}")
    return f"message #{index + 1}" + (f" ({', '.join(known)})" if known else "")


# ---------------------------------------------------------------- where a value stands in the file

_DECODER = json.JSONDecoder()


def _skip(text: str, pos: int) -> int:
    """Past JSON's white space at ``pos``."""
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _members(text: str, at: int) -> dict[str | int, int]:
    """Where each member of the JSON object or array starting at ``at`` starts (the text parsed already)."""
    out: dict[str | int, int] = {}
    if text[at] not in "{[":
        return out
    is_object = text[at] == "{"
    pos, index = _skip(text, at + 1), 0
    while text[pos] not in "}]":
        name: str | int = index
        if is_object:
            name, pos = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
            pos = _skip(text, _skip(text, pos) + 1)  # past the colon
        out[name] = pos  # (a repeated key: the last, as the parser keeps it)
        index += 1
        pos = _skip(text, _DECODER.raw_decode(text, pos)[1])
        if text[pos] == ",":
            pos = _skip(text, pos + 1)
    return out


class _Places:
    """Where the export's values stand, found (by a second read of the text) only for a problem."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self._members: dict[int, dict[str | int, int]] = {}  # an object's or array's offset -> its members'

    def _offset(self, path: Path_) -> int:
        """Where the value at ``path`` starts; where the path stops, the object that lacks the rest."""
        text = self.source.text
        pos = _skip(text, 0)
        for part in path:
            if pos not in self._members:
                self._members[pos] = _members(text, pos)
            if part not in self._members[pos]:
                break
            pos = self._members[pos][part]
        return pos

    def top(self, *path: str) -> Location:
        """A top-level value (``version``), or one within it (``pack``, ``export``)."""
        return self.source.location(self._offset(path))

    def at(self, index: int, path: Path_) -> Location:
        """The message ``index`` of the list, or a value in it (``path``)."""
        return self.source.location(self._offset(("messages", index, *path)))


def layouts(messages: Sequence[Any]) -> dict[str, Layout]:
    """Each channel's greeting, sign-off and slot separator, as most of its messages show them."""
    seen: dict[str, Counter[Layout]] = {}
    for message in messages:
        if isinstance(message, dict) and isinstance(message.get("segments"), list):
            segments = message["segments"]
            joiner = next((str(s["text"]) for s in segments if s.get("slot") == "layout" and s.get("type") == "text"
                           and s.get("text", "").strip() == ""), None)
            frame = Layout(tuple(_pieces(segments, "greeting")), tuple(_pieces(segments, "signoff")), joiner)
            seen.setdefault(str(message.get("channel", "email")), Counter())[frame] += 1
    return {channel: seen[channel].most_common(1)[0][0] for channel in sorted(seen, key=_channel_rank)}


def _channel_rank(channel: str) -> int:
    return CHANNEL_ORDER.index(channel) if channel in CHANNEL_ORDER else len(CHANNEL_ORDER)


def _macro(script_id: str, group: Sequence[Mapping[str, Any]], where: Location,
           frames: dict[str, Layout], pack: dict[str, str], declared: dict[str, dict[str, Any]],
           pack_export: dict[str, Any], settings: _PackSettings | None = None) -> ImportedMacro:
    channels = list(dict.fromkeys(str(m["channel"]) for m in group))  # in the script's order, as exported
    options, *others = [_channel_options(group, channel) for channel in channels]
    # the first channel's text is the script's; another channel's differing slots are its own
    by_channel = {channel: own for channel, theirs in zip(channels[1:], others, strict=True)
                  if (own := {slot: opts for slot, opts in theirs.items() if opts != options[slot]})}
    main = min((m for m in group if m["channel"] == channels[0]), key=lambda m: int(m["variant"]))
    blank_segments = [s for m in group
                      for s in [*m["segments"], *(x for n in m.get("notes", []) for x in n["segments"])]
                      if s.get("type") == "blank"]
    # (version 3: each blank the script declares, in its order, one no text uses too)
    specs = [*main.get("blanks", []), *blank_segments]
    prompts = {str(s["name"]): str(s.get("prompt") or "") for s in specs}
    examples = {str(s["name"]): str(s["example"]) for s in specs if s.get("example") is not None}
    notes = main.get("notes", [])  # (each an object: read() left out messages with a fault)
    guidance = "\n\n".join(n["text"] for n in notes if n.get("kind") == "guidance")
    alternatives = [(str(n["label"]), _segment_pieces(n["segments"])) for n in notes if n.get("kind") == "alternative"]
    conditions = [(str(n["label"]).removeprefix(CONDITION_PREFIX), _segment_pieces(n["segments"])) for n in notes
                  if n.get("kind") == "condition"]
    raw = RawItem(key=script_id, title=str(main.get("title") or script_id), body=str(main.get("text", "")),
                  location=where, dialect="scriptkit", tags=[str(t) for t in main.get("tags", [])], guidance=guidance)
    blanks = {name: _blank(name) for name in prompts}
    native = NativeScript(channels, str(main.get("scenario") or ""), str(main.get("emotion") or ""), options,
                          prompts, conditions, pack, frames, examples, by_channel, declared,
                          dict(main.get("export", {})), dict(pack_export))
    for n in notes:  # (the guidance's placeholders and blanks too: written back as a template)
        if n.get("kind") == "guidance":
            native.guidance += [TextPiece("\n\n")] * bool(native.guidance) + _segment_pieces(n["segments"])
    if settings is not None:  # (version 3)
        native.ignore = [str(s) for s in main.get("ignore", [])]
        native.description, native.rules, native.grammar = settings.description, settings.rules, settings.grammar
    return ImportedMacro(raw, script_id, {slot: opts[0] if opts else [] for slot, opts in options.items()},
                         blanks, [], alternatives, native=native)


def _channel_options(group: Sequence[Mapping[str, Any]], channel: str) -> dict[str, list[list[Piece]]]:
    """Each slot's options on one channel, from that channel's messages in variant order."""
    messages = sorted((m for m in group if m["channel"] == channel), key=lambda m: int(m["variant"]))
    return {slot: _options([_pieces(m["segments"], slot) for m in messages]) for slot in SLOT_ORDER}


def _options(per_variant: list[list[Piece]]) -> list[list[Piece]]:
    """A slot's options from what each variant shows: the shortest cycle that repeats them."""
    count = len(per_variant)
    for period in range(1, count + 1):
        if all(per_variant[i] == per_variant[i % period] for i in range(count)):
            return per_variant[:period] if any(per_variant[:period]) else []
    return per_variant


def _pieces(segments: Sequence[Mapping[str, Any]], slot: str) -> list[Piece]:
    return _segment_pieces([s for s in segments if s.get("slot") == slot])


def _segment_pieces(segments: Sequence[Mapping[str, Any]]) -> list[Piece]:
    out: list[Piece] = []
    for seg in segments:
        kind = seg["type"]
        if kind == "text":
            if out and isinstance(out[-1], TextPiece):  # adjacent literal runs read as one
                out[-1] = TextPiece(out[-1].text + str(seg["text"]))
            else:
                out.append(TextPiece(str(seg["text"])))
        elif kind == "placeholder":
            out.append(PlaceholderPiece(str(seg["name"]), seg.get("fallback")))
        elif kind == "blank":
            out.append(_blank(str(seg["name"])))
        else:
            raise ValueError(f"unknown segment type {kind!r}")
    return out


def _blank(name: str) -> BlankPiece:
    """A declared blank, as the pack writer names blanks by their original spelling."""
    return BlankPiece("{{ blank." + name + " }}", name, "blank")


def read_path(path: Path, options: ReadOptions) -> Iterator[ImportedMacro | ItemProblem]:
    """``--from scriptkit``: the file must be scriptkit's own export (it needs no column mapping)."""
    source = read_text(path, "scriptkit export")
    data = load_json(source, "scriptkit export")
    if not is_native(data):
        raise ImportFormatError(f"not a scriptkit export: no \"format\": \"{FORMAT}\" at the top", source.location(0),
                                "Pass a pack.json written by " + ("`scriptkit export --to json`" if
                                                                  options.wording.command_line else
                                                                  "scriptkit.export(pack, 'json', out_dir)")
                                + f", or choose another {options.wording.fmt}.")
    yield from read(data, source)
