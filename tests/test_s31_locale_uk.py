"""'locale: uk' is Ukrainian: a pack of English replies that says it is warned, at the locale's line (exports
said the replies were Ukrainian and grammar checks refused them, with only a note)."""

from __future__ import annotations

from tests.conftest import run_cli

_SCRIPT = ("id: late\ntitle: Late parcel\nacknowledgment: I'm so sorry your parcel is late; I know how annoying "
           "that is.\nsolution: I've sent a new one today, and it will arrive by Friday.\n")


def test_locale_uk_on_english_replies_is_warned_where_it_is(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT}, pack_yaml="name: Shop\nlocale: uk\n")
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "github")
    assert result.exit_code == 1, result.output
    assert f"file={pack / 'pack.yaml'},line=2,col=9" in result.output
    assert "locale uk is Ukrainian, but the pack's replies read as English" in result.output
    assert "locale: en-GB" in result.output


def test_locale_en_gb_is_not_warned(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT}, pack_yaml="name: Shop\nlocale: en-GB\n")
    result = run_cli("check", str(pack), "--grammar", "off")
    assert "Ukrainian" not in result.output, result.output
