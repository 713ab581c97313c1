"""A '{{' left open keeps the writer's fallback in the fix it shows ('{{ customer.first_name | fallback("friend") }}',
not '{{ customer.first_name }}', which dropped it), closed with one brace or not at all."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

HEAD = "id: a\ntitle: A\nacknowledgment: Being locked out is annoying, and I want to get you back in.\n"


def _error(make_pack: Any, solution: str) -> str:
    result = run_cli("check", str(make_pack({"a.yaml": HEAD + solution})))
    assert result.exit_code == 2
    return " ".join(result.output.split())


def test_one_closing_brace_keeps_the_fallback_in_the_fix(make_pack: Any) -> None:
    out = _error(make_pack, 'solution: I have sent the link today, {{ customer.first_name | fallback("friend") }.\n')
    assert ("a.yaml:4:39: error: template syntax error in solution: this '{{' is never closed with '}}'. "
            "Add '}}' where the placeholder ends: {{ customer.first_name | fallback(\"friend\") }}.") in out


def test_an_open_placeholder_s_hint_keeps_its_filters(make_pack: Any) -> None:
    out = _error(make_pack, "solution: \"I have sent it, {{- customer.first_name | fallback('a) b') today.\"\n")
    assert "a.yaml:4:28: error: template syntax error in solution: this '{{' is never closed with '}}'." in out
    assert "Add '}}' where the placeholder ends: {{ customer.first_name | fallback('a) b') }}." in out
