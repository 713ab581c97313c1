"""A constant YAML would read as a number it cannot print as written ('freephone: 08001234567'), or
as a date, is kept as the text the writer typed; a number that prints as written stays a number."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack, render_script
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

SCRIPT = ("id: hours\ntitle: General::Hours\nchannels: [chat]\n"
          "acknowledgment: \"I know it's frustrating when you can't reach us.\"\n"
          "warm_language: \"Thanks for your patience.\"\n"
          "solution: \"Ring us free on {{ freephone }}, or post it to postcode {{ postcode }}.\"\n")


def _pack(root: Path, pack_yaml: str, script: str = SCRIPT) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "hours.yaml").write_text(script, encoding="utf-8")
    return root


def test_a_leading_zero_reaches_the_reply_as_written(tmp_path: Path) -> None:
    root = _pack(tmp_path / "shop", "name: Shop\nconstants:\n  freephone: 08001234567\n  postcode: 01234\n")
    pack = load_pack(root)
    assert {name: str(value) for name, value in pack.constants.items()} == {"freephone": "08001234567",
                                                                             "postcode": "01234"}
    text = render_script(pack, pack.scripts[0]).text
    assert "on 08001234567, or post it to postcode 01234." in text
    result = run_cli("render", str(root))
    assert result.exit_code == 0 and "08001234567" in result.output and "8001234567," not in result.output.replace(
        "08001234567", "")


@pytest.mark.parametrize(("written", "kept"), [
    ("+442079460958", "+442079460958"),  # (the '+' was dropped)
    ("4.50", "4.50"),  # (a price: 4.5)
    ("1e3", "1e3"),  # (1000.0)
    ("1_000", "1_000"),
    ("0x1F", "0x1F"),
    (".5", ".5"),
    ("2024-12-24", "2024-12-24"),  # (a date: refused as 'must be text or a number')
    ("2024-12-24 10:30:00", "2024-12-24 10:30:00"),
])
def test_what_yaml_would_change_is_kept_as_written(tmp_path: Path, written: str, kept: object) -> None:
    root = _pack(tmp_path / "shop", f"name: Shop\nconstants:\n  freephone: {written}   # a note\n  postcode: x\n")
    value = load_pack(root).constants["freephone"]
    assert str(value) == kept
    # a number is still one, for a template's sums and comparisons ({{ fee * 2 }}, {% if fee > 4 %})
    assert isinstance(value, str) is (written.startswith("2024")), (written, type(value))


def test_a_flow_mapping_of_constants_is_read_as_written_too(tmp_path: Path) -> None:
    root = _pack(tmp_path / "shop", "name: Shop\nconstants: {freephone: 0800123, postcode: 01234, days: 30}\n")
    assert {k: str(v) for k, v in load_pack(root).constants.items()} == {"freephone": "0800123", "postcode": "01234",
                                                                           "days": "30"}
    # what prints as written keeps YAML's reading: a number stays one, 9:30 and no are text (YAML 1.2)
    others = {"days": "30", "ratio": "2.5", "ten": "10.0", "zero": "0", "flag": "true", "quoted": '"0800"',
              "opens": "9:30", "answer": "no"}
    (root / "pack.yaml").write_text("name: Shop\nconstants:\n  freephone: 0800123\n  postcode: 01234\n"
                                    + "".join(f"  {k}: {v}\n" for k, v in others.items()), encoding="utf-8")
    constants = dict(load_pack(root).constants)
    assert constants == {"freephone": 800123, "postcode": 1234, "days": 30, "ratio": 2.5, "ten": 10.0,
                         "zero": 0, "flag": True, "quoted": "0800", "opens": "9:30", "answer": "no"}
    assert [str(v) for v in constants.values()][:2] == ["0800123", "01234"]
    assert [type(v).__name__ for v in constants.values()] == ["WrittenInt", "WrittenInt", "int", "float", "float",
                                                              "int", "bool", "str", "str", "str"]


def test_a_yes_or_no_is_printed_as_yaml_spells_it_and_still_tells_an_if(tmp_path: Path) -> None:
    """'open_today: true' reached the customer as 'True', Python's spelling."""
    script = SCRIPT.replace("Ring us free on {{ freephone }}, or post it to postcode {{ postcode }}.",
                            "{% if open_today %}We're open today.{% endif %}{% if closed %} Shut.{% endif %} "
                            "Open: {{ open_today }}, shut: {{ closed }}, {{ loud }}, {{ 3 > 2 }}.")
    root = _pack(tmp_path / "shop", "name: Shop\nconstants:\n  open_today: true\n  closed: false\n  loud: TRUE\n",
                 script)
    pack = load_pack(root)
    assert "We're open today. Open: true, shut: false, true, true." in render_script(pack, pack.scripts[0]).text


def test_a_quoting_example_shows_the_value_as_written(tmp_path: Path) -> None:
    # 'version: 1.10' was told to write version: "1.1"
    root = _pack(tmp_path / "shop", "name: Shop\nversion: 1.10\nconstants:\n  freephone: x\n  postcode: y\n")
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert 'e.g. version: "1.10".' in str(caught.value)
    assert str(caught.value).startswith(f"{root / 'pack.yaml'}:2:10:")


def test_a_number_written_its_own_way_still_counts_in_sums(tmp_path: Path) -> None:
    import pickle

    script = SCRIPT.replace("Ring us free on {{ freephone }}, or post it to postcode {{ postcode }}.",
                            "The {{ fee }} fee (twice: {{ fee * 2 }}){% if fee > 4 %}, over 4{% endif %}; "
                            "{{ limit + 1 }} at most.")
    root = _pack(tmp_path / "shop", "name: Shop\nconstants:\n  fee: 4.50\n  limit: 1e3\n", script)
    pack = load_pack(root)
    assert "The 4.50 fee (twice: 9.0), over 4; 1001.0 at most." in render_script(pack, pack.scripts[0]).text
    again = pickle.loads(pickle.dumps(pack.constants["fee"]))  # (to a worker process and back)
    assert str(again) == "4.50" and again == 4.5
