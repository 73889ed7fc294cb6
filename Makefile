# Two entry points for a fresh machine: `make ort` (the ORT suite and its exit report) and
# `make test` (the harness's own tests and the ORT suite). Both set up everything they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
PYTEST_ARGS ?= -n 2

.PHONY: ort test system-deps venv lint clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

system-deps:
	bash scripts/install-system-deps.sh

ort: venv system-deps
	$(BIN)/ort run --out $(OUT)

# pytest exits 5 when it collected nothing: treated as a failure, never as a pass.
test: venv system-deps lint
	$(BIN)/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$status

# Style, then the architecture (import-linter's layer and cycle contracts), then the types.
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis
