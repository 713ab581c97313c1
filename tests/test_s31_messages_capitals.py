"""A constant in capitals, '{{ STATUS_PAGE }}', got no did-you-mean, though a placeholder in capitals does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

PACK = "name: Shop\nversion: 0.1.0\nlocale: en-US\nconstants:\n  status_page: status.example.com\n"


def _check(tmp_path: Path, solution: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "down.yaml").write_text(
        "id: down\ntitle: Site down\nacknowledgment: I know how frustrating it is when the site won't load.\n"
        f"solution: \"I'll email you the moment it's back; see {solution} until then.\"\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


@pytest.mark.parametrize("written", ["STATUS_PAGE", "Status_Page"])
def test_a_constant_in_capitals_gets_its_did_you_mean(tmp_path: Path, written: str) -> None:
    code, output = _check(tmp_path, f"{{{{ {written} }}}}")
    assert code == 2
    assert (f"{tmp_path / 'scripts' / 'down.yaml'}:4:56: error: undefined name '{written}'. "
            "Did you mean 'status_page'? Write a constant's name as pack.yaml does.") in output


def test_a_misspelt_constant_in_capitals_gets_its_did_you_mean(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "{{ STATUS_PGAE }}")
    assert code == 2
    assert "undefined name 'STATUS_PGAE'. Did you mean 'status_page'? Define constants under" in output
