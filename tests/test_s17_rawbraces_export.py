"""A Zendesk macro's {% raw %} text, imported and exported to a helpdesk with no escape for '{{'
(Gorgias, Front, Intercom): the export is refused at the line that holds it, naming the script and
saying what that helpdesk does with the text; Zendesk and Freshdesk write it in {% raw %} again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from liquid import Environment

from scriptkit import import_library
from scriptkit.exporting import ExportRefused, export

BODY = ("I'm sorry the invoice template printed the wrong name.\n\nIn the template editor, type "
        "{% raw %}{{ client.name }}{% endraw %} where the name goes. I've reset your template today.")


def _imported_pack(tmp_path: Path) -> Path:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [{"id": 7, "title": "Invoice template name",
                                              "actions": [{"field": "comment_value", "value": BODY}]}]}),
                      encoding="utf-8")
    return import_library(source, "zendesk").write(tmp_path / "pack")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("target", "says"), [
    ("gorgias", "Gorgias takes '{{ client.name }}' for a variable, and a variable it has no value for is "
                "replaced with a blank space"),
    ("front", "Front takes '{{ client.name }}' for a variable, and documents neither an escape nor what it sends"),
    ("intercom", "Intercom takes '{{ client.name }}' for an attribute"),
])
def test_no_escape_helpdesks_refuse_it_saying_what_they_would_do(tmp_path: Path, target: str, says: str) -> None:
    pack = _imported_pack(tmp_path)
    with pytest.raises(ExportRefused) as refused:
        export(pack, [target], tmp_path / "out", lint=False)
    (d,) = [d for d in refused.value.diagnostics if d.code == "SK505"]
    assert d.script_id == "invoice-template-name" and says in d.message, d.message
    script = pack / "scripts" / "invoice-template-name.yaml"
    line = script.read_text(encoding="utf-8").split("\n")[d.location.line - 1]
    # (at the quoted '{{' itself: the text of "{{ '{{' }}" is located where it is written)
    assert d.location.file == str(script) and line[d.location.col - 5:].startswith("{{ '{{' }} client.name }}")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", ["zendesk", "freshdesk"])
def test_liquid_helpdesks_show_the_braces(tmp_path: Path, target: str) -> None:
    pack = _imported_pack(tmp_path)
    export(pack, [target], tmp_path / "out", lint=False)
    folder = "macros" if target == "zendesk" else "canned_responses"
    payload = json.loads((tmp_path / "out" / target / folder / "invoice-template-name.json").read_text())
    body = payload["content_html"] if target == "freshdesk" else payload["macro"]["actions"][0]["value"]
    assert "type {{ client.name }} where the name goes" in Environment().from_string(body).render()
