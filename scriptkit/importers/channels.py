"""A channel's macro of scriptkit's own export, merged back into the script it was exported from.

``scriptkit export`` writes a script for several channels as a macro per channel: the first channel's titled as the
script, each other's titled ``<title> (chat)``. Where the export marks such a macro as scriptkit's (the reader sets
``RawItem.channel_of``: Gorgias's external_id ``scriptkit:<id>:chat``, a Quick Text's Channel matching its Name, a
row of scriptkit's CSV with the script_id of an earlier row and another channel), it
is merged into the macro of that script: the script gains the channel, and where the channel's text differs from the
script's, that text becomes the channel's own (``by_channel``), so exporting the script again writes the same macro
with the channel's rules (an SMS's length) applied. Where the export carries no mark (Zendesk, Freshdesk, Help Scout,
Front, Intercom), a macro titled as a channel's that says nothing besides its reply that its script's macro does not
say is merged so too (``_titled_copies``); any other stays a script of its own: a team's 'Refund (chat)' with tags
or notes of its own is a reply of its own, not another channel's copy.
"""

from __future__ import annotations

import re

from scriptkit.importers.convert import SLOT_ORDER, TARGET_DIALECTS, ImportedMacro, name_blanks, paragraphs

#: The channel a helpdesk's macros are replies on, where it is not email: Intercom's are sent in its
#: messenger, so they are judged by chat's length limits, not email's 50-125 words.
CHANNEL_OF: dict[str, str] = {"intercom": "chat"}

#: the helpdesks whose export marks no macro as scriptkit's: a channel's macro is told by its title alone
_TITLED = frozenset({"zendesk", "freshdesk", "helpscout", "front", "intercom"})

#: a channel's macro as the export titles it: the script's title and the channel ("Late parcel (chat)")
CHANNEL_TITLE = re.compile(r"(?P<base>.+) \((?P<channel>email|chat|social|sms)\)")

#: scriptkit's channels a helpdesk's macro may be for, in the order a script most often lists them
_CHANNELS = ("email", "chat", "social", "sms")

#: settings a macro has of its own, which the script keeps for its channel (``variant_ids``, ``variant_positions``)
_OWN_SETTINGS = ("id", "position")


def merge_channels(macros: list[ImportedMacro]) -> list[ImportedMacro]:
    """``macros`` without the channel macros merged into the script's own macro they name."""
    _titled_copies(macros)
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
            if (position := raw.settings.get("position")) is not None and script.raw.dialect == "zendesk":
                # (its own place in Zendesk's list: the update leaves it there, not at the script's own macro's)
                script.raw.settings.setdefault("variant_positions", {}).setdefault(raw.channel, position)
        # (by its title alone, not where it stood: exported and imported again, the script reads the same)
        script.notes.append(f"its {raw.channel} text was the macro {raw.title!r}")
    return [m for m in macros if id(m) not in merged]


def _titled_copies(macros: list[ImportedMacro]) -> None:
    """Mark as a channel's macro (``channel_of``) each macro of a helpdesk whose export carries no mark of
    scriptkit's (Zendesk, Freshdesk, Help Scout, Front, Intercom) that is one by its title and by all it says:
    titled as the export titles it, '<title> (chat)', beside exactly one macro of that title, which has no
    channel of its own that could be the same one, and saying nothing that macro does not besides its reply
    (``_says_no_more``). A team's own 'Refund (chat)' of that shape is the chat text of 'Refund' in all but
    name: exported again it is the same macro, under the same title and id. One with tags, notes, settings or
    alternatives of its own stays a script of its own, so none of them is lost."""
    titled: dict[tuple[str, str], list[ImportedMacro]] = {}
    for macro in macros:
        if macro.native is None:
            titled.setdefault((macro.raw.dialect, macro.title), []).append(macro)
    found: dict[int, list[tuple[ImportedMacro, str]]] = {}  # a script's macro -> its channels' macros
    bases: dict[int, ImportedMacro] = {}
    for macro in macros:
        raw, named = macro.raw, CHANNEL_TITLE.fullmatch(macro.raw.title)
        if raw.dialect not in _TITLED or macro.native is not None or raw.channel_of or named is None:
            continue
        same = titled.get((raw.dialect, named["base"]), [])
        if len(same) != 1 or len(titled[(raw.dialect, raw.title)]) != 1 or CHANNEL_TITLE.fullmatch(named["base"]):
            continue  # (no macro of that title, or several: no telling which script it is a channel of)
        if raw.channel in ("", named["channel"]):
            bases[id(same[0])] = same[0]
            found.setdefault(id(same[0]), []).append((macro, named["channel"]))
    for key, copies in found.items():
        base = bases[key]
        titled_channels = {channel for _, channel in copies}
        # a macro with no channel of its own is on the helpdesk's (Intercom's chat, else email); one titled with that
        # channel beside it says the untitled one is the script's first channel, another: the first of scriptkit's
        # channels no copy names (the export titles every channel but the first), email where nothing tells
        own_channel = base.raw.channel or CHANNEL_OF.get(base.raw.dialect, "email")
        first = base.raw.channel or (next((c for c in _CHANNELS if c not in titled_channels), "")
                                     if own_channel in titled_channels else own_channel)
        if not first or any(channel in (first, *base.raw.more_channels) for channel in titled_channels):
            continue
        joined = [(copy, channel) for copy, channel in copies if _says_no_more(copy, base)]
        for copy, channel in joined:
            copy.raw.channel, copy.raw.channel_of = channel, base.title
        if joined and first != own_channel:
            base.raw.channel = first
            base.notes.append(f"read as its {first} text: the export titles a script's first channel's macro "
                              f"without a channel, and {', '.join(sorted(titled_channels))} had macros of their own "
                              "(change channels if it was another)")


def _says_no_more(copy: ImportedMacro, base: ImportedMacro) -> bool:
    """Whether ``copy`` says what ``base`` says besides its reply, so exported again as the channel's macro of
    ``base``'s script it is written as it was: the same tags, notes, conditions and settings (but its own id and
    place), and each alternative one of ``base``'s or a Help Scout chat version that is its reply again (what the
    export writes for a channel's saved reply)."""
    one, other = copy.raw, base.raw
    settings = [{k: v for k, v in raw.settings.items() if k not in _OWN_SETTINGS} for raw in (one, other)]
    if one.tags != other.tags or one.conditions != other.conditions or settings[0] != settings[1] \
            or (one.internal, one.unused, one.scenario, one.emotion) != \
            (other.internal, other.unused, other.scenario, other.emotion):
        return False
    # (an other phrasing the copy's reply had no slot for, one the script's macro lists too, is the script's)
    theirs = {line for _, _, line in other.phrasings}
    if any(line not in theirs for line in copy.unplaced) or \
            _without(one.guidance, copy.unplaced) != _without(other.guidance, base.unplaced):
        # (a line only the script's macro has, 'Or say (acknowledgment): ...' where the channel's own text has no
        # other phrasing, would be written on the channel's macro too: it stays a macro of its own)
        return False
    reply = [tuple(p) for p in paragraphs(copy.pieces)]
    return all(any(label == theirs and pieces == their_pieces for theirs, their_pieces in base.alternatives)
               or [tuple(p) for p in paragraphs(pieces)] == reply
               for label, pieces in copy.alternatives)


def _without(guidance: str, lines: list[str]) -> str:
    """``guidance`` without the other phrasings' ``lines`` the import added to it (``ImportedMacro.unplaced``)."""
    return "\n".join(line for line in guidance.split("\n") if line not in lines)
