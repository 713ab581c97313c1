"""What the wheel and the sdist carry: the MIT licence the metadata names (there was no LICENSE file at all)."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel and the sdist, built from this tree without network (as the wheel test does)."""
    out = tmp_path_factory.mktemp("dist")
    hatchling = Path(sys.executable).with_name("hatchling")
    if not hatchling.exists():
        pytest.skip("hatchling comes with the dev extra: pip install -e '.[dev]'")
    subprocess.run([str(hatchling), "build", "-d", str(out)], cwd=REPO, check=True, capture_output=True, timeout=300)
    (wheel,) = out.glob("scriptkit-*.whl")
    (sdist,) = out.glob("scriptkit-*.tar.gz")
    return wheel, sdist


@pytest.mark.slow
def test_the_wheel_and_the_sdist_carry_the_mit_licence(dist: tuple[Path, Path]) -> None:
    wheel, sdist = dist
    with zipfile.ZipFile(wheel) as whl:
        (metadata,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
        said = whl.read(metadata).decode()
        licences = [n for n in whl.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert licences and "MIT License" in whl.read(licences[0]).decode()
    assert "License-Expression: MIT" in said and "License-File: LICENSE" in said
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert "LICENSE" in names
