"""'{{ }}' in text the agent reads as written (a blank's prompt and example, an alternative's label, a
condition's 'when') is refused where it is, as in a title: it went to every export with its braces."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

NOTES = """id: notes
title: General::Notes
channels: [email]
acknowledgment: "I can see how frustrating it is that your parcel is late, and I understand why you're upset."
warm_language: "Thanks so much for bearing with us."
flexibility:
  blanks:
    - name: new_date
      prompt: "The date you promised {{ customer.frist_name }}"
      example: "{{ order.date }}"
  alternatives:
    - label: "Lost {{ order.nubmer }}"
      text: "I've sent a replacement today, it arrives {{ blank.new_date }}."
  conditions:
    - when: "order is over {% if x %}20{% endif %}"
      text: "I'll refund you within {{ refund_window_days }} days."
solution: "I've chased the courier today and it will arrive by {{ blank.new_date }}."
"""


def _pack(root: Path, script: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Shop\nconstants:\n  refund_window_days: 30\n", encoding="utf-8")
    (root / "scripts" / "notes.yaml").write_text(script, encoding="utf-8")
    return root


def test_templates_in_agent_text_are_refused_where_they_are(tmp_path: Path) -> None:
    root = _pack(tmp_path / "shop", NOTES)
    file = root / "scripts" / "notes.yaml"
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    hint = "Write it in words: constants and placeholders are filled in the reply's text only."
    assert str(caught.value).splitlines() == [
        f"{file}:9:15: a blank's prompt is used as written (the agent reads it), so '{{{{ customer.frist_name }}}}' "
        f"would not be filled in. {hint}",
        f"{file}:10:16: a blank's example is used as written (the agent reads it), so '{{{{ order.date }}}}' "
        f"would not be filled in. {hint}",
        f"{file}:12:14: an alternative's label is used as written (the agent reads it), so '{{{{ order.nubmer }}}}' "
        f"would not be filled in. {hint}",
        f"{file}:15:13: a condition's 'when' is used as written (the agent reads it), so '{{% if x %}}' "
        f"would not be filled in. {hint}",
    ]
    out = tmp_path / "out"
    result = run_cli("export", str(root), "--to", "zendesk", "--out", str(out))
    assert result.exit_code == 2 and "notes.yaml:9:15" in result.output
    assert not out.exists() or not any(out.rglob("*.json"))


def test_the_prompt_an_import_writes_for_an_unmapped_placeholder_is_kept(tmp_path: Path) -> None:
    # "Was {{ author }} in the original (...)": the import's note of what the original held (the audit reads it)
    script = NOTES.replace('"The date you promised {{ customer.frist_name }}"',
                           '"Was {{ author }} in the original (placeholder in a style scriptkit cannot map '
                           '({{ … }})). Fill it in or replace it."')
    script = script.replace('      example: "{{ order.date }}"\n', "").replace("Lost {{ order.nubmer }}", "Lost")
    script = script.replace("{% if x %}20{% endif %}", "20")
    root = _pack(tmp_path / "shop", script)
    assert load_pack(root).scripts[0].blanks["new_date"].prompt.startswith("Was {{ author }}")
    (root / "scripts" / "notes.yaml").write_text(script.replace("Was {{ author }}", "Ask for {{ author }}"),
                                                 encoding="utf-8")
    with pytest.raises(ScriptkitError, match="a blank's prompt is used as written"):
        load_pack(root)
