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


def test_locale_uk_is_said_once_not_once_per_script(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("init", str(tmp_path / "st"), "--from", "starter").exit_code == 0
    settings = tmp_path / "st" / "pack.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("locale: en-US", "locale: uk"), encoding="utf-8")
    result = run_cli("check", str(tmp_path / "st"), "--grammar", "off", "--select", "SK006", "--format", "github")
    assert result.output.count("SK006") == 1 and "is Ukrainian" in result.output, result.output


def test_an_english_script_in_a_ukrainian_pack_is_named(make_pack) -> None:  # type: ignore[no-untyped-def]
    ukrainian = ("id: {id}\ntitle: {id}\nacknowledgment: Нам дуже шкода, що ваше замовлення затримується.\n"
                 "solution: Ми надішлемо нове замовлення сьогодні, і воно прийде в п'ятницю.\n")
    pack = make_pack({"a.yaml": ukrainian.format(id="a"), "b.yaml": ukrainian.format(id="b"),
                      "late.yaml": _SCRIPT}, pack_yaml="name: Shop\nlocale: uk\n")
    result = run_cli("check", str(pack), "--grammar", "off", "--select", "SK006")
    assert "1 script(s) read as English, not Ukrainian (the pack's locale): late" in result.output
    assert "reads as English, not Ukrainian" not in result.output  # (said once, for the pack, not again per script)
