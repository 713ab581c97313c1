"""Placeholder dialects of each helpdesk, read back into the canonical catalogue.

A body is cut into pieces: literal text, a canonical placeholder (with its fallback), or a
blank that keeps the original spelling. Anything scriptkit cannot map — an unknown helpdesk
variable, Liquid logic, a foreign fill-in style such as ``[Name]``, ``{name}``,
``xxxnamexxx`` or ``{{ author }}`` — becomes a blank and is reported, never dropped.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from scriptkit.placeholders import DEFAULT_CATALOGUE

# helpdesk spelling -> canonical name, per dialect (the names the export targets write, plus
# the common alternatives a team may have typed by hand)
_ZENDESK = {
    "ticket.requester.first_name": "customer.first_name",
    "ticket.requester.last_name": "customer.last_name",
    "ticket.requester.name": "customer.full_name",
    "ticket.requester.email": "customer.email",
    "current_user.first_name": "agent.first_name",
    "current_user.name": "agent.full_name",
    "ticket.assignee.first_name": "agent.first_name",
    "ticket.assignee.name": "agent.full_name",
    "ticket.id": "ticket.id",
    "ticket.title": "ticket.subject",
    "ticket.brand.name": "brand.name",
}
_FRESHDESK = {
    "ticket.requester.firstname": "customer.first_name",
    "ticket.requester.lastname": "customer.last_name",
    "ticket.requester.name": "customer.full_name",
    "ticket.requester.email": "customer.email",
    "ticket.agent.firstname": "agent.first_name",
    "ticket.agent.name": "agent.full_name",
    "ticket.id": "ticket.id",
    "ticket.subject": "ticket.subject",
    "ticket.portal_name": "brand.name",
    "helpdesk_name": "brand.name",
}
_HELPSCOUT = {
    "customer.firstName": "customer.first_name",
    "customer.lastName": "customer.last_name",
    "customer.fullName": "customer.full_name",
    "customer.email": "customer.email",
    "user.firstName": "agent.first_name",
    "user.fullName": "agent.full_name",
    "conversation.number": "ticket.id",
    "subject": "ticket.subject",
    "mailbox.name": "brand.name",
}
_INTERCOM = {
    "user.first_name": "customer.first_name",
    "user.last_name": "customer.last_name",
    "user.name": "customer.full_name",
    "user.email": "customer.email",
    "teammate.first_name": "agent.first_name",
    "teammate.name": "agent.full_name",
    "conversation.id": "ticket.id",
    "app.name": "brand.name",
}
# Intercom's editor inserts the person's attributes without a prefix ({{first_name|fallback:"there"}});
# in a generic library a bare {{name}} could be anyone's, so only Intercom's own exports map them
_INTERCOM_BARE = {
    "first_name": "customer.first_name",
    "last_name": "customer.last_name",
    "name": "customer.full_name",
    "email": "customer.email",
}
_GORGIAS = {
    "ticket.customer.firstname": "customer.first_name",
    "ticket.customer.lastname": "customer.last_name",
    "ticket.customer.name": "customer.full_name",
    "ticket.customer.email": "customer.email",
    "current_user.firstname": "agent.first_name",
    "current_user.name": "agent.full_name",
    "ticket.id": "ticket.id",
    "ticket.subject": "ticket.subject",
}
_FRONT = {
    "recipient.first_name": "customer.first_name",
    "recipient.last_name": "customer.last_name",
    "recipient.name": "customer.full_name",
    "recipient.email": "customer.email",
    "user.first_name": "agent.first_name",
    "user.name": "agent.full_name",
    "conversation.ticket_id": "ticket.id",
    "conversation.id": "ticket.id",
    "conversation.subject": "ticket.subject",
}
_SALESFORCE = {
    "Contact.FirstName": "customer.first_name",
    "Contact.LastName": "customer.last_name",
    "Contact.Name": "customer.full_name",
    "Contact.Email": "customer.email",
    "User.FirstName": "agent.first_name",
    "User.Name": "agent.full_name",
    "Case.CaseNumber": "ticket.id",
    "Case.Subject": "ticket.subject",
    "Organization.Name": "brand.name",
}

DIALECTS: dict[str, dict[str, str]] = {
    "zendesk": _ZENDESK, "freshdesk": _FRESHDESK, "helpscout": _HELPSCOUT, "intercom": {**_INTERCOM, **_INTERCOM_BARE},
    "gorgias": _GORGIAS, "front": _FRONT,
}


#: the helpdesks whose own fields outside the catalogue are kept as placeholders ({!Asset.Name}: a
#: Salesforce Quick Text read from its records; Salesforce stays out of DIALECTS, whose tables are for
#: its {{ }} helpdesks' spellings)
OWN_FIELDS = frozenset({*DIALECTS, "salesforce"})


def _generic_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for mapping in (*DIALECTS.values(), _SALESFORCE):
        mapping = {k: v for k, v in mapping.items() if k not in _INTERCOM_BARE}
        for key, value in mapping.items():
            table.setdefault(key, value)
    # the catalogue's own spelling, for libraries exported by scriptkit itself (its CSV writes
    # {{order.number}}, which no helpdesk's table names)
    for value in sorted({*table.values(), *DEFAULT_CATALOGUE.names}):
        table.setdefault(value, value)
    return table


GENERIC = _generic_table()


@dataclass(frozen=True)
class TextPiece:
    text: str


@dataclass(frozen=True)
class PlaceholderPiece:
    name: str
    fallback: str | None = None
    original: str = ""
    # the helpdesk's own field, for one outside the catalogue ({{dc.signature}}: name zendesk.dc_signature)
    field: str = ""
    # the helpdesk's name for a catalogued one, as the export spelled it ({{ticket.assignee.first_name}});
    # ``original`` already tells two spellings apart
    spelled: str = dataclasses.field(default="", compare=False)


# a helpdesk variable scriptkit has no canonical name for, but which is a plain field of that
# helpdesk (custom fields, Zendesk's dynamic content {{dc.x}}): kept as the pack's own placeholder
_OWN_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+")
# a field with a list's item by index, in a helpdesk whose documented fields have them: Gorgias's
# Shopify orders, {{ticket.customer.integrations.shopify.orders[0].name}}
_INDEXED_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z0-9_]+(?:\[\d+\])?)+")
_INDEXED = frozenset({"gorgias"})


#: a helpdesk's documented variables of one word, which no other field is spelled like (Front's CSAT link)
_OWN_WORDS = {"front": frozenset({"survey"})}


def own_placeholder(dialect: str, name: str, fallback: str | None, original: str) -> PlaceholderPiece | None:
    """The pack placeholder (``zendesk.dc_signature``) for a field of ``dialect`` outside the catalogue."""
    field = _INDEXED_FIELD if dialect in _INDEXED else _OWN_FIELD
    if dialect not in OWN_FIELDS or not (field.fullmatch(name) or name in _OWN_WORDS.get(dialect, ())):
        return None
    # (the pack's name is one identifier, 'orders_0_name'; the field keeps its brackets for the export)
    return PlaceholderPiece(f"{dialect}.{re.sub(r'[.[]', '_', name).replace(']', '')}", fallback, original, name)


@dataclass(frozen=True)
class BlankPiece:
    original: str  # exactly as the source spelled it
    hint: str  # a name suggestion, e.g. "amount"
    reason: str  # why it is a blank: "unknown Zendesk placeholder", "foreign style [Name]"
    # template logic or a filter the helpdesk applies: exported as a fill-in, the macro no longer does
    # what it did, so the import says where it stands (an unknown name is just a fill-in)
    logic: bool = dataclasses.field(default=False, compare=False)


Piece = TextPiece | PlaceholderPiece | BlankPiece

_MUSTACHE = re.compile(
    r"\{\{-?\s*(?P<name>[A-Za-z_][\w.\-\[\]'\"]*)\s*"
    r"(?P<filters>(?:\|[^{}]*?)?)\s*-?\}\}"
)
_FALLBACK = re.compile(r"^\|\s*(?:fallback|default)\s*(?::\s*|\(\s*)(?P<q>[\"'])(?P<value>.*?)(?P=q)\s*\)?\s*$", re.S)
_HELPSCOUT_VAR = re.compile(r"\{%(?P<name>[^,%{}]+)(?:,fallback=(?P<fallback>[^%]*))?%\}")
# a merge field {!Contact.FirstName}, or a formula {!BLANKVALUE(Contact.FirstName, "there")} (never text)
_SALESFORCE_VAR = re.compile(r"\{!(?P<name>[A-Za-z_][^{}\n]{0,200}?)\}")
_BLANKVALUE = re.compile(r"BLANKVALUE\(\s*(?P<name>[A-Za-z_][\w.]*)\s*,\s*(?P<q>[\"'])(?P<value>[^\"']*)(?P=q)\s*\)")
# a condition on one variable that holds when it has a value: "x", "x != blank", "x and x != blank"
# (and, negated, "x == blank"): the test a Liquid "value or fallback" idiom makes
_LIQUID_SET = re.compile(r"(?P<a>[\w.]+)(?:\s+and\s+(?P=a))?(?:\s*!=\s*(?:blank|empty|nil|\"\"|''))?")
_LIQUID_UNSET = re.compile(r"(?P<a>[\w.]+)\s*==\s*(?:blank|empty|nil|\"\"|'')")
_LIQUID_CONDITION = re.compile(r"\{%-?\s*(?P<tag>if|unless)\s+(?P<condition>[^%]*?)\s*-?%\}")
_LIQUID_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}")
_LIQUID_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
# (the word ends where no word character follows: a "{%" with no "%}" after it is given up at once, not tried
# at every split of its word, which took 40 s on 50 KB)
_LIQUID_TAG = re.compile(r"\{%-?\s*(?P<tag>\w+)(?!\w)[^%]*%\}")
_LIQUID_BLOCK_END = {"if": "endif", "unless": "endunless", "case": "endcase", "for": "endfor",
                     "capture": "endcapture", "raw": "endraw", "comment": "endcomment"}

_FOREIGN = re.compile(
    r"(?P<marker>\[\[(?P<mname>[^\[\]\n]{1,60})\]\])"  # scriptkit's own blank marker [[name]]
    r"|"
    r"(?P<xxx>(?i:xxx)(?P<xname>[A-Za-z][A-Za-z0-9]*?)(?i:xxx))"  # xxxlastxnamexxx, XXXSTEPSXXX
    r"|(?P<run>(?<![\w])(?:X{3,}|x{3,})(?![\w])|_{3,})"  # XXXXXXX, ___: an unnamed fill-in
    r"|(?P<dollar>\$\{(?P<dname>[A-Za-z_]\w{0,40})\})"  # ${name}
    r"|(?P<single>(?<!\{)\{(?P<sname>[A-Za-z][\w ./-]{0,40}?)\}(?!\}))"  # {name}
    r"|(?P<square>\[(?P<qname>[A-Za-z][\w .'/-]{0,40}?)\](?![(\[:]))"  # [Name], not a Markdown link
    r"|(?P<angle><(?P<aname>(?:insert|enter|add|your|customer|agent|name)[\w .'/-]{0,40}?)>)"  # <insert issue>
)


def parse_body(text: str, dialect: str, helpdesk: str) -> list[Piece]:
    """Cut a plain-text body into pieces, mapping ``dialect``'s placeholders to the catalogue."""
    table = _SALESFORCE if dialect == "salesforce" else DIALECTS.get(dialect, GENERIC)
    pieces: list[Piece] = []
    for piece in _liquid(text, dialect, helpdesk):
        if isinstance(piece, TextPiece):
            pieces.extend(_variables(piece.text, table, dialect, helpdesk))
        else:
            pieces.append(piece)
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, TextPiece):
            out.extend(_foreign(piece.text))
        else:
            out.append(piece)
    return _join(out)


def _liquid(text: str, dialect: str, helpdesk: str) -> list[Piece]:
    """Liquid fallback idioms -> placeholders; other Liquid logic -> one blank per block."""
    if "{%" not in text or dialect in ("helpscout", "salesforce"):  # (no Liquid: '{%' is text there)
        return [TextPiece(text)]
    table = DIALECTS.get(dialect, GENERIC)
    pieces: list[Piece] = []
    pos = 0
    ends = _block_ends(text)
    endraw: re.Match[str] | None = None  # the last '{% endraw %}' looked for (linear: each is looked for once)
    endraw_from = len(text) + 1  # where that search started
    while pos < len(text):
        tag = _LIQUID_TAG.search(text, pos)
        if tag is None:
            break
        pieces.append(TextPiece(text[pos:tag.start()]))
        if _LIQUID_RAW.fullmatch(tag.group()):
            if not (endraw_from <= tag.end() and (endraw is None or endraw.start() >= tag.end())):
                endraw, endraw_from = _LIQUID_ENDRAW.search(text, tag.end()), tag.end()
            if endraw is not None:  # literal text the export escaped for Liquid
                pieces.append(TextPiece(text[tag.end():endraw.start()]))
                pos = endraw.end()
                continue
        end = ends.get(tag.start(), tag.end())
        original = text[tag.start():end]
        if (idiom := _fallback_idiom(original, table, dialect)) is not None:
            pieces.extend(idiom)
            pos = end
            continue
        pieces.append(BlankPiece(original, _hint(tag.group("tag")), f"{helpdesk} template logic", logic=True))
        pos = end
    pieces.append(TextPiece(text[pos:]))
    return [p for p in pieces if not (isinstance(p, TextPiece) and not p.text)]


def _raw_blocks(text: str) -> tuple[str, str]:
    """``text`` without its ``{% raw %}`` and ``{% endraw %}`` tags, the text between them kept; and ``text`` with
    each such block, tags and all, as spaces, so a look for Liquid outside the blocks finds none of theirs. (Linear:
    an opening with no closing after it ends the search.)"""
    out: list[str] = []
    masked: list[str] = []
    pos = 0
    while (opening := _LIQUID_RAW.search(text, pos)) is not None:
        closing = _LIQUID_ENDRAW.search(text, opening.end())
        if closing is None:
            break
        out += [text[pos:opening.start()], text[opening.end():closing.start()]]
        masked += [text[pos:opening.start()], " " * (closing.end() - opening.start())]
        pos = closing.end()
    return "".join([*out, text[pos:]]), "".join([*masked, text[pos:]])


def _fallback_idiom(block: str, table: dict[str, str], dialect: str) -> list[Piece] | None:
    """A whole ``{% if %}`` or ``{% unless %}`` block that only chooses between a variable's value and
    a fallback, as the placeholder with its fallback; else None (other logic is not safe to convert).

    Safe means: one condition on that variable having a value, two branches (one may be empty),
    the one taken when it has a value holding ``{{variable}}`` once and nothing else of Liquid, the
    other plain text; what both share before and after is text around the placeholder, and what the
    second has in its place is the fallback. ``Hi {{x}},`` / ``Hi there,`` is ``Hi `` + x or "there"
    + ``,``; ``Hi {{x}},`` / ``Hello,`` is not (Liquid can say it, a placeholder's fallback cannot).
    """
    opening = _LIQUID_CONDITION.match(block)
    if opening is None:
        return None
    condition, unless = opening.group("condition"), opening.group("tag") == "unless"
    found = _LIQUID_SET.fullmatch(condition)
    negated = unless
    if found is None and (found := _LIQUID_UNSET.fullmatch(condition)) is not None:
        negated = not negated
    if found is None:
        return None
    name = found.group("a")
    inner = block[opening.end():]
    # (a {% raw %} block is text, as the Liquid exports write a fallback's braces: its tags are no branch's end)
    shown = _raw_blocks(inner)[1]
    closing = list(_LIQUID_TAG.finditer(shown))
    if not closing or closing[-1].group("tag") != ("endunless" if unless else "endif"):
        return None
    middle = closing[:-1]  # the tags between: at most one else, nothing else
    if len(middle) > 1 or (middle and middle[0].group("tag") != "else"):
        return None
    split = middle[0] if middle else closing[-1]
    first, second = inner[:split.start()], inner[split.end():closing[-1].start()] if middle else ""
    present, absent = (second, first) if negated else (first, second)
    # (a fallback's '{' written in {% raw %} is its text: the tags go, the text stays; a '}' alone is text to
    # Liquid too, as in 'x}}' after '{% raw %}{{{% endraw %}')
    absent, markup = _raw_blocks(absent)
    outputs = list(_MUSTACHE.finditer(present))
    if (len(outputs) != 1 or outputs[0].group("name") != name or outputs[0].group("filters").strip()
            or "{" in markup):
        return None
    before, after = present[:outputs[0].start()], present[outputs[0].end():]
    if "{" in before + after or "}" in before + after or len(absent) < len(before) + len(after) \
            or not absent.startswith(before) or not absent.endswith(after):
        return None
    fallback = absent[len(before):len(absent) - len(after)]
    placeholder = PlaceholderPiece(table[name], fallback, block, spelled=name) if name in table else \
        own_placeholder(dialect, name, fallback, block)
    if placeholder is None:
        return None
    return [p for p in (TextPiece(before), placeholder, TextPiece(after)) if not isinstance(p, TextPiece) or p.text]


def _block_ends(text: str) -> dict[int, int]:
    """Where each block tag's block ends (after its closing tag), by where the block starts: the first
    closing tag that leaves as many of its openers open as before it (nested ones of the same name
    close first). An unclosed block is not in it (the tag alone is what it covers). One pass, with a
    stack of open tags for each name, where a search from each opener took quadratic time."""
    closers = {end: name for name, end in _LIQUID_BLOCK_END.items()}
    open_tags: dict[str, list[int]] = {}
    ends: dict[int, int] = {}
    for m in _LIQUID_TAG.finditer(text):
        name = m.group("tag")
        if name in _LIQUID_BLOCK_END:
            open_tags.setdefault(name, []).append(m.start())
        elif name in closers and open_tags.get(closers[name]):
            ends[open_tags[closers[name]].pop()] = m.end()
    return ends


def _variables(text: str, table: dict[str, str], dialect: str, helpdesk: str) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    pattern = _HELPSCOUT_VAR if dialect == "helpscout" else _SALESFORCE_VAR if dialect == "salesforce" else _MUSTACHE
    # ('{{ name }}' in Help Scout or Salesforce is no placeholder: sent as written, so it is one that did not map)
    extra = [_HELPSCOUT_VAR, _SALESFORCE_VAR] if dialect == "generic" else [_MUSTACHE] if pattern is not _MUSTACHE \
        else []
    matches = sorted([*pattern.finditer(text), *(m for p in extra for m in p.finditer(text))],
                     key=lambda m: m.start())
    for m in matches:
        if m.start() < pos:
            continue
        pieces.append(TextPiece(text[pos:m.start()]))
        name = m.group("name").strip()
        fallback: str | None = None
        filters = m.groupdict().get("filters") or ""
        if m.re is _HELPSCOUT_VAR:
            fallback = m.group("fallback")  # (",fallback=": an explicit "write nothing", not none)
        elif m.re is _SALESFORCE_VAR and (formula := _BLANKVALUE.fullmatch(name)):
            name, fallback = formula.group("name"), formula.group("value") or None
        elif filters:
            fb = _FALLBACK.match(filters)
            fallback = fb.group("value") if fb else None
            if fb is None:
                name = ""  # a filter scriptkit cannot express: keep the whole thing as a blank
        foreign = m.re is not pattern and dialect != "generic"  # ('{{ x }}' in Help Scout or Salesforce)
        canonical = table.get(name) if name and not foreign else None
        if canonical is None and m.re is _SALESFORCE_VAR:
            canonical = _SALESFORCE.get(name)
        own = own_placeholder(dialect, name, fallback, m.group(0)) if name and not canonical and not foreign else None
        if canonical:
            pieces.append(PlaceholderPiece(canonical, fallback, m.group(0), spelled=name))
        elif own is not None:
            pieces.append(own)
        else:
            style = "{{ … }}" if m.re is _MUSTACHE else "{! … }" if m.re is _SALESFORCE_VAR else "{% … %}"
            filtered = f" ({' '.join(filters.split())})" if filters and name == "" else ""
            reason = (f"placeholder in a style scriptkit cannot map ({style}): {helpdesk} sends it as written"
                      if foreign else
                      f"{helpdesk} placeholder with a filter scriptkit cannot keep{filtered}" if filtered and
                      dialect != "generic" else _unknown(name, dialect, helpdesk) if dialect != "generic"
                      else f"placeholder in a style scriptkit cannot map ({style})")
            pieces.append(BlankPiece(m.group(0), _hint(m.group("name")), reason, logic=bool(filtered)))
        pos = m.end()
    pieces.append(TextPiece(text[pos:]))
    return pieces


#: the helpdesks whose '{{ x }}' is Liquid: a name that is none of their fields is sent empty
_LIQUID_HELPDESKS = frozenset({"zendesk", "freshdesk"})


def _unknown(name: str, dialect: str, helpdesk: str) -> str:
    """Why a ``{{ name }}`` of ``dialect`` that scriptkit does not know became a blank. A field's path
    (``ticket.tags[0]``) may be one of the helpdesk's, which it fills; a name of one word is none of its
    fields (``{{ author }}``): a placeholder that did not map, as it would be in a CSV, and the customer gets
    it empty (Liquid) or as the helpdesk sends an unknown name."""
    if "." in name or not name:
        return f"unknown {helpdesk} placeholder"
    sends = f"{helpdesk}'s Liquid sends it empty" if dialect in _LIQUID_HELPDESKS else \
        f"{helpdesk} sends it empty or as written"
    return f"no {helpdesk} field, a name scriptkit cannot map: {sends}"


def _foreign(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    for m in _FOREIGN.finditer(text):
        kind = m.lastgroup
        original = m.group(0)
        if kind in ("square", "marker") and (text[m.start() - 1:m.start()] == "\\"
                                             or (kind == "square" and _is_plain_bracket(m.group("qname")))):
            continue  # (an escaped '\\[Submit]' or '\\[[name]]' is a bracket the text shows, as the pack writes it)
        if kind == "single" and not re.search(r"[a-z_]", m.group("sname")):
            continue
        groups = ("mname", "xname", "dname", "sname", "qname", "aname")
        name = next((g for g in (m.group(k) for k in groups) if g), "")
        if m.group("xxx"):
            name = name.lower().replace("x", "_")  # xxxlastxnamexxx: x stands for a space
        if m.group("run"):
            name = "fill_in"
        pieces.append(TextPiece(text[pos:m.start()]))
        pieces.append(BlankPiece(original, _hint(name), f"fill-in written as {_style(original)}"))
        pos = m.end()
    pieces.append(TextPiece(text[pos:]))
    return pieces


def _is_plain_bracket(inner: str) -> bool:
    # [x] checkboxes, [1] footnotes and [sic]-style asides are text, not fill-ins
    return len(inner) < 2 or inner.lower() in {"sic", "sic!", "edit", "update", "note", "en", "de", "fr", "es"}


def _style(original: str) -> str:
    if set(original) <= {"x", "X", "_"}:
        return "a run of X or _ (an unnamed fill-in)"
    if original[:3].lower() == "xxx":
        return "xxxnamexxx"
    if original.startswith("${"):
        return "${name}"
    if original.startswith("[["):
        return "[[blank]]"
    return {"{": "{name}", "[": "[Name]", "<": "<insert …>"}.get(original[0], original)


def _hint(name: str) -> str:
    """A blank name from an original spelling: 'Customer Name' -> customer_name."""
    if "." in name:  # a dotted variable: its last field names it (ticket.requester.first_name)
        fields = [f for f in name.split(".") if f.strip()]
        generic = {"name", "first_name", "firstname", "last_name", "lastname", "id", "email", "number"}
        if fields:
            name = "_".join(fields[-2:]) if len(fields) > 1 and fields[-1].lower() in generic else fields[-1]
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", re.sub(r"([a-z])([A-Z])", r"\1_\2", name)) if p]
    if len(parts) > 3:
        parts = parts[-3:]
    hint = "_".join(parts).lower()[:40].strip("_")
    if not hint:
        return "fill_in"
    return hint if hint[0].isalpha() else f"n_{hint}"


def _join(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, TextPiece):
            if not piece.text:
                continue
            if out and isinstance(out[-1], TextPiece):
                out[-1] = TextPiece(out[-1].text + piece.text)
                continue
        out.append(piece)
    return out
