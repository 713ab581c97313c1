"""scriptkit: empathetic customer-support scripts and helpdesk macros as structured, tested source.

The public API, in the order data flows: load a pack, render its scripts to Messages,
judge them, export them.
"""

from __future__ import annotations

from scriptkit.config import LintConfig
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
from scriptkit.exporting import ExportRefused, ExportResult, export
from scriptkit.importers import Library, import_library
from scriptkit.linting import LintResult, lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.message import AgentNote, Blank, Message, Placeholder, Segment, Text
from scriptkit.models import ChannelText, Flexibility, Pack, PackMeta, Script
from scriptkit.placeholders import Catalogue, PlaceholderSpec
from scriptkit.rendering import render_pack, render_script
from scriptkit.templates import template_dir

__version__ = "0.1.0"

__all__ = [
    "AgentNote",
    "Blank",
    "Catalogue",
    "ChannelText",
    "ConfigError",
    "Diagnostic",
    "Edit",
    "EngineUnavailable",
    "ErrorGroup",
    "ExportRefused",
    "ExportResult",
    "Fix",
    "Flexibility",
    "ImportFormatError",
    "Library",
    "LintConfig",
    "LintResult",
    "Location",
    "Message",
    "Pack",
    "PackError",
    "PackMeta",
    "Placeholder",
    "PlaceholderSpec",
    "Script",
    "ScriptkitError",
    "Segment",
    "Severity",
    "TemplateSecurityError",
    "Text",
    "__version__",
    "export",
    "import_library",
    "lint_pack",
    "lint_text",
    "load_pack",
    "render_pack",
    "render_script",
    "template_dir",
]
