"""MkDocs hook: everything the site shows about scriptkit's behaviour is produced at build time.

Markers in a page's Markdown are replaced while the site builds:

``<!-- write: PATH -->`` + a fenced block
    writes the block to PATH in the page's workspace (a temporary folder, one per page) and
    keeps the block on the page: the file a reader sees is the file the commands below read.
    An admonition (``!!! failure "Before"`` and its indented text) works as the block too.
``<!-- run -->`` + a ````` ```console ````` block of ``$ COMMAND`` lines
    runs each COMMAND in the workspace (NO_COLOR=1, fixed width) and puts its output under
    it. The command stays visible in the source (GitHub and editors hide HTML comments, and a
    writer reading the repository must see what to type); the block holds commands only, as
    the output is always the one captured while the site builds. ``scriptkit`` runs through
    its click entry point in this process (fast); ``python`` (the project's interpreter),
    ``ls`` and ``cat`` run as child processes. Options after ``run``: ``exit=N`` (the exit
    code every command of the block is expected to give, default 0; any other code fails the
    build), ``lines=N`` (show the first N lines of each output), ``lang=L`` (the code block
    language of the output, shown apart from its command).
Every step is on the page: a reader who types what it shows gets what it shows, so a step the
page would not show (a file written or a command run out of sight) fails the build.
``<!-- copy: FOLDER DEST -->``
    copies FOLDER (under ``docs/_examples/``, excluded from the site) into the workspace as DEST.
``<!-- show: PATH -->``
    shows a file of the workspace (after a command wrote or fixed it). Options: ``lang=``,
    ``lines=``.
``<!-- generate: NAME -->``
    inserts a table or reference generated from the code (see ``GENERATORS``).

A page with generated output carries ``SOURCE_POINTER_LINE`` for a reader of its Markdown; the built page drops it.

One page per registered rule is added under ``rules/`` from the rule's own docs, and listed
in the navigation by family. A command that fails unexpectedly, an unknown marker or a rule
whose docs lack a section fails the build.
"""

from __future__ import annotations

import inspect
import json
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
WIDTH = 80  # terminal width the commands see: what fits a code block on the page without scrolling
TIMEOUT = 180  # seconds per command: a hung command fails the build instead of hanging it

# Programs a page may run besides scriptkit and python (for showing what a command produced).
OTHER_PROGRAMS = {"cat", "ls"}

# (the argument after the colon is optional: ``<!-- run -->`` takes its commands from the block below it)
_MARKER = re.compile(r"<!--\s*(run|write|show|copy|generate)(\s[^:>]*?)?(?::\s*(.*?))?\s*-->", re.S)
_FENCE = re.compile(
    r"[ \t]*\n(?:[ \t]*\n)?(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?\n)(?P=fence)[ \t]*(?:\n|\Z)", re.S
)

# An admonition (``!!! failure "Before"`` and its indented body): a write marker may take its text.
_ADMONITION = re.compile(r"[ \t]*\n(?P<head>(?:!!!|\?\?\?\+?) [^\n]*\n)(?P<body>(?:(?: {4}[^\n]*)?\n)+)")

_state: dict[str, Any] = {"tmp": None}

# The one line a page with generated output carries for a reader of its Markdown (GitHub, an editor), who sees its
# command blocks without their output: where the page is whole. The built site drops it (it is that site).
SOURCE_POINTER_LINE = (
    "> **Reading this file, not the site?** The output under each command and the generated tables are "
    "added when the site is built: run `make docs` and open `site/index.html`."
)
SOURCE_POINTER = re.compile(r"^> \*\*Reading this file, not the site\?\*\*[^\n]*\n(?:>[^\n]*\n)*\n?", re.M)


def without_source_pointer(markdown: str) -> str:
    return SOURCE_POINTER.sub("", markdown, count=1)


# ---------------------------------------------------------------- running commands


def command_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "CLICOLOR_FORCE"}}
    env.update(NO_COLOR="1", COLUMNS=str(WIDTH), LINES="200", TERM="dumb", PYTHONIOENCODING="utf-8")
    return env


def _run_scriptkit(argv: list[str], cwd: Path) -> tuple[int, str]:
    """The real ``scriptkit`` command, in this process: the same click entry point the console
    script calls, without paying interpreter start-up and imports for every command."""
    import traceback

    from click.testing import CliRunner

    from scriptkit.cli import main

    env = {
        "NO_COLOR": "1",
        "COLUMNS": str(WIDTH),
        "LINES": "200",
        "TERM": "dumb",
        "FORCE_COLOR": None,
        "CLICOLOR_FORCE": None,
    }
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, argv, env=env, prog_name="scriptkit", catch_exceptions=True)
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        raise PluginError(f"`scriptkit {shlex.join(argv)}` crashed:\n{result.output}\n{trace}")
    return result.exit_code, result.output


def run_command(command: str, cwd: Path, expect: int = 0) -> str:
    """Run one documented command; return its combined output with the workspace path removed."""
    argv = shlex.split(command)
    if not argv:
        raise PluginError("empty run marker")
    if argv[0] == "scriptkit":
        code, output = _run_scriptkit(argv[1:], cwd)
    else:
        if argv[0] == "python":
            argv[0] = sys.executable  # the project's Python, with scriptkit importable
        elif argv[0] not in OTHER_PROGRAMS:
            raise PluginError(f"docs may run scriptkit, python, {', '.join(sorted(OTHER_PROGRAMS))}; not {argv[0]!r}")
        try:
            proc = subprocess.run(
                argv,
                cwd=cwd,
                env=command_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PluginError(f"`{command}` did not finish within {TIMEOUT} s") from exc
        code, output = proc.returncode, proc.stdout.decode("utf-8", errors="replace")
    output = output.replace(f"{cwd}{os.sep}", "").replace(str(cwd), ".")
    output = "\n".join(line.rstrip() for line in output.splitlines())  # rich pads lines to the width
    if code != expect:
        raise PluginError(f"`{command}` exited {code}, the page expects {expect}:\n{output}")
    return output.rstrip()


def _options(raw: str | None) -> dict[str, str]:
    opts: dict[str, str] = {}
    for token in (raw or "").split():
        key, _, value = token.partition("=")
        opts[key] = value or "true"
    if "hidden" in opts:
        # a reader following the page would not take the step, and would not get what it shows
        raise PluginError(
            "a hidden step is one a reader following the page does not take, so what the page shows "
            "is not what they get: show it (`<!-- write: PATH -->` keeps its block on the page; a command "
            "goes in a ```console block after `<!-- run -->`)"
        )
    unknown = set(opts) - {"exit", "lines", "lang"}
    if unknown:
        raise PluginError(f"unknown marker option(s): {', '.join(sorted(unknown))}")
    return opts


def _truncate(text: str, lines: str | None) -> str:
    if not lines:
        return text
    rows = text.splitlines()
    keep = int(lines)
    if len(rows) <= keep:
        return text
    return "\n".join([*rows[:keep], f"… ({len(rows) - keep} more lines)"])


def _fence(body: str, lang: str = "") -> str:
    ticks = "````" if "```" in body else "```"
    return f"{ticks}{lang}\n{body}\n{ticks}\n"


def _inside(workspace: Path, relative: str) -> Path:
    path = (workspace / relative).resolve()
    if workspace.resolve() not in path.parents:
        raise PluginError(f"{relative} is outside the page's workspace")
    return path


def _console_commands(markdown: str, pos: int) -> tuple[list[str], int]:
    """The ``$ `` commands of the console block right after a ``<!-- run -->`` marker, and its end."""
    fence = _FENCE.match(markdown, pos)
    if not fence or fence.group("info").strip() != "console":
        raise PluginError("`<!-- run -->` must be followed by a ```console block of `$ COMMAND` lines")
    lines = [line for line in fence.group("body").splitlines() if line.strip()]
    stray = [line for line in lines if not line.startswith("$ ")]
    if stray or not lines:
        raise PluginError(
            "the ```console block after `<!-- run -->` holds only commands, each starting with `$ ` "
            f"(the build adds their output); not {stray[0]!r}" if stray else "the ```console block is empty"
        )
    return [line[2:].strip() for line in lines], fence.end()


def _shown_run(command: str, output: str, opts: dict[str, str]) -> str:
    """One command and its output as the page shows them."""
    code = "" if opts.get("exit", "0") == "0" else f"\n[exit code {opts['exit']}]"
    shown = _truncate(output, opts.get("lines"))
    if opts.get("lang"):
        return _fence(f"$ {command}", "console") + "\n" + _fence(shown + code, opts["lang"])
    return f"$ {command}\n{shown}{code}".rstrip()


def process_markdown(markdown: str, workspace: Path, page_name: str = "page") -> str:
    """Replace every marker of one page, in order, running its commands in ``workspace``."""
    workspace.mkdir(parents=True, exist_ok=True)
    out: list[str] = []
    pos = 0
    for match in _MARKER.finditer(markdown):
        if match.start() < pos:  # inside a fenced block consumed by a write marker
            continue
        out.append(markdown[pos : match.start()])
        pos = match.end()
        kind, arg = match.group(1), match.group(3)
        try:
            opts = _options(match.group(2))  # (in the try: a wrong option is reported at its line too)
            if kind == "run" and arg is not None:
                raise PluginError(
                    f"`<!-- run: {arg} -->` is invisible on GitHub and in an editor's preview: write the "
                    f"command as `$ {arg}` in a ```console block right after `<!-- run -->`"
                )
            elif kind == "run":
                commands, pos = _console_commands(markdown, pos)
                shown = [_shown_run(c, run_command(c, workspace, int(opts.get("exit", "0"))), opts) for c in commands]
                if opts.get("lang"):
                    out.append("\n".join(shown))
                else:
                    out.append(_fence("\n".join(shown), "console"))
            elif arg is None:
                raise PluginError(f"`<!-- {kind} -->` needs its argument after a colon: `<!-- {kind}: ... -->`")
            elif kind == "write":
                fence = _FENCE.match(markdown, pos)
                block = _ADMONITION.match(markdown, pos)
                if fence:
                    body = fence.group("body")
                elif block:
                    # prose: unwrap the lines of each paragraph, as a reader sees them
                    text = textwrap.dedent(block.group("body")).strip()
                    body = re.sub(r"(?<!\n)\n(?!\n)", " ", text) + "\n"
                else:
                    raise PluginError(f"`write: {arg}` must be followed by a fenced code block or an admonition")
                target = _inside(workspace, arg)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            elif kind == "copy":
                src, _, dest = arg.partition(" ")
                source = (DOCS / src).resolve()
                if not source.is_dir() or DOCS.resolve() not in source.parents:
                    raise PluginError(f"`copy: {arg}`: {src} is not a folder under docs/")
                shutil.copytree(source, _inside(workspace, dest.strip() or source.name), dirs_exist_ok=True)
            elif kind == "show":
                target = _inside(workspace, arg)
                if not target.is_file():
                    raise PluginError(f"`show: {arg}`: no such file (the commands above did not write it)")
                # (utf-8-sig: the CSV export for spreadsheets starts with a byte order mark)
                text = target.read_text(encoding="utf-8-sig").rstrip()
                out.append(_fence(_truncate(text, opts.get("lines")), opts.get("lang", "")))
            else:
                name, *args = arg.split()
                generator = GENERATORS.get(name)
                if generator is None:
                    raise PluginError(f"unknown generator {name!r}; known: {', '.join(sorted(GENERATORS))}")
                out.append(generator(*args))
        except PluginError as exc:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(f"{page_name}:{line}: {exc}") from exc
    out.append(markdown[pos:])
    return "".join(out)


# ---------------------------------------------------------------- rule pages


def _rules() -> tuple[Any, ...]:
    from scriptkit.rules import all_rules

    return tuple(all_rules())


def _family_titles() -> dict[str, str]:
    from scriptkit.rules.base import FAMILIES

    return {digit: name for digit, name in FAMILIES.items()}


FAMILY_BLURBS = {
    "template": "Placeholders, blanks and constants that would render badly, and duplicate scripts.",
    "readability": "Reading ease, grade level, sentence length and the length each channel allows.",
    "warmth": "Corporate phrasing, formality, missing contractions and impersonal apologies.",
    "empathy": "Whether the reply acknowledges the customer first, and language that dismisses or blames.",
    "solution": "A concrete, owned next step with a time frame, room for the agent, and balance.",
    "export": "What a helpdesk cannot hold: lengths, features a target lacks.",
    "custom": "Rules a team writes in YAML in its own pack.",
    "grammar": "Grammar and spelling from a LanguageTool server.",
}


def rule_page_path(rule: Any) -> str:
    return f"rules/{rule.code}.md"


_SECTION = re.compile(r"^\s*(?:#+\s*)?(?P<name>[A-Z][A-Za-z ]+?)\s*:?\s*$")


def split_sections(docs: str) -> tuple[str, list[tuple[str, str]]]:
    """A rule's docstring -> (summary paragraph, [(section, body)]) in the order written."""
    from scriptkit.rules.base import DOC_SECTIONS

    known = {s.lower(): s for s in DOC_SECTIONS}
    lines = textwrap.dedent(docs).strip("\n").splitlines()
    # the docstring's first line is not indented like the rest: dedent the rest on its own
    head, rest = lines[:1], textwrap.dedent("\n".join(lines[1:])).splitlines()
    lines = head + rest
    summary: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for i, line in enumerate(lines):
        m = _SECTION.match(line)
        if m and m.group("name").lower() in known:
            sections.append((known[m.group("name").lower()], []))
            continue
        if re.fullmatch(r"\s*[-=~]{3,}\s*", line) and i and _SECTION.match(lines[i - 1]):
            continue  # numpy-style underline of a heading
        (sections[-1][1] if sections else summary).append(line)
    return (
        "\n".join(summary).strip(),
        [(name, textwrap.dedent("\n".join(body)).strip("\n")) for name, body in sections],
    )


def _yaml(data: Any) -> str:
    from io import StringIO

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 4096
    buf = StringIO()
    yaml.dump(json.loads(json.dumps(data, default=str)), buf)
    return buf.getvalue().rstrip()


def write_example(root: Path, example: Any) -> None:
    """A rule's Example as a pack on disk, the way the rule's own tests build it."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(
        _yaml({"name": "Example pack", **dict(getattr(example, "pack", {}))}) + "\n", encoding="utf-8"
    )
    for i, fields in enumerate(example.scripts, 1):
        script = {"id": f"example-{i}", "title": f"Example {i}", "channels": [example.channel], **dict(fields)}
        (root / "scripts" / f"example-{i}.yaml").write_text(_yaml(script) + "\n", encoding="utf-8")


def example_run(rule: Any) -> str:
    """``scriptkit check`` with only this rule, on its first flagged example: the real output."""
    example = rule.bad_examples[0]
    workspace = (_state["tmp"] or Path(tempfile.mkdtemp(prefix="scriptkit-docs-"))) / "rules" / rule.code
    _state["tmp"] = _state["tmp"] or workspace.parents[1]
    write_example(workspace / "example", example)
    options = [f"{k}={v}" for k, v in dict(example.options).items()]
    if options:  # the example's options go in pack.yaml, as a team would set them
        pack_yaml = workspace / "example" / "pack.yaml"
        data = {
            "name": "Example pack",
            **dict(getattr(example, "pack", {})),
            "rules": {"options": {rule.name: dict(example.options)}},
        }
        pack_yaml.write_text(_yaml(data) + "\n", encoding="utf-8")
    command = f"scriptkit check example --select {rule.code}"
    code, output = _run_scriptkit(shlex.split(command)[1:], workspace)
    output = "\n".join(line.rstrip() for line in output.splitlines())
    if rule.code not in output:
        raise PluginError(f"{rule.code}: its first flagged example does not trigger it (exit {code}):\n{output}")
    files = "".join(
        f"\n`{p.relative_to(workspace).as_posix()}`\n\n" + _fence(p.read_text(encoding="utf-8").rstrip(), "yaml")
        for p in sorted((workspace / "example").rglob("*.yaml"))
    )
    intro = "The rule's first flagged example (listed again under Tested examples), written as a pack:"
    return f"\n## What scriptkit says\n\n{intro}\n{files}\n" + _fence(f"$ {command}\n{output.rstrip()}", "console")


def _example_block(example: Any) -> str:
    scripts = [dict(s) for s in example.scripts]
    body = _yaml(scripts[0] if len(scripts) == 1 else scripts)
    extra = []
    if example.channel != "email":
        extra.append(f"channel `{example.channel}`")
    if example.options:
        extra.append("options " + ", ".join(f"`{k}: {v!r}`" for k, v in example.options.items()))
    note = f" ({'; '.join(extra)})" if extra else ""
    return f"{note}\n\n" + _fence(body, "yaml")


def rule_page(rule: Any) -> str:
    """The Markdown page of one rule, from its docstring and its declared examples."""
    from scriptkit.rules.base import DOC_SECTIONS

    summary, sections = split_sections(rule.docs())
    names = [s for s, _ in sections]
    missing = [s for s in DOC_SECTIONS if s not in names]
    if missing:
        raise PluginError(f"{rule.code} {rule.name}: docs lack section(s) {', '.join(missing)}")
    severity = getattr(rule.severity, "value", rule.severity)
    facts = [
        f"**Family** [{rule.family()}](index.md#{rule.family()})",
        f"**Default severity** {severity}",
        "**Fix** " + ("safe, applied by `--fix`" if rule.fix_safe else "none: a person rewrites it"),
    ]
    if getattr(rule, "reads_alternatives", False):
        facts.append("**Also reads** the script's alternatives and conditions")
    parts = [f"# {rule.code} {rule.name}\n\n", f"{summary}\n\n" if summary else "", " · ".join(facts) + "\n"]
    if rule.options:
        defaults = ", ".join(f"`{k}` = `{v!r}`" for k, v in rule.options.items())
        parts.append(f"\n**Option defaults** {defaults}\n")
    for name, body in sections:
        parts.append(f"\n## {name}\n\n{body}\n")
    if rule.family() == "grammar":  # a docs build must not need Java or a server
        parts.append(
            "\n## What scriptkit says\n\nThis rule asks a LanguageTool server, so the site shows no run "
            "of it: see [Grammar and spelling](../guides/grammar.md) to switch it on.\n"
        )
    elif rule.bad_examples:
        parts.append(example_run(rule))
    if rule.bad_examples or rule.good_examples:
        parts.append(
            "\n## Tested examples\n\nThe rule's own tests check that it flags these scripts and passes "
            "the ones after them.\n"
        )
        for ex in rule.bad_examples:
            parts.append("\n**Flagged**" + _example_block(ex))
        for ex in rule.good_examples:
            parts.append("\n**Passes**" + _example_block(ex))
    parts.append(f"\nThe same text in a terminal: `scriptkit rule {rule.code}`.\n")
    return "".join(parts)


def config_warning_page() -> tuple[str, str]:
    """The page of SK800, the warning about settings that name no rule (not a Rule class)."""
    from scriptkit.cli.rules import CONFIG_DOCS
    from scriptkit.config import CONFIG_CODE, CONFIG_NAME

    first, _, rest = CONFIG_DOCS.strip().partition("\n")
    summary = first.split(":", 1)[-1].strip()
    body = (
        f"# {CONFIG_CODE} {CONFIG_NAME}\n\n{summary[:1].upper()}{summary[1:]}\n\n"
        f"**Family** settings · **Default severity** warning · **Fix** none\n\n{rest.strip()}\n\n"
        f"The same text in a terminal: `scriptkit rule {CONFIG_CODE}`.\n"
    )
    return f"rules/{CONFIG_CODE}.md", body


def load_error_page() -> tuple[str, str]:
    """The page of SK000, a file that could not be read (not a Rule class), from ``scriptkit rule SK000``'s text."""
    from scriptkit.cli.check import LOAD_ERROR_CODE, LOAD_ERROR_NAME
    from scriptkit.cli.rules import LOAD_ERROR_DOCS

    head, rest = LOAD_ERROR_DOCS.strip().split("\n\n", 1)
    summary = " ".join(head.split(":", 1)[-1].split())
    body = (
        f"# {LOAD_ERROR_CODE} {LOAD_ERROR_NAME}\n\n{summary[:1].upper()}{summary[1:]}\n\n"
        f"**Family** input · **Default severity** error · **Fix** none\n\n{rest.strip()}\n\n"
        f"The same text in a terminal: `scriptkit rule {LOAD_ERROR_CODE}`.\n"
    )
    return f"rules/{LOAD_ERROR_CODE}.md", body


def gen_rule_index() -> str:
    rules = _rules()
    if not rules:
        raise PluginError("no rules are registered (scriptkit.rules.all_rules() is empty)")
    parts = [f"scriptkit has **{len(rules)} rules** in {len({r.family() for r in rules})} families.\n"]
    for digit, family in _family_titles().items():
        members = [r for r in rules if r.family() == family]
        if not members:
            continue
        parts.append(f"\n## {family}\n\n`SK{digit}xx` · {FAMILY_BLURBS.get(family, '')}\n\n")
        parts.append("| Code | Name | What it catches | Default | Fix |\n|---|---|---|---|---|\n")
        for r in members:
            sev = getattr(r.severity, "value", r.severity)
            summary = r.summary().replace("|", "\\|")
            parts.append(
                f"| [{r.code}]({r.code}.md) | `{r.name}` | {summary} | {sev} | {'safe' if r.fix_safe else '–'} |\n"
            )
    return "".join(parts)


# ---------------------------------------------------------------- other generators


def _link(target: str) -> str:
    """A link to docs path ``target``, relative to the page being processed."""
    here = posixpath.dirname(_state.get("page") or "index.md")
    return posixpath.relpath(target, here or ".")


def gen_rule_list(*families: str) -> str:
    """A bullet list of the rules in the given families, for the practice pages."""
    known = set(_family_titles().values())
    unknown = [f for f in families if f not in known]
    if unknown or not families:
        raise PluginError(f"rule-list needs family names among {sorted(known)}; got {list(families)}")
    rules = [r for r in _rules() if r.family() in families]
    if not rules:
        raise PluginError(f"no registered rules in {', '.join(families)}")
    return "".join(f"- [{r.code} `{r.name}`]({_link(rule_page_path(r))}): {r.summary()}\n" for r in rules)


def gen_placeholder_catalogue() -> str:
    from scriptkit.placeholders import BUILTIN

    rows = "".join(
        f"| `{{{{ {p.name} }}}}` | {p.description} | {p.sample} | "
        f"{'yes: give it a fallback' if p.can_be_blank else 'no'} |\n"
        for p in BUILTIN
    )
    return (
        "| Placeholder | What the helpdesk fills in | Sample (`--preview`) | Can be empty |\n|---|---|---|---|\n" + rows
    )


# What each pack field means, for the pack format reference. A field a model gains without an
# entry here fails the build, so the reference cannot fall behind models.py.
FIELD_DOCS: dict[str, str] = {
    "PackMeta.name": "The pack's display name.",
    "PackMeta.version": "Your own version of the pack; exports carry it.",
    "PackMeta.locale": "The language the scripts are written in (grammar checks and readability use it).",
    "PackMeta.description": "What the pack is for, in a sentence.",
    "PackMeta.constants": "Values filled in when the pack is built: `{{ refund_days }}` in any script.",
    "PackMeta.placeholders": "Extra helpdesk placeholders for this pack, as `namespace.field` keys "
    "(see [Placeholders](placeholders.md)).",
    "PackMeta.channels": "Per-channel layout: greeting, sign-off and separator "
    "(see [Channel layouts](#channel-layouts)).",
    "PackMeta.rules": "Lint settings: select, ignore, severity, options, custom rules "
    "(see [Configure](../rules/configure.md)).",
    "PackMeta.export": "Settings for `scriptkit export`, per target.",
    "PackMeta.grammar": "LanguageTool settings: `mode` (off, local or a server URL), dictionary words.",
    "PackMeta.exclude": "Glob patterns of files the pack leaves out, from the pack's folder (`drafts/`, "
                        "`scripts/wip-*.yaml`): a script they match is neither checked nor exported.",
    "Script.id": "Unique in the pack; lower case, digits, `-`, `_` and `.`. Exports use it as a stable key.",
    "Script.title": "The name agents see in the helpdesk; `::` separates categories (`Billing::Refunds`).",
    "Script.scenario": "The situation the script is written for, in a sentence (for writers and reviewers).",
    "Script.emotion": "The customer's state the script is written for, e.g. {emotions}.",
    "Script.channels": "Where the script is used: {channels}.",
    "Script.tags": "Free labels; helpdesk targets turn them into tags.",
    "Script.acknowledgment": "The customer's feeling and situation, first. A list gives variants.",
    "Script.warm_language": "Personal, plain care. May be empty; the warmth rules judge it.",
    "Script.flexibility": "Room for the agent (see [Flexibility](#flexibility)); a string is short for `guidance:`.",
    "Script.solution": "What happens next, who does it, by when. A list gives variants.",
    "Script.by_channel": "A channel's own text for some slots, e.g. a shorter `sms` solution "
    "(see [A channel's own text](#a-channels-own-text)).",
    "ChannelText.acknowledgment": "This channel's acknowledgment. A list gives variants.",
    "ChannelText.warm_language": "This channel's warm language; `\"\"` leaves it out of this channel's reply.",
    "ChannelText.solution": "This channel's solution. A list gives variants.",
    "Script.ignore": "Rule selectors switched off for this script only (codes, names or families).",
    "Script.export": "Per-target settings for this script, e.g. `zendesk: {status: pending}`.",
    "Layout.greeting": "The reply's first line; may use placeholders.",
    "Layout.signoff": "The reply's last lines; may use placeholders.",
    "Layout.separator": "Text between the parts; default a blank line for email, a space elsewhere.",
    "Flexibility.guidance": "Advice for the agent. Never sent to the customer.",
    "Flexibility.blanks": "Facts the agent fills in: `{{ blank.NAME }}` in slot text.",
    "Flexibility.alternatives": "Other paths instead of the main solution, each with a `label` and `text`.",
    "Flexibility.conditions": "Text to add only `when` something holds.",
    "BlankSpec.name": "Lower-case name used as `{{ blank.NAME }}`.",
    "BlankSpec.prompt": "What the agent should write, shown beside the blank.",
    "BlankSpec.example": "An example value, to show the agent what fits.",
    "Alternative.label": "When to take this path, as the agent sees it.",
    "Alternative.text": "The text that replaces the solution.",
    "Condition.when": "The condition, as the agent reads it.",
    "Condition.text": "The text to add when it holds.",
    "CustomPlaceholder.description": "What the helpdesk fills in. The exports name the placeholder by it where "
                                     "they tell the agent what to fill in (Zendesk's description, the playbook, "
                                     "the CSV's notes): `{delivery date of the box}`, not `{order box date}`.",
    "CustomPlaceholder.sample": "The value `--preview` shows.",
    "CustomPlaceholder.can_be_blank": "Whether a real ticket can leave it empty (then greetings need a fallback).",
    "CustomPlaceholder.fallback": "A word that reads in its place when it is empty (`there` for a name); SK001 "
                                  "suggests it.",
    "CustomPlaceholder.called": "Words that say what it is, to write before it (`your plan`); SK001 suggests "
                                "them where it starts a sentence.",
}


def _type_name(annotation: Any) -> str:
    import types
    import typing

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(names)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    simple = {str: "text", int: "integer", float: "number", bool: "true/false"}
    if annotation in simple:
        return simple[annotation]
    if annotation is Any:
        return "settings"
    name = getattr(annotation, "__name__", str(annotation))
    if name not in MODEL_WORDS:
        raise PluginError(f"a field of type {name} has no words for writers: add it to MODEL_WORDS in docs/hooks.py")
    return MODEL_WORDS[name]


# What a nested part of a pack is called on the Pack format page, with a link to its table
# there, instead of its Python class name ("mapping of text to `CustomPlaceholder`").
MODEL_WORDS = {
    "Layout": "[a layout](#channel-layouts)",
    "ChannelText": "[its own slot texts](#a-channels-own-text)",
    "Flexibility": "[flexibility](#flexibility)",
    "BlankSpec": "[blanks](#flexibility)",
    "Alternative": "`label` and `text`",
    "Condition": "`when` and `text`",
    "CustomPlaceholder": "[a placeholder](#extra-placeholders)",
}


def gen_model_fields(model_name: str) -> str:
    """A table of one pack model's fields: key, type, required or default, meaning."""
    from pydantic_core import PydanticUndefined

    from scriptkit import models

    model = getattr(models, model_name, None)
    if model is None or not hasattr(model, "model_fields"):
        raise PluginError(f"scriptkit.models has no model {model_name!r}")
    rows = ["| Key | Type | Default | Meaning |\n|---|---|---|---|\n"]
    for name, info in model.model_fields.items():
        doc = FIELD_DOCS.get(f"{model_name}.{name}")
        if doc is None:
            raise PluginError(f"{model_name}.{name} is not described: add it to FIELD_DOCS in docs/hooks.py")
        doc = doc.replace("{emotions}", ", ".join(f"`{e}`" for e in models.EMOTIONS))
        doc = doc.replace("{channels}", ", ".join(f"`{c}`" for c in models.CHANNELS))
        if info.is_required():
            default = "**required**"
        elif info.default_factory is not None:
            value = info.default_factory()  # type: ignore[call-arg]
            default = f"`{json.dumps(value)}`" if value else "empty"
        elif info.default is PydanticUndefined or info.default in (None, ""):
            default = "empty"
        else:
            default = f"`{info.default}`"
        rows.append(f"| `{name}` | {_type_name(info.annotation)} | {default} | {doc} |\n")
    return "".join(rows)


def _targets() -> list[Any]:
    from scriptkit import targets

    names = targets.available()
    if not names:
        raise PluginError("no export targets are registered (reinstall scriptkit so its entry points exist)")
    return [targets.get(n) for n in names]


def _cell(text: str) -> str:
    # Python-Markdown's tables do not split on a pipe inside a code span, so none is escaped
    return "`" + text + "`"


def _placeholder_table(target: Any) -> str:
    """Each catalogue placeholder as ``target`` spells it, plain and with a fallback."""
    from scriptkit.message import Placeholder
    from scriptkit.placeholders import BUILTIN

    dialect = target.dialect
    rows = ['| In your pack | In the export | With `fallback("there")` |\n|---|---|---|\n']
    for spec in BUILTIN:
        plain = dialect.placeholder(Placeholder(spec.name, "solution"), False)
        if plain.startswith("[["):
            rows.append(f"| `{spec.name}` | *blank for the agent* (`SK503`) | |\n")
            continue
        fallback = dialect.placeholder(Placeholder(spec.name, "solution", "there"), False)
        shown = _cell(fallback) if dialect.fallbacks else "*no fallback* (`SK504`)"
        rows.append(f"| `{spec.name}` | {_cell(plain)} | {shown} |\n")
    return "".join(rows)


def gen_placeholder_spellings() -> str:
    """One tab per helpdesk target: each placeholder's spelling, then every fallback form."""
    from scriptkit.message import Placeholder

    desks = [t for t in _targets() if getattr(t, "dialect", None) is not None]
    rows = []
    for t in desks:
        table = f"Export guide: [{t.name}]({_link(f'export/{t.name}.md')})\n\n" + _placeholder_table(t)
        rows.append(f'=== "{t.name}"\n\n' + textwrap.indent(table, "    ") + "\n")
    rows.append(
        "\n*blank for the agent*: the helpdesk has no such placeholder, so the export puts a visible "
        "`[[marker]]` the agent replaces (warning `SK503`). Map it to a field of your own with "
        "`export: {TARGET: {placeholders: {order.number: ...}}}` in `pack.yaml`.\n"
    )
    rows.append(
        '\n### Fallbacks\n\n`{{ customer.first_name | fallback("there") }}` becomes:\n\n'
        "| Target | Written as |\n|---|---|\n"
    )
    for t in desks:
        spelled = t.dialect.placeholder(Placeholder("customer.first_name", "solution", "there"), False)
        if t.dialect.fallbacks:
            rows.append(f"| {t.name} | {_cell(spelled)} |\n")
        else:
            rows.append(
                f"| {t.name} | {_cell(spelled)}: no documented fallback, so the fallback is dropped "
                f"with warning `SK504` |\n"
            )
    others = [t.name for t in _targets() if getattr(t, "dialect", None) is None]
    if others:
        rows.append(
            "\nThe file targets (" + ", ".join(f"`{n}`" for n in others) + ") keep scriptkit's canonical "
            "names, or name the placeholder in words for agents.\n"
        )
    return "".join(rows)


def gen_target_list() -> str:
    rows = ["| Target | What it writes | Carries |\n|---|---|---|\n"]
    for t in _targets():
        variants = "every variant" if t.variants == "all" else "first variant"
        rows.append(
            f"| [`{t.name}`]({_link(f'export/{_page_of(t.name)}.md')}) | {t.summary} | "
            f"{', '.join(t.channels)}; {variants} |\n"
        )
    return "".join(rows)


def _page_of(target: str) -> str:
    return target if target not in {"csv", "json", "playbook"} else "files"


def gen_target(name: str) -> str:
    """One target's facts from its code: limits, settings, placeholders and the README it writes."""
    from scriptkit import targets

    if name not in targets.available():
        raise PluginError(f"no export target {name!r}; installed: {', '.join(targets.available())}")
    t = targets.get(name)
    lim = t.limits
    parts = [f"`scriptkit export PACK --to {name}`: {t.summary}.\n\n"]
    facts = [
        ("Channels exported", ", ".join(t.channels)),
        ("Variants", "every variant" if t.variants == "all" else "the first variant of each slot"),
    ]
    if lim.title_max or lim.body_max or lim.batch_max:
        if lim.title_max:
            facts.append(("Title length", f"{lim.title_min} to {lim.title_max} characters"))
        if lim.body_max:
            facts.append(("Body length", f"at most {lim.body_max:,} characters"))
        if lim.batch_max:
            facts.append(("Records per bulk file", f"{lim.batch_max:,}"))
        if lim.source:
            facts.append(("Limits from", lim.source))
    parts.append("".join(f"- **{k}**: {v}\n" for k, v in facts))
    if getattr(t, "dialect", None) is not None:
        parts.append("\n### Placeholders\n\n" + _placeholder_table(t))
    parts.append(
        "\n### Settings\n\nUnder `export: {" + name + ": {...}}` in `pack.yaml` (every script) or in a "
        "script's own `export:` (that script only):\n\n| Setting | What it does |\n|---|---|\n"
    )
    for key, doc in t.settings_keys().items():
        parts.append(f"| `{key}` | {doc.replace('|', '&#124;')} |\n")
    readme = getattr(t, "readme", "")
    if readme:
        body = textwrap.dedent(readme).strip()
        body = re.sub(r"^# .*\n+", "", body)  # the page has its own title
        parts.append(
            "\n### The README in the export folder\n\nThe export writes this next to the files:\n\n"
            + "\n".join("> " + line if line else ">" for line in body.splitlines())
            + "\n"
        )
    return "".join(parts)


def gen_export_codes() -> str:
    from scriptkit.targets.checks import export_checks

    rows = ["| Code | Name | Default | Meaning |\n|---|---|---|---|\n"]
    for check in export_checks():
        link = _link(export_check_path(check))
        rows.append(f"| [`{check.code}`]({link}) | `{check.name}` | {check.severity.value} | {check.summary} |\n")
    return "".join(rows)


def export_check_path(check: Any) -> str:
    return f"rules/{check.code}.md"


def export_check_page(check: Any) -> str:
    """The page of one export check (SK5xx), from the same text as ``scriptkit rule SK50x``."""
    return (
        f"# {check.code} {check.name}\n\n{check.summary[:1].upper()}{check.summary[1:]}.\n\n"
        f"**Family** export (checked by `scriptkit export`, per helpdesk; not selectable in the linter's "
        f"settings) · **Default severity** {check.severity.value} · **Fix** none\n\n{check.docs}\n\n"
        f"The same text in a terminal: `scriptkit rule {check.code}`.\n"
    )


def gen_benchmark_section(*words: str) -> str:
    """The section of benchmarks/README.md whose heading has all of ``words``: recorded figures.

    The benchmarks need data the docs build must not (the shared evaluation sets) and minutes
    to run, so the site quotes the figures their owners recorded, from that one file.
    """
    path = REPO / "benchmarks" / "README.md"
    if not path.is_file():
        raise PluginError("benchmarks/README.md is missing: the figures the page quotes are recorded there")
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        head = re.match(r"^(#+)\s+(.*)", line)
        if head and all(w.lower() in head.group(2).lower() for w in words):
            level, body = len(head.group(1)), []
            for rest in lines[i + 1 :]:
                nxt = re.match(r"^(#+)\s", rest)
                if nxt and len(nxt.group(1)) <= level:
                    break
                body.append(rest)
            return (
                f'*From `benchmarks/README.md`, section "{head.group(2).strip()}".*\n\n'
                + "\n".join(body).strip()
                + "\n"
            )
    headings = [ln for ln in lines if ln.startswith("#")]
    raise PluginError(f"benchmarks/README.md has no section about {' '.join(words)!r}; headings: {headings}")


def gen_cli_reference() -> str:
    import click

    from scriptkit.cli import main

    parts: list[str] = []
    ctx = click.Context(main, info_name="scriptkit", terminal_width=WIDTH, max_content_width=WIDTH)
    parts.append("## scriptkit\n\n" + _fence(main.get_help(ctx), "text"))
    for name in sorted(main.commands):
        cmd = main.commands[name]
        sub = click.Context(cmd, info_name=name, parent=ctx, terminal_width=WIDTH, max_content_width=WIDTH)
        parts.append(f"\n## scriptkit {name}\n\n" + _fence(cmd.get_help(sub), "text"))
    return "".join(parts)


def gen_command_list() -> str:
    from scriptkit.cli import main

    lines = []
    for name in sorted(main.commands):
        first = inspect.cleandoc(main.commands[name].help or "").split("\n\n")[0].replace("\n", " ")
        lines.append(f"- `scriptkit {name}`: {first}\n")
    return "".join(lines)


GENERATORS: dict[str, Callable[..., str]] = {
    "rule-index": gen_rule_index,
    "placeholder-catalogue": gen_placeholder_catalogue,
    "cli-reference": gen_cli_reference,
    "command-list": gen_command_list,
    "rule-list": gen_rule_list,
    "model-fields": gen_model_fields,
    "placeholder-spellings": gen_placeholder_spellings,
    "target-list": gen_target_list,
    "target": gen_target,
    "export-codes": gen_export_codes,
    "benchmark-section": gen_benchmark_section,
}


# ---------------------------------------------------------------- mkdocs events


def _nav_rules(config: MkDocsConfig, rules: Iterable[Any]) -> None:
    """Add the generated rule pages to the Rules section of the nav, grouped by family."""
    nav = config.nav or []
    for entry in nav:
        if isinstance(entry, dict) and "Rules" in entry:
            section = entry["Rules"]
            for family in _family_titles().values():
                pages = [{f"{r.code} {r.name}": rule_page_path(r)} for r in rules if r.family() == family]
                if pages:
                    section.append({f"{family.capitalize()} rules": pages})
            path, content = config_warning_page()
            unread, unread_content = load_error_page()
            section.append({"Codes of no rule": [{content.splitlines()[0].lstrip("# "): path},
                                                 {unread_content.splitlines()[0].lstrip("# "): unread}]})
            from scriptkit.targets.checks import export_checks

            section.append({"Export checks": [{f"{c.code} {c.name}": export_check_path(c)} for c in export_checks()]})
            return
    raise PluginError("mkdocs.yml nav has no 'Rules' section for the generated rule pages")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state["tmp"] = Path(tempfile.mkdtemp(prefix="scriptkit-docs-"))
    _nav_rules(config, _rules())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for rule in _rules():
        files.append(File.generated(config, rule_page_path(rule), content=rule_page(rule)))
    for path, content in (config_warning_page(), load_error_page()):
        files.append(File.generated(config, path, content=content))
    from scriptkit.targets.checks import export_checks

    for check in export_checks():
        files.append(File.generated(config, export_check_path(check), content=export_check_page(check)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in markdown:
        return markdown
    tmp = _state["tmp"] or Path(tempfile.mkdtemp(prefix="scriptkit-docs-"))
    _state["tmp"] = tmp
    workspace = tmp / re.sub(r"[^A-Za-z0-9]+", "-", page.file.src_uri)
    shutil.rmtree(workspace, ignore_errors=True)  # `mkdocs serve` rebuilds: start each page afresh
    _state["page"] = page.file.src_uri
    return process_markdown(without_source_pointer(markdown), workspace, page.file.src_uri)


def on_post_build(config: MkDocsConfig) -> None:
    if _state["tmp"]:
        shutil.rmtree(_state["tmp"], ignore_errors=True)
        _state["tmp"] = None


def on_build_error(error: Exception) -> None:
    on_post_build(None)  # type: ignore[arg-type]  # the same clean-up: no workspace is left in /tmp
