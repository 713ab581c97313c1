"""Text a writer marked as literal reads the same whichever form they chose: '{% raw %}...{% endraw %}' or a
quoted string in '{{ }}'. A helpdesk's spelling of a placeholder in it ('{!Contact.Name}') is not refused at load,
and a code in it ('{{ticket.id}}') is not SK407's fill-in left in; the export still refuses it where the helpdesk
cannot show it as text (SK505). Unmarked, the refusal names the raw form for a writer who means the code itself.
SK407 names a '${x}' marker as written, at its '$'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


def _pack(tmp_path: Path, code: str) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text('name: Old codes\nversion: "1.0"\n', encoding="utf-8")
    solution = (f"I've checked it today: the code {code} is from our old system, and I've fixed it so it won't "
                "happen again.")
    (pack / "scripts" / "a.yaml").write_text(
        "id: lit\ntitle: Merge fields\nchannels: [email]\n"
        "acknowledgment: I can see how confusing those codes in our email were, and I'm sorry.\n"
        "warm_language: Thank you for sending the screenshot.\nflexibility: Check the screenshot first.\n"
        f"solution: {json.dumps(solution)}\n", encoding="utf-8")
    return pack


@pytest.mark.timeout(60)
@pytest.mark.parametrize("code", ["{% raw %}{!Contact.Name}{% endraw %}", "{{ '{!Contact.Name}' }}",
                                  "{{ '{!' }}Contact.Name}", "{% raw %}{{ticket.id}}{% endraw %}",
                                  "{{ '{{' }}ticket.id}}", "{% raw %}${x}{% endraw %}"])
def test_a_code_marked_literal_passes_the_check(tmp_path: Path, code: str) -> None:
    result = _run("check", str(_pack(tmp_path, code)))
    assert result.exit_code == 0, result.output
    assert "SK407" not in result.output and "spelling of a placeholder" not in result.output


@pytest.mark.timeout(60)
def test_a_marked_code_is_still_refused_where_the_helpdesk_cannot_show_it(tmp_path: Path) -> None:
    result = _run("export", str(_pack(tmp_path, "{% raw %}{!Contact.Name}{% endraw %}")), "--to", "salesforce",
                  "-o", str(tmp_path / "out"))
    assert result.exit_code != 0 and "SK505" in result.output, result.output
    result = _run("export", str(_pack(tmp_path / "b", "{% raw %}{{ticket.id}}{% endraw %}")), "--to", "zendesk",
                  "-o", str(tmp_path / "zd"))
    assert "SK505" not in result.output and (tmp_path / "zd" / "zendesk").is_dir(), result.output


@pytest.mark.timeout(60)
def test_an_unmarked_helpdesk_spelling_names_the_literal_form(tmp_path: Path) -> None:
    result = _run("check", str(_pack(tmp_path, "{!Contact.Name}")))
    assert result.exit_code == 2
    assert "Write {{ customer.full_name }}" in result.output
    assert "write {% raw %}{!Contact.Name}{% endraw %}" in result.output


@pytest.mark.timeout(60)
def test_a_dollar_marker_is_named_and_pointed_at_as_written(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "${x}")
    result = _run("check", str(pack))
    line = (pack / "scripts" / "a.yaml").read_text(encoding="utf-8").splitlines()[6]
    assert f"7:{line.index('${x}') + 1}" in result.output and "'${x}' is a fill-in marker" in result.output
