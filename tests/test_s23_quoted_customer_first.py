"""A reply that opens by quoting the customer ('You wrote: "..."') and then acknowledges has its acknowledgment
first: the customer's words told back are not the reply's first sentence (SK302 said the acknowledgment "comes
second, after 'You wrote: ...'"). A reply that opens with its own policy line still gets SK302."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")
REST = ("I completely understand why you're fed up, and I'm sorry we took two days to answer. I've refunded the "
        "second payment of £12.50 today, and it reaches your card within 3 working days.\n\nBest,\nNia")


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, channel="email", config=CONFIG).diagnostics}


def test_a_quotation_of_the_customer_before_the_acknowledgment_is_no_first_sentence() -> None:
    text = ("Hi Ola,\n\nYou wrote: \"I've been billed twice and nobody is answering me. This is ridiculous.\"\n\n"
            + REST)
    assert "SK302" not in _codes(text)


def test_a_policy_line_before_it_still_is() -> None:
    text = f"Hi Ola,\n\nRefunds take 5 working days to process.\n\n{REST}"
    assert "SK302" in _codes(text)
