"""A German pack made with `scriptkit init` kept the English layouts init writes in full: every German reply opened
"Hi Maya," and closed "Warm wishes,", and `check` said nothing, as SK015 named only channels with no layout. SK015
now reports a layout's greeting or sign-off that reads as English in a pack whose locale is not, at its line; and
the advice of SK001 and SK504 no longer offers English words ("Hello,", fallback('there')) to such a pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

GERMAN = ("id: groesse\ntitle: Größe tauschen\nchannels: [email, chat, sms]\n"
          "acknowledgment: Es tut mir leid, dass die Größe nicht passt, das ist wirklich ärgerlich.\n"
          "solution: Ich tausche die Schuhe heute für Sie um und schicke Ihnen die Sendungsnummer.\n")
ENGLISH = ("id: late\ntitle: Late\nchannels: [email, chat]\n"
           "acknowledgment: I'm so sorry your parcel is late, and I know you needed it this week.\n"
           "solution: I've sent a new one by courier today and I'll email you the tracking number.\n")
INIT_LAYOUTS = """channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: |
      Warm wishes,
      {{ agent.first_name }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
  phone:
    greeting: "Thanks for calling, this is {{ agent.first_name }}."
    signoff: "Is there anything else I can help with today?"
"""


def _found(root: Path, *codes: str) -> list[Any]:
    config = LintConfig(select=tuple(Selector(c) for c in codes))
    return lint_pack(load_pack(root), config).diagnostics


def test_the_english_layouts_init_writes_are_reported_in_a_german_pack_at_their_lines(make_pack: Any) -> None:
    root = make_pack({"groesse.yaml": GERMAN}, pack_yaml="name: Schuhe\nlocale: de-DE\n" + INIT_LAYOUTS)
    found = _found(root, "SK015")
    assert [(Path(d.location.file).name, d.location.line) for d in found] == [("pack.yaml", 5), ("pack.yaml", 10)]
    email, chat = found
    assert "email" in email.message and "'Hi there,'" in email.message and "'Warm wishes,'" in email.message
    assert "German" in email.suggestion and "chat" in chat.message and "Warm" not in chat.message
    # (phone sends no German reply: its English layout is not this pack's problem yet)
    assert not any("phone" in d.message for d in found)


def test_english_words_of_the_writer_own_are_told_by_their_greeting_or_closing(make_pack: Any) -> None:
    root = make_pack({"groesse.yaml": GERMAN}, pack_yaml=(
        "name: Schuhe\nlocale: de-DE\nchannels:\n  email:\n    greeting: 'Hallo {{ customer.first_name }},'\n"
        "    signoff: \"Best regards,\\n{{ agent.first_name }}\"\n  chat:\n    greeting: 'Hello!'\n"
        "    signoff: '- {{ agent.first_name }}'\n  sms:\n    greeting: 'Moin!'\n"))
    found = _found(root, "SK015")
    assert [(d.location.line, d.text) for d in found] == [(6, "Best regards,\n{{ agent.first_name }}"),
                                                          (8, "Hello!")]
    assert "sign-off" in found[0].message and "greeting" in found[1].message


def test_german_layouts_and_english_packs_are_left_alone(make_pack: Any) -> None:
    german = make_pack({"groesse.yaml": GERMAN}, pack_yaml=(
        "name: Schuhe\nlocale: de-DE\nchannels:\n  email:\n"
        "    greeting: \"Hallo {{ customer.first_name | fallback('und guten Tag') }},\"\n"
        "    signoff: \"Viele Grüße\\n{{ agent.first_name }}\"\n  chat:\n    greeting: ''\n"))
    assert _found(german, "SK015") == []
    english = make_pack({"late.yaml": ENGLISH}, pack_yaml="name: Support\nlocale: en-GB\n" + INIT_LAYOUTS)
    assert _found(english, "SK015") == []


def test_a_helpdesk_layout_in_english_is_reported_at_its_line(make_pack: Any) -> None:
    root = make_pack({"groesse.yaml": GERMAN}, pack_yaml=(
        "name: Schuhe\nlocale: de-DE\nchannels:\n  email:\n    greeting: 'Hallo,'\n    signoff: 'Viele Grüße'\n"
        "  chat:\n    greeting: ''\nexport:\n  front:\n    layouts:\n      email:\n        greeting: 'Hello,'\n"))
    (diag,) = _found(root, "SK015")
    assert (diag.location.line, diag.text) == (13, "Hello,") and "front" in diag.message


def test_sk001_offers_no_english_fallback_to_a_german_pack(make_pack: Any) -> None:
    root = make_pack({"groesse.yaml": GERMAN}, pack_yaml=(
        "name: Schuhe\nlocale: de-DE\nchannels:\n  email:\n    greeting: 'Hallo {{ customer.first_name }},'\n"
        "    signoff: 'Viele Grüße'\n  chat:\n    greeting: ''\n"))
    (diag,) = _found(root, "SK001")
    assert "there" not in diag.suggestion and "Hello" not in diag.suggestion
    assert "German" in diag.suggestion and "fallback('" in diag.suggestion
    english = make_pack({"late.yaml": ENGLISH}, pack_yaml=(
        "name: Support\nlocale: en-US\nchannels:\n  email:\n    greeting: 'Hi {{ customer.first_name }},'\n"))
    (diag,) = _found(english, "SK001")
    assert "fallback('there')" in diag.suggestion


def test_sk504_offers_no_english_greeting_to_a_german_pack() -> None:
    from scriptkit.targets.base import lost_fallback_hint
    from scriptkit.targets.layouts import example

    assert '"Hello,"' in example("front", "email")
    german = example("front", "email", locale="de-DE")
    assert "Hello" not in german and "German" in german and german.startswith("export: {front: {layouts: {email:")
    assert "Warm" not in example("front", "email", "signoff", locale="de-DE")
    assert "Hello" not in lost_fallback_hint("front", "email", "greeting", "de-DE")
    assert "Hello" in lost_fallback_hint("front", "email", "greeting", "en-GB")
