"""The language of a reply is told from what the writer wrote, not from the pack's layout: scriptkit's English
phone greeting on the same line as a short Spanish reply neither hides the phone channel from SK015 nor makes
the reply read as English (SK006, and the rules that read English)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.config import LintConfig
from scriptkit.language import written_language
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.rendering import render_pack

SHORT_SPANISH = ("id: retraso\ntitle: Retraso\nchannels: [email, chat, phone]\n"
                 "acknowledgment: Lamento mucho el retraso.\nwarm_language: Gracias.\n"
                 "solution: Te escribo mañana.\n")


def _pack(make_pack: Any) -> Path:
    root: Path = make_pack({"retraso.yaml": SHORT_SPANISH}, pack_yaml="name: Soporte\nversion: 1.0.0\nlocale: es-ES\n")
    return root


def test_sk015_names_the_phone_channel_whose_english_greeting_shares_the_reply_line(make_pack: Any) -> None:
    result = lint_pack(load_pack(_pack(make_pack)), LintConfig().override(grammar="off"))
    (diag,) = [d for d in result.diagnostics if d.code == "SK015"]
    assert "email, chat and phone" in diag.message, diag.message
    assert "Thanks for calling" in diag.message


def test_a_short_spanish_phone_reply_is_not_judged_as_english(make_pack: Any) -> None:
    result = lint_pack(load_pack(_pack(make_pack)), LintConfig().override(grammar="off"))
    phone = [d for d in result.diagnostics if d.channel == "phone" or "phone" in str(d.channel)]
    english_rules = [d.code for d in phone if d.code[:3] in ("SK1", "SK2", "SK3", "SK4") and d.code != "SK406"]
    assert english_rules == [] and not [d for d in phone if d.code == "SK006"], [d.format() for d in phone]


def test_written_language_leaves_out_the_layout_but_keeps_a_reviewed_greeting(make_pack: Any) -> None:
    (phone,) = render_pack(load_pack(_pack(make_pack)), channels="phone")
    assert phone.text.startswith("Thanks for calling, this is")
    assert written_language(phone) != "en"
    english = make_pack({"late.yaml": "id: late\ntitle: Late\nacknowledgment: I'm so sorry your parcel is late.\n"
                                      "solution: I've sent a new one today and I'll email you the tracking number.\n"})
    (email,) = render_pack(load_pack(english), channels="email", script_id="late")
    assert written_language(email) == "en"


def test_the_audit_and_readability_tell_the_phone_reply_spanish_too(make_pack: Any) -> None:
    # (the audit names the language a reply it did not judge is in; readability picks the formulas by it)
    from scriptkit.audit import audit
    from scriptkit.rules.base import RuleContext
    from scriptkit.rules.readability import _locale

    root = _pack(make_pack)
    report = audit(root)
    assert {m.other_language for m in report.macros} == {"es"}, [(m.title, m.other_language) for m in report.macros]
    pack = load_pack(root)
    (phone,) = render_pack(pack, channels="phone")
    assert _locale(RuleContext(pack=pack, options={}), phone) == "es-ES"
