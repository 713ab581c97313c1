"""SK407 let a reply go out with empty contact fields: a line such as "-Tel:", "- Email:" or "Working hours:" with
nothing after the colon, the template's value never written in. Such a line is now a leftover blank, as a marker is;
a label whose value is on the next line(s), a heading ("Steps:") and a label followed by a blank are not."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.rules.base import Severity

OFF = LintConfig().override(grammar="off")
INTRO = "I'm sorry the app keeps logging you out. You can reach our partner's team directly:\n\n"
OUTRO = "\n\nI'll check back with you on Friday to make sure it's sorted."


def _sk407(text: str, locale: str = "en-US") -> list[str]:
    return [d.text for d in lint_text(text, locale=locale, config=OFF).diagnostics if d.code == "SK407"]


@pytest.mark.parametrize(("fields", "empty"), [
    ("-Tel:\n\n-Email:\n\n-Working hours: ", ["-Tel:", "-Email:", "-Working hours:"]),
    ("- Phone number:\n- E-mail address:\n- Opening hours:", ["- Phone number:", "- E-mail address:",
                                                              "- Opening hours:"]),
    ("Telephone: 0161 496 0000\nFax:\nWebsite: example.com", ["Fax:"]),
    ("* Order number:\n* Tracking number:  ", ["* Order number:", "* Tracking number:"]),
    ("Mobile:\nAddress:", ["Mobile:", "Address:"]),
])
def test_an_empty_contact_field_is_flagged(fields: str, empty: list[str]) -> None:
    text = INTRO + fields + OUTRO
    assert _sk407(text) == empty
    assert all(d.severity == Severity.ERROR for d in lint_text(text, config=OFF).diagnostics if d.code == "SK407")


def test_an_empty_field_in_another_language_is_flagged() -> None:
    text = ("Le rogamos que contacte con el equipo de soporte:\n\n- Tel:\n\n- Correo electrónico:\n\n"
            "- Horario de apertura:\n\nGracias por su paciencia.")
    assert _sk407(text, locale="es-ES") == ["- Tel:", "- Correo electrónico:", "- Horario de apertura:"]


@pytest.mark.parametrize("fields", [
    "Phone:\n  0161 496 0000\nEmail:\n  help@example.com",  # (each value indented under its label)
    "Opening hours:\n- Monday to Friday, 9am to 5pm\n- Saturday, 10am to 2pm",  # (a list under the label)
    "- Address:\n    12 Mill Lane\n    Leeds",
    "Address:\n12 Mill Lane, Leeds LS1 4AB",  # (the value on the very next line)
    "Steps:\n\nHere's what to do:\n\nFirst, sign out and back in.",  # (headings, not fields)
    "Tel: [[phone]]\nEmail: {{ticket.requester.email}}",  # (a blank and a placeholder: told apart already)
    "Our phone line is open in these hours: weekdays only.",
])
def test_a_filled_or_continued_label_is_not_flagged(fields: str) -> None:
    assert not [m for m in _sk407(INTRO + fields + OUTRO) if m.rstrip().endswith(":")]


def test_the_finding_says_the_field_is_empty_and_what_to_do() -> None:
    found = [d for d in lint_text(INTRO + "- Tel:" + OUTRO, config=OFF).diagnostics if d.code == "SK407"]
    assert [d.message for d in found] == ["'Tel:' has nothing after it: the field was never filled in"]
    assert found[0].suggestion == "Write the value in after the colon before sending, or take the line out."
    assert (found[0].location.line, found[0].location.col) == (3, 1)


def test_in_a_macro_the_empty_field_is_told_to_become_a_blank(make_pack: Any) -> None:
    script = ('id: courier\ntitle: Courier\nchannels: [email]\nacknowledgment: "I can see how frustrating this is."\n'
              'solution: "I\'ll pass you to the courier, who can help today.\\n\\nPhone number:\\n\\n'
              'Thanks for bearing with us."\n')
    found = [d for d in lint_pack(load_pack(make_pack({"a.yaml": script}))).diagnostics if d.code == "SK407"]
    assert [(d.text, d.severity, d.suggestion) for d in found] == [
        ("Phone number:", Severity.ERROR, "Write the value in, or declare a blank: {{ blank.phone_number }} after the "
                                          "colon, and under flexibility: blanks: - name: phone_number with a prompt "
                                          "for the agent.")]
