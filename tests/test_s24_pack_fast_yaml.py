"""The fast YAML path (libyaml) now reads a tab inside a quoted or block text, a key with no value
('guidance:') and a '&amp;' beside a '*' that is no alias: each such file gives the same values, the
same positions and, loaded as a script, the same problems at the same places as the round-trip parser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit import loading
from scriptkit.errors import ErrorCollector
from scriptkit.loading import _fast_parse, _parse, plain_data
from scriptkit.sourcetext import SourceText


def _fast(text: str) -> Any:
    parsed = _fast_parse(text, SourceText("a.yaml", text))
    return None if parsed is None else (parsed[0], parsed[1].keys, parsed[1].values)


def _slow(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(loading, "_fast_parse", lambda *_: None)
        errors = ErrorCollector()
        parsed = _parse(text, SourceText("a.yaml", text), "a.yaml", errors)
    if parsed is None:
        return [(e.message, str(e.location), e.hint) for e in errors.errors]
    return plain_data(parsed[0]), parsed[1].keys, parsed[1].values


@pytest.mark.parametrize("text", [
    'solution: "I sent it\tyesterday."\n', "solution: 'a\tb'\n", "solution: |\n  Step 1:\tOpen it\n  \tindented\n",
    'solution: >\n  a\tb\n', 'solution: "x\n  \tb"\n',
    "flexibility:\n  guidance:\nsolution: x\n", "a:\n", "a:", "a:\n  b:\nc: 1\n", "a:\n\n\n", "a:\n  # note\nb: 2\n",
    "a:\r\nb: 1\r\n", "a:\n  -\n  - x\n", "a:\n-\n- x\n", "- a:\n  b:\n",
    "solution: Fish &amp; chips, *today*\n", "a: &x value\nb: 5 * 3\n",
])
def test_such_files_take_the_fast_path_and_read_as_the_round_trip_parser_reads_them(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _fast(text)
    assert fast is not None
    assert fast == _slow(text, monkeypatch)


@pytest.mark.parametrize("text", [
    "a: x\tb\n", "a:\tx\n", "a:\n\t- x\n", "a: |\t\n  x\n", "a: x  # c\td\n", "a: [x,\ty]\n",  # tabs outside quotes
    "a: # note\nb: x\n", "a: &x\nb: 1\n", "? a\n", "a: {b: }\n", "a:\n...\n",  # empty values placed otherwise
    "a: &x [1]\nb: *x\n", "a: &x hi\nb: *x\n", "a: &amp; x\nb: *amp;\n",  # aliases: bounded by the round-trip path
])
def test_what_the_fast_path_cannot_read_exactly_is_left_to_the_round_trip_parser(text: str) -> None:
    assert _fast(text) is None


_VALUES = st.sampled_from([
    "", " ", " x", ' "q\tz"', " 'a\tb'", " |\n    l1\tx\n    \tl2", " >\n    f\tx", " |\t", " x\ty", "\tx", " # c",
    " &a x", " *a", " Fish &amp; chips *now*", " [x, ]", " {b: }", " null", " ~", " 1", " &b [1, 2]", " *b",
    ' "x\n    \tb"', " |-\n    q\n\n    r\t", " -", ' ""', " é😀", " |\n\tx", " |\n    x\n\t\n    y", " |2\n     \tx",
])
_BREAKS = st.sampled_from(["\n", "\r\n", "\n\n", "\n# note\n", "\n  # note\n", "\n\t\n", "\n   \n", "\n...\n", ""])
_KEYS = st.sampled_from(["a", "b", "title", "k"])


@st.composite
def _documents(draw: st.DrawFn) -> str:
    out = []
    for key in draw(st.lists(_KEYS, min_size=1, max_size=4, unique=True)):
        shape = draw(st.sampled_from(["value", "list", "map"]))
        if shape == "value":
            out.append(f"{key}:{draw(_VALUES)}{draw(_BREAKS)}")
        else:
            out.append(f"{key}:{draw(_BREAKS) or chr(10)}")
            for inner in draw(st.lists(_KEYS, min_size=1, max_size=3, unique=True)):
                head = "- " if shape == "list" else f"{inner}:"
                value = draw(_VALUES)
                out.append(f"  {head}{value.strip() if shape == 'list' else value}{draw(_BREAKS) or chr(10)}")
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(_documents())
def test_whatever_the_fast_path_reads_the_round_trip_parser_reads_the_same(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        with pytest.MonkeyPatch.context() as patch:
            assert fast == _slow(text, patch)


SCRIPT = """id: s
title: "Refund"
acknowledgment: "I can see how frustrating\tthat is."
flexibility:
  guidance:
  alternatives:
    - label: Call
      text: I can call you instead.
solution: |
  I've refunded it:\tyou'll see it in 3 days.
  Fish &amp; chips *vouchers* are on their way.
ignore:
tags:
  -
"""


@pytest.mark.parametrize("text", [SCRIPT, SCRIPT[:SCRIPT.index("ignore:")], SCRIPT.replace("title:", "title:\ntitle:"),
                                  SCRIPT.replace("id: s", "id:"), SCRIPT.replace('title: "Refund"', "title:")])
def test_a_script_loads_with_the_same_result_and_problems_either_way(
        text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _fast(SCRIPT) is not None and _fast(SCRIPT[:SCRIPT.index("ignore:")]) is not None
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")

    def load() -> Any:
        errors = ErrorCollector()
        script = loading.load_script(path, errors)
        return (script.model_dump() if script else None, script.origin.values if script and script.origin else None,
                [(e.message, str(e.location), e.hint) for e in errors.errors])

    fast = load()
    with monkeypatch.context() as patch:
        patch.setattr(loading, "_fast_parse", lambda *_: None)
        slow = load()
    assert fast == slow
