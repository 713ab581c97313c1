"""The curated public API: what `import scriptkit` gives a Python caller, as docs/python shows it."""

from __future__ import annotations

import inspect

import pytest

import scriptkit
import scriptkit.errors

# Public names whose docstring is still the one dataclasses or typing write ("Name(field: ...)"),
# each owned by another module's author: shrink this set as they get their own.
NOT_YET_DOCUMENTED = {"ExportResult", "Flexibility", "LintResult", "PackMeta", "PlaceholderSpec", "Script",
                      "Segment", "Text"}


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


def _own_docstring(value: object) -> str:
    doc = getattr(value, "__doc__", None) or ""
    name = getattr(value, "__name__", "")
    if inspect.isclass(value) and doc.startswith(f"{name}("):  # written by @dataclass
        return ""
    if doc.startswith("Represent a PEP 604 union type"):  # a type alias: typing's docstring
        return ""
    return doc.strip()


def test_every_public_name_has_its_own_docstring_for_the_api_page() -> None:
    undocumented = {name for name in scriptkit.__all__
                    if name != "__version__" and not _own_docstring(getattr(scriptkit, name))}
    assert undocumented == NOT_YET_DOCUMENTED
