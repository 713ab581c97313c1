"""`scriptkit check` names the placeholder a writer meant: a name is the first name, never the last."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

SCRIPT = """\
id: wait
title: "Orders::Wait"
acknowledgment: "I can see how worrying the wait is, {{ %s }}."
solution: "I'll email you by Friday with news."
"""


@pytest.mark.parametrize(("written", "told"), [
    ("customer.name", "Did you mean 'customer.first_name'?"),
    ("customer.fname", "Did you mean 'customer.first_name'?"),
    ("customer.FirstName", "Did you mean 'customer.first_name'?"),
    ("agent.name", "Did you mean 'agent.first_name'?"),
    ("ticket.number", "Did you mean 'ticket.id'?"),
    ("requester.name", "Did you mean {{ customer.first_name }}?"),
    ("client.firstName", "Did you mean {{ customer.first_name }}?"),
])
def test_the_placeholder_meant_is_suggested(make_pack: Any, written: str, told: str) -> None:
    root: Path = make_pack({"wait.yaml": SCRIPT % written})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    said = str(caught.value) + " " + " ".join(str(e) + " " + str(e.hint) for e in getattr(caught.value, "errors", []))
    assert told in said and "last_name" not in said and "full_name" not in said, said
