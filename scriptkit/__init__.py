"""scriptkit: empathetic customer-support scripts and helpdesk macros as structured, tested source.

The public API, in the order data flows: load a pack, render its scripts to Messages,
judge them, export them; import a helpdesk's library, audit it; keep a baseline of accepted findings.

``scriptkit.audit`` is the module of the audit (``import scriptkit.audit`` and ``from scriptkit.audit
import ...`` keep working); the function is ``audit_library``, as reading a library is ``import_library``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (what a type checker and the API page read; at run time each name is imported when first used)
    from scriptkit.audit import AuditReport, MacroAudit, audit_library
    from scriptkit.baseline import BaselineComparison, compare_baseline, record_baseline
    from scriptkit.caches import clear_caches
    from scriptkit.config import LintConfig, load_config
    from scriptkit.diagnostics import Diagnostic, Edit, Fix, Location, Severity
    from scriptkit.errors import (
        ConfigError,
        EngineUnavailable,
        ErrorGroup,
        ImportFormatError,
        PackError,
        ScriptkitError,
        TemplateSecurityError,
    )
    from scriptkit.exporting import ExportFiles, ExportRefused, ExportResult, export, export_files
    from scriptkit.fixing import apply_fixes
    from scriptkit.importers import Library, Wording, import_library
    from scriptkit.linting import LintResult, SentenceNote, lint_pack, lint_text, warm
    from scriptkit.loading import load_pack
    from scriptkit.message import AgentNote, Blank, Message, Placeholder, Segment, Text
    from scriptkit.models import ChannelText, Flexibility, Pack, PackMeta, Script
    from scriptkit.placeholders import Catalogue, PlaceholderSpec
    from scriptkit.rendering import render_pack, render_script
    from scriptkit.templates import template_dir
    from scriptkit.transcript import Turn

__version__ = "0.1.0"

# Where each public name lives. `import scriptkit` imports none of these modules (Jinja, pydantic
# and the YAML readers took most of a second and 30 MB): a helpdesk sidebar or a CI step that
# imports scriptkit to review one reply pays only for what that reply needs.
_HOME: dict[str, str] = {
    **dict.fromkeys(("AuditReport", "MacroAudit", "audit_library"), "scriptkit.audit"),
    **dict.fromkeys(("BaselineComparison", "compare_baseline", "record_baseline"), "scriptkit.baseline"),
    "clear_caches": "scriptkit.caches",
    **dict.fromkeys(("LintConfig", "load_config"), "scriptkit.config"),
    **dict.fromkeys(("Diagnostic", "Edit", "Fix", "Location", "Severity"), "scriptkit.diagnostics"),
    **dict.fromkeys(("ConfigError", "EngineUnavailable", "ErrorGroup", "ImportFormatError", "PackError",
                     "ScriptkitError", "TemplateSecurityError"), "scriptkit.errors"),
    **dict.fromkeys(("ExportFiles", "ExportRefused", "ExportResult", "export", "export_files"),
                     "scriptkit.exporting"),
    "apply_fixes": "scriptkit.fixing",
    **dict.fromkeys(("Library", "Wording", "import_library"), "scriptkit.importers"),
    **dict.fromkeys(("LintResult", "SentenceNote", "lint_pack", "lint_text", "warm"), "scriptkit.linting"),
    "load_pack": "scriptkit.loading",
    **dict.fromkeys(("AgentNote", "Blank", "Message", "Placeholder", "Segment", "Text"), "scriptkit.message"),
    **dict.fromkeys(("ChannelText", "Flexibility", "Pack", "PackMeta", "Script"), "scriptkit.models"),
    **dict.fromkeys(("Catalogue", "PlaceholderSpec"), "scriptkit.placeholders"),
    **dict.fromkeys(("render_pack", "render_script"), "scriptkit.rendering"),
    "template_dir": "scriptkit.templates",
    "Turn": "scriptkit.transcript",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        if not name.startswith("_"):  # a submodule (scriptkit.errors), reachable so when all was imported up front
            try:
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
        raise AttributeError(f"module 'scriptkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # (the next use is a plain attribute)
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AgentNote",
    "AuditReport",
    "BaselineComparison",
    "Blank",
    "Catalogue",
    "ChannelText",
    "ConfigError",
    "Diagnostic",
    "Edit",
    "EngineUnavailable",
    "ErrorGroup",
    "ExportFiles",
    "ExportRefused",
    "ExportResult",
    "Fix",
    "Flexibility",
    "ImportFormatError",
    "Library",
    "LintConfig",
    "LintResult",
    "Location",
    "MacroAudit",
    "Message",
    "Pack",
    "PackError",
    "PackMeta",
    "Placeholder",
    "PlaceholderSpec",
    "Script",
    "ScriptkitError",
    "Segment",
    "SentenceNote",
    "Severity",
    "TemplateSecurityError",
    "Text",
    "Turn",
    "Wording",
    "__version__",
    "apply_fixes",
    "audit_library",
    "clear_caches",
    "compare_baseline",
    "export",
    "export_files",
    "import_library",
    "lint_pack",
    "lint_text",
    "load_config",
    "load_pack",
    "record_baseline",
    "render_pack",
    "render_script",
    "template_dir",
    "warm",
]
