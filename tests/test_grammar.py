"""Grammar and spelling (SK9xx) against a real LanguageTool server: no mock.

One server for the whole session, started the way ``--grammar local`` starts it; tests that
need it skip (fail in CI) when Java or the assembled LanguageTool is missing.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scriptkit.diagnostics import Diagnostic
from scriptkit.engines.languagetool import CONNECT_TIMEOUT
from scriptkit.errors import ConfigError, EngineUnavailable
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from tests.conftest import require_external

SOLUTION = "I've sent a replacement today, and it will arrive on Friday."


@pytest.fixture(scope="session")
def lt_url() -> Iterator[str]:
    from scriptkit.engines import languagetool
    from scriptkit.engines.lt_server import assembled

    if shutil.which("java") is None:
        require_external("Java 17+ is not installed: the LanguageTool server cannot run")
    if assembled() is None and shutil.which("mvn") is None:
        require_external("LanguageTool is not assembled and Maven is missing (run `make languagetool`)")
    try:
        server, _ = languagetool.local_server()
    except EngineUnavailable as exc:
        require_external(f"the local LanguageTool server did not start: {exc}")
    yield server.url
    languagetool.shutdown()


@pytest.fixture
def grammar_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A results cache of this test's own, so no test sees another's answers."""
    from scriptkit.engines import languagetool

    path = tmp_path / "results.sqlite"
    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", str(path))
    yield path
    languagetool.shutdown(keep_server=True)


def _script(ack: str, solution: str = SOLUTION, extra: str = "") -> str:
    return (f"id: reply\ntitle: Reply\nacknowledgment: {ack!r}\nsolution: {solution!r}\n{extra}"
            ).replace("\\'", "''")


def _lint(make_pack, url: str, scripts: dict[str, str], pack_yaml: str = "name: Test pack\n",
          grammar: str | None = None) -> list[Diagnostic]:
    pack = load_pack(make_pack(scripts, pack_yaml))
    result = lint_pack(pack, grammar=grammar or url, channels=["email"])
    return [d for d in result.diagnostics if d.code.startswith("SK9")]


def _stats(url: str):  # type: ignore[no-untyped-def]
    from scriptkit.engines.languagetool import checker

    return checker(url).stats


def test_misspelling_is_located_with_suggestion_and_safe_fix(make_pack, lt_url, grammar_cache) -> None:
    found = _lint(make_pack, lt_url, {"a.yaml": _script("I recieved your message and I'm sorry for the wait.")})
    spelling = [d for d in found if d.code == "SK901"]
    assert len(spelling) == 1, found
    d = spelling[0]
    assert d.text == "recieved" and "MORFOLOGIK_RULE_EN_US" in d.message
    assert d.suggestion is not None and "received" in d.suggestion.split(", ")
    assert (d.location.line, d.location.col) == (3, 20)  # acknowledgment: 'I recieved...
    assert d.fix is not None and d.fix.safe and d.fix.edits[0].replacement == "received"
    source = Path(d.location.file).read_text(encoding="utf-8")
    edit = d.fix.edits[0]
    assert source[edit.start:edit.end] == "recieved"


def test_agreement_error_is_a_grammar_finding_without_fix(make_pack, lt_url, grammar_cache) -> None:
    found = _lint(make_pack, lt_url, {"a.yaml": _script("I'm sorry for the trouble.",
                                                        "Your replacement parts has been shipped today.")})
    grammar = [d for d in found if d.code == "SK902"]
    assert [d.text for d in grammar] == ["has"], found
    assert "SUBJECT_VERB_AGREEMENT" in grammar[0].message
    assert grammar[0].suggestion is not None and "have" in grammar[0].suggestion
    assert grammar[0].fix is None  # grammar replacements are suggestions, never applied
    assert grammar[0].location.line == 4


def test_a_misspelling_in_an_alternative_or_a_condition_is_found_at_its_line(make_pack, lt_url, grammar_cache) -> None:
    # text the agent may send: the spell checker reads it too, and guidance (the agent's own) not
    flexibility = ("flexibility:\n  guidance: Chek the tracking first.\n"
                   "  alternatives:\n    - label: Refund\n      text: I can refund you todya instead.\n"
                   "  conditions:\n    - when: it is a gift\n      text: I'll send it by expres post.\n")
    found = _lint(make_pack, lt_url, {"a.yaml": _script("I'm so sorry your order is late.", extra=flexibility)})
    assert sorted((d.code, d.text, d.location.line, d.slot) for d in found) == [
        ("SK901", "expres", 12, "flexibility"), ("SK901", "todya", 9, "flexibility")], found
    (typo,) = [d for d in found if d.text == "todya"]
    assert typo.location.col == len("      text: I can refund you ") + 1
    assert typo.fix is not None and typo.fix.edits[0].replacement == "today"


def test_a_reply_that_trips_a_languagetool_bug_is_still_checked(make_pack, lt_url, grammar_cache) -> None:
    # "The [[item]]" read as "The the blue rain jacket in medium": LanguageTool's repeated-word match
    # ends inside the stand-in, its offset mapping goes negative and the server fails the whole
    # request (HTTP 500, "Could not check sentence"), so the run stopped with exit 2
    tripping = ("id: sold-out\ntitle: Sold out\n"
                'acknowledgment: "I can see how disappointing this is."\n'
                "solution: \"The {{ blank.item }} is sold out, so I've refunded you. I recieved your note today.\"\n"
                "flexibility:\n  blanks:\n"
                "    - {name: item, prompt: the item, example: the blue rain jacket in medium}\n")
    found = _lint(make_pack, lt_url, {"a.yaml": tripping, "b.yaml": _script("I'm sorry the parcel is late.")})
    assert [(d.code, d.text, d.location.line) for d in found] == [("SK901", "recieved", 4)], found
    assert _stats(lt_url).plain == 1  # the tripping reply alone went again, as plain text


PLACEHOLDER_HEAVY = (
    "id: heavy\ntitle: Heavy\n"
    "acknowledgment: >-\n"
    "  {{ customer.first_name }}, I can see order {{ order.number }} from {{ brand.name }} reached\n"
    "  {{ customer.full_name }} at {{ customer.email }} late, and I'm sorry.\n"
    "warm_language: \"Ticket {{ ticket.id }} about '{{ ticket.subject }}' is with me, {{ agent.full_name }}.\"\n"
    "solution: \"The delay came from {{ blank.reason }}; I've sent a replacement by {{ blank.carrier }} today.\"\n"
    "flexibility:\n"
    "  blanks:\n"
    "    - {name: reason, prompt: why it was late, example: a storm}\n"
    "    - {name: carrier, prompt: which courier}\n"
)


def test_placeholder_heavy_reply_has_no_false_alarms(make_pack, lt_url, grammar_cache) -> None:
    pack = load_pack(make_pack({"heavy.yaml": PLACEHOLDER_HEAVY}))
    result = lint_pack(pack, grammar=lt_url, channels=["email", "chat", "sms"])
    assert [d.format() for d in result.diagnostics if d.code.startswith("SK9")] == []
    email = next(m.text for m in result.messages if m.channel == "email")
    assert "{{order.number}}" in email and "[[reason]]" in email and "{{customer.email}}" in email
    # the checker did read this reply: one slip among the placeholders is found, and only that
    slipped = PLACEHOLDER_HEAVY.replace("is with me", "is with me and i will fix it")
    found = _lint(make_pack, lt_url, {"heavy.yaml": slipped})
    assert [(d.code, d.text, d.location.line) for d in found] == [("SK901", "i", 6)], found  # I_LOWERCASE is a TYPO


def test_offsets_land_on_the_source_line_of_a_block_scalar(make_pack, lt_url, grammar_cache) -> None:
    script = (
        "id: multi\ntitle: Multi\n"
        "acknowledgment: |-\n"
        "  Hi {{ customer.first_name }}, thanks for writing in.\n"
        "  I'm sorry the parcel arrived damaged.\n"
        "  We is looking into it now.\n"
        f"solution: {SOLUTION!r}\n".replace("\\'", "''")
    )
    found = _lint(make_pack, lt_url, {"m.yaml": script})
    agreement = [d for d in found if d.code == "SK902"]
    assert [(d.text, d.location.line, d.location.col) for d in agreement] == [("is", 6, 6)], found
    assert agreement[0].slot == "acknowledgment"


def test_dictionary_and_disabled_categories(make_pack, lt_url, grammar_cache) -> None:
    scripts = {"a.yaml": _script("Thanks for choosing Quorvexa, and sorry for the wait.")}
    flagged = _lint(make_pack, lt_url, scripts)
    assert [d.text for d in flagged if d.code == "SK901"] == ["Quorvexa"]
    assert _lint(make_pack, lt_url, scripts, "name: T\ngrammar:\n  dictionary: [Quorvexa]\n") == []
    assert _lint(make_pack, lt_url, scripts, "name: T\ngrammar:\n  disabled_categories: [TYPOS]\n") == []


def test_a_rules_own_dictionary_adds_to_the_packs(make_pack, lt_url, grammar_cache) -> None:
    scripts = {"a.yaml": _script("Thanks for choosing Quorvexa and Zintrelo, and sorry for the wait.")}
    pack_yaml = ("name: T\ngrammar:\n  dictionary: [Quorvexa]\n"
                 "rules:\n  options:\n    spelling: {dictionary: [Zintrelo]}\n")
    pack = load_pack(make_pack(scripts, pack_yaml))
    result = lint_pack(pack, grammar=lt_url, channels=["email"])
    assert [d for d in result.diagnostics if d.code.startswith("SK9") or d.code == "SK800"] == []
    assert [d.text for d in _lint(make_pack, lt_url, scripts, "name: T\ngrammar:\n  dictionary: [Quorvexa]\n")
            if d.code == "SK901"] == ["Zintrelo"]


def test_review_takes_a_dictionary_from_scriptkit_toml(tmp_path: Path, lt_url, grammar_cache) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Thanks for choosing Quorvexa, and I'm sorry about the wait.\n", encoding="utf-8")
    (tmp_path / "scriptkit.toml").write_text('[options.spelling]\ndictionary = ["Quorvexa"]\n', encoding="utf-8")
    result = lint_text(reply.read_text(encoding="utf-8"), file=str(reply), grammar=lt_url)
    assert [d.text for d in result.diagnostics if d.code.startswith("SK9")] == []
    (tmp_path / "scriptkit.toml").unlink()
    result = lint_text(reply.read_text(encoding="utf-8"), file=str(reply), grammar=lt_url)
    assert [d.text for d in result.diagnostics if d.code == "SK901"] == ["Quorvexa"]


def test_a_rules_own_grammar_setting_of_the_wrong_kind_is_located(make_pack) -> None:
    pack = load_pack(make_pack({"a.yaml": _script("I'm sorry.")},
                               "name: T\nrules:\n  options:\n    SK901: {picky: very}\n"))
    with pytest.raises(ConfigError) as info:
        lint_pack(pack, grammar="http://127.0.0.1:9")
    assert "picky" in str(info.value) and info.value.location is not None and info.value.location.line == 4


def test_a_reply_in_another_language_is_not_sent_to_the_english_checker(make_pack, lt_url, grammar_cache) -> None:
    scripts = {"a.yaml": _script("Lamentamos mucho la demora, sabemos que es muy molesto esperar tanto.",
                                 "Hoy mismo le enviamos uno nuevo con el número de seguimiento."),
               "b.yaml": _script("I recieved your message and I'm sorry for the wait.").replace("id: reply", "id: b")}
    pack = load_pack(make_pack(scripts))
    result = lint_pack(pack, grammar=lt_url, channels=["email"])
    assert [(d.script_id, d.text) for d in result.diagnostics if d.code.startswith("SK9")] == [("b", "recieved")]
    assert [d.script_id for d in result.diagnostics if d.code == "SK006"] == ["reply"]


def test_a_pack_in_another_language_with_the_local_server_is_told_where_before_any_start(make_pack) -> None:
    from scriptkit.engines import lt_server

    pack = load_pack(make_pack({"a.yaml": _script("Es tut uns leid.")}, "name: T\nlocale: de-DE\n"))
    servers = list(lt_server._SERVERS)
    with pytest.raises(ConfigError) as info:
        lint_pack(pack, grammar="local")
    assert "does not check German (de-DE)" in str(info.value)
    assert info.value.location is not None and info.value.location.line == 2
    assert servers == lt_server._SERVERS  # (no server was started for it)


def test_picky_mode_reports_more(make_pack, lt_url, grammar_cache) -> None:
    scripts = {"a.yaml": _script("I'm sorry for the trouble.", "We will try and fix it today.")}
    assert _lint(make_pack, lt_url, scripts) == []
    picky = _lint(make_pack, lt_url, scripts, "name: T\ngrammar:\n  picky: true\n")
    assert any("TRY_AND" in d.message for d in picky), picky


def test_rerun_on_unchanged_pack_makes_no_request(make_pack, lt_url, grammar_cache) -> None:
    from scriptkit.engines import languagetool

    scripts = {f"s{i}.yaml": _script(f"I recieved your note number {i} and I'm sorry.")
               .replace("id: reply", f"id: s{i}") for i in range(6)}
    first = _lint(make_pack, lt_url, scripts)
    made = _stats(lt_url).requests
    assert made >= 1 and len(first) == 6
    languagetool.shutdown(keep_server=True)  # a new run: nothing in memory, only the file
    second = _lint(make_pack, lt_url, scripts)
    assert _stats(lt_url).requests == 0
    assert _stats(lt_url).disk_hits >= 6
    assert [d.format() for d in second] == [d.format() for d in first]


def test_batched_matches_equal_one_request_per_document(lt_url) -> None:
    from scriptkit.engines.languagetool import Checker, Document, Settings

    texts = [f"Hi Maya,\n\nI recieved your order {i} and i am sorry it were late.\n\nYour parts has shipped."
             for i in range(5)] + ["Emoji first 🙂 then a mistake: we is here."]
    # alone, neither has three sentences in a row starting with "I"; joined, they would
    texts += ["Thanks for writing. I can see it. I know.", "I will fix it today. Thanks again."]
    docs = [Document.plain(t) for t in texts]
    joined = Checker(lt_url, batch_chars=10_000)
    batched = joined.check(docs, Settings())
    alone = Checker(lt_url, batch_chars=0, concurrency=1).check(docs, Settings())
    assert batched == alone
    assert joined.stats.requests < len(docs) and joined.stats.rechecked >= 1
    emoji = batched[5]
    assert any(texts[5][m.start:m.end] == "is" for m in emoji)  # offsets after a non-BMP emoji


@given(sizes=st.lists(st.integers(0, 3000), max_size=60), repeats=st.lists(st.booleans(), max_size=60),
       limit=st.integers(-1, 12_000), concurrency=st.integers(1, 4))
def test_batches_keep_order_and_shrink_as_the_work_runs_out(sizes: list[int], repeats: list[bool], limit: int,
                                                              concurrency: int) -> None:
    from scriptkit.engines.languagetool import _SEPARATOR, MIN_BATCH_CHARS, Document, _batches, _work

    texts = [("Same words here. " if again else f"Words {i} here. ") * (n // 17) for i, (n, again)
             in enumerate(zip(sizes, repeats + [False] * len(sizes), strict=False))]
    items = [(str(i), Document.plain(t)) for i, t in enumerate(texts)]
    batches = _batches(items, limit, concurrency)
    assert [item for batch in batches for item in batch] == items and all(batches)
    if limit <= 0 or not items:
        assert len(batches) == len(items)
        return
    size = {key: len(doc.text) + len(_SEPARATOR) for key, doc in items}
    work = dict(zip(size, _work(texts), strict=True))
    remaining = sum(work.values())
    for batch in batches:
        chars = 0
        for (key, _), (nxt, _) in itertools.pairwise(batch):
            chars += size[key]
            # a document joins a batch still under the minimum, or one within the limit...
            assert chars < MIN_BATCH_CHARS or chars + size[nxt] <= limit
        # ...and that has not yet taken its share of the work still to do (one document more)
        taken = sum(work[key] for key, _ in batch[:-1])
        assert taken < remaining / (2 * concurrency) + 1e-9 or sum(size[k] for k, _ in batch[:-1]) < MIN_BATCH_CHARS
        remaining -= taken + work[batch[-1][0]]


def test_work_counts_a_sentence_in_full_once_per_following_whitespace() -> None:
    from scriptkit.engines.languagetool import _work

    first, again, paragraph = _work(["Thanks for waiting. I sent it.", "Thanks for waiting. I sent it.",
                                     "Thanks for waiting.\n\nI sent it."])
    assert again < first / 2  # the server's sentence cache answers both sentences
    assert again < paragraph < first  # "I sent it." is a repeat, "waiting." before a break is not


def test_naive_package_loop_finds_what_the_batched_pass_finds(make_pack, lt_url, grammar_cache) -> None:
    """The benchmark's like-for-like baseline: language-tool-python, one check() per reply,
    placeholders as their stand-ins, matches mapped back and kept as the rules keep them."""
    import unicodedata

    from scriptkit.engines.languagetool import Document, check_each_alone
    from scriptkit.rendering import render_pack
    from scriptkit.rules import grammar
    from scriptkit.rules.base import RuleContext

    pack = load_pack(make_pack({
        "heavy.yaml": PLACEHOLDER_HEAVY.replace("late, and I'm sorry", "late, and i am sorry it were late"),
        "a.yaml": _script("I recieved your message and I'm sorry for the the wait.", extra="tags: [a]\n"),
    }))
    messages = render_pack(pack, None, all_variants=True)
    ctx = RuleContext(pack, {"mode": lt_url})
    opts = grammar.grammar_options(ctx)
    parts = [grammar.document_parts(m, pack) for m in messages]
    naive = check_each_alone(lt_url, [Document(p) for p in parts], grammar.settings(opts))

    def norm(hits: list[list[grammar.Hit]]) -> list[list[tuple[object, ...]]]:  # the package NFKC-normalises
        return [[(h.kind, h.start, h.end, h.rule_id, unicodedata.normalize("NFKC", h.message), h.replacements)
                 for h in found] for found in hits]

    expected = norm(grammar.hits(messages, ctx))
    assert norm([grammar.kept(m, p, f, opts) for m, p, f in zip(messages, parts, naive, strict=True)]) == expected
    words = {m.text[h[1]:h[2]] for m, found in zip(messages, expected, strict=True) for h in found}
    assert {"recieved", "the the", "i"} <= words, words


def test_the_packages_own_server_runs_the_assembled_languagetool_offline(lt_url, monkeypatch) -> None:
    """The benchmark's naive baseline as language-tool-python runs it: the package starts its own
    server from the assembled LanguageTool, asks nothing of the network, and stops it."""
    import socket

    from scriptkit.engines.languagetool import Settings, check_one_by_one, package_server

    asked: list[object] = []
    real = socket.getaddrinfo

    def loopback_only(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in ("127.0.0.1", "localhost", "::1"):
            asked.append(host)
            raise OSError("network is unreachable (blocked by the test)")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    with package_server() as url:
        assert url != lt_url and url.startswith("http://127.0.0.1:")
        assert check_one_by_one(url, ["I recieved your message.", "Thanks for waiting."], Settings()) == 1
        port = int(url.rsplit(":", 1)[1])
    assert not asked
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass  # stopped: nothing listens on its port any more


def test_grammar_rule_examples(make_pack, lt_url, grammar_cache) -> None:
    from scriptkit.rules import all_rules

    rules = [r for r in all_rules() if r.family() == "grammar"]
    assert {r.code for r in rules} == {"SK901", "SK902", "SK903"}
    for rule in rules:
        for docs_section in ("What it does", "Why it matters", "Example", "Use instead", "Options", "Fix safety"):
            assert f"## {docs_section}" in rule.docs(), (rule.code, docs_section)
        for kind, examples in (("bad", rule.bad_examples), ("good", rule.good_examples)):
            assert examples, (rule.code, kind)
            for example in examples:
                fields = dict(example.scripts[0])
                body = "".join(f"{k}: {v!r}\n".replace("\\'", "''") for k, v in fields.items())
                found = _lint(make_pack, lt_url, {"x.yaml": f"id: x\ntitle: X\n{body}"})
                codes = [d.code for d in found]
                assert (rule.code in codes) == (kind == "bad"), (rule.code, kind, [d.format() for d in found])


# ---------------------------------------------------------------- without a server


def test_unreachable_url_fails_fast_with_exit_2(make_pack, tmp_path: Path) -> None:
    with socket.socket() as s:  # a port that accepts connections and never answers
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
        pack = make_pack({"a.yaml": _script("I'm sorry for the wait.")})
        cli = [sys.executable, "-c", "from scriptkit.cli import main; main()"]
        run = subprocess.run([*cli, "check", str(pack), "--grammar", url], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "NO_COLOR": "1", "SCRIPTKIT_GRAMMAR_CACHE": "off"})
    assert run.returncode == 2, run.stderr
    assert f"no LanguageTool server answers at {url}" in run.stderr
    # it gave up on the health check's own short wait, not a check's 60 s (no wall-clock assertion: the
    # subprocess timeout above only stops a hang)
    assert f"within {CONNECT_TIMEOUT:.0f}s" in run.stderr
    assert "--grammar off" in run.stderr and "grammar:" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_grammar_setting_is_located(make_pack) -> None:
    pack = load_pack(make_pack({"a.yaml": _script("I'm sorry.")}, "name: T\ngrammar:\n  mode: http://127.0.0.1:9\n"
                                                                  "  dictonary: [Acme]\n"))
    with pytest.raises(ConfigError) as info:
        lint_pack(pack)
    assert "dictonary" in str(info.value) and info.value.location is not None
    assert info.value.location.line == 4


@pytest.mark.parametrize(("setting", "says", "line"), [
    ("  dictonary: [Acme]\n", "Did you mean 'dictionary'?", 3),
    ("  dictionary: [Acme]\n  picky: 'yes'\n", "'picky' must be true or false", 4),
])
def test_grammar_settings_are_checked_when_grammar_is_off_too(make_pack, setting: str, says: str, line: int) -> None:
    pack = load_pack(make_pack({"a.yaml": _script("I'm sorry.")}, "name: T\ngrammar:\n" + setting))
    with pytest.raises(ConfigError) as info:
        lint_pack(pack)  # (grammar off: no server, no request)
    assert says in str(info.value) and info.value.location is not None and info.value.location.line == line


def test_unreadable_results_cache_is_a_config_error(make_pack, tmp_path: Path, monkeypatch) -> None:
    from scriptkit.engines import languagetool

    bad = tmp_path / "results.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", str(bad))
    pack = load_pack(make_pack({"a.yaml": _script("I'm sorry.")}))
    try:
        with pytest.raises(ConfigError) as info:
            lint_pack(pack, grammar="http://127.0.0.1:9")
    finally:
        languagetool.shutdown(keep_server=True)
    assert str(bad) in info.value.message and "SCRIPTKIT_GRAMMAR_CACHE=off" in (info.value.hint or "")


@pytest.mark.parametrize(("limit", "initial"), [
    ("512m", "320m"), ("2G", "320m"), ("256m", "256m"), ("300000k", "292m"), ("268435456", "256m"), ("lots", "64m"),
])
def test_initial_heap_is_capped_by_the_limit(limit: str, initial: str) -> None:
    from scriptkit.engines.lt_server import LocalServer, initial_heap

    assert initial_heap(limit) == initial
    command = LocalServer(Path("/nowhere"), heap=limit).command(8081)
    assert f"-Xmx{limit}" in command and f"-Xms{initial}" in command


def test_assembly_is_idempotent() -> None:
    from scriptkit.engines.lt_server import assemble, assembled

    if assembled() is None:
        require_external("LanguageTool is not assembled (run `make languagetool`)")
    again = assemble()
    assert not again.assembled_now  # (nothing fetched or built again: what it found is used)
    assert (again.path / "languagetool-server.jar").is_file()
    libs = {p.name for p in (again.path / "libs").iterdir()}
    assert "language-en.jar" in libs and "language-de.jar" not in libs  # English, not every language


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and fields.get("Name", "").strip() == "java":
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state


def _still_running(jvms: list[int], within: float = 10.0) -> list[int]:
    """The JVMs still running ``within`` seconds after the run ended. One the run stopped is gone at
    once; a signal that lands between the JVM's start and the run registering it leaves the
    kernel's parent-death SIGTERM to end it, and a JVM takes a while to exit on a loaded machine."""
    deadline = time.monotonic() + within
    while (running := [pid for pid in jvms if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return running


def _local_check(make_pack) -> subprocess.Popen[str]:
    """``scriptkit check --grammar local`` on a one-script pack, started (not awaited), no results cache."""
    from scriptkit.engines.lt_server import assembled

    if shutil.which("java") is None or assembled() is None or not Path("/proc").is_dir():
        require_external("needs Java, the assembled LanguageTool server and /proc")
    pack = make_pack({"a.yaml": _script("I'm sorry for the wait.")})
    # Ctrl-C as at a terminal: a run launched in the background without job control (`cmd &` in a
    # script, nohup) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt
    cli = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
                                 "from scriptkit.cli import main; main()"]
    return subprocess.Popen([*cli, "check", str(pack), "--grammar", "local"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_COLOR": "1", "SCRIPTKIT_GRAMMAR_CACHE": "off"})


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_interrupted_run_leaves_no_java_behind(make_pack, sig: str) -> None:
    import signal

    run = _local_check(make_pack)
    try:
        deadline = time.monotonic() + 120
        jvms: list[int] = []
        while not jvms and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            jvms = _children(run.pid)
        assert jvms, "the run never started its LanguageTool server"
        run.send_signal(getattr(signal, sig))
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode in (130, 128 + getattr(signal, sig), -getattr(signal, sig)), err
    assert "Traceback" not in err
    assert not _still_running(jvms), "a JVM outlived the run"


# ---------------------------------------------------------------- the warm-up of a started server


def test_started_server_is_warm_and_knows_its_text_level_rules(lt_url) -> None:
    from scriptkit.engines import languagetool
    from scriptkit.engines.languagetool import Checker, Document, Settings

    server, started_now = languagetool.local_server()
    assert not started_now and server.url == lt_url
    assert 0 < server.first_check_seconds <= server.warmup_seconds
    log = server.log_path.read_text(encoding="utf-8", errors="replace")
    assert log.count("Check done") >= 1 + languagetool.CONCURRENCY  # the first check, then one per pipeline
    reach = languagetool._TEXT_LEVEL[lt_url, "en-US"]  # asked during the warm-up, not by the first batch
    assert reach and "ENGLISH_WORD_REPEAT_BEGINNING_RULE" in reach
    found = Checker(lt_url).check([Document.plain("We has recieved it.")], Settings())[0]
    assert {m.rule_id for m in found} >= {"MORFOLOGIK_RULE_EN_US"}, found


def test_warm_up_reaches_the_multi_word_speller(lt_url) -> None:
    """The warm-up loads the multi-word speller's phrase lists, which LanguageTool loads the first time a
    rule's filter asks it (an EN_MULTITOKEN_SPELLING match), not at start-up."""
    from scriptkit.engines.languagetool import WARM_UP_TEXT, Checker, Document, Settings

    found = Checker(lt_url).check([Document.plain(WARM_UP_TEXT)], Settings())[0]
    assert any(m.rule_id.startswith("EN_MULTITOKEN_SPELLING") for m in found), found


def test_warm_up_text_is_in_no_pack(tmp_path: Path) -> None:
    """The warm-up must not fill the server's sentence cache with a pack's sentences."""
    from benchmarks.packgen import generate
    from scriptkit.engines.languagetool import WARM_UP_REPLIES, WARM_UP_TEXT
    from scriptkit.rendering import render_pack
    from scriptkit.text import sentence_spans

    texts = [WARM_UP_TEXT] + [reply.text for reply in WARM_UP_REPLIES]
    sentences = [text[a:b] for text in texts for a, b in sentence_spans(text)]
    assert len(sentences) >= 20
    root = Path(__file__).resolve().parent.parent
    for pack in (load_pack(root / "templates" / "starter"), load_pack(generate(tmp_path / "pack", 300))):
        texts = [m.text for m in render_pack(pack, None, all_variants=True)]
        assert not [s for s in sentences if any(s in t for t in texts)]


class _StandIn:
    """A loopback HTTP server that answers every request with one fixed reply (status, JSON body)."""

    def __init__(self, status: int, body: str) -> None:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize(("status", "body", "says"), [
    (500, "Error: internal", "did not finish loading"),
    (200, "not json", "did not finish loading"),
    (200, '{"matches": []}', "found none of the mistakes"),
])
def test_a_failed_warm_up_is_an_error(status: int, body: str, says: str) -> None:
    from scriptkit.engines import languagetool

    stand_in = _StandIn(status, body)
    try:
        with pytest.raises(EngineUnavailable) as info:
            languagetool.warm_up(stand_in.url)
    finally:
        stand_in.close()
        languagetool._TEXT_LEVEL.pop((stand_in.url, "en-US"), None)
    assert says in info.value.message and "--grammar off" in (info.value.hint or "")


@pytest.mark.slow
def test_ctrl_c_during_the_warm_up_leaves_no_java_behind(make_pack) -> None:
    import signal

    from scriptkit.engines.lt_server import lt_home

    run = _local_check(make_pack)
    log = lt_home().parent / "logs" / f"server-{run.pid}.log"
    try:
        deadline = time.monotonic() + 120
        jvms: list[int] = []
        warming = False
        while not warming and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            jvms = jvms or _children(run.pid)  # the JVM's start truncates any older log of this pid
            text = log.read_text(errors="replace") if jvms and log.is_file() else ""
            warming = "Handling POST /v2/check" in text and "Check done" not in text
        assert warming, "the run never got to its server's warm-up check"
        run.send_signal(signal.SIGINT)
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode in (130, -signal.SIGINT), err
    assert "Traceback" not in err
    assert not _still_running(jvms), "a JVM outlived the run"


# ---------------------------------------------------------------- class-data sharing


def test_server_jar_copy_drops_only_the_manifest_class_path(tmp_path: Path) -> None:
    import zipfile

    from scriptkit.engines.lt_server import _without_manifest_class_path

    jar = tmp_path / "server.jar"
    manifest = (b"Manifest-Version: 1.0\r\nClass-Path: ./ libs/a.jar libs/b\r\n .jar libs/c.jar\r\n"
                b"Main-Class: org.example.Main\r\n\r\n")
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", manifest)
        z.writestr("org/example/Main.class", b"\xca\xfe\xba\xbe")
    copy = _without_manifest_class_path(jar, tmp_path / "shared" / "server.jar")
    with zipfile.ZipFile(copy) as z:
        assert z.read("META-INF/MANIFEST.MF") == b"Manifest-Version: 1.0\r\nMain-Class: org.example.Main\r\n\r\n"
        assert z.read("org/example/Main.class") == b"\xca\xfe\xba\xbe"
    assert _without_manifest_class_path(jar, copy) == copy and not list(copy.parent.glob("*.partial"))


def test_no_class_sharing_without_a_server_jar(tmp_path: Path) -> None:
    from scriptkit.engines.lt_server import LocalServer

    command = LocalServer(tmp_path / "missing", class_data=tmp_path / "class-data").command(8081)
    assert not any("Archive" in arg for arg in command) and not (tmp_path / "class-data").exists()


def _mapped(pid: int, path: Path) -> bool:
    return str(path) in Path(f"/proc/{pid}/maps").read_text()


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="reads /proc (Linux) to see what the JVM maps")
def test_first_server_writes_the_class_archive_and_the_next_maps_it(lt_url, tmp_path: Path) -> None:
    from scriptkit.engines import languagetool
    from scriptkit.engines.lt_server import LocalServer, assembled

    home = assembled()
    assert home is not None
    session = languagetool.local_server()[0]
    assert session.process is not None
    # started after `make languagetool` shared the classes, or else the one that writes them
    assert _mapped(session.process.pid, session.class_archive()) or session._dumping is not None
    first = LocalServer(home.path, class_data=tmp_path / "class-data")
    archive = first.class_archive()
    assert archive is not None and not archive.exists()
    try:
        first.start()
        assert first.process is not None and not _mapped(first.process.pid, archive)
    finally:
        first.stop()  # writes it, as the JVM exits
    if not archive.is_file():
        require_external(f"this JVM wrote no class-data archive (a JDK without its base CDS archive?): "
                         f"{first.log_tail()}")
    assert not list(archive.parent.glob("*.partial"))
    second = LocalServer(home.path, class_data=tmp_path / "class-data")
    try:
        second.start()
        assert second.process is not None and _mapped(second.process.pid, archive)
        assert languagetool.warm_up(second.url) > 0  # and it checks text
    finally:
        second.stop()
    whole = archive.read_bytes()
    archive.write_bytes(whole[: len(whole) // 20])  # a dump cut short: the JVM crashes mapping it
    third = LocalServer(home.path, class_data=tmp_path / "class-data")
    try:
        third.start()  # drops it and starts without
        assert third.process is not None and not _mapped(third.process.pid, archive)
    finally:
        third.stop()
    assert archive.stat().st_size > len(whole) // 20  # written afresh
    assert not list(Path.cwd().glob("hs_err_pid*.log"))  # the crash report went beside the server log


def test_slow_server_steps_are_said_on_stderr(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Assembling (once per machine, minutes) is always said; starting (seconds) only at a terminal."""
    import scriptkit.cli  # noqa: F401  (installs the CLI's printer)
    from scriptkit import engines
    from scriptkit.engines.lt_server import progress

    progress("Assembling LanguageTool", once=True)
    progress("Starting the server")
    assert capsys.readouterr().err == "Assembling LanguageTool\n"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress("Starting the server")
    assert capsys.readouterr().err == "Starting the server\n"
    heard: list[tuple[str, bool]] = []
    monkeypatch.setattr(engines, "on_progress", lambda message, once: heard.append((message, once)))
    progress("Starting the server")
    assert heard == [("Starting the server", False)] and capsys.readouterr().err == ""


def test_sk006_says_grammar_ran_on_a_spanish_reply_only_when_it_did(make_pack, lt_url, grammar_cache) -> None:
    text = "Sentimos mucho que su paquete llegara roto. Hoy mismo le mandamos otro y le avisamos por correo."
    [note] = [d for d in lint_text(text, locale="es-ES", grammar=lt_url).diagnostics if d.code == "SK006"]
    assert (note.suggestion or "").startswith("Length, blank, template, grammar and your own rules still ran;")
    pack = load_pack(make_pack({"a.yaml": _script("Sentimos mucho que su paquete llegara roto.",
                                                  "Hoy mismo le mandamos otro y le avisamos por correo.")},
                               "name: T\nlocale: es-ES\n"))
    [note] = [d for d in lint_pack(pack, grammar=lt_url, channels=["email"]).diagnostics if d.code == "SK006"]
    assert (note.suggestion or "").startswith("Template, length, blank, export, grammar and your own rules still run;")


def test_a_spanish_accent_that_changes_the_word_is_grammar_not_a_fixable_misspelling(lt_url, grammar_cache) -> None:
    text = ("Sentimos mucho la espera con su pedido. Se lo enviamos ayer y llegara mañana por la tarde. "
            "Le escribo para para confirmarle que hemos recivido su foto.")
    found = {(d.code, d.text): d for d in lint_text(text, locale="es-ES", grammar=lt_url).diagnostics
             if d.code.startswith("SK9")}
    accent = found[("SK902", "llegara")]  # (SUBJUNTIVO_FUTURO, category DIACRITICS: it was SK901 and --fix made it
    assert "SUBJUNTIVO_FUTURO" in accent.message and accent.fix is None  # 'llegará', a tense the writer may mean)
    assert ("SK901", "llegara") not in found
    assert [e.replacement for e in found[("SK902", "para para")].fix.edits] == ["para"]  # (SPANISH_WORD_REPEAT_RULE)
    assert [e.replacement for e in found[("SK901", "recivido")].fix.edits] == ["recibido"]  # (the spell checker's)
