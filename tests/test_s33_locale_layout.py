"""A pack written in another language than English: scriptkit's English default greeting and sign-off
(SK015), and the readability formulas an English reply in it is scored with (SK101/SK102)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SPANISH = ("id: pedido\ntitle: Pedido\nchannels: [email, chat, sms]\n"
           "acknowledgment: Siento mucho que tu pedido no haya llegado todavía, sé que lo necesitabas.\n"
           "solution: Hoy mismo te envío uno nuevo por mensajero y te escribo con el número de seguimiento.\n")
ENGLISH = ("id: late\ntitle: Late\nchannels: [email, chat]\n"
           "acknowledgment: I'm so sorry your parcel is late, and I know you needed it this week.\n"
           "solution: I've sent a new one by courier today and I'll email you the tracking number.\n")


def _codes(root: Path, *codes: str) -> list[Any]:
    config = LintConfig(select=tuple(Selector(c) for c in codes))
    return lint_pack(load_pack(root), config).diagnostics


def test_a_spanish_pack_without_layouts_is_told_of_the_english_greeting_at_its_locale_line(make_pack: Any) -> None:
    root = make_pack({"pedido.yaml": SPANISH}, pack_yaml="name: Soporte\nversion: 1.0.0\nlocale: es-ES\n")
    (diag,) = _codes(root, "SK015")
    assert (Path(diag.location.file).name, diag.location.line, diag.location.col) == ("pack.yaml", 3, 9)
    assert diag.severity.value == "warning"
    assert "email and chat" in diag.message and "Warm wishes" in diag.message and "sms" not in diag.message
    assert "channels: {email: {greeting: ..., signoff: ...}, chat: {greeting: ...}}" in diag.suggestion
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert "SK015" in result.output and "pack.yaml" in result.output


def test_a_channel_the_pack_lays_out_itself_or_leaves_bare_is_not_named(make_pack: Any) -> None:
    root = make_pack({"pedido.yaml": SPANISH},
                     pack_yaml="name: Soporte\nlocale: es-ES\nchannels:\n  email:\n    greeting: 'Hola,'\n"
                               "    signoff: 'Un saludo'\n  chat:\n    greeting: ''\n")
    assert _codes(root, "SK015") == []
    partly = make_pack({"pedido.yaml": SPANISH},
                       pack_yaml="name: Soporte\nlocale: es-ES\nchannels:\n  email:\n    greeting: 'Hola,'\n")
    (diag,) = _codes(partly, "SK015")
    assert "chat" in diag.message and "email" not in diag.message


def test_english_packs_keep_the_default_layout_silently(make_pack: Any) -> None:
    for locale in ("en", "en-GB", "en-US", "en_AU"):
        root = make_pack({"late.yaml": ENGLISH}, pack_yaml=f"name: Support\nlocale: {locale}\n")
        assert _codes(root, "SK015") == [], locale
    root = make_pack({"late.yaml": ENGLISH}, pack_yaml="name: Support\n")
    assert _codes(root, "SK015") == []
