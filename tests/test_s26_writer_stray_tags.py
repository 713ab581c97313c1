"""A tag Jinja refuses where nothing is open: no end tag, else or elif fits there, so none is suggested
('{% ends %}' was "Did you mean '{% endif %}'?", which closes nothing either, and a stray '{% else %}' was
"'{% else %}' is not a tag. Did you mean '{% else %}'?")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import run_cli

PACK = "name: T\nconstants:\n  closed: false\n"
HEAD = "id: fee\ntitle: Delivery fee\nacknowledgment: I know it's annoying to pay for delivery.\n"


def _check(make_pack: Any, solution: str, pack: str = PACK) -> tuple[int, str]:
    result = run_cli("check", str(make_pack({"a.yaml": HEAD + f'solution: "I will fix it today. {solution}"\n'}, pack)))
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("tag", ["ends", "end", "endi", "endiff", "end_if", "edif"])
def test_an_unknown_end_tag_with_nothing_open_closes_nothing_and_is_to_be_deleted(make_pack: Any, tag: str) -> None:
    code, out = _check(make_pack, "Now. {% " + tag + " %}")
    assert code == 2
    assert (f"a.yaml:4:38: error: template syntax error in solution: '{{% {tag} %}}' is not a tag, and closes "
            "nothing. Delete it: no block is open here for it to close.") in out
    assert "Did you mean" not in out


def test_an_unknown_end_tag_after_a_closed_block_closes_nothing(make_pack: Any) -> None:
    code, out = _check(make_pack, "{% if closed %}Now.{% endif %} {% ends %}")
    assert code == 2
    assert ("a.yaml:4:64: error: template syntax error in solution: '{% ends %}' is not a tag, "
            "and closes nothing.") in out
    assert "Did you mean" not in out


def test_an_unknown_end_tag_inside_a_block_still_names_the_end_tag_it_wants(make_pack: Any) -> None:
    code, out = _check(make_pack, "{% if closed %}Now. {% ends %}")
    assert code == 2
    assert "'{% ends %}' is not a tag. Did you mean '{% endif %}'?" in out
    code, out = _check(make_pack, "{% for x in [1] %}Now. {% ends %}")
    assert "'{% ends %}' is not a tag. Did you mean '{% endfor %}'?" in out


@pytest.mark.parametrize("tag", ["else", "elif closed"])
def test_an_else_or_elif_with_nothing_open_belongs_to_no_block(make_pack: Any, tag: str) -> None:
    code, out = _check(make_pack, "Now. {% " + tag + " %}Later.")
    name = tag.split()[0]
    assert code == 2
    assert (f"a.yaml:4:38: error: template syntax error in solution: '{{% {name} %}}' belongs to no open block. "
            f"Delete it, or add the '{{% if ... %}}' it belongs to before it.") in out
    assert "is not a tag" not in out


def test_a_misspelt_else_with_nothing_open_is_not_offered_as_an_else(make_pack: Any) -> None:
    code, out = _check(make_pack, "Now. {% esle %}Later.")
    assert code == 2
    assert ("a.yaml:4:38: error: template syntax error in solution: '{% esle %}' is not a tag. Delete it: it reads "
            "as '{% else %}', and no block is open here for one.") in out
    assert "Did you mean" not in out


def test_a_misspelt_opening_tag_with_nothing_open_still_names_the_tag_meant(make_pack: Any) -> None:
    code, out = _check(make_pack, "{% fro x in [1] %}a{% endfor %}")
    assert code == 2
    assert "'{% fro %}' is not a tag. Did you mean '{% for %}'?" in out
