"""The documentation site's machinery: generated rule pages, run markers, the pre-commit hook.

The full site is built by `make docs` (mkdocs build --strict); these tests cover what that
build relies on, quickly and without building the site.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from ruamel.yaml import YAML

from scriptkit.rules import all_rules
from scriptkit.rules.base import DOC_SECTIONS

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"

mkdocs = pytest.importorskip("mkdocs", reason="the docs tools come with the dev extra: pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scriptkit_docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site_config(hooks: ModuleType):  # type: ignore[no-untyped-def]
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    config.plugins._current_plugin = "hooks"  # what mkdocs sets while it runs a plugin's event
    hooks.on_config(config)
    yield config
    hooks.on_post_build(config)


def _nav_paths(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    return []


def test_every_rule_has_a_generated_page_in_the_nav(hooks: ModuleType, site_config) -> None:  # type: ignore[no-untyped-def]
    from mkdocs.structure.files import Files

    rules = all_rules()
    assert rules, "no rules registered"
    files = hooks.on_files(Files([]), site_config)
    generated = {f.src_uri for f in files}
    nav = set(_nav_paths(site_config.nav))
    for rule in rules:
        path = f"rules/{rule.code}.md"
        assert path in generated, f"{rule.code} has no generated page"
        assert path in nav, f"{rule.code}'s page is not in the navigation"
    assert "rules/SK800.md" in generated and "rules/SK800.md" in nav  # the settings warning


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_page_carries_the_rule_docs(hooks: ModuleType, rule) -> None:  # type: ignore[no-untyped-def]
    page = hooks.rule_page(rule)
    assert page.startswith(f"# {rule.code} {rule.name}\n")
    for section in DOC_SECTIONS:
        assert f"\n## {section}\n" in page, f"{rule.code}: no '{section}' section"
    # every line of the rule's own docs (the text `scriptkit rule CODE` prints) is on the page
    for line in rule.docs().splitlines():
        text = line.strip().lstrip("#").strip()
        if text:
            assert text in page, f"{rule.code}: docs line missing from page: {text!r}"
    assert f"scriptkit rule {rule.code}" in page


def test_rule_page_refuses_docs_without_a_section(hooks: ModuleType) -> None:
    from mkdocs.exceptions import PluginError

    from scriptkit.rules.base import Rule

    class Undocumented(Rule):
        """Says what it does, and nothing else.

        ## What it does
        Nothing in particular.
        """

        code = "SK899"
        name = "undocumented"

    with pytest.raises(PluginError, match="Why it matters"):
        hooks.rule_page(Undocumented)


def test_rule_index_links_every_rule_by_family(hooks: ModuleType) -> None:
    index = hooks.gen_rule_index()
    for rule in all_rules():
        assert f"[{rule.code}]({rule.code}.md)" in index
        assert f"\n## {rule.family()}\n" in index


def test_run_marker_shows_real_output_and_fails_on_an_unexpected_exit(hooks: ModuleType, tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    page = (
        "<!-- write: p/pack.yaml -->\n```yaml\nname: Docs test\n```\n\n"
        "<!-- write: p/scripts/a.yaml -->\n```yaml\nid: a\ntitle: A\nchannels: [chat]\n"
        "acknowledgment: I can see how worrying a late refund is.\nsolution: I've sent it today.\n```\n\n"
        "<!-- run -->\n```console\n$ scriptkit render p --channel chat\n```\n\n<!-- show: p/scripts/a.yaml -->\n"
    )
    out = hooks.process_markdown(page, tmp_path / "ws")
    assert "$ scriptkit render p --channel chat" in out
    assert ('Hi {{ customer.first_name | fallback("there") }}! I can see how worrying a late refund is. '
            "I've sent it today.") in out
    assert out.count("id: a") == 2  # the written block stays on the page, and the show marker shows it again
    assert "<!--" not in out

    admonition = (
        '<!-- write: note.txt -->\n!!! failure "Before"\n    We have received your\n    request.\n\n'
        "<!-- run -->\n```console\n$ cat note.txt\n```\n"
    )
    out = hooks.process_markdown(admonition, tmp_path / "ws1")
    assert '!!! failure "Before"' in out  # the admonition stays on the page
    assert "$ cat note.txt\nWe have received your request.\n" in out  # its prose, unwrapped, is the file

    with pytest.raises(PluginError, match="exited 2, the page expects 0"):
        hooks.process_markdown("<!-- run -->\n```console\n$ scriptkit render no-such-pack\n```\n", tmp_path / "ws2")
    with pytest.raises(PluginError, match="exited 0, the page expects 1"):
        hooks.process_markdown("<!-- run exit=1 -->\n```console\n$ scriptkit --version\n```\n", tmp_path / "ws3")
    with pytest.raises(PluginError, match="unknown generator"):
        hooks.process_markdown("<!-- generate: nothing-like-this -->", tmp_path / "ws4")
    with pytest.raises(PluginError, match="not 'rm'"):
        hooks.process_markdown("<!-- run -->\n```console\n$ rm -rf /\n```\n", tmp_path / "ws5")
    with pytest.raises(PluginError, match="outside"):
        hooks.process_markdown("<!-- write: ../escape.txt -->\n```\nx\n```\n", tmp_path / "ws6")


def test_pack_format_reference_describes_every_model_field(hooks: ModuleType) -> None:
    for model in ("PackMeta", "Layout", "Script", "Flexibility", "BlankSpec", "CustomPlaceholder"):
        table = hooks.gen_model_fields(model)  # raises when a field has no description
        assert table.startswith("| Key |")


def test_pack_format_types_are_words_a_writer_reads_not_python_class_names(hooks: ModuleType) -> None:
    # "mapping of text to `CustomPlaceholder`", "list of `BlankSpec`", "mapping of text to any"
    for model in ("PackMeta", "Layout", "Script", "ChannelText", "Flexibility", "BlankSpec", "CustomPlaceholder"):
        for row in hooks.gen_model_fields(model).splitlines()[2:]:
            kind = row.split(" | ")[1]
            assert not re.search(r"`[A-Z][a-z]+[A-Z]\w*`|`(?:Layout|Flexibility|Alternative|Condition)`", kind), row
            assert not re.search(r"\bany\b", kind), row


def test_placeholder_table_covers_every_helpdesk_and_placeholder(hooks: ModuleType) -> None:
    from scriptkit import targets
    from scriptkit.placeholders import BUILTIN

    hooks._state["page"] = "reference/placeholders.md"
    table = hooks.gen_placeholder_spellings()
    for spec in BUILTIN:
        assert f"| `{spec.name}` |" in table
    for name in targets.available():
        if getattr(targets.get(name), "dialect", None) is not None:
            assert f"[{name}](../export/{name}.md)" in table
            assert (DOCS / "export" / f"{name}.md").is_file(), f"no export guide page for {name}"
    assert "`{%customer.firstName,fallback=there%}`" in table  # Help Scout's own fallback form


def test_every_docs_page_is_in_the_nav() -> None:
    config = YAML(typ="safe").load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = set(_nav_paths(config["nav"]))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "_examples" not in p.parts}
    assert pages - nav == set(), "pages missing from the nav"
    assert nav - pages == set(), "nav entries without a page"


def test_theme_loads_nothing_from_the_network() -> None:
    config = YAML(typ="safe").load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False
    plugins = {next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins", [])}
    assert not plugins & {"social", "privacy", "material/social", "material/privacy", "offline"}


def test_pre_commit_hook_points_at_a_real_command() -> None:
    hooks_file = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks_file, list)
    by_id = {h["id"]: h for h in hooks_file}
    assert "scriptkit-check" in by_id
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    scripts = pyproject["project"]["scripts"]
    from scriptkit.cli import main

    for hook in hooks_file:
        assert {"id", "name", "entry", "language"} <= set(hook), hook
        program, command, *_ = shlex.split(hook["entry"])
        assert program in scripts, f"{program} is not a console script of this project"
        assert command in main.commands, f"scriptkit has no '{command}' command"
        assert hook["language"] == "python"  # pre-commit installs this repository into its own venv
        pattern = re.compile(hook["files"])
        assert pattern.search("support/pack/scripts/late-delivery.yaml")
        assert pattern.search("pack.yaml")
        assert pattern.search("support/pack/scripts/Refund.YAML")  # (loaded whatever the case)
        assert not pattern.search("README.md")


def test_pre_commit_hook_runs_check_on_a_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What pre-commit would run: the entry plus its default args, from the pack folder."""
    from click.testing import CliRunner

    from scriptkit.cli import main

    hook = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Hook test\n", encoding="utf-8")
    (tmp_path / "scripts" / "cold.yaml").write_text(
        "id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that your request is being processed.\n",
        encoding="utf-8",
    )
    argv = [*shlex.split(hook["entry"])[1:], *hook.get("args", [])]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, argv, env={"NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert "SK" in result.output


def test_a_run_is_written_as_a_console_block_a_reader_sees_on_github(hooks: ModuleType, tmp_path: Path) -> None:
    """An HTML comment is invisible on GitHub and in an editor's preview, so a page whose commands lived in
    `<!-- run: ... -->` read "Create one:" and then nothing. The command is now a ```console block the
    source shows; the build runs each `$ ` line and puts its real output under it."""
    from mkdocs.exceptions import PluginError

    page = (
        "Create one:\n\n<!-- run -->\n```console\n$ scriptkit init my-pack\n$ ls my-pack\n```\n\nThen:\n\n"
        "<!-- run exit=2 -->\n```console\n$ scriptkit render no-such-pack\n```\n"
    )
    out = hooks.process_markdown(page, tmp_path / "ws")
    assert (tmp_path / "ws" / "my-pack" / "pack.yaml").is_file()  # the command ran in the page's workspace
    listing = re.search(r"\$ ls my-pack\n(.*?)\n```", out, re.S)
    assert listing and "pack.yaml" in listing.group(1) and "scripts" in listing.group(1)
    assert out.index("$ scriptkit init my-pack\n") < out.index("$ ls my-pack\n")  # each output under its command
    assert re.search(r"\$ scriptkit render no-such-pack\n.*no-such-pack.*\n\[exit code 2\]\n```", out, re.S)
    assert "<!--" not in out and out.startswith("Create one:\n\n```console\n") and out.count("```console") == 2
    assert out.endswith("```\n")

    lang = "<!-- run lang=text lines=1 -->\n```console\n$ ls my-pack\n```\n"
    out = hooks.process_markdown(lang, tmp_path / "ws")
    assert out.startswith("```console\n$ ls my-pack\n```\n\n```text\n") and "more lines" in out

    # the output is generated, never written by hand: a line that is not a command fails the build
    with pytest.raises(PluginError, match=r"page:2: .*only commands"):
        hooks.process_markdown("\n<!-- run -->\n```console\n$ scriptkit --version\nscriptkit 9.9\n```\n",
                               tmp_path / "w1")
    with pytest.raises(PluginError, match="console"):
        hooks.process_markdown("<!-- run -->\n\nNo block here.\n", tmp_path / "w2")
    # a comment-only run would hide the command again, and no step is hidden (tests/test_s36_docs_no_hidden_steps.py)
    with pytest.raises(PluginError, match="invisible"):
        hooks.process_markdown("<!-- run: scriptkit --version -->\n", tmp_path / "w3")
    with pytest.raises(PluginError, match="exited 0, the page expects 1"):
        hooks.process_markdown("<!-- run exit=1 -->\n```console\n$ scriptkit --version\n```\n", tmp_path / "w5")


def _visible_examples_missing(text: str) -> list[str]:
    copies = dict(re.findall(r"<!--\s*copy:\s*(\S+)\s+(\S+)\s*-->", text))  # folder -> its name in the workspace
    shown = re.findall(r"<!--\s*show[^:]*:\s*(\S+)\s*-->", text)
    visible = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return [f"docs/{src}" for src, dest in copies.items()
            if any(p.startswith(dest.rstrip("/") + "/") for p in shown) and f"docs/{src.strip('/')}/" not in visible]


def test_a_page_showing_an_example_packs_files_names_its_folder_where_github_hides_the_show_marker() -> None:
    # `<!-- show: demo/pack.yaml -->` is empty on GitHub: "Every target page exports this pack ... :" then nothing
    assert _visible_examples_missing("<!-- copy: _examples/p demo -->\n<!-- show: demo/pack.yaml -->\n") == [
        "docs/_examples/p"]
    found = {page.relative_to(DOCS).as_posix(): missing for page in sorted(DOCS.rglob("*.md"))
             if (missing := _visible_examples_missing(page.read_text(encoding="utf-8")))}
    assert not found, found
