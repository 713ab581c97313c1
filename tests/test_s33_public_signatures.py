"""Every type a public function's signature names can be reached from `scriptkit`: import_library's
`wording: Wording` named a class a caller could only find in scriptkit.importers.common."""

from __future__ import annotations

import inspect
import sys
import typing

import scriptkit


def _scriptkit_classes(hint: object) -> set[type]:
    found: set[type] = set()
    todo = [hint]
    while todo:
        one = todo.pop()
        todo += typing.get_args(one)
        if inspect.isclass(one) and one.__module__.startswith("scriptkit"):
            found.add(one)
    return found


def test_every_class_a_public_signature_names_is_in_all() -> None:
    exported = {name: getattr(scriptkit, name) for name in scriptkit.__all__}
    public = {id(value) for value in exported.values()}
    hidden: list[str] = []
    for name in scriptkit.__all__:
        function = getattr(scriptkit, name)
        if not inspect.isfunction(function):
            continue
        # (names a module imports only for type checking are read as scriptkit exports them)
        names = {**exported, **vars(sys.modules[function.__module__])}
        for parameter, hint in typing.get_type_hints(function, globalns=names).items():
            hidden += [f"{name}({parameter}: {cls.__module__}.{cls.__qualname__})"
                       for cls in _scriptkit_classes(hint) if id(cls) not in public]
    assert hidden == []
