"""placeholder-without-fallback (SK001) says what the customer would read with the value missing, and its
advice fits the placeholder and the place: fallback('there') greets by name, but a sentence is reworded."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.errors import ScriptkitError
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.placeholders import DEFAULT_CATALOGUE, PlaceholderSpec

PACK = "name: Fallbacks\nversion: 0.1.0\nlocale: en-US\n"
GREETING = ("channels:\n  email:\n    greeting: \"Hi {{ customer.first_name }},\"\n"
            "    signoff: \"Warm wishes, {{ agent.first_name }}\"\n")


def _pack(tmp_path: Path, warm: str, solution: str, pack: str = PACK) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack, encoding="utf-8")
    (root / "scripts" / "stock.yaml").write_text(
        "id: stock\ntitle: Back in stock\nchannels: [email]\n"
        'acknowledgment: "I know how disappointing it was to find the size you wanted sold out."\n'
        f'warm_language: "{warm}"\n'
        f'solution: "{solution}"\n', encoding="utf-8")
    return root


def _sk001(root: Path) -> list[tuple[str, str]]:
    return [(d.message, d.suggestion or "") for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK001"]


@pytest.mark.timeout(60)
def test_a_name_before_a_full_stop_is_reworded_not_given_there(tmp_path: Path) -> None:
    found = _sk001(_pack(tmp_path, "Thanks so much for your patience, {{ customer.first_name }}.",
                         "I have sent it to you today."))
    assert len(found) == 1, found
    message, suggestion = found[0]
    assert "the reply reads 'Thanks so much for your patience, .'" in message, message
    assert "fallback('there')" not in suggestion, suggestion
    assert "'Thanks so much for your patience.'" in suggestion and "no gap" in suggestion, suggestion


@pytest.mark.timeout(60)
def test_a_value_starting_a_sentence_gets_words_before_it(tmp_path: Path) -> None:
    found = _sk001(_pack(tmp_path, "Thanks for waiting.",
                         "{{ order.number }} is now back in stock, and I have sent it today."))
    assert len(found) == 1, found
    message, suggestion = found[0]
    assert "reads 'is now back in stock, and I have sent it today.'" in message, message
    assert "fallback('there')" not in suggestion, suggestion
    assert "'Your order {{ order.number }} is now back in stock, and I have sent it today.'" in suggestion
    assert "fallback('Your order')" in suggestion, suggestion


@pytest.mark.timeout(60)
def test_a_greeting_name_still_falls_back_to_there(tmp_path: Path) -> None:
    found = _sk001(_pack(tmp_path, "Thanks for waiting.", "I have sent it to you today.", PACK + GREETING))
    assert len(found) == 1, found
    message, suggestion = found[0]
    assert "reads 'Hi ,'" in message, message
    assert suggestion == "Add one: {{ customer.first_name | fallback('there') }}.", suggestion


@pytest.mark.timeout(60)
def test_a_condition_on_a_placeholder_suggests_its_own_fallback(tmp_path: Path) -> None:
    root = _pack(tmp_path, "Thanks for waiting.",
                 "{% if order.number %}Your order {{ order.number }} ships today.{% endif %} I have sent it today.")
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    said = str(caught.value) + " " + " ".join(e.hint or "" for e in getattr(caught.value, "errors", [caught.value]))
    assert "a condition cannot test the placeholder 'order.number'" in said, said
    assert "'your order {{ order.number }}'" in said and "fallback('there')" not in said, said


def test_the_catalogue_knows_each_placeholders_words() -> None:
    first = DEFAULT_CATALOGUE.get("customer.first_name")
    order = DEFAULT_CATALOGUE.get("order.number")
    assert first is not None and first.fallback == "there"
    assert order is not None and order.called == "your order"
    assert PlaceholderSpec("pet.name", "The pet's name", "Rex").fallback == ""  # (a pack's own: defaults)
