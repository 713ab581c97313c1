"""Import reads a macro with a long run of spaces or tabs (in its text, before a '}}' or inside a filter) at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

RUN = 38_000  # (under the 40,000 characters an item may hold)


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


def _import(tmp_path: Path, bodies: list[str]) -> Any:
    macros = [{"id": 700 + n, "title": f"Spaced {n}", "actions": [{"field": "comment_value", "value": body}]}
              for n, body in enumerate(bodies, start=1)]
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": macros}), encoding="utf-8")
    return _run("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "pack"))


@pytest.mark.timeout(60)
def test_runs_of_spaces_and_tabs_in_a_reply(tmp_path: Path) -> None:
    bodies = [f"Sorry for the wait{' ' * RUN}we shipped it today.", f"Sorry for the wait{chr(9) * RUN}and the mix-up.",
              "Hi {% if" + " " * RUN + "x %}a{% endif %} we shipped it today."] * 14
    result = _import(tmp_path, bodies)
    assert result.exit_code == 0, result.output
    assert "Imported 42 macro(s)" in result.output


@pytest.mark.timeout(60)
def test_runs_of_spaces_inside_a_placeholders_filters(tmp_path: Path) -> None:
    bodies = ["Hi {{x |" + " " * RUN + " we shipped it today.",
              "Hi {{ticket.requester.first_name |" + " " * RUN + "capitalize}}, we shipped it today.",
              "{% if ticket.requester.first_name %}{{ticket.requester.first_name |" + " " * RUN
              + "nope}}{% else %}there{% endif %}, it left today."] * 3
    result = _import(tmp_path, bodies)
    assert result.exit_code == 0, result.output
    assert "Imported 9 macro(s)" in result.output
    second = (tmp_path / "pack" / "scripts" / "spaced-2.yaml").read_text(encoding="utf-8")
    assert "customer.first_name" in second  # (the case filter left out, as without the spaces)


@pytest.mark.parametrize(("body", "expected"), [
    ("Hi {{ ticket.requester.first_name | capitalize -}}, thanks.", "{{ customer.first_name }}"),
    ("Hi {{ ticket.requester.first_name  -}}, thanks.", "{{ customer.first_name }}"),
    ('Hi {{ ticket.requester.first_name | default: "there" }}, thanks.', 'fallback("there")'),
])
def test_a_placeholders_filters_read_as_before(tmp_path: Path, body: str, expected: str) -> None:
    result = _import(tmp_path, [body])
    assert result.exit_code == 0, result.output
    assert expected in (tmp_path / "pack" / "scripts" / "spaced-1.yaml").read_text(encoding="utf-8")
