"""Zendesk and Freshdesk bodies rendered by a real Liquid engine (python-liquid): the customer
reads the intended text, fallback included, and literal text survives untouched."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import BRACES, LATE, expected_text, html_text, message, write_pack
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from liquid import Environment

from scriptkit.exporting import export
from scriptkit.loading import load_pack
from scriptkit.message import Blank, Placeholder, Text
from scriptkit.rendering import render_pack
from scriptkit.targets import freshdesk, get, zendesk

LIQUID = Environment()


def ticket(target: str, first_name: str | None) -> dict[str, Any]:
    """A sample ticket in each helpdesk's own Liquid data model; ``None`` leaves the name out."""
    if target == "zendesk":
        requester: dict[str, Any] = {"name": "Maya Okafor", "email": "maya@example.com"}
        if first_name is not None:
            requester["first_name"] = first_name
        return {"ticket": {"id": 48213, "title": "Where is my parcel?", "requester": requester,
                           "brand": {"name": "Harbour Books"}},
                "current_user": {"first_name": "Sam", "name": "Sam Rivera"}}
    requester = {"name": "Maya Okafor", "email": "maya@example.com"}
    if first_name is not None:
        requester["firstname"] = first_name
    return {"ticket": {"id": 48213, "subject": "Where is my parcel?", "requester": requester,
                       "agent": {"name": "Sam"}, "portal_name": "Harbour Books"}}


def body(target: str, payload: dict[str, Any]) -> str:
    if target == "zendesk":
        return str(next(a["value"] for a in payload["macro"]["actions"] if a["field"] == "comment_value_html"))
    return str(payload["content_html"])


def supported(target: str) -> Mapping[str, str]:
    return (zendesk if target == "zendesk" else freshdesk).PLACEHOLDERS


def liquid(template: str, data: dict[str, Any]) -> str:
    return str(LIQUID.from_string(template).render(**data))


@pytest.mark.parametrize("target", ["zendesk", "freshdesk"])
@pytest.mark.parametrize("first_name", ["Maya", "", None, "  "])
def test_exported_reply_reads_as_intended(tmp_path: Path, target: str, first_name: str | None) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE, "braces.yaml": BRACES})
    export(pack, [target], tmp_path / "out", lint=False, force=True)
    folder = "macros" if target == "zendesk" else "canned_responses"
    messages = {m.script_id: m for m in render_pack(load_pack(pack), ["email"])}
    values = {"customer.first_name": (first_name or "").strip(), "agent.first_name": "Sam"}
    for script_id, msg in messages.items():
        payload = json.loads((tmp_path / "out" / target / folder / f"{script_id}.json").read_text())
        read = html_text(liquid(body(target, payload), ticket(target, first_name)))
        assert read == expected_text(msg, values, supported(target))
    late = html_text(liquid(body(target, json.loads(
        (tmp_path / "out" / target / folder / "parcel-late.json").read_text())), ticket(target, first_name)))
    assert late.startswith("Hi Maya," if first_name == "Maya" else "Hi there,")
    assert "arrive by [[new date]]." in late
    braces = html_text(liquid(body(target, json.loads(
        (tmp_path / "out" / target / folder / "code-help.json").read_text())), ticket(target, first_name)))
    assert "showing {{code}} instead" in braces and "Type <b>HELLO</b> & the code in {% braces %};" in braces


# ---------------------------------------------------------------- property: literal text survives

LITERAL = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(["{{", "}}", "{%", "%}", "{", "}", "%", "<", ">", "&", '"', "'", "{% endraw %}",
                         "{% raw %}", "&amp;", "-}}", "{{-", "é", "名前", "🙂", "\u00a0"]),
    ),
    min_size=1, max_size=30,
).map("".join).filter(lambda s: s.strip() != "" and s == s.strip())


@pytest.mark.parametrize("target", ["zendesk", "freshdesk"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=LITERAL, after=LITERAL, fallback=LITERAL, name=st.sampled_from(["Maya", "", None]))
@example(before="a{", after="}b", fallback="{{x}}", name=None)
@example(before="{%", after="{{", fallback="{% endraw %}", name="Maya")
def test_any_literal_text_survives_export_and_liquid(target: str, before: str, after: str, fallback: str,
                                                     name: str | None) -> None:
    # (a backslash escape such as '\\[', a bracket that starts no link, is written without its backslash by every
    # export: test_multiline_text_keeps_its_paragraphs and the link tests check it; here the text is literal)
    assume("\\" not in before + after)
    msg = message(Text(before, "solution"), Placeholder("customer.first_name", "solution", fallback),
                  Text(after, "solution"), Blank("date", "solution"), Text(before + after, "solution"))
    payload = get(target).render(msg)
    read = html_text(liquid(body(target, payload), ticket(target, name)))
    assert read == expected_text(msg, {"customer.first_name": name or ""})


@pytest.mark.parametrize("target", ["zendesk", "freshdesk"])
@settings(max_examples=100, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=60))
def test_multiline_text_keeps_its_paragraphs(target: str, text: str) -> None:
    """Paragraphs and line breaks come back as written (blank-only lines fold into one break)."""
    import re

    # ('- item' and '1. item' lines are a list, <ul> or <ol>, which the list tests check: tests/test_s17_links_*)
    assume(not re.search(r"(?m)^[ \t]*(?:-|\d{1,9}\.) \S", text))
    msg = message(Text(text, "solution"))
    read = html_text(liquid(body(target, get(target).render(msg)), ticket(target, "Maya")))
    paragraphs = [p for p in re.split(r"\n[ \t]*\n\s*", text) if p.replace("\n", "").strip()]
    # ('\\[' in a pack is a bracket that starts no link, which every export writes '[')
    assert read == "\n\n".join(paragraphs).replace("\\[", "[")
