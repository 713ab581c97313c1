"""Start-up: what a command imports, proved by the modules loaded, not by timing.

Each command runs in a fresh interpreter (a module imported by an earlier test would hide a
top-level import), through the same click entry point the ``scriptkit`` command calls.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scriptkit.engines import readability as engine

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "templates" / "starter"

REPLY = """Hi Robin,

I'm sorry the invoice showed the wrong address, that is a real nuisance when you file expenses.

I have corrected it and sent a new copy to your inbox; it should arrive within the hour.

Best wishes,
Casey
"""

# run one command in a new interpreter, then print (as JSON on the last line of stderr) which of the
# watched modules it imported, and the command's exit code
_RUN = """
import json, sys
from scriptkit.cli import main
sys.argv = ["scriptkit", *sys.argv[1:]]
try:
    main()
    code = 0
except SystemExit as exc:
    code = exc.code
watched = json.loads(WATCHED)
print(json.dumps({"exit": code, "loaded": [m for m in watched if m in sys.modules]}), file=sys.stderr)
"""

# what judging one reply never needs: the pack loader and its YAML readers, the importers and the
# audit, rich's Markdown (rule docs at a terminal) and tables, the export targets
NOT_FOR_REVIEW = ["scriptkit.loading", "scriptkit.importers", "scriptkit.audit", "scriptkit.exporting",
                  "scriptkit.targets", "scriptkit.sprawl", "scriptkit.fixing", "rich.markdown", "rich.table",
                  "markdown_it", "ruamel.yaml.main"]
# a pack's models (pydantic) and its renderer (Jinja)
PACK_ONLY = ["pydantic", "jinja2", "scriptkit.models", "scriptkit.rendering"]


def _run(*args: str, watched: list[str]) -> tuple[dict[str, object], str]:
    script = _RUN.replace("WATCHED", repr(json.dumps(watched)))
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report, done.stdout


@pytest.fixture(scope="module")
def reply(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "reply.txt"
    path.write_text(REPLY, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_review_judges_a_reply_without_the_pack_machinery(reply: Path, fmt: str) -> None:
    report, out = _run("review", str(reply), "--format", fmt, watched=[*NOT_FOR_REVIEW, "scriptkit.linting"])
    assert report["exit"] in (0, 1)
    assert "scriptkit.linting" in report["loaded"]  # (the watch works: the linter itself was loaded)
    assert [m for m in report["loaded"] if m != "scriptkit.linting"] == []
    assert ("invoice" in out) if fmt == "text" else json.loads(out)["summary"]


@pytest.mark.parametrize("args", [[], ["--channel", "chat"], ["--format", "json"]])
def test_review_loads_neither_pydantic_nor_jinja2(reply: Path, args: list[str]) -> None:
    report, _ = _run("review", str(reply), *args, watched=PACK_ONLY)
    assert report["exit"] in (0, 1)
    assert report["loaded"] == []


def test_help_imports_no_command_s_machinery() -> None:
    report, out = _run("--help", watched=[*NOT_FOR_REVIEW, *PACK_ONLY, "scriptkit.linting", "textstat"])
    assert report == {"exit": 0, "loaded": []}
    assert "review" in out and "audit" in out


@pytest.mark.parametrize("command", ["review", "check", "import", "audit"])
def test_a_command_s_help_runs_none_of_it(command: str) -> None:
    # (import's and audit's --from lists the importers' formats: the importers are loaded for that)
    report, out = _run(command, "--help", watched=[*PACK_ONLY, "scriptkit.linting", "scriptkit.loading",
                                                   "scriptkit.audit", "rich.markdown", "textstat"])
    assert report == {"exit": 0, "loaded": []}
    assert "email|chat|sms|phone|social" in out if command != "check" else "--fix" in out


def test_rules_lists_every_rule_without_loading_a_pack() -> None:
    report, out = _run("rules", "--format", "json", watched=["scriptkit.loading", "rich.markdown", "pydantic"])
    assert report == {"exit": 0, "loaded": []}
    codes = {row["code"] for row in json.loads(out)}
    assert {"SK201", "SK501"} <= codes  # a rule, and an export check (read from the targets when asked)


def test_check_still_loads_and_judges_a_pack_end_to_end(tmp_path: Path) -> None:
    report, out = _run("check", str(STARTER), "--format", "json", watched=["scriptkit.loading", "pydantic"])
    assert report == {"exit": 0, "loaded": ["scriptkit.loading", "pydantic"]}
    assert json.loads(out)["summary"]["total"] == 0
    pack = tmp_path / "pack"
    shutil.copytree(STARTER, pack)
    script = pack / "scripts" / "account-lockout.yaml"
    script.write_text(script.read_text(encoding="utf-8").replace(
        "I'm here to help, and we'll get you back in together.",
        "Please be advised that we are unable to unlock accounts, as per our policy."), encoding="utf-8")
    report, out = _run("check", str(pack), "--format", "json", watched=["scriptkit.loading"])
    assert report["exit"] == 1
    found = {(d["file"], d["slot"]) for d in json.loads(out)["diagnostics"]}
    assert (str(script), "warm_language") in found


def test_an_unknown_channel_is_still_refused_with_the_channels_named(reply: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "from scriptkit.cli import main; main()", "review", str(reply),
                           "--channel", "fax"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert "'fax' is not one of 'email', 'chat', 'sms', 'phone', 'social'" in done.stderr


def test_review_s_limits_are_the_loader_s() -> None:
    """review reads a file without importing the loader: the limits it reads by are the loader's."""
    from scriptkit import loading
    from scriptkit.cli import check

    assert (check.PACK_FILE, check.MAX_FILE_BYTES) == (loading.PACK_FILE, loading.MAX_FILE_BYTES) == \
        ("pack.yaml", 2_000_000)


def test_both_ways_of_counting_syllables_agree_with_textstat() -> None:
    """The first words of a run are counted through pyphen's table, the rest through the trie built
    from it (worth its cost only over many words): both give textstat's count for every word."""
    import scriptkit

    ts = engine._instance("en_US")
    words = {"a", "i", "rhythm", "strengths", "supercalifragilisticexpialidocious", "x" * 40, "naïve"}
    for path in Path(scriptkit.__file__).parent.rglob("*.yaml"):
        words.update(engine._without_punctuation(path.read_text(encoding="utf-8")).lower().split())
    assert len(words) > 1000
    for word in sorted(words):
        expected = ts.syllable_count(word)
        assert engine._word_syllables("en_US", ts, word, trie=False) == expected, word
        assert engine._word_syllables("en_US", ts, word, trie=True) == expected, word


def test_the_trie_is_built_only_after_many_words(monkeypatch: pytest.MonkeyPatch) -> None:
    ts = engine._instance("en_US")
    built: list[str] = []
    monkeypatch.setattr(engine, "_LOOKED_UP", {})
    trie = engine._pattern_trie
    monkeypatch.setattr(engine, "_pattern_trie", lambda lang: built.append(lang) or trie(lang))
    for i in range(engine.TRIE_AFTER_WORDS):
        engine._word_syllables("en_US", ts, f"word{i}")
    assert built == []
    engine._word_syllables("en_US", ts, "another")
    assert built == ["en_US"]


def test_every_shipped_phrase_regex_compiles() -> None:
    """The phrase lists' regexes are compiled when first run: a slip in one would show only on the
    reply that needs it, so every one of them is compiled here."""
    from importlib import resources

    from scriptkit.rules import lexicon

    matchers = [lexicon.pattern(name) for name in lexicon.lexicon()]
    for file in resources.files(lexicon.DATA_DIR[0]).joinpath(lexicon.DATA_DIR[1]).iterdir():
        content = lexicon.data(file.name)
        for key, entries in content.items():
            if entries and isinstance(entries[0], dict):  # (a phrase table, as robotic.yaml's openers)
                matchers.append(lexicon.table(file.name, key).matcher)
    regexes = [rx for m in matchers for rx in m._regexes]
    assert len(regexes) > 50
    for rx in regexes:
        assert isinstance(rx, lexicon.LazyRegex)
        assert rx.compiled.pattern == rx.pattern, rx.pattern


def test_a_lazy_regex_finds_what_the_compiled_one_does() -> None:
    from scriptkit.rules.lexicon import LazyRegex, piece_local, required_literals

    source = r"sorry\s+for\s+(?:any|the)\s+(?:inconvenience|trouble)"
    lazy, compiled = LazyRegex(source), re.compile(source)
    assert required_literals(lazy) == required_literals(compiled) != ()
    assert piece_local(lazy) == piece_local(compiled)
    assert lazy._compiled is None  # (read from the source: not compiled for the analyses)
    text = "we are sorry for the trouble, and sorry for any inconvenience"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.match(text) is None and lazy.match(text[7:]) is not None


def test_hyphenation_tables_are_read_as_pyphen_reads_them() -> None:
    """Every file pyphen ships that ``_read_patterns`` reads gives pyphen's own table; the others
    (non-ASCII letters, nonstandard hyphenation) are left to pyphen."""
    import pyphen

    read = left = 0
    for path in sorted(set(pyphen.LANGUAGES.values())):
        patterns = engine._read_patterns(pyphen, path)
        if patterns is None:
            left += 1
            continue
        read += 1
        expected = pyphen.HyphDict(path)
        assert patterns == expected.patterns, path.name
        assert max(map(len, patterns)) == expected.maxlen, path.name
    assert read >= 30 and left >= 5  # (German and Hungarian, with nonstandard hyphenation, among the others)
    assert engine._read_patterns(pyphen, pyphen.LANGUAGES["en_US"]) is not None


def test_textstat_finds_the_preloaded_table_and_scores_as_before() -> None:
    """In a fresh interpreter: textstat's instances use the table read by scriptkit (pyphen parses no
    file), and textstat's own formulas give the scores they give with pyphen's table."""
    script = """
import pyphen
parsed = []
original = pyphen.HyphDict.__init__
def counted(self, path):
    parsed.append(path.name)
    original(self, path)
pyphen.HyphDict.__init__ = counted
from scriptkit.engines import readability as engine
text = "I have refunded the duplicate charge. It should reach your account within five business days."
ours = engine.reference_scores(text)
assert parsed == [], parsed
pyphen.hdcache.clear()
ts = engine._textstat()[0]()
ts.set_rounding(False)
assert parsed == ["hyph_en_US.dic"], parsed
assert ours == (ts.flesch_reading_ease(text), ts.flesch_kincaid_grade(text)), ours
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr


def test_a_pasted_helpdesk_placeholder_is_named_without_the_pack_machinery(tmp_path: Path) -> None:
    # (naming whose placeholder it is loaded the renderer, Jinja and pydantic: 0.2 s of a one-reply review)
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(REPLY.replace("Hi Robin", "Hi {{ticket.requester.first_name}}"), encoding="utf-8")
    report, out = _run("review", str(pasted), watched=PACK_ONLY)
    assert report["exit"] == 1 and "a Zendesk placeholder" in out
    assert report["loaded"] == []
