"""The pack writer's own YAML emitter writes what ruamel.yaml writes, byte for byte, or declines."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from scriptkit import import_library
from scriptkit.importers import FORMATS, writer, yamlout

FIX = Path(__file__).parent / "fixtures" / "imports"

# text a title, tag, prompt or setting may hold: every kind ruamel quotes, and many it does not
TEXTS = [
    "Refund", "Billing::Refunds::Double charge", "Shipping: where is it", "it's late", 'say "hi"', "a #tag", "a#b",
    "#first", "- dash", "-dash", "? what", "?what", ":colon", "ends with:", "key: value", "yes", "no", "on", "off",
    "true", "False", "null", "Null", "~", "1", "1.0", "0x1F", "1_000", ".inf", "2024-01-01", "12:30", "=", "<<",
    "@user", "`code`", "%percent", "!bang", "&anchor", "*alias", "|pipe", ">fold", "[x]", "{x}", "a, b", "a [b]",
    "x{y}", "trailing ", " leading", "two  spaces", "tab\there", "Café Rückerstattung ✓", "emoji 😀 ok", "nbsp\xa0here",
    "line\u2028sep", "bom\ufeffin", "bell\x07", "back\\slash", "quote's \"both\"", "---start", "...dots", "", "_under",
    "(paren)", "Ünïcödé first", "2 for 1", "100%", "a: b: c", "x:y", "http://example.com/a?b=c#d", "Hi {{ name }}",
    "x" * 3100,
]

LITERALS = ["one\ntwo", "para one\n\npara two", "Hi {{ customer.first_name }},\n\nI'm sorry.", "tab\tinside\nline",
            "ends\n", " starts with space\nx", "\nstarts with break", "trailing space \nx", "x\n\n\ny", "é\nü 😀"]


def _ruamel(doc: CommentedMap) -> str:
    return writer._ruamel_dump(doc)


def _same_or_declined(doc: CommentedMap) -> bool:
    """True when the fast writer wrote the document (then it must equal ruamel's), False if declined."""
    try:
        fast = yamlout.dump(doc)
    except yamlout.Unsupported:
        return False
    assert fast == _ruamel(doc), doc
    return True


def test_every_kind_of_text_as_a_value_a_key_and_a_tag() -> None:
    written = 0
    for text in TEXTS:
        doc = CommentedMap()
        doc["id"] = "probe"
        doc["title"] = text
        tags = CommentedSeq([text, "plain"])
        tags.fa.set_flow_style()
        doc["tags"] = tags
        doc["list"] = CommentedSeq([text, LiteralScalarString("a\nb")])
        doc["nested"] = {"zendesk": {"active": False, "restriction": {"type": "Group", "ids": [1, 22]}, "note": text}}
        written += _same_or_declined(doc)
        keyed = CommentedMap()
        keyed[text or "empty"] = 1
        written += _same_or_declined(keyed)
    assert written > len(TEXTS)  # most are written by the fast writer, not all declined


def test_literal_blocks_and_comments() -> None:
    written = 0
    for text, header in itertools.product(LITERALS, ["", "Imported from x.json (x.json:1:2).\nNote: it's fine."]):
        doc = CommentedMap()
        doc["id"] = "probe"
        doc["acknowledgment"] = LiteralScalarString(text)
        doc["solution"] = CommentedSeq([LiteralScalarString(text), "short"])
        flex = CommentedMap()
        blank = CommentedMap()
        blank["name"] = "amount"
        blank["prompt"] = LiteralScalarString(text)
        flex["blanks"] = CommentedSeq([blank])
        doc["flexibility"] = flex
        if header:
            doc.yaml_set_start_comment(header)
            doc.yaml_set_comment_before_after_key("acknowledgment", before="guessed:\n  other 0.90: \"Hi\"")
        written += _same_or_declined(doc)
    assert written >= 8


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIX.iterdir()))
def test_imported_fixtures_are_written_by_the_fast_writer_as_ruamel_would(fixture: str) -> None:
    fmt = {".csv": "csv", ".jsonl": "jsonl", ".md": "markdown", ".yaml": "yaml", ".js": "js"}.get(
        Path(fixture).suffix) or fixture.split("_")[0]
    assert fmt in FORMATS
    library = import_library(FIX / fixture, fmt, mapping={"title": "Name", "body": "Text"} if fmt == "csv" else None)
    for macro in library.macros:
        doc = writer.script_document(macro, fixture)
        assert _same_or_declined(doc), macro.title
    pack = writer.pack_document("Probe", fixture, fmt, len(library.macros), None,
                                writer.own_placeholders(library.macros))
    assert _same_or_declined(pack)


def test_a_pack_read_back_from_scriptkits_own_export(tmp_path: Path) -> None:
    from export_fixtures import LATE, write_pack

    from scriptkit import export

    export(write_pack(tmp_path / "p", {"late.yaml": LATE}), ["json"], tmp_path / "out", lint=False)
    library = import_library(tmp_path / "out" / "json" / "pack.json")
    (macro,) = library.macros
    assert macro.native is not None
    assert _same_or_declined(writer.script_document(macro, "pack.json"))
    assert _same_or_declined(writer.pack_document("Probe", "pack.json", "scriptkit", 1, macro.native, {}))
