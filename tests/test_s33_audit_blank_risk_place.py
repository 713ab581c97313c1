"""An export macro's placeholder that can render blank is placed where the macro is (text and JSON), as a pack's
is placed at the placeholder in its script."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

_LIBRARY = [
    {"id": "w1", "title": "Welcome back", "body": "Thanks so much for your patience. I'll call you tomorrow."},
    {"id": "p7", "title": "Parcel late",
     "body": "Hello {{ticket.requester.first_name}},\n\nI understand how annoying a late parcel is. "
             "I've chased the courier and will write again on Monday."},
]


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "macros.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in _LIBRARY), encoding="utf-8")
    return path


def test_an_export_macros_blank_risk_names_where_the_macro_is(tmp_path: Path) -> None:
    export = _export(tmp_path)
    result = run_cli("audit", str(export), "--grammar", "off")
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.split("Placeholders that can render blank")[1].splitlines()
    said = "Parcel late (id p7): {{ticket.requester.first_name}} has no fallback"
    assert any(line.strip() in (f"{export}:2:1: {said}", f"macros.jsonl:2:1: {said}") for line in lines), lines


def test_the_json_places_each_blank_risk(tmp_path: Path) -> None:
    export = _export(tmp_path)
    result = run_cli("audit", str(export), "--grammar", "off", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    macro = next(m for m in json.loads(result.stdout)["macros"] if m["export_id"] == "p7")
    assert macro["blank_risks"] == ["customer.first_name"]
    assert [place["line"] for place in macro["blank_risks_at"]] == [2]
    assert macro["blank_risks_at"][0]["location"].endswith("macros.jsonl:2:1")


def test_a_packs_blank_risk_keeps_its_place_in_the_script(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    assert run_cli("init", str(pack)).exit_code == 0
    (pack / "scripts" / "hello.yaml").write_text(
        "id: hello\ntitle: Hello\nchannels: [email]\n"
        'acknowledgment: "Hi {{ customer.first_name }}, I can see how worrying a late parcel is."\n'
        'warm_language: "Thanks so much for your patience with us."\n'
        'solution: "I\'ll email you the tracking link by Friday."\n', encoding="utf-8")
    result = run_cli("audit", str(pack), "--grammar", "off", "--format", "json")
    macro = next(m for m in json.loads(result.stdout)["macros"] if m["id"] == "hello")
    [place] = macro["blank_risks_at"]
    assert place["file"].endswith("hello.yaml") and place["line"] == 4 and place["col"] > 1


def test_the_html_report_places_each_blank_risk_too(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    export = _export(tmp_path)
    page = tmp_path / "audit.html"
    result = run_cli("audit", str(export), "--grammar", "off", "--html", str(page))
    assert result.exit_code in (0, 1), result.output

    class Items(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.items: list[str] = []
            self.depth = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "li":
                self.items.append("")
                self.depth += 1

        def handle_endtag(self, tag: str) -> None:
            if tag == "li":
                self.depth -= 1

        def handle_data(self, data: str) -> None:
            if self.depth:
                self.items[-1] += data

    parsed = Items()
    parsed.feed(page.read_text(encoding="utf-8"))
    (risk,) = [item for item in parsed.items if "can be empty and has no fallback" in item]
    assert risk.endswith("macros.jsonl:2:1)"), risk
