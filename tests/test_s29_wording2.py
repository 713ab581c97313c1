"""Session 29, second wording pass: a service told as restored is finished news (SK403), SK407's hint names the
blank to declare, SK202 says what makes a reply formal, the grammar setting's error reads right from Python, and
SK301's docs name news told as unwelcome."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


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
