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
    kept: list[tuple[int, ImportedMacro, ImportedMacro, dict[str, list[Piece]]]] = []
    for n, base, macro in sorted(found, key=lambda f: f[0]):  # options in variant order
        if (texts := _merge(base, macro)) is not None:
            merged.add(id(macro))
            if base.raw.dialect in TARGET_DIALECTS:  # (a CSV names no helpdesk)
                base.raw.settings["variants"] = "each"  # exported back to it as it was: a macro per variant
                kept.append((n, base, macro, texts))
            base.notes.append(f"variant {n} was the macro {macro.raw.name} ({macro.raw.location})")
        else:
            macro.notes.append(f"its title names it variant {n} of {base.title!r}, but its text does not line up "
                               "with that macro's paragraph by paragraph: imported as a script of its own")
    for n, base, macro, texts in kept:  # (once every variant is merged: the options are all in place)
        _keep_id(base, macro, n, texts)
    return [m for m in macros if id(m) not in merged]


def _keep_id(base: ImportedMacro, variant: ImportedMacro, n: int, texts: dict[str, list[Piece]]) -> None:
    """The helpdesk id of a variant's own macro, kept in the script as ``variant_ids: {'variant N': id}``: the
    export writes it on that variant's macro (titled "... (variant N)"), so sending the library again updates
    each macro, not the script's own alone. (Its template logic lost, the variant's import gave up its id.)

    Kept only where the script's variant N says what the macro said (``texts``, its text slot by slot): the
    export's variant N takes each slot's option N (``options[(N - 1) % len(options)]``), and variants that
    differ in different slots give options that mix (variant 2 with variant 3's solution), which sent to the
    macro's id would replace its text with one it never had. Such an id is named in a note instead."""
    ident = variant.raw.settings.get("id")
    if ident is None or base.raw.dialect != variant.raw.dialect:
        return
    options = {slot: [base.slots[slot], *base.variants.get(slot, [])] for slot in texts}
    if any(not _same(options[slot][(n - 1) % len(options[slot])], text) for slot, text in texts.items()) \
            or n > max(len(o) for o in options.values()):
        # (about: what the import's summary names; notes: what the script file says, where it is edited)
        note = (f"the {variant.raw.dialect} id {ident} of variant {n}'s own macro ({variant.raw.name}) is "
                f"not carried over: merged slot by slot, the script's variant {n} does not read as that "
                "macro did, and the export sent to that id would replace its text. Exported, it is a new "
                f"macro; once variant {n} reads as it should, add {{'variant {n}': {ident}}} to "
                f"export: {{{variant.raw.dialect}: {{variant_ids: ...}}}} to update the original")
        base.about.append(note)
        base.notes.append(note)
        return
    ids = base.raw.settings.setdefault("variant_ids", {})
    ids.setdefault(f"variant {n}", ident)
    if (position := variant.raw.settings.get("position")) is not None and base.raw.dialect == "zendesk":
        # (its own place in Zendesk's list: the update leaves it there, not at the script's own macro's)
        base.raw.settings.setdefault("variant_positions", {}).setdefault(f"variant {n}", position)


def _merge(base: ImportedMacro, variant: ImportedMacro) -> dict[str, list[Piece]] | None:
    """Add ``variant``'s differing slot texts to ``base`` as options, and return its text of each slot; None if
    they do not line up.

    The two macros' paragraphs are matched (difflib); a paragraph of the variant takes the slot of
    the paragraph it equals or replaces, an added one the slot of the paragraph before it."""
    ours = [(slot, para) for slot in SLOT_ORDER if base.slots.get(slot) for para in paragraphs(base.slots[slot])]
    theirs = paragraphs(variant.pieces)
    if not ours:
        return None
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
            return None  # several slots differ by different numbers of paragraphs: no telling which is which
    if set(placed) != {slot for slot, _ in ours} or not all(placed.values()):
        return None  # a slot the variant leaves empty (a pack refuses a blank variant)
    base.blanks.update(name_blanks(variant.pieces, base.blanks))
    # (a blank written only in this variant has its prompt and example on the variant's own macro)
    for original, prompt in variant.raw.prompts.items():
        base.raw.prompts.setdefault(original, prompt)
    for original, example in variant.raw.examples.items():
        base.raw.examples.setdefault(original, example)
    texts: dict[str, list[Piece]] = {}
    for slot, paras in placed.items():
        option = texts[slot] = _joined(paras)
        if option not in (base.slots[slot], *base.variants.get(slot, [])):
            base.variants.setdefault(slot, []).append(option)
    return texts


def _same(one: list[Piece], other: list[Piece]) -> bool:
    """Whether two slot texts say the same, paragraph by paragraph (as ``_merge`` lines them up)."""
    return [tuple(p) for p in paragraphs(one)] == [tuple(p) for p in paragraphs(other)]


def _joined(paras: Sequence[list[Piece]]) -> list[Piece]:
    out: list[Piece] = []
    for para in paras:
        if out:
            out.append(TextPiece("\n\n"))
        out.extend(para)
    return out
