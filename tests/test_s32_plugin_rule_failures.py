"""What a plug-in rule does wrong while it runs is told at the reply it was judging, naming the rule and its
module: an exception (SCRIPTKIT_DEBUG=1 shows its traceback), a finding whose span is outside the text (it was
reported at ``<default email layout>:1:1``, or read from the end, or merged with another script's), and
``check_pack`` yielding what docs/python/plugins.md shows, ``(message, Finding)`` pairs (a bare ``Finding``
ended in "'Finding' object has no attribute 'script_id'")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main
from scriptkit.message import Message
from scriptkit.models import Pack
from scriptkit.rules import Finding, Rule, RuleContext, all_rules
from scriptkit.rules.base import _REGISTRY

REFUND = ("id: refund\ntitle: Refund\nacknowledgment: I know the wait for this refund has been frustrating.\n"
          "solution: I've sent your refund today, and it reaches you within 5 days.\n")
WELCOME = ("id: welcome\ntitle: Welcome back\nacknowledgment: It's good to have you back.\n"
           "solution: I've restored your saved settings today.\n")


class Boom(Rule):
    """Fails on a refund."""

    code, name = "SK862", "acme-boom"

    def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        if "refund" in message.text:
            raise KeyError("slot")
        yield from ()


class Spans(Rule):
    """Yields the spans a test gives it."""

    code, name = "SK863", "acme-spans"
    #: the spans to yield, of the text's length
    spans: Callable[[int], tuple[tuple[int, int], ...]] = staticmethod(lambda n: ())

    def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        for start, end in self.spans(len(message.text)):
            yield Finding(start, end, "here")


class PackPairs(Rule):
    """Says which scripts mention a refund, as (message, Finding) pairs."""

    code, name = "SK864", "acme-pack-pairs"

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterator[Any]:
        for message in messages:
            at = message.text.find("refund")
            if at >= 0:
                yield message, Finding(at, at + 6, "refunds are promised in one script only")


class PackBare(Rule):
    """Yields a bare Finding from check_pack."""

    code, name = "SK865", "acme-pack-bare"

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterator[Any]:
        yield Finding(0, 5, "whole pack")


@pytest.fixture
def with_rule() -> Iterator[Any]:
    all_rules()
    before = dict(_REGISTRY)

    def add(rule: type[Rule]) -> None:
        _REGISTRY[rule.code] = rule
        all_rules.cache_clear()

    yield add
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


def check(root: Path, code: str, **env: str) -> Result:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", code, "--jobs", "1"],
                              env={"NO_COLOR": "1", "SCRIPTKIT_DEBUG": "", **env})


def test_a_rule_that_raises_is_told_at_the_reply_it_was_judging(with_rule: Any, make_pack: Any) -> None:
    with_rule(Boom)
    root = make_pack({"refund.yaml": REFUND, "welcome.yaml": WELCOME})
    result = check(root, "SK862")
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"{root / 'scripts' / 'refund.yaml'}\n  3:17    error      SK862 [acme-boom] rule "
                                    "failed on this reply (email): KeyError: 'slot'"), result.output
    assert f"This is a bug in the plug-in rule SK862 (module {__name__}, " in result.output
    assert f"{__file__}:" in result.output and "not in scriptkit or your files" in result.output, result.output
    assert "please report it" not in result.output


def test_scriptkit_debug_shows_the_rules_own_traceback(with_rule: Any, make_pack: Any) -> None:
    with_rule(Boom)
    root = make_pack({"refund.yaml": REFUND})
    result = check(root, "SK862", SCRIPTKIT_DEBUG="1")
    assert isinstance(result.exception, KeyError), result.output
    frames = [frame.name for frame in __import__("traceback").extract_tb(result.exception.__traceback__)]
    assert frames[-1] == "check", frames
    assert "in rule SK862 [acme-boom] on script 'refund' (email)" in "".join(result.exception.__notes__)


@pytest.mark.parametrize(("spans", "said"), [
    (lambda n: ((n + 5, n + 50),), "[{n5}, {n50}) outside the message text (0-{n})"),  # past the end
    (lambda n: ((-3, 2),), "[-3, 2) outside the message text (0-{n})"),
    (lambda n: ((10, 4),), "[10, 4) outside the message text (0-{n})"),  # reversed
    (lambda n: ((0, 2), (n - 3, n + 1)), "[{n3}, {n1}) outside the message text (0-{n})"),  # one past the end
])
def test_a_span_outside_the_text_is_refused_naming_the_rule(with_rule: Any, make_pack: Any, spans: Any,
                                                            said: str) -> None:
    rule = type("Spans", (Spans,), {"spans": staticmethod(spans), "__module__": __name__})
    with_rule(rule)
    root = make_pack({"refund.yaml": REFUND, "welcome.yaml": WELCOME})
    result = check(root, "SK863")
    assert result.exit_code == 2, result.output
    first = result.output.splitlines()[0]
    path, _, rest = first.partition(":1:1: error: ")
    assert path in (str(root / "scripts" / "refund.yaml"), str(root / "scripts" / "welcome.yaml")), first
    n = int(rest.split("(0-")[1].split(")")[0])
    said = said.format(n=n, n5=n + 5, n50=n + 50, n3=n - 3, n1=n + 1)
    assert rest.startswith(f"rule SK863 [acme-spans] yielded {said}"), first


def test_spans_at_the_ends_of_the_text_are_fine(with_rule: Any, make_pack: Any) -> None:
    rule = type("Spans", (Spans,), {"spans": staticmethod(lambda n: ((0, 2), (n - 3, n))),
                                    "__module__": __name__})
    with_rule(rule)
    root = make_pack({"refund.yaml": REFUND})
    result = check(root, "SK863")
    # ((n, n), an empty span, is refused: see test_s33_empty_span_refused)
    assert result.exit_code == 1 and result.output.count("here") == 2, result.output


def test_check_pack_may_yield_findings_with_their_message(with_rule: Any, make_pack: Any) -> None:
    with_rule(PackPairs)
    root = make_pack({"refund.yaml": REFUND, "welcome.yaml": WELCOME})
    result = check(root, "SK864")
    assert result.exit_code == 1, result.output
    assert f"{root / 'scripts' / 'refund.yaml'}\n  3:42    warning    SK864 [acme-pack-pairs]" in result.output, \
        result.output
    assert "refunds are promised in one script only" in result.output and "welcome.yaml" not in result.output


def test_a_bare_finding_from_check_pack_is_refused_naming_the_rule(with_rule: Any, make_pack: Any) -> None:
    with_rule(PackBare)
    root = make_pack({"refund.yaml": REFUND})
    result = check(root, "SK865")
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "error: rule SK865 [acme-pack-bare] check_pack yielded a Finding without the message it is in: yield "
        "(message, Finding) for a finding in one message's text, or a Diagnostic"), result.output
