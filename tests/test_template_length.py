"""A template too long to read is refused for its length before Jinja parses it: 30,000 filter
chains took Jinja 18 s to parse and compile before the output limit refused them."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.errors import TemplateSecurityError
from scriptkit.models import Pack, PackMeta, Script
from scriptkit.rendering import MAX_TEMPLATE, _SafeSandbox, render_script

PACK_YAML = "name: Long\nconstants:\n  hours: 9 to 5\n"
CHAIN = "{{ hours | upper | lower | trim }} "


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("Jinja parsed a template that its length alone refuses")

    monkeypatch.setattr(_SafeSandbox, "parse", refuse)
    monkeypatch.setattr(_SafeSandbox, "from_string", refuse)


def script(solution: str) -> str:
    return f"id: long\ntitle: Long\nacknowledgment: I can see the wait is hard.\nsolution: '{solution}'\n"


def test_a_long_template_is_refused_at_its_slot_before_parsing(make_pack: Any, no_parsing: None) -> None:
    body = CHAIN * (MAX_TEMPLATE // len(CHAIN) + 1)
    root = make_pack({"long.yaml": script(body)}, pack_yaml=PACK_YAML)
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"long.yaml:4:11: error: solution is a template of {len(body):,} characters (limit {MAX_TEMPLATE:,})" \
        in result.output
    assert "Traceback" not in result.output


def test_rendering_a_long_template_made_in_memory_is_refused_before_parsing(no_parsing: None) -> None:
    long = Script(id="long", title="Long", acknowledgment="I see.", solution=CHAIN * MAX_TEMPLATE)
    with pytest.raises(TemplateSecurityError, match="too long to read"):
        render_script(Pack(meta=PackMeta(name="t", constants={"hours": "9 to 5"}), scripts=[long]), long, "email")


def test_a_template_at_the_limit_still_loads(make_pack: Any) -> None:
    text = "{{ hours }} " + "x" * (MAX_TEMPLATE - len("{{ hours }} "))
    assert len(text) == MAX_TEMPLATE
    root = make_pack({"long.yaml": script(text)}, pack_yaml=PACK_YAML)
    pack = load_pack(root)
    assert render_script(pack, pack.scripts[0], "email").slot_text("solution").startswith("9 to 5 xxx")


def test_a_long_plain_text_is_not_a_template(make_pack: Any) -> None:
    root = make_pack({"long.yaml": script("x" * (MAX_TEMPLATE + 1))}, pack_yaml=PACK_YAML)
    assert load_pack(root).scripts[0].solution == "x" * (MAX_TEMPLATE + 1)
