"""The HTML import and the exports read a link's address with one function: what the import takes for a link
whose text says its address ('mailto:' dropped) is what a plain export writes after a link's text."""

from __future__ import annotations

from scriptkit.importers import html as html_import
from scriptkit.targets import base


def test_import_and_export_share_one_address_reading() -> None:
    assert html_import.link_address is base.link_address
    assert not hasattr(html_import, "_address") and not hasattr(base, "_address")
    assert base.link_address("mailto:care@example.com") == "care@example.com"
    assert html_import.html_to_text('<p><a href="mailto:care@example.com">care@example.com</a></p>') == \
        "care@example.com"
