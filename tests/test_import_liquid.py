"""Liquid logic in a helpdesk's macros: a condition on a placeholder that only chooses between its
value and a fallback is imported as that placeholder with its fallback (and exported back as Liquid
that reads the same, checked with a real Liquid engine); any other logic is kept whole as a blank,
and the import says where it stands in the export file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import html_text
from liquid import Environment

from scriptkit import export, import_library
from scriptkit.importers.dialects import BlankPiece, PlaceholderPiece, TextPiece, parse_body

LIQUID = Environment()
ZD_NAME = "ticket.requester.first_name"


@pytest.mark.parametrize(("spelling", "before", "fallback", "after"), [
    ("{% if X %}Hi {{X}},{% else %}Hi there,{% endif %}", "Hi ", "there", ","),
    ("{% if X != blank %}Dear {{ X }}{% else %}Dear customer{% endif %}", "Dear ", "customer", ""),
    ("{%- if X and X != blank -%}{{X}}{%- else -%}friend{%- endif -%}", "", "friend", ""),
    ("{% unless X %}Hello friend!{% else %}Hello {{X}}!{% endunless %}", "Hello ", "friend", "!"),
    ("{% if X == blank %}Hi there{% else %}Hi {{X}}{% endif %}", "Hi ", "there", ""),
    ("{% if X %}{{X}}{% endif %}", "", "", ""),
])
def test_a_condition_choosing_between_a_placeholder_and_its_fallback_is_that_placeholder(
        spelling: str, before: str, fallback: str, after: str) -> None:
    spelling = spelling.replace("X", ZD_NAME)
    pieces = parse_body(f"{spelling}\n\nThanks.", "zendesk", "Zendesk")
    expected: list[Any] = [TextPiece(before)] if before else []
    expected += [PlaceholderPiece("customer.first_name", fallback, spelling), TextPiece(f"{after}\n\nThanks.")]
    assert pieces == expected


@pytest.mark.parametrize("spelling", [
    "{% if X %}Hi {{X}},{% else %}Hello,{% endif %}",  # the branches differ in more than the name
    "{% if X %}Hi {{X}},{% endif %}",  # nothing at all without the name
    "{% unless X %}Could you tell us your name?{% endunless %}",
    "{% if X %}Hi {{X}}{% elsif ticket.requester.name %}Hi {{ticket.requester.name}}{% else %}Hi{% endif %}",
    "{% if X %}Hi {{X | capitalize}}{% else %}Hi there{% endif %}",
    "{% if X %}{{X}} and {{X}}{% else %}you{% endif %}",
    "{% if ticket.priority == 'urgent' %}Right away!{% endif %}",
])
def test_other_liquid_logic_is_kept_whole_as_a_blank(spelling: str) -> None:
    spelling = spelling.replace("X", ZD_NAME)
    text = f"Intro. {spelling} Outro."
    pieces = parse_body(text, "zendesk", "Zendesk")
    blanks = [p for p in pieces if isinstance(p, BlankPiece)]
    assert [b.original for b in blanks] == [spelling]
    assert blanks[0].reason == "Zendesk template logic"
    assert "".join(p.text if isinstance(p, TextPiece) else p.original for p in pieces) == text


def _zendesk_export(path: Path, bodies: list[str]) -> Path:
    macros = [{"id": 100 + n, "title": f"Probe {n}", "active": True,
               "actions": [{"field": "comment_value", "value": body}]} for n, body in enumerate(bodies)]
    path.write_text(json.dumps({"macros": macros}, indent=1), encoding="utf-8")
    return path


def _freshdesk_export(path: Path, bodies: list[str]) -> Path:
    items = [{"id": 100 + n, "title": f"Probe {n}", "content_html": f"<p>{body}</p>"} for n, body in enumerate(bodies)]
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    return path


TICKETS: dict[str, dict[str, Any]] = {
    "zendesk": {"ticket": {"requester": {"first_name": "Maya"}}, "current_user": {"first_name": "Sam"}},
    "freshdesk": {"ticket": {"requester": {"firstname": "Maya"}, "agent": {"firstname": "Sam"}}},
}
NO_NAME: dict[str, dict[str, Any]] = {
    "zendesk": {"ticket": {"requester": {}}, "current_user": {"first_name": "Sam"}},
    "freshdesk": {"ticket": {"requester": {}, "agent": {"firstname": "Sam"}}},
}


@pytest.mark.parametrize(("target", "name", "folder"), [
    ("zendesk", "ticket.requester.first_name", "macros"),
    ("freshdesk", "ticket.requester.firstname", "canned_responses"),
])
def test_liquid_fallback_logic_survives_import_and_export_to_the_same_helpdesk(
        tmp_path: Path, target: str, name: str, folder: str) -> None:
    body = (f"{{% if {name} %}}Hi {{{{{name}}}}},{{% else %}}Hi there,{{% endif %}} I am sorry the parcel is late. "
            "I have asked the courier to trace it today.")
    write = _zendesk_export if target == "zendesk" else _freshdesk_export
    source = write(tmp_path / f"{target}.json", [body])
    pack = import_library(source, target).write(tmp_path / "pack")
    assert "fallback(" in (tmp_path / "pack" / "scripts" / "probe-0.yaml").read_text(encoding="utf-8")
    export(pack, [target], tmp_path / "out", force=True, lint=False)
    files = (tmp_path / "out" / target / folder).glob("*.json")
    (payload,) = [json.loads(file.read_text(encoding="utf-8")) for file in files]
    exported = (next(a["value"] for a in payload["macro"]["actions"] if a["field"] == "comment_value")
                if target == "zendesk" else payload["content_html"])
    for data in (TICKETS[target], NO_NAME[target]):
        original = LIQUID.from_string(body).render(**data)
        assert html_text(LIQUID.from_string(exported).render(**data)) == original
    assert html_text(LIQUID.from_string(exported).render(**NO_NAME[target])).startswith("Hi there, I am sorry")


def test_logic_kept_as_a_blank_is_reported_where_it_stands_in_the_export(tmp_path: Path) -> None:
    logic = "{% unless ticket.requester.first_name %}Could you tell us your name?{% endunless %}"
    source = _zendesk_export(tmp_path / "zendesk.json", ["I am sorry for the wait.", f"Thanks. {logic}"])
    (macro,) = [m for m in import_library(source, "zendesk").macros if m.title == "Probe 1"]
    text = source.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "endunless" in row)
    col = text.split("\n")[line - 1].index("{% unless") + 1
    (note,) = [n for n in macro.about if "endunless" in n and "not carried over" not in n]
    assert note.startswith(f"{source}:{line}:{col}: ")
    assert logic in note and "blank 'unless'" in note
