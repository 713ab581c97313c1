"""Macros that are variants of one script, exported with ``variants: each``, merged back into it.

``scriptkit export`` with ``variants: each`` writes a script's second and later variants as
macros of their own, titled ``<title> (variant 2)`` (``<title> (chat, variant 2)`` for a later
channel). Read back, such a macro is merged into the macro with the title it names: its
paragraphs are lined up with that macro's, and each slot whose text differs gains an option.
A macro that does not line up (or names no macro of the export) stays a script of its own. The
script keeps ``export: {<helpdesk>: {variants: each}}``, so exporting it again gives the same macros
(a generic file, CSV or JSON, names no helpdesk to keep it for), and each variant macro's helpdesk id
as ``variant_ids: {'variant 2': <id>}``, so the export updates that macro rather than adding a copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from scriptkit.importers.convert import SLOT_ORDER, TARGET_DIALECTS, ImportedMacro, name_blanks, paragraphs
from scriptkit.importers.dialects import Piece, TextPiece

_VARIANT_TITLE = re.compile(r"^(?P<base>.+?) \((?:(?P<channel>[a-z]+), )?variant (?P<n>[1-9][0-9]*)\)$")


def merge_variants(macros: list[ImportedMacro]) -> list[ImportedMacro]:
    """``macros`` without the variant macros merged into the macro they name."""
    by_title: dict[str, ImportedMacro] = {}
    for macro in macros:
        if macro.native is None:
            by_title.setdefault(macro.title, macro)
    found: list[tuple[int, ImportedMacro, ImportedMacro]] = []
    for macro in macros:
        match = _VARIANT_TITLE.match(macro.title) if macro.native is None else None
        if match is None or int(match["n"]) < 2:
            continue
        named = match["base"] + (f" ({match['channel']})" if match["channel"] else "")
        base = by_title.get(named)
        if base is not None and not _VARIANT_TITLE.match(base.title):
            found.append((int(match["n"]), base, macro))
    merged: set[int] = set()
    for n, base, macro in sorted(found, key=lambda f: f[0]):  # options in variant order
        if _merge(base, macro):
            merged.add(id(macro))
            if base.raw.dialect in TARGET_DIALECTS:  # (a CSV names no helpdesk)
                base.raw.settings["variants"] = "each"  # exported back to it as it was: a macro per variant
                _keep_id(base, macro, n)
            base.notes.append(f"variant {n} was the macro {macro.raw.name} ({macro.raw.location})")
        else:
            macro.notes.append(f"its title names it variant {n} of {base.title!r}, but its text does not line up "
                               "with that macro's paragraph by paragraph: imported as a script of its own")
    return [m for m in macros if id(m) not in merged]


def _keep_id(base: ImportedMacro, variant: ImportedMacro, n: int) -> None:
    """The helpdesk id of a variant's own macro, kept in the script as ``variant_ids: {'variant N': id}``: the
    export writes it on that variant's macro (titled "... (variant N)"), so sending the library again updates
    each macro, not the script's own alone. (Its template logic lost, the variant's import gave up its id.)"""
    ident = variant.raw.settings.get("id")
    if ident is None or base.raw.dialect != variant.raw.dialect:
        return
    ids = base.raw.settings.setdefault("variant_ids", {})
    ids.setdefault(f"variant {n}", ident)
    if (position := variant.raw.settings.get("position")) is not None and base.raw.dialect == "zendesk":
        # (its own place in Zendesk's list: the update leaves it there, not at the script's own macro's)
        base.raw.settings.setdefault("variant_positions", {}).setdefault(f"variant {n}", position)


def _merge(base: ImportedMacro, variant: ImportedMacro) -> bool:
    """Add ``variant``'s differing slot texts to ``base`` as options; False if they do not line up.

    The two macros' paragraphs are matched (difflib); a paragraph of the variant takes the slot of
    the paragraph it equals or replaces, an added one the slot of the paragraph before it."""
    ours = [(slot, para) for slot in SLOT_ORDER if base.slots.get(slot) for para in paragraphs(base.slots[slot])]
    theirs = paragraphs(variant.pieces)
    if not ours:
        return False
    placed: dict[str, list[list[Piece]]] = {}
    matcher = SequenceMatcher(None, [tuple(p) for _, p in ours], [tuple(p) for p in theirs], autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        slots = [slot for slot, _ in ours[i1:i2]] or [ours[i1 - 1][0] if i1 else ours[0][0]]
        if len(set(slots)) == 1:
            placed.setdefault(slots[0], []).extend(theirs[j1:j2])
        elif i2 - i1 == j2 - j1:  # several slots replaced paragraph for paragraph
            for slot, para in zip(slots, theirs[j1:j2], strict=True):
                placed.setdefault(slot, []).append(para)
        else:
            return False  # several slots differ by different numbers of paragraphs: no telling which is which
    if set(placed) != {slot for slot, _ in ours} or not all(placed.values()):
        return False  # a slot the variant leaves empty (a pack refuses a blank variant)
    base.blanks.update(name_blanks(variant.pieces, base.blanks))
    for slot, paras in placed.items():
        option = _joined(paras)
        if option not in (base.slots[slot], *base.variants.get(slot, [])):
            base.variants.setdefault(slot, []).append(option)
    return True


def _joined(paras: Sequence[list[Piece]]) -> list[Piece]:
    out: list[Piece] = []
    for para in paras:
        if out:
            out.append(TextPiece("\n\n"))
        out.extend(para)
    return out
