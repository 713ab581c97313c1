"""The Python guide's audit example runs on a library with a macro in another language (overall None)."""
import re
from pathlib import Path

import pytest

_GUIDE = Path(__file__).parent.parent / "docs" / "python" / "index.md"


def test_the_audit_example_prints_a_macro_with_no_overall_score(tmp_path, monkeypatch, capsys):
    example = re.search(r"<!-- write: audit_example\.py -->\n```python\n(.*?)```", _GUIDE.read_text(encoding="utf-8"),
                        re.S)
    assert example is not None
    (tmp_path / "macros.csv").write_text(
        "title,body\n"
        "Late order,\"I'm sorry your order is late. I have sent a new one today; it arrives by Friday.\"\n"
        "Pedido tarde,\"Lamentamos mucho el retraso de su pedido. Hemos enviado uno nuevo hoy mismo.\"\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    import scriptkit

    assert any(m.overall is None for m in scriptkit.audit_library("macros.csv").macros)
    try:
        exec(compile(example.group(1), "audit_example.py", "exec"), {})
    except TypeError as exc:
        pytest.fail(f"the example fails on a macro with no overall score: {exc}")
    printed = capsys.readouterr().out
    assert "Pedido tarde" in printed and "Late order" in printed
