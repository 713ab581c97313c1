"""The exports read a link as the lint does: one pattern, scriptkit.text's, whose address is LINK_ADDRESS."""

from __future__ import annotations

from scriptkit import text
from scriptkit.targets import base


def test_the_exports_link_is_the_lint_s_and_its_address_is_link_address() -> None:
    assert base.LINK is text.LINK and base.unsafe_address is text.unsafe_address
    assert base.LINK_ADDRESS is text.LINK_ADDRESS and base.LINK_ADDRESS.pattern in base.LINK.pattern
    found = base.LINK.search("See [the guide](https://shop.test/Router_(a)) today.")
    assert found is not None and base.LINK_ADDRESS.fullmatch(found.group(2))
