"""A suppression naming a team rule by the code its place in the list gives it (SK801, SK802...), or a team code no
rule has, gets a located note saying to write the rule's name: reordered rules would silently switch off another."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.diagnostics import Diagnostic, Severity
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = ("name: Test pack\nrules:\n  select: [custom]\n  custom:\n"
        "    - {name: say-refund, kind: substitution, swap: {store credit: refund}}\n"
        "    - {name: no-unfortunately, kind: existence, terms: [unfortunately], severity: error}\n"
        "    - {name: no-sadly, code: SK850, kind: existence, terms: [sadly]}\n")
HEAD = 'id: late\ntitle: Late\nchannels: [email]\nacknowledgment: "I can see how frustrating this is."\n'
LINE = 'solution: "Unfortunately, sadly, I can offer store credit."  '


def lint(make_pack: Any, script: str) -> list[Diagnostic]:
    return lint_pack(load_pack(make_pack({"a.yaml": script}, pack_yaml=PACK))).diagnostics


@pytest.mark.parametrize("script", [
    HEAD + LINE + "# scriptkit: ignore SK802",
    HEAD + LINE + "# noqa: SK802",
    "# scriptkit: ignore-file SK802\n" + HEAD + LINE,
    HEAD.replace("channels", "ignore: [SK802]\nchannels") + LINE,
])
def test_a_team_rule_named_by_its_order_given_code_is_noted_with_its_name(make_pack: Any, script: str) -> None:
    found = lint(make_pack, script)
    assert "SK802" not in {d.code for d in found}  # (it still suppresses: the code is right today)
    notes = [d for d in found if d.code == "SK800"]
    assert len(notes) == 1, [d.format() for d in found]
    (note,) = notes
    assert note.severity is Severity.SUGGESTION
    assert "no-unfortunately" in note.message and "order" in note.message
    assert note.suggestion is not None and note.suggestion.startswith("Write its name, no-unfortunately")
    line = script.splitlines()[note.location.line - 1]
    assert note.location.file.endswith("a.yaml")
    assert line[note.location.col - 1:].startswith("SK802"), (line, note.location)


def test_a_pinned_code_and_a_name_get_no_note(make_pack: Any) -> None:
    found = lint(make_pack, HEAD + LINE + "# scriptkit: ignore SK850, no-unfortunately, say-refund")
    assert [d.format() for d in found] == []


def test_a_team_code_no_rule_has_lists_the_team_rules_by_name(make_pack: Any) -> None:
    found = lint(make_pack, HEAD + LINE + "# scriptkit: ignore SK809")
    (note,) = [d for d in found if d.code == "SK800"]
    assert "unknown rule selector 'SK809'" in note.message
    assert note.location.line == 5 and note.location.col == len(LINE) + len("# scriptkit: ignore ") + 1
    assert note.suggestion == ("No team rule has this code. The team rules: say-refund (SK801), no-unfortunately "
                               "(SK802), no-sadly (SK850); write the one you mean by its name.")
