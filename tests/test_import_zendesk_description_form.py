"""A Zendesk description is read back as scriptkit's notes (alternatives, conditions, other phrasings) only when
it is wholly in the form scriptkit's export writes: every line one of its lines, in the order it writes them.
A team's own description that merely resembles it stays guidance, and one read as structure says so in the
imported file's header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import import_library

REPLY = "Sorry your order is late. It leaves the warehouse tomorrow morning."


def _imported(tmp_path: Path, description: str):  # type: ignore[no-untyped-def]
    bundle = tmp_path / "macros.json"
    bundle.write_text(json.dumps({"macros": [{
        "id": 41, "title": "Late order", "description": description,
        "actions": [{"field": "comment_value", "value": REPLY}],
    }]}), encoding="utf-8")
    library = import_library(bundle)
    (macro,) = library.macros
    return library, macro


@pytest.mark.parametrize("description", [
    "Or say (acknowledgment): I hear you.\nNote to agents: never send this on weekends.",
    # (out of scriptkit's order: it writes the other phrasings after the alternatives)
    "Or say (acknowledgment): I hear you.\nAlternative (refund): We have refunded it.",
    # (scriptkit writes one guidance line, first)
    "Alternative (refund): We have refunded it.\nGuidance: Check the courier first.",
])
def test_a_teams_description_that_resembles_the_form_stays_guidance(tmp_path: Path, description: str) -> None:
    _, macro = _imported(tmp_path, description)
    assert macro.raw.guidance == description
    assert not macro.alternatives and not macro.conditions and not macro.variants
    assert not any("scriptkit's own" in note for note in macro.notes)


def test_a_description_in_scriptkits_form_is_read_and_said_so(tmp_path: Path) -> None:
    description = ("Guidance: Check the courier first.\n"
                   "Alternative (refund): We have refunded it.\n"
                   "If it was a gift: We can add a card.\n"
                   "Replace [[new day]]: The day it leaves")
    library, macro = _imported(tmp_path, description)
    # (the blank's line, for a blank the reply does not hold, is put back in the guidance by the converter)
    assert macro.raw.guidance == "Check the courier first.\nReplace [[new day]]: The day it leaves"
    assert [label for label, _ in macro.alternatives] == ["refund"]
    assert [when for when, _ in macro.conditions] == ["it was a gift"]
    (note,) = [n for n in macro.notes if "scriptkit's own" in n]
    assert "1 alternative" in note and "1 condition" in note
    written = (library.write(tmp_path / "pack") / "scripts" / f"{macro.id}.yaml").read_text(encoding="utf-8")
    assert f"# Note: {note}" in written


def test_a_lone_alternative_line_is_scriptkits_form_and_the_header_says_so(tmp_path: Path) -> None:
    """A one-line 'Alternative (...): ...' is what scriptkit writes for a script with one alternative and no
    guidance: it cannot be told from a team's own line, so it is read, and the note asks a lead to check it."""
    _, macro = _imported(tmp_path, "Alternative (VIP customers): escalate to tier 2 before replying.")
    assert [label for label, _ in macro.alternatives] == ["VIP customers"]
    (note,) = [n for n in macro.notes if "scriptkit's own" in n]
    assert "1 alternative" in note and "guidance" in note
