"""The canonical placeholder catalogue: the values a helpdesk fills in when a macro is used.

Targets map these names to each helpdesk's own spelling; importers map back to them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from scriptkit.errors import ConfigError, argument_named


@dataclass(frozen=True)
class PlaceholderSpec:
    """One placeholder a helpdesk fills in when the reply is sent, such as ``customer.first_name``.

    ``name`` is its canonical dotted name, ``description`` says what it holds, ``sample`` is the value
    a preview shows, and ``can_be_blank`` whether a real ticket may leave it empty (then a greeting
    needs a fallback). ``fallback`` is a word that reads in its place when it is empty, where one does
    ("there": "Hi there,"), and ``called`` words that say what it is, to write before it so a sentence
    reads without it ("your order": "Your order {{ order.number }} is on its way"). Look one up in a
    pack's catalogue: ``pack.catalogue.get("order.number")`` (the built-in placeholders plus the pack's
    own from ``pack.yaml``).
    """

    name: str  # canonical dotted name, e.g. customer.first_name
    description: str
    sample: str  # what --preview shows
    # may render blank in a real ticket (a requester with no name): the greeting needs a fallback
    can_be_blank: bool = True
    # a word that reads in its place when it is empty ("there" for a name: "Hi there,"), or ""
    fallback: str = ""
    # words that say what it is, written before it so the sentence reads without it ("your order"), or ""
    called: str = ""


BUILTIN: tuple[PlaceholderSpec, ...] = (
    PlaceholderSpec("customer.first_name", "The customer's first name", "Maya", fallback="there"),
    PlaceholderSpec("customer.last_name", "The customer's last name", "Okafor", fallback="there"),
    PlaceholderSpec("customer.full_name", "The customer's full name", "Maya Okafor", fallback="there"),
    PlaceholderSpec("customer.email", "The customer's email address", "maya@example.com", False),
    PlaceholderSpec("agent.first_name", "The replying agent's first name", "Sam", False),
    PlaceholderSpec("agent.full_name", "The replying agent's full name", "Sam Rivera", False),
    PlaceholderSpec("ticket.id", "The ticket number", "48213", False),
    PlaceholderSpec("ticket.subject", "The ticket's subject line", "Where is my order?"),
    # (Zendesk and Freshdesk spell it {{ticket.url}}; a helpdesk with no documented one gets a blank, SK503)
    PlaceholderSpec("ticket.url", "The ticket's web address", "https://help.example.com/tickets/48213", False),
    PlaceholderSpec("order.number", "The customer's order number", "A-10432", called="your order"),
    PlaceholderSpec("brand.name", "The brand the ticket came in through", "Northwind", False),
)

def fallback_word(spec: PlaceholderSpec | None, name: str) -> str:
    """The word that reads in place of ``name`` when it is empty: the spec's ``fallback``; for a name the
    catalogue gives none (a pack's own), "there"; else ""."""
    if spec is not None and spec.fallback:
        return spec.fallback
    return "there" if "name" in name.rsplit(".", 1)[-1] else ""


def missing_value_advice(spec: PlaceholderSpec | None, name: str) -> str:
    """How to write ``name``, which may be missing, so the reply reads either way: after the words that say
    what it is (``called``), or with its fallback word."""
    if spec is not None and spec.called:
        return (f"Write it after words that say what it is, so the sentence reads without it ('{spec.called} "
                f"{{{{ {name} }}}}'), or give it a fallback that reads in its place: "
                f"{{{{ {name} | fallback('{spec.called}') }}}}.")
    word = fallback_word(spec, name)
    if word:
        return f"Give it a fallback: {{{{ {name} | fallback('{word}') }}}}."
    return (f"Write the sentence so it reads without it, or give it a fallback of words that read in its place: "
            f"{{{{ {name} | fallback('...') }}}}.")


#: The namespaces a template may use for placeholders.
NAMESPACES = ("customer", "agent", "ticket", "order", "brand")

# What writers type for a placeholder, by what they mean: a namespace as helpdesks and other tools
# call it, and a field's other names. Read before any likeness of spelling: by spelling alone
# 'customer.name' is nearest 'customer.last_name' and 'customer.fname' 'customer.full_name', and a
# writer who took either sent "Hi Okafor".
_NAMESPACE_WORDS: dict[str, str] = {
    **dict.fromkeys(("customer", "customers", "requester", "requestor", "user", "client", "contact", "visitor",
                     "end_user", "enduser", "recipient", "member", "guest", "patient", "person", "buyer"),
                    "customer"),
    **dict.fromkeys(("agent", "assignee", "current_user", "currentuser", "staff", "rep", "representative",
                     "sender", "teammate", "admin"), "agent"),
    **dict.fromkeys(("ticket", "tickets", "case", "conversation", "request", "issue", "thread"), "ticket"),
    **dict.fromkeys(("order", "orders", "purchase", "shipment"), "order"),
    **dict.fromkeys(("brand", "company", "business", "store", "shop", "site", "organisation_brand"), "brand"),
}
_FIELD_WORDS: dict[str, str] = {
    # a name, said alone, is the name a greeting uses: the first one ("Hi Maya", never "Hi Okafor")
    **dict.fromkeys(("name", "fname", "f_name", "firstname", "first", "forename", "forenames", "given_name",
                     "givenname", "given", "first_nm", "fn", "nickname", "nick", "preferred_name",
                     "name_first", "christian_name", "short_name"), "first_name"),
    **dict.fromkeys(("lname", "l_name", "lastname", "last", "surname", "family_name", "familyname",
                     "second_name", "name_last", "ln"), "last_name"),
    **dict.fromkeys(("fullname", "full", "display_name", "displayname", "complete_name", "name_full",
                     "long_name"), "full_name"),
    **dict.fromkeys(("mail", "e_mail", "email_address", "emailaddress", "mail_address"), "email"),
    **dict.fromkeys(("number", "no", "num", "nr", "id", "ref", "reference", "order_number", "order_id",
                     "ticket_id", "ticket_number", "case_number"), "number"),
    **dict.fromkeys(("title", "topic", "summary", "subject_line"), "subject"),
}
# a field word that names another field in a namespace that has no field of the word's name
# ('ticket.number' is its id, 'order.id' its number, 'brand.title' its name)
_FIELD_IN: dict[tuple[str, str], str] = {("ticket", "number"): "id", ("order", "id"): "number",
                                         ("brand", "first_name"): "name", ("brand", "full_name"): "name",
                                         ("brand", "subject"): "name"}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s\-]+")


def _word(text: str) -> str:
    """A namespace or field as written, in lower case with underscores ('FirstName', 'first-name',
    'First Name': 'first_name')."""
    return _SEPARATORS.sub("_", _CAMEL.sub("_", text.strip())).lower().strip("_")


def nearest_placeholder(name: str, names: Iterable[str]) -> str | None:
    """The placeholder among ``names`` a writer most likely meant by ``name`` (``customer.name``,
    ``requester.FirstName``, ``first-name``), or None when none is near.

    What writers mean is read first: a namespace as helpdesks call it (``requester``, ``user``,
    ``client``: the customer), a field by its other names (``name``, ``fname``, ``forename``: the
    first name, the one a greeting uses); a name without a namespace is read as the customer's.
    Only then the nearest spelling, among the fields of the namespace meant first. Of names
    equally near, the first name is preferred: a last name in a greeting is the worse slip."""
    if not isinstance(name, str):
        return None
    known = [n for n in names if isinstance(n, str)]
    if not known or not name.strip():
        return None
    if name in known:
        return name
    head, dot, tail = name.strip().rpartition(".")
    words = [_word(w) for w in head.split(".")] if dot else []
    field = _word(tail)
    spaces = sorted({n.split(".", 1)[0] for n in known if "." in n})
    meant = [_NAMESPACE_WORDS.get(w, w) for w in reversed(words)]  # ('ticket.requester.name': the requester)
    namespace = next((w for w in meant if w in spaces), None)
    if namespace is None:  # ('custmer.first_name': a namespace misspelt; 'fname': the customer's)
        namespace = _closest(words[-1], spaces) if words else "customer" if "customer" in spaces else None
    if namespace is None:
        return None
    fields = sorted(n.split(".", 1)[1] for n in known if n.startswith(namespace + "."))
    for word in (field, _anagram(field, [*fields, *_FIELD_WORDS])):  # ('nmae': 'name' typed out of order)
        if word is None:
            continue
        for candidate in (word, _FIELD_WORDS.get(word, word)):
            candidate = _FIELD_IN.get((namespace, candidate), candidate)
            if candidate in fields:
                return f"{namespace}.{candidate}"
    found = _closest(field, fields)
    return f"{namespace}.{found}" if found is not None else None


def _anagram(word: str, options: Iterable[str]) -> str | None:
    """The option spelt with the same letters as ``word`` in another order ('nmae': 'name'), if any."""
    letters = sorted(word)
    return next((o for o in options if len(o) == len(word) > 2 and sorted(o) == letters), None)


def _closest(word: str, options: list[str]) -> str | None:
    """The option nearest ``word`` by spelling (difflib's likeness, at least 0.6); of those equally
    near, one that is a first name."""
    scored = []
    for option in options:
        matcher = difflib.SequenceMatcher(None, word, option)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and (ratio := matcher.ratio()) >= 0.6:
            scored.append((ratio, option.endswith("first_name"), option))
    return max(scored)[2] if scored else None


class Catalogue:
    """The built-in placeholders plus a pack's own additions."""

    def __init__(self, extra: Iterable[PlaceholderSpec] = ()) -> None:
        self._specs: dict[str, PlaceholderSpec] = {p.name: p for p in BUILTIN}
        for spec in extra:
            self._specs[spec.name] = spec

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def __iter__(self) -> Iterator[PlaceholderSpec]:
        return iter(self._specs.values())

    def get(self, name: str) -> PlaceholderSpec | None:
        if not isinstance(name, str):
            raise ConfigError(f"Catalogue.get() takes a placeholder's name, not {argument_named(name)}",
                              hint="Pass its dotted name, e.g. 'customer.first_name'.")
        return self._specs.get(name)

    @property
    def names(self) -> list[str]:
        return sorted(self._specs)

    @property
    def namespaces(self) -> tuple[str, ...]:
        return tuple(sorted({n.split(".", 1)[0] for n in self._specs} | set(NAMESPACES)))

    def samples(self) -> Mapping[str, str]:
        return {name: spec.sample for name, spec in self._specs.items()}

    def nearest(self, name: str) -> str | None:
        """The placeholder of this catalogue a writer most likely meant by ``name``, which is none
        of them ('customer.name', 'requester.FirstName', 'fname'), or None (``nearest_placeholder``)."""
        return nearest_placeholder(name, self._specs)


DEFAULT_CATALOGUE = Catalogue()


# A fill-in a helpdesk's or a writer's text leaves for the agent ('[Name]', 'xxxnamexxx', '<insert issue>'):
# the importer turns each into a blank, and SK407 reports one left in a reply (one rule for both).
FILL_IN = re.compile(
    r"(?P<marker>\[\[(?P<mname>[^\[\]\n]{1,60})\]\])"  # scriptkit's own blank marker [[name]]
    r"|"
    r"(?P<xxx>(?i:xxx)(?P<xname>[A-Za-z][A-Za-z0-9]*?)(?i:xxx))"  # xxxlastxnamexxx, XXXSTEPSXXX
    r"|(?P<run>(?<![\w])(?:X{3,}|x{3,})(?![\w])|_{3,})"  # XXXXXXX, ___: an unnamed fill-in
    r"|(?P<dollar>\$\{(?P<dname>[A-Za-z_]\w{0,40})\})"  # ${name}
    # {name}, {team/partner}, {menu or button}, {clear, short explanation}: words, not code ('{a: 1}', '{"k": 2}',
    # '{ return x; }', '{draft,final}')
    r"|(?P<single>(?<!\{)\{(?P<sname>[A-Za-z](?:[\w ./'’–—-]|,(?= )){0,80}?)\}(?!\}))"
    r"|(?P<square>\[(?P<qname>[A-Za-z][\w .'/-]{0,40}?)\](?![(\[:]))"  # [Name], not a Markdown link
    r"|(?P<angle><(?P<aname>(?:insert|enter|add|your|customer|agent|name)[\w .'/-]{0,40}?)>)"  # <insert issue>
)


def is_plain_bracket(inner: str) -> bool:
    """Whether ``[inner]`` is text, not a fill-in: [x] checkboxes, [1] footnotes and [sic]-style asides."""
    return len(inner) < 2 or inner.lower() in {"sic", "sic!", "edit", "update", "note", "en", "de", "fr", "es"}


#: what opens a span of a template that is not text: a raw block, a '{{ }}' or '{% %}' (whose quoted strings are
#: text the writer marked literal), and a comment
_TEMPLATE_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}|\{\{|\{%|\{#")
_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
#: inside '{{ }}' or '{% %}': a quoted string (a backslash escapes its quote, as in Jinja) or the block's end
_IN_BLOCK = re.compile(r"""'(?:[^'\\]++|\\.)*+'|"(?:[^"\\]++|\\.)*+"|['"]|%\}|\}\}""", re.DOTALL)


def marked_literal_spans(template: str) -> list[tuple[int, int]]:
    """The (start, end) spans of a Jinja ``template`` its writer marked as text to show as written: the body of
    each ``{% raw %}...{% endraw %}`` and each quoted string in a ``{{ ... }}`` or ``{% ... %}``. A code written so
    ('{% raw %}{!Contact.Name}{% endraw %}', "{{ '{{ticket.id}}' }}") is the customer's to read, not a placeholder
    or a fill-in left in. Read once, left to right: an unclosed block or string ends the scan."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (opened := _TEMPLATE_OPEN.search(template, at)) is not None:
        token = opened.group(0)
        if token == "{#":
            end = template.find("#}", opened.end())
            at = len(template) if end < 0 else end + 2
        elif token not in ("{{", "{%"):  # (a raw block)
            close = _ENDRAW.search(template, opened.end())
            spans.append((opened.end(), len(template) if close is None else close.start()))
            at = len(template) if close is None else close.end()
        else:
            closer, at = ("}}" if token == "{{" else "%}"), len(template)
            for part in _IN_BLOCK.finditer(template, opened.end()):
                if part.group(0) == closer:
                    at = part.end()
                    break
                if len(part.group(0)) == 1:  # (a quote never closed)
                    break
                if part.group(0)[0] in "'\"":
                    spans.append((part.start() + 1, part.end() - 1))
    return spans


def in_spans(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether ``index`` falls inside one of ``spans`` (in order, not overlapping, as ``marked_literal_spans``'s)."""
    from bisect import bisect_right

    i = bisect_right(spans, index, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] <= index < spans[i][1]


def is_placeholder_name(name: str) -> bool:
    """Whether ``name`` can name a custom placeholder: ``namespace.field``."""
    return name.count(".") == 1 and all(part.isidentifier() for part in name.split("."))


# A helpdesk's own spelling of a placeholder, pasted from a macro: '{{ticket.requester.first_name}}'
# (Zendesk), '{%customer.firstName%}' (Help Scout), '{!Contact.FirstName}' (Salesforce). Each
# was told as something else ("unknown placeholder 'ticket.requester'", "unknown tag 'customer'"),
# or, Salesforce's, not at all: it reached the customer as written in every other helpdesk.
HELPDESK_VARIABLE = re.compile(r"\{\{-?\s*(?P<mustache>[A-Za-z_][\w.]*)\s*(?:\|[^{}]*)?-?\}\}"
                               r"|\{%(?P<helpscout>[A-Za-z_][\w.]*)(?:,fallback=(?P<fallback>[^%{}]*))?%\}"
                               r"|\{!(?P<salesforce>[A-Za-z_][\w.]*)\}")


@lru_cache(maxsize=1)
def helpdesk_spellings() -> dict[str, dict[str, list[str]]]:
    """Each helpdesk spelling -> the catalogue's name for it -> the helpdesks that mean that (Front's
    'user.first_name' is the agent, Intercom's the customer)."""
    from scriptkit.importers.convert import HELPDESKS
    from scriptkit.importers.dialects import DIALECTS, GENERIC

    meanings: dict[str, dict[str, list[str]]] = {}
    for helpdesk, table in DIALECTS.items():
        for spelling, canonical in table.items():
            if spelling != canonical and "." in spelling and helpdesk != "helpscout":  # (its spelling: below)
                meanings.setdefault(spelling, {}).setdefault(canonical, []).append(HELPDESKS[helpdesk])
    for spelling, canonical in GENERIC.items():  # (the rest: Salesforce's and Help Scout's)
        if spelling != canonical and spelling not in meanings:
            meanings[spelling] = {canonical: []}
    return meanings
