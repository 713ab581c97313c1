"""scriptkit leaves a program's warnings filters as they were (docs/python/index.md): ruamel.yaml adds
'once' filters for two of its warnings as it is first imported, and scriptkit.quiet_ruamel takes them out again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PACK = {
    "pack.yaml": "name: Filters\n",
    "scripts/late.yaml": (
        "id: late\ntitle: Late parcel\n"
        "acknowledgment: \"I know a late parcel is a worry when you're waiting on it.\"\n"
        "solution: \"I've asked the courier to deliver it by Friday.\"\n"),
}

# (a fresh interpreter each time: ruamel.yaml adds its filters once, when it is first imported)
PROBE = """
import json, sys, warnings
before = [repr(f) for f in warnings.filters]
FIRST
print(json.dumps([f for f in map(repr, warnings.filters) if f not in before]))
"""


def _added(first: str, cwd: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.replace("FIRST", first)], capture_output=True,
                          text=True, cwd=cwd, timeout=120)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    for name, text in PACK.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.timeout(120)
def test_loading_a_pack_adds_no_warnings_filter(pack: Path) -> None:
    assert _added(f"import scriptkit; scriptkit.load_pack({str(pack)!r})", pack) == []
    # a program that imported ruamel.yaml first has its filters (ruamel's among them) left alone
    first = ("import ruamel.yaml.error as e; warnings.simplefilter('error', e.UnsafeLoaderWarning); "
             f"before = [repr(f) for f in warnings.filters]; import scriptkit; scriptkit.load_pack({str(pack)!r})")
    assert _added(first, pack) == []


@pytest.mark.timeout(120)
def test_the_fixer_imported_first_adds_no_warnings_filter(tmp_path: Path) -> None:
    # (fixing.py imported ruamel.yaml itself, before the loader)
    assert _added("import scriptkit.fixing", tmp_path) == []


@pytest.mark.timeout(120)
def test_importing_a_library_and_writing_it_adds_no_warnings_filter(tmp_path: Path) -> None:
    library = tmp_path / "macros.json"
    library.write_text(json.dumps([{"title": "Late parcel", "body": "Sorry your parcel is late. I've chased the "
                                    "courier and it will arrive by Friday."}]), encoding="utf-8")
    out = tmp_path / "pack"
    code = f"import scriptkit; lib = scriptkit.import_library({str(library)!r}); lib.write({str(out)!r})"
    assert _added(code, tmp_path) == []
    assert (out / "pack.yaml").is_file()
