"""The curated public API: what `import scriptkit` gives a Python caller, as docs/python shows it."""

from __future__ import annotations

import dataclasses
import inspect
import types

import pytest

import scriptkit
import scriptkit.errors


def test_every_name_in_all_exists_and_all_is_sorted() -> None:
    assert scriptkit.__all__ == sorted(scriptkit.__all__)
    assert len(set(scriptkit.__all__)) == len(scriptkit.__all__)
    for name in scriptkit.__all__:
        assert hasattr(scriptkit, name), name


def test_every_error_a_public_function_raises_can_be_caught_from_scriptkit() -> None:
    # lint_text raises ConfigError (HTML with no text), import_library ImportFormatError, a grammar
    # server that stops answering EngineUnavailable: a caller writing `except scriptkit.ConfigError`
    # got an AttributeError
    errors = {name for name, value in vars(scriptkit.errors).items()
              if inspect.isclass(value) and issubclass(value, scriptkit.errors.ScriptkitError)}
    assert errors <= set(scriptkit.__all__), errors - set(scriptkit.__all__)
    with pytest.raises(scriptkit.ConfigError):
        scriptkit.lint_text("<p> </p>")


def _own_docstring(name: str, value: object) -> str:
    doc = getattr(value, "__doc__", None) or ""
    if inspect.isclass(value) and doc.startswith(f"{name}("):  # written by @dataclass
        return ""
    if isinstance(value, types.UnionType):  # a type alias: its runtime docstring is typing's, the
        # API page shows the string written under it, as griffe (mkdocstrings) reads the source
        griffe = pytest.importorskip("griffe", reason="the docs tools come with the dev extra")
        docstring = griffe.load("scriptkit")[name].docstring
        return str(docstring.value).strip() if docstring else ""
    return doc.strip()


def test_every_public_name_has_its_own_docstring_for_the_api_page() -> None:
    undocumented = {name for name in scriptkit.__all__
                    if name != "__version__" and not _own_docstring(name, getattr(scriptkit, name))}
    assert undocumented == set()


def test_a_dataclass_or_type_alias_without_a_docstring_of_its_own_counts_as_undocumented() -> None:
    # the check above must be able to fail: @dataclass writes "Name(field: type, ...)" as the
    # docstring of a class that has none, and a union alias carries typing's own
    @dataclasses.dataclass
    class Bare:
        field: int

    assert _own_docstring("Bare", Bare) == ""
    assert _own_docstring("Segment", scriptkit.Segment).startswith("One piece of a rendered message")
    assert "PEP 604" in (scriptkit.Segment.__doc__ or "")  # (what help() shows: not ours)
