"""Placeholder dialects back to the catalogue; foreign styles kept as blanks; HTML to text."""

from __future__ import annotations

import pytest

from scriptkit.importers.dialects import BlankPiece, PlaceholderPiece, TextPiece, parse_body
from scriptkit.importers.html import html_to_text

SPELLINGS = [
    ("zendesk", "{{ticket.requester.first_name}}", "customer.first_name"),
    ("zendesk", "{{current_user.name}}", "agent.full_name"),
    ("zendesk", "{{ticket.brand.name}}", "brand.name"),
    ("freshdesk", "{{ticket.requester.firstname}}", "customer.first_name"),
    ("freshdesk", "{{ticket.portal_name}}", "brand.name"),
    ("helpscout", "{%customer.firstName%}", "customer.first_name"),
    ("helpscout", "{%conversation.number%}", "ticket.id"),
    ("intercom", "{{user.first_name}}", "customer.first_name"),
    ("intercom", "{{ teammate.name }}", "agent.full_name"),
    ("intercom", "{{first_name}}", "customer.first_name"),  # the attribute names of Intercom's own editor
    ("intercom", "{{ name }}", "customer.full_name"),
    ("intercom", "{{email}}", "customer.email"),
    ("gorgias", "{{ticket.customer.firstname}}", "customer.first_name"),
    ("gorgias", "{{current_user.firstname}}", "agent.first_name"),
    ("front", "{{recipient.name}}", "customer.full_name"),
    ("front", "{{conversation.ticket_id}}", "ticket.id"),
    ("generic", "{{customer.first_name}}", "customer.first_name"),
    ("generic", "{!Contact.FirstName}", "customer.first_name"),
]


@pytest.mark.parametrize(("dialect", "spelling", "canonical"), SPELLINGS)
def test_each_helpdesk_spelling_maps_to_the_catalogue(dialect: str, spelling: str, canonical: str) -> None:
    pieces = parse_body(f"Hi {spelling}, thanks.", dialect, dialect)
    assert pieces == [TextPiece("Hi "), PlaceholderPiece(canonical, None, spelling), TextPiece(", thanks.")]


@pytest.mark.parametrize(("dialect", "spelling"), [
    ("intercom", '{{user.first_name|fallback:"friend"}}'),
    ("intercom", "{{user.first_name | fallback: 'friend'}}"),
    ("intercom", '{{first_name|fallback:"friend"}}'),
    ("intercom", '{{ first_name | fallback: "friend" }}'),
    ("helpscout", "{%customer.firstName,fallback=friend%}"),
    ("zendesk", "{% if ticket.requester.first_name != blank %}{{ticket.requester.first_name}}"
                "{% else %}friend{% endif %}"),
    ("zendesk", "{% if ticket.requester.first_name and ticket.requester.first_name != blank %}"
                "{{ticket.requester.first_name}}{% else %}friend{% endif %}"),
    ("gorgias", '{{ticket.customer.firstname|default("friend")}}'),
])
def test_fallbacks_are_kept(dialect: str, spelling: str) -> None:
    (piece,) = [p for p in parse_body(f"Hi {spelling},", dialect, dialect) if not isinstance(p, TextPiece)]
    assert piece == PlaceholderPiece("customer.first_name", "friend", spelling)


@pytest.mark.parametrize(("text", "original", "hint"), [
    ("Dear [Customer Name], hello", "[Customer Name]", "customer_name"),
    ("Amount: [AMOUNT] today", "[AMOUNT]", "amount"),
    ("Hi {name}, hello", "{name}", "name"),
    ("Hi {team/partner} hello", "{team/partner}", "team_partner"),
    ("Dear Mr. xxxlastxnamexxx, hello", "xxxlastxnamexxx", "last_name"),
    ("Hey @{{ author }}! hello", "{{ author }}", "author"),
    ("See #<insert issue> here", "<insert issue>", "insert_issue"),
    ("Total ${amount} due", "${amount}", "amount"),
    ("Replace [[delivery date]] now", "[[delivery date]]", "delivery_date"),
    ("Value {{ticket.requester.custom_fields.plan}} here", "{{ticket.requester.custom_fields.plan}}", "plan"),
    ("Your code is XXXXXXX today", "XXXXXXX", "fill_in"),
    ("Sign here: ______ please", "______", "fill_in"),
])
def test_foreign_and_unknown_styles_are_kept_as_blanks(text: str, original: str, hint: str) -> None:
    pieces = parse_body(text, "generic", "source")
    blanks = [p for p in pieces if isinstance(p, BlankPiece)]
    assert [b.original for b in blanks] == [original]
    assert blanks[0].hint == hint and blanks[0].reason
    # nothing dropped: the pieces still spell the whole text
    assert "".join(p.text if isinstance(p, TextPiece) else p.original for p in pieces) == text


@pytest.mark.parametrize("text", [
    "See [the docs](https://example.test/docs) for more.",
    "Tick [x] when done [1].",
    "Use a map {1: 2} here.",
    "Plain text with no fill-ins at all.",
    "Boxes XL and XXL, a snake_case name, and Xx in a word.",
])
def test_ordinary_text_is_not_a_blank(text: str) -> None:
    assert parse_body(text, "generic", "source") == [TextPiece(text)]


def test_a_helpdesk_s_own_field_stays_a_placeholder_and_liquid_logic_becomes_a_blank() -> None:
    pieces = parse_body("A {{dc.greeting}} B {% if ticket.priority == 'urgent' %}Right away!{% endif %} C "
                        "{{ticket.requester.first_name | capitalize}} D {{ticket.tags[0]}}", "zendesk", "Zendesk")
    own = [p for p in pieces if isinstance(p, PlaceholderPiece)]
    assert own == [PlaceholderPiece("zendesk.dc_greeting", None, "{{dc.greeting}}", "dc.greeting")]
    blanks = [p for p in pieces if isinstance(p, BlankPiece)]
    assert [b.original for b in blanks] == ["{% if ticket.priority == 'urgent' %}Right away!{% endif %}",
                                            "{{ticket.requester.first_name | capitalize}}", "{{ticket.tags[0]}}"]
    assert [b.reason for b in blanks] == ["Zendesk template logic",
                                          "Zendesk placeholder with a filter scriptkit cannot keep (| capitalize)",
                                          "unknown Zendesk placeholder"]


def test_a_helpdesk_s_own_field_keeps_its_liquid_fallback() -> None:
    spelling = "{% if dc.greeting != blank %}{{dc.greeting}}{% else %}Hello{% endif %}"
    (piece,) = [p for p in parse_body(f"{spelling} there", "freshdesk", "Freshdesk") if not isinstance(p, TextPiece)]
    assert piece == PlaceholderPiece("freshdesk.dc_greeting", "Hello", spelling, "dc.greeting")


def test_html_paragraphs_lines_lists_links_and_entities() -> None:
    html = ("<div><p>Hi&nbsp;Sam,</p><p>First   line<br>second line</p><ul><li>one</li><li>two</li></ul>"
            '<p>Read <a href="https://example.test/help">our guide</a> &amp; reply.</p>'
            "<script>alert(1)</script><style>p{color:red}</style><p>Bye &lt;3</p></div>")
    assert html_to_text(html) == ("Hi Sam,\n\nFirst line\nsecond line\n\n- one\n- two\n\n"
                                  "Read [our guide](https://example.test/help) & reply.\n\nBye <3")


def test_html_soup_still_gives_clean_text() -> None:
    soup = "<p>Unclosed <b>bold <i>mixed</b> tags<p>next <div>para</span></td> </table>text &bogus; &#x41;"
    text = html_to_text(soup)
    assert "<" not in text and ">" not in text
    assert text.split("\n\n") == ["Unclosed bold mixed tags", "next", "para", "text &bogus; A"]


def test_intercom_attribute_tags_become_placeholders() -> None:
    text = html_to_text('<p>Hi <attribute key="user.first_name" default="there"/>, order <attribute key="x.y"/>.</p>')
    assert text == 'Hi {{user.first_name|fallback:"there"}}, order {{x.y}}.'


@pytest.mark.parametrize(("dialect", "spelling", "style"), [
    ("generic", "{!Contact.Salutation}", "({! … })"),
    ("generic", "{{ticket.requester.plan}}", "({{ … }})"),
])
def test_an_unmapped_placeholder_names_its_style(dialect: str, spelling: str, style: str) -> None:
    (blank,) = [p for p in parse_body(f"Dear {spelling}, hello", dialect, "source") if isinstance(p, BlankPiece)]
    assert blank.reason == f"placeholder in a style scriptkit cannot map {style}"


def test_a_bare_name_is_intercom_s_only() -> None:
    """{{name}} is the customer in an Intercom export; in a generic library it could be anyone's."""
    (blank,) = [p for p in parse_body("Hi {{name}}, hello", "generic", "source") if isinstance(p, BlankPiece)]
    assert blank.original == "{{name}}"


def test_salesforce_formulas_are_never_left_as_text() -> None:
    """A merge formula read as text would reach customers as '{!BLANKVALUE(...)}' in any other helpdesk."""
    spelling = '{!BLANKVALUE(Contact.FirstName, "there")}'
    (piece,) = [p for p in parse_body(f"Hi {spelling}, thanks.", "generic", "source") if not isinstance(p, TextPiece)]
    assert piece == PlaceholderPiece("customer.first_name", "there", spelling)
    (blank,) = [p for p in parse_body("Sent {!TEXT(Case.CreatedDate)} today.", "generic", "source")
                if not isinstance(p, TextPiece)]
    assert isinstance(blank, BlankPiece) and blank.original == "{!TEXT(Case.CreatedDate)}"
    assert blank.reason == "placeholder in a style scriptkit cannot map ({! … })"


def test_a_known_placeholder_with_a_filter_says_why_it_is_a_blank() -> None:
    (blank,) = [p for p in parse_body("Hi {{ticket.requester.first_name | capitalize}},", "zendesk", "Zendesk")
                if isinstance(p, BlankPiece)]
    assert blank.reason == "Zendesk placeholder with a filter scriptkit cannot keep (| capitalize)"
    assert blank.hint == "requester_first_name"
