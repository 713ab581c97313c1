"""An audit of an export names where each finding is in the export, not in a temporary pack that is gone."""
from pathlib import Path

import scriptkit


def test_an_exports_findings_point_at_its_item(tmp_path: Path) -> None:
    sheet = tmp_path / "macros.csv"
    sheet.write_text("title,body\n"
                     "Delay,\"Please be advised that your ticket has been escalated. Kindly await a response.\"\n"
                     "Refund,\"Per our policy, you are not eligible for a refund.\"\n", encoding="utf-8")
    report = scriptkit.audit_library(sheet)
    found = {m.title: {d.code for d in m.diagnostics} for m in report.macros}
    assert sorted(found) == ["Delay", "Refund"], found
    assert {"SK201", "SK403", "SK404"} <= found["Delay"], found  # "Please be advised", "Kindly", no owner or when
    assert {"SK305", "SK401"} <= found["Refund"], found  # "Per our policy", a refusal with no way forward
    for macro in report.macros:
        assert macro.location.file == str(sheet) or Path(macro.location.file) == sheet
        assert macro.script_file == macro.location.file
        for d in macro.diagnostics:
            assert d.location == macro.location, d.format()
            assert d.format().startswith(f"{macro.location} ")
            assert Path(d.location.file).exists()


def test_a_packs_findings_keep_their_place_in_its_scripts(make_pack) -> None:
    pack = make_pack({"late.yaml": "id: late\ntitle: Late\nacknowledgment: Please be advised it is late.\n"
                                   "solution: Kindly await a response.\n"})
    report = scriptkit.audit_library(pack)
    (macro,) = report.macros
    assert macro.script_file == str(pack / "scripts" / "late.yaml")
    assert macro.diagnostics and all(d.location.file == macro.script_file for d in macro.diagnostics)
    assert any(d.location.line > 1 for d in macro.diagnostics)
