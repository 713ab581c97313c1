"""A plug-in rule class that cannot work is refused where it is written (its file and line, exit 2), and
one that would work but is not as documented (no docstring, a code outside SK850-SK899) is a warning.
A ``severity`` written as its name ("error") is taken as that severity: it used to end every command in
"unexpected AttributeError ... bug in scriptkit (or a plug-in)" naming no rule."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.diagnostics import Severity
from scriptkit.errors import ConfigError
from scriptkit.linting import lint_text
from scriptkit.rules import all_rules
from scriptkit.rules.base import _REGISTRY, RuleWarning, register

DOCS = '"""Says "L2" is jargon.\n\n    ## What it does\n    Flags "L2".\n    """'


def rule_source(*, code: str = '"SK861"', name: str = '"acme-jargon"', docs: str = DOCS, extra: str = "") -> str:
    return f'''from scriptkit.rules import Finding, Rule, register


@register
class AcmeJargon(Rule):
    {docs}

    code = {code}
    name = {name}
{extra}
    def check(self, message, ctx):
        at = message.text.find("L2")
        if at >= 0:
            yield Finding(at, at + 2, "'L2' is internal jargon")
'''


def install(root: Path, source: str, module: str = "acme_checked") -> Path:
    path = root / f"{module}.py"
    path.write_text(source, encoding="utf-8")
    info = root / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[scriptkit.rules]\nchecked = {module}\n", encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    all_rules()  # the built-ins registered before the snapshot
    before = dict(_REGISTRY)
    sys.path.insert(0, str(tmp_path))
    all_rules.cache_clear()
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for module in [m for m in sys.modules if m.startswith("acme_")]:
        del sys.modules[module]
    _REGISTRY.clear()
    _REGISTRY.update(before)
    all_rules.cache_clear()


SCRIPT = ("id: refund\ntitle: Refund\nacknowledgment: I know the wait for this refund has been frustrating.\n"
          "solution: I've asked L2 to send your refund today.\n")
TEXT = "I know this is urgent. I've asked L2 to look at your order today."


def test_a_severity_given_by_its_name_is_that_severity(site: Path) -> None:
    install(site, rule_source(extra='    severity = "error"\n'))
    found = [d for d in lint_text(TEXT).diagnostics if d.code == "SK861"]
    assert [(d.message, d.severity) for d in found] == [("'L2' is internal jargon", Severity.ERROR)]
    assert found[0].severity is Severity.ERROR


@pytest.mark.parametrize(("change", "words"), [
    ({"extra": "    severity = 3\n"}, "severity must be Severity.ERROR, Severity.WARNING or Severity.SUGGESTION "
                                          "(or its name), not the int 3"),
    ({"extra": '    severity = "fatal"\n'}, "severity must be Severity.ERROR, Severity.WARNING or "
                                            "Severity.SUGGESTION (or its name), not the str 'fatal'"),
    ({"code": '"ACME1"'}, "code must be 'SK' and three digits (SK850-SK899 are kept for plug-in rules), "
                              "not the str 'ACME1'"),
    ({"code": "850"}, "code must be 'SK' and three digits (SK850-SK899 are kept for plug-in rules), "
                      "not the int 850"),
    ({"name": '"Ticket Jargon"'}, "name must be kebab-case (lowercase words joined by '-', as "
                                      "'ticket-jargon'), not the str 'Ticket Jargon'"),
    ({"extra": '    options = ["words"]\n'}, "options must be a mapping of option names to their defaults, "
                                                 "not a list"),
])
def test_a_rule_class_that_cannot_work_is_refused_at_its_class(site: Path, change: dict[str, str],
                                                             words: str) -> None:
    path = install(site, rule_source(**change))
    with pytest.raises(ConfigError) as caught:
        all_rules()
    error = caught.value
    assert error.location is not None and (error.location.file, error.location.line) == (str(path), 5), error
    assert f"rule class acme_checked.AcmeJargon: {words}" in error.message, error.message
    assert "rule plugin 'checked' (acme_checked)" in error.message


def test_a_rule_class_without_a_code_is_refused_naming_it(site: Path) -> None:
    source = rule_source().replace('    code = "SK861"\n', "")
    path = install(site, source)
    with pytest.raises(ConfigError, match=r"acme_checked\.AcmeJargon: code must be 'SK' and three digits"
                                          r".*not missing") as caught:
        all_rules()
    assert caught.value.location is not None and caught.value.location.file == str(path)


def test_the_command_line_says_where_the_bad_rule_is_with_exit_2(site: Path, make_pack) -> None:  # type: ignore[no-untyped-def]
    path = install(site, rule_source(extra="    severity = 3\n"))
    root = make_pack({"refund.yaml": SCRIPT})
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"{path}:5:1: error: rule plugin 'checked' (acme_checked): rule class acme_checked.AcmeJargon: " \
           "severity must be" in result.output, result.output
    assert "unexpected" not in result.output and "Traceback" not in result.output


def test_a_rule_without_docs_or_outside_the_plugin_codes_is_a_warning_and_still_runs(site: Path) -> None:
    path = install(site, rule_source(code='"SK377"', docs=""))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        codes = [r.code for r in all_rules()]
    assert "SK377" in codes
    said = sorted((str(w.message), w.filename, w.lineno) for w in seen if w.category is RuleWarning)
    assert said == [
        ("rule class acme_checked.AcmeJargon: code SK377 is outside SK850-SK899, the codes kept for plug-in "
         "rules: a later scriptkit may bring a rule of its own under it", str(path), 5),
        ("rule class acme_checked.AcmeJargon: no docstring, so `scriptkit rule SK377` and the rule's page say "
         "nothing: write its summary and sections (What it does, Why it matters, ...) as the class's docstring",
         str(path), 5),
    ]


def test_every_builtin_rule_passes_the_checks_without_a_warning() -> None:
    rules = list(all_rules())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for rule in rules:
            assert register(rule) is rule


# ---------------------------------------------------------------- a plug-in that fails to import


def load_error(site: Path, files: dict[str, str], entry: str = "acme_checked") -> ConfigError:
    """What loading the plug-in (its ``files``, its entry point naming the module ``entry``) is refused with."""
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    info = site / "acme_checked-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme_checked\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[scriptkit.rules]\nchecked = {entry}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        all_rules()
    return caught.value


def test_a_syntax_error_is_located_in_the_plugins_file(site: Path) -> None:
    error = load_error(site, {"acme_checked.py": "import re\n\nWORDS = (\n"})
    assert error.location is not None and error.location.file == str(site / "acme_checked.py"), error
    assert (error.location.line, error.location.col) == (3, 9), error
    assert error.message == "rule plugin 'checked' (acme_checked) failed to load: SyntaxError: '(' was never closed"
    assert error.hint == "This is a mistake in the plug-in's code: fix it there."


def test_a_missing_import_in_the_plugins_code_is_located_at_the_import(site: Path) -> None:
    error = load_error(site, {"acme_checked.py": "import re\n\nimport acme_helpers_not_there\n"})
    assert error.location is not None and (error.location.file, error.location.line) == \
        (str(site / "acme_checked.py"), 3), error
    assert "ModuleNotFoundError: No module named 'acme_helpers_not_there'" in error.message
    assert error.hint == ("The plug-in's code imports 'acme_helpers_not_there', which Python cannot find: install it, "
                          "or fix the import there.")


def test_an_error_deep_in_a_plugin_package_is_located_at_its_innermost_line_there(site: Path) -> None:
    error = load_error(site, {"acme_pkg/__init__.py": "from acme_pkg.words import WORDS\n",
                              "acme_pkg/words.py": "import json\n\n\ndef load():\n    return json.loads('[1,')\n\n\n"
                                                   "WORDS = load()\n"}, entry="acme_pkg")
    assert error.location is not None and (error.location.file, error.location.line) == \
        (str(site / "acme_pkg" / "words.py"), 5), error
    assert "rule plugin 'checked' (acme_pkg) failed to load: JSONDecodeError: " in error.message
    assert error.hint == "This is a bug in the plug-in's code, not in your files: fix it there, or tell its authors."


def test_a_plugin_not_installed_is_told_to_be_installed(site: Path) -> None:
    error = load_error(site, {}, entry="acme_gone")
    assert error.location is None
    assert error.message == ("rule plugin 'checked' (acme_gone) failed to load: ModuleNotFoundError: "
                             "No module named 'acme_gone'")
    assert error.hint == "Check that the package providing it is installed and up to date."


def test_an_entry_point_naming_what_its_module_lacks_is_told_so(site: Path) -> None:
    error = load_error(site, {"acme_checked.py": "RULES = []\n"}, entry="acme_checked:rules")
    assert error.location is None
    assert "AttributeError: module 'acme_checked' has no attribute 'rules'" in error.message
    assert error.hint == ("Check that the entry point 'acme_checked:rules' names what the module defines, and that "
                          "the package providing it is installed and up to date.")
