"""SK001 on a placeholder after a label ("Status: {{ ticket.subject }}.") says so, and advises a fallback."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main


def sk001(make_pack: Any, solution: str) -> list[tuple[str, str]]:
    script = ("id: status\ntitle: Status\nacknowledgment: \"I can see how frustrating this wait has been.\"\n"
              f"solution: \"{solution}\"\n")
    root = make_pack({"status.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    return [(d["message"], d["suggestion"]) for d in json.loads(result.output)["diagnostics"] if d["code"] == "SK001"]


def test_a_placeholder_after_a_label_is_said_to_be_after_a_colon(make_pack: Any) -> None:
    [(message, suggestion)] = sk001(make_pack, "I've checked your case today. Status: {{ ticket.subject }}. "
                                               "I'll write again by Friday.")
    assert message == ("ticket.subject has no fallback after a colon: if the ticket's subject line is missing, "
                       "the reply reads 'Status: .'")
    # (before: "Reword so the sentence reads without it, e.g. 'Status:.'")
    assert suggestion == ("Add a fallback that reads after 'Status:': {{ ticket.subject | fallback('...') }}, "
                          "or reword so the sentence reads without it.")


def test_a_placeholder_opening_a_sentence_is_still_at_its_start(make_pack: Any) -> None:
    [(message, _)] = sk001(make_pack, "I've checked it today. {{ ticket.subject }} is with our team, and I'll "
                                      "write by Friday.")
    assert "at the start of a sentence" in message


def test_a_name_after_a_label_and_a_label_with_two_spaces_are_after_a_colon(make_pack: Any) -> None:
    found = sk001(make_pack, "I've checked it today. Account holder: {{ customer.first_name }}. "
                             "Ref:  {{ ticket.subject }} is open, and I'll write by Friday.")
    assert [m.split(":")[0] for m, _ in found] == ["customer.first_name has no fallback after a colon",
                                                   "ticket.subject has no fallback after a colon"]
    # (a name's "there" reads after "Hi", not after a label)
    assert found[0][1].startswith("Add a fallback that reads after 'Account holder:': "
                                  "{{ customer.first_name | fallback('...') }}")
