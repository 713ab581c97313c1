"""``rendering.branch_choices``: the values of the constants a script tests that send another branch's text. A
yes-or-no constant's other value, as before; a number or a text compared with what the template writes
(``delivery_fee > 4``, ``region == "EU"``, ``plan in ["pro", "team"]``) gets a value for each way its comparisons
can come out, each said as the finding says when its text is sent ("delivery_fee is 4", 'region is not "EU"')."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scriptkit import load_pack, rendering
from scriptkit.rendering import MAX_BRANCH_VALUES, branch_choices

PACK = ("name: T\nconstants:\n  delivery_fee: 4.50\n  region: EU\n  plan: pro\n  open_today: true\n"
        "  hotline: 0800 123\n")


def _choices(make_pack: Any, solution: str, pack: str = PACK) -> list[list[tuple[object, str, bool]]]:
    script = f"id: s\ntitle: S\nacknowledgment: I know it's annoying.\nsolution: {json.dumps(solution)}\n"
    found = branch_choices(load_pack(make_pack({"a.yaml": script}, pack)))
    return [[(c.value, c.said, c.today) for c in options] for options in found.get("s", [])]


@pytest.mark.parametrize(("test", "other"), [
    ("delivery_fee > 4", (4, "delivery_fee is 4")),
    ("delivery_fee >= 5", (5, "delivery_fee is 5")),
    ("delivery_fee < 4", (3, "delivery_fee is 3")),
    ("delivery_fee <= 4", (4, "delivery_fee is 4")),
    ("4 < delivery_fee", (4, "delivery_fee is 4")),
    ("delivery_fee == 4.5", (3.5, "delivery_fee is 3.5")),
    ("delivery_fee > -1", (-1, "delivery_fee is -1")),
    ('region == "EU"', ("", 'region is not "EU"')),
    ('region != "EU"', ("", 'region is not "EU"')),
    ('region == "US"', ("US", 'region is "US"')),
    ('plan in ["pro", "team"]', ("", 'plan is none of "pro", "team"')),
    ('plan not in ("free",)', ("free", 'plan is "free"')),
])
def test_a_comparison_gets_the_value_that_flips_it(make_pack: Any, test: str, other: tuple[object, str]) -> None:
    (options,) = _choices(make_pack, f"{{% if {test} %}}Yes.{{% else %}}No.{{% endif %}}")
    assert options[0][2] and not any(today for *_, today in options[1:])
    assert options[1][:2] == other and len(options) == 2


def test_today_s_value_comes_first_as_written(make_pack: Any) -> None:
    (options,) = _choices(make_pack, "{% if delivery_fee > 4 %}Yes.{% endif %}")
    assert str(options[0][0]) == "4.50" and options[0][1:] == ("", True)


def test_each_way_an_elif_ladder_comes_out_is_a_choice(make_pack: Any) -> None:
    (options,) = _choices(make_pack, "{% if delivery_fee > 10 %}A{% elif delivery_fee > 5 %}B"
                                     "{% elif delivery_fee > 2 %}C{% else %}D{% endif %}")
    assert [said for _, said, _ in options[1:]] == ["delivery_fee is 2", "delivery_fee is 10", "delivery_fee is 11"]


def test_a_number_between_two_close_limits_is_found(make_pack: Any) -> None:
    (options,) = _choices(make_pack, "{% if delivery_fee > 4 and delivery_fee < 5 %}A{% endif %}",
                          PACK.replace("4.50", "6"))
    assert (4.5, "delivery_fee is 4.5", False) in options


def test_a_ladder_of_many_limits_gives_at_most_a_few_choices(make_pack: Any) -> None:
    ladder = "".join(f"{{% elif delivery_fee > {n} %}}{n}" for n in range(1, 12))
    (options,) = _choices(make_pack, f"{{% if delivery_fee > 20 %}}A{ladder}{{% endif %}}")
    assert len(options) == MAX_BRANCH_VALUES


def test_constants_keep_the_order_the_script_tests_them(make_pack: Any) -> None:
    found = _choices(make_pack, '{% if region == "EU" %}A{% elif open_today %}B{% endif %}'
                                "{{ 'C' if delivery_fee > 4 else 'D' }}")
    assert [options[1][1] for options in found] == ['region is not "EU"', "open_today is false",
                                                   "delivery_fee is 4"]


@pytest.mark.parametrize("test", ["delivery_fee * 2 > 8", 'region > "M"', 'region == 4', "delivery_fee == 'x'",
                                  "hotline == region", "delivery_fee", "delivery_fee | int > 4", 'region in "EU UK"'])
def test_a_comparison_with_no_value_a_writer_means_flips_nothing(make_pack: Any, test: str) -> None:
    assert _choices(make_pack, f"{{% if {test} %}}Yes.{{% endif %}}") == []


def test_tested_constants_still_names_the_yes_or_no_ones(make_pack: Any) -> None:
    script = ("id: s\ntitle: S\nacknowledgment: I know it's annoying.\n"
              "solution: '{% if region == \"EU\" %}A{% elif open_today %}B{% endif %}'\n")
    assert rendering.tested_constants(load_pack(make_pack({"a.yaml": script}, PACK))) == {"s": ["open_today"]}
