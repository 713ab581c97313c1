"""A constant written as pack.yaml's heading, '{{ constants.status_page }}', was told to "Define constants under
'constants:'" (the writer had)."""

from __future__ import annotations

from pathlib import Path

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


def test_a_constant_under_constants_dot_is_told_to_use_its_own_name(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "{{ constants.status_page }}")
    assert code == 2
    assert (f"{tmp_path / 'scripts' / 'down.yaml'}:4:56: error: undefined name 'constants'. Constants are used by "
            "their own name: write {{ status_page }}.") in output


def test_a_misspelt_constant_under_constants_dot_is_named(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "{{ constants.status_pgae }}")
    assert code == 2
    assert ("undefined name 'constants'. Constants are used by their own name: did you mean {{ status_page }}?"
            in output)
