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


#: What the tests read or import beside tests/ (docs pages, the site config, the hook file, the benchmark
#: pack generator, the LanguageTool assembler the Makefile runs): the sdist ships tests/, so it ships these too.
BESIDE_THE_TESTS = ("docs/index.md", "docs/hooks.py", "docs/guides/ci.md", "mkdocs.yml", ".pre-commit-hooks.yaml",
                    "benchmarks/__init__.py", "benchmarks/packgen.py", "tools/languagetool.py", "templates/starter",
                    "Makefile", "LICENSE", "README.md", "pyproject.toml")


@pytest.mark.slow
def test_the_sdist_holds_what_its_tests_read_and_they_pass_from_it(dist: tuple[Path, Path], tmp_path: Path) -> None:
    _, sdist = dist
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path, filter="data")
    (root,) = tmp_path.iterdir()
    missing = [path for path in BESIDE_THE_TESTS if not (root / path).exists()]
    assert missing == []
    assert not (root / "site").exists() and not (root / ".venv").exists()
    # a few of the tests that read docs/, mkdocs.yml, the hook file and benchmarks/, run from the unpacked tree
    # (python -m: its own scriptkit and tests come first on the path)
    chosen = ["tests/test_docs.py", "tests/test_public_api.py", "tests/test_s33_ci_docs_rev.py",
              "tests/test_rules_template.py"]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not java",
                          "-k", "not wheel", *chosen], cwd=root, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:]
    assert " passed" in run.stdout and "error" not in run.stdout.lower().split("passed")[-1]
