"""The audit's text report as a lead reads it: each score named, a capped score said as capped and why, no
"worst" list of perfect macros, a blank-prone placeholder with its place, contradictions said as unchecked
where they were, and the same blank-prone placeholders as `check` reports (SK001)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

_AT_START = ("id: start\ntitle: Order news\nchannels: [email]\n"
             'acknowledgment: "I can see how worrying a late parcel is."\n'
             'warm_language: "Thanks so much for your patience with us."\n'
             'solution: "{{ order.number }} left our warehouse today, and it\'ll arrive by Friday."\n')
_MARKER = ("id: marker\ntitle: Refund by date\nchannels: [email]\n"
           'acknowledgment: "I can see how frustrating a late parcel is, and I\'m truly sorry."\n'
           'warm_language: "Thanks so much for telling us."\n'
           'solution: "I\'ll refund you in full by [DATE], and I\'ll email you then."\n')
_SPANISH = ("id: tarde\ntitle: Pedido tarde\nchannels: [email]\n"
            'acknowledgment: "Entiendo lo molesto que es esperar un pedido que no llega."\n'
            'warm_language: "Gracias por su paciencia, de verdad."\n'
            'solution: "Hoy le envío uno nuevo y llegará el viernes."\n')


def _starter(tmp_path: Path, scripts: dict[str, str]) -> Path:
    """``scriptkit init``'s pack (its script scores 100, '{{ order.number }}' in mid-sentence), and ``scripts``."""
    pack = tmp_path / "pack"
    assert run_cli("init", str(pack)).exit_code == 0
    for name, text in scripts.items():
        (pack / "scripts" / name).write_text(text, encoding="utf-8")
    return pack


def _audit(pack: Path) -> str:
    result = run_cli("audit", str(pack), "--grammar", "off")
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_a_macros_scores_are_named_and_a_cap_says_why(tmp_path: Path) -> None:
    out = _audit(_starter(tmp_path, {"marker.yaml": _MARKER}))
    assert "scores: acknowledgment 100, warm language 100, flexibility 0, solution 70, readability " in out, out
    assert "overall capped at 50 (it would score " in out, out
    assert ") because it would send a fill-in marker (unfilled-blank) as written" in out
    assert "held at 50 (from" not in out
    assert "Work in this order:" in out and "Work in this order (" not in out


def test_a_perfect_library_lists_no_worst_macros(tmp_path: Path) -> None:
    out = _audit(_starter(tmp_path, {}))
    assert "Worst" not in out, out
    assert "No macro scores below 100" in out, out


def test_audit_and_check_agree_on_placeholders_that_read_blank(tmp_path: Path) -> None:
    pack = _starter(tmp_path, {"start.yaml": _AT_START})
    check = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    flagged = [line for line in check.stdout.splitlines() if " SK001 " in line]
    assert len(flagged) == 1 and "start.yaml" in flagged[0], check.stdout
    out = _audit(pack)
    assert "Placeholders that can render blank: 1" in out, out
    place = flagged[0].split(": ")[0]
    assert f"  {place}: Order news: {{{{ order.number }}}} has no fallback" in out, out
    assert "Arrived damaged:" not in out.split("Placeholders that can render blank")[1]


def test_contradictions_say_where_they_were_not_checked(tmp_path: Path) -> None:
    out = _audit(_starter(tmp_path, {"tarde.yaml": _SPANISH}))
    assert "Contradictions: 0 (not checked in 1 macro(s) in another language: Spanish 1)" in out, out


def test_a_packs_own_blank_for_a_value_no_helpdesk_fills_is_no_broken_placeholder(tmp_path: Path) -> None:
    # ('{{ blank.order_number }}', prompted: no helpdesk scriptkit exports to fills an order number, so the agent
    # fills it wherever the macro goes; a blank for the customer's name, which helpdesks fill, is still told)
    blanks = ("flexibility:\n  blanks:\n    - name: {name}\n      prompt: From the ticket\n      example: X\n")
    order = ("id: order\ntitle: Order news\nchannels: [email]\n"
             'acknowledgment: "I know how worrying it is when order {{ blank.order_number }} runs late."\n'
             'solution: "I\'ve sent a new one today and it will be with you by Friday."\n'
             + blanks.format(name="order_number"))
    out = _audit(_starter(tmp_path, {"order.yaml": order}))
    assert "Placeholders that did not map: 0" in out, out
    named = order.replace("order_number", "customer_first_name").replace("id: order", "id: named")
    out = _audit(_starter(tmp_path / "b", {"named.yaml": named}))
    assert "Placeholders that did not map: 1" in out and "customer.first_name" in out, out
