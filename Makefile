# Two set-up commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# make demo installs scriptkit alone (its own stamp); the dev tools come with the first target that
# needs them (lint, typecheck, unit, docs). A venv that has the dev tools serves the demo as it is.
USER_STAMP := $(VENV)/.installed-user-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_STAMP := $(if $(wildcard $(STAMP)),$(STAMP),$(USER_STAMP))

.PHONY: demo test lint typecheck unit bench clean languagetool docs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*; touch $@

$(USER_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	rm -f $(VENV)/.installed-*; touch $@

# The main job on the built-in starter pack: judge every script, show one reply, export it.
demo: $(DEMO_STAMP)
	$(BIN)/scriptkit check templates/starter
	$(BIN)/scriptkit render templates/starter --script late-delivery --channel email --preview
	$(BIN)/scriptkit export templates/starter --to zendesk --to playbook --out build/demo-export

lint: $(STAMP)
	$(BIN)/ruff check scriptkit tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# LanguageTool for the grammar tests, assembled once from Maven into .cache/ (needs Java 17+ and
# Maven; without them the grammar tests skip, except in CI where SCRIPTKIT_REQUIRE_EXTERNAL=1).
# LANGUAGES=de,fr adds those languages to English, Spanish, Catalan and Portuguese.
LANGUAGES ?=
languagetool: $(STAMP)
	$(BIN)/python tools/languagetool.py assemble --languages "$(LANGUAGES)" || test "$$SCRIPTKIT_REQUIRE_EXTERNAL" != 1

unit: $(STAMP) languagetool
	$(BIN)/python -m pytest -q

# The documentation site: every command it shows is run while it builds (docs/hooks.py).
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: lint typecheck unit docs

# Speed and agreement figures (not part of make test); those reading ../shared skip without it.
bench: $(STAMP) languagetool
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python -m benchmarks.throughput
	$(BIN)/python -m benchmarks.agreement
	$(BIN)/python -m benchmarks.corpus_audit
	$(BIN)/python -m benchmarks.language
	$(BIN)/python -m benchmarks.export
	$(BIN)/python -m benchmarks.vendor_schemas
	$(BIN)/python -m benchmarks.grammar
	$(BIN)/python -m benchmarks.startup

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
