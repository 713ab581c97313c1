"""scriptkit imported into someone else's program: a helpdesk sidebar reviewing drafts, a CI step
checking a pack, a script converting an export. What `import scriptkit` costs, what the library
leaves alone in the caller's process, what a caller's bad argument raises, and that reviews agree
whichever thread or order they run in."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import scriptkit

REPO = Path(__file__).resolve().parent.parent

# what a reply's review never needs: reading packs, exports and imports; LanguageTool and Liquid only
# when asked for (a grammar server, an export's Liquid check)
PACK_MODULES = ("scriptkit.loading", "scriptkit.exporting", "scriptkit.importers", "scriptkit.targets")
NEVER_UNASKED = ("language_tool_python", "liquid", "scriptkit.engines.languagetool", "scriptkit.engines.lt_server")


def _python(code: str, cwd: Path | None = None) -> str:
    """Run ``code`` in a fresh interpreter (its own imports and caches) and return what it printed."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_scriptkit_loads_none_of_the_heavy_modules() -> None:
    # `import scriptkit` took most of a second and 30 MB (Jinja, pydantic, every importer and
    # target): a sidebar imported all of it to review one reply
    out = json.loads(_python("""
        import json, sys
        import scriptkit
        after_import = sorted(m for m in sys.modules if m.startswith(("scriptkit.", "jinja2", "pydantic", "ruamel",
                                                                      "yaml", "textstat", "liquid", "language_tool")))
        scriptkit.lint_text("Hi Dana, I'm sorry the parcel came late. I've refunded the postage today.")
        from scriptkit import rendering
        print(json.dumps({"after_import": after_import, "after_review": sorted(sys.modules),
                          "jinja_environments": rendering._env.cache_info().currsize}))
    """))
    assert out["after_import"] == []
    assert not set(NEVER_UNASKED) & set(out["after_review"])
    assert not set(PACK_MODULES) & set(out["after_review"])
    assert out["jinja_environments"] == 0  # (the template rules import Jinja; a review renders nothing)
    assert "textstat" in out["after_review"]  # (the check can fail: readability did load what it uses)


def test_every_public_name_is_there_when_asked_for() -> None:
    out = json.loads(_python("""
        import json
        from scriptkit import *
        import scriptkit
        names = {name: type(getattr(scriptkit, name)).__name__ for name in scriptkit.__all__}
        try:
            scriptkit.lint_txt
        except AttributeError as error:
            missing = str(error)
        print(json.dumps({"names": names, "dir": dir(scriptkit), "missing": missing,
                          "star": sorted(n for n in scriptkit.__all__ if n in globals())}))
    """))
    assert out["star"] == sorted(scriptkit.__all__)
    assert set(scriptkit.__all__) <= set(out["dir"])
    assert out["missing"] == "module 'scriptkit' has no attribute 'lint_txt'"
    assert out["names"]["lint_text"] == "function" and out["names"]["LintResult"] == "type"
    # the types a caller annotates with: the results' items and the settings reader
    assert {"SentenceNote", "Turn", "load_config"} <= set(scriptkit.__all__)
    assert scriptkit.lint_text("Agent: Hi!\nCustomer: where is it\nAgent: I've sent it today.").turns[0].__class__ \
        is scriptkit.Turn


def test_the_library_prints_nothing_and_leaves_the_callers_process_alone(tmp_path: Path) -> None:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text("name: State test\n", encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nacknowledgment: I know a late parcel is a worry.\n"
        "solution: I've sent a new one today, and it reaches you by Friday.\n", encoding="utf-8")
    (tmp_path / "macros.json").write_text(json.dumps({"macros": [
        {"id": 1, "title": "Refund", "actions": [{"field": "comment_value", "value": "I've refunded you today."}]}]}),
        encoding="utf-8")
    out = json.loads(_python("""
        import contextlib, io, json, locale, logging, os, sys, threading, warnings
        def state():
            loggers = {n: [l.level, len(l.handlers), l.propagate, l.disabled]
                       for n, l in logging.root.manager.loggerDict.items() if isinstance(l, logging.Logger)}
            return {"filters": [repr(f) for f in warnings.filters
                                # (ruamel.yaml sets these two for its own warnings when it is imported)
                                if not f[2].__module__.startswith("ruamel.")],
                    "root": [logging.root.level, len(logging.root.handlers)],
                    "loggers": {n: v for n, v in loggers.items() if v != [0, 0, True, False]},
                    "environ": dict(os.environ), "locale": locale.setlocale(locale.LC_ALL), "cwd": os.getcwd(),
                    "threads": threading.active_count()}
        before = state()
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            import scriptkit
            scriptkit.lint_text("Please be advised that your ticket has been escalated.")
            scriptkit.lint_text("<p>Hi Dana, I&rsquo;ve sent it today.</p>")
            pack = scriptkit.load_pack("pack")
            scriptkit.lint_pack(pack)
            scriptkit.render_pack(pack)
            scriptkit.import_library("macros.json").write("imported", force=True)
            scriptkit.export(pack, "all", "out", force=True)
            try:
                scriptkit.load_pack("nowhere")
            except scriptkit.PackError:
                pass
        print(json.dumps({"before": before, "after": state(), "out": out.getvalue(), "err": err.getvalue()}))
    """, cwd=tmp_path))
    assert (out["out"], out["err"]) == ("", "")
    for key, value in out["before"].items():
        assert out["after"][key] == value, key
    assert (tmp_path / "out" / "zendesk" / "macros.json").is_file()  # (it did run)


@pytest.mark.parametrize("call", [
    lambda: scriptkit.lint_text("Hi, I've sent it.", channel="Email"),
    lambda: scriptkit.lint_text("Hi, I've sent it.", channel="fax"),
    lambda: scriptkit.lint_text("Hi, I've sent it.").count("warnings!"),
], ids=["channel-case", "channel-unknown", "severity"])
def test_a_callers_misspelt_argument_is_a_config_error(call) -> None:  # type: ignore[no-untyped-def]
    # 'Email' and 'fax' were judged as a channel with no length limits; a severity spelt wrong was
    # a bare ValueError from the enum
    with pytest.raises(scriptkit.ConfigError) as raised:
        call()
    assert raised.value.hint and raised.value.exit_code == 2


def test_a_script_id_the_pack_lacks_is_a_config_error_and_still_a_key_error(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = scriptkit.load_pack(make_pack({"a.yaml": "id: late-parcel\ntitle: A\nacknowledgment: I know it's a worry.\n"
                                                    "solution: I've sent it today.\n"}))
    assert pack.script("late-parcel").title == "A"
    for call in (lambda: pack.script("late-parcle"), lambda: scriptkit.render_pack(pack, script_id="late-parcle")):
        with pytest.raises(scriptkit.ConfigError) as raised:  # (it was a bare KeyError: 'late-parcle')
            call()
        assert str(raised.value).startswith("no script with id 'late-parcle' in the pack 'Test pack'")
        assert isinstance(raised.value, KeyError)  # (what `except KeyError` around it caught still does)
        assert raised.value.hint == "Did you mean 'late-parcel'?"  # (as the CLI's own message says it)


def test_count_takes_a_severity_or_its_name() -> None:
    result = scriptkit.lint_text("Please be advised that your ticket has been escalated.")
    warnings = result.count(scriptkit.Severity.WARNING)
    assert warnings > 0 and result.count("warning") == result.count("WARN") == warnings


def test_a_pack_linted_on_a_channel_it_cannot_have_is_a_config_error(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = scriptkit.load_pack(make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I know it's a worry.\n"
                                                    "solution: I've sent it today.\n"}))
    with pytest.raises(scriptkit.ConfigError, match=r"unknown channel 'smss'.*Did you mean sms\?"):
        scriptkit.lint_pack(pack, channels=["smss"])  # (it linted nothing and passed)
    with pytest.raises(scriptkit.ConfigError, match="1 or more"):
        scriptkit.lint_pack(pack, jobs=0)
    assert scriptkit.lint_pack(pack, channels=["email"]).messages  # a known one still works


def test_a_ci_job_writes_the_check_commands_reports_from_the_result(make_pack) -> None:  # type: ignore[no-untyped-def]
    # a CI step wanted JUnit for its test view: only reachable through scriptkit.reporters
    import io
    import xml.etree.ElementTree as ET

    cold = "id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n" \
           "solution: Please be advised that it is processed.\n"
    pack = scriptkit.load_pack(make_pack({"cold.yaml": cold}))
    result = scriptkit.lint_pack(pack)
    junit, sarif = io.StringIO(), io.StringIO()
    result.report(junit, "junit")
    result.report(sarif, "sarif")
    suites = ET.fromstring(junit.getvalue())
    assert int(suites.get("failures") or 0) == sum(result.config.fails(d.severity) for d in result.diagnostics) > 0
    assert {r["ruleId"] for r in json.loads(sarif.getvalue())["runs"][0]["results"]} == \
        {d.code for d in result.diagnostics}
    with pytest.raises(scriptkit.ConfigError, match="unknown output format 'xml'"):
        result.report(io.StringIO(), "xml")


def test_a_review_reads_the_project_settings_again_only_when_a_file_of_them_changed(tmp_path: Path) -> None:
    # a sidebar reviews draft after draft with no settings of its own: the project's were read and
    # their rules set up again for each one (5 ms of 6); now kept, and read again when they change
    import os

    draft = "Unfortunately, please be advised that your refund has been processed."
    settings, words = tmp_path / "scriptkit.toml", tmp_path / "words.yaml"
    settings.write_text('ignore = ["SK201"]\nfiles = ["words.yaml"]\n', encoding="utf-8")
    words.write_text("- name: no-unfortunately\n  kind: existence\n  terms: [unfortunately]\n", encoding="utf-8")

    def codes() -> set[str]:
        return {d.code for d in scriptkit.lint_text(draft, file=str(tmp_path / "draft.txt")).diagnostics}

    first = codes()
    assert "SK201" not in first and "SK801" in first
    assert scriptkit.lint_text(draft, file=str(tmp_path / "draft.txt")).config is \
        scriptkit.lint_text(draft, file=str(tmp_path / "other.txt")).config  # (read once)
    settings.write_text('files = ["words.yaml"]\n', encoding="utf-8")
    os.utime(settings, ns=(1, 1))  # (a new time even where the file system's clock is coarse)
    assert "SK201" in codes()
    words.write_text("- name: no-refund\n  kind: existence\n  terms: [refund]\n", encoding="utf-8")
    os.utime(words, ns=(2, 2))
    found = scriptkit.lint_text(draft, file=str(tmp_path / "draft.txt")).diagnostics
    assert [d.text for d in found if d.code == "SK801"] == ["refund"]
    settings.unlink()
    assert "SK801" not in codes()  # (no settings file: the defaults)


REVIEW_TEXTS = [
    "Hi Dana, I'm sorry the parcel arrived broken. I've sent a new one today and it reaches you by Friday.",
    "Please be advised that your ticket has been escalated. Kindly allow 5-7 business days for a response.",
    "Agent: Hi, thanks for waiting!\nCustomer: where is my refund\nAgent: I've refunded it today, it shows in 3 days.",
    "<p>Hi Sam,</p><p>Thanks for your patience. We have received your request and it will be processed.</p>",
    "Hola Marta, lo siento mucho por el retraso. Te enviamos el paquete hoy.",
    "Hi Priya,\n\nI can see how frustrating the double charge is. I'll refund the second one tomorrow.\n\nBest,\nMia",
    "Thanks for reaching out!! We apologize for any inconvenience this may have caused. The team will look into it.",
]


def test_reviews_agree_from_four_threads_and_in_any_order() -> None:
    # a sidebar reviews drafts on a pool of threads: each thread here reviews every draft, in its own
    # order, from cold caches (a fresh interpreter) and switching threads as often as it can, and
    # each result must equal a serial review's
    out = json.loads(_python(f"""
        import json, sys, threading
        from concurrent.futures import ThreadPoolExecutor
        import scriptkit
        sys.setswitchinterval(1e-6)
        texts = {REVIEW_TEXTS!r}
        texts = [t.replace("today", day) for t in texts for day in ("today", "on Monday")]
        def seen(text):
            r = scriptkit.lint_text(text)
            return [[[d.code, str(d.location), d.message, d.severity.value, d.suggestion, d.text]
                     for d in r.diagnostics], [[s.slot, s.start, s.end, round(s.confidence, 9)] for s in r.sentences],
                    r.read_as, len(r.turns)]
        start = threading.Barrier(4)
        def review(order):
            start.wait()
            return {{i: seen(texts[i]) for i in order}}
        n = len(texts)
        orders = [list(range(n)), list(reversed(range(n))), list(range(1, n, 2)) + list(range(0, n, 2)), list(range(n))]
        with ThreadPoolExecutor(4) as pool:
            threaded = list(pool.map(review, orders))
        serial = [seen(t) for t in texts]
        backwards = [seen(t) for t in reversed(texts)][::-1]
        print(json.dumps({{"threaded": [[r[i] for i in range(n)] for r in threaded],
                          "serial": serial, "backwards": backwards}}))
    """))
    serial = out["serial"]
    assert any(diags for diags, *_ in serial) and any(read_as == "HTML" for _, _, read_as, _ in serial)
    assert out["backwards"] == serial
    for results in out["threaded"]:
        assert results == serial


def test_reviewing_many_different_drafts_grows_no_unbounded_cache() -> None:
    # a process reviews drafts all day (50,000 different ones level off at about 250 MB RSS): every
    # cache that grows with what is reviewed has a size limit
    import functools

    def unbounded() -> dict[str, int]:
        return {f"{module.__name__}.{name}": value.cache_info().currsize
                for module in list(sys.modules.values()) if module and module.__name__.startswith("scriptkit")
                for name, value in list(vars(module).items())
                if isinstance(value, functools._lru_cache_wrapper) and value.cache_info().maxsize is None}

    def review(drafts: range) -> None:
        for i in drafts:
            scriptkit.lint_text(f"Hi Olu, sorry about order {i}. Kindly note case {i * 7} is closed; I'll call at {i}.")

    review(range(20))  # (the lexicon lists the rules compile when first needed: a fixed set)
    before = unbounded()
    review(range(20, 400))
    assert unbounded() == before


def test_packs_linted_from_four_threads_agree_with_a_serial_lint(make_pack) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    root = make_pack({f"s{i}.yaml": f"id: s{i}\ntitle: Case {i}\nacknowledgment: I know waiting {i} days is a worry.\n"
                                    f"solution: Please be advised that the refund of {i} pounds is processed.\n"
                      for i in range(6)})

    def lint() -> list[str]:
        return [d.format() for d in scriptkit.lint_pack(scriptkit.load_pack(root)).diagnostics]

    serial = lint()
    assert serial
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda _: lint(), range(8))) == [serial] * 8


def test_reviews_go_on_when_the_sentence_cache_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit import inference

    # a sidebar reviewing drafts all day: the piece cache fills (after about 30,000 drafts) and is
    # cleared while a reply that shares a piece with an earlier one is read (it raised KeyError)
    monkeypatch.setattr(inference, "_PIECE_CUES_SIZE", 4)
    monkeypatch.setattr(inference, "_piece_cues", {})
    inference._cues_cached.cache_clear()
    scriptkit.lint_text("Hi Mei, thanks for writing in. I sent the parcel today.")
    result = scriptkit.lint_text("Hi Mei, sorry about the wait. I refunded the fee today. It reaches you by Friday.")
    assert result.sentences


USER_PROGRAM = '''\
"""A helpdesk tool's use of scriptkit, as docs/python shows it: every value typed, none Any."""
from __future__ import annotations

import io
from pathlib import Path

import scriptkit
from scriptkit import Diagnostic, LintResult, Message, SentenceNote, Severity, Turn


def review(draft: str) -> list[tuple[str, int, int, str, str | None]]:
    result: LintResult = scriptkit.lint_text(draft, channel="email")
    notes: list[SentenceNote] = result.sentences
    turns: list[Turn] = result.turns
    assert len(notes) >= len(turns) - len(turns)
    return [(d.code, d.location.line, d.location.col, d.message, d.suggestion) for d in result.diagnostics]


def check(pack_dir: Path) -> int:
    try:
        pack = scriptkit.load_pack(pack_dir)
    except scriptkit.ScriptkitError as error:
        where = error.location
        return error.exit_code if where is None else where.line
    config = scriptkit.load_config(pack).override(fail_on="suggestion")
    result = scriptkit.lint_pack(pack, config, jobs=1)
    errors: list[Diagnostic] = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    stream = io.StringIO()
    result.report(stream, "junit")
    messages: list[Message] = scriptkit.render_pack(pack, channels=["email"])
    first = scriptkit.render_script(pack, pack.scripts[0], "email")
    preview: str = first.preview(pack.catalogue.samples())
    return len(errors) + len(messages) + len(preview) + result.count("warning") + result.exit_code


def convert(export_file: Path, out: Path) -> list[str]:
    library = scriptkit.import_library(export_file)
    library.raise_if_unreadable()
    written: Path = library.write(out / "pack", force=True)
    exported = scriptkit.export(written, ["zendesk"], out / "export", force=True)
    titles = [macro.id for macro in library.macros]
    return [*titles, *exported.files, *(d.format() for d in exported.diagnostics)]
'''


def test_a_users_program_checks_under_mypy_strict_with_no_any_from_scriptkit(tmp_path: Path) -> None:
    # the names a sidebar, a CI job and a converter annotate with come from `scriptkit` (the lazy
    # imports are seen by the type checker), and no value they read from scriptkit is Any
    pytest.importorskip("mypy", reason="mypy comes with the dev extra")
    (tmp_path / "user_program.py").write_text(USER_PROGRAM, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--disallow-any-expr", "--no-incremental",
                           "--config-file", "/dev/null", "user_program.py"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=280)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = USER_PROGRAM.replace("errors: list[Diagnostic]", "errors: list[str]")
    (tmp_path / "user_program.py").write_text(broken, encoding="utf-8")  # (and the check can fail)
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "/dev/null",
                           "user_program.py"], capture_output=True, text=True, cwd=tmp_path, timeout=280)
    assert done.returncode == 1 and "incompatible type list[diagnostic]" in done.stdout.lower(), done.stdout


# ---------------------------------------------------------------- docs/python runs as written

@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    pytest.importorskip("mkdocs", reason="the docs tools come with the dev extra: pip install -e '.[dev]'")
    spec = importlib.util.spec_from_file_location("scriptkit_docs_hooks", REPO / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("page", "shown"), [
    ("index.md", [
        "broken-kettle chat ('greeting', 'layout', 'acknowledgment', 'solution')",
        "Hi Maya! I can see how disappointing it is",  # the preview fills the placeholder in
        "Placeholder  greeting        '{{customer.first_name}}'",
        'SK201 corporate-phrase - corporate phrase "Please be advised that"',
        "fails: True exit code: 1",
        "2 messages checked by",
        "fails at suggestion: 1",
        "::warning file=pack/scripts/broken-kettle.yaml,line=1,col=1,title=SK207 [no-warm-language]::",
        "zendesk/macros.json",
        "helpscout/saved_replies.json",
        "bad/scripts/x.yaml:3:32: unknown placeholder 'customer.frist_name'. Did you mean 'customer.first_name'?",
    ]),
    ("plugins.md", [
        "welcome-back {'name': 'Account / Reactivated'",
        "SK504 [fallback-unsupported]",  # the prose: the fallback "there" is dropped with SK504
        "<text>:1:47 SK850 [ticket-jargon] 'L2' is internal jargon",
        "promises/scripts/return.yaml:4:62 SK851 [repeated-promise] 'within 5 days' is promised by several scripts",
    ]),
])
def test_every_python_docs_example_runs_and_prints_what_the_page_says(
        hooks: ModuleType, tmp_path: Path, page: str, shown: list[str]) -> None:
    # process_markdown runs each `<!-- run: python ... -->` and fails on an unexpected exit code
    out = hooks.process_markdown((REPO / "docs" / "python" / page).read_text(encoding="utf-8"), tmp_path / "ws",
                                 f"python/{page}")
    for line in shown:
        assert line in out, line
    assert "Traceback" not in out


def test_submodules_are_reached_as_attributes_as_before_names_loaded_on_first_use() -> None:
    code = ("import scriptkit, sys\n"
            "print(scriptkit.errors.ConfigError is scriptkit.ConfigError, hasattr(scriptkit, 'no_such_thing'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]


def test_one_channel_given_as_a_text_is_that_channel(tmp_path: Path) -> None:
    pack = scriptkit.load_pack(scriptkit.template_dir("starter"))
    assert {m.channel for m in scriptkit.render_pack(pack, "email")} == {"email"}  # (not 'e', 'm', 'a'...)
