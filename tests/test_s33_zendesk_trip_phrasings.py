"""A pack with other phrasings, alternatives and chat and SMS copies, exported to Zendesk, imported and exported
again, gives the same macros: a chat copy's reply is one paragraph, so its import has no acknowledgment to give
the description's 'Or say (acknowledgment)' line to, and the export now lists it again from the script's first
channel; and a reply whose acknowledgment the slot guesser read as warm language keeps its acknowledgment when the
description names another phrasing of it, so that line is not read back as guidance."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library
from scriptkit.importers.convert import _monotone

PACK = """\
name: Trip pack
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: |
      Best,
      {{ agent.first_name }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('there') }}, it's {{ agent.first_name }} here."
  sms:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
    signoff: "- {{ agent.first_name }}"
"""

BIKE = """\
id: bike-repair
title: "Repairs::Bike not ready"
channels: [email, chat, sms]
acknowledgment:
  - "I'm sorry your bike isn't ready when you planned to ride it this weekend."
  - "Finding your {{ blank.bike_model }} still on the stand is disappointing, and I understand."
warm_language: "Thank you for checking in with us."
flexibility:
  guidance: "Look up the part order before replying."
  blanks:
    - name: bike_model
      prompt: The bike's make and model
    - name: ready_day
      prompt: The day it will be ready
  alternatives:
    - label: Part is back-ordered
      text: "The part is back-ordered, so I've lent you a loaner bike at no charge until yours is done."
solution: >
  Your bike will be ready on {{ blank.ready_day }}. I'll text you the moment it's done, and the tune-up is free.
by_channel:
  sms:
    acknowledgment: "Sorry your bike is late."
    warm_language: ""
    solution: "It'll be ready {{ blank.ready_day }}. I'll text you then."
"""


def _macros(path: Path) -> list[dict[str, object]]:
    return sorted(json.loads(path.read_text(encoding="utf-8"))["macros"], key=lambda m: str(m["title"]))


def _round_trip(pack: Path, tmp_path: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    export(pack, ["zendesk"], tmp_path / "one", lint=False)
    again = import_library(tmp_path / "one" / "zendesk" / "macros.json", "zendesk").write(tmp_path / "pack")
    export(again, ["zendesk"], tmp_path / "two", lint=False)
    return _macros(tmp_path / "one" / "zendesk" / "macros.json"), _macros(tmp_path / "two" / "zendesk" / "macros.json")


def test_chat_copy_keeps_its_other_phrasing_line(tmp_path: Path) -> None:
    pack = tmp_path / "src"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "bike.yaml").write_text(BIKE, encoding="utf-8")
    first, again = _round_trip(pack, tmp_path)
    chat = next(m for m in first if m["title"] == "Repairs::Bike not ready (chat)")
    assert "Or say (acknowledgment): Finding your [[bike model]] still on the stand is disappointing, and I " \
           "understand." in str(chat["description"]).split("\n")
    sms = next(m for m in first if m["title"] == "Repairs::Bike not ready (sms)")
    assert "Or say" not in str(sms["description"])  # (its own acknowledgment has no other phrasing)
    assert [m.get("description") for m in again] == [m.get("description") for m in first]
    assert again == first


def test_a_named_phrasing_keeps_its_slot_filled_where_the_paragraphs_allow() -> None:
    # greeting (no slot's), a paragraph read as warm language, one read as a solution: unasked, nothing is
    # the acknowledgment; asked to fill it, the first paragraphs are, and the solution stays the solution's
    cost = [[0.0, 0.0, 0.0], [0.7, 0.0, 0.7], [0.9, 0.9, 0.0]]
    assert _monotone(cost) == [1, 1, 2]
    assert _monotone(cost, required=frozenset({0, 1, 2})) == [0, 1, 2]
    assert _monotone(cost, required=frozenset({0, 2})) == [0, 1, 2]  # (the warm language costs nothing there)
    # one paragraph cannot fill two slots: the unasked choice stands
    assert _monotone([[0.5, 0.5, 0.0]], required=frozenset({0, 2})) == [2]


def test_a_greeting_alone_does_not_fill_a_named_slot() -> None:
    # a greeting read as no slot's, two paragraphs read as warm language, one as a solution
    cost = [[0.0, 0.0, 0.0], [0.7, 0.0, 0.7], [0.7, 0.0, 0.7], [0.9, 0.9, 0.0]]
    own = [False, True, True, True]
    assert _monotone(cost, frozenset({0, 1, 2}), own) == [0, 0, 1, 2]
    # two paragraphs of text for three slots: the unasked choice stands
    assert _monotone(cost[:3], frozenset({0, 1, 2}), own[:3]) == [1, 1, 1]
