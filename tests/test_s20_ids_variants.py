"""A variant's or a chat version's own helpdesk macro keeps its id through import and export: merged back into its
script, its id is kept under ``variant_ids`` (its Zendesk place under ``variant_positions``), keyed by what its title
adds ("variant 2"), and the export writes it on that variant's macro, so sending the library again updates every
macro, not only the script's own. Every id still names one macro: a repeated one is refused (SK506)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit import ConfigError, export, import_library, load_pack
from tests.conftest import run_cli

SORRY = "I'm sorry your parcel is late."
SO_SORRY = "I'm so sorry the parcel hasn't turned up yet."
SENT = "I've sent a new one by express post this morning."


def _zendesk_macro(ident: int, position: int, title: str, html: str) -> dict[str, Any]:
    return {"id": ident, "position": position, "title": title, "active": True, "actions": [
        {"field": "comment_value_html", "value": html}, {"field": "comment_mode_is_public", "value": "true"}]}


#: a script exported with variants: each on email and chat, each macro since given its id and place by Zendesk
ZENDESK = {"macros": [
    _zendesk_macro(360555, 2, "Orders::Parcel late", f"<p>{SORRY}</p><p>{SENT}</p>"),
    _zendesk_macro(360556, 3, "Orders::Parcel late (chat)", f"<p>{SORRY} {SENT}</p>"),
    _zendesk_macro(360557, 4, "Orders::Parcel late (chat, variant 2)", f"<p>{SO_SORRY} {SENT}</p>"),
    _zendesk_macro(360558, 5, "Orders::Parcel late (variant 2)", f"<p>{SO_SORRY}</p><p>{SENT}</p>"),
]}


def _identities(bundle: Path) -> list[tuple[object, ...]]:
    return sorted((m["id"], m.get("position"), m["title"])
                  for m in json.loads(bundle.read_text(encoding="utf-8"))["macros"])


@pytest.mark.timeout(60)
def test_every_zendesk_macro_of_a_script_keeps_its_id_place_and_title(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps(ZENDESK, indent=1), encoding="utf-8")
    assert run_cli("import", str(source), "-o", str(tmp_path / "v2")).exit_code == 0
    pack = load_pack(tmp_path / "v2")
    assert pack.script("orders-parcel-late").export["zendesk"] == {
        "id": 360555, "position": 2, "variants": "each", "variant_ids": {"variant 2": 360558},
        "variant_positions": {"variant 2": 5}}
    assert pack.script("orders-parcel-late-chat").export["zendesk"]["variant_ids"] == {"variant 2": 360557}
    result = run_cli("export", str(tmp_path / "v2"), "--to", "zendesk", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    bundle = tmp_path / "out" / "zendesk" / "macros.json"
    assert _identities(bundle) == _identities(source)  # each id, on the macro of that title, at its place
    # the export imported again: the same settings, and the same macros once more
    run_cli("import", str(bundle), "-o", str(tmp_path / "v3"))
    assert load_pack(tmp_path / "v3").script("orders-parcel-late").export == pack.script("orders-parcel-late").export
    run_cli("export", str(tmp_path / "v3"), "--to", "zendesk", "-o", str(tmp_path / "out3"))
    assert (tmp_path / "out3" / "zendesk" / "macros.json").read_bytes() == bundle.read_bytes()


@pytest.mark.timeout(60)
def test_a_gorgias_variant_keeps_its_id_through_the_python_api(tmp_path: Path) -> None:
    def macro(ident: int, name: str, text: str) -> dict[str, Any]:
        return {"id": ident, "name": name, "language": "en", "external_id": None, "actions": [
            {"name": "setResponseText", "type": "user", "arguments": {"body_text": text}}]}
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": [macro(9100, "Parcel late", f"{SORRY}\n\n{SENT}"),
                                           macro(9107, "Parcel late (variant 2)", f"{SO_SORRY}\n\n{SENT}")]}),
                      encoding="utf-8")
    library = import_library(source, "gorgias")
    (merged,) = library.macros
    assert merged.raw.settings["variant_ids"] == {"variant 2": 9107}
    pack = library.write(tmp_path / "v2")
    export(pack, ["gorgias"], tmp_path / "out", lint=False)
    written = {m["name"]: m.get("id") for m in
               json.loads((tmp_path / "out/gorgias/macros.json").read_text(encoding="utf-8"))["macros"]}
    assert written == {"Parcel late": 9100, "Parcel late (variant 2)": 9107}


#: a helpdesk's export of a reply and its variant's own reply, each with its id (the helpdesk's own fields)
OTHERS: dict[str, tuple[object, str, str, object]] = {
    "freshdesk": ([{"id": 81, "title": "Parcel late", "content_html": f"<p>{SORRY}</p><p>{SENT}</p>",
                    "visibility": 1},
                   {"id": 88, "title": "Parcel late (variant 2)",
                    "content_html": f"<p>{SO_SORRY}</p><p>{SENT}</p>", "visibility": 1}],
                  "canned_responses", "title", 88),
    "helpscout": ([{"id": 71, "name": "Parcel late", "text": f"<p>{SORRY}</p><p>{SENT}</p>"},
                   {"id": 78, "name": "Parcel late (variant 2)", "text": f"<p>{SO_SORRY}</p><p>{SENT}</p>"}],
                  "saved_replies", "name", 78),
    "front": ({"_results": [{"id": "rsp_71", "name": "Parcel late", "body": f"<p>{SORRY}</p><p>{SENT}</p>"},
                            {"id": "rsp_78", "name": "Parcel late (variant 2)",
                             "body": f"<p>{SO_SORRY}</p><p>{SENT}</p>"}]},
              "message_templates", "name", "rsp_78"),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("helpdesk", sorted(OTHERS))
def test_a_variants_own_reply_keeps_its_id_on_every_helpdesk_with_ids(tmp_path: Path, helpdesk: str) -> None:
    items, folder, title_key, variant_id = OTHERS[helpdesk]
    source = tmp_path / f"{helpdesk}.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    run_cli("import", str(source), "--from", helpdesk, "-o", str(tmp_path / "v2"))
    (script,) = load_pack(tmp_path / "v2").scripts
    assert script.export[helpdesk]["variant_ids"] == {"variant 2": variant_id}
    result = run_cli("export", str(tmp_path / "v2"), "--to", helpdesk, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out" / helpdesk / folder).glob("*")]
    assert {r[title_key]: r.get("id") for r in records}["Parcel late (variant 2)"] == variant_id


PACK = "name: Ids\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}, chat: {greeting: '', signoff: ''}}\n"


def _script(ident: str, block: str) -> str:
    return (f"id: {ident}\ntitle: Orders::{ident}\nchannels: [email, chat]\n"
            f"acknowledgment:\n  - \"{SORRY}\"\n  - \"{SO_SORRY}\"\nsolution: \"{SENT}\"\nexport:\n  zendesk:\n"
            + block)


def _pack(root: Path, scripts: dict[str, str], pack_yaml: str = PACK) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.timeout(60)
def test_a_variant_id_another_macro_has_is_refused_at_its_entry(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "p", {
        "a-late": _script("a-late", "    id: 700\n    variants: each\n    variant_ids: {variant 2: 701, chat: 702}\n"),
        "b-lost": _script("b-lost", "    id: 710\n    variants: each\n    variant_ids:\n      chat: 701\n"),
    })
    with pytest.raises(ConfigError) as refused:  # (bad input, as check says: it was an SK506 finding)
        export(pack, ["zendesk"], tmp_path / "out", lint=False)
    error = refused.value
    assert error.message == "zendesk id 701 is also given to 'a-late' (variant 2)" and error.location
    assert (error.location.file, error.location.line, error.location.col) == \
        (str(pack / "scripts" / "b-lost.yaml"), 13, 13)
    checked = run_cli("check", str(pack))
    assert checked.exit_code == 2, checked.output
    assert f"{pack / 'scripts' / 'b-lost.yaml'}:13:13: error: zendesk id 701 is also given to 'a-late' (variant 2)" \
        in checked.output
    # forced too (a forced export wrote the repeated one as a new macro)
    with pytest.raises(ConfigError):
        export(pack, ["zendesk"], tmp_path / "forced", lint=False, force=True)
    assert not (tmp_path / "forced").exists()


@pytest.mark.timeout(60)
def test_a_variant_id_repeating_the_scripts_own_id_is_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "p", {"a-late": _script("a-late", "    id: 700\n    variants: each\n"
                                                              "    variant_ids: {variant 2: 700}\n")})
    checked = run_cli("check", str(pack))
    assert checked.exit_code == 2, checked.output
    assert f"{pack / 'scripts' / 'a-late.yaml'}:12:30: error: zendesk id 700 is also given to 'a-late'" \
        in checked.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("entry", "said"), [
    ("{variant 1: 5}", "zendesk variant_ids entry 'variant 1' names no macro the export writes"),
    ("{2: 5}", "zendesk variant_ids entry '2' names no macro the export writes"),
    ("{'chat variant 2': 5}", "zendesk variant_ids entry 'chat variant 2' names no macro"),
    ("{variant 2: abc}", "zendesk variant_ids entry 'variant 2' must be the macro's zendesk id, a whole number"),
    ("[5, 6]", "zendesk setting 'variant_ids' must map each other macro of the script"),
])
def test_a_variant_ids_entry_that_names_no_macro_or_id_is_refused_at_its_line(tmp_path: Path, entry: str,
                                                                              said: str) -> None:
    pack = _pack(tmp_path / "p", {"a-late": _script("a-late", f"    variants: each\n    variant_ids: {entry}\n")})
    checked = run_cli("check", str(pack))
    assert checked.exit_code == 2, checked.output
    assert f"{pack / 'scripts' / 'a-late.yaml'}:11:" in checked.output and said in checked.output, checked.output


@pytest.mark.timeout(60)
def test_variant_ids_in_pack_yaml_are_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "p", {"a-late": _script("a-late", "    variants: each\n")},
                 PACK + "export:\n  zendesk:\n    variant_ids: {variant 2: 701}\n")
    result = run_cli("export", str(pack), "--to", "zendesk", "-o", str(tmp_path / "out"))
    assert result.exit_code != 0, result.output
    assert "zendesk setting 'variant_ids' in pack.yaml gives every script the id of the same macros" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.timeout(60)
def test_a_variant_the_script_cannot_give_back_keeps_no_id_and_says_so(tmp_path: Path) -> None:
    """Variants that differ in different slots merge into options that mix (variant 2's acknowledgment with
    variant 3's solution): an update sent to either macro's id would replace its text with one it never had."""
    def macro(ident: int, title: str, first: str, second: str) -> dict[str, Any]:
        return _zendesk_macro(ident, ident, title, f"<p>{first}</p><p>{second}</p>")
    courier = "A new one leaves by courier this afternoon."
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [macro(31, "Late", SORRY, SENT),
                                             macro(32, "Late (variant 2)", SO_SORRY, SENT),
                                             macro(33, "Late (variant 3)", SORRY, courier)]}), encoding="utf-8")
    (merged,) = import_library(source, "zendesk").macros
    assert merged.raw.settings == {"id": 31, "position": 31, "variants": "each"}
    for n, ident in ((2, 32), (3, 33)):
        assert any(note.startswith(f"the zendesk id {ident} of variant {n}'s own macro") and "not carried over"
                   in note for note in merged.about), merged.about
    run_cli("import", str(source), "-o", str(tmp_path / "v2"))
    script = (tmp_path / "v2" / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert "# Note: the zendesk id 32 of variant 2's own macro" in script
    export(tmp_path / "v2", ["zendesk"], tmp_path / "out", lint=False)
    ids = {m["title"]: m.get("id") for m in
           json.loads((tmp_path / "out/zendesk/macros.json").read_text(encoding="utf-8"))["macros"]}
    assert ids == {"Late": 31, "Late (variant 2)": None}
