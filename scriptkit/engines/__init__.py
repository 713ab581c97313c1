"""Adapters for external engines (textstat, LanguageTool): the only modules that import them."""

from __future__ import annotations

from collections.abc import Callable

#: Called with a line saying what takes a while (assembling LanguageTool, starting its server):
#: ``(message, once)``, where ``once`` marks a step done once per machine. The CLI prints these on
#: stderr; a library caller may set its own. None: silent.
on_progress: Callable[[str, bool], None] | None = None
