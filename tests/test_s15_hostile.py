"""Hostile packs on disk: whatever a pack holds, the CLI answers with a result or located messages.

Hypothesis starts from one valid pack (pack.yaml and a script) and breaks it: YAML that does not
parse (tabs, unclosed quotes, duplicate keys, aliases, deep nesting, alias bombs), a wrong type in
a field, unknown keys, Jinja that reaches for Python's insides or loops for ever, odd encodings
(UTF-16, BOM, NUL, lone surrogates, one very long line), links out of the pack and files too large.
Each pack goes through ``check``, ``render``, ``export --to zendesk`` and ``check --fix``; each
must exit 0 or 1 with a result, or 2 with only ``file:line:col: error:`` lines on stderr, never a
traceback nor the CLI's "unexpected" line for a bug. ``--fix`` that exits 2 leaves every file as
it was, and an export that exits 2 writes no folder.

The examples are derandomized so CI always runs the same ones. For a longer local hunt set
SCRIPTKIT_FUZZ_EXAMPLES=2000 (then the seed is random, and each run draws new packs).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from scriptkit.cli import main

BASE_PACK = """\
name: Harbor support
version: 1.2.0
locale: en-US
constants:
  return_days: 14
  desk_hours: "9am to 5pm"
channels:
  email:
    greeting: "Hello {{ customer.first_name | fallback('there') }},"
    signoff: |
      All the best,
      {{ agent.first_name }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
rules:
  ignore: [SK104]
export:
  zendesk:
    public: true
"""

BASE_SCRIPT = """\
id: late-parcel
title: "Shipping::Late parcel"
scenario: A parcel is a week late and the customer needs it for a trip.
emotion: worried
channels: [email, chat]
tags: [shipping]
acknowledgment:
  - "I understand how stressful it is to wait on parcel {{ order.number }} with a trip coming up."
  - "Waiting on a late parcel before a trip is worrying, and I get why you're frustrated."
warm_language: "Thanks for telling us about your trip, and I'm truly sorry for the wait."
flexibility:
  guidance: Offer a courier upgrade if the trip is within three days.
  blanks:
    - name: arrival_day
      prompt: The day the parcel will arrive
      example: Friday
  alternatives:
    - label: They want a refund
      text: "If you'd prefer a refund, I'll send it today. You have {{ return_days }} days to choose."
  conditions:
    - when: they ask for a call
      text: "We can call you any time {{ desk_hours }}."
solution: >
  I've sent a replacement by express courier, and it'll reach you by {{ blank.arrival_day }}.
"""

SCRIPT_NAME = "late-parcel.yaml"

# every line of stderr a failed run prints: a located error (file:line:col, or a folder's or a missing
# path's name alone: it has no line), the count under several, or the dimmed hint of a message that
# wrapped (rich does not wrap: soft_wrap is on)
LOCATED = re.compile(r"^.+?(:\d+:\d+)?: error: \S")
COUNT = re.compile(r"^\d+ problems found\.$")
# the one line the CLI prints for an exception nobody turned into a message (a bug)
BUG = re.compile(r"error: unexpected \w+: ")

EXAMPLES = int(os.environ.get("SCRIPTKIT_FUZZ_EXAMPLES", "0"))


def fuzz_settings(examples: int) -> Callable[[Any], Any]:
    """``examples`` in the suite (derandomized: CI runs the same packs every time), or
    SCRIPTKIT_FUZZ_EXAMPLES of them, freshly drawn, for a hunt on one's own machine."""
    return settings(max_examples=EXAMPLES or examples, derandomize=not EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


# --- the contract -----------------------------------------------------------------------------------


def invoke(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, env={"NO_COLOR": "1", "COLUMNS": "1000"})


def assert_contract(result: Result, what: str) -> None:
    """Exit 0 or 1, or 2 with located messages only; never a traceback, never the bug line."""
    output = result.stdout + result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"{what} raised:\n{trace}")
    assert "Traceback" not in output, f"{what}: {output}"
    assert not BUG.search(result.stderr), f"{what} met a bug:\n{result.stderr}"
    assert result.exit_code in (0, 1, 2), f"{what}: exit {result.exit_code}\n{output}"
    if result.exit_code == 2:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines, f"{what}: exit 2 with nothing said"
        for line in lines:
            assert LOCATED.match(line) or COUNT.match(line), f"{what}: not located: {line!r}\n{result.stderr}"


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file and link under ``root``: its bytes, or where the link points."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path)] = os.readlink(path)
        elif path.is_file():
            found[str(path)] = path.read_bytes()
    return found


def run_commands(root: Path) -> None:
    """check, render, export and check --fix on the pack at ``root``, each under the contract."""
    pack = str(root)
    checked = invoke("check", pack, "-j", "1")
    assert_contract(checked, "check")
    if checked.exit_code == 2:  # a CI job's report holds the same errors, as SK000 results, and still parses
        sarif = invoke("check", pack, "-j", "1", "--format", "sarif")
        assert_contract(sarif, "check --format sarif")
        results = json.loads(sarif.stdout)["runs"][0]["results"]
        assert sarif.exit_code == 2 and results and all(r["ruleId"] == "SK000" for r in results), sarif.stdout
    assert_contract(invoke("render", pack, "--variants"), "render")
    out = root.parent / "out"
    exported = invoke("export", pack, "--to", "zendesk", "-o", str(out))
    assert_contract(exported, "export --to zendesk")
    if exported.exit_code == 2:
        assert not out.exists(), "an export that failed left a folder behind"
    shutil.rmtree(out, ignore_errors=True)
    before = snapshot(root)
    fixed = invoke("check", pack, "--fix", "-j", "1")
    assert_contract(fixed, "check --fix")
    if fixed.exit_code == 2:
        assert snapshot(root) == before, "check --fix changed a file and exited 2"


@contextmanager
def pack_on_disk(pack: str | bytes, scripts: dict[str, str | bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="s15-hostile-") as tmp:
        root = Path(tmp) / "pack"
        (root / "scripts").mkdir(parents=True)
        write(root / "pack.yaml", pack)
        for name, text in scripts.items():
            write(root / "scripts" / name, text)
        yield root


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # (surrogatepass: a lone surrogate drawn by Hypothesis reaches the file as the bytes an editor
    # that mishandles UTF-16 would write, not as an error of the test's own)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))


def test_the_base_pack_is_clean() -> None:
    """The starting point is a pack without a finding, so what the mutations find is theirs."""
    with pack_on_disk(BASE_PACK, {SCRIPT_NAME: BASE_SCRIPT}) as root:
        result = invoke("check", str(root), "-j", "1")
        assert result.exit_code == 0, result.output
        assert invoke("export", str(root), "--to", "zendesk", "-o", str(root.parent / "out")).exit_code == 0


# --- broken text --------------------------------------------------------------------------------------

# what breaks YAML, Jinja or a decoder, spliced into the text at any place
SPLICES = [
    "\t", "  \t", "'", '"', "\"unclosed", "'unclosed", "{{", "}}", "{%", "%}", "{#", "[", "]", "{", "}",
    ": ", "- ", "-", "? ", "!", "!!python/object/apply:os.system ['true']", "!!binary", "!custom ", "&a ",
    "*a", "*missing", "<<: *a\n", "---\n", "...\n", "%YAML 1.1\n", "\n", "\r", "\r\n", "\x00", "\x1b[31m",
    "\ufeff", "\u2028", "\ud800", "\udfff", "\U0001f600", "é", "#", " #", "|", ">", "|-\n", "@", "`",
    "{{ ''.__class__ }}", "{{ undefined_name }}", "{{ x | no_such_filter }}", "{% for i in range(9**9) %}x",
    "{% endfor %}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{{ 'x' * 999999999 }}",
    "{% raw %}", "{{ customer.nope }}", "{{ blank.nope }}", "{% include 'x' %}", "{% extends 'x' %}",
    "{% import 'x' as y %}", "{{ lipsum() }}", "{{ self }}", "{{ cycler }}", "{{ 9**9**9 }}",
    "{% set x = x %}", "{{ (1,2)[5] }}", "{{ 1/0 }}", "{{ {}.x }}", "{{ [].pop() }}",
    "id: dup\n", "title: again\n", "solution: ''\n", "x" * 5000,
]


def splice(text: str, at: int, piece: str, cut: int) -> str:
    at %= len(text) + 1
    return text[:at] + piece + text[at + cut:]


@st.composite
def mutated_text(draw: st.DrawFn, base: str) -> str:
    text = base
    for _ in range(draw(st.integers(1, 3))):
        piece = draw(st.sampled_from(SPLICES) | st.text(max_size=8))
        text = splice(text, draw(st.integers(0, len(text))), piece, draw(st.integers(0, 3)))
    return text


@fuzz_settings(80)
@given(mutated_text(BASE_SCRIPT))
def test_a_script_with_text_spliced_in(script: str) -> None:
    with pack_on_disk(BASE_PACK, {SCRIPT_NAME: script}) as root:
        run_commands(root)


@fuzz_settings(50)
@given(mutated_text(BASE_PACK))
def test_a_pack_yaml_with_text_spliced_in(pack: str) -> None:
    with pack_on_disk(pack, {SCRIPT_NAME: BASE_SCRIPT}) as root:
        run_commands(root)


# --- wrong types and unknown keys ----------------------------------------------------------------------


def _load(text: str) -> Any:
    return YAML(typ="safe").load(text)


def _dump(data: Any) -> str:
    import io

    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and index path in ``data``, the root's children first."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


WRONG_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
    st.sampled_from(["{{ ''.__class__.__mro__ }}", "{{ nope }}", "{% for %}", "", " ", "x" * 60_000,
                     "SK999", "all", "-1", "1e400", "sms", "EMAIL", "zz-ZZ"]),
    st.lists(st.integers() | st.text(max_size=5) | st.none(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5) | st.none(), max_size=3),
)
UNKNOWN_KEYS = st.sampled_from(["colour", "Title", "id ", "__class__", "slots", "variants", "0", "true"])


@st.composite
def retyped(draw: st.DrawFn, base: str) -> str:
    """``base`` with wrong values in a few fields and maybe an unknown key."""
    data = _load(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = draw(WRONG_VALUES)
        if not isinstance(data, dict):
            break
    if isinstance(data, dict) and draw(st.booleans()):
        target = data
        inner = [p for p in _paths(data) if isinstance(_get(data, p), dict)]
        if inner and draw(st.booleans()):
            target = _get(data, draw(st.sampled_from(inner)))
        target[draw(UNKNOWN_KEYS)] = draw(WRONG_VALUES)
    return _dump(data)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@fuzz_settings(80)
@given(retyped(BASE_SCRIPT))
def test_a_script_with_wrong_types(script: str) -> None:
    with pack_on_disk(BASE_PACK, {SCRIPT_NAME: script}) as root:
        run_commands(root)


@fuzz_settings(60)
@given(retyped(BASE_PACK))
def test_a_pack_yaml_with_wrong_types(pack: str) -> None:
    with pack_on_disk(pack, {SCRIPT_NAME: BASE_SCRIPT}) as root:
        run_commands(root)


# --- hostile Jinja in every text -----------------------------------------------------------------------

HOSTILE_JINJA = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ customer.__class__ }}", "{{ self.__init__ }}",
    "{{ config }}", "{{ request }}", "{{ range(10**9) | list }}", "{% for i in range(10**9) %}x{% endfor %}",
    "{% for a in 'x' * 10000 %}{% for b in 'y' * 10000 %}z{% endfor %}{% endfor %}",
    "{% macro loop(n) %}{{ loop(n + 1) }}{% endmacro %}{{ loop(0) }}", "{{ 'ab' * 10**8 }}",
    "{{ ('a' * 9999) * 9999 }}", "{{ [1] * 10**9 }}", "{{ 10**10**10 }}", "{{ nope }}", "{{ nope.deeper }}",
    "{{ 'x' | no_such_filter }}", "{{ 'x' | format(1, 2, 3) }}", "{{ '%s' % () }}", "{{ 'x' | attr('upper') }}",
    "{{ customer.first_name | fallback }}", "{{ customer.first_name | fallback(1, 2, 3) }}",
    "{{ agent.first_name(1) }}", "{{ customer }}", "{{ blank.unknown }}", "{% if %}", "{% endif %}",
    "{% set x = 1 %}{{ x.__dict__ }}", "{{ {}.__class__ }}", "{{ (1).__class__ }}", "{{ lipsum(99) }}",
    "{% filter upper %}x{% endfilter %}", "{% with a = 1 %}{{ a }}{% endwith %}", "{% call x() %}{% endcall %}",
    "{{ 1/0 }}", "{{ 'a'[10] }}", "{{ 'x'.join(['a'] * 10**8) }}", "{{ '{:>999999999}'.format(1) }}",
    "{{ '%999999999s' % 1 }}", "{{ 'x' | center(999999999) }}", "{{ 'x' | indent(999999999) }}",
    "{{ 'x' | wordwrap(1) }}", "{{ 'x' | truncate(-1) }}", "{{ [3, 'a'] | sort }}", "{{ 9e999 }}",
    "{{ ((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))) }}", "{{" * 300, "{%" * 300,
    "{% for x in y %}" * 60 + "{% endfor %}" * 60, "{% raw %}{{ x }}", "{{ 'é' | urlencode }}",
    "{{ \"\\ud800\" }}", "{{ '\x00' }}", "{{ return_days * 10**7 }}", "{{ desk_hours * 99999 }}",
    # a gigabyte from a few hundred characters: repeated, joined, formatted or printed at the end
    "{{ [[1] * 9999] * 9999 }}", "{{ '%0999999999d' % 1 }}", "{{ '%*s' % (999999999, desk_hours) }}",
    "{% set a = desk_hours * 999 %}{% set b = a ~ a ~ a ~ a ~ a ~ a %}{% set c = b ~ b ~ b ~ b ~ b ~ b %}{{ c }}",
    "{% set a = [desk_hours] * 99 %}{% set b = [a, a, a, a, a, a] %}{% set c = [b, b, b, b, b, b] %}{{ c }}",
    "{% set s %}{% for c in 'y' * 9999 %}{{ desk_hours * 999 }}{% endfor %}{% endset %}{{ s | length }}",
    "{% set n = 10 ** 64 %}{% set m = n * n * n * n * n * n * n * n %}{{ m * m * m * m * m * m * m * m > 1 }}",
]

TEXT_PATHS = [("acknowledgment", 0), ("warm_language",), ("solution",), ("flexibility", "guidance"),
              ("flexibility", "alternatives", 0, "text"), ("flexibility", "conditions", 0, "text"), ("title",),
              ("flexibility", "blanks", 0, "prompt"), ("flexibility", "alternatives", 0, "label")]


@fuzz_settings(100)
@given(st.lists(st.tuples(st.sampled_from(TEXT_PATHS), st.sampled_from(HOSTILE_JINJA), st.text(max_size=6)),
                min_size=1, max_size=3),
       st.sampled_from(["", "{{ nope }}", "{{ 'x' * 10**9 }}", "{% for i in range(99999999) %}.{% endfor %}"]))
def test_hostile_jinja_anywhere(placed: list[tuple[tuple[Any, ...], str, str]], greeting: str) -> None:
    data = _load(BASE_SCRIPT)
    for path, template, around in placed:
        parent = _get(data, path[:-1])
        parent[path[-1]] = f"{around}{template}{around}"
    pack = _load(BASE_PACK)
    pack["channels"]["chat"]["greeting"] = greeting or pack["channels"]["chat"]["greeting"]
    with pack_on_disk(_dump(pack), {SCRIPT_NAME: _dump(data)}) as root:
        run_commands(root)


# --- encodings, size and links ------------------------------------------------------------------------


def _encodings() -> st.SearchStrategy[Callable[[str], bytes]]:
    def utf16(text: str) -> bytes:
        return text.encode("utf-16")

    def utf16_no_bom(text: str) -> bytes:
        return text.encode("utf-16-le")

    def utf32(text: str) -> bytes:
        return text.encode("utf-32")

    def bom(text: str) -> bytes:
        return b"\xef\xbb\xbf" + text.encode()

    def two_boms(text: str) -> bytes:
        return b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode()

    def latin1(text: str) -> bytes:
        return text.replace("I'm", "J'ai été").encode("latin-1", "replace")

    def cp1252_quotes(text: str) -> bytes:
        return text.replace("'", "\u2019").encode("cp1252")

    def nul_bytes(text: str) -> bytes:
        return text.replace("parcel", "par\x00cel").encode()

    def truncated_utf8(text: str) -> bytes:
        return text.replace("trip", "tr\u00e9p").encode()[:-1] + "é".encode()[:1]

    def long_line(text: str) -> bytes:
        return text.replace("courier", "courier " + "very " * 100_000).encode()

    def crlf(text: str) -> bytes:
        return text.replace("\n", "\r\n").encode()

    def lone_cr(text: str) -> bytes:
        return text.replace("\n", "\r").encode()

    def empty(text: str) -> bytes:
        return b""

    def only_bom(text: str) -> bytes:
        return b"\xef\xbb\xbf"

    def whitespace(text: str) -> bytes:
        return b" \n\t\n"

    def too_large(text: str) -> bytes:
        return text.encode() + b"# " + b"padding " * 300_000 + b"\n"

    return st.sampled_from([utf16, utf16_no_bom, utf32, bom, two_boms, latin1, cp1252_quotes, nul_bytes,
                            truncated_utf8, long_line, crlf, lone_cr, empty, only_bom, whitespace, too_large])


@fuzz_settings(40)
@given(_encodings(), st.booleans())
def test_odd_encodings(encode: Callable[[str], bytes], in_pack_yaml: bool) -> None:
    pack: str | bytes = encode(BASE_PACK) if in_pack_yaml else BASE_PACK
    script: str | bytes = BASE_SCRIPT if in_pack_yaml else encode(BASE_SCRIPT)
    with pack_on_disk(pack, {SCRIPT_NAME: script}) as root:
        run_commands(root)


LINKS = ["outside.yaml", "../outside.yaml", "../../outside.yaml", "/etc/passwd", "/dev/null", "/dev/zero",
         "/proc/self/environ", "missing.yaml", "self.yaml", "."]


@fuzz_settings(40)
@given(st.sampled_from(LINKS), st.sampled_from(["scripts/linked.yaml", "pack.yaml", "scripts/sub", "scripts"]))
def test_links_out_of_the_pack(target: str, where: str) -> None:
    with pack_on_disk(BASE_PACK, {SCRIPT_NAME: BASE_SCRIPT}) as root:
        (root.parent / "outside.yaml").write_text(BASE_SCRIPT.replace("late-parcel", "outside"), encoding="utf-8")
        link = root / where
        if link.exists() or link.is_symlink():
            shutil.rmtree(link) if link.is_dir() and not link.is_symlink() else link.unlink()
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target if target != "self.yaml" else link.name)
        run_commands(root)


# --- YAML that costs: aliases, nesting, size --------------------------------------------------------------


def alias_bomb(levels: int, width: int) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@fuzz_settings(20)
@given(st.integers(2, 12), st.integers(2, 12), st.booleans(), st.integers(50, 3000),
       st.sampled_from(["[", "{", "- ", "a: "]))
def test_costly_yaml(levels: int, width: int, in_pack: bool, depth: int, opener: str) -> None:
    bomb = alias_bomb(levels, width)
    nested = (opener * depth if opener in "[{" else "".join(f"{'  ' * i}{opener}\n" for i in range(depth)))
    script = BASE_SCRIPT + bomb if not in_pack else BASE_SCRIPT
    pack = BASE_PACK + bomb if in_pack else BASE_PACK
    with pack_on_disk(pack, {SCRIPT_NAME: script, "deep.yaml": f"id: deep\ntitle: {nested}\n"}) as root:
        run_commands(root)


# --- review: any text -----------------------------------------------------------------------------------

_WORDS = st.sampled_from(["I", "am", "so", "sorry", "we", "will", "refund", "you", "today", "thanks", "Agent:",
                          "Customer:", "Me:", "> ", "On Tue, Jan 2 wrote:", "<p>", "</p>", "<br>", "<script>",
                          "&amp;", "&#0;", "&#xD800;", "<!--", "-->", "{{", "}}", "\n", "\n\n", "http://x",
                          "```", "|", "…", "\u200b", "\x00", "\ud800", ":", "?", "!", "."])


@fuzz_settings(100)
@given(st.lists(_WORDS | st.text(max_size=8), max_size=60).map(" ".join),
       st.sampled_from(["text", "json", "github"]), st.sampled_from([None, "chat", "sms", "phone"]))
def test_review_any_text(text: str, fmt: str, channel: str | None) -> None:
    args = ["review", "-", "--format", fmt] + (["--channel", channel] if channel else [])
    assert_contract(invoke(*args, stdin=text.encode("utf-8", "surrogatepass")), "review")


@fuzz_settings(40)
@given(st.binary(max_size=300), st.sampled_from(["reply.txt", "reply.html", "chat.log", "reply.eml"]))
def test_review_any_bytes_in_a_file(raw: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory(prefix="s15-review-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(raw)
        assert_contract(invoke("review", str(path)), "review")


_SPEAKERS = st.sampled_from(["Agent", "Customer", "Me", "Support", "Rep", "Bot", "System", "agent", "AGENT", "Ana",
                             "Customer (via chat)", "[10:02] Agent", "12:03 Customer", "", " ", ":", "Agent:Agent"])


@fuzz_settings(80)
@given(st.lists(st.tuples(_SPEAKERS, st.sampled_from([": ", ":", " - ", "> ", ": \n"]),
                          st.lists(_WORDS | st.text(max_size=6), max_size=12).map(" ".join)), max_size=12),
       st.sampled_from([None, "Agent", "Ana", "Customer", "nobody", ""]))
def test_review_any_transcript(turns: list[tuple[str, str, str]], agent: str | None) -> None:
    text = "\n".join(f"{who}{sep}{said}" for who, sep, said in turns)
    args = ["review", "-"] + (["--agent", agent] if agent is not None else [])
    assert_contract(invoke(*args, stdin=text.encode("utf-8", "surrogatepass")), "review of a transcript")
