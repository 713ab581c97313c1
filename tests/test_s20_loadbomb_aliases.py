"""Aliases of a long text are bounded by what they write out: a 55 KB script that repeats one
52 KB text a thousand times ('warm_language: [*s, *s, ...]') was a 52 MB script, which check
took minutes and a gigabyte to read, and render and export hundreds of megabytes to write. The
alias that takes the file past the 2,000,000 characters a file may hold is refused where it is
(file:line:col, exit 2), with what to write instead; an import file's aliases may add as many."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.errors import ScriptkitError
from scriptkit.loading import MAX_FILE_BYTES

PACK = "name: Alias pack\nversion: 0.1.0\nlocale: en-US\n"
PLAIN = ("id: plain\ntitle: Late parcel\nchannels: [email]\n"
         'acknowledgment: "I can see the parcel is later than we said."\n'
         'warm_language: "Thank you for waiting."\n'
         'solution: "I have sent a new one by express today."\n')
# about 52,000 characters, written by hand for these tests
LONG = " ".join(["I can see why the late parcel matters so much to you today."] * 870)


def _bomb(copies: int, long: str = LONG) -> str:
    return ("id: bomb\ntitle: Repeated\nchannels: [email]\n"
            f'acknowledgment: &s "{long}"\n'
            f"warm_language: [{', '.join(['*s'] * copies)}]\n"
            'solution: "I have sent a new one."\n')


def _pack(tmp_path: Path, bomb: str) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "bomb.yaml").write_text(bomb, encoding="utf-8")
    (root / "scripts" / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    return root


def _past_limit(text: str, marker: str, each: int, start: int) -> tuple[int, int]:
    """Line and column of the first ``marker`` after ``start`` whose repeat takes ``start`` past the limit."""
    total, at = start, text.index(marker.split(",")[0].strip(), text.index("warm_language"))
    while True:
        total += each
        if total > MAX_FILE_BYTES:
            break
        at = text.index("*", at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.mark.timeout(60)
def test_check_refuses_the_alias_that_takes_a_script_past_the_file_limit(tmp_path: Path) -> None:
    bomb = _bomb(1000)
    root = _pack(tmp_path, bomb)
    line, col = _past_limit(bomb, "*s", len(LONG), len(bomb))
    result = CliRunner().invoke(main, ["check", "-j1", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output[:2000]
    assert "Traceback" not in result.output
    where = f"{root / 'scripts' / 'bomb.yaml'}:{line}:{col}: error: with its aliases written out, this file holds"
    assert where in result.output, result.output[:2000]
    assert f"more than the {MAX_FILE_BYTES:,} a file may" in result.output
    assert "Write the text out once, where it is needed" in result.output
    assert len(result.output) < 5000  # (said once, not written out)


@pytest.mark.timeout(60)
def test_render_and_the_api_refuse_it_too_and_keep_the_other_scripts_problems(tmp_path: Path) -> None:
    root = _pack(tmp_path, _bomb(1000))
    (root / "scripts" / "plain.yaml").write_text(PLAIN.replace("title: Late parcel\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(root), "--variants"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "aliases written out" in result.output, result.output[:2000]
    with pytest.raises(ScriptkitError) as raised:
        load_pack(root, jobs=1)
    said = str(raised.value)
    assert "aliases written out" in said and "plain.yaml" in said and "title" in said, said[:2000]


@pytest.mark.timeout(60)
def test_an_alias_of_a_list_of_long_texts_counts_its_characters(tmp_path: Path) -> None:
    # 3 values each time, far below the 10,000 values aliases may repeat; 3 MB of text
    part = LONG[:25_000]
    bomb = ("id: bomb\ntitle: Repeated\nchannels: [email]\n"
            f'acknowledgment: "I am sorry."\nx-shared: &l ["{part}", "{part}"]\n'
            f"x-copies: [{', '.join(['*l'] * 60)}]\n"
            'warm_language: "Thanks."\nsolution: "I have sent a new one."\n')
    root = _pack(tmp_path, bomb)
    result = CliRunner().invoke(main, ["check", "-j1", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output[:2000]
    assert f"{root / 'scripts' / 'bomb.yaml'}:6:" in result.output, result.output[:2000]
    assert "with its aliases written out, this file holds" in result.output


def test_a_short_text_shared_by_aliases_still_loads(tmp_path: Path) -> None:
    shared = ("id: shared\ntitle: Shared\nchannels: [email, chat]\n"
              'acknowledgment: &ack "I can see the parcel is late."\n'
              "warm_language: [&w 'Thank you for waiting.', *w, *ack]\n"
              "solution: 'I have sent a new one by express today.'\n"
              "tags: [parcel, late]\n")
    pack = load_pack(_pack(tmp_path, shared), jobs=1)
    assert {script.id for script in pack.scripts} == {"shared", "plain"}


@pytest.mark.timeout(60)
def test_import_and_audit_refuse_a_yaml_library_whose_aliases_repeat_too_much(tmp_path: Path) -> None:
    body = LONG[:38_000]
    items = "".join(f"  - name: Reply {i}\n    body: *s\n" for i in range(2000))
    library = tmp_path / "library.yaml"
    library.write_text(f'x: &s "{body}"\nmacros:\n{items}', encoding="utf-8")
    text = library.read_text(encoding="utf-8")
    # the alias past the limit: the (n)th, n the smallest with n * len(body) > MAX_FILE_BYTES
    nth = MAX_FILE_BYTES // len(body) + 1
    at = -1
    for _ in range(nth):
        at = text.index("*s", at + 1)
    line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    out = tmp_path / "out"
    for args in (["import", str(library), "-o", str(out)], ["audit", str(library)]):
        result = CliRunner().invoke(main, args, env={"NO_COLOR": "1"})
        assert result.exit_code == 2, (args, result.output[:2000])
        assert f"{library}:{line}:{col}: error:" in result.output, result.output[:2000]
        assert f"aliases repeat {nth * len(body):,} characters by here" in result.output
        assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_an_import_library_sharing_a_short_text_still_imports(tmp_path: Path) -> None:
    items = "".join(f"  - name: Reply {i}\n    body: *s\n" for i in range(20))
    library = tmp_path / "library.yaml"
    library.write_text(f'x: &s "Thank you for waiting: I have sent a new one."\nmacros:\n{items}', encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(library), "--format", "json"], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output[:2000]
    json.loads(result.output)
