"""The canonical placeholder catalogue: the values a helpdesk fills in when a macro is used.

Targets map these names to each helpdesk's own spelling; importers map back to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

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


DEFAULT_CATALOGUE = Catalogue()
