# newsgraph: the two commands a newcomer needs are `make run` and `make test`.
GO      ?= go
DB      ?= bolt:./newsgraph.db
ADDR    ?= 127.0.0.1:64210
BIN     := bin/newsgraph
SHARED  ?= ../shared

.PHONY: all build run test vet fmt-check bench bench-big bench-scale cayley postgres fuzz eval eval-seeds docs clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/newsgraph

# Build the graph from the bundled sample articles into the embedded bolt
# store, then serve the Cayley console on $(ADDR).
run: build
	$(BIN) build --db $(DB) data/articles
	$(BIN) stats --db $(DB)
	$(BIN) serve --db $(DB) --addr $(ADDR)

# Everything CI checks: formatting, vet, and the tests (the browser and
# PostgreSQL tests included; see .ci/run for what they need).
test: fmt-check vet
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Benchmarks with units (words/s, articles/s, quads/s, ms/query, peak-MB);
# see BENCHMARKS.md. The default sizes finish in a few minutes; the
# variables below (or bench-big / bench-scale) choose larger ones.
# Generated inputs and stores are kept in BENCH_DIR between runs.
BENCH_DIR      ?= $(or $(TMPDIR),/tmp)/newsgraph-bench
BENCH_ARTICLES ?= 400
BENCH_SIZES    ?= 1000
BENCH_QUERY_QUADS  ?= 1000000
BENCH_IMPORT_QUADS ?= 500000
# The build benchmark's backends, e.g. pebble (empty: bolt, and PostgreSQL
# when NEWSGRAPH_TEST_POSTGRES is set).
BENCH_STORES   ?=
BENCH_ENV = NEWSGRAPH_BENCH_DIR=$(BENCH_DIR) NEWSGRAPH_BENCH_ARTICLES=$(BENCH_ARTICLES) \
	NEWSGRAPH_BENCH_SIZES=$(BENCH_SIZES) NEWSGRAPH_BENCH_QUERY_QUADS=$(BENCH_QUERY_QUADS) \
	NEWSGRAPH_BENCH_IMPORT_QUADS=$(BENCH_IMPORT_QUADS)

bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x $$($(GO) list ./... | grep -v /bench$$)
	$(BENCH_ENV) CAYLEY=$$(bash bench/cayley.sh $(BENCH_DIR)) \
	  $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 3h ./bench/

# The sizes of BENCHMARKS.md's tables (an hour or more).
bench-big:
	$(MAKE) bench BENCH_ARTICLES=4000 BENCH_IMPORT_QUADS=2000000

# Build time and peak memory as the input grows: 1k, 10k and 100k articles.
bench-scale:
	$(BENCH_ENV) NEWSGRAPH_BENCH_SIZES=1000,10000,100000 NEWSGRAPH_BENCH_STORES=$(BENCH_STORES) \
	  $(GO) test -run '^$$' -bench 'Build$$' -benchtime 1x -timeout 6h ./bench/

# `cayley` built from the pinned module in a temporary folder (for
# comparing `newsgraph import` with `cayley load`).
cayley:
	@bash bench/cayley.sh $(BENCH_DIR)

# A local PostgreSQL server for the PostgreSQL tests (Debian's package, on
# 127.0.0.1): prints the URL to export as NEWSGRAPH_TEST_POSTGRES.
postgres:
	@bash .ci/postgres

# A short fuzz run of every fuzz target (FUZZTIME each).
FUZZTIME ?= 10s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 1s $$pkg || exit 1; \
	  done; \
	done

# Extraction quality on the bundled articles and their gold.
eval: build
	$(BIN) eval

# Extraction quality on the shared sample articles (needs ../shared).
eval-seeds: build
	$(BIN) extract $(SHARED)/seeds > /tmp/newsgraph-seeds.nq
	python3 $(SHARED)/eval/score.py $(SHARED)/eval/seeds-gold.jsonl /tmp/newsgraph-seeds.nq

# Regenerate the README's generated sections: the sample graph's counts, the
# cookbook (with the results of each recipe over the sample graph) and the
# vocabulary table.
docs: build
	d=$$(mktemp -d) && $(BIN) build --db bolt:$$d/newsgraph.db data/articles >/dev/null && \
	  { echo '```'; $(BIN) stats --db bolt:$$d/newsgraph.db | sed "s|bolt:$$d/|bolt:./|"; echo '```'; } | \
	  $(GO) run ./internal/readme stats; rm -rf $$d
	$(GO) run ./internal/cookbook | $(GO) run ./internal/readme cookbook
	$(GO) run ./internal/vocabdoc | $(GO) run ./internal/readme vocabulary

clean:
	rm -rf bin newsgraph.db
