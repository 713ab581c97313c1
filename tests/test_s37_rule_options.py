"""A plug-in rule's options: a whole-number default read as a number takes 2.5 (it was refused as "must be a
whole number" before the rule read it), a text reader, the readers' ranges as written (1,000,000, not 1e+06)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import pytest

from scriptkit.config import load_config
from scriptkit.errors import ConfigError
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.message import Message
from scriptkit.rules import Finding, Rule, RuleContext, all_rules, options
from scriptkit.rules.base import _REGISTRY

SCRIPT = ("id: refund\ntitle: Refund\nacknowledgment: I know the wait for this refund has been frustrating.\n"
          "solution: I've sent your refund of 3 today, and it reaches you within 5 days.\n")


class Amount(Rule):
    """Says the limit and currency it read."""

    code, name = "SK873", "acme-amount"
    options: ClassVar[dict[str, Any]] = {"max_amount": 1000, "currency": "USD"}

    def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        limit = options.number(type(self), ctx, "max_amount", 0, 1_000_000)
        currency = options.text(type(self), ctx, "currency")
        yield Finding(0, 1, f"limit {limit} in {currency}")


@pytest.fixture(autouse=True)
def with_rule() -> Iterator[None]:
    all_rules()
    before = dict(_REGISTRY)
    _REGISTRY[Amount.code] = Amount
    all_rules.cache_clear()
    yield
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def said(make_pack: Any, settings: str) -> str:
    pack = load_pack(make_pack({"a.yaml": SCRIPT}, pack_yaml=f"name: T\nrules:\n  select: [SK873]\n  options:\n"
                                                                 f"    acme-amount: {settings}\n"))
    (diag,) = lint_pack(pack, load_config(pack)).diagnostics
    return diag.message


def test_a_whole_number_default_read_as_a_number_takes_a_fraction(make_pack: Any) -> None:
    assert said(make_pack, "{max_amount: 2.5, currency: EUR}").startswith("limit 2.5 in EUR")


def test_a_whole_number_option_a_built_in_rule_reads_as_one_still_refuses_a_fraction(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml="name: T\nrules:\n  options:\n    long-sentence: {max_words: 2.5}\n")
    with pytest.raises(ConfigError, match=r"option 'max_words' of rule SK103 \[long-sentence\] must be a whole number"):
        load_config(load_pack(root))


@pytest.mark.parametrize(("settings", "message"), [
    ("{max_amount: 2000000}", "option 'max_amount' of rule SK873 [acme-amount] must be a number from 0 to 1,000,000, "
                              "not 2000000"),
    ("{currency: 12}", "option 'currency' of rule SK873 [acme-amount] must be text, not the number 12"),
])
def test_the_readers_say_what_they_expect_as_written(make_pack: Any, settings: str, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        said(make_pack, settings)
    assert err.value.message == message
    assert err.value.location is not None and err.value.location.line == 5


def test_each_reader_is_documented() -> None:
    for reader in (options.number, options.integer, options.text, options.phrases, options.entries):
        assert reader.__doc__ and "ConfigError" in reader.__doc__, reader
