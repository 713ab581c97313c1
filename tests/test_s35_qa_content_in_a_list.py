"""An export's content passed where a path goes, inside a list of paths too, is refused briefly; and the advice on
writing it to a file names the format the content looks like (CSV content was told suffix='.json')."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import scriptkit

EXPORT = ('{"macros": [{"title": "Refund sent", "actions": [{"field": "comment_value", "value": "' + "x" * 2000
          + '"}]}]}')


@pytest.mark.parametrize("function", [scriptkit.import_library, scriptkit.audit_library])
def test_content_in_a_list_of_paths_is_refused_briefly(function: Callable[..., object], tmp_path: Path) -> None:
    sheet = tmp_path / "macros.csv"
    sheet.write_text("title,body\nRefund sent,I've refunded your order today.\n")
    for given in ([EXPORT], (str(sheet), EXPORT)):
        with pytest.raises(scriptkit.ConfigError, match=r"\(\) takes the path to the export file, not its content") \
                as caught:
            function(given)
        said = str(caught.value)
        assert len(said) < 300 and "x" * 50 not in said
        assert f"item {len(given) - 1}" in said


@pytest.mark.parametrize(("content", "suffix"), [
    ("title,body\nA,Thanks for waiting.\n", ".csv"),
    ('{"title": "A", "body": "Thanks"}\n{"title": "B", "body": "Sorry"}\n', ".jsonl"),
    (EXPORT, ".json"),
    ("[" + EXPORT + "]", ".json"),
])
def test_the_advice_names_the_format_the_content_looks_like(content: str, suffix: str) -> None:
    with pytest.raises(scriptkit.ConfigError) as caught:
        scriptkit.import_library(content)
    assert f"suffix='{suffix}'" in str(caught.value)
