PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= storyweave.db

.PHONY: install run test lint bench bench-scale bench-serve clean

$(BIN)/storyweave: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/storyweave

install: $(BIN)/storyweave

run: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/storyweave --db $(DB) ingest samples/meantime samples/ecbplus
	$(BIN)/storyweave --db $(DB) stories

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy src

bench: install
	$(BIN)/storyweave bench --corpora ../shared/corpora

bench-scale: install
	$(BIN)/storyweave bench-scale --workdir bench-out/scale --sizes 10000,1000000

bench-serve: install
	$(BIN)/storyweave bench-serve --workdir bench-out/serve --articles 100000 --clients 20 --seconds 30

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
