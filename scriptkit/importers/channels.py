"""A channel's macro of scriptkit's own export, merged back into the script it was exported from.

``scriptkit export`` writes a script for several channels as a macro per channel: the first channel's titled as the
script, each other's titled ``<title> (chat)``. Where the export marks such a macro as scriptkit's (the reader sets
``RawItem.channel_of``: Gorgias's external_id ``scriptkit:<id>:chat``, a Quick Text's Channel matching its Name, a
row of scriptkit's CSV with the script_id of an earlier row and another channel), it
is merged into the macro of that script: the script gains the channel, and where the channel's text differs from the
script's, that text becomes the channel's own (``by_channel``), so exporting the script again writes the same macro
with the channel's rules (an SMS's length) applied. A macro with no such mark stays a script of its own: a team's
'Refund (chat)' may be a reply of its own, not another channel's copy.
"""

from __future__ import annotations

from scriptkit.importers.convert import SLOT_ORDER, TARGET_DIALECTS, ImportedMacro, name_blanks


def merge_channels(macros: list[ImportedMacro]) -> list[ImportedMacro]:
    """``macros`` without the channel macros merged into the script's own macro they name."""
    scripts: dict[tuple[str, str], ImportedMacro] = {}
    for macro in macros:
        if macro.native is None and not macro.raw.channel_of:
            for key in (macro.raw.script_id, macro.raw.title):  # (Gorgias names the script by id, Salesforce by title)
                if key:
                    scripts.setdefault((macro.raw.dialect, key), macro)
    merged: set[int] = set()
    for macro in macros:
        raw = macro.raw
        script = scripts.get((raw.dialect, raw.channel_of)) if macro.native is None and raw.channel_of else None
        if script is None or raw.channel in (script.raw.channel, *script.raw.more_channels, *script.by_channel):
            continue  # (no script of that id or title, or one that has that channel already: a macro of its own)
        merged.add(id(macro))
        script.raw.more_channels.append(raw.channel)
        script.blanks.update(name_blanks(macro.pieces, script.blanks))
        options = {slot: [macro.slots.get(slot, []), *macro.variants.get(slot, [])] for slot in SLOT_ORDER}
        if any(options[slot] != [script.slots.get(slot, []), *script.variants.get(slot, [])] for slot in SLOT_ORDER):
            # (every slot: the channel's paragraphs were guessed into slots on their own, and a slot it leaves
            # empty is empty on that channel, not the script's text)
            script.by_channel[raw.channel] = {slot: options[slot] for slot in SLOT_ORDER
                                              if options[slot] != [[]] or script.slots.get(slot)}
        if (ident := raw.settings.get("id")) is not None and script.raw.dialect in TARGET_DIALECTS:
            # (the export writes it on the channel's macro: sending the library again updates it, not a copy)
            script.raw.settings.setdefault("variant_ids", {}).setdefault(raw.channel, ident)
        # (by its title alone, not where it stood: exported and imported again, the script reads the same)
        script.notes.append(f"its {raw.channel} text was the macro {raw.title!r}, exported by scriptkit")
    return [m for m in macros if id(m) not in merged]
