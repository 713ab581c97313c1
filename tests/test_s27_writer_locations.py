"""A reference the pack does not declare is located at its field inside the ``{{ }}`` (as an undefined
name is at the name), not at the first same word of the prose before it."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

SCRIPT = """\
name: Refund
acknowledgment: "I'm sorry the parcel arrived damaged, {{ customer.first_name | fallback('there') }}."
warm_language: "Thank you for telling us so quickly."
flexibility: "Offer a replacement or a refund."
solution: "The amount of your refund is {{ blank.amount }}, and {{ customer.nmae }} will hear from us today."
"""


def _columns(pack: Path) -> dict[str, str]:
    result = run_cli("check", str(pack))
    assert result.exit_code == 2, result.output
    found: dict[str, str] = {}
    for line in result.output.splitlines():
        if ": error: " in line:
            where, message = line.split(": error: ", 1)
            found[message.split(".", 1)[0]] = where.rsplit(":", 2)[1] + ":" + where.rsplit(":", 2)[2]
    return found


def test_undeclared_blank_and_unknown_placeholder_at_the_reference(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"refund.yaml": SCRIPT})
    line = SCRIPT.splitlines()[4]
    found = _columns(pack)
    assert found["blank 'amount' is used but not declared"] == f"5:{line.index('blank.amount') + len('blank.') + 1}"
    assert found["unknown placeholder 'customer"] == f"5:{line.index('customer.nmae') + len('customer.') + 1}"

