"""Import of hostile exports: half a character in an item's id, a whole number too long to read, YAML
nested past check's limit or merging itself, and a CSV with old-Mac line endings. Each gives a located
message (file:line:col) and exit code 2, or reads the file, never a 'bug in scriptkit' message."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert "bug in scriptkit" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# each helpdesk's export: where its list of items is, and which field holds an item's id
HELPDESKS = [
    ("zendesk", "zendesk_macros.json", ["macros"], "id"),
    ("freshdesk", "freshdesk_canned.json", [], "id"),
    ("front", "front_templates.json", ["_results"], "id"),
    ("gorgias", "gorgias_macros.json", ["data"], "id"),
    ("helpscout", "helpscout_saved_replies.json", ["_embedded", "saved-replies"], "id"),
    ("intercom", "intercom_macros.json", ["data"], "id"),
    ("salesforce", "salesforce_quick_text.json", ["records"], "Id"),
]


def _with_bad_id(name: str, within: list[str], key: str, tmp_path: Path) -> tuple[Path, int]:
    """The fixture with a first item whose id is half a character ("\\ud800", as JSON escapes it), the item
    written again after it with its own id; and how many items the file holds."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    items: Any = data
    for part in within:
        items = items[part]
    items.append(copy.deepcopy(items[0]))
    items[0][key] = "\ud800"
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")  # (ensure_ascii: the escape as written)
    return path, len(items)


@pytest.mark.parametrize(("fmt", "name", "within", "key"), HELPDESKS, ids=[h[0] for h in HELPDESKS])
def test_half_a_character_in_an_id_is_a_located_problem(tmp_path: Path, fmt: str, name: str, within: list[str],
                                                        key: str) -> None:
    path, count = _with_bad_id(name, within, key, tmp_path)
    escape = path.read_text(encoding="utf-8").index("\\ud800")
    line = path.read_text(encoding="utf-8")[:escape].count("\n") + 1
    out = tmp_path / "out"
    strict = _run("import", str(path), "--from", fmt, "--out", str(out))
    assert strict.exit_code == 2
    # (at the escape; Salesforce's reader keeps no text to find it in: at the item's name, the line after)
    found = re.search(rf"{re.escape(str(path))}:(\d+):\d+: error: .*'\\ud800' is half of a character", strict.output)
    assert found is not None and int(found[1]) in ((line, line + 1) if fmt == "salesforce" else (line,))
    assert not out.exists()
    skipped = _run("import", str(path), "--from", fmt, "--out", str(out), "--skip-bad")
    assert skipped.exit_code == 0, skipped.output
    assert len(list((out / "scripts").glob("*.yaml"))) >= 1
    for script in (out / "scripts").glob("*.yaml"):
        assert "\\ud800" not in script.read_text(encoding="utf-8")
    audit = _run("audit", str(path), "--from", fmt)
    assert audit.exit_code == 2 and f"{path}:{found[1]}:" in audit.output
    assert count >= 2


def test_a_surrogate_id_in_a_generic_json_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text('[{"id": "\\udc00", "title": "Refund", "body": "I am sorry. I have refunded you today."},\n'
                    ' {"id": "b", "title": "Late", "body": "I am sorry it is late. It ships today."}]\n',
                    encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    # (at the item, its title: a generic library keeps no text to find the escape in)
    assert f"{path}:1:29:" in result.output and "'\\udc00' is half of a character" in result.output
    # (the library's own id, "b", names the script kept: 851b48d2)
    assert [p.name for p in (tmp_path / "out" / "scripts").glob("*.yaml")] == ["b.yaml"]


@pytest.mark.parametrize("sign", ["", "-"])
def test_a_json_whole_number_too_long_to_read_is_located(tmp_path: Path, sign: str) -> None:
    path = tmp_path / "big.json"
    before = '[{"title": "a", "body": "I am sorry, 99 times. I will refund you today.", "n": 1.5e-' + "9" * 5_000
    path.write_text(before + ',\n  "id": ' + sign + "9" * 5_000 + "}]\n", encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{path}:2:9: error: JSON file has a whole number of 5,000 digits" in result.output
    assert not (tmp_path / "out").exists()


def test_a_json_lines_whole_number_too_long_to_read_is_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "lib.jsonl"
    path.write_text('{"title": "Late", "body": "I am sorry it is late. It ships today."}\n'
                    '{"title": "a", "body": "I am sorry.", "id": ' + "9" * 5_000 + "}\n", encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert f"{path}:2:45: line 2: has a whole number of 5,000 digits" in result.output
    assert [p.name for p in (tmp_path / "out" / "scripts").glob("*.yaml")] == ["late.yaml"]


def test_a_yaml_whole_number_too_long_to_read_is_located(tmp_path: Path) -> None:
    path = tmp_path / "lib.yaml"
    path.write_text("- title: a\n  body: I am sorry. I will refund you today.\n  id: " + "9" * 5_000 + "\n",
                    encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{path}:3:7: error: YAML file has a whole number of 5,000 digits" in result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "replies: " + "[" * 1_000 + "]" * 1_000,
    "".join("  " * i + f"k{i}:\n" for i in range(1_000)) + "  " * 1_000 + "v: 1\n",
], ids=["brackets", "indented"])
def test_yaml_nested_past_checks_limit_is_refused_where_it_passes_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(path))}:(1:110|101:\d+): error: YAML file cannot be read: lists or mappings "
                     "are nested more than 100 deep", result.output), result.output
    assert "recursion" not in result.output


def test_a_yaml_mapping_that_merges_itself_is_refused_at_the_alias(tmp_path: Path) -> None:
    path = tmp_path / "merge.yaml"
    path.write_text("a: &a\n  <<: *a\n", encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{path}:2:7: error: YAML file cannot be read: alias '*a' is inside the list or mapping it repeats" \
        in result.output
    assert "AttributeError" not in result.output


def test_yaml_library_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "lib.yaml"
    path.write_text('replies:\n  - title: "Late parcel"\n    body: \'I am sorry it is late. It ships today.\'\n'
                    "    tags: [late]\n", encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "out" / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    assert 'title: "Late parcel"' in script or "title: Late parcel" in script


def test_a_csv_with_old_mac_line_endings_imports_as_its_lf_copy(tmp_path: Path) -> None:
    rows = ['title,body,tags', '"Refund","I am sorry for the delay.\nYour refund is on its way.",billing',
            'Late,"I am sorry it is late, and I know you waited. It ships today.",shipping']
    packs = []
    for ending in ("\r", "\n"):
        folder = tmp_path / ("mac" if ending == "\r" else "lf")
        folder.mkdir()
        path = folder / "library.csv"
        path.write_bytes(ending.join(row.replace("\n", ending) for row in rows).encode("utf-8") + ending.encode())
        out = folder / "pack"
        result = _run("import", str(path), "--out", str(out))
        assert result.exit_code == 0, result.output
        packs.append({p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
                      .replace(str(folder), "") for p in sorted(out.rglob("*.yaml"))})
    assert packs[0] == packs[1]
    assert sorted(packs[0]) == ["pack.yaml", "scripts/late.yaml", "scripts/refund.yaml"]


def test_a_csv_with_old_mac_line_endings_locates_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "library.csv"
    path.write_bytes(b'title,body\rLate,I am sorry it is late. It ships today.\rBroken,"never closed\r')
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{path}:3:1: error: row 2: the quoted cell that starts on line 3 is never closed" in result.output
    shutil.rmtree(tmp_path / "out", ignore_errors=True)


def test_a_javascript_whole_number_too_long_to_read_is_located(tmp_path: Path) -> None:
    path = tmp_path / "lib.js"
    path.write_text('export const replies = [\n  {title: "a", body: "I am sorry. I will refund you today.", id: '
                    + "9" * 5_000 + "},\n];\n", encoding="utf-8")
    result = _run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{path}:2:66: error: JavaScript file has a whole number of 5,000 digits" in result.output


def test_half_a_character_in_the_id_of_scriptkits_own_export(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    assert _run("init", str(pack)).exit_code == 0
    (script,) = (pack / "scripts").glob("*.yaml")
    copied = re.sub(r"(?m)^id: .*$", "id: order-late", script.read_text(encoding="utf-8"))
    (pack / "scripts" / "order-late.yaml").write_text(copied.replace("Arrived damaged", "Late"), encoding="utf-8")
    exported = _run("export", str(pack), "--to", "json", "--out", str(tmp_path / "dist"))
    assert exported.exit_code == 0, exported.output
    (export,) = (tmp_path / "dist").rglob("*.json")
    text = export.read_text(encoding="utf-8")
    first = re.search(r'"script_id": "([^"]+)"', text)
    assert first is not None
    count = len(set(re.findall(r'"script_id": "([^"]+)"', text)))
    export.write_text(text.replace(first[0], '"script_id": "\\ud800"'), encoding="utf-8")
    line = export.read_text(encoding="utf-8").split("\\ud800")[0].count("\n") + 1
    out = tmp_path / "out"
    result = _run("import", str(export), "--out", str(out), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert f"{export}:{line}:" in result.output and "'\\ud800' is half of a character" in result.output
    assert len(list((out / "scripts").glob("*.yaml"))) == count - 1 >= 1
