"""A Liquid if/else on the customer's name whose branches share their words imports as the placeholder with the else
branch's difference as its fallback (fallback('') where the else branch only drops the name), which the Liquid exports
write as a conditional again."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_s37_import_ticket_url import _exported, _import, _script


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("block", "expected", "note"), [
    ("{% if ticket.requester.first_name != blank %}Thanks {{ticket.requester.first_name}}{% else %}Thanks{% endif %}",
     "Thanks {{ customer.first_name | fallback('') }}", "reads 'Thanks ' where the name is empty; write other words in "
     "its fallback('')"),
    ("{% if ticket.requester.first_name != blank %}Hi {{ticket.requester.first_name}}{% else %}Hi there{% endif %}",
     "Hi {{ customer.first_name | fallback('there') }}", ""),
])
def test_an_if_else_on_the_name_imports_as_its_fallback_and_exports_as_liquid_again(
        tmp_path: Path, block: str, expected: str, note: str) -> None:
    pack = _import(tmp_path, block)
    script = _script(pack)
    assert expected in script.replace('"', "'")
    assert note in script  # (the import's note, in the script's comments, names the fallback the pack now has)
    for target, field in (("zendesk", "ticket.requester.first_name"), ("freshdesk", "ticket.requester.firstname")):
        files, _ = _exported(tmp_path, pack, target)
        assert f"{{% if {field}" in files and "{% else %}" in files and "{% endif %}" in files, target
