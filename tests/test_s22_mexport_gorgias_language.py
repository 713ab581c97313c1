"""A macro that reads as another language than the pack's locale, exported to Gorgias without its own
language setting: the export writes the pack's and says which setting to write (SK506), never a guess."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from export_fixtures import PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

JAPANESE = """\
id: late-ja
title: 配送の遅れ
channels: [email]
acknowledgment: お届けが遅れており、大変申し訳ございません。ご不便をおかけしております。
solution: 本日、配送業者に確認いたしました。明日までにお届けいたします。
"""

SPANISH = """\
id: late-es
title: Pedido retrasado
channels: [email]
acknowledgment: Lamentamos mucho la demora con su pedido, sabemos que es muy molesto.
solution: Hoy mismo le enviamos uno nuevo y le escribimos con el número de seguimiento.
"""


def _macros(out: Path) -> dict[str, object]:
    return {m["name"]: m["language"] for m in json.loads((out / "gorgias/macros.json").read_text())["macros"]}


def test_another_language_is_named_with_the_setting_to_write(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"ja.yaml": JAPANESE, "es.yaml": SPANISH}, PACK_YAML)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "gorgias", "--force", "-o", str(tmp_path / "out")])
    assert "Traceback" not in result.output
    flat = " ".join(result.output.split())
    assert "Japanese" in flat and "export: {gorgias: {language: ja}}" in flat
    assert "Spanish" in flat and "export: {gorgias: {language: es}}" in flat
    assert _macros(tmp_path / "out") == {"配送の遅れ": "en", "Pedido retrasado": "en"}  # (written, not guessed)


def test_a_declared_language_is_used_and_not_named(tmp_path: Path) -> None:
    own = JAPANESE + "export:\n  gorgias: {language: ja}\n"
    pack = write_pack(tmp_path / "p", {"ja.yaml": own}, PACK_YAML)
    found = export(pack, ["gorgias"], tmp_path / "out", lint=False).diagnostics
    assert not [d for d in found if "language" in d.message] and _macros(tmp_path / "out") == {"配送の遅れ": "ja"}
    # the pack's locale says it for every script
    pack = write_pack(tmp_path / "q", {"es.yaml": SPANISH}, PACK_YAML.replace("locale: en-GB", "locale: es-ES"))
    found = export(pack, ["gorgias"], tmp_path / "o2", lint=False).diagnostics
    assert not [d for d in found if "language" in d.message] and _macros(tmp_path / "o2") == {"Pedido retrasado": "es"}
    # and a null language (an import of a macro with none) is kept as written
    pack = write_pack(tmp_path / "r", {"es.yaml": SPANISH + "export:\n  gorgias: {language: null}\n"}, PACK_YAML)
    found = export(pack, ["gorgias"], tmp_path / "o3", lint=False).diagnostics
    assert not [d for d in found if "language" in d.message] and _macros(tmp_path / "o3") == {"Pedido retrasado": None}


def test_an_english_reply_is_not_named(tmp_path: Path) -> None:
    english = SPANISH.replace("id: late-es", "id: late-en").replace(
        "Lamentamos mucho la demora con su pedido, sabemos que es muy molesto.",
        "I'm so sorry your order is late, and I know how annoying that is.").replace(
        "Hoy mismo le enviamos uno nuevo y le escribimos con el número de seguimiento.",
        "I've sent a new one today and I'll email you the tracking number.")
    pack = write_pack(tmp_path / "p", {"en.yaml": english}, PACK_YAML)
    assert not [d for d in export(pack, ["gorgias"], tmp_path / "out", lint=False).diagnostics
                if "language" in d.message]
