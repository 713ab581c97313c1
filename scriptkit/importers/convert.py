"""A raw item -> an imported macro: clean text, canonical placeholders, blanks and slots.

Slots are inferred sentence by sentence (``scriptkit.inference.infer_slots``) and then placed
paragraph by paragraph, in reading order: a script renders acknowledgment, warm language and
solution joined by a blank line, so cutting only at the body's own blank lines is what makes
an exported import read exactly like the original. Sentences with no cue ("other": greetings,
sign-offs) stay where they are, in the slot of their paragraph; the per-sentence guesses go
into the script file as a comment for the writer to correct.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from scriptkit.importers.common import MAX_BODY_CHARS, ItemProblem, RawItem
from scriptkit.importers.dialects import (
    BlankPiece,
    Chosen,
    Piece,
    PlaceholderPiece,
    TextPiece,
    declared_placeholder,
    parse_body,
)
from scriptkit.importers.html import (
    html_dropped,
    html_emphasis,
    html_images,
    html_relative_links,
    html_tables,
    html_to_text,
    literal_brackets,
    relative_links_note,
)
from scriptkit.inference import infer_slots
from scriptkit.message import Blank, Message, Placeholder, Segment, Text
from scriptkit.placeholders import DEFAULT_CATALOGUE
from scriptkit.targets.base import ESCAPED_ITEM, plain_links
from scriptkit.text import WINDOWS_DEVICE_NAMES, joined_with_and, slug

SLOT_ORDER = ("acknowledgment", "warm_language", "solution")
HELPDESKS = {"zendesk": "Zendesk", "freshdesk": "Freshdesk", "helpscout": "Help Scout", "intercom": "Intercom",
             "gorgias": "Gorgias", "front": "Front", "salesforce": "Salesforce", "generic": "source"}
#: the dialects that are a helpdesk with an export target of its own (a generic file's is none)
TARGET_DIALECTS = frozenset(HELPDESKS) - {"generic"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff\ufeff]")
_GAPS = re.compile(r"\n{3,}")
_TEMPLATE_MARKS = re.compile(r"\{\{-?|-?\}\}|\{%-?|-?%\}")
# Liquid's escape for literal text: what stands between the tags is shown as written ({{ and all)
_RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_CLOSE = re.compile(r"\{%-?\s*endraw\s*-?%\}")
#: the helpdesks whose bodies are no Liquid: '{% raw %}' is text there, as the dialects read it
_NO_LIQUID = frozenset({"helpscout", "salesforce"})
# the private-use characters that stand for the raw blocks while a body is parsed
_HELD, _LAST_HELD = 0xE000, 0xF8FF


@dataclass(frozen=True)
class SentenceGuess:
    slot: str  # what inference said: acknowledgment, warm_language, solution, other
    confidence: float
    placed: str  # the slot the sentence's paragraph went to
    text: str


@dataclass(frozen=True)
class Layout:
    """A channel's frame as an export shows it: greeting, sign-off, the text between slots."""

    greeting: tuple[Piece, ...]
    signoff: tuple[Piece, ...]
    separator: str | None


@dataclass
class NativeScript:
    """What is known, not guessed, about a script read back from scriptkit's own export."""

    channels: list[str]
    scenario: str
    emotion: str
    options: dict[str, list[list[Piece]]]  # slot -> its options, in variant order
    prompts: dict[str, str]  # blank name -> prompt
    conditions: list[tuple[str, list[Piece]]]  # when -> text the agent adds
    pack: dict[str, str]  # the exported pack's name, version and locale
    layouts: dict[str, Layout]  # the pack's, shared by every script of the export
    examples: dict[str, str] = field(default_factory=dict)  # blank name -> its example, where it has one
    # channel -> slot -> its options, where a channel's text is its own (the script's by_channel)
    by_channel: dict[str, dict[str, list[list[Piece]]]] = field(default_factory=dict)
    # the pack's own placeholders: name -> description, sample, can_be_blank (the scripts use them)
    placeholders: dict[str, dict[str, Any]] = field(default_factory=dict)
    # the export settings as written: the script's own (helpdesk -> settings), and the pack's
    export: dict[str, Any] = field(default_factory=dict)
    pack_export: dict[str, Any] = field(default_factory=dict)
    # what a version 3 export carries besides: the rules the script switches off, and the pack's description
    # (None from an earlier version, which carried none), ``rules`` and ``grammar`` settings as written
    ignore: list[str] = field(default_factory=list)
    description: str | None = None
    rules: dict[str, Any] = field(default_factory=dict)
    grammar: dict[str, Any] = field(default_factory=dict)
    # the guidance as the export's segments give it (placeholders and blanks in it too): written as a template
    guidance: list[Piece] = field(default_factory=list)


@dataclass
class ImportedMacro:
    raw: RawItem
    id: str
    slots: dict[str, list[Piece]]
    blanks: dict[str, BlankPiece]
    guesses: list[SentenceGuess]
    alternatives: list[tuple[str, list[Piece]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import changed or could not map
    # what the export says besides the text: settings carried over, attachments and images left out
    about: list[str] = field(default_factory=list)
    native: NativeScript | None = None  # read from scriptkit's own export: nothing was guessed
    # slot -> its other options, from macros exported one per variant and merged back (importers.variants)
    variants: dict[str, list[list[Piece]]] = field(default_factory=dict)
    # when -> text the helpdesk's logic sent only then ('ticket.priority == "Urgent"'): the agent's conditions
    conditions: list[tuple[str, list[Piece]]] = field(default_factory=list)
    # channel -> slot -> its options: a channel's own macro merged back, where its text differs (importers.channels)
    by_channel: dict[str, dict[str, list[list[Piece]]]] = field(default_factory=dict)
    # other phrasings of a slot the reply left empty ('Or say (acknowledgment): ...' beside a chat reply of one
    # paragraph): no option to add them to, so their lines are kept in the guidance, as written
    unplaced: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.raw.title

    @property
    def pieces(self) -> list[Piece]:
        out: list[Piece] = []
        for slot in SLOT_ORDER:
            if self.slots.get(slot):
                if out:
                    out.append(TextPiece("\n\n"))
                out.extend(self.slots[slot])
        return out

    def all_pieces(self) -> list[Piece]:
        """The pieces of the reply, of its alternatives and of its conditions."""
        return [*self.pieces, *(p for _, alt in (*self.alternatives, *self.conditions) for p in alt)]

    def own_fields(self) -> dict[str, PlaceholderPiece]:
        """The helpdesk's own fields this macro uses (reply and alternatives), by pack name, first seen."""
        found: dict[str, PlaceholderPiece] = {}
        for piece in self.all_pieces():
            if isinstance(piece, PlaceholderPiece) and piece.field:
                found.setdefault(piece.name, piece)
        return found

    @property
    def text(self) -> str:
        """The customer-facing text as ``Message.text`` spells it."""
        return flat_text(self.pieces)

    def message(self) -> Message:
        """The macro as a Message (the form rules and targets read), slots as inferred."""
        names = {b.original: n for n, b in self.blanks.items()}
        segments: list[Segment] = []
        for slot in SLOT_ORDER:
            if not self.slots.get(slot):
                continue
            if segments:
                segments.append(Text("\n\n", "layout"))
            for piece in self.slots[slot]:
                if isinstance(piece, TextPiece):
                    segments.append(Text(piece.text, slot))
                elif isinstance(piece, PlaceholderPiece):
                    segments.append(Placeholder(piece.name, slot, piece.fallback))
                else:
                    name = names[piece.original]
                    segments.append(Blank(name, slot, f"Was {piece.original} in the original ({piece.reason})."))
        return Message(script_id=self.id, title=self.title, channel="email", variant=0, segments=tuple(segments),
                       file=str(self.raw.location.file), meta={"tags": tuple(self.raw.tags)})


def _framed(slot: list[Piece], said: list[Piece], guesses: list[SentenceGuess], names: dict[str, str],
            name: str) -> list[Piece] | None:
    """The slot's other option ``said`` framed as the slot's own text is: a paragraph at its start or end that
    inference read as no slot's (the greeting the import placed in the acknowledgment) kept around it. None where
    the slot is empty, or all frame: no text of the slot's own to stand beside."""
    paras = [p for p in paragraphs(slot) if flat_text(p).strip()]
    frame = [_is_frame(flat_text(p, names), guesses, name) for p in paras]
    if all(frame):  # (no paragraph, or none of the slot's own)
        return None
    start = frame.index(False)
    end = len(frame) - frame[::-1].index(False)
    own = [flat_text(p) for p in paragraphs(said)]
    # (a phrasing that holds the frame already, as an imported script's export writes it, is not framed twice)
    before = [] if own[:start] == [flat_text(p) for p in paras[:start]] else paras[:start]
    after = [] if end == len(paras) or own[-(len(paras) - end):] == [flat_text(p) for p in paras[end:]] \
        else paras[end:]
    out: list[Piece] = []
    for part in (*before, said, *after):
        if out:
            out.append(TextPiece("\n\n"))
        out.extend(part)
    return out


def _is_frame(para: str, guesses: list[SentenceGuess], slot: str) -> bool:
    """Whether every sentence of paragraph ``para``, placed in ``slot``, was read as no slot's ('other')."""
    found = [g.slot for g in guesses if g.placed == slot and g.text and g.text in para]
    return bool(found) and all(kind == "other" for kind in found)


def clean_text(body: str, html: bool, as_written: bool = False) -> tuple[str, int]:
    """Plain text with tidy whitespace, and how many invisible characters were removed. A plain body's brackets
    that would read as a link are escaped, as an HTML body's are ('\\[1](2)'), unless it is ``as_written`` in the
    pack's notation (``RawItem.pack_text``)."""
    text = html_to_text(body) if html else body if as_written else literal_brackets(body)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _CONTROL.subn("", text)
    # (each line's spaces and tabs at its end taken off line by line: '[ \t]+\n' tried each start in a run of
    # spaces, quadratic, 5 s on 38,000 spaces)
    text = "\n".join(line.rstrip(" \t") for line in text.replace("\u00a0", " ").split("\n"))
    text = _GAPS.sub("\n\n", text)
    return text.strip(), removed


def reply_too_long(raw: RawItem) -> ItemProblem | None:
    """The problem of an item whose reply, or another version of it, is longer than ``MAX_BODY_CHARS`` as the
    text it is read as: an HTML body is measured once read, as the pack holds it, not by its markup (the
    markup's own cap is ``MAX_FIELD_CHARS``, where the export's field is read)."""
    versions = [("its text", raw.body, raw.html), *((f"its version {label!r}", body, html)
                                                    for label, body, html in raw.alternatives),
                *((f"its text when {when!r}", body, html) for when, body, html in raw.conditions)]
    for part, body, html in versions:
        # (read twice only past the limit as written: reading takes markup away, and what a bracket's escape
        # adds is measured where the template is, writer.too_long)
        if len(body) <= MAX_BODY_CHARS:
            continue
        size = len(clean_text(body, html, raw.pack_text)[0])
        if size > MAX_BODY_CHARS:
            read = " once its HTML is read" if html else ""
            return ItemProblem(raw.location, raw.label or raw.name,
                               f"{part} is {size:,} characters{read}; the limit is {MAX_BODY_CHARS:,}")
    return None


def _same_reply(plain: str, text: str) -> bool:
    """Whether the plain ``plain`` is the reply ``text`` again as its helpdesk's plain version writes it: a link
    'text (address)', a line escaped from reading as a list's item as the item. (Any other difference, a space or a
    line break, is the plain version's own: kept as written.)"""
    return plain == text or ESCAPED_ITEM.sub(r"\1", plain_links(plain)) == ESCAPED_ITEM.sub(r"\1", plain_links(text))


def render_piece(piece: Piece, names: dict[str, str] | None = None) -> str:
    if isinstance(piece, TextPiece):
        return piece.text
    if isinstance(piece, PlaceholderPiece):
        return "{{" + piece.name + "}}"
    return f"[[{(names or {}).get(piece.original, piece.hint)}]]"


def flat_text(pieces: list[Piece], names: dict[str, str] | None = None) -> str:
    return "".join(render_piece(p, names) for p in pieces)


def convert(raw: RawItem, script_id: str) -> ImportedMacro:
    helpdesk = HELPDESKS.get(raw.dialect, raw.dialect)
    # the pack loader refuses private-use and control characters anywhere in a script file
    raw.title = " ".join(_CONTROL.sub("", raw.title).split()) or script_id
    # a script's title is used as written and may not hold a template (Zendesk's dynamic-content titles do)
    untemplated = " ".join(_TEMPLATE_MARKS.sub(" ", raw.title).split())
    templated, raw.title = (raw.title if untemplated != raw.title else ""), untemplated or script_id
    raw.tags = [t for t in (" ".join(_CONTROL.sub("", tag).split()) for tag in raw.tags) if t]
    text, removed = clean_text(raw.body, raw.html, raw.pack_text)
    literal: list[str] = []  # the text of each {% raw %} block, which the macro shows as written
    chosen: list[Chosen] = []  # the Liquid logic read as the text most customers got
    pieces = _read(text, raw, helpdesk, literal, chosen)
    if chosen and not any(isinstance(p, TextPiece) and p.text.strip() for p in pieces):
        # (all its words were sent on a condition: as the agent's condition, the reply would hold none of them and
        # be skipped; the logic stays whole, a blank with its text in the blank's prompt, as the team can see it)
        chosen.clear()
        literal.clear()
        pieces = _read(text, raw, helpdesk, literal)
    blanks = name_blanks(pieces, {})
    names = {b.original: n for n, b in blanks.items()}
    # (a slot scriptkit's own description names another phrasing of had text of its own: given one where it can be)
    named = frozenset(SLOT_ORDER.index(slot) for slot, _, _ in raw.phrasings if slot in SLOT_ORDER)
    slots, guesses = _place(pieces, flat_text(pieces, names), names, named)
    macro = ImportedMacro(raw, script_id, slots, blanks, guesses)
    for label, body, html in raw.alternatives:
        alt_text, alt_removed = clean_text(body, html, raw.pack_text)
        # the reply again (Help Scout's chatText as scriptkit writes it): nothing new
        if _same_reply(alt_text, text):
            continue
        removed += alt_removed
        alt = _read(alt_text, raw, helpdesk, literal, chosen)
        blanks.update(name_blanks(alt, blanks))
        macro.alternatives.append((label, alt))
    for slot, body, line in raw.phrasings:  # (scriptkit's own Zendesk export: the other variants' wording)
        said = _read(clean_text(body, False)[0], raw, helpdesk, literal, chosen)
        blanks.update(name_blanks(said, blanks))
        option = _framed(slots[slot], said, guesses, {b.original: n for n, b in blanks.items()}, slot)
        if option is None:
            macro.unplaced.append(line)
            raw.guidance = "\n".join(filter(None, [raw.guidance, line]))
        elif option not in (slots[slot], *macro.variants.get(slot, [])):
            macro.variants.setdefault(slot, []).append(option)
    for when, body, html in raw.conditions:  # (scriptkit's own CSV export: the script's conditions)
        cond_text, cond_removed = clean_text(body, html, raw.pack_text)
        removed += cond_removed
        cond = _read(cond_text, raw, helpdesk, literal, chosen)
        blanks.update(name_blanks(cond, blanks))
        macro.conditions.append((when, cond))
    _chosen_notes(macro, chosen, helpdesk, literal)
    _keep_spellings(macro, helpdesk)
    spelled = {b.original for b in blanks.values()}
    unused = [f"Replace {original}: {prompt}" for original, prompt in raw.prompts.items() if original not in spelled]
    raw.prompts = {original: prompt for original, prompt in raw.prompts.items() if original in spelled}
    raw.guidance = clean_text("\n".join([raw.guidance, *unused]), False, True)[0]  # (a prompt of no blank: guidance)
    if removed:
        macro.notes.append(f"removed {removed} invisible control character(s)")
    if shown := [t for t in dict.fromkeys(literal) if "{" in t or "}" in t]:
        macro.notes.append(f"{', '.join(repr(t) for t in shown[:5])}{' and more' if len(shown) > 5 else ''} "
                           f"stood in {{% raw %}} in {helpdesk} (text shown as written, braces and all): kept as "
                           "text, not as a placeholder. A Liquid export (Zendesk, Freshdesk) writes it in "
                           "{% raw %} again; Gorgias, Front and Intercom have no escape for '{{', so their export "
                           "refuses it (SK505) until you reword it")
    for name, blank in blanks.items():
        if blank.logic:  # the macro no longer does what it did: said with where, besides the blanks' list
            macro.about.append(f"{raw.where(blank.original)}: {blank.original!r} ({blank.reason}) was kept whole as "
                               f"blank '{name}', its text in the blank's prompt: a pack chooses text only with a "
                               "placeholder's fallback, or with the agent's alternatives and conditions. Until you "
                               "rewrite it that way, every export asks the agent to fill it in")
        else:
            macro.notes.append(f"{blank.original!r} ({blank.reason}) kept as blank '{name}'")
    logic = [c.original for c in chosen if not c.greeting] + [b.original for b in blanks.values() if b.logic]
    if logic and "id" in raw.settings:
        # (the docs' loop sends a file with an id to that macro: its Liquid would be replaced by the pack's text)
        ident = raw.settings.pop("id")
        macro.about.append(f"its {helpdesk} id {ident} is not carried over: its template logic "
                           f"({', '.join(repr(t) for t in logic[:2])}{' and more' if len(logic) > 2 else ''}) is "
                           f"not in the pack, and the export sent to that id would replace it with plain text. "
                           f"Exported, it is a new macro beside the original; once the reply says what the logic "
                           f"did, add export: {{{raw.dialect}: {{id: {ident}}}}} to the script to update the original")
    for piece in {p.original: p for p in macro.all_pieces() if isinstance(p, PlaceholderPiece) and p.dropped}.values():
        macro.about.append(f"{raw.where(piece.original)}: {piece.original!r} changes only the letters' case "
                           f"({piece.dropped}), which a pack's placeholder cannot do: kept as placeholder "
                           f"'{piece.name}' without it, so it reads as {helpdesk} holds it (the same words), and "
                           f"exported back it is written without {piece.dropped}")
    for piece in macro.own_fields().values():
        macro.notes.append(f"{piece.original!r} ({helpdesk}'s own field) kept as placeholder '{piece.name}', "
                           f"declared in pack.yaml")
    for name in pack_placeholders([macro]):  # (the file spells it {{name}}, its fallback in another column)
        macro.about.append(f"{raw.where('{{' + name + '}}')}: placeholder {name} is not one scriptkit knows (the "
                           f"file writes {{{{{name}}}}}): the exported pack declared it, so it is kept as that "
                           "placeholder, with its fallback where the 'fallbacks' column gives one, and declared in "
                           "pack.yaml; add its description there")
    if raw.internal:
        macro.notes.append("this macro posts an internal note, not a customer reply")
    if templated:
        macro.about.append(f"the title was {templated!r}; a title is used as written, so its braces were "
                           "removed: set the title again in the helpdesk after export")
    macro.about.extend(raw.notes)
    if raw.html and (images := html_images(raw.body)):
        macro.about.append(f"{len(images)} inline image(s) ({', '.join(images)}) are not in the pack: "
                           "add them again after export")
    if raw.html and (dropped := html_dropped(raw.body)):  # (one note of the kinds: a line for many macros alike)
        macro.about.append(f"its HTML held {joined_with_and(dropped)}, dropped: a pack holds the reply's text alone, "
                           "and no helpdesk sends such markup in a reply")
    if raw.html and (relative := html_relative_links(raw.body)):
        macro.about.append(relative_links_note(relative, HELPDESKS.get(raw.dialect, "the helpdesk")))
    if raw.html and (emphasis := html_emphasis(raw.body))[1]:
        shown, count = emphasis
        more = f" and {count - len(shown)} more" if count > len(shown) else ""
        macro.about.append(f"its bold, italic or underlined words ({', '.join(map(repr, shown))}{more}) are plain "
                           "text in the pack: exported back without the emphasis, so set it again in the helpdesk "
                           "if it matters")
    if raw.html and (tables := html_tables(raw.body)):
        rows = " and ".join(f"{n} row(s)" for n in tables)
        macro.about.append(f"its table(s) ({rows}) are lines of text, each cell apart by ' | ': exported back "
                           "as such, so check how they read or make them a table again in the helpdesk")
    macro.notes.extend(macro.about)
    return macro


def _read(text: str, raw: RawItem, helpdesk: str, literal: list[str], chosen: list[Chosen] | None = None
          ) -> list[Piece]:
    """``parse_literal`` of a text of ``raw``; a row of scriptkit's own CSV export keeps its pack's own
    placeholders as placeholders (``RawItem.pack_placeholders``), not blanks."""
    pieces = parse_literal(text, raw.dialect, helpdesk, literal, chosen)
    return [declared_placeholder(p) or p for p in pieces] if raw.pack_placeholders else pieces


def pack_placeholders(macros: Sequence[ImportedMacro]) -> list[str]:
    """The placeholders outside the catalogue that the macros use and that are no helpdesk's own field: those
    the exported pack declared (``RawItem.pack_placeholders``), declared in the imported pack.yaml again."""
    return sorted({p.name for m in macros if m.raw.pack_placeholders for p in m.all_pieces()
                   if isinstance(p, PlaceholderPiece) and not p.field and p.name not in DEFAULT_CATALOGUE})


def parse_literal(text: str, dialect: str, helpdesk: str, literal: list[str] | None = None,
                  chosen: list[Chosen] | None = None) -> list[Piece]:
    """``parse_body``, with the text of each ``{% raw %}...{% endraw %}`` block kept as text: Liquid shows
    it as written, so a ``{{ name }}`` inside it is no placeholder and no blank. Each block's text is added
    to ``literal``. A block inside a piece of template logic (kept whole as a blank) stays as it was
    written there, tags and all; inside a fallback it is the fallback's text. With ``chosen``, the logic
    that chose the customer's text is read as ``parse_body`` reads it, and said there."""
    if dialect in _NO_LIQUID or "{%" not in text:
        return parse_body(text, dialect, helpdesk, chosen)
    held, blocks = _hold_raw(text)
    if not blocks:
        return parse_body(text, dialect, helpdesk, chosen)
    inner = {_HELD + i: block for i, (_, block) in enumerate(blocks)}
    whole = {_HELD + i: written for i, (written, _) in enumerate(blocks)}
    if literal is not None:
        literal.extend(block for _, block in blocks)
    found: list[Chosen] = []
    out: list[Piece] = []
    if chosen is not None:  # (what it chose with its raw blocks' text; where it stands as written)
        found = []
        pieces = parse_body(held, dialect, helpdesk, found)
        chosen.extend(replace(c, original=c.original.translate(whole), kept=c.kept.translate(inner),
                              other=c.other.translate(inner)) for c in found)
    else:
        pieces = parse_body(held, dialect, helpdesk)
    for piece in pieces:
        if isinstance(piece, TextPiece):
            piece = TextPiece(piece.text.translate(inner))
        elif isinstance(piece, PlaceholderPiece):
            fallback = piece.fallback.translate(inner) if piece.fallback is not None else None
            piece = replace(piece, fallback=fallback, original=piece.original.translate(whole))
        else:
            piece = replace(piece, original=piece.original.translate(whole))
        out.append(piece)
    return out


def _chosen_notes(macro: ImportedMacro, chosen: list[Chosen], helpdesk: str, literal: list[str]) -> None:
    """Where the macro's Liquid chose the customer's text, what the reply keeps and what Liquid sent otherwise,
    said with where it stands; text sent only on a condition is the agent's condition of that name."""
    raw = macro.raw
    for choice in chosen:
        where, original = raw.where(choice.original), choice.original
        if choice.greeting and choice.kept == choice.other:
            continue  # (the same words without the name: only a case filter was left out, as its note says)
        if choice.greeting:
            macro.about.append(
                f"{where}: {original!r} ({helpdesk} template logic) greets the customer by name, and with "
                f"{choice.other!r} where {choice.when}: a placeholder's fallback stands only where the name "
                f"stands, so the reply greets by name as before, and reads {choice.kept!r} where the name is "
                "empty; " + (f"write other words in its fallback({choice.fallback!r}) if those do not fit"
                             if choice.fallback is not None else "give it a fallback('...') of words that read there"))
            continue
        other = choice.other.strip()
        when = f"in {helpdesk}, {choice.when}"
        if other:
            pieces = parse_literal(other, raw.dialect, helpdesk, literal)
            macro.blanks.update(name_blanks(pieces, macro.blanks))
            macro.conditions.append((when, pieces))
        kept = repr(choice.kept.strip()) if choice.kept.strip() else "no text"
        macro.about.append(
            f"{where}: {original!r} ({helpdesk} template logic) sent "
            + (f"{other!r} only where {choice.when}" if other else f"nothing where {choice.when}")
            + f": the reply keeps {kept} in its place, what it sent otherwise"
            + (f", and {other!r} is the agent's condition under flexibility (when: {when})" if other else "")
            + f". Exported back, {helpdesk} sends the reply's text whatever the ticket")


def _hold_raw(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each ``{% raw %}`` block replaced by a private-use character of its own (clean_text
    removed every such character from the body), and each block as written and its text between the tags.
    (Read in one pass: an opening tag with no closing one after it ends the search, so a body of many
    openings is not read again from each one. A body with more blocks than such characters is left as it is.)"""
    out: list[str] = []
    blocks: list[tuple[str, str]] = []
    pos = 0
    for opening in _RAW_OPEN.finditer(text):
        if opening.start() < pos:
            continue  # (inside the block before)
        closing = _RAW_CLOSE.search(text, opening.end())
        if closing is None:
            break
        if len(blocks) > _LAST_HELD - _HELD:
            return text, []
        out.extend((text[pos:opening.start()], chr(_HELD + len(blocks))))
        blocks.append((text[opening.start():closing.end()], text[opening.end():closing.start()]))
        pos = closing.end()
    out.append(text[pos:])
    return "".join(out), blocks


def name_blanks(pieces: list[Piece], taken: dict[str, BlankPiece]) -> dict[str, BlankPiece]:
    """One blank name per distinct original spelling; names unique within the macro."""
    out: dict[str, BlankPiece] = {}
    by_original = {b.original: n for n, b in taken.items()}
    for piece in pieces:
        if not isinstance(piece, BlankPiece) or piece.original in by_original:
            continue
        name, n = piece.hint, 2
        while name in taken or name in out:
            name, n = f"{piece.hint}_{n}", n + 1
        out[name] = piece
        by_original[piece.original] = name
    return out


def _place(pieces: list[Piece], flat: str, names: dict[str, str], named: frozenset[int] = frozenset()
           ) -> tuple[dict[str, list[Piece]], list[SentenceGuess]]:
    """The paragraphs of ``pieces`` placed in slots; each slot of ``named`` (by its index in ``SLOT_ORDER``) given
    one where there are paragraphs enough besides those of the other slots the guess fills."""
    paras = paragraphs(pieces)
    # inference reads the text as a customer would (sample names, not "{{customer.first_name}}",
    # whose dots would end sentences); offsets map back to the flat text for the comments
    reading, back, para_of = _reading_text(paras, names)
    sentences = infer_slots(reading)
    cost = [[0.0] * len(SLOT_ORDER) for _ in paras]
    members: list[list[tuple[int, int, str, float]]] = [[] for _ in paras]
    for a, b, slot, confidence in sentences:
        index = para_of[min(a, len(para_of) - 1)] if para_of else 0
        members[index].append((back[a][0], back[max(a, b - 1)][1], slot, confidence))
        for k, name in enumerate(SLOT_ORDER):
            if slot not in ("other", name):
                cost[index][k] += confidence
    choice = _monotone(cost)
    # (a paragraph read as no slot's, a greeting or a signature, gives its slot no text of its own)
    own = [any(slot != "other" for _, _, slot, _ in found) for found in members]
    filled = {k for k, mine in zip(choice, own, strict=True) if mine}
    if not named <= filled:
        choice = _monotone(cost, named | filled, own)
    choice = _with_its_solution(choice, members)
    slots: dict[str, list[Piece]] = {s: [] for s in SLOT_ORDER}
    guesses: list[SentenceGuess] = []
    for para, k, found in zip(paras, choice, members, strict=True):
        slot = SLOT_ORDER[k]
        if slots[slot]:
            slots[slot].append(TextPiece("\n\n"))
        slots[slot].extend(para)
        guesses.extend(SentenceGuess(s, c, slot, flat[a:b]) for a, b, s, c in found)
    return slots, guesses


def _reading_text(paragraphs: list[list[Piece]], names: dict[str, str]
                  ) -> tuple[str, list[tuple[int, int]], list[int]]:
    """The text with sample values, each character's [start, end) in the flat text, and its paragraph."""
    samples = DEFAULT_CATALOGUE.samples()
    out: list[str] = []
    back: list[tuple[int, int]] = []
    para_of: list[int] = []
    pos = 0
    for i, para in enumerate(paragraphs):
        if i:
            out.append("\n\n")
            back.extend(((pos, pos + 1), (pos + 1, pos + 2)))
            para_of.extend((i, i))
            pos += 2
        for piece in para:
            shown = render_piece(piece, names)
            sample = isinstance(piece, PlaceholderPiece)
            text = (samples.get(piece.name, "") or "it") if isinstance(piece, PlaceholderPiece) else shown
            out.append(text)
            back.extend((pos, pos + len(shown)) if sample else (pos + j, pos + j + 1) for j in range(len(text)))
            para_of.extend([i] * len(text))
            pos += len(shown)
    back.append((pos, pos))
    para_of.append(len(paragraphs) - 1)
    return "".join(out), back, para_of


def paragraphs(pieces: list[Piece]) -> list[list[Piece]]:
    out: list[list[Piece]] = [[]]
    for piece in pieces:
        if isinstance(piece, TextPiece) and "\n\n" in piece.text:
            parts = piece.text.split("\n\n")
            for i, part in enumerate(parts):
                if i:
                    out.append([])
                if part:
                    out[-1].append(TextPiece(part))
        else:
            out[-1].append(piece)
    return [p for p in out if p] or [[]]


def _with_its_solution(choice: list[int], members: list[list[tuple[int, int, str, float]]]) -> list[int]:
    """``choice``, unless it leaves out of the solution slot every sentence read as a solution: then
    from the paragraph of the last one on. (A paragraph holding both the acknowledgment and the next
    step went to the acknowledgment by a hair, and the solution slot held only a signature: the
    script then had "no solution", an error that refused every export of an unchanged macro.)"""
    solution = SLOT_ORDER.index("solution")  # (the last slot: every paragraph after it stays there)
    # (read as a solution with some confidence: text with no cue at all, a signature, is guessed
    # "solution" at about 0.35, by default)
    holds = [any(slot == "solution" and confidence >= 0.5 for _, _, slot, confidence in found) for found in members]
    if any(held and k == solution for held, k in zip(holds, choice, strict=True)) or not any(holds):
        return choice
    last = max(i for i, held in enumerate(holds) if held)
    return [*choice[:last], *[solution] * (len(choice) - last)]


def _monotone(cost: list[list[float]], required: Iterable[int] = (), own: Sequence[bool] | None = None
              ) -> list[int]:
    """Slot index per paragraph, never going back in reading order, misplacing least confidence.

    Ties go to the later slot, so text with no cue ends up in the solution. Each slot of ``required`` gets a
    paragraph (one of ``own``'s, where given) where there are as many such paragraphs as those slots; where there
    are fewer, none is required."""
    n, k = len(cost), len(SLOT_ORDER)
    if n == 0:
        return []
    need = frozenset(required)
    counted = [True] * n if own is None else list(own)
    if need and len(need) <= sum(counted):
        return _monotone_filling(cost, need, counted)
    best = [[0.0] * k for _ in range(n)]
    back = [[0] * k for _ in range(n)]
    best[0] = list(cost[0])
    for i in range(1, n):
        for s in range(k):
            prev = min(range(s + 1), key=lambda p: (round(best[i - 1][p], 6), -p))
            best[i][s] = best[i - 1][prev] + cost[i][s]
            back[i][s] = prev
    last = min(range(k), key=lambda s: (round(best[n - 1][s], 6), -s))
    out = [last]
    for i in range(n - 1, 0, -1):
        out.append(back[i][out[-1]])
    return out[::-1]


def _monotone_filling(cost: list[list[float]], need: frozenset[int], counted: list[bool]) -> list[int]:
    """``_monotone``'s choice among those giving each slot of ``need`` a ``counted`` paragraph: the slots so
    given up to a paragraph are part of its state (three slots, eight sets)."""
    n, k = len(cost), len(SLOT_ORDER)
    State = tuple[int, int]  # (the paragraph's slot, the slots given a counted paragraph up to it, as bits)
    best: list[dict[State, float]] = [{(s, (1 << s) * counted[0]): cost[0][s] for s in range(k)}]
    back: list[dict[State, State]] = [{}]
    for i in range(1, n):
        here: dict[State, float] = {}
        came: dict[State, State] = {}
        for (p, used), total in sorted(best[-1].items(), key=lambda item: (-item[0][0], item[0][1])):
            for s in range(p, k):
                state, value = (s, used | (1 << s) * counted[i]), total + cost[i][s]
                if state not in here or round(value, 6) < round(here[state], 6):  # (ties: the later slot before)
                    here[state], came[state] = value, (p, used)
        best.append(here)
        back.append(came)
    mask = sum(1 << s for s in need)
    ends = [state for state in best[-1] if state[1] & mask == mask]
    last = min(ends, key=lambda state: (round(best[-1][state], 6), -state[0]))
    out = [last]
    for i in range(n - 1, 0, -1):
        out.append(back[i][out[-1]])
    return [slot for slot, _ in out[::-1]]


def _keep_spellings(macro: ImportedMacro, helpdesk: str) -> None:
    """Map each catalogued placeholder the macro spells otherwise than its helpdesk's export writes it
    (an alias such as {{ticket.assignee.first_name}}, or a field that export has no name for) back to
    that spelling, in the script's settings for its own helpdesk: exported back there, it reads as it did
    (it became the export's spelling, another field, or a [[fill-in]] marker)."""
    raw = macro.raw
    if raw.dialect not in TARGET_DIALECTS:
        return
    written: dict[str, str] = dict(importlib.import_module(f"scriptkit.targets.{raw.dialect}").PLACEHOLDERS)
    pieces: Iterable[Piece] = macro.all_pieces()
    spellings: dict[str, list[str]] = {}
    for piece in pieces:
        if isinstance(piece, PlaceholderPiece) and piece.spelled and piece.spelled not in spellings.get(piece.name, []):
            spellings.setdefault(piece.name, []).append(piece.spelled)
    for name, spelled in spellings.items():
        if spelled[0] != written.get(name):
            raw.settings.setdefault("placeholders", {})[name] = spelled[0]
        if len(spelled) > 1:
            macro.notes.append(f"spells {name} both {' and '.join(spelled)}: exported back to {helpdesk}, every one "
                               f"is {spelled[0]}")


def slugify(title: str, fallback: str = "macro") -> str:
    """A macro's title as a script id, as the id hints spell one ('Ærø Øst' -> 'aero-ost'); never a name Windows
    keeps for a device ('CON' -> 'con-reply')."""
    made = slug(title, "-")[:60].strip("-") or fallback
    return f"{made}-reply" if made.split(".")[0] in WINDOWS_DEVICE_NAMES else made
