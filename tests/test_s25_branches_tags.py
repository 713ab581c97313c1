"""A refused tag is located at itself, from the line Jinja names: an end tag that closes nothing or comes while
another block is open (``_block_problem``), and a tag Jinja does not know (``_unknown_tag``), a misspelt end tag
('{% endiff %}') too, which is said as one, with the tag meant, not as an end tag out of place."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

PACK = "name: T\nconstants:\n  closed: false\n"
HEAD = "id: fee\ntitle: Delivery fee\nacknowledgment: I know it's annoying to pay for delivery.\n"


def test_a_stray_end_tag_and_a_misspelt_one_are_each_located_at_themselves(make_pack: Any) -> None:
    body = 'solution: "I will fix it today.\\n\\nNow. {% endif %}"\n'
    out = " ".join(run_cli("check", str(make_pack({"a.yaml": HEAD + body}))).output.split())
    assert "a.yaml:4:41: error: template syntax error in solution: '{% endif %}' closes nothing" in out
    body = 'solution: "I will fix it today.\\n\\n{% if closed %}Now. {% endfor %}{% endif %}"\n'
    out = " ".join(run_cli("check", str(make_pack({"a.yaml": HEAD + body}, PACK))).output.split())
    # (no '{% for %}' is open: nothing is "inner", and closing the if first would leave an endfor closing nothing)
    assert "'{% endfor %}' closes no '{% for %}'. Did you mean '{% endif %}'?" in out
    body = 'solution: "I will fix it today.\\n\\n{% if closed %}Now. {% els %}Later.{% endif %}"\n'
    out = " ".join(run_cli("check", str(make_pack({"a.yaml": HEAD + body}, PACK))).output.split())
    assert "'{% els %}' is not a tag. Did you mean '{% else %}'?" in out


def test_a_misspelt_end_tag_is_said_as_one_with_the_tag_meant(make_pack: Any) -> None:
    body = 'solution: "I will fix it today.\\n\\nNow. {% endiff %}"\n'
    out = " ".join(run_cli("check", str(make_pack({"a.yaml": HEAD + body}))).output.split())
    # (with nothing open, no end tag fits: it closes nothing)
    assert ("a.yaml:4:41: error: template syntax error in solution: '{% endiff %}' is not a tag, and closes nothing. "
            "Delete it: no block is open here for it to close.") in out
    body = 'solution: "I will fix it today.\\n\\n{% if closed %}Now. {% endiff %}"\n'
    result = run_cli("check", str(make_pack({"a.yaml": HEAD + body}, PACK)))
    out = " ".join(result.output.split())
    assert result.exit_code == 2  # (it was "'{% endiff %}' comes while '{% if %}' is still open": no end tag does)
    assert ("a.yaml:4:56: error: template syntax error in solution: '{% endiff %}' is not a tag. "
            "Did you mean '{% endif %}'?") in out
