"""The other branches are judged by rendering a script once per way its branches can go, not once per choice of
its constants: the choices' branch tests are worked out (cheap) and a choice whose tests come out as another's,
printing the same values, sends the same texts. The texts judged and the findings stay those of rendering every
choice; a test the evaluation cannot follow (a filter, a name the template sets) leaves its script rendered under
each choice, as before."""

from __future__ import annotations

import json
from itertools import product
from typing import Any

import pytest

import scriptkit.rendering as rendering
from scriptkit import lint_pack, load_pack
from scriptkit.rendering import branch_choices, branch_outcomes, render_pack

PACK = "name: T\nconstants:\n  delivery_fee: 3.50\n  region: US\n  plan: free\n  closed: false\n"
HEAD = "id: fee\ntitle: Delivery fee\nacknowledgment: I know it's annoying to pay for delivery.\n"
KINDLY = "corporate phrase \"Kindly\": \"Kindly\" reads as stiff or passive-aggressive in a request."
# three constants, four choices each (today's and three others): 63 other choices, 9 other ways the ladder goes
LADDER = ("{% if delivery_fee > 10 %}A surcharge applies.{% elif delivery_fee > 4 %}I'll waive the fee today."
          "{% elif delivery_fee < 1 %}Delivery is free.{% elif region == 'EU' %}EU orders ship Monday."
          "{% elif region == 'UK' %}UK orders ship today.{% elif region == 'FR' %}Kindly wait for Monday."
          "{% elif plan == 'pro' %}As a pro you get it today.{% elif plan == 'team' %}Teams wait a day."
          "{% elif plan == 'biz' %}Kindly send the receipt.{% else %}I've refunded the fee today.{% endif %}")


def _script(solution: str) -> str:
    return HEAD + f"solution: {json.dumps(solution)}\n"


def test_a_three_constant_ladder_is_rendered_once_per_way_it_goes(make_pack: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pack = load_pack(make_pack({"a.yaml": _script(LADDER)}, PACK))
    rendered: list[str | None] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        rendered.append(args[2] if len(args) > 2 else kwargs.get("script_id"))
        return render_pack(*args, **kwargs)

    monkeypatch.setattr(rendering, "render_pack", counted)
    found = [d.message for d in lint_pack(pack).diagnostics if d.code == "SK201"]
    # (today's render aside; not 63 times: once 'delivery_fee > 10' holds, region and plan change nothing)
    assert [script_id for script_id in rendered if script_id] == ["fee"] * 9
    assert sorted(found) == [f'{KINDLY} (in the text sent when plan is "biz")',
                             f'{KINDLY} (in the text sent when region is "FR")']


CASES = {
    "ladder": LADDER,
    "printed": "{% if closed %}Closed.{% elif delivery_fee > 10 or delivery_fee < 1 %}The fee is {{ delivery_fee }}."
               "{% endif %}",  # (0 and 11 choose the same branch, and print apart)
    "set from a constant": "{% set fee = delivery_fee %}{% if delivery_fee > 4 %}High {{ fee }}.{% endif %}",
    "inline and nested": "{{ 'EU' if region == 'EU' else 'Not EU' }} {% if not closed %}{% if delivery_fee <= 4 "
                         "and plan in ['pro', 'team'] %}Free.{% elif 2 < delivery_fee < 4 %}Cheap.{% endif %}"
                         "{% endif %}",
    "a filter in a test": "{% if delivery_fee | round > 4 %}High.{% elif region == 'EU' %}EU.{% endif %}",
    "a name the template sets": "{% set closed = delivery_fee > 4 %}{% if closed %}High.{% endif %}"
                                "{% if region == 'EU' %}EU.{% endif %}",
    "a loop's name": "{% for p in ['pro'] %}{% if plan == p or plan == 'team' %}{{ p }}.{% endif %}{% endfor %}",
    "a failing comparison": "{% if region == 'EU' %}EU.{% elif region > 4 %}Odd.{% endif %}"
                            "{% if delivery_fee > 4 %}High.{% endif %}",
    "if without else": "{% if (1 if closed) %}Closed.{% endif %}{% if delivery_fee > 4 %}High.{% endif %}",
}


def _texts(pack: Any, changed: dict[str, object]) -> tuple[str, ...] | None:
    meta = pack.meta.model_copy(update={"constants": {**pack.meta.constants, **changed}})
    try:
        return tuple(m.text for m in render_pack(pack.model_copy(update={"meta": meta}), None, "fee",
                                                 all_variants=True))
    except Exception:  # (a choice that does not render: the check skips it)
        return None


@pytest.mark.parametrize("solution", CASES.values(), ids=CASES.keys())
def test_choices_told_alike_render_alike(make_pack: Any, solution: str) -> None:
    pack = load_pack(make_pack({"a.yaml": _script(solution)}, PACK))
    choices = branch_choices(pack)["fee"][:3]
    names = [options[0].name for options in choices]
    outcome = branch_outcomes(pack, pack.script("fee"), names)
    if outcome is None:  # (rendered under every choice: nothing to tell apart)
        assert solution in (CASES["a filter in a test"], CASES["a name the template sets"], CASES["a loop's name"])
        return
    sent: dict[object, tuple[str, ...] | None] = {}
    for picked in product(*choices):
        texts = _texts(pack, {c.name: c.value for c in picked})
        key = outcome([c.value for c in picked])
        assert sent.setdefault(key, texts) == texts, (picked, key)
    if solution == LADDER:  # (each way the ladder goes told apart once: today's and 9 others, of 64 choices)
        assert len(sent) == len(set(sent.values())) == 10


def test_a_layout_that_tests_a_constant_is_followed_too(make_pack: Any) -> None:
    pack_yaml = PACK + ("channels:\n  email:\n    greeting: \"{% if closed %}Kindly note we are closed.{% else %}"
                        "Hi there,{% endif %}\"\n")
    solution = "{% if closed or region == 'EU' %}It ships Monday.{% else %}I've refunded the fee today.{% endif %}"
    pack = load_pack(make_pack({"a.yaml": _script(solution)}, pack_yaml))
    outcome = branch_outcomes(pack, pack.script("fee"), ["closed", "region"])
    assert outcome is not None
    # (the script's own test comes out the same; the greeting's does not)
    assert _texts(pack, {"closed": True}) != _texts(pack, {"region": "EU"})
    assert outcome([True, "US"]) != outcome([False, "EU"])
    found = [d.message for d in lint_pack(pack).diagnostics if d.code == "SK201"]
    assert found == [f"{KINDLY} (in the text sent when closed is true)"]


def test_a_text_two_choices_send_is_said_with_the_one_that_changes_fewer_constants(make_pack: Any) -> None:
    solution = ("{% if closed or (delivery_fee > 4 and region == 'EU') %}Kindly wait till Monday.{% else %}"
                "I've refunded the fee today.{% endif %}")
    pack = load_pack(make_pack({"a.yaml": _script(solution)}, PACK))
    found = [d.message for d in lint_pack(pack).diagnostics if d.code == "SK201"]
    assert found == [f"{KINDLY} (in the text sent when closed is true)"]  # (not 'delivery_fee is 5 and region...')
