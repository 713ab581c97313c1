"""A placeholder typed with capitals ({{ Order.Number }}, {{ CUSTOMER.FIRST_NAME }}) is told the placeholder it
stands for in lower case. It was told of one that does not exist ({{ order.first_name }}, {{ ticket.first_name }})
or of nothing at all (all capitals)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: a\ntitle: Orders::Late\nacknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "solution: I've chased order {{{{ {ref} }}}} with the courier today, and I'll update you by Friday.\n")


def check(make_pack: Any, ref: str) -> str:
    root: Path = make_pack({"a.yaml": SCRIPT.format(ref=ref)})
    out = CliRunner().invoke(main, ["check", str(root)])
    assert out.exit_code == 2 and "Traceback" not in out.output
    return out.output


@pytest.mark.parametrize(("ref", "meant"), [
    ("Order.Number", "order.number"),
    ("Ticket.Id", "ticket.id"),
    ("CUSTOMER.FIRST_NAME", "customer.first_name"),
    ("Customer.First_Name", "customer.first_name"),
    ("Order.Number | fallback('your order')", "order.number"),
])
def test_capitals_in_the_namespace(make_pack: Any, ref: str, meant: str) -> None:
    name = ref.split(".")[0]
    assert f"scripts/a.yaml:4:32: error: undefined name '{name}'. Did you mean {{{{ {meant} }}}}? " \
           "Placeholder names are written in lower case." in check(make_pack, ref)


@pytest.mark.parametrize(("ref", "meant"), [("order.Number", "order.number"),
                                            ("customer.FIRST_NAME", "customer.first_name")])
def test_capitals_in_the_field(make_pack: Any, ref: str, meant: str) -> None:
    assert f"unknown placeholder '{ref}'. Did you mean '{meant}'? Placeholder names are written in lower case." \
        in check(make_pack, ref)


def test_an_example_names_a_field_the_namespace_has(make_pack: Any) -> None:
    out = check(make_pack, "Order.Colour")  # (no field of that name: the namespace, with one of its own fields)
    assert "undefined name 'Order'. Did you mean 'order'?" in out
    assert "{{ order.first_name }}" not in out and "e.g. {{ order." in out
    assert "undefined name 'CUSTOMER'. Did you mean 'customer'?" in check(make_pack, "CUSTOMER")


def test_a_misspelling_keeps_its_hint(make_pack: Any) -> None:
    assert "unknown placeholder 'order.numbr'. Did you mean 'order.number'? Declare custom placeholders" \
        in check(make_pack, "order.numbr")
