"""Linting a large pack in worker processes gives exactly what the serial run gives."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from benchmarks.packgen import generate
from scriptkit import parallel
from scriptkit.cli import main
from scriptkit.config import load_config
from scriptkit.errors import ScriptkitError
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.reporters import get_reporter
from scriptkit.rules import all_rules

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="worker processes need the fork start method")

SCRIPTS = 600


@pytest.fixture(scope="module")
def big_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generate(tmp_path_factory.mktemp("big") / "pack", SCRIPTS, seed=11)
    first = root / "scripts" / "s00010.yaml"  # a twin in the last shard: a pack-level finding across shards
    twin = re.sub(r"^id: (\S+)", r"id: \1-twin", first.read_text(encoding="utf-8"), count=1, flags=re.M)
    (root / "scripts" / "s99999.yaml").write_text(twin, encoding="utf-8")
    return root


def _json(root: Path, jobs: int, **kw: Any) -> str:
    pack = load_pack(root, jobs=jobs)
    result = lint_pack(pack, load_config(pack).override(grammar="off"), jobs=jobs, **kw)
    out = io.StringIO()
    get_reporter("json")(result, out)
    return out.getvalue()


def test_workers_are_used_only_for_large_packs(big_pack: Path) -> None:
    pack = load_pack(big_pack)
    assert parallel.jobs_for(pack, 2) == 2
    assert parallel.jobs_for(pack, 1) == 1
    small = pack.model_copy(update={"scripts": pack.scripts[:parallel.MIN_SCRIPTS]})
    assert parallel.jobs_for(small, 2) == 1


@pytest.mark.parametrize("kw", [{}, {"channels": ["chat"]}])
def test_parallel_report_is_identical(big_pack: Path, kw: dict[str, Any]) -> None:
    serial = _json(big_pack, 1, **kw)
    report = json.loads(serial)
    assert len(report["diagnostics"]) > SCRIPTS // 2  # plenty to say, pack-level findings too
    codes = {d["code"] for d in report["diagnostics"]}
    assert "SK406" in codes and ("SK004" in codes or "channels" in kw)
    assert _json(big_pack, 2, **kw) == serial
    assert _json(big_pack, 3, **kw) == serial  # shard boundaries elsewhere: still the same


def test_suppressions_and_severities_apply_in_workers_as_in_the_serial_run(tmp_path: Path) -> None:
    # the workers drop what the pack suppresses before sending the rest: every kind of suppression
    root = generate(tmp_path / "pack", SCRIPTS, seed=3)
    files = sorted((root / "scripts").rglob("*.yaml"))
    unsuppressed = json.loads(_json(root, 1))["diagnostics"]

    def codes(index: int) -> list[str]:
        return sorted({d["code"] for d in unsuppressed if d["file"].endswith(files[index].name)} - {"SK004", "SK406"})

    # four scripts with findings of per-message rules, one in each quarter of the pack (so in several shards)
    quarters = [next(i for i in range(q * SCRIPTS // 4, SCRIPTS) if codes(i)) for q in range(4)]
    wanted = {i: codes(i) for i in quarters}
    own, line, whole, severe = quarters
    text = files[own].read_text(encoding="utf-8")
    files[own].write_text(text + f"ignore: [{wanted[own][0]}]\n", encoding="utf-8")  # the script's own setting
    text = files[line].read_text(encoding="utf-8")  # a comment on each slot's line
    files[line].write_text(re.sub(r"^((?:acknowledgment|warm_language|solution): .*)$",
                                  rf"\1  # scriptkit: ignore {wanted[line][0]}", text, flags=re.M), encoding="utf-8")
    text = files[whole].read_text(encoding="utf-8")  # the whole file
    files[whole].write_text(f"# scriptkit: ignore-file {wanted[whole][0]}\n" + text, encoding="utf-8")
    meta = root / "pack.yaml"  # and a severity for the whole pack
    meta.write_text(meta.read_text(encoding="utf-8") + f"rules:\n  severity: {{{wanted[severe][0]}: error}}\n",
                    encoding="utf-8")
    serial = _json(root, 1)
    found = json.loads(serial)["diagnostics"]
    for index in (own, line, whole):
        assert wanted[index][0] not in {d["code"] for d in found if d["file"].endswith(files[index].name)}
    assert {d["severity"] for d in found if d["code"] == wanted[severe][0]} == {"error"}
    assert _json(root, 2) == serial


BREAKS = {
    # loads fine, fails only when rendered: the error comes from a lint worker
    "render": ('solution: "', 'solution: "{{ 1 // 0 }} ', "template failed in solution: this divides by zero"),
    # fails in the parse: the error comes from a load worker
    "yaml": ('solution: "', 'solution: {{ 1 }} "', "YAML syntax error"),
    # a template problem: found by a load worker, where the script is parsed
    "template": ('solution: "', 'solution: "{{ unknown_thing }} ', "undefined name 'unknown_thing'"),
}


@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_errors_in_workers_surface_as_in_the_serial_run(tmp_path: Path, kind: str) -> None:
    before, after, expected = BREAKS[kind]
    root = generate(tmp_path / "pack", SCRIPTS, seed=3)
    for index in (5, 450):  # in the first shard and a later one: every error, as one report
        path = sorted((root / "scripts").rglob("*.yaml"))[index]
        text = path.read_text(encoding="utf-8")
        assert before in text
        path.write_text(text.replace(before, after, 1), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--jobs", jobs])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    assert outputs[0].count(expected) == 2 and "s00450.yaml:" in outputs[0]


def test_template_problems_of_duplicate_and_invalid_scripts_are_reported_as_in_the_serial_run(tmp_path: Path) -> None:
    root = generate(tmp_path / "pack", SCRIPTS, seed=3)
    files = sorted((root / "scripts").rglob("*.yaml"))

    def edit(index: int, *changes: tuple[str, str]) -> None:
        text = files[index].read_text(encoding="utf-8")
        for before, after in changes:
            text, found = re.subn(before, after, text, count=1, flags=re.M)
            assert found
        files[index].write_text(text, encoding="utf-8")

    edit(5, ('solution: "', 'solution: "{{ unknown_thing }} '))
    edit(7, (r"^id: .*", "id: twin"))
    edit(300, (r"^id: .*", "id: twin"), ('solution: "', 'solution: "{{ blank.nope }} '))  # a duplicate
    edit(450, (r"^title:", "titel:"), ('solution: "', 'solution: "{{ other_unknown }} '))  # not valid
    outputs = [CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--jobs", jobs]).output
               for jobs in ("1", "2")]
    assert outputs[0] == outputs[1]
    assert all(what in outputs[0] for what in ("undefined name 'unknown_thing'", "duplicate script id 'twin'",
                                                "blank 'nope'", "unknown key 'titel'", "'other_unknown'"))


def test_rule_failure_in_a_worker_is_the_serial_finding(big_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (a rule that raises is an error finding on the reply it failed on, the other findings kept: 83e2e8ae)
    rule = next(r for r in all_rules() if r.code == "SK407")
    original = rule.check

    def broken(self: Any, message: Any, ctx: Any) -> Any:
        if message.script_id.endswith("0450"):
            raise ValueError("boom")
        return original(self, message, ctx)

    monkeypatch.setattr(rule, "check", broken)  # the forked workers inherit the patch
    outputs = [_json(big_pack, jobs) for jobs in (1, 2)]
    assert outputs[0] == outputs[1]
    failed = [d for d in json.loads(outputs[0])["diagnostics"] if "boom" in d["message"]]
    assert [(d["code"], d["severity"]) for d in failed] and all(d["code"] == "SK407" for d in failed), failed
    assert any(d["code"] != "SK407" for d in json.loads(outputs[0])["diagnostics"])  # (the others kept)


@pytest.mark.timeout(60)  # (a hang guard: a run that waited for its workers would wait for ever here)
def test_ctrl_c_leaves_no_worker(big_pack: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    started = tmp_path / "started"
    started.mkdir()
    parent = os.getpid()

    def stuck(*args: Any) -> Any:  # (a worker that never finishes: only being killed ends it)
        if os.getpid() == parent:  # (the parent's warm-up before forking)
            return []
        (started / str(os.getpid())).touch()
        while True:
            time.sleep(60)

    monkeypatch.setattr(parallel, "_per_message", stuck)

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    def press_ctrl_c_once_a_worker_runs() -> None:
        while not any(started.iterdir()):
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGALRM)  # (to this process only: the handler raises KeyboardInterrupt)

    previous = signal.signal(signal.SIGALRM, interrupt)
    pack = load_pack(big_pack)
    before = _children()
    presser = threading.Thread(target=press_ctrl_c_once_a_worker_runs, daemon=True)
    presser.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            lint_pack(pack, load_config(pack).override(grammar="off"), jobs=2)
    finally:
        signal.signal(signal.SIGALRM, previous)
    workers = [int(p.name) for p in started.iterdir()]
    assert workers  # the interrupt came while workers were running the rules
    for pid in workers:  # each was killed and reaped
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert _children() == before  # none left, not even a zombie


def _children() -> set[int]:
    """This process's child processes, zombies included (Linux's /proc)."""
    return {int(pid) for task in Path("/proc/self/task").iterdir()
            for pid in (task / "children").read_text().split()}


def test_a_worker_that_dies_is_an_error_not_a_hang(big_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    parent = os.getpid()
    original = parallel._per_message

    def die(*args: Any) -> Any:
        if os.getpid() == parent:  # the warm-up before forking
            return original(*args)
        os._exit(9)  # as the kernel's out-of-memory killer would end it, with nothing sent

    monkeypatch.setattr(parallel, "_per_message", die)
    pack = load_pack(big_pack)
    before = _children()
    with pytest.raises(ScriptkitError, match="ended before sending its results"):
        lint_pack(pack, load_config(pack).override(grammar="off"), jobs=2)
    assert _children() == before


def test_no_fork_while_other_threads_run(big_pack: Path) -> None:
    pack = load_pack(big_pack, jobs=1)
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert parallel.jobs_for(pack, 2) == 1
    finally:
        release.set()
        thread.join()
    assert parallel.jobs_for(pack, 2) == 2


def test_duplicate_script_work_is_done_by_a_worker_while_the_others_run(big_pack: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit.rules import template

    made: list[int] = []
    compared: list[int] = []
    fingerprints, near_duplicates = template.fingerprints, template._near_duplicates

    def counted_fingerprints(texts: list[str], *args: Any) -> Any:
        made.append(len(texts))
        return fingerprints(texts, *args)

    def counted_near_duplicates(prints: Any, *args: Any) -> Any:
        compared.append(len(prints))
        return near_duplicates(prints, *args)

    monkeypatch.setattr(template, "fingerprints", counted_fingerprints)
    monkeypatch.setattr(template, "_near_duplicates", counted_near_duplicates)
    pack = load_pack(big_pack, jobs=1)
    config = load_config(pack).override(grammar="off")
    parallel_codes = [d.code for d in lint_pack(pack, config, jobs=2).diagnostics]
    # made by a worker while the others ran (it appended to its own copies of the lists): this
    # process's check_pack reused its matches
    assert made == [] and compared == [] and "SK004" in parallel_codes
    serial_codes = [d.code for d in lint_pack(pack, config, jobs=1).diagnostics]
    assert made == compared == [len(pack.scripts)] and serial_codes == parallel_codes


def test_a_bad_duplicate_script_option_fails_as_in_the_serial_run(big_pack: Path) -> None:
    from dataclasses import replace

    pack = load_pack(big_pack, jobs=1)
    config = load_config(pack).override(grammar="off")
    config = replace(config, options={**config.options, "duplicate-script": {"threshold": "high"}})
    errors = []
    for jobs in (1, 2):
        with pytest.raises(ScriptkitError) as caught:
            lint_pack(pack, config, jobs=jobs)
        errors.append(str(caught.value))
    assert errors[0] == errors[1] and "SK004" in errors[0]


def test_frames_are_read_whole_however_the_pipe_cuts_them() -> None:
    import os
    import select

    payloads = [b"x" * 100_000, b"y", b"z" * 7]
    data = b"".join(parallel._FRAME.pack(len(p)) + p for p in payloads)
    read, write = os.pipe()
    frames, got = parallel._Frames(), []
    try:
        start = 0
        for size in (3, 9, 60_000, 40_000, 2, 20, len(data)):  # a header cut in two, frames across writes
            os.write(write, data[start:start + size])
            start += size
            while select.select([read], [], [], 0)[0]:  # everything written so far
                frame = frames.read(read)
                assert frame is not None
                if frame:
                    got.append(bytes(frame))
        assert got == payloads and not frames.started
        os.write(write, data[:5])  # a worker that dies in the middle of a header
        os.close(write)
        assert frames.read(read) == b"" and frames.started and frames.read(read) is None
    finally:
        os.close(read)


def test_nothing_is_left_out_of_the_garbage_collector_after_a_parallel_run(big_pack: Path) -> None:
    import gc

    pack = load_pack(big_pack, jobs=2)  # results are frozen while they come, then unfrozen
    assert gc.get_freeze_count() == 0
    lint_pack(pack, load_config(pack).override(grammar="off"), jobs=2)
    assert gc.get_freeze_count() == 0


def test_a_free_worker_takes_the_next_item() -> None:
    import os
    import select

    read, write = os.pipe()

    def run(item: int) -> int:
        if item == 0:  # waits for every other item: with items dealt out in advance, its worker would
            got = b""  # hold some of them and wait for ever (here: a minute, then a wrong result)
            while len(got) < 9 and select.select([read], [], [], 60)[0]:
                got += os.read(read, 9 - len(got))
            return len(got)
        os.write(write, b"x")
        return item

    try:
        assert parallel.map_in_workers(run, list(range(10)), 2) == [9, *range(1, 10)]
    finally:
        os.close(read)
        os.close(write)


@pytest.mark.parametrize(("count", "jobs"), [(10_000, 2), (401, 2), (5_000, 4), (17, 3), (1, 1), (0, 2)])
def test_shards_cover_the_items_in_order_and_end_small(count: int, jobs: int) -> None:
    bounds = parallel._shards(count, jobs)
    assert [i for a, b in bounds for i in range(a, b)] == list(range(count))  # each item once, in order
    assert all(a < b for a, b in bounds)
    sizes = [b - a for a, b in bounds]
    if count >= 2 * jobs * parallel.SHARDS_PER_JOB:
        assert max(sizes[-2 * jobs:]) <= (min(sizes[:-2 * jobs]) + 1) // 2


def test_messages_come_back_from_a_worker_equal_without_their_caches(tmp_path: Path) -> None:
    """A message is sent as its fields' state (no __init__ on loading): the same fields, the
    caches (text, spans) left behind and recomputed on reading, equal to the ones rendered."""
    from scriptkit.message import Message
    from scriptkit.rendering import render_pack

    generate(tmp_path / "p", 30)
    messages = render_pack(load_pack(tmp_path / "p"), all_variants=True)
    for m in messages:
        assert m.text  # fill the caches, which must not travel
    back = parallel._loads(parallel._dumps(messages))
    assert back == messages
    for m, b in zip(messages, back, strict=True):
        assert type(b) is Message
        assert set(vars(b)) == set(parallel._MESSAGE_FIELDS)
        assert b.text == m.text and list(b.spans()) == list(m.spans())


def test_the_largest_queue_of_shards_fits_in_a_pipe_buffer() -> None:
    # map_in_workers writes every shard index to the queue pipe before any worker reads: a queue larger than
    # the pipe's buffer would block that write for ever
    from scriptkit.parallel import _INDEX, MAX_JOBS, _shards, workers_for

    assert workers_for(10**7, 10**6) == MAX_JOBS
    assert len(_shards(10**7, MAX_JOBS)) * _INDEX.size < 65_536



def test_progress_is_told_once_a_batch_as_the_workers_finish(big_pack: Path) -> None:
    pack = load_pack(big_pack, jobs=1)
    told: list[int] = []
    lint_pack(pack, load_config(pack).override(grammar="off"), jobs=2, progress=told.append)
    # the scripts judged so far, told as each shard (not each script) comes back, up to the whole pack
    assert told == sorted(set(told)) and told[-1] == len(pack.scripts)
    assert len(told) == len(parallel._shards(len(pack.scripts), 2))


def test_audit_tells_how_many_scripts_are_linted_so_far(big_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit.audit import audit

    monkeypatch.setattr(parallel, "_cpus", lambda: 2)  # (workers, as on a machine of several CPUs)
    labels: list[str] = []
    audit(big_pack, grammar="off", stage=labels.append)
    counts = [label for label in labels if label.startswith(f"Linting {SCRIPTS + 1} scripts: ")]
    assert counts and counts[-1] == f"Linting {SCRIPTS + 1} scripts: {SCRIPTS + 1} done"
