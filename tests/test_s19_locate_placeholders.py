"""A placeholder that is not in the catalogue is told as the one the writer meant: a name is the first
name (the one a greeting uses), never the last name that spelling alone lands on."""

from __future__ import annotations

import pytest

from scriptkit.placeholders import BUILTIN, DEFAULT_CATALOGUE, Catalogue, PlaceholderSpec, nearest_placeholder

MEANT = {
    # what writers type for the customer's first name
    "customer.name": "customer.first_name",
    "customer.fname": "customer.first_name",
    "customer.firstname": "customer.first_name",
    "customer.FirstName": "customer.first_name",
    "customer.firstName": "customer.first_name",
    "customer.first-name": "customer.first_name",
    "customer.First Name": "customer.first_name",
    "customer.forename": "customer.first_name",
    "customer.given_name": "customer.first_name",
    "customer.first": "customer.first_name",
    "customer.nmae": "customer.first_name",
    "customer.frist_name": "customer.first_name",
    "Customer.Name": "customer.first_name",
    "user.name": "customer.first_name",
    "requester.name": "customer.first_name",
    "requester.first_name": "customer.first_name",
    "ticket.requester.name": "customer.first_name",
    "client.name": "customer.first_name",
    "contact.firstName": "customer.first_name",
    "custmer.first_name": "customer.first_name",
    "name": "customer.first_name",
    "fname": "customer.first_name",
    "firstname": "customer.first_name",
    "first-name": "customer.first_name",
    "FirstName": "customer.first_name",
    # the agent's
    "agent.name": "agent.first_name",
    "agent.firstname": "agent.first_name",
    "assignee.name": "agent.first_name",
    # what is meant by the other fields
    "customer.surname": "customer.last_name",
    "customer.lname": "customer.last_name",
    "customer.lastname": "customer.last_name",
    "customer.last_nmae": "customer.last_name",
    "customer.fullname": "customer.full_name",
    "customer.display_name": "customer.full_name",
    "agent.full": "agent.full_name",
    "customer.mail": "customer.email",
    "customer.email_address": "customer.email",
    "customer.emial": "customer.email",
    "order.id": "order.number",
    "order.num": "order.number",
    "order.nubmer": "order.number",
    "ticket.number": "ticket.id",
    "ticket.ID": "ticket.id",
    "ticket.title": "ticket.subject",
    "brand.title": "brand.name",
    "company.name": "brand.name",
}


@pytest.mark.parametrize(("written", "meant"), sorted(MEANT.items()))
def test_the_placeholder_meant(written: str, meant: str) -> None:
    assert DEFAULT_CATALOGUE.nearest(written) == meant


@pytest.mark.parametrize("written", ["customer.phone", "xyz.abc", "zzzz", "", "   "])
def test_nothing_near_is_no_guess(written: str) -> None:
    assert DEFAULT_CATALOGUE.nearest(written) is None


def test_every_placeholder_is_its_own_nearest_and_a_slip_of_it_comes_back() -> None:
    for spec in BUILTIN:
        assert DEFAULT_CATALOGUE.nearest(spec.name) == spec.name
        namespace, field = spec.name.split(".")
        swapped = field[:1] + field[2:3] + field[1:2] + field[3:]  # two letters typed out of order
        assert DEFAULT_CATALOGUE.nearest(f"{namespace}.{swapped}") == spec.name, swapped
        assert DEFAULT_CATALOGUE.nearest(f"{namespace}.{field.upper()}") == spec.name


def test_a_name_never_suggests_a_last_or_full_name_where_a_first_name_is_known() -> None:
    for written in ("name", "fname", "firstname", "forename", "first_name", "first", "given"):
        for namespace in ("customer", "agent", "requester", "user"):
            found = DEFAULT_CATALOGUE.nearest(f"{namespace}.{written}")
            assert found is not None and found.endswith(".first_name"), (namespace, written, found)


def test_a_packs_own_placeholders_are_among_those_meant() -> None:
    catalogue = Catalogue([PlaceholderSpec("customer.loyalty_tier", "The customer's tier", "Gold")])
    assert catalogue.nearest("customer.loyalty_teir") == "customer.loyalty_tier"
    assert catalogue.nearest("customer.name") == "customer.first_name"
    # a pack whose customer has only a full name: a name is that
    assert nearest_placeholder("customer.name", ["customer.full_name", "customer.email"]) == "customer.full_name"
    # a pack that names it 'name' itself keeps it
    assert nearest_placeholder("customer.name", ["customer.name", "customer.first_name"]) == "customer.name"
