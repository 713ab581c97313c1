"""The CI guide's remote pre-commit recipe had no `files:`, so the hook (which cannot know the pack's folder) ran the
whole pack whenever any YAML file changed, a workflow file too: 10-25 s a commit on a large pack. Its recipes now
narrow it to the pack and its settings."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "guides" / "ci.md"


def _blocks(text: str) -> list[object]:
    return [YAML(typ="safe").load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def _hooks(text: str) -> list[dict[str, object]]:
    return [hook for config in _blocks(text) if isinstance(config, dict)
            for repo in config.get("repos", []) for hook in repo.get("hooks", [])
            if hook.get("id") == "scriptkit-check"]


def test_every_pre_commit_recipe_runs_only_for_the_pack_and_its_settings() -> None:
    hooks = _hooks(GUIDE.read_text(encoding="utf-8"))
    assert len(hooks) >= 2, "the remote and the local recipe"
    for hook in hooks:
        files = hook.get("files")
        assert isinstance(files, str), hook
        for path in ("support/pack/pack.yaml", "support/pack/scripts/refund.yaml", "scriptkit.toml"):
            assert re.search(files, path), (files, path)  # (pre-commit matches files: with re.search)
        for path in (".github/workflows/ci.yml", "docs/mkdocs.yml", "other/pyproject.toml"):
            assert not re.search(files, path), (files, path)
