"""The Python API's render_script and lint_text say what is wrong with an argument as a ConfigError
naming what exists, as docs/python promises, where they raised AttributeError or TypeError from
inside, rendered what the script does not have, or judged an empty reply."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit import ConfigError, Pack
from scriptkit.models import PackMeta, Script


@pytest.fixture
def pack() -> Pack:
    two = Script(id="sms-one", title="T", channels=["email", "sms"],
                 acknowledgment=["I'm sorry it's late.", "Waiting is hard, I know."],
                 solution="I've sent a new one today.")
    return Pack(meta=PackMeta(name="p"), scripts=[two])


def test_render_script_takes_a_script_id(pack: Pack) -> None:
    by_id = scriptkit.render_script(pack, "sms-one", "email", 1)
    assert by_id.text == scriptkit.render_script(pack, pack.script("sms-one"), "email", 1).text
    assert by_id.variant == 1 and "Waiting is hard" in by_id.text
    with pytest.raises(ConfigError, match="no script with id 'nope'"):
        scriptkit.render_script(pack, "nope")


@pytest.mark.parametrize("variant", ["1", 2, 5, -1, True, 1.0, None])
def test_render_script_refuses_a_variant_the_script_has_not(pack: Pack, variant: object) -> None:
    # variant 5 of two rendered variant 1 and called it 5; "1" was a TypeError from inside
    with pytest.raises(ConfigError, match=r"variant as a whole number from 0 to 1 \(script 'sms-one' has 2 variants"):
        scriptkit.render_script(pack, "sms-one", "email", variant)  # type: ignore[arg-type]


def test_render_script_refuses_a_channel_the_script_does_not_declare(pack: Pack) -> None:
    with pytest.raises(ConfigError, match="not written for chat: its channels are email, sms"):
        scriptkit.render_script(pack, "sms-one", "chat")
    with pytest.raises(ConfigError, match="unknown channel"):
        scriptkit.render_script(pack, "sms-one", "fax")


def test_render_script_names_a_wrong_type(pack: Pack) -> None:
    with pytest.raises(ConfigError, match="takes the script as a Script or its id, not the int 3"):
        scriptkit.render_script(pack, 3)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"takes the pack as a Pack, not the str 'pack'.*load_pack\('pack'\)"):
        scriptkit.render_script("pack", "sms-one")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "  \n\t"])
def test_lint_text_refuses_empty_text_as_review_does(text: str) -> None:
    # it judged "" as a 0-word email (SK105, exit 0) where `scriptkit review` refuses it with exit 2
    with pytest.raises(ConfigError, match="nothing to review") as caught:
        scriptkit.lint_text(text, file="draft.txt")
    assert str(caught.value.location) == "draft.txt:1:1"
    assert "Pass the reply's text" in (caught.value.hint or "")


def test_lint_text_still_judges_a_short_reply() -> None:
    assert scriptkit.lint_text("Thanks!").messages
