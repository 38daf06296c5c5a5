# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
STAMP := $(VENV)/.installed

.PHONY: run serve-workers test lint db-stop clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

## Start the app on http://127.0.0.1:$(PORT) (embedded database with demo data, or DATABASE_URL).
run: $(STAMP)
	$(BIN)/python -m leokop serve --port $(PORT)

## N app processes behind HAProxy on http://127.0.0.1:$(PORT) (needs `apt-get install haproxy`; docs/deployment.md).
N ?= 2
serve-workers: $(STAMP)
	$(BIN)/python -m leokop serve --workers $(N) --port $(PORT)

## Run the whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

db-stop: $(STAMP)
	$(BIN)/python -m leokop db stop

clean:
	[ ! -x $(BIN)/python ] || $(BIN)/python -m leokop db stop
	rm -rf .leokop $(VENV)
