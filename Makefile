# actualités → events. `make run` and `make test` work from a fresh clone (only Python >= 3.11 needed).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CORPUS ?= corpus
OUT    ?= outputs
GOLD   ?= tests/annotated
ARGS   ?=
EVAL_ARGS ?=

.PHONY: run test eval bench venv clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run --corpus $(CORPUS) --out $(OUT) $(ARGS)

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m pipeline.evaluate $(GOLD) $(EVAL_ARGS)

bench: $(STAMP)
	$(PY) -m pipeline.bench

clean:
	rm -rf $(OUT) $(VENV)
