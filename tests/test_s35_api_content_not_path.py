"""import_library and audit_library given an export's content where its path goes: said so, briefly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import scriptkit

EXPORT = '{"macros": [{"title": "Refund sent", "actions": [{"field": "comment_value", "value": "' + "x" * 500 + '"}]}]}'


@pytest.mark.parametrize("function", [scriptkit.import_library, scriptkit.audit_library])
@pytest.mark.parametrize("content", [EXPORT, "  [" + EXPORT + "]", "title,body\nRefund sent,I've refunded it.\n",
                                     EXPORT.encode(), bytearray(b"title,body\n")])
def test_an_exports_content_is_refused_as_no_path(function: Callable[..., object], content: object) -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"\(\) takes the path to the export file, not its content") \
            as caught:
        function(content)
    assert len(str(caught.value)) < 300  # (not the whole export echoed back)


def test_a_file_named_like_content_is_still_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("[team] macros.csv").write_text("title,body\nRefund sent,I've refunded your order today.\n")
    assert len(scriptkit.import_library("[team] macros.csv").macros) == 1
