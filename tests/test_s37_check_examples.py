"""``scriptkit.rules.check_examples``: a plug-in's tests try its rule on its own examples (plugins.md said to,
with no public way; scriptkit's own test had a private helper)."""

from __future__ import annotations

from collections.abc import Iterator

from scriptkit.message import Message
from scriptkit.rules import Example, Finding, Rule, RuleContext, check_examples


class Asap(Rule):
    """Flags 'asap'."""

    code, name = "SK874", "acme-asap"
    bad_examples = (Example.of(acknowledgment="I see the parcel is late.", solution="I'll send it asap."),)
    good_examples = (Example.of(acknowledgment="I see the parcel is late.", solution="I'll send it by Friday."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        at = message.text.lower().find("asap")
        if at >= 0:
            yield Finding(at, at + 4, "say when")


def test_a_rule_that_keeps_its_examples_has_no_problems() -> None:
    assert check_examples(Asap) == []


def test_each_example_the_rule_gets_wrong_is_a_problem() -> None:
    swapped = type("Swapped", (Asap,), {"bad_examples": Asap.good_examples, "good_examples": Asap.bad_examples,
                                        "__doc__": "Flags 'asap' (examples swapped)."})
    assert check_examples(swapped) == [
        "SK874 [acme-asap] bad example 1 is not flagged: "
        "{'acknowledgment': 'I see the parcel is late.', 'solution': \"I'll send it by Friday.\"}",
        "SK874 [acme-asap] good example 1 is flagged: "
        "{'acknowledgment': 'I see the parcel is late.', 'solution': \"I'll send it asap.\"}"]
    bare = type("Bare", (Asap,), {"good_examples": (), "__doc__": "Flags 'asap' (no good example)."})
    assert check_examples(bare) == ["SK874 [acme-asap] has no good examples (good_examples)"]
