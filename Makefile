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
ENGINE ?= local
RAY_ADDRESS ?=
BENCH_N ?= 200
BENCH_ARGS ?=
# The Ray extra (optional engine) is installed for the tests, and for runs with ENGINE=ray only.
RAY_STAMP := $(VENV)/.installed-ray
NEEDS_RAY := $(if $(filter ray,$(ENGINE)),$(RAY_STAMP))

.PHONY: run test eval bench venv clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(RAY_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,ray]'
	touch $(RAY_STAMP)

venv: $(STAMP)

run: $(STAMP) $(NEEDS_RAY)
	$(PY) -m pipeline run --corpus $(CORPUS) --out $(OUT) --engine $(ENGINE) $(if $(RAY_ADDRESS),--ray-address $(RAY_ADDRESS)) $(ARGS)

test: $(STAMP) $(RAY_STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m pipeline.evaluate $(GOLD) $(EVAL_ARGS)

bench: $(STAMP) $(NEEDS_RAY)
	$(PY) -m pipeline.bench --n $(BENCH_N) --engine $(ENGINE) $(BENCH_ARGS)

clean:
	rm -rf $(OUT) $(VENV)
