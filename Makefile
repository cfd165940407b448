# Everything runs inside .venv, which the first target that needs it creates. Bytecode is cached even where
# the environment says not to (PYTHONDONTWRITEBYTECODE): pytest then keeps its rewritten test modules, and a
# second make quick skips recompiling them in every worker (38 s -> 31 s here).
unexport PYTHONDONTWRITEBYTECODE
PYTHON_BOOT := $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(shell command -v python3.12 2>/dev/null))
VENV := .venv
PY := $(VENV)/bin/python
SPEC ?=

.PHONY: sync-check build check diff schema new package preflight debug export-maibot quick test catalogue-test bench-smoke install-test lint bench clean-venv

# Compiling needs only the compiler's own dependencies; the tests add the SDKs and hosts. -qq: errors only
# (pip 26 passes on setuptools' notes about editable installs even under --quiet).
$(VENV)/.compiler: pyproject.toml
	@test -n "$(PYTHON_BOOT)" || { echo "error: Python 3.12 not found (looked in ~/.pyenv/versions/3.12*/bin and PATH)"; exit 2; }
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install -qq --upgrade pip
	$(PY) -m pip install -qq -e .
	@touch $@

$(VENV)/.installed: $(VENV)/.compiler
	$(PY) -m pip install -qq -e '.[test]'
	@touch $@

# SPEC may name one or more specs; without it every spec in specs/ is used.
build: $(VENV)/.compiler
	$(PY) -m compiler build $(SPEC)

# Regenerate in memory and compare with generated/ (and specs/spec.schema.json); exit 1 on drift.
check: $(VENV)/.compiler
	$(PY) -m compiler check $(SPEC)

diff: $(VENV)/.compiler
	$(PY) -m compiler diff $(SPEC)

schema: $(VENV)/.compiler
	$(PY) -m compiler schema

# A .difypkg per Dify plugin in dist/ (identities printed) after the Marketplace pre-flight, with the
# PR text beside each; KEY=<private.pem> signs them (NAME-VERSION.signed.difypkg instead). The pre-flight
# starts each plugin in a venv made once from its requirements.txt (from the package index) under
# ~/.cache/provider-compiler.
package: $(VENV)/.compiler
	$(PY) -m compiler package $(SPEC) $(if $(KEY),--key $(KEY))

preflight: $(VENV)/.compiler
	$(PY) -m compiler preflight $(SPEC)

# Run one spec's Dify plugin against a Dify instance, REMOTE_INSTALL_* from the environment or ./.env.
debug: $(VENV)/.compiler
	@test -n "$(SPEC)" || { echo "usage: make debug SPEC=specs/<provider>.yaml"; exit 2; }
	$(PY) -m compiler debug $(SPEC)

# One spec's MaiBot plugin as a repository of its own in DIR, ready to push and tag.
export-maibot: $(VENV)/.compiler
	@test -n "$(SPEC)" -a -n "$(DIR)" || { echo "usage: make export-maibot SPEC=specs/<provider>.yaml DIR=<folder>"; exit 2; }
	$(PY) -m compiler export-maibot $(SPEC) $(DIR)

new: $(VENV)/.compiler
	@test -n "$(NAME)" || { echo "usage: make new NAME=<provider>"; exit 2; }
	$(PY) -m compiler new $(NAME)

# Every spec that follows a catalogue against its recorded snapshot (specs/catalogues/); CI runs it.
sync-check: $(VENV)/.compiler
	$(PY) scripts/sync_check.py

# Benchmarks (about six minutes on 2 cores); the table also goes to bench/RESULTS.md.
bench: $(VENV)/.installed
	$(PY) bench/run.py --out bench/RESULTS.md

# The edit loop: unit, runtime, golden and bad-spec tests, no plugin process (tests marked slow, such
# as whole-catalogue builds and the property test, wait for `make test`).
quick: $(VENV)/.installed
	$(PY) -m pytest -q -n 2 -m "not install and not slow and not bench and not catalogue" tests/unit tests/runtime tests/golden

# Everything but installing and the benchmarks. Three workers on two cores: the conformance suite
# mostly waits on plugin processes. `--dist loadgroup` (pyproject.toml) runs each spec's checks on one
# worker, so its Dify plugin and MaiBot host start once; `pytest` alone runs serially.
# The conformance suite runs over the fewest specs that have every protocol, kind and quirk it checks
# (CONFORMANCE_SPECS=cover, tests/conformance/cover.txt: 13 of the 83 specs and two protocol views today; make
# test takes about 2:40);
# CI runs it over every spec (.ci/run: CONFORMANCE_SPECS=all).
CONFORMANCE_SPECS ?= cover
test: $(VENV)/.installed
	CONFORMANCE_SPECS=$(CONFORMANCE_SPECS) $(PY) -m pytest -q -n 3 -m "not install and not bench and not catalogue"

# What make test samples, whole: every models.dev provider of the recorded snapshot imported and built
# (make test builds the first of each protocol), and the largest shipped specs' import round trips.
# CI runs it (.ci/run).
catalogue-test: $(VENV)/.installed
	$(PY) -m pytest -q -n 3 -m catalogue

# bench/run.py --quick end to end (about a minute), so the benchmarks cannot rot; CI runs it (.ci/run).
bench-smoke: $(VENV)/.installed
	$(PY) -m pytest -q -m bench tests/unit/test_bench_smoke.py

# The compiler installed as users install it (pip, non-editable) and its pre-commit hook, from another
# repository; it installs from the package index, so it runs in CI (.ci/run), not in `make test`.
install-test: $(VENV)/.installed
	$(PY) -m pytest -q -m install tests/install

# Hand-written Python (the compiler, the plugin runtime, the plain files in templates/, tests, benchmarks) as black formats it.
lint: $(VENV)/.installed
	$(PY) -m black --check --quiet compiler templates tests bench

clean-venv:
	rm -rf $(VENV)
