"""scriptkit's own lossless export: every message of the pack as segments (text, placeholder,
blank) with their slot and source location, the slot texts, and the agent notes."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

from scriptkit.config import rules_inline
from scriptkit.message import Blank, Message, Placeholder, Segment, SourceSpan, Text
from scriptkit.models import BlankSpec, PackMeta
from scriptkit.targets.base import BaseTarget, Limits, Payload, Rendered, dump_json

FORMAT = "scriptkit.export"
#: 2: each message's and the pack's ``export`` settings. 3: the pack's description, ``rules`` and ``grammar``
#: settings and each channel it sets (``channels``), and the rules a script ignores (each message's ``ignore``).
#: A reader refuses a later version than its own: one that skipped a field it does not know would lose what
#: the field holds (an internal note read back as a public reply)
VERSION = 3


def _relative(path: str, root: str) -> str:
    if not path or not root or path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def _source(src: SourceSpan | None, root: str) -> dict[str, Any] | None:
    if src is None:
        return None
    return {"file": _relative(src.start.file, root), "line": src.start.line, "col": src.start.col,
            "literal": src.literal}


def segment(seg: Segment, root: str) -> dict[str, Any]:
    if isinstance(seg, Text):
        return {"type": "text", "text": seg.text, "slot": seg.slot, "source": _source(seg.source, root)}
    if isinstance(seg, Placeholder):
        return {"type": "placeholder", "name": seg.name, "fallback": seg.fallback, "slot": seg.slot,
                "source": _source(seg.source, root)}
    assert isinstance(seg, Blank)
    example = {"example": seg.example} if seg.example is not None else {}
    return {"type": "blank", "name": seg.name, "prompt": seg.prompt, **example, "slot": seg.slot,
            "source": _source(seg.source, root)}


def _blank(spec: BlankSpec) -> dict[str, Any]:
    return {"name": spec.name, "prompt": spec.prompt, **({"example": spec.example} if spec.example is not None else {})}


def _export_block(settings: object) -> dict[str, Any]:
    """``{"export": ...}``: the helpdesk settings as the pack or script writes them, where it has any."""
    return {"export": _plain(settings)} if isinstance(settings, dict) and settings else {}


def _plain(value: object) -> object:
    """A setting as JSON holds it: a YAML date (``since: 2026-01-01``) or other value JSON has no type for is
    written as its text, which is what a helpdesk's export of it writes too."""
    if isinstance(value, dict):
        return {str(key): _plain(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return value.isoformat() if isinstance(value, (date, time)) else str(value)


def _settings(meta: PackMeta, root: str) -> dict[str, Any]:
    """The pack's settings besides its scripts, so that an import gives them back: its description, the
    ``rules`` and ``grammar`` settings as written, and each channel it sets, its greeting and sign-off rendered
    (as every message's are: a constant is its text) with the text between slots where it sets one."""
    from scriptkit.rendering import layout_segments

    channels: dict[str, Any] = {}
    for channel, layout in meta.channels.items():
        frame = layout_segments(meta, channel)
        channels[channel] = {slot: [segment(s, root) for s in frame.get(slot, [])] for slot in ("greeting", "signoff")}
        if layout.separator is not None:
            channels[channel]["separator"] = layout.separator
    # (a rules file the settings name is not in the export: its rules are, under custom:)
    rules = rules_inline(meta.rules, Path(root)) if meta.rules and root else meta.rules
    return {"description": meta.description, "channels": channels,
            **{key: _plain(value) for key, value in (("rules", rules), ("grammar", meta.grammar)) if value}}


class JsonTarget(BaseTarget):
    name = "json"
    summary = "scriptkit's own lossless JSON (segments, slots, notes, source locations)"
    channels = ("email", "chat", "sms", "phone", "social")
    variants = "all"
    keeps_notes = True  # (each message's notes: no SK508 for them)
    limits = Limits()
    keeps_export_settings = True  # (script_export and pack_export: read back by scriptkit import)
    readme = """
# scriptkit JSON

`pack.json` holds every script rendered for each of its channels and variants, without loss:
each message's segments (`text`, `placeholder` with its canonical name and fallback, `blank`
with its prompt and, where the writer gave one, its example), the slot each came from and its
source location (file relative to the pack, line, column), the text per slot, the agent notes
(guidance, alternatives, conditions), the blanks the script declares (`blanks`, in its order),
the rules it switches off (`ignore`) and its own
`export` settings for the helpdesks where it has any. `pack` names and describes the pack,
declares its own placeholders (description, sample, whether it can be blank), gives each channel
the pack sets (its greeting and sign-off as segments, and its `separator` where it sets one), and
carries its `rules`, `grammar` and `export` settings, where it has any. Constants are written as
the text they render to.
Placeholders use scriptkit's canonical names (`customer.first_name`), not a helpdesk's.
"""

    def render(self, message: Message) -> Payload:
        root = str(message.meta.get("pack_root") or "")
        return {
            "script_id": message.script_id,
            "title": message.title,
            "channel": message.channel,
            "variant": message.variant,
            "file": _relative(message.file, root),
            "scenario": message.meta.get("scenario", ""),
            "emotion": message.meta.get("emotion", ""),
            "tags": list(message.meta.get("tags", ())),  # type: ignore[call-overload]
            "text": message.text,
            "slots": {slot: message.slot_text(slot) for slot in message.slots},
            "segments": [segment(s, root) for s in message.segments],
            "notes": [{"kind": n.kind, "label": n.label, "text": n.text,
                       "segments": [segment(s, root) for s in n.segments]} for n in message.notes],
            **({"ignore": list(ignore)} if (ignore := message.meta.get("ignore")) else {}),  # type: ignore[call-overload]
            # (every blank the script declares, in its order: one no text uses too)
            **({"blanks": [_blank(b) for b in blanks]} if (blanks := message.meta.get("blanks")) else {}),  # type: ignore[attr-defined]
            **_export_block(message.meta.get("script_export")),
        }

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["title"]), str(payload["text"])

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        meta = rendered[0].message.meta if rendered else {}
        root = str(meta.get("pack_root") or "")
        header = {"name": meta.get("pack_name", ""), "version": meta.get("pack_version", ""),
                  "locale": meta.get("locale", "")}
        if meta.get("pack_placeholders"):  # the pack's own placeholders: description, sample, can_be_blank
            header["placeholders"] = meta["pack_placeholders"]
        header.update(_export_block(meta.get("pack_export")))
        settings = meta.get("pack_meta")
        if isinstance(settings, PackMeta):
            header.update(_settings(settings, root))
        doc = {"format": FORMAT, "version": VERSION, "pack": header, "messages": [r.payload for r in rendered]}
        return {"json/pack.json": dump_json(doc), **self.readme_file()}


def target() -> JsonTarget:
    return JsonTarget()
