"""The pack writer's own YAML emitter against ruamel.yaml on text no list of examples thought of.

``test_import_yaml_writer.py`` holds the kinds of text a writer meets; here hypothesis draws text
from YAML's indicators, spaces, breaks and the characters ruamel escapes, as a value, a list item,
a flow-list item, a key and a literal block. Whatever the fast writer writes must be ruamel's
bytes exactly; it may decline (and ruamel writes the document).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from scriptkit.importers import writer, yamlout

# YAML's indicators and the characters ruamel quotes, escapes or breaks lines at, beside letters
_ALPHABET = st.sampled_from(list("aZ09 _.'\"-?:,[]{}#&*!|>%@`\\/=~<+()$^;\t\n\r\x00\x07\x85\xa0\u2028\u2029\ufeffé😀"
                                 "“”‘’"))
_TEXT = st.text(_ALPHABET, max_size=24) | st.sampled_from(["yes", "No", "null", "~", "1.5", "0o17", "2024-01-01", ""])


def _same_or_declined(doc: CommentedMap) -> None:
    try:
        fast = yamlout.dump(doc)
    except yamlout.Unsupported:
        return
    assert fast == writer._ruamel_dump(doc)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT)
def test_text_in_every_place_the_writer_puts_it(text: str, other: str) -> None:
    doc = CommentedMap()
    doc["id"] = "probe"
    doc["title"] = text
    tags = CommentedSeq([text, other])
    tags.fa.set_flow_style()
    doc["tags"] = tags
    doc["solution"] = CommentedSeq([other, text])
    doc["export"] = {"zendesk": {"note": text, "ids": [1, 2]}}
    _same_or_declined(doc)
    keyed = CommentedMap()
    keyed[text or "empty"] = other
    _same_or_declined(keyed)


@settings(max_examples=300, deadline=None)
# (a line break built in, not filtered for: most drawn texts have none, and Hypothesis's health check
# failed the test now and then for filtering out too many)
@given(st.builds(lambda a, b: f"{a}\n{b}", st.text(_ALPHABET, max_size=20), st.text(_ALPHABET, max_size=19)))
def test_literal_blocks(text: str) -> None:
    doc = CommentedMap()
    doc["acknowledgment"] = LiteralScalarString(text)
    doc["solution"] = CommentedSeq([LiteralScalarString(text), "short"])
    _same_or_declined(doc)
