"""A placeholder mapping to fixed text ('brand.name: Acme Co') is no field: the advice says how to write fixed
text in that helpdesk's export (a constant), and the export is refused as bad input (exit 2), forced or not: the
text is never written as a variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import write_pack

from scriptkit.errors import ConfigError
from scriptkit.exporting import export

PACK = ("name: Text mapping\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"
        "export:\n  front:\n    placeholders:\n      brand.name: Lantern Goods\n")
SCRIPT = ("id: thanks\ntitle: Thanks for waiting\nchannels: [email]\n"
          "acknowledgment: I'm sorry the parcel took so long.\n"
          "solution: \"Thanks for shopping with {{ brand.name }}.\"\n")


def test_text_mapped_to_a_placeholder_is_advised_as_a_constant_and_never_written_as_a_variable(tmp_path: Path
                                                                                                ) -> None:
    pack = write_pack(tmp_path / "p", {"thanks.yaml": SCRIPT}, PACK)
    with pytest.raises(ConfigError) as refused:  # (bad input, as check says, forced or not)
        export(pack, ["front"], tmp_path / "refused", lint=False, force=True)
    advice = refused.value.hint or ""
    assert "constants" in advice and "brand_name: Lantern Goods" in advice and "{{ brand_name }}" in advice
    assert "ticket.custom_fields" not in advice  # (a Zendesk field is no example for Front)
    assert "recipient." in advice  # (one of Front's own)
    assert not (tmp_path / "refused").exists()
