"""Follow-ups from the session-13 walk-throughs: SMS encodings, slot-naming advice, blanks,
locale names and helpdesk placeholders, each on a pack written to disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import lint_pack, load_pack

SMS_PACK = """\
name: SMS pack
channels:
  sms:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
    signoff: "- {{ agent.first_name }}"
"""


def _sms_script(acknowledgment: str, solution: str) -> str:
    return (f"id: late-parcel\ntitle: Late parcel\nchannels: [sms]\n"
            f"acknowledgment: {acknowledgment!r}\nsolution: {solution!r}\n")


def _sk104(make_pack: Any, acknowledgment: str, solution: str) -> list[Any]:
    root = make_pack({"late.yaml": _sms_script(acknowledgment, solution)}, SMS_PACK)
    return [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK104"]


PLAIN_ACK = "So sorry your parcel is late."
PLAIN_SOLUTION = "It ships today and I'll text the tracking link."


def test_a_plain_gsm7_sms_under_160_passes(make_pack: Any) -> None:
    assert _sk104(make_pack, PLAIN_ACK, PLAIN_SOLUTION) == []


def test_an_emoji_makes_the_sms_ucs2_with_a_limit_of_70(make_pack: Any) -> None:
    (found,) = _sk104(make_pack, PLAIN_ACK + " \U0001F64F", PLAIN_SOLUTION)
    assert "UCS-2" in found.message and "limit 70" in found.message
    assert "'\U0001F64F'" in found.message  # the writer is told which character to take out
    assert "Leave out '\U0001F64F'" in (found.suggestion or "")  # (session 38: an emoji has no GSM-7 form)


def test_a_curly_quote_makes_the_sms_ucs2(make_pack: Any) -> None:
    (found,) = _sk104(make_pack, PLAIN_ACK, PLAIN_SOLUTION.replace("'", "\u2019"))
    assert "UCS-2" in found.message and "'\u2019'" in found.message
    # the same text with a straight apostrophe is a GSM-7 text, well under 160
    assert _sk104(make_pack, PLAIN_ACK, PLAIN_SOLUTION) == []


def test_an_emoji_outside_the_bmp_counts_as_two_utf16_units() -> None:
    from scriptkit.linting import lint_text

    def sk104(text: str) -> list[str]:
        return [d.message for d in lint_text(text, channel="sms", grammar="off").diagnostics if d.code == "SK104"]

    assert sk104("a" * 69 + "\u00e9") == []  # é is GSM-7: 70 characters of 160
    assert sk104("a" * 69 + "\u2013") == []  # an en dash is UCS-2, one unit: 70 of 70
    (over,) = sk104("a" * 69 + "\U0001F642")  # an emoji is two units: 71 of 70
    assert over.startswith("sms reply is 71 characters sent as UCS-2 (limit 70")


def test_gsm7_extension_characters_count_as_two() -> None:
    from scriptkit.linting import lint_text

    text = "x" * 150 + "\u20ac" * 6  # 156 characters, 162 septets
    (found,) = [d for d in lint_text(text, channel="sms", grammar="off").diagnostics if d.code == "SK104"]
    assert found.message.startswith("sms reply is 162 characters (limit 160")
    assert "'\u20ac'" in found.message
    assert [d for d in lint_text("x" * 154 + "\u20ac" * 3, channel="sms", grammar="off").diagnostics
            if d.code == "SK104"] == []  # 160 septets exactly


def test_the_starter_pack_sms_texts_are_gsm7_and_pass() -> None:
    starter = Path(__file__).resolve().parent.parent / "templates" / "starter"
    result = lint_pack(load_pack(starter))
    assert [d for d in result.diagnostics if d.code == "SK104"] == []


CARE_PACK = "name: Care pack\n"


def _care_script(acknowledgment: str, warm_language: str) -> str:
    return (f"id: slow-refund\ntitle: Slow refund\nchannels: [email]\n"
            f"acknowledgment: {acknowledgment!r}\nwarm_language: {warm_language!r}\n"
            "solution: \"I'll check today.\"\n")


LONG_CARE = ("I'm truly, deeply sorry for every part of this, and I really do appreciate the patience "
             "you have shown us over these long weeks of waiting.")


def _sk405(make_pack: Any, acknowledgment: str, warm_language: str) -> Any:
    root = make_pack({"refund.yaml": _care_script(acknowledgment, warm_language)}, CARE_PACK)
    (found,) = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK405"]
    return found


def test_care_heavy_names_and_points_at_the_long_warm_language(make_pack: Any) -> None:
    found = _sk405(make_pack, "I'm sorry it's slow.", LONG_CARE)
    assert "Trim the warm language to a sentence or two" in (found.suggestion or "")
    assert found.slot == "warm_language" and found.location.line == 5  # the warm_language line
    assert found.text == LONG_CARE


def test_care_heavy_names_the_long_acknowledgment(make_pack: Any) -> None:
    found = _sk405(make_pack, LONG_CARE, "Thanks for waiting.")
    assert "Trim the acknowledgment to a sentence or two" in (found.suggestion or "")
    assert found.location.line == 4


def test_care_heavy_with_both_slots_long_names_both(make_pack: Any) -> None:
    found = _sk405(make_pack, LONG_CARE, LONG_CARE.replace("truly, deeply", "so very"))
    assert "Trim the acknowledgment and the warm language" in (found.suggestion or "")


BLANK_SCRIPT = """\
id: refund
title: Refund
channels: [email]
acknowledgment: "I'm sorry the refund has taken this long."
flexibility:
  blanks:
    - {name: refund_amount, prompt: "The amount refunded"}
solution: "I've refunded MARKER to your card today; it shows within 3 business days."
"""


def _sk407(make_pack: Any, marker: str) -> list[Any]:
    root = make_pack({"refund.yaml": BLANK_SCRIPT.replace("MARKER", marker)}, CARE_PACK)
    return [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK407"]


def test_a_declared_blank_written_as_a_marker_is_told_how_to_use_it(make_pack: Any) -> None:
    for marker in ("[[refund_amount]]", "[REFUND AMOUNT]", "[[blank.refund_amount]]"):
        (found,) = _sk407(make_pack, marker)
        assert "{{ blank.refund_amount }}" in (found.suggestion or ""), marker
        assert "declare it" not in (found.suggestion or "")


def test_an_undeclared_marker_is_still_told_to_declare_a_blank(make_pack: Any) -> None:
    (found,) = _sk407(make_pack, "[[order_total]]")
    assert "declare it as a blank" in (found.suggestion or "")


def test_a_custom_rule_mistake_gives_its_example_as_a_sentence(make_pack: Any) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    pack_yaml = ("name: Custom\nrules:\n  custom:\n    - name: plain-words\n      kind: substitution\n"
                 "      swap: [store credit]\n    - kind: existence\n      terms: [sadly]\n")
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: \"Sorry.\"\nsolution: \"Done today.\"\n"},
                     pack_yaml)
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "pack.yaml:6:13: error: a substitution rule needs 'swap': a mapping of term to replacement. " \
           "For example: swap: {store credit: refund}" in result.output
    assert "custom rule needs a kebab-case 'name'. For example: name: no-jargon" in result.output
    assert ". e.g." not in result.output


@pytest.mark.parametrize(("locale", "meant"), [
    ("British English", "en-GB"), ("American English", "en-US"), ("english (uk)", "en-GB"),
    ("English (United States)", "en-US"), ("Brazilian Portuguese", "pt-BR"), ("British", "en-GB"),
])
def test_a_locale_written_as_words_is_offered_its_code(make_pack: Any, locale: str, meant: str) -> None:
    from scriptkit.errors import ScriptkitError

    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: Sorry.\nsolution: Done today.\n"},
                     f"name: Locales\nlocale: {locale}\n")
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert caught.value.location.line == 2  # type: ignore[union-attr]
    assert (caught.value.hint or "").startswith(f"Did you mean '{meant}'? ")


def test_an_underscore_locale_goes_to_gorgias_as_its_language(make_pack: Any, tmp_path: Path) -> None:
    import json

    from scriptkit import export

    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: Sorry it's late.\nsolution: It ships today.\n"},
                     "name: Locales\nlocale: en_GB\n")
    export(load_pack(root), "gorgias", tmp_path / "out")
    macros = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert {m["language"] for m in macros["macros"]} == {"en"}  # it was 'en_gb'


EMPTY_FALLBACK = """\
id: late
title: Late parcel
acknowledgment: "Sorry it's late{{ customer.first_name | fallback('') }}."
solution: "It ships today, and I'll email the tracking link."
"""


def test_an_empty_fallback_reaches_intercom_and_comes_back(make_pack: Any, tmp_path: Path) -> None:
    import json

    from scriptkit import export, import_library

    root = make_pack({"late.yaml": EMPTY_FALLBACK.replace("late{{", "late, {{")}, "name: Fallbacks\n")
    out = tmp_path / "out"
    export(load_pack(root), "intercom", out)
    text = (out / "intercom" / "macros" / "late.txt").read_text(encoding="utf-8")
    assert 'Sorry it\'s late, {{user.first_name|fallback:""}}.' in text  # it was {{user.first_name}}
    macros = json.loads((out / "intercom" / "macros.json").read_text(encoding="utf-8"))["macros"]
    assert all('fallback:""' in m["body_text"] for m in macros)
    # read back: the empty fallback is the script's again
    import_library(out / "intercom" / "macros.json", "intercom").write(tmp_path / "back")
    written = "".join(f.read_text(encoding="utf-8") for f in (tmp_path / "back" / "scripts").rglob("*.yaml"))
    assert "customer.first_name | fallback('')" in written or 'customer.first_name | fallback("")' in written, written


SHOPIFY = "{{ticket.customer.integrations.shopify.orders[0].name}}"
GORGIAS_REPLY = (f"I'm sorry order {SHOPIFY} is late, {{{{ticket.customer.firstname}}}}. "
                 "I've sent a new one today, and it'll arrive by Friday.")


def test_a_gorgias_shopify_placeholder_with_a_list_index_round_trips(tmp_path: Path) -> None:
    import json

    from scriptkit import export, import_library

    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": [{"id": 71, "name": "Late order", "actions": [
        {"name": "setResponseText", "title": "Response text", "type": "user",
         "arguments": {"body_text": GORGIAS_REPLY, "body_html": f"<div>{GORGIAS_REPLY}</div>"}}]}]}, indent=2),
        encoding="utf-8")
    import_library(source, "gorgias").write(tmp_path / "pack")
    pack_yaml = (tmp_path / "pack" / "pack.yaml").read_text(encoding="utf-8")
    # kept as the pack's own placeholder (it was a blank to fill in by hand), mapped back to its field
    assert "gorgias.ticket_customer_integrations_shopify_orders_0_name: " \
           "ticket.customer.integrations.shopify.orders[0].name" in pack_yaml
    export(load_pack(tmp_path / "pack"), "gorgias", tmp_path / "out")
    macros = json.loads((tmp_path / "out" / "gorgias" / "macros.json").read_text(encoding="utf-8"))["macros"]
    (action,) = [a for a in macros[0]["actions"] if a["name"] == "setResponseText"]
    assert action["arguments"]["body_text"] == GORGIAS_REPLY


def test_a_mapping_to_an_indexed_field_is_a_field_name(make_pack: Any, tmp_path: Path) -> None:
    import json

    from scriptkit import export

    pack_yaml = ("name: Orders\nplaceholders:\n  order.name: {description: The last order, sample: '#1001'}\n"
                 "export:\n  gorgias:\n    placeholders:\n"
                 "      order.name: ticket.customer.integrations.shopify.orders[0].name\n")
    script = ("id: late\ntitle: Late\nacknowledgment: \"I'm sorry order {{ order.name }} is late.\"\n"
              "solution: \"I've sent a new one today, and it'll arrive by Friday.\"\n")
    export(load_pack(make_pack({"late.yaml": script}, pack_yaml)), "gorgias", tmp_path / "out")  # no SK506
    text = (tmp_path / "out" / "gorgias" / "macros.json").read_text(encoding="utf-8")
    assert SHOPIFY in json.loads(text)["macros"][0]["actions"][0]["arguments"]["body_text"]


def test_an_sms_limit_of_two_parts_holds_two_ucs2_parts(make_pack: Any) -> None:
    pack_yaml = SMS_PACK + "rules:\n  options:\n    SK104: {limits: {sms: {chars: 306}}}\n"
    solution = "It ships today and I'll text the tracking link as soon as the courier has it. " * 2

    def sk104(acknowledgment: str) -> list[str]:
        root = make_pack({"late.yaml": _sms_script(acknowledgment, solution)}, pack_yaml)
        return [d.message for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK104"]

    assert sk104(PLAIN_ACK) == []  # about 200 GSM-7 characters: two parts of 153
    (over,) = sk104(PLAIN_ACK + " \U0001F64F")  # the same in UCS-2: three parts of 67
    assert "sent as UCS-2 (limit 134, not 306)" in over
