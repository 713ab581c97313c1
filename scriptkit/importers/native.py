"""scriptkit's own JSON export (``--to json``) read back into a pack, with nothing guessed.

The export holds every script rendered per channel and variant, each segment tagged with its
slot. So the slots, the variants (an option per variant, as ``options[variant % n]`` chose
them), the blanks with their prompts, the guidance and alternatives, and each channel's
greeting and sign-off all come back as they were. Pack constants were rendered into the text,
so they come back as literal text; placeholders keep their canonical names and fallbacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from scriptkit.diagnostics import Location
from scriptkit.errors import ImportFormatError
from scriptkit.importers.common import ItemProblem, RawItem, ReadOptions, load_json, locate, read_text
from scriptkit.importers.convert import SLOT_ORDER, ImportedMacro, Layout, NativeScript
from scriptkit.importers.dialects import BlankPiece, Piece, PlaceholderPiece, TextPiece
from scriptkit.rendering import CONDITION_PREFIX
from scriptkit.sourcetext import SourceText
from scriptkit.targets.jsonfile import FORMAT

LABEL = "scriptkit's own JSON export (export --to json): slots, variants and notes read back exactly"
CHANNEL_ORDER = ("email", "chat", "sms", "phone", "social")


def is_native(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def read(data: Mapping[str, Any], source: SourceText) -> Iterator[ImportedMacro | ItemProblem]:
    """One ImportedMacro per script of the export, in the export's order; bad ones named."""
    messages = data.get("messages")
    if not isinstance(messages, list):
        raise ImportFormatError("scriptkit export has no 'messages' list", source.location(0),
                                "Export the pack again with `scriptkit export PACK --to json`.")
    by_script: dict[str, list[Mapping[str, Any]]] = {}
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or not isinstance(message.get("script_id"), str):
            yield ItemProblem(source.location(0), f"message #{index + 1}", "is not an exported message")
            continue
        by_script.setdefault(message["script_id"], []).append(message)
    frames = layouts(messages)
    header = data.get("pack")
    pack = {k: str(v) for k, v in header.items() if isinstance(v, str) and v} if isinstance(header, dict) else {}
    for script_id, group in by_script.items():
        where = locate(source, script_id)
        try:
            yield _macro(script_id, group, where, frames, pack)
        except (KeyError, TypeError, ValueError) as exc:
            yield ItemProblem(where, script_id, f"cannot be read back: {type(exc).__name__}: {exc}")


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
           frames: dict[str, Layout], pack: dict[str, str]) -> ImportedMacro:
    for message in group:  # every segment must read, not only the ones the pack keeps
        _segment_pieces(message["segments"])
    channels = sorted({str(m["channel"]) for m in group}, key=_channel_rank)
    options, *others = [_channel_options(group, channel) for channel in channels]
    # the first channel's text is the script's; another channel's differing slots are its own
    by_channel = {channel: own for channel, theirs in zip(channels[1:], others, strict=True)
                  if (own := {slot: opts for slot, opts in theirs.items() if opts != options[slot]})}
    main = min((m for m in group if m["channel"] == channels[0]), key=lambda m: int(m["variant"]))
    blank_segments = [s for m in group
                      for s in [*m["segments"], *(x for n in m.get("notes", []) for x in n["segments"])]
                      if s.get("type") == "blank"]
    prompts = {str(s["name"]): str(s.get("prompt") or "") for s in blank_segments}
    examples = {str(s["name"]): str(s["example"]) for s in blank_segments if s.get("example") is not None}
    notes = [n for n in main.get("notes", []) if isinstance(n, dict)]
    guidance = "\n\n".join(n["text"] for n in notes if n.get("kind") == "guidance")
    alternatives = [(str(n["label"]), _segment_pieces(n["segments"])) for n in notes if n.get("kind") == "alternative"]
    conditions = [(str(n["label"]).removeprefix(CONDITION_PREFIX), _segment_pieces(n["segments"])) for n in notes
                  if n.get("kind") == "condition"]
    raw = RawItem(key=script_id, title=str(main.get("title") or script_id), body=str(main.get("text", "")),
                  location=where, dialect="scriptkit", tags=[str(t) for t in main.get("tags", [])], guidance=guidance)
    blanks = {name: _blank(name) for name in prompts}
    native = NativeScript(channels, str(main.get("scenario") or ""), str(main.get("emotion") or ""), options,
                          prompts, conditions, pack, frames, examples, by_channel)
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
    """``--from scriptkit``: the file must be scriptkit's own export."""
    del options  # the export needs no column mapping
    source = read_text(path, "scriptkit export")
    data = load_json(source, "scriptkit export")
    if not is_native(data):
        raise ImportFormatError(f"not a scriptkit export: no \"format\": \"{FORMAT}\" at the top", source.location(0),
                                "Pass a pack.json written by `scriptkit export --to json`, or choose another --from.")
    yield from read(data, source)
