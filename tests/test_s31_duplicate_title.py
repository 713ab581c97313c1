"""SK014: two scripts with one title. check said All clear, then export refused the pack (SK507)."""

from __future__ import annotations

from tests.conftest import run_cli

_A = ("id: refund-late\ntitle: Refund is late\nacknowledgment: I'm so sorry your refund hasn't arrived yet.\n"
      "solution: I've chased it with our payments team today, and I'll email you by Friday.\n")


def test_a_copied_scripts_title_is_found_by_check_before_export_refuses_it(make_pack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = _A.replace("id: refund-late", "id: refund-late-copy").replace("by Friday", "by Monday")
    pack = make_pack({"refund-late.yaml": _A, "refund-late-copy.yaml": copy})
    checked = run_cli("check", str(pack), "--grammar", "off", "--select", "SK014")
    assert checked.exit_code == 1
    # (the copy is reported, at its title, though "refund-late-copy.yaml" sorts first)
    assert "script 'refund-late-copy' has the title of 'refund-late'" in checked.output
    assert "refund-late-copy.yaml\n  2:8" in checked.output and "Refund is late" in checked.output
    exported = run_cli("export", str(pack), "--to", "zendesk", "-o", str(tmp_path / "out"), "--grammar", "off")
    assert exported.exit_code == 1 and "SK507" in exported.output  # (what check now says first)


def test_titles_apart_by_a_category_or_a_word_are_not_reported(make_pack) -> None:  # type: ignore[no-untyped-def]
    other = _A.replace("id: refund-late", "id: card").replace("title: Refund is late", "title: Cards::Refund is late")
    pack = make_pack({"refund-late.yaml": _A, "card.yaml": other})
    assert run_cli("check", str(pack), "--grammar", "off", "--select", "SK014").exit_code == 0


def test_one_title_in_two_agents_own_pickers_is_no_clash(make_pack) -> None:  # type: ignore[no-untyped-def]
    # (two Front teammates' own templates: each sees one; the export's SK507 agrees)
    own = _A + "export:\n  front:\n    teammate_id: tea_{n}\n"
    pack = make_pack({"a.yaml": own.format(n=4), "b.yaml": own.format(n=9).replace("id: refund-late", "id: b")})
    assert run_cli("check", str(pack), "--grammar", "off", "--select", "SK014").exit_code == 0
    pack = make_pack({"a.yaml": own.format(n=4), "b.yaml": own.format(n=4).replace("id: refund-late", "id: b")})
    assert run_cli("check", str(pack), "--grammar", "off", "--select", "SK014").exit_code == 1
