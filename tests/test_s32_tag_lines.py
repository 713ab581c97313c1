"""A Jinja tag on its own line inside a text block: in a folded block (>) it left two spaces in the reply
("…within 5 days.  I'll email you…"), in a literal block (|) a blank line where the writer typed one line
break, and nothing said so. SK007 now reports each, at the tag, with the '{%-' that trims it; a tag that
trims its line, and a blank line the writer typed, are not reported."""

from __future__ import annotations

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

HEAD = """id: refund
title: Refund
channels: [email]
acknowledgment: I know waiting for a refund is stressful.
warm_language: Thanks for bearing with me.
flexibility:
  guidance: Check the payment log.
"""
BODY = """  I've sent the refund, and it reaches you within 5 days.
  {% if open_today %}
  I'll email you when it leaves us.
  {% endif %}
  Let me know if it doesn't arrive.
"""
PACK = "name: Tags\nconstants:\n  open_today: true\n"


def _tag_findings(make_pack, solution: str, open_today: bool = True):  # type: ignore[no-untyped-def]
    pack = make_pack({"refund.yaml": HEAD + solution}, PACK.replace("true", str(open_today).lower()))
    return [d for d in lint_pack(load_pack(pack), grammar="off").diagnostics
            if d.code == "SK007" and "{%" in (d.suggestion or "")]


def test_a_folded_block_reports_each_doubled_space_at_its_tag(make_pack) -> None:  # type: ignore[no-untyped-def]
    found = _tag_findings(make_pack, "solution: >\n" + BODY)
    assert [(d.location.line, d.location.col) for d in found] == [(10, 3), (12, 3)]
    assert all("two spaces" in d.message and "{%-" in (d.suggestion or "") for d in found)


def test_a_literal_block_reports_each_blank_line_at_its_tag(make_pack) -> None:  # type: ignore[no-untyped-def]
    found = _tag_findings(make_pack, "solution: |\n" + BODY)
    assert [(d.location.line, d.location.col) for d in found] == [(10, 3), (12, 3)]
    assert all("blank line" in d.message for d in found)


def test_a_branch_not_taken_leaves_one_blank_line(make_pack) -> None:  # type: ignore[no-untyped-def]
    found = _tag_findings(make_pack, "solution: |\n" + BODY, open_today=False)
    # (the text sent as the pack is: one blank line, at the first tag; the branch is read too, as it would be sent)
    sent = [(d.location.line, d.location.col) for d in found if "when open_today is true" not in d.message]
    assert sent == [(10, 3)]


def test_a_blank_line_the_writer_typed_gets_a_second_one(make_pack) -> None:  # type: ignore[no-untyped-def]
    body = BODY.replace("5 days.\n", "5 days.\n\n", 1)
    found = _tag_findings(make_pack, "solution: |\n" + body)
    assert [(d.location.line, d.location.col) for d in found] == [(11, 3), (13, 3)]
    assert "second blank line" in found[0].message and "-%}" in (found[0].suggestion or "")


def test_tags_that_trim_their_line_are_not_reported(make_pack) -> None:  # type: ignore[no-untyped-def]
    trimmed = BODY.replace("{% if", "{%- if").replace("{% endif", "{%- endif")
    for block in ("|", ">"):
        assert _tag_findings(make_pack, f"solution: {block}\n" + trimmed) == []


def test_a_paragraph_break_typed_beside_an_inline_tag_is_not_reported(make_pack) -> None:  # type: ignore[no-untyped-def]
    solution = ("solution: |\n  I've sent the refund{% if open_today %} today{% endif %}.\n\n"
                "  Let me know if it doesn't arrive.\n")
    assert _tag_findings(make_pack, solution) == []


def test_a_tag_inside_a_line_is_the_writers_spacing(make_pack) -> None:  # type: ignore[no-untyped-def]
    # (with open_today false the reply reads "within 5 days  Let me know": the writer placed the tag in the
    # sentence, so its spaces are theirs, as in any one-line text; only a tag alone on its line is reported)
    inline = "solution: I've sent the refund, within 5 days {% if open_today %}today{% endif %} Let me know.\n"
    assert _tag_findings(make_pack, inline, open_today=False) == []
    assert _tag_findings(make_pack, "solution: >\n" + BODY, open_today=False) != []
