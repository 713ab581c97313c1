"""The CI guide installed scriptkit by its bare name, which on the public package index is another project
(0.6, no command): the docs install it from the team's copy, a wheel or a checkout."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _bare(line: str) -> bool:
    """Whether the command installs the requirement 'scriptkit' by its name (with extras or a version, or not)."""
    command = re.search(r"\b(?:pip3?|pipx|uv pip|uv tool) install\b(.*)", line)
    if command is None:
        return False
    return any(re.fullmatch(r"scriptkit(\[[^\]]*\])?([=<>~!]=?\S*)?", word)
               for word in shlex.split(command.group(1), comments=True))


def test_no_doc_installs_scriptkit_by_its_bare_name() -> None:
    """The package index's 'scriptkit' is another project (0.6, no command): `pip install scriptkit` in CI
    installed it, and the next step found no `scriptkit` command."""
    docs = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
    # (the commands a reader copies: the lines of the code blocks; the prose may warn against the bare name)
    found = [f"{d.relative_to(REPO)}: {line.strip()}" for d in docs
             for block in re.findall(r"^```[^\n]*\n(.*?)^```", d.read_text(encoding="utf-8"), re.M | re.S)
             for line in block.splitlines() if _bare(line)]
    assert not found, found
    assert _bare("      - run: python -m pip install scriptkit   # or the path")  # (it finds what it should)
    assert _bare("pip install -U 'scriptkit[grammar]==0.1.0'")
    assert not _bare('python -m pip install "scriptkit @ git+https://github.com/your-org/scriptkit@<commit-sha>"')
    assert not _bare("python -m pip install .")


def test_the_ci_guide_says_where_scriptkit_comes_from() -> None:
    guide = (REPO / "docs" / "guides" / "ci.md").read_text(encoding="utf-8")
    assert "git+https://" in guide  # (the team's repository, pinned)
    assert "requirements-ci.txt" in guide and "scriptkit @ git+https://" in guide


