"""Every blank the agent may have to fill in keeps its prompt in the exports that tell the agent what to fill
in (Zendesk's description, the playbook, the CSV's blanks column): the reply's, and also one only an
alternative, a condition or another variant's phrasing holds (real packs written to disk, exported as
`scriptkit export` does)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conftest import run_cli

from scriptkit import import_library
from scriptkit.exporting import export

PACK_YAML = """\
name: Freshly Forked support
placeholders:
  order.box_date:
    description: The delivery date of the box
    sample: Friday 12 June
  subscription.plan:
    sample: Family Veggie
"""

PRICE = """\
id: price-increase
title: "Billing::Price went up"
channels: [email]
acknowledgment: "It's not nice to see your bill go up, and I get why you're asking."
warm_language: "I'm sorry we didn't make this clearer sooner."
flexibility:
  guidance: Check the customer's plan history before you reply.
  alternatives:
    - label: They want to downgrade
      text: "I've moved you to the {{ blank.smaller_plan }} plan, which lowers your price from your next box."
  conditions:
    - when: the box was late too
      text: "I've also taken {{ blank.credit }} off your next box."
  blanks:
    - {name: smaller_plan, prompt: Smaller plan name}
    - {name: credit, prompt: How much credit you gave}
    - {name: reason, prompt: Why the price went up}
solution: >-
  From {{ order.box_date }}, {{ subscription.plan }} costs a little more because {{ blank.reason }}, and
  you can pause or change plans any time in the app.
"""

# the second variant's acknowledgment alone holds a blank: Zendesk lists it among the other phrasings
VARIANTS = """\
id: skip-week
title: "Orders::Skip a week"
channels: [email]
acknowledgment:
  - "I can see you'd like a week off, and that's no trouble at all."
  - "I can see you'd like to skip the {{ blank.week }} box, and that's no trouble at all."
warm_language: Thanks for letting us know in good time.
flexibility:
  guidance: A box can be skipped up to Wednesday noon.
  blanks:
    - {name: week, prompt: The week they skip}
solution: I've skipped that box for you, and your next one arrives as usual the week after.
"""


def _write(root: Path, scripts: dict[str, str], pack_yaml: str = PACK_YAML) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / name).write_text(text, encoding="utf-8")
    return root


def _description(out: Path, stem: str) -> list[str]:
    macro = json.loads((out / "zendesk" / "macros" / f"{stem}.json").read_text(encoding="utf-8"))["macro"]
    return str(macro.get("description", "")).split("\n")


def _rows(out: Path) -> list[dict[str, str]]:
    with (out / "csv" / "scripts.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_a_blank_only_an_alternative_or_condition_holds_keeps_its_prompt(tmp_path: Path) -> None:
    pack = _write(tmp_path / "pack", {"price.yaml": PRICE})
    result = run_cli("export", str(pack), "--to", "zendesk", "--to", "playbook", "--to", "csv", "--to", "json",
                     "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    lines = _description(out, "price-increase")
    # right after the notes, those only the notes hold, in their order; then the reply's markers, in its
    replaced = [line for line in lines if line.startswith("Replace [[")]
    assert replaced[:2] == ["Replace [[smaller plan]]: Smaller plan name",
                            "Replace [[credit]]: How much credit you gave"], lines
    assert [line.split(":")[0] for line in replaced[2:]] == ["Replace [[order box date]]",
                                                             "Replace [[subscription plan]]", "Replace [[reason]]"]
    assert replaced[-1] == "Replace [[reason]]: Why the price went up"

    playbook = (out / "playbook" / "playbook.md").read_text(encoding="utf-8")
    fill_in = playbook.split("**Fill in before sending**", 1)[1]
    assert "- **\\[\\[smaller plan\\]\\]**: Smaller plan name" in fill_in
    assert "- **\\[\\[credit\\]\\]**: How much credit you gave" in fill_in
    page = (out / "playbook" / "playbook.html").read_text(encoding="utf-8")
    assert "<li><mark>[[smaller plan]]</mark>: Smaller plan name</li>" in page

    (row,) = _rows(out)
    assert row["blanks"].split("\n") == ["reason: Why the price went up", "smaller_plan: Smaller plan name",
                                         "credit: How much credit you gave"]
    # (json kept it all along: the alternative's segments, and every blank the script declares)
    doc = json.loads((out / "json" / "pack.json").read_text(encoding="utf-8"))
    assert [b["name"] for b in doc["messages"][0]["blanks"]] == ["smaller_plan", "credit", "reason"]


def test_a_blank_only_another_variant_holds_is_named_where_zendesk_lists_that_phrasing(tmp_path: Path) -> None:
    pack = _write(tmp_path / "pack", {"skip.yaml": VARIANTS})
    export(pack, ["zendesk", "playbook"], tmp_path / "out", lint=False)
    lines = _description(tmp_path / "out", "skip-week")
    assert any(line.startswith("Or say (acknowledgment): ") and "[[week]]" in line for line in lines), lines
    assert lines[-1] == "Replace [[week]]: The week they skip"
    # (the playbook lists the variant itself, and its blank with it)
    playbook = (tmp_path / "out" / "playbook" / "playbook.md").read_text(encoding="utf-8")
    assert "- **\\[\\[week\\]\\]**: The week they skip" in playbook


def test_a_blank_the_reply_and_an_alternative_both_hold_is_named_once_where_the_reply_has_it(
        tmp_path: Path) -> None:
    both = PRICE.replace("the {{ blank.smaller_plan }} plan", "the {{ blank.reason }} plan")
    pack = _write(tmp_path / "pack", {"price.yaml": both.replace("    - {name: smaller_plan, prompt: Smaller plan "
                                                                "name}\n", "")})
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    lines = _description(tmp_path / "out", "price-increase")
    assert [line for line in lines if line.startswith("Replace [[reason]]")] == \
        ["Replace [[reason]]: Why the price went up"]
    assert lines.index("Replace [[credit]]: How much credit you gave") < \
        lines.index("Replace [[reason]]: Why the price went up")


def test_zendesk_round_trip_leaves_a_description_with_such_blanks_as_written(tmp_path: Path) -> None:
    # the import keeps the line of a blank its reply does not hold in the guidance, which the export writes first
    # (the scripts have guidance: a description of several lines without any comes back headed 'Guidance: ')
    pack = _write(tmp_path / "pack", {"price.yaml": PRICE, "skip.yaml": VARIANTS})
    export(pack, ["zendesk"], tmp_path / "one", lint=False)
    again = import_library(tmp_path / "one" / "zendesk" / "macros.json", "zendesk").write(tmp_path / "again")
    export(again, ["zendesk"], tmp_path / "two", lint=False)
    first, second = (json.loads((tmp_path / run / "zendesk" / "macros.json").read_text(encoding="utf-8"))
                     for run in ("one", "two"))
    assert [m.get("description") for m in second["macros"]] == [m.get("description") for m in first["macros"]]
    assert "Replace [[smaller plan]]: Smaller plan name" in first["macros"][0]["description"].split("\n")
