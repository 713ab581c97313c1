"""`audit --html` of a macro that repeats a phrase thousands of times: each finding is marked where it
is, in linear time. Each finding looked for its place from the start of the text (9,000 findings:
40 million look-ups), and each mark was tested against every mark chosen before it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.audit import Highlight, audit
from scriptkit.cli import main
from scriptkit.reporters.html import render_html

REPEATS = 9000


def _pack(tmp_path: Path, solution: str) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (pack / "scripts" / "late.yaml").write_text(
        f'id: late\ntitle: Late parcel\nacknowledgment: "I\'m sorry your parcel is late."\nsolution: "{solution}"\n',
        encoding="utf-8")
    return pack


@pytest.mark.timeout(60)
def test_a_phrase_repeated_nine_thousand_times_is_marked_at_each_place(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "Calm down. " * REPEATS + "I'll send a new one today.")
    report = tmp_path / "audit.html"
    result = CliRunner().invoke(main, ["audit", str(pack), "--html", str(report)])
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    mark = ('<mark class="warning" data-code="SK305" title="SK305 dismissive language &quot;Calm down&quot;">'
            "Calm down</mark>")
    assert page.count(mark) == REPEATS
    body = re.search(r'<div class="body"[^>]*>(.*?)</div>', page, re.S)
    assert body is not None
    label = '<sup class="sev">SK305 warning</sup>'  # (its severity in words, not only by colour)
    assert (mark + label + ". ") * REPEATS + "I&#x27;ll send a new one today." in body.group(1)


@pytest.mark.timeout(60)
def test_sixty_thousand_highlights_in_one_macro_are_each_marked_or_left_under_a_narrower_one(
        tmp_path: Path) -> None:
    pack = _pack(tmp_path, "Wait. " * 20_000)
    found = audit(pack)
    macro = found.macros[0]
    start = macro.text.index("Wait.")
    # each word marked, and each pair of words: the pairs overlap the words and are left out
    words = [Highlight(start + 6 * i, start + 6 * i + 4, "SK999", "word", "one word", "warning", None)
             for i in range(20_000)]
    pairs = [Highlight(start + 6 * i, start + 6 * i + 10, "SK998", "pair", "two words", "error", None)
             for i in range(19_999)]
    zero = [Highlight(start + 6 * i + 5, start + 6 * i + 5, "SK997", "gap", "nothing", "suggestion", None)
            for i in range(20_000)]
    macro.highlights = [*pairs, *words, *zero]
    page = render_html(dataclasses.replace(found, macros=[macro]))
    assert page.count('data-code="SK999"') == 20_000
    assert page.count('data-code="SK998"') == 0
    assert page.count('data-code="SK997"') == 20_000  # (a mark of nothing, between two words, overlaps none)


@pytest.mark.timeout(60)
def test_each_of_a_hundred_thousand_macros_is_found_by_its_id(tmp_path: Path) -> None:
    found = audit(_pack(tmp_path, "I'll send a new one today."))
    one = found.macros[0]
    macros = [dataclasses.replace(one, id=f"macro-{i}", title=f"Macro {i}") for i in range(100_000)]
    report = dataclasses.replace(found, macros=[*macros, dataclasses.replace(one, id="macro-5", title="Copy")])
    assert [report.macro(f"macro-{i}").title for i in range(100_000)] == \
        [f"Macro {i}" for i in range(100_000)]
    assert report.macro("macro-5").title == "Macro 5"  # (the first of an id)
    report.macros[5].id = "renamed"
    assert report.macro("renamed").title == "Macro 5"
    with pytest.raises(StopIteration):
        report.macro("nothing")
