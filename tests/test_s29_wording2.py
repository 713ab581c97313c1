"""Session 29, second wording pass: a service told as restored is finished news (SK403), SK407's hint names the
blank to declare, SK202 says what makes a reply formal, the grammar setting's error reads right from Python, and
SK301's docs name news told as unwelcome."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text
from scriptkit.models import BLANK_NAME


def _codes(text: str, *codes: str) -> set[str]:
    config = LintConfig(select=tuple(Selector(c) for c in codes), grammar="off")
    return {d.code for d in lint_text(text, channel="email", config=config).diagnostics}


_SORRY = "Hi Priya, I'm sorry the outage cost you a morning of orders."

# ---------------------------------------------------------------- SK403: a service told as restored


@pytest.mark.parametrize("news", [
    "The booking page is now up and running again.",
    "The checkout is working again.",
    "Your storefront's back online.",
    "The dashboard is back to normal now.",
])
def test_a_service_told_as_restored_needs_no_owner(news: str) -> None:
    assert not _codes(f"{_SORRY} {news}", "SK403", "SK404")


@pytest.mark.parametrize("news", [
    "The booking page isn't back up yet.",
    "The checkout will be up and running again soon.",
    "The checkout is working again, and a refund will be sent.",
])
def test_a_service_still_down_or_a_step_left_still_needs_an_owner(news: str) -> None:
    assert "SK403" in _codes(f"{_SORRY} {news}", "SK403")


# ---------------------------------------------------------------- SK301's docs: news told as unwelcome


def test_sk301_docs_name_news_told_as_unwelcome_and_mean_it() -> None:
    from scriptkit.rules.empathy import MissingAcknowledgment

    docs = " ".join((MissingAcknowledgment.__doc__ or "").split())
    assert '"I know a price rise is never welcome"' in docs
    assert '"Your feedback is always welcome"' in docs
    # (what the docs say counts, counts; what they say does not, does not)
    solution = "I've added a month's credit to your account today."
    assert not _codes(f"I know a price rise is never welcome. {solution}", "SK301")
    assert "SK301" in _codes(f"Your feedback is always welcome. {solution}", "SK301")


# ---------------------------------------------------------------- SK407: the blank to declare, named from the marker

_BLANK_SCRIPT = """\
id: discount
title: Discount
channels: [email]
acknowledgment: "I'm sorry the code at checkout didn't take."
flexibility:
  blanks:
    - {name: voucher_code, prompt: "The voucher code"}
solution: "I've refunded MARKER to your card today."
"""


def _sk407_advice(make_pack: Any, marker: str) -> str:
    from scriptkit.linting import lint_pack
    from scriptkit.loading import load_pack

    root = make_pack({"discount.yaml": _BLANK_SCRIPT.replace("MARKER", marker)}, "name: Shop\n")
    (found,) = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK407"]
    return found.suggestion or ""


@pytest.mark.parametrize("marker, name", [
    ("{code}", "code"),
    ("[REFUND AMOUNT]", "refund_amount"),
    ("<insert expiry date>", "expiry_date"),
    ("£XX", "amount"),
    ("XXXCODEXXX", "code"),
])
def test_an_undeclared_marker_is_told_the_blank_named_from_it(make_pack: Any, marker: str, name: str) -> None:
    advice = _sk407_advice(make_pack, marker)
    assert f"{{{{ blank.{name} }}}}" in advice and f"- name: {name}" in advice, advice
    assert "flexibility: blanks:" in advice and "blank.name " not in advice
    assert BLANK_NAME.fullmatch(name)


@pytest.mark.parametrize("marker", ["TBD", "___", "xxx"])
def test_a_marker_with_no_words_asks_for_a_name_not_blank_name(make_pack: Any, marker: str) -> None:
    advice = _sk407_advice(make_pack, marker)
    assert "flexibility: blanks:" in advice and "{{ blank.name }}" not in advice, advice
    assert "blank.tbd" not in advice and "blank.xxx" not in advice


@pytest.mark.parametrize("marker", ["{voucher_code}", "[VOUCHER CODE]", "<voucher code>"])
def test_a_declared_blank_written_as_any_marker_is_told_how_to_use_it(make_pack: Any, marker: str) -> None:
    advice = _sk407_advice(make_pack, marker)
    assert "{{ blank.voucher_code }}" in advice and "declare it" not in advice, advice


# ---------------------------------------------------------------- the local grammar server and a pack in French

_FRENCH_PACK = "name: Boutique\nlocale: fr-FR\ngrammar:\n  mode: local\n"
_FRENCH_SCRIPT = ('id: retard\ntitle: Retard\nchannels: [email]\nacknowledgment: "Je comprends votre frustration."\n'
                  'solution: "Je vous rembourse aujourd\'hui."\n')


def test_english_only_local_server_hint_reads_as_python_from_python(make_pack: Any) -> None:
    from scriptkit import lint_pack, load_pack
    from scriptkit.errors import ConfigError

    pack = load_pack(make_pack({"retard.yaml": _FRENCH_SCRIPT}, _FRENCH_PACK))
    with pytest.raises(ConfigError) as caught:
        lint_pack(pack)
    hint = caught.value.hint or ""
    assert "does not check French (fr-FR)" in str(caught.value)  # (4742842: what the server has, named)
    assert "grammar= the URL of a LanguageTool server" in hint and "--grammar" not in hint, hint


def test_english_only_local_server_hint_names_the_flag_on_the_command_line(make_pack: Any) -> None:
    from tests.conftest import run_cli

    result = run_cli("check", str(make_pack({"retard.yaml": _FRENCH_SCRIPT}, _FRENCH_PACK)))
    assert result.exit_code == 2 and "--grammar the URL of a LanguageTool server" in result.output, result.output


# ---------------------------------------------------------------- SK202: in a writer's words, and what drives it


def _sk202(text: str) -> tuple[str, str]:
    config = LintConfig(select=(Selector("SK202"),), grammar="off")
    (found,) = [d for d in lint_text(text, channel="email", config=config).diagnostics if d.code == "SK202"]
    return found.message, found.suggestion or ""


def test_sk202_leads_with_words_and_keeps_the_numbers() -> None:
    message, _ = _sk202("We acknowledge receipt of your correspondence. The aforementioned transaction will be "
                        "reimbursed subsequent to verification of the documentation.")
    assert message.startswith("the reply reads more formal than the ceiling allows"), message
    assert "formality 0." in message and "ceiling 0.58" in message


def test_sk202_hint_names_the_long_words_of_the_most_formal_sentence() -> None:
    _, hint = _sk202("Thanks for writing. The aforementioned transaction will be reimbursed subsequent to "
                     "verification of the documentation.")
    assert "'verification'" in hint and "'documentation'" in hint, hint
    assert "contractions" not in hint


def test_sk202_hint_names_the_stock_phrase() -> None:
    _, hint = _sk202("Please be advised that the subscription cannot be cancelled in the absence of authorisation.")
    assert "'please be advised that'" in hint.lower(), hint


def test_sk202_hint_names_the_forms_to_contract() -> None:
    _, hint = _sk202("We are unable to locate the order, and we have not received the documentation regarding it.")
    assert "'We are' and 'have not' written out (write 'We're' and 'haven't')" in hint, hint


def test_sk202_hint_names_a_long_sentence_by_its_words() -> None:
    sentence = ("Thank you for your message regarding the delivery of the order that was placed on the website on "
                "the third of the month by the purchaser in the name of the organisation at the address given in "
                "the form at the time of the purchase of the goods.")
    _, hint = _sk202(sentence)
    assert f"{len(sentence.split())} words" in hint, hint
