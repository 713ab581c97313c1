"""ruamel.yaml, imported without changing the program's warnings filters.

ruamel.yaml adds 'once' filters for two of its warnings to the process's warnings filters as it is first
imported, and scriptkit leaves a program's filters as they were (the Python guide promises it): the ones it
added are taken out again, those alone, where ``catch_warnings`` would put back the whole list over another
thread's change. Every module that imports ruamel.yaml imports this module first.
"""

from __future__ import annotations

import warnings
from typing import Any, cast

try:
    _FILTERS_BEFORE = [*warnings.filters]
    from ruamel.yaml import YAML as YAML
finally:
    for _added in [f for f in warnings.filters if f not in _FILTERS_BEFORE
                   and str(getattr(f[2], "__module__", "")).startswith("ruamel.")]:
        cast(list[Any], warnings.filters).remove(_added)  # (typed as a Sequence: it is the list itself)
    getattr(warnings, "_filters_mutated", lambda: None)()  # (the warnings module's caches read them again)
