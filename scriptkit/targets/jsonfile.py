"""scriptkit's own lossless export: every message of the pack as segments (text, placeholder,
blank) with their slot and source location, the slot texts, and the agent notes."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, time
from typing import Any

from scriptkit.message import Blank, Message, Placeholder, Segment, SourceSpan, Text
from scriptkit.targets.base import BaseTarget, Limits, Payload, Rendered, dump_json

FORMAT = "scriptkit.export"
#: 2: each message's and the pack's ``export`` settings. A reader refuses a later version than its own: one that
#: skipped a field it does not know would lose what the field holds (an internal note read back as a public reply)
VERSION = 2


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


class JsonTarget(BaseTarget):
    name = "json"
    summary = "scriptkit's own lossless JSON (segments, slots, notes, source locations)"
    channels = ("email", "chat", "sms", "phone", "social")
    variants = "all"
    limits = Limits()
    readme = """
# scriptkit JSON

`pack.json` holds every script rendered for each of its channels and variants, without loss:
each message's segments (`text`, `placeholder` with its canonical name and fallback, `blank`
with its prompt and, where the writer gave one, its example), the slot each came from and its
source location (file relative to the pack, line, column), the text per slot, the agent notes
(guidance, alternatives, conditions), and the script's own `export` settings for the
helpdesks where it has any. `pack` names the pack, declares its own placeholders (description,
sample, whether it can be blank) and carries its `export` settings, where it has any.
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
            **_export_block(message.meta.get("script_export")),
        }

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["title"]), str(payload["text"])

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        meta = rendered[0].message.meta if rendered else {}
        header = {"name": meta.get("pack_name", ""), "version": meta.get("pack_version", ""),
                  "locale": meta.get("locale", "")}
        if meta.get("pack_placeholders"):  # the pack's own placeholders: description, sample, can_be_blank
            header["placeholders"] = meta["pack_placeholders"]
        header.update(_export_block(meta.get("pack_export")))
        doc = {"format": FORMAT, "version": VERSION, "pack": header, "messages": [r.payload for r in rendered]}
        return {"json/pack.json": dump_json(doc), **self.readme_file()}


def target() -> JsonTarget:
    return JsonTarget()
