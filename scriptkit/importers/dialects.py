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

from scriptkit.placeholders import DEFAULT_CATALOGUE, FILL_IN, is_placeholder_name, is_plain_bracket

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
    "ticket.url": "ticket.url",
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
    "ticket.url": "ticket.url",
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
    # a filter that changed only the letters' case ('| capitalize'), which a pack's placeholder cannot take:
    # left out, as the import notes say with where it stands
    dropped: str = dataclasses.field(default="", compare=False)


@dataclass(frozen=True)
class Chosen:
    """A piece of Liquid logic that chose the customer's text, read as the text most customers got: the reply
    keeps ``kept`` in its place; ``other`` is what Liquid sent ``when`` (a greeting's words with no name, or text
    sent only on a condition), which the import notes say, with where the logic stands (``original``)."""

    original: str
    kept: str
    other: str
    when: str
    greeting: bool = False
    #: a greeting's: the fallback its placeholder was given (None: none)
    fallback: str | None = None


# a helpdesk variable scriptkit has no canonical name for, but which is a plain field of that
# helpdesk (custom fields, Zendesk's dynamic content {{dc.x}}): kept as the pack's own placeholder
_OWN_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+")
# a field with a list's item by index, in a helpdesk whose documented fields have them: Gorgias's
# Shopify orders, {{ticket.customer.integrations.shopify.orders[0].name}}
_INDEXED_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z0-9_]+(?:\[\d+\])?)+")
_INDEXED = frozenset({"gorgias"})


#: a helpdesk's documented variables of one word, which no other field is spelled like (Front's CSAT link)
_OWN_WORDS = {"front": frozenset({"survey"})}


#: the ticket's objects other helpdesks' placeholders name and Zendesk's do not (it has ticket.requester,
#: ticket.assignee, ticket.organization): Freshdesk's {{ticket.contact.name}} and {{ticket.agent.name}}, Gorgias's
#: {{ticket.customer.firstname}}. A Zendesk macro that names one was pasted from that helpdesk, and Zendesk's Liquid
#: sends it empty: no field of Zendesk's own.
_NOT_ZENDESK = {"contact": "Freshdesk", "agent": "Freshdesk", "company": "Freshdesk", "customer": "Gorgias"}
#: those helpdesks' fields their tables above leave out (Freshdesk's webhooks and automations name the requester
#: 'contact'), with the catalogue's name for each
_PASTED_EXTRA = {"ticket.contact.name": "customer.full_name", "ticket.contact.lastname": "customer.last_name",
                 "ticket.contact.email": "customer.email"}


def _pasted_into_zendesk(name: str) -> tuple[str, str | None] | None:
    """Whose placeholder ``name`` is, where it is another helpdesk's ticket field Zendesk has none of
    ('ticket.contact.name': Freshdesk's), and Zendesk's spelling of the same value where it has one
    ('ticket.requester.name'; for the ticket's agent, its assignee); else None."""
    parts = name.split(".")
    if len(parts) < 3 or parts[0] != "ticket" or parts[1] not in _NOT_ZENDESK:
        return None
    owner = _NOT_ZENDESK[parts[1]]
    canonical = _FRESHDESK.get(name) or _GORGIAS.get(name) or _PASTED_EXTRA.get(name)
    spellings = [key for key, value in _ZENDESK.items() if canonical is not None and value == canonical]
    # (the ticket's own field first: Freshdesk's ticket.agent is the ticket's assignee, not the agent using the macro)
    spellings.sort(key=lambda key: not key.startswith("ticket."))
    return owner, spellings[0] if spellings else None


def _pasted(name: str, dialect: str) -> tuple[str, str | None] | None:
    """Whose well-known placeholder ``name`` is, where it is another {{ }} helpdesk's field and none of ``dialect``'s
    ('ticket.requester.first_name' in Intercom: Zendesk's, which Intercom would read as a custom attribute and send
    empty), and ``dialect``'s spelling of the same value where it has one ('user.first_name'); else None (a name two
    helpdesks read as different values, 'user.first_name', may be the team's own attribute)."""
    from scriptkit.importers.convert import HELPDESKS

    own = DIALECTS.get(dialect)
    if own is None or name in own or "." not in name:
        return None
    owners = [helpdesk for helpdesk, table in DIALECTS.items()
              if helpdesk not in (dialect, "helpscout") and name in table]
    values = {DIALECTS[helpdesk][name] for helpdesk in owners}
    if len(values) != 1:
        return None
    canonical = values.pop()
    spelling = next((key for key, value in own.items() if value == canonical and "." in key), None)
    return " or ".join(f"{HELPDESKS[helpdesk]}'s" for helpdesk in owners), spelling


def own_placeholder(dialect: str, name: str, fallback: str | None, original: str) -> PlaceholderPiece | None:
    """The pack placeholder (``zendesk.dc_signature``) for a field of ``dialect`` outside the catalogue."""
    field = _INDEXED_FIELD if dialect in _INDEXED else _OWN_FIELD
    if dialect not in OWN_FIELDS or not (field.fullmatch(name) or name in _OWN_WORDS.get(dialect, ())):
        return None
    if dialect == "zendesk" and _pasted_into_zendesk(name) is not None:
        return None  # (another helpdesk's, which Zendesk sends empty: a placeholder that did not map)
    # (the pack's name is one identifier, 'orders_0_name'; the field keeps its brackets for the export)
    spelled = _salesforce_name(name) if dialect == "salesforce" else name
    return PlaceholderPiece(f"{dialect}.{re.sub(r'[.[]', '_', spelled).replace(']', '')}", fallback, original, name)


# a Salesforce custom field's or object's suffix ('Order_Number__c', 'Account__r', 'Model__pc'): the pack's name
# keeps it, as a standard field of the same words is another field ('Case.Reason' and 'Case.Reason__c': read as one
# name, the export back wrote one of them for both), and a namespace's '__' is one '_' ('acme__Model__c':
# acme_Model__c); another helpdesk's fill-in marker leaves the suffix out ('[[salesforce Case Order Number]]',
# targets.base.blank_marker); the export back to Salesforce writes the field as it is spelled
_SALESFORCE_SUFFIX = re.compile(r"__(?=[a-z]{1,3}(?:\.|$))")


def _salesforce_name(field: str) -> str:
    """The pack's name of a Salesforce field: its suffixes kept, a namespace's '__' one '_'."""
    return "__".join(part.replace("__", "_") for part in _SALESFORCE_SUFFIX.split(field))


@dataclass(frozen=True)
class BlankPiece:
    original: str  # exactly as the source spelled it
    hint: str  # a name suggestion, e.g. "amount"
    reason: str  # why it is a blank: "unknown Zendesk placeholder", "foreign style [Name]"
    # template logic or a filter the helpdesk applies: exported as a fill-in, the macro no longer does
    # what it did, so the import says where it stands (an unknown name is just a fill-in)
    logic: bool = dataclasses.field(default=False, compare=False)
    # a fill-in marker the team wrote ('XXXXXXX', '{customer_name}', '[date]'): exported back to the same helpdesk
    # as written (the ``blank_markers`` setting), where a placeholder that did not map goes back as a marker
    team_marker: bool = dataclasses.field(default=False, compare=False)


Piece = TextPiece | PlaceholderPiece | BlankPiece

# (the filters are all up to '}}', a '-' and the spaces before it taken off by _filters: a lazy filter before
# '\s*-?\}\}' was tried at every split of a run of spaces, 28 s on 38,000 spaces)
# (a quoted argument is read whole, so a fallback's brace is its text, '|fallback:"{you}"' as the Intercom export
# writes it; it ends at a '}}', which ends the placeholder in each helpdesk (the export refuses such a fallback);
# a quote never closed is one character: possessive, so nothing is tried twice)
_MUSTACHE = re.compile(
    r"\{\{-?\s*(?P<name>[A-Za-z_][\w.\-\[\]'\"]*)\s*"
    r"""(?:(?P<filters>\|(?:[^{}"']++|"(?:[^"}]|\}(?!\}))*+"|'(?:[^'}]|\}(?!\}))*+'|["'])*+)|-?)\}\}"""
)


def _filters(found: re.Match[str]) -> str:
    """A ``{{ }}`` placeholder's filters as written ('| capitalize'), without the spaces and a ``-`` before ``}}``."""
    filters = found.group("filters") or ""
    return (filters[:-1] if filters.endswith("-") else filters).rstrip()
# one filter of a chain: its name, and a quoted argument where it has one ('| default: "there"', '|fallback("x")')
_FILTER = re.compile(r"""\|\s*(?P<name>[A-Za-z_]\w*)\s*"""
                     r"""(?:(?::\s*|\(\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')\s*\)?)?\s*""")
#: the filters that change only the letters' case (Liquid's and Jinja's names): the words stay the same
_CASE_FILTERS = {"capitalize": lambda t: t[:1].upper() + t[1:].lower(), "upcase": str.upper, "upper": str.upper,
                 "downcase": str.lower, "lower": str.lower, "title": str.title}
# (a fallback may hold a '%' that does not close it, 'fallback=10% off', and a brace, 'fallback={you}', as Help
# Scout's own pattern reads it; it holds no '{%', so a '{%' never closed is given up at the next one, not read to the
# end of the text from each)
_HELPSCOUT_VAR = re.compile(r"\{%(?P<name>[^,%{}]+)(?:,fallback=(?P<fallback>(?:[^%{]|\{(?!%)|%(?!\}))*))?%\}")
# a placeholder written with a brace (or Help Scout's '%') missing, which no helpdesk fills and each sends as written:
# '{{ticket.requester.first_name}' and '{first_name}}'; '{%customer.firstName,fallback=there}' and '{customer.x%}'
# (its filters too, a Liquid fallback with one closing brace: '{{ticket.requester.first_name | default: "there"}')
_BROKEN_CLOSE = re.compile(r"\{\{-?\s*(?P<name>[A-Za-z_][\w.\-\[\]]*+)\s*+"
                           r"""(?:\|[ \t]*+\w++[ \t]*+(?:(?::[ \t]*+|\([ \t]*+)(?:"[^"\n{}<>]*+"|'[^'\n{}<>]*+')"""
                           r"(?:[ \t]*+\))?+)?+[ \t]*+)*+-?\}(?!\})")
_BROKEN_OPEN = re.compile(r"(?<!\{)\{\s*(?P<name>[A-Za-z_][\w.\-\[\]]*)\s*\}\}")
_BROKEN_HELPSCOUT_CLOSE = re.compile(r"\{%(?P<name>[A-Za-z_][\w.]*)(?P<fallback>,fallback=[^%{}\n]*)?\}")
_BROKEN_HELPSCOUT_OPEN = re.compile(r"(?<![{%])\{(?P<name>[A-Za-z_][\w.]*)(?P<fallback>,fallback=[^%{}\n]*)?%\}")
# a placeholder never closed, its closing braces (or Help Scout's '%}') left out or mistyped: 'Hi {{ticket.requester.
# firstname,', '{{ticket.requester.name</p>', 'Hi {%customer.firstName%,'. Read only where the name is the helpdesk's
# own (or one slip from it, ``_broken_found``): a '{{' or '{%' in prose ('Type {{ to start a block', 'a 50 {% discount')
# is text; a fallback never closed ends at the sentence's next mark, 'fallback=there, thanks'. (Possessive: a name
# not followed as it should be is given up, not tried at each shorter length.)
# (its fallback too, a filter with a quoted argument: Intercom's 'Hi {{user.first_name|fallback:"there",', Gorgias's
# '|default("there")'; '{{x | upcase is' in prose is given up, its '|' the text's)
_UNCLOSED = re.compile(r"\{\{-?[ \t]*+(?P<name>[A-Za-z_]\w*+(?:\.\w++)*+)"
                       r"""(?:[ \t]*+\|[ \t]*+\w++[ \t]*+(?::[ \t]*+|\([ \t]*+)(?:"[^"\n{}<>]*+"|'[^'\n{}<>]*+')"""
                       r"(?:[ \t]*+\))?+)*+(?![ \t]*+(?:-?\}|\|)|\[)")
# a Salesforce merge field never closed, 'Hi {!Contact.FirstName,' (a formula's '(' is read by its own pattern)
_UNCLOSED_SALESFORCE = re.compile(r"\{!(?P<name>[A-Za-z_]\w*+(?:\.\w++)*+)(?![\w}(])")
_UNCLOSED_HELPSCOUT = re.compile(r"\{%(?P<name>[A-Za-z_]\w*+(?:\.\w++)*+)"
                                 r"(?P<fallback>,fallback=[^%{}<>\n,;.!?]*+)?+%?+(?![}\[])")
_BROKEN = (_BROKEN_CLOSE, _BROKEN_OPEN, _UNCLOSED)
_BROKEN_HELPSCOUT = (_BROKEN_HELPSCOUT_CLOSE, _BROKEN_HELPSCOUT_OPEN, _UNCLOSED_HELPSCOUT)
# a merge field {!Contact.FirstName}, or a formula {!BLANKVALUE(Contact.FirstName, "there")} (never text)
_SALESFORCE_VAR = re.compile(r"\{!(?P<name>[A-Za-z_][^{}\n]{0,200}?)\}")
_BLANKVALUE = re.compile(r"BLANKVALUE\(\s*(?P<name>[A-Za-z_][\w.]*)\s*,\s*(?P<q>[\"'])(?P<value>[^\"']*)(?P=q)\s*\)")


def salesforce_fallbacks(text: str) -> list[tuple[str, str, str]]:
    """Each merge field of a Quick Text's ``text`` written with a fallback, ``{!BLANKVALUE(Contact.FirstName,
    "there")}``, as ``parse_body`` reads it: as written, its field and its fallback (an empty one is none)."""
    found = ((m.group(0), formula) for m in _SALESFORCE_VAR.finditer(text)
             if (formula := _BLANKVALUE.fullmatch(m.group("name").strip())) and formula.group("value"))
    return list(dict.fromkeys((whole, f.group("name"), f.group("value")) for whole, f in found))


# a condition on one variable that holds when it has a value: "x", "x != blank", "x and x != blank"
# (and, negated, "x == blank"): the test a Liquid "value or fallback" idiom makes
_LIQUID_SET = re.compile(r"(?P<a>[\w.]+)(?:\s+and\s+(?P=a))?(?:\s*!=\s*(?:blank|empty|nil|\"\"|''))?")
_LIQUID_UNSET = re.compile(r"(?P<a>[\w.]+)\s*==\s*(?:blank|empty|nil|\"\"|'')")
# (the condition is all up to '%}', its spaces and a '-' before it taken off by _condition: a lazy condition
# before '\s*-?%}' was tried at every split of a run of spaces, 20 s on 50 KB)
_LIQUID_CONDITION = re.compile(r"\{%-?\s*(?P<tag>if|unless)\s(?P<condition>[^%]*)%\}")
_LIQUID_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}")
_LIQUID_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
# (the word ends where no word character follows: a "{%" with no "%}" after it is given up at once, not tried
# at every split of its word, which took 40 s on 50 KB)
_LIQUID_TAG = re.compile(r"\{%-?\s*(?P<tag>\w+)(?!\w)[^%]*%\}")
_LIQUID_BLOCK_END = {"if": "endif", "unless": "endunless", "case": "endcase", "for": "endfor",
                     "capture": "endcapture", "raw": "endraw", "comment": "endcomment"}


def declared_placeholder(piece: Piece) -> PlaceholderPiece | None:
    """A blank that is a ``{{namespace.field}}`` (with a fallback or none) the catalogue has no name for, as
    the placeholder it names, for a text of scriptkit's own export (``RawItem.pack_placeholders``), where it is
    one the exported pack declared; None for any other piece."""
    if not isinstance(piece, BlankPiece):
        return None
    found = _MUSTACHE.fullmatch(piece.original)
    if found is None or not is_placeholder_name(name := found.group("name")) or name.startswith("blank."):
        return None
    read = read_filters(_filters(found)) if found.group("filters") else (None, [])
    return PlaceholderPiece(name, read[0], piece.original) if read is not None and not read[1] else None


def read_filters(filters: str) -> tuple[str | None, list[str]] | None:
    """A placeholder's filters as its fallback (``| fallback: "there"``, ``| default("there")``) and the filters
    that change only its case (``| capitalize``), which a pack cannot apply to a placeholder: the fallback as the
    customer read it (a case filter after it applied to it); None where a filter is any other, or written otherwise."""
    fallback: str | None = None
    case: list[str] = []
    pos = 0
    while pos < len(filters):
        found = _FILTER.match(filters, pos)
        if found is None:
            return None
        name, value = found.group("name"), found.group("dq") if found.group("dq") is not None else found.group("sq")
        if name in ("fallback", "default") and value is not None and fallback is None:
            fallback = value
        elif name in _CASE_FILTERS and value is None:
            case.append(name)
            fallback = _CASE_FILTERS[name](fallback) if fallback is not None else None
        else:
            return None
        pos = found.end()
    return fallback, case


def parse_body(text: str, dialect: str, helpdesk: str, chosen: list[Chosen] | None = None) -> list[Piece]:
    """Cut a plain-text body into pieces, mapping ``dialect``'s placeholders to the catalogue. Without ``chosen``
    what the pack cannot say word for word stays whole, a blank; with it (the converter, whose notes say it), Liquid
    logic that chose the text is read as the text most customers got, and said in ``chosen``, and a placeholder
    whose filter changes only its case (``| capitalize``) is the placeholder, the filter named in its ``dropped``."""
    table = _SALESFORCE if dialect == "salesforce" else DIALECTS.get(dialect, GENERIC)
    pieces: list[Piece] = []
    for piece in _liquid(text, dialect, helpdesk, chosen):
        if isinstance(piece, TextPiece):
            pieces.extend(_variables(piece.text, table, dialect, helpdesk, chosen is not None))
        else:
            pieces.append(piece)
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, TextPiece):
            out.extend(_foreign(piece.text, table, dialect, helpdesk))
        else:
            out.append(piece)
    return _join(out)


def _liquid(text: str, dialect: str, helpdesk: str, chosen: list[Chosen] | None = None) -> list[Piece]:
    """Liquid fallback idioms -> placeholders; logic that chose the customer's text, where ``chosen`` is given
    (``_choose_branch``) -> the text most customers got, and a ``Chosen`` in ``chosen``; other Liquid logic ->
    one blank per block."""
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
        if tag.start() > pos:  # (only text: the last piece is what stands before the tag, for _tidy_gap)
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
        if (idiom := _fallback_idiom(original, table, dialect, chosen is not None)) is not None:
            pieces.extend(idiom)
            pos = end
            continue
        if chosen is not None and (choice := _choose_branch(original, table, dialect)) is not None:
            pieces.extend(choice[0])
            chosen.append(choice[1])
            pos = _tidy_gap(text, end, pieces) if not choice[1].kept else end
            continue
        pieces.append(BlankPiece(original, _hint(tag.group("tag")), f"{helpdesk} template logic", logic=True))
        pos = end
    pieces.append(TextPiece(text[pos:]))
    return [p for p in pieces if not (isinstance(p, TextPiece) and not p.text)]


def _tidy_gap(text: str, end: int, pieces: list[Piece]) -> int:
    """Where to read on after logic that left no text in its place (ending at ``end``), the spaces around it
    taken as a hand edit takes them, ``pieces`` (the body's so far) trimmed to suit. One space between words, not
    the two around it ('now open.  I'll update you'); none at a line's end ('a full refund. ' and a line break);
    and a line that held only the logic goes, not left empty."""
    before = pieces[-1] if pieces else TextPiece("")
    if not isinstance(before, TextPiece):
        return end  # (a placeholder just before it: its words, and the spaces after, stay as written)
    first = not pieces  # (nothing before it but logic that left no text)
    spaces = end
    while text[spaces:spaces + 1] in (" ", "\t"):  # (each run of spaces is walked once: linear)
        spaces += 1
    trimmed = before.text.rstrip(" \t")
    line_start = trimmed.endswith("\n") or (first and not trimmed)
    if text[spaces:spaces + 1] in ("\n", ""):  # at a line's end
        if pieces:
            pieces[-1] = TextPiece(trimmed)
        if not line_start:
            return spaces
        # (a line of its own: its line break goes, and after a paragraph's break, the empty lines after it)
        at = spaces + 1
        while (trimmed.endswith("\n\n") or not trimmed) and text[at:at + 1] == "\n":
            at += 1
        return min(at, len(text))
    if spaces > end and (before.text[-1:] in (" ", "\n") or (first and not before.text)):
        return end + 1
    return end


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


def _condition(opening: re.Match[str]) -> str:
    """An ``{% if %}`` tag's condition as written, without the spaces around it and a ``-`` before ``%}``."""
    condition = opening.group("condition")
    return (condition[:-1] if condition.endswith("-") else condition).strip()


def _fallback_idiom(block: str, table: dict[str, str], dialect: str, lenient: bool = False) -> list[Piece] | None:
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
    condition, unless = _condition(opening), opening.group("tag") == "unless"
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
    # (a filter that changes only the case, '| capitalize', is left out where the import's notes say so: lenient)
    read = read_filters(_filters(outputs[0])) if len(outputs) == 1 else None
    # (a '{' or '}' alone is text to Liquid, as the export writes a fallback's '{you}'; only a '{{' or '{%' outside
    # {% raw %} would be Liquid's)
    if (read is None or read[0] is not None or (read[1] and not lenient) or outputs[0].group("name") != name
            or "{{" in markup or "{%" in markup):
        return None
    before, after = present[:outputs[0].start()], present[outputs[0].end():]
    if "{" in before + after or "}" in before + after or len(absent) < len(before) + len(after) \
            or not absent.startswith(before) or not absent.endswith(after):
        return None
    fallback = absent[len(before):len(absent) - len(after)]
    placeholder = _named(name, fallback, block, table, dialect, read[1])
    if placeholder is None:
        return None
    return [p for p in (TextPiece(before), placeholder, TextPiece(after)) if not isinstance(p, TextPiece) or p.text]


def _named(name: str, fallback: str | None, block: str, table: dict[str, str], dialect: str,
           case: list[str]) -> PlaceholderPiece | None:
    """The placeholder a piece of logic on ``name`` stands for (the catalogue's, or the helpdesk's own field)."""
    dropped = " ".join(f"| {c}" for c in case)
    if name in table:
        return PlaceholderPiece(table[name], fallback, block, spelled=name, dropped=dropped)
    own = own_placeholder(dialect, name, fallback, block)
    return dataclasses.replace(own, dropped=dropped) if own is not None else None


def _branches(block: str) -> tuple[str, bool, str, str] | None:
    """An ``{% if %}`` or ``{% unless %}`` block of at most two branches: its condition, whether it is an
    ``unless``, and the text of each branch (the second "" where it has no ``else``); None for any other."""
    opening = _LIQUID_CONDITION.match(block)
    if opening is None:
        return None
    unless, inner = opening.group("tag") == "unless", block[opening.end():]
    closing = list(_LIQUID_TAG.finditer(_raw_blocks(inner)[1]))
    if not closing or closing[-1].group("tag") != ("endunless" if unless else "endif"):
        return None
    middle = closing[:-1]
    if len(middle) > 1 or (middle and middle[0].group("tag") != "else"):
        return None
    split = middle[0] if middle else closing[-1]
    second = inner[split.end():closing[-1].start()] if middle else ""
    return _condition(opening), unless, inner[:split.start()], second


# a condition that compares one field with one value: "ticket.priority == 'Urgent'", "ticket.tags contains 'vip'"
_LIQUID_COMPARE = re.compile(r"(?P<a>[A-Za-z_][\w.]*)(?P<op>\s*==|\s*!=|\s+contains\s)\s*"
                             r"(?P<v>\"[^\"{}%]*\"|'[^'{}%]*'|-?\d+(?:\.\d+)?|true|false)")
# the private-use characters that stand for {% raw %} blocks while the converter parses a body
_HELD_RAW = re.compile("[\ue000-\uf8ff]")
#: the greetings a name follows, in English, whose words without the name read well with 'there'
_HELLO = frozenset({"hi", "hey", "hello", "hiya"})


def _choose_branch(block: str, table: dict[str, str], dialect: str) -> tuple[list[Piece], Chosen] | None:
    """A block of logic that chose the customer's text, as the text most customers got, and what it chose
    otherwise (for the import's notes): a greeting by name with other words where there is none ('Hi
    {{x}}' / 'Hello'), as the placeholder (its fallback 'there' after an English greeting); or text on a
    comparison ('ticket.priority == "Urgent"'), as the text sent where it does not hold. None for any other."""
    parts = _branches(block)
    if parts is None:
        return None
    condition, unless, first, second = parts
    if "{%" in first + second or _HELD_RAW.search(first + second):
        return None  # (a {% raw %} block in a branch, as the converter holds it: text, with no place in a fallback)
    found, negated = _LIQUID_SET.fullmatch(condition), unless
    if found is None and (found := _LIQUID_UNSET.fullmatch(condition)) is not None:
        negated = not negated
    if found is not None:
        present, absent = (second, first) if negated else (first, second)
        return _greeting(block, found.group("a"), present, absent, table, dialect)
    compared = _LIQUID_COMPARE.fullmatch(condition)
    if compared is None:
        return None
    op = compared.group("op").strip()
    holds_first = (op != "!=") != unless  # (the first branch is sent where the field is, or holds, the value)
    rare, common = (first, second) if holds_first else (second, first)
    if not (rare.strip() or common.strip()) or "{" in rare or "}" in rare:
        return None
    when = f"{compared.group('a')} {'contains' if op == 'contains' else '=='} {compared.group('v')}"
    kept: list[Piece] = [TextPiece(common)] if common else []
    return kept, Chosen(block, common, rare, when)


def _greeting(block: str, name: str, present: str, absent: str, table: dict[str, str],
              dialect: str) -> tuple[list[Piece], Chosen] | None:
    """'Hi {{x}}' where ``name`` has a value, other words ('Hello') where it has none: a greeting of a few
    words, then the name. The reply keeps the greeting by name; a placeholder's fallback stands only where
    the name stands, so the words without a name become the greeting's with 'there' (after an English
    greeting) or with nothing. (Where they were the greeting's with other words, 'Hi there', those words are
    the fallback: the name had a filter that changes its case, which ``_fallback_idiom`` leaves.)"""
    outputs = list(_MUSTACHE.finditer(present))
    read = read_filters(_filters(outputs[0])) if len(outputs) == 1 else None
    if read is None or read[0] is not None or outputs[0].group("name") != name:
        return None
    before, after = present[:outputs[0].start()], present[outputs[0].end():]
    words = before.split()
    if (not words or len(words) > 3 or len(absent.split()) > 6 or len(after) > 3 or not absent.strip()
            or any(c in before + after + absent for c in "{}\n")):
        return None
    # the words both branches share stay around the placeholder, the else branch's difference is its fallback ('Hi
    # there': 'there'; 'Thanks' after 'Thanks {{x}}': '', the space before the name being the name's); other words
    # ('Hello' after 'Dear {{x}}') give 'there' after an English greeting, else none (SK001 asks for one); the Liquid
    # exports write a fallback, '' too, as a conditional again
    shared_before, shared_after = before.rstrip(), after.lstrip()
    if len(absent) >= len(before) + len(after) and absent.startswith(before) and absent.endswith(after):
        fallback: str | None = absent[len(before):len(absent) - len(after)]  # ('Hi there': the words as they were)
    elif (len(absent) >= len(shared_before) + len(shared_after) and absent.startswith(shared_before)
          and absent.endswith(shared_after)):
        fallback = absent[len(shared_before):len(absent) - len(shared_after)].strip()
    else:
        fallback = "there" if len(words) == 1 and words[0].lower() in _HELLO else None
    placeholder = _named(name, fallback, block, table, dialect, read[1])
    if placeholder is None:
        return None
    pieces: list[Piece] = [p for p in (TextPiece(before), placeholder, TextPiece(after))
                           if not isinstance(p, TextPiece) or p.text]
    return pieces, Chosen(block, before + (fallback or "") + after, absent, f"{name} is empty", greeting=True,
                          fallback=fallback)


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


def _variables(text: str, table: dict[str, str], dialect: str, helpdesk: str, lenient: bool = False) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    pattern = _HELPSCOUT_VAR if dialect == "helpscout" else _SALESFORCE_VAR if dialect == "salesforce" else _MUSTACHE
    # ('{{ name }}' in Help Scout or Salesforce is no placeholder: sent as written, so it is one that did not map)
    extra = [_HELPSCOUT_VAR, _SALESFORCE_VAR] if dialect == "generic" else [_MUSTACHE] if pattern is not _MUSTACHE \
        else []
    broken = _broken_patterns(dialect)
    matches = sorted([*pattern.finditer(text), *(m for p in extra for m in p.finditer(text)),
                      *_broken_found(text, dialect, table)],
                     key=lambda m: (m.start(), m.re in broken))  # (a whole placeholder first, where both start)
    for m in matches:
        if m.start() < pos:
            continue
        pieces.append(TextPiece(text[pos:m.start()]))
        if m.re in broken:
            pieces.append(BlankPiece(m.group(0), _hint(m.group("name")), _broken_reason(m, table, helpdesk)))
            pos = m.end()
            continue
        name = m.group("name").strip()
        fallback: str | None = None
        dropped = ""  # the case filters left out
        filters = _filters(m) if m.re is _MUSTACHE else ""
        if m.re is _HELPSCOUT_VAR:
            fallback = m.group("fallback")  # (",fallback=": an explicit "write nothing", not none)
        elif m.re is _SALESFORCE_VAR and (formula := _BLANKVALUE.fullmatch(name)):
            name, fallback = formula.group("name"), formula.group("value") or None
        elif filters:
            read = read_filters(filters)
            if read is not None and read[1] and not lenient:
                read = None  # (a case filter is left out only where a note says so)
            if read is None:
                name = ""  # a filter scriptkit cannot express: keep the whole thing as a blank
            else:
                fallback, case = read
                dropped = " ".join(f"| {c}" for c in case)
        foreign = m.re is not pattern and dialect != "generic"  # ('{{ x }}' in Help Scout or Salesforce)
        canonical = table.get(name) if name and not foreign else None
        if canonical is None and m.re is _SALESFORCE_VAR:
            canonical = _SALESFORCE.get(name)
        own = own_placeholder(dialect, name, fallback, m.group(0)) if name and not canonical and not foreign else None
        meant = _meant(name, table) if own is not None else None
        # (another helpdesk's field, 'ticket.requester.first_name' in Intercom: no attribute of the team's own)
        pasted = _pasted(name, dialect) if own is not None and meant is None else None
        if meant is not None:  # ('ticket.requester.frist_name': a slip, not a field of the team's own)
            pieces.append(BlankPiece(m.group(0), _hint(meant), _typo_reason(meant, m, dialect, helpdesk)))
        elif pasted is not None:
            reason = _pasted_reason(pasted, m, dialect, helpdesk)
            pieces.append(BlankPiece(m.group(0), _hint(pasted[1] or name), reason))
        elif canonical:
            pieces.append(PlaceholderPiece(canonical, fallback, m.group(0), spelled=name, dropped=dropped))
        elif own is not None:
            pieces.append(dataclasses.replace(own, dropped=dropped))
        else:
            style = "{{ … }}" if m.re is _MUSTACHE else "{! … }" if m.re is _SALESFORCE_VAR else "{% … %}"
            filtered = f" ({' '.join(filters.split())})" if filters and name == "" else ""
            reason = (f"placeholder in a style scriptkit cannot map ({style}): {helpdesk} sends it as written"
                      if foreign else
                      f"{helpdesk} placeholder with a filter scriptkit cannot keep{filtered}" if filtered and
                      dialect != "generic" else _unknown(m, dialect, helpdesk) if dialect != "generic"
                      else f"placeholder in a style scriptkit cannot map ({style})")
            pieces.append(BlankPiece(m.group(0), _hint(m.group("name")), reason, logic=bool(filtered)))
        pos = m.end()
    pieces.append(TextPiece(text[pos:]))
    return pieces


#: the helpdesks whose '{{ x }}' is Liquid: a name that is none of their fields is sent empty
_LIQUID_HELPDESKS = frozenset({"zendesk", "freshdesk"})


def _broken_patterns(dialect: str) -> tuple[re.Pattern[str], ...]:
    """The spellings of a placeholder with a brace (or a '%') missing that ``dialect``'s text is read for (an
    unclosed '{{x' not in Help Scout's, whose '{{' is text: only its fields' names would be read as one)."""
    if dialect == "helpscout":
        return (_BROKEN_CLOSE, _BROKEN_OPEN, *_BROKEN_HELPSCOUT)
    if dialect == "salesforce":
        return (*_BROKEN, _UNCLOSED_SALESFORCE)
    return (*_BROKEN, *_BROKEN_HELPSCOUT) if dialect == "generic" else _BROKEN


def _broken_found(text: str, dialect: str, table: dict[str, str]) -> list[re.Match[str]]:
    """Each placeholder of ``text`` written with a brace (or a '%') missing. One never closed is one only where
    its name is a placeholder of ``table`` or a slip from one, and no whole placeholder starts where it does
    ('{%x,fallback=10% off%}'): else its '{{' or '{%' is the text's."""
    found = []
    named: dict[str, bool] = {}  # (each name is looked up once: 'ticket.x' written 2,000 times)
    for pattern in _broken_patterns(dialect):
        for m in pattern.finditer(text):
            if pattern in (_UNCLOSED, _UNCLOSED_HELPSCOUT, _UNCLOSED_SALESFORCE):
                name = m.group("name")
                if name not in named:
                    named[name] = name in table or _meant(name, table) is not None
                whole = _MUSTACHE if pattern is _UNCLOSED else _HELPSCOUT_VAR if pattern is _UNCLOSED_HELPSCOUT \
                    else _SALESFORCE_VAR
                if not named[name] or whole.match(text, m.start()):
                    continue
            found.append(m)
    return found


def _missing(found: re.Match[str]) -> str:
    """What a placeholder written with a brace (or a '%') missing lacks, as the notes say it."""
    if found.re is _UNCLOSED:
        return "its closing braces missing"
    if found.re is _UNCLOSED_SALESFORCE:
        return "its closing brace missing"
    if found.re is _UNCLOSED_HELPSCOUT:  # ('{%customer.firstName%,': the brace typed as a comma)
        return "its closing brace missing" if found.group(0).endswith("%") else "its closing '%}' missing"
    return "'%' missing" if found.re in _BROKEN_HELPSCOUT else "a brace missing"


def _whole(found: re.Match[str]) -> str:
    """A placeholder written with a brace (or a '%') missing, as it is written whole."""
    written = found.group(0)
    if found.re is _UNCLOSED:
        return written + "}}"
    if found.re is _UNCLOSED_SALESFORCE:
        return written + "}"
    if found.re is _UNCLOSED_HELPSCOUT:
        return written + ("}" if written.endswith("%") else "%}")
    if found.re is _BROKEN_HELPSCOUT_CLOSE:
        return written[:-1] + "%}"
    if found.re is _BROKEN_HELPSCOUT_OPEN:
        return "{%" + written[1:]
    return written + "}" if found.re is _BROKEN_CLOSE else "{" + written


def _broken_reason(found: re.Match[str], table: dict[str, str], helpdesk: str) -> str:
    """Why a placeholder with a brace missing became a blank (its reason says 'cannot map', which the audit
    reads as a marker sent as written), and how it is written whole: the helpdesk's spelling the name is
    near, where it is none."""
    whole = _whole(found)
    name = found.group("name")
    meant = _meant(name, table) if name not in table else None
    if meant is not None:
        whole = whole.replace(name, meant, 1)
    sender = helpdesk if helpdesk and helpdesk != "generic" else "the helpdesk"
    return (f"a placeholder with {_missing(found)}, which scriptkit cannot map and {sender} sends as written; "
            f"did you mean {whole}?")


def _sends_unknown(dialect: str, helpdesk: str) -> str:
    """What ``helpdesk`` does with a name none of its fields: Liquid sends it empty; others, empty or as written."""
    return f"{helpdesk}'s Liquid sends it empty" if dialect in _LIQUID_HELPDESKS else \
        f"{helpdesk} sends it empty or as written"


def _typo_reason(meant: str, found: re.Match[str], dialect: str, helpdesk: str) -> str:
    """Why a name one slip away from a placeholder of ``dialect`` became a blank ('cannot map', as the audit
    reads it: the customer gets it empty or as written)."""
    whole = found.group(0).replace(found.group("name"), meant, 1)
    sends = _sends_unknown(dialect, helpdesk)
    return f"unknown {helpdesk} placeholder: no field of {helpdesk}'s, so {sends} (scriptkit cannot map it); " \
        f"did you mean {whole}?"


def _pasted_reason(pasted: tuple[str, str | None], found: re.Match[str], dialect: str, helpdesk: str) -> str:
    """Why another helpdesk's placeholder became a blank ('cannot map', as the audit reads it: the customer gets it
    empty), and ``dialect``'s own spelling of it, where it has one."""
    owners, spelling = pasted
    sends = _sends_unknown(dialect, helpdesk)
    guess = f"; did you mean {found.group(0).replace(found.group('name'), spelling, 1)}?" if spelling else \
        f"; {helpdesk} has no field for it"
    return f"{owners} placeholder, not {helpdesk}'s: {sends} (scriptkit cannot map it){guess}"


def _meant(name: str, table: dict[str, str]) -> str | None:
    """The helpdesk's placeholder of ``table`` that ``name``, which is none of them, is one slip away from
    ('ticket.requester.frist_name': ticket.requester.first_name), else None. The same fields but one, which
    differs by one letter typed, left out, added or swapped (two in a word of 8 letters or more)."""
    parts = name.split(".")
    found: dict[str, int] = {}
    for known in table:
        other = known.split(".")
        if len(other) != len(parts) or known == name:
            continue
        differ = [(a, b) for a, b in zip(parts, other, strict=True) if a != b]
        if len(differ) == 1:
            a, b = differ[0]
            slips = _slips(a.lower(), b.lower())
            if slips <= (2 if min(len(a), len(b)) >= 8 else 1):
                found[known] = slips
    least = min(found.values(), default=None)
    nearest = [known for known, slips in found.items() if slips == least]
    return nearest[0] if len(nearest) == 1 else None  # (as near two: a guess would be no better than none)


def _slips(a: str, b: str) -> int:
    """How many letters typed, left out, added or swapped with the next turn ``a`` into ``b`` (at most 3 is told
    apart: words much longer than that are not compared letter by letter)."""
    if abs(len(a) - len(b)) > 2 or max(len(a), len(b)) > 60:
        return 3
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return min(rows[-1][-1], 3)


def broken_placeholders(text: str, dialect: str) -> list[tuple[str, str, str]]:
    """Each placeholder of ``text`` written with a brace (or Help Scout's '%') missing, how it reads whole, and
    what it lacks ("a brace missing"): the helpdesk sends it as written (the import keeps it as a blank, and its
    notes say where it stands)."""
    table = _SALESFORCE if dialect == "salesforce" else DIALECTS.get(dialect, GENERIC)
    out: dict[str, tuple[str, str]] = {}
    for found in _broken_found(text, dialect, table):
        whole = _whole(found)
        name = found.group("name")
        meant = _meant(name, table) if name not in table else None
        out.setdefault(found.group(0), (whole.replace(name, meant, 1) if meant is not None else whole,
                                        _missing(found)))
    return [(written, whole, missing) for written, (whole, missing) in out.items()]


def _unknown(found: re.Match[str], dialect: str, helpdesk: str) -> str:
    """Why a ``{{ name }}`` of ``dialect`` that scriptkit does not know became a blank. A field's path
    (``ticket.tags[0]``) may be one of the helpdesk's, which it fills; a name of one word is none of its
    fields (``{{ author }}``), nor is another helpdesk's field in a Zendesk macro (``{{ticket.contact.name}}``):
    a placeholder that did not map, as it would be in a CSV, and the customer gets it empty (Liquid) or as the
    helpdesk sends an unknown name."""
    name = found.group("name").strip()
    sends = _sends_unknown(dialect, helpdesk)
    pasted = _pasted_into_zendesk(name) if dialect == "zendesk" else None
    if pasted is not None:
        owner, meant = pasted
        guess = f"; did you mean {found.group(0).replace(name, meant, 1)}?" if meant else ""
        return (f"{owner}'s placeholder, not {helpdesk}'s (it has no {'.'.join(name.split('.')[:2])}): {sends} "
                f"(scriptkit cannot map it){guess}")
    if "." in name or not name:
        return f"unknown {helpdesk} placeholder"
    return f"no {helpdesk} field, a name scriptkit cannot map: {sends}"


def _foreign(text: str, table: dict[str, str], dialect: str, helpdesk: str) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    for m in FILL_IN.finditer(text):
        kind = m.lastgroup
        original = m.group(0)
        if kind in ("square", "marker") and (text[m.start() - 1:m.start()] == "\\"
                                             or (kind == "square" and is_plain_bracket(m.group("qname")))):
            continue  # (an escaped '\\[Submit]' or '\\[[name]]' is a bracket the text shows, as the pack writes it)
        if kind == "single" and not re.search(r"[a-z_]", m.group("sname")):
            continue
        groups = ("mname", "xname", "dname", "sname", "qname", "aname")
        name = next((g for g in (m.group(k) for k in groups) if g), "")
        if m.group("xxx"):
            name = name.lower().replace("x", "_")  # xxxlastxnamexxx: x stands for a space
        if m.group("run"):
            name = "fill_in"
        start = m.start()
        if kind == "single" and text[start - 1:start] == "$" and start - 1 >= pos:
            # ('${Contacts.First Name}', a name the '${name}' style's own pattern leaves out: its '$' is the
            # fill-in's, not a '$' left before the marker in another helpdesk's export)
            start -= 1
            original = text[start:m.end()]
        pieces.append(TextPiece(text[pos:start]))
        reason = (_single_brace_reason(m.group("sname"), table, dialect, helpdesk) if kind == "single" else None) \
            or f"fill-in written as {_style(original)}"
        pieces.append(BlankPiece(original, _hint(name), reason, team_marker=True))
        pos = m.end()
    pieces.append(TextPiece(text[pos:]))
    return pieces


def _single_brace_reason(name: str, table: dict[str, str], dialect: str, helpdesk: str) -> str | None:
    """Why '{ticket.requester.first_name}', a placeholder of ``table`` (or one slip from one) in single braces,
    became a blank, and how it is written whole, as an unclosed one is told (``_broken_reason``); None for a
    team's own fill-in ('{order number}', and a name of one word: '{name}' is as likely the team's)."""
    meant = (name if name in table else _meant(name, table)) if _OWN_FIELD.fullmatch(name) else None
    if meant is None:
        return None
    style = dialect if dialect != "generic" else "helpscout" if meant in _HELPSCOUT and meant not in _MUSTACHE_NAMES \
        else "salesforce" if meant in _SALESFORCE else ""
    whole = "{%" + meant + "%}" if style == "helpscout" else "{!" + meant + "}" if style == "salesforce" \
        else "{{" + meant + "}}"
    sender = helpdesk if helpdesk and dialect != "generic" else "the helpdesk"
    return (f"a placeholder in single braces, which scriptkit cannot map and {sender} sends as written; "
            f"did you mean {whole}?")



#: ``_broken_reason``'s and ``_single_brace_reason``'s words, read back by ``broken_advice``
_BROKEN_REASON = re.compile(r"a placeholder (?:with (?P<missing>.+?)|in (?P<single>single braces)), which .*; "
                            r"did you mean (?P<whole>.+)\?$")


def broken_advice(reason: str) -> str | None:
    """What to do about a placeholder with a brace missing or in single braces, from the reason its blank was given
    (the audit's advice): its own spelling written whole, its fallback kept ('{{user.first_name|fallback:"there"}}');
    None for another reason. (Beside the reasons' wording, so the two change together.)"""
    broken = _BROKEN_REASON.match(reason)
    if broken is None:
        return None
    return f"{broken['missing'] or 'written in single braces'}: write {broken['whole']} (the helpdesk fills it)"

#: the names the {{ }} helpdesks' tables spell (a Help Scout name in a generic library is read as Help Scout's only
#: where none of them has it)
_MUSTACHE_NAMES = frozenset(k for name, t in DIALECTS.items() if name != "helpscout" for k in t)


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
    """A blank name from an original spelling: 'Customer Name' -> customer_name, 'brief description of fix' ->
    brief_description_of_fix (every word: the name is the marker another helpdesk shows the agent). Only a name
    longer than any fill-in marker is written (over 80 characters: a field's path) loses its last words."""
    if "." in name:  # a dotted variable: its last field names it (ticket.requester.first_name)
        fields = [f for f in name.split(".") if f.strip()]
        generic = {"name", "first_name", "firstname", "last_name", "lastname", "id", "email", "number"}
        if fields:
            name = "_".join(fields[-2:]) if len(fields) > 1 and fields[-1].lower() in generic else fields[-1]
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", re.sub(r"([a-z])([A-Z])", r"\1_\2", name)) if p]
    kept: list[str] = []
    for part in parts:  # (one pass: a hostile name may hold thousands of words)
        if kept and len(part) + sum(map(len, kept)) + len(kept) > 80:
            break
        kept.append(part)
    hint = "_".join(kept).lower()[:80].strip("_")
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
