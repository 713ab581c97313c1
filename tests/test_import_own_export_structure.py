"""scriptkit's own helpdesk exports, imported back, give back the pack's structure: the alternatives and other
phrasings the Zendesk export writes into a macro's description are the script's again, a channel's own copy of
the script (its SMS text) is joined back to it, and so are Intercom's per-channel copies. A team's own description
that merely has a line starting 'Alternative' stays guidance."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library
from scriptkit.importers.convert import flat_text

PACK = """name: Bakery
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hello {{ customer.first_name | fallback('friend') }},"
    signoff: "Best, {{ agent.first_name }}"
  chat:
    greeting: "Hello!"
"""

SCRIPT = """id: cake-late
title: Cake arrived late
channels: [email, chat, sms]
tags: [cakes]
acknowledgment:
  - "I know a late birthday cake spoils the plan you made."
  - "A cake that comes after the party is a real letdown, {{ customer.first_name | fallback('friend') }}."
warm_language: "Thank you for telling us straight away."
flexibility:
  guidance: Offer a voucher when the cake was for a wedding.
  blanks:
    - name: refund_day
      prompt: The day the refund reaches their card
  alternatives:
    - label: They want their money back
      text: "I have refunded it, {{ customer.first_name | fallback('friend') }}; it shows by {{ blank.refund_day }}."
  conditions:
    - when: they ordered for a party tonight
      text: "Our shop on Mill Lane can have one ready by six."
solution: "I have sent a fresh cake by courier, and it will be with you before noon tomorrow."
by_channel:
  sms:
    acknowledgment: "Sorry the cake came late."
    warm_language: ""
    solution: "A fresh cake reaches you before noon tomorrow."
"""


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "bakery"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "cake-late.yaml").write_text(SCRIPT, encoding="utf-8")
    return pack


def _exported(tmp_path: Path, target: str, bundle: str) -> Path:
    export(_pack(tmp_path), [target], tmp_path / "out", lint=False)
    return tmp_path / "out" / target / bundle


def test_zendesk_description_gives_back_alternatives_and_other_phrasings(tmp_path: Path) -> None:
    library = import_library(_exported(tmp_path, "zendesk", "macros.json"))
    (macro,) = library.macros  # (the chat and SMS macros joined back to their script)
    assert macro.raw.guidance == "Offer a voucher when the cake was for a wedding."
    ((label, alternative),) = macro.alternatives
    assert label == "They want their money back"
    names = {b.original: n for n, b in macro.blanks.items()}
    assert flat_text(alternative, names) == \
        "I have refunded it, {{customer.first_name}}; it shows by [[refund_day]]."
    assert any(getattr(p, "fallback", None) == "friend" for p in alternative)
    ((when, condition),) = macro.conditions
    assert (when, flat_text(condition)) == ("they ordered for a party tonight",
                                            "Our shop on Mill Lane can have one ready by six.")
    (other,) = macro.variants["acknowledgment"]
    # (the greeting the import placed in the slot stays in front of the other phrasing)
    assert flat_text(other) == ("Hello {{customer.first_name}},\n\n"
                                "A cake that comes after the party is a real letdown, {{customer.first_name}}.")
    pack = library.write(tmp_path / "back")
    written = (pack / "scripts" / f"{macro.id}.yaml").read_text(encoding="utf-8")
    # (the chat reply, one paragraph, has no acknowledgment of its own to give another option: none is made up)
    assert all(len(options) == 1 for options in macro.by_channel["chat"].values())
    assert "Alternative (" not in written and "Or say (" not in written
    assert "label: They want their money back" in written
    assert "channels: [email, chat, sms]" in written


def test_a_channels_copy_with_fewer_notes_is_joined_back(tmp_path: Path) -> None:
    """The SMS macro's description lacks the other phrasing and a blank's line the email one has."""
    bundle = _exported(tmp_path, "zendesk", "macros.json")
    descriptions = [m["description"] for m in json.loads(bundle.read_text(encoding="utf-8"))["macros"]]
    assert len(set(descriptions)) > 1  # (the copy's description differs: the case this test is about)
    (macro,) = import_library(bundle).macros
    assert sorted([macro.raw.channel or "email", *macro.raw.more_channels]) == ["chat", "email", "sms"]
    assert flat_text([p for option in macro.by_channel["sms"].values() for o in option for p in o]).count(
        "Sorry the cake came late.") == 1


def test_intercom_channel_copies_are_joined_into_one_script(tmp_path: Path) -> None:
    library = import_library(_exported(tmp_path, "intercom", "macros.json"))
    (macro,) = library.macros
    assert [macro.raw.channel, *macro.raw.more_channels] == ["email", "chat", "sms"]
    pack = library.write(tmp_path / "back")
    written = (pack / "scripts" / f"{macro.id}.yaml").read_text(encoding="utf-8")
    assert "channels: [email, chat, sms]" in written


def test_a_teams_own_alternative_line_stays_guidance(tmp_path: Path) -> None:
    description = ("Use for late cakes.\nAlternative (refund): offer the money back if they ask.\n"
                   "Or say (acknowledgment): Sorry it was late.")
    bundle = tmp_path / "macros.json"
    bundle.write_text(json.dumps({"macros": [{
        "id": 7, "title": "Late cake", "description": description,
        "actions": [{"field": "comment_value", "value": "Sorry the cake was late. A new one comes tomorrow."}],
    }]}), encoding="utf-8")
    (macro,) = import_library(bundle).macros
    assert macro.raw.guidance == description
    assert not macro.alternatives and not macro.variants


def test_an_imported_zendesk_pack_exported_again_reads_the_same(tmp_path: Path) -> None:
    def structure(bundle: Path) -> tuple[object, ...]:
        (macro,) = import_library(bundle).macros
        return (macro.raw.guidance, [(label, flat_text(a)) for label, a in macro.alternatives],
                [(when, flat_text(c)) for when, c in macro.conditions],
                {slot: [flat_text(o) for o in options] for slot, options in macro.variants.items()},
                sorted(macro.raw.more_channels))

    first = _exported(tmp_path, "zendesk", "macros.json")
    import_library(first).write(tmp_path / "back")
    export(tmp_path / "back", ["zendesk"], tmp_path / "again", lint=False)
    assert structure(tmp_path / "again" / "zendesk" / "macros.json") == structure(first)
