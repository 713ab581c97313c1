"""review sends a pasted helpdesk placeholder or fill-in marker to LanguageTool as a stand-in word, as check does
with a pack's placeholders. Against the session's real LanguageTool server."""

from __future__ import annotations

import scriptkit
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)


def test_pasted_placeholders_raise_no_grammar_findings(lt_url, grammar_cache) -> None:  # noqa: F811
    # SK901 on '%customer', 'firstName', 'there%' and SK903 inside '{{ order.number }}'
    reply = ("Hi {%customer.firstName,fallback=there%},\n\nI am so sorry that order {{ order.number }} is late. "
             "I have sent a new one to {{ticket.requester.first_name}} today, and I recieved your note.\n\n"
             "Best,\nJo\n")
    found = [d for d in scriptkit.lint_text(reply, grammar=lt_url).diagnostics if d.code.startswith("SK9")]
    assert [(d.code, d.text) for d in found] == [("SK901", "recieved")], found
