"""A team's metric rule measures the reply as the customer reads it: a placeholder is its sample value (or its
fallback), not the {{ ... }} it is written as."""

from __future__ import annotations

from pathlib import Path

from scriptkit.config import load_config
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = """name: WC
channels:
  sms:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
rules:
  select: [custom]
  custom:
    - name: short
      kind: metric
      metric: %s
      max: 3
      channels: [sms]
"""


def _measured(tmp_path: Path, metric: str) -> str:
    (tmp_path / "pack.yaml").write_text(PACK % metric, encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "a.yaml").write_text(
        'id: a\ntitle: A\nchannels: [sms]\nacknowledgment: "Sorry it broke. I\'ve sent a new one today."\n'
        'solution: ""\n', encoding="utf-8")
    pack = load_pack(tmp_path)
    [finding] = lint_pack(pack, load_config(pack).override(grammar="off")).diagnostics
    return finding.message


def test_words_are_counted_as_read(tmp_path: Path) -> None:
    # "Hi Maya! Sorry it broke. I've sent a new one today." (the sample first name, one word): 11 words, not 13
    assert "Word count is 11;" in _measured(tmp_path, "words")


def test_characters_are_counted_as_read(tmp_path: Path) -> None:
    from scriptkit.placeholders import DEFAULT_CATALOGUE

    name = DEFAULT_CATALOGUE.samples()["customer.first_name"]
    shown = f"Hi {name}!\nSorry it broke. I've sent a new one today."  # (the greeting on its own line)
    said = _measured(tmp_path, "characters")
    assert f"Length in characters is {len(shown)};" in said
