"""A `# scriptkit:` comment a writer mistyped is reported where it is, never silently ignored."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = ("name: Test pack\nrules:\n  select: [custom]\n  custom:\n"
        "    - {name: say-refund, kind: substitution, swap: {store credit: refund}}\n")
LINE = 'solution: "I can offer store credit today."  '


def lint(make_pack: Any, text: str) -> list[Diagnostic]:
    script = f'id: late\ntitle: Late\nchannels: [email]\nacknowledgment: "I can see how frustrating this is."\n{text}\n'
    return lint_pack(load_pack(make_pack({"a.yaml": script}, pack_yaml=PACK))).diagnostics


@pytest.mark.parametrize(("comment", "close"), [
    ("# scriptkit: ignor SK801", "ignore"),
    ("# scriptkit: ingore say-refund", "ignore"),
    ("# scriptkit: ignore-files SK801", "ignore-file"),
    ("# scriptkit:ignroe", "ignore"),
    ("# scriptkit: noqaa", "noqa"),
])
def test_an_unknown_verb_warns_at_it_with_the_close_verb(make_pack: Any, comment: str, close: str) -> None:
    found = lint(make_pack, LINE + comment)
    warnings = [d for d in found if d.code == "SK800"]
    assert len(warnings) == 1, [d.format() for d in found]
    (w,) = warnings
    verb = comment.split(":", 1)[1].split()[0]
    assert w.message == f"unknown suppression '# scriptkit: {verb}': it switches nothing off"
    assert (w.location.file.endswith("a.yaml"), w.location.line) == (True, 5)
    assert w.location.col == len(LINE) + comment.index(verb) + 1
    assert w.suggestion == f"Did you mean '# scriptkit: {close}'?"
    assert w.text == verb  # (the text report underlines the whole verb)
    assert [d.code for d in found if d.code != "SK800"] == ["SK801"]  # the typo suppressed nothing


def test_an_unknown_verb_with_no_close_match_lists_the_comments(make_pack: Any) -> None:
    (w,) = [d for d in lint(make_pack, LINE + "# scriptkit: silence SK801") if d.code == "SK800"]
    assert "'# scriptkit: ignore" in (w.suggestion or "") and "ignore-file" in (w.suggestion or "")


def test_the_known_verbs_still_suppress_without_a_warning(make_pack: Any) -> None:
    # (the team rule by its name: its order-given code SK801 gets a note of its own, test_suppression_team_codes)
    for comment in ("# scriptkit: ignore say-refund", "# scriptkit: noqa", "# noqa: say-refund",
                    "# scriptkit: ignore: say-refund"):
        assert lint(make_pack, LINE + comment) == [], comment
