"""Export follow-ups in the targets' shared code: every lost fallback is reported, at its own place, and
an empty fallback reads as words for the agent (real packs written to disk, exported as `export` does)."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import build, export
from scriptkit.loading import load_pack
from scriptkit.rendering import render_pack
from scriptkit.targets import get

WARM = """\
id: team-visit
title: "Accounts::Team visit"
channels: [email]
acknowledgment: I know rearranging the visit at short notice has been a real nuisance.
warm_language: "Thank you for your patience, {{ customer.first_name | fallback(\\"O'Brien & co\\") }}."
solution: I've moved the visit to Thursday and sent the new invitation to everyone on the account.
"""


def sk504(tmp_path: Path, scripts: dict[str, str], target: str = "front") -> list[str]:
    pack = load_pack(write_pack(tmp_path / "pack", scripts, PACK_YAML))
    _, diagnostics = build(pack, get(target), render_pack(pack))
    return [f"{d.location.line if d.location else '?'} {d.message}" for d in diagnostics if d.code == "SK504"]


def test_each_lost_fallback_of_one_placeholder_is_reported_at_its_place(tmp_path: Path) -> None:
    lost = sk504(tmp_path, {"visit.yaml": WARM})
    # the greeting's "there" (pack.yaml) and the warm line's own fallback: two places, two wordings to check
    assert len(lost) == 2, lost
    assert any('"there" is lost' in line for line in lost)
    assert any('"O\'Brien & co" is lost' in line for line in lost)
    assert len(set(lost)) == len(lost)


def test_one_place_is_reported_once_however_often_its_placeholder_is_written(tmp_path: Path) -> None:
    # the pack's greeting is one place: each script reports it once, not once per reply it reaches
    twice = WARM.replace("team-visit", "team-visit-2").replace("Team visit", "Team visit again")
    lost = sk504(tmp_path, {"visit.yaml": WARM, "visit2.yaml": twice})
    assert len(lost) == 4, lost
    assert sum('"there" is lost' in line for line in lost) == 2


EMPTY = """\
id: order-shipped
title: "Orders::Shipped"
channels: [email, phone]
acknowledgment: I know you've been waiting to hear about this order.
warm_language: "Thanks for bearing with us{{ customer.first_name | fallback('') }}."
flexibility:
  conditions:
    - when: the order was a gift
      text: "Say the gift note for {{ customer.first_name | fallback('') }} is inside."
solution: Your order left our warehouse this morning and should reach you within two days.
"""


def test_an_empty_fallback_reads_as_nothing_in_the_playbook_and_the_agent_notes(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", {"shipped.yaml": EMPTY})
    export(pack, ["playbook", "csv"], tmp_path / "out", lint=False)
    written = {p.relative_to(tmp_path / "out").as_posix(): p.read_text(encoding="utf-8")
               for p in (tmp_path / "out").rglob("*") if p.suffix in {".md", ".html", ".csv"}}
    readable = {name: text for name, text in written.items() if "customer" in text and "README" not in name}
    assert {name.split("/")[0] for name in readable} == {"playbook", "csv"}, list(written)
    for name, text in readable.items():
        # (the CSV writes a condition as its text column writes the reply, the empty fallback in 'fallbacks')
        said = ("customer.first_name=,", "customer.first_name=\n") if name.startswith("csv/") else \
            ("first name, or nothing",)
        assert any(words in text for words in said), (name, text)
        assert 'or ""' not in text and "or &quot;&quot;" not in text, (name, text)
