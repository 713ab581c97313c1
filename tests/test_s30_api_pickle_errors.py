"""Errors raised in a worker process reach the parent whole: they round-trip through pickle."""
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import scriptkit
from scriptkit.errors import ErrorGroup
from scriptkit.exporting import ExportRefused

_TWO_UNKNOWN_NAMES = (
    "id: x\ntitle: X\nacknowledgment: Hi {{ customer.frist_name }}\n"
    "solution: I have refunded it within {{ refund_dayz }} days.\n"
)
_REFUSED = (
    "id: y\ntitle: Y\nacknowledgment: Calm down, it is not our fault.\n"
    "solution: Please be advised that we cannot do anything. Per our policy you are not eligible.\n"
)


def _round_trip(error: Exception) -> Exception:
    return pickle.loads(pickle.dumps(error))


def test_an_error_group_round_trips_with_messages_locations_and_hints(make_pack):
    with pytest.raises(ErrorGroup) as raised:
        scriptkit.load_pack(make_pack({"x.yaml": _TWO_UNKNOWN_NAMES}))
    group = raised.value
    copy = _round_trip(group)
    assert type(copy) is ErrorGroup and str(copy) == str(group)
    assert [(e.message, e.location, e.hint, type(e)) for e in copy.errors] == [
        (e.message, e.location, e.hint, type(e)) for e in group.errors]
    assert len(copy.errors) == 2 and all(e.location and e.hint for e in copy.errors)


def test_a_refused_export_round_trips_with_its_findings(make_pack, tmp_path):
    with pytest.raises(ExportRefused) as raised:
        scriptkit.export(make_pack({"y.yaml": _REFUSED}), ["freshdesk"], tmp_path / "out")
    refused = raised.value
    copy = _round_trip(refused)
    assert type(copy) is ExportRefused and str(copy) == str(refused)
    assert copy.diagnostics == refused.diagnostics and copy.errors and copy.hint == refused.hint


def test_a_subclass_with_its_own_arguments_round_trips():
    from scriptkit.errors import PackError
    from scriptkit.fixing import FixesNotWritten

    error = FixesNotWritten([PackError("b"), PackError("a")], written=3)
    copy = _round_trip(error)
    assert (str(copy), copy.written, type(copy)) == (str(error), 3, FixesNotWritten)


def test_a_worker_process_raises_the_group_in_the_parent(make_pack):
    pack = make_pack({"x.yaml": _TWO_UNKNOWN_NAMES})
    with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(ErrorGroup) as raised:
        pool.submit(scriptkit.load_pack, pack).result(timeout=120)
    assert len(raised.value.errors) == 2
    assert "frist_name" in str(raised.value) and "refund_dayz" in str(raised.value)
