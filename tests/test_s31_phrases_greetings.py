"""SK302: greetings from Australia, the US, New Zealand, India and Spain ("G'day Sam!", "Howdy!", "Kia ora!",
"Namaste!", "¡Hola!") open the reply; the acknowledgment after them is not late."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


@pytest.mark.parametrize("greeting", [
    "G'day!", "G'day Sam!", "G\u2019day Sam!", "G'day Sam,", "Howdy!", "Howdy Sam,", "Kia ora!", "Kia ora Sam,",
    "Namaste!", "\u00a1Hola!", "\u00a1Hola Luc\u00eda!", "\u00a1Buenos d\u00edas!",
])
def test_a_greeting_from_elsewhere_is_not_a_late_acknowledgment(greeting: str) -> None:
    text = f"{greeting}\n\nI can see the parcel is late, which is annoying. I've sent a new one today.\n\nBest,\nAlex\n"
    assert [d.code for d in lint_text(text).diagnostics if d.code == "SK302"] == []
