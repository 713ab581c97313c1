"""``marked_literal_spans``: the text a writer marked in a template as to be shown as written (a raw block's body,
a quoted string in '{{ }}' or '{% %}'), whichever form they chose, so a code in it ('{!Contact.Name}',
'{{ticket.id}}') is read as the customer's text, not as a placeholder or a fill-in left in."""

from __future__ import annotations

import pytest

from scriptkit.placeholders import in_spans, marked_literal_spans


def _marked(template: str) -> list[str]:
    return [template[a:b] for a, b in marked_literal_spans(template)]


@pytest.mark.parametrize(("template", "marked"), [
    ("the code {% raw %}{!Contact.Name}{% endraw %} is old", ["{!Contact.Name}"]),
    ("the code {%- raw -%}{{ticket.id}}{%- endraw -%} is old", ["{{ticket.id}}"]),
    ("the code {{ '{!Contact.Name}' }} is old", ["{!Contact.Name}"]),
    ("the code {{ '{{' }}ticket.id}} is old", ["{{"]),
    ('the code {{ "{{ticket.id}}" }} is old', ["{{ticket.id}}"]),
    ("{{ 'it\\'s' }} and {{ name | fallback(\"a }} b\") }}", ["it\\'s", "a }} b"]),
    ("{% if x == '%}' %}{!A.B}{% endif %}", ["%}"]),
    ("{# '{!A.B}' #} {!C.D}", []),
    ("Hi {{ customer.first_name }}, it's {!Contact.Name}", []),
    ("an open {{ 'string", []),
    ("an open {% raw %}{!A.B}", ["{!A.B}"]),
])
def test_each_literal_form_is_marked(template: str, marked: list[str]) -> None:
    assert _marked(template) == marked


def test_a_place_is_inside_a_span_or_not() -> None:
    template = "a {% raw %}{!A.B}{% endraw %} {!C.D} {{ '{!E.F}' }}"
    spans = marked_literal_spans(template)
    assert in_spans(spans, template.index("{!A.B}")) and in_spans(spans, template.index("{!E.F}"))
    assert not in_spans(spans, template.index("{!C.D}")) and not in_spans(spans, 0)
    assert not in_spans([], 3)


@pytest.mark.parametrize("hostile", ["{{ " * 25_000, "{{ '" * 20_000, "{% raw %}" * 6_000, "{{ 'a' " * 10_000,
                                     "{# " * 25_000, "{%" * 25_000, "{{ \"\\" * 15_000])
def test_hostile_templates_are_read_once(hostile: str) -> None:
    # (each opening is read once: an unclosed block or string ends the scan rather than being read again)
    assert all(0 <= a <= b <= len(hostile) for a, b in marked_literal_spans(hostile))
