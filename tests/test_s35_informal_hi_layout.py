"""Germans and Dutch write "Hi" and "Hey" to customers too: a de-DE pack greeting with
"Hi {{ customer.first_name | fallback('zusammen') }}," or "Hey du!", and an nl-NL one with "Hi,", was told
its layout "reads as English" (SK015). The words after "Hi" decide now; "Hello", "Dear" and English closings
are still reported."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

REPLIES = {
    "de-DE": ("id: spaet\ntitle: Verspätet\nchannels: [email, chat]\n"
              "acknowledgment: Es tut mir wirklich leid, dass dein Paket noch nicht bei dir angekommen ist.\n"
              "solution: Ich habe dir heute ein neues Paket geschickt und schreibe dir die Sendungsnummer.\n"),
    "nl-NL": ("id: laat\ntitle: Te laat\nchannels: [email, chat]\n"
              "acknowledgment: Het spijt me echt dat je pakket nog niet bij je is aangekomen.\n"
              "solution: Ik heb vandaag een nieuw pakket voor je verstuurd en ik stuur je de code.\n"),
}
GERMAN_SIGNOFF = "Viele Grüße\n{{ agent.first_name }}"
DUTCH_SIGNOFF = "Groeten,\n{{ agent.first_name }}"


def sk015(make_pack: Any, locale: str, greeting: str, signoff: str) -> list[str]:
    pack_yaml = (f"name: Pakete\nlocale: {locale}\nchannels:\n  email:\n    greeting: {json.dumps(greeting)}\n"
                 f"    signoff: {json.dumps(signoff)}\n  chat:\n    greeting: {json.dumps(greeting)}\n")
    root = make_pack({"a.yaml": REPLIES[locale]}, pack_yaml=pack_yaml)
    result = lint_pack(load_pack(root), LintConfig().override(grammar="off"))
    return [d.message for d in result.diagnostics if d.code == "SK015"]


@pytest.mark.parametrize(("locale", "greeting", "signoff"), [
    ("de-DE", "Hi {{ customer.first_name | fallback('zusammen') }},", GERMAN_SIGNOFF),
    ("de-DE", "Hey du!", GERMAN_SIGNOFF),
    ("de-DE", "Hi {{ customer.first_name }},", GERMAN_SIGNOFF),
    ("de-DE", "Hey {{ customer.first_name | fallback('ihr Lieben') }}!", GERMAN_SIGNOFF),
    ("nl-NL", "Hi,", DUTCH_SIGNOFF),
    ("nl-NL", "Hoi {{ customer.first_name | fallback('allemaal') }},", DUTCH_SIGNOFF),
    ("nl-NL", "Hey {{ customer.first_name | fallback('allemaal') }}!", DUTCH_SIGNOFF),
])
def test_an_informal_hi_in_german_or_dutch_is_not_english(make_pack: Any, locale: str, greeting: str,
                                                          signoff: str) -> None:
    assert sk015(make_pack, locale, greeting, signoff) == []


@pytest.mark.parametrize(("greeting", "signoff", "shown"), [
    ("Hi {{ customer.first_name | fallback('there') }},", GERMAN_SIGNOFF, "'Hi there,'"),
    ("Hey everyone!", GERMAN_SIGNOFF, "'Hey everyone!'"),
    ("Hello {{ customer.first_name }},", GERMAN_SIGNOFF, "'Hello {{ customer.first_name }},'"),
    ("Dear {{ customer.first_name | fallback('customer') }},", GERMAN_SIGNOFF, "'Dear customer,'"),
    ("Hallo {{ customer.first_name }},", "Kind regards,\n{{ agent.first_name }}", "'Kind regards,'"),
    ("Hallo {{ customer.first_name }},", "Warm wishes,\n{{ agent.first_name }}", "'Warm wishes,'"),
    ("Hallo {{ customer.first_name }},", "Best wishes,\n{{ agent.first_name }}", "'Best wishes,'"),
])
def test_english_greetings_and_closings_are_still_reported(make_pack: Any, greeting: str, signoff: str,
                                                           shown: str) -> None:
    found = sk015(make_pack, "de-DE", greeting, signoff)
    assert found and all(shown in message for message in found), found
