# Corridor — `make run` to serve, `make test` to test. See README.md.

CORRIDOR_DATA ?= ../shared/data
DATABASE      ?= corridor.sqlite
SWIFT         ?= swift
BIN           := .build/debug

export CORRIDOR_DATA

.PHONY: all build run test check-layers bench data clean

all: build

build:
	$(SWIFT) build

## Build, import $(CORRIDOR_DATA) into $(DATABASE) if it holds no reference data yet, then serve.
run: build
	@if ! $(BIN)/corridor-data status --database "$(DATABASE)" 2>/dev/null | grep -q '^release '; then \
		echo "importing reference data from $(CORRIDOR_DATA) into $(DATABASE)"; \
		$(BIN)/corridor-data import --from "$(CORRIDOR_DATA)" --database "$(DATABASE)" || exit 1; \
	fi
	@echo "issue an API key with: $(BIN)/corridord keys create --enterprise ID --role zone-admin --database $(DATABASE)"
	$(BIN)/corridord serve --database "$(DATABASE)"

## The dependency rule, then every test (plain `swift test`, so the closing summary is printed).
test: check-layers
	$(SWIFT) test

check-layers:
	@Scripts/check-layers

## Release-build measurements with their peers, written to .build/bench/ (see Docs/BENCHMARKS.md).
bench:
	@Benchmarks/run

## Download the reference files with a plain download into ./data and verify them (Docs/DATA.md).
data:
	@Scripts/fetch-data ./data

clean:
	$(SWIFT) package clean
	rm -rf .build .build-* .build_*
