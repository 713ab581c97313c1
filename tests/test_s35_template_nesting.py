"""Session 35: a template's nesting limit counts what the writer wrote, tags inside one another or brackets inside
one another, and the number the message gives is the one refused past: 50 '{% if %}' in one another are read, 51
are refused as more than 50 (before, 49 were refused, as the tree beneath the tags was counted too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import PackError, load_pack, render_pack
from scriptkit.errors import ErrorGroup

_PACK = "name: Nest\nconstants:\n  refund_window_days: 30\n"


def _problems(tmp_path: Path, template: str) -> list[str]:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(_PACK, encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "late.yaml").write_text(
        f"id: late\ntitle: Late\nacknowledgment: \"I can see the refund is late.\"\nsolution: '{template}'\n",
        encoding="utf-8")
    try:
        render_pack(load_pack(tmp_path / "pack"))
    except (PackError, ErrorGroup) as caught:
        return [str(e) for e in caught.errors] if isinstance(caught, ErrorGroup) else [str(caught)]
    return []


@pytest.mark.parametrize(("tags", "refused"), [(49, False), (50, False), (51, True)])
def test_nested_ifs_are_refused_past_the_number_the_message_gives(tmp_path: Path, tags: int, refused: bool) -> None:
    template = "{% if refund_window_days > 1 %}" * tags + "I have sent it again today." + "{% endif %}" * tags
    problems = _problems(tmp_path, template)
    assert bool(problems) is refused, problems
    if refused:
        [problem] = problems
        assert "nests tags or brackets too deeply to read (more than 50 levels)" in problem


def test_elif_is_no_deeper_than_its_if(tmp_path: Path) -> None:
    one = "{% if refund_window_days > 1 %}"
    template = one * 49 + "{% if refund_window_days > 2 %}sent{% elif refund_window_days > 3 %}due{% endif %}" + \
        "{% endif %}" * 49
    assert _problems(tmp_path, template) == []


@pytest.mark.parametrize(("brackets", "refused"), [(50, False), (51, True)])
def test_brackets_inside_tags_are_counted_apart(tmp_path: Path, brackets: int, refused: bool) -> None:
    # (30 tags and 50 brackets inside them: each is under the limit, though the tree is 80 deep)
    template = ("{% if refund_window_days > 1 %}" * 30 + "{{ " + "[" * brackets + "1" + "]" * brackets
                + " }}" + "{% endif %}" * 30)
    problems = _problems(tmp_path, template)
    assert any("too deeply" in p for p in problems) is refused, problems
