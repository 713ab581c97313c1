"""A quoted string printed alone ("{{ '{{ticket.id}}' }}", '{{ "{!Contact.Name}" }}') is text the writer marked
to be sent as written, as '{% raw %}' is: the rendered text keeps where each of its characters is in the file, so
SK407 does not take a helpdesk code in it for a fill-in left in, and a finding in it is located where it is written.
No fix edits inside the quotes. A code built from pieces is still reported. The exports send it as text where the
helpdesk can escape it (Zendesk) and refuse it (SK505) where it cannot (Front, Intercom)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import load_pack, render_script
from scriptkit.message import Text
from tests.conftest import run_cli as _run


def _pack(tmp_path: Path, code: str, constants: str = "") -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(f'name: Ticket codes\nversion: "1.0"\n{constants}', encoding="utf-8")
    solution = f"I've checked it today: please put {code} in the subject of your reply, and I'll find it at once."
    (pack / "scripts" / "a.yaml").write_text(
        "id: lit\ntitle: Ticket codes\nchannels: [email]\n"
        "acknowledgment: I can see how confusing the reference in our email was, and I'm sorry.\n"
        "warm_language: Thank you for sending the screenshot.\nflexibility: Check the screenshot first.\n"
        f"solution: {json.dumps(solution)}\n", encoding="utf-8")
    return pack


@pytest.mark.timeout(60)
@pytest.mark.parametrize("code", ["{{ '{{ticket.id}}' }}", '{{ "{{ticket.id}}" }}', "{{- ' {{ticket.id}}' -}}",
                                  "{{ '{!Contact.Name}' }}", '{{ "{!Contact.Name}" }}', "{{ '[[Name]]' }}",
                                  "{{ '{{' }}{{ 'ticket.id}}' }}", "{{ ref }}{{ '{{ticket.id}}' }}",
                                  "{% if show %}{{ '{{ticket.id}}' }}{% endif %}",
                                  "{% for i in [1] %}{{ '{{ticket.id}}' }}{% endfor %}",
                                  # (a branch of an inline if is quoted text its writer marked, as one alone is)
                                  "{{ '[[Name]]' if show else '' }}"])
def test_a_quoted_code_passes_the_check(tmp_path: Path, code: str) -> None:
    result = _run("check", str(_pack(tmp_path, code, "constants:\n  ref: 'the code '\n  show: true\n")))
    assert result.exit_code == 0, result.output
    assert "SK407" not in result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("code", ["{{ '{{' ~ 'ticket.id' ~ '}}' }}", "{{ '[[name]]' | upper }}",
                                  "[[Name]]"])
def test_a_code_not_written_as_one_quoted_string_is_still_reported(tmp_path: Path, code: str) -> None:
    result = _run("check", str(_pack(tmp_path, code, "constants:\n  show: true\n")))
    assert "SK407" in result.output, result.output


@pytest.mark.timeout(60)
def test_the_quoted_text_is_located_where_it_is_written_and_is_no_literal_to_fix(tmp_path: Path) -> None:
    pack_dir = _pack(tmp_path, "{{ '  {{ticket.id}}' }}")
    message = render_script(load_pack(pack_dir), "lit")
    quoted = next(seg for seg in message.segments if isinstance(seg, Text) and "ticket.id" in seg.text)
    line = (pack_dir / "scripts" / "a.yaml").read_text(encoding="utf-8").splitlines()[6]
    assert quoted.source is not None and not quoted.source.literal
    assert quoted.source.start.col == line.index("{{ '") + 1  # (its start: the '{{' that prints it)
    at = quoted.text.index("{{ticket.id}}")
    assert quoted.source.location_at(at).col == line.index("{{ticket.id}}") + 1
    assert len(quoted.source.offsets) == len(quoted.text)


@pytest.mark.timeout(60)
def test_a_quoted_string_with_an_escape_is_located_at_its_braces(tmp_path: Path) -> None:
    # (its text is not the file's character for character: no offsets, as any expression's output)
    message = render_script(load_pack(_pack(tmp_path, "{{ 'it\\'s {{ticket.id}}' }}")), "lit")
    quoted = next(seg for seg in message.segments if isinstance(seg, Text) and "ticket.id" in seg.text)
    assert quoted.text == "it's {{ticket.id}}"
    assert quoted.source is not None and not quoted.source.offsets


@pytest.mark.timeout(60)
def test_the_helpdesks_send_the_quoted_code_as_the_raw_one_or_refuse_it(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "{{ '{{ticket.id}}' }}")
    result = _run("export", str(pack), "--to", "zendesk", "-o", str(tmp_path / "zd"))
    assert result.exit_code == 0, result.output
    body = (tmp_path / "zd" / "zendesk" / "macros" / "lit.json").read_text(encoding="utf-8")
    assert "put {% raw %}{{{% endraw %}ticket.id}} in the subject" in body  # (sent as written)
    for target in ("front", "intercom"):
        result = _run("export", str(pack), "--to", target, "-o", str(tmp_path / target))
        assert result.exit_code == 1 and "SK505" in result.output and "SK407" not in result.output, result.output
