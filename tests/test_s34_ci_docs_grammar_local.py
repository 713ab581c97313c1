"""The CI guide had no recipe for `--grammar local`: each job assembled LanguageTool afresh (minutes), or failed
without Java or Maven. It shows one for GitHub Actions (Java 17, Maven, actions/cache on $SCRIPTKIT_CACHE_DIR) and
GitLab (its cache: of the same folder)."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "guides" / "ci.md"


def _blocks(text: str) -> list[object]:
    return [YAML(typ="safe").load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_the_guide_caches_languagetool_for_grammar_local() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    jobs = [b for b in _blocks(text) if isinstance(b, dict) and "--grammar local" in str(b)]
    github = [j for j in jobs if "jobs" in j]
    gitlab = [j for j in jobs if "jobs" not in j]
    assert github and gitlab, "a GitHub Actions and a GitLab recipe"
    steps = github[0]["jobs"]["check"]["steps"]
    uses = [str(s.get("uses", "")) for s in steps]
    assert any(u.startswith("actions/cache@") for u in uses) and any(u.startswith("actions/setup-java@") for u in uses)
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert "SCRIPTKIT_CACHE_DIR" in str(cache["with"]["path"]) or cache["with"]["path"] in str(github[0])
    assert any(str(s.get("with", {}).get("java-version")) == "17" for s in steps)
    job = next(iter(gitlab[0].values()))
    assert "SCRIPTKIT_CACHE_DIR" in str(job["cache"]["paths"]) or "SCRIPTKIT_CACHE_DIR" in str(job.get("variables"))
