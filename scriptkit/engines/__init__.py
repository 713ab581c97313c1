"""Adapters for external engines (textstat, LanguageTool): the only modules that import them."""
