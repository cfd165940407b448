# Everything runs inside .venv, which the first target that needs it creates.
PYTHON_BOOT := $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(shell command -v python3.12 2>/dev/null))
VENV := .venv
PY := $(VENV)/bin/python
SPEC ?=

.PHONY: build check diff schema new test lint bench clean-venv

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON_BOOT)" || { echo "error: Python 3.12 not found (looked in ~/.pyenv/versions/3.12*/bin and PATH)"; exit 2; }
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

# SPEC may name one or more specs; without it every spec in specs/ is used.
build: $(VENV)/.installed
	$(PY) -m compiler build $(SPEC)

# Regenerate in memory and compare with generated/ (and specs/spec.schema.json); exit 1 on drift.
check: $(VENV)/.installed
	$(PY) -m compiler check $(SPEC)

diff: $(VENV)/.installed
	$(PY) -m compiler diff $(SPEC)

schema: $(VENV)/.installed
	$(PY) -m compiler schema

new: $(VENV)/.installed
	@test -n "$(NAME)" || { echo "usage: make new NAME=<provider>"; exit 2; }
	$(PY) -m compiler new $(NAME)

# Benchmarks (about two minutes); the table also goes to bench/RESULTS.md.
bench: $(VENV)/.installed
	$(PY) bench/run.py --out bench/RESULTS.md

# Three workers on two cores: the integration suites mostly wait on plugin processes (each worker
# starts its own mock servers and plugins); `pytest` alone runs serially.
test: $(VENV)/.installed
	$(PY) -m pytest -q -n 3

# Hand-written Python (the compiler, the plugin runtime, the plain files in templates/, tests, benchmarks) as black formats it.
lint: $(VENV)/.installed
	$(PY) -m black --check --quiet compiler templates tests bench

clean-venv:
	rm -rf $(VENV)
