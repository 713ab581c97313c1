"""A misspelt tag ('{% esle %}') is pointed at where it is written, with the tag it is closest to; Jinja's own message
("Encountered unknown tag 'esle'. Jinja was looking for ...") pointed at the '{% if %}' lines before it."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

HEAD = "id: a\ntitle: A\nacknowledgment: Being locked out is annoying, and I want to get you back in.\n"


def test_a_misspelt_else_is_located_at_itself_with_the_tag_meant(make_pack: Any) -> None:
    body = ("solution: >-\n  {% if closed_for_holidays %}We're closed until Monday,\n"
            "  and I'll reset your password then.\n  {% esle %}I've reset your password today.{% endif %}\n")
    root = make_pack({"a.yaml": HEAD + body}, "name: T\nconstants:\n  closed_for_holidays: false\n")
    result = run_cli("check", str(root))
    assert result.exit_code == 2
    assert ("a.yaml:7:3: error: template syntax error in solution: '{% esle %}' is not a tag. "
            "Did you mean '{% else %}'?") in " ".join(result.output.split())


def test_an_unknown_tag_outside_a_block_names_the_nearest_tag_or_how_tags_are_spelt(make_pack: Any) -> None:
    root = make_pack({"a.yaml": HEAD + 'solution: "I will fix it today. {% fro x in y %}a{% endfor %}"\n'})
    out = " ".join(run_cli("check", str(root)).output.split())
    assert ("a.yaml:4:33: error: template syntax error in solution: '{% fro %}' is not a tag. "
            "Did you mean '{% for %}'?") in out
    root = make_pack({"a.yaml": HEAD + 'solution: "I will fix it today. {% blah %}"\n'})
    out = " ".join(run_cli("check", str(root)).output.split())
    assert "a.yaml:4:33: error: template syntax error in solution: '{% blah %}' is not a tag. Check its spelling" in out


def test_a_stray_end_tag_keeps_its_own_message(make_pack: Any) -> None:
    root = make_pack({"a.yaml": HEAD + 'solution: "I will fix it today. {% endif %}"\n'})
    assert "'{% endif %}' closes nothing" in " ".join(run_cli("check", str(root)).output.split())
