"""`audit PACK --html` never replaces a file of the pack it reads; an earlier report may be replaced."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main


def _audit(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit", *args])
    return result.exit_code, result.output


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (pack / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nacknowledgment: I'm sorry your parcel is late, that's so frustrating.\n"
        "solution: I've sent a new one today, and it will reach you by Friday.\n", encoding="utf-8")
    return pack


def test_the_report_never_replaces_pack_yaml_or_a_script(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    for target in (pack / "pack.yaml", pack / "scripts" / "late.yaml"):
        before = target.read_bytes()
        code, output = _audit(str(pack), "--html", str(target))
        assert code == 2
        assert f"{target}:1:1" in output and "being audited" in output and "Traceback" not in output
        assert target.read_bytes() == before


def test_a_new_or_earlier_report_in_the_pack_folder_is_written(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    report = pack / "audit.html"
    for _ in range(2):  # the second run replaces the first report
        code, _output = _audit(str(pack), "--html", str(report))
        assert code == 0
        assert report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
