"""A macro's HTML and plain text are compared by the words a customer reads, each placeholder one word whatever
its filter or fallback: '{{name | capitalize}}', a Liquid '{% if name != blank %}...{% else %}there{% endif %}'
fallback and Intercom's default="" said "different things" to a bare '{{name}}'. A real difference is quoted in
the customer's words (not Liquid's tokens), and where one version adds a sentence, that sentence is quoted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.importers.html import rich_or_plain

_REST = "I'm sorry your parcel is late. I've asked the carrier to look for it today and I'll email you by Friday."
_IF = "{% if ticket.requester.first_name != blank %}{{ticket.requester.first_name}}{% else %}there{% endif %}"


def _zendesk(tmp_path: Path, html: str, plain: str) -> list[str]:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Late parcel", "actions": [
        {"field": "comment_value_html", "value": html}, {"field": "comment_value", "value": plain}]}]}),
        encoding="utf-8")
    (macro,) = scriptkit.import_library(path).macros
    return [n for n in macro.notes if "say different things" in n]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("html", "plain"), [
    (f"<p>Hi {{{{ticket.requester.first_name | capitalize}}}},</p><p>{_REST}</p>",
     f"Hi {{{{ticket.requester.first_name}}}},\n\n{_REST}"),
    (f"<p>Hi {_IF},</p><p>{_REST}</p>", f"Hi {{{{ticket.requester.first_name}}}},\n\n{_REST}"),
    (f"<p>Hi {{{{ticket.requester.first_name}}}},</p><p>{_REST}</p>", f"Hi {_IF},\n\n{_REST}"),
    # (a link's address with a placeholder in it: the plain text leaves the address out)
    (f'<p>{_REST} <a href="https://track.example.com/?id={{{{ticket.id}}}}">Track it</a></p>',
     f"{_REST} Track it"),
], ids=["case-filter", "liquid-fallback-in-html", "liquid-fallback-in-plain", "address-with-placeholder"])
def test_template_syntax_alone_is_no_difference(tmp_path: Path, html: str, plain: str) -> None:
    assert _zendesk(tmp_path, html, plain) == []


@pytest.mark.timeout(60)
def test_intercom_default_and_bare_attribute_are_the_same_words(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": "m_2", "name": "Company plan",
         "body": '<p>Hi <attribute key="user.name" default="&quot;friend&quot;"/>, your company '
                 '<attribute key="company.name" default=""/> is on the Pro plan. I&#39;ve upgraded your seats '
                 "today.</p>",
         "body_text": "Hi {{user.name | fallback: '\"friend\"'}}, your company {{company.name}} is on the Pro plan. "
                      "I've upgraded your seats today."}]}), encoding="utf-8")
    (macro,) = scriptkit.import_library(path).macros
    assert not [n for n in macro.notes if "say different things" in n]


@pytest.mark.timeout(60)
def test_another_placeholder_is_a_difference(tmp_path: Path) -> None:
    (note,) = _zendesk(tmp_path, f"<p>Hi {{{{ticket.requester.first_name}}}},</p><p>{_REST}</p>",
                       f"Hi {{{{ticket.requester.last_name}}}},\n\n{_REST}")
    assert ("the HTML says 'hi {{ customer.first_name }} i ...' where the plain text says "
            "'hi {{ customer.last_name }} i ...'") in note


@pytest.mark.timeout(60)
def test_a_real_difference_is_quoted_in_the_customers_words(tmp_path: Path) -> None:
    html = (f"<p>Hi {_IF},</p><p>I&#39;m really sorry your parcel is running late &mdash; I know you were counting "
            "on it.</p><p>I checked with the carrier and it&rsquo;s moving again. It should reach you within 2-3 "
            "business days.</p><p>Thanks for your patience,<br>{{current_user.first_name}}</p>")
    plain = ("Hi {{ticket.requester.first_name}},\n\nI'm really sorry your parcel is running late. I checked with "
             "the carrier and it's moving again. It should reach you within 2-3 business days.")
    (note,) = _zendesk(tmp_path, html, plain)
    assert "the HTML has '... running late i know you were counting on it i ...', the plain text not" in note
    assert "{%" not in note and "endif" not in note and "blank" not in note


@pytest.mark.parametrize(("rich", "plain", "said"), [
    ("<p>Your parcel arrives in 7 days. Thanks!</p>", "Your parcel arrives in 3 days. Thanks!",
     "the HTML says '... arrives in 7 days ...' where the plain text says '... arrives in 3 days ...'"),
    ("<p>It ships today. Sorry again.</p>", "It ships today. We are so sorry about this. Sorry again.",
     "the plain text has '... ships today we are so sorry about this sorry ...', the HTML not"),
    ("<p>It ships today.</p>", "It ships today. Sorry again.", "the plain text has '... ships today sorry again'"
                                                                ", the HTML not"),
    # (kept whole as a blank, template logic is one word, shown by its start)
    ("<p>Hi {% for x in ticket.tags %}{{x}} and a good many more words{% endfor %} now.</p>", "Hi now.",
     "the HTML has 'hi {% for x in ticket.tags %}{{x}} and a g… now', the plain text not"),
])
def test_the_first_difference_is_where_the_two_part_and_meet_again(rich: str, plain: str, said: str) -> None:
    notes: list[str] = []
    rich_or_plain(rich, plain, "body_html", "body_text", notes, "zendesk")
    assert len(notes) == 1 and said in notes[0], notes


@pytest.mark.timeout(60)
def test_fifty_kilobytes_of_adversarial_text_compare_at_once() -> None:
    notes: list[str] = []
    opened = "{{a." * 12_000  # (braces never closed, and placeholders' starts everywhere)
    rich_or_plain(f"<p>{opened} x</p>", f"{opened} y", "body_html", "body_text", notes, "zendesk")
    rich_or_plain("<p>" + "{% if a %}b " * 4_000 + "</p>", "b " * 4_000 + "c", "body_html", "body_text", notes,
                  "zendesk")
    assert len(notes) == 2
