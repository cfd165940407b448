# Everything runs inside .venv, which the first target that needs it creates.
PYTHON_BOOT := $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(shell command -v python3.12 2>/dev/null))
VENV := .venv
PY := $(VENV)/bin/python
SPEC ?=

.PHONY: build test clean-venv

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON_BOOT)" || { echo "error: Python 3.12 not found (looked in ~/.pyenv/versions/3.12*/bin and PATH)"; exit 2; }
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

build: $(VENV)/.installed
	@test -n "$(SPEC)" || { echo "usage: make build SPEC=specs/<provider>.yaml"; exit 2; }
	$(PY) -m compiler build $(SPEC)

test: $(VENV)/.installed
	$(PY) -m pytest -q

clean-venv:
	rm -rf $(VENV)
