# newsgraph: the two commands a newcomer needs are `make run` and `make test`.
GO      ?= go
DB      ?= bolt:./newsgraph.db
ADDR    ?= 127.0.0.1:64210
BIN     := bin/newsgraph
SHARED  ?= ../shared

.PHONY: all build run test vet fmt-check bench fuzz eval eval-seeds clean

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

# Benchmarks with units (words/s, quads/s, ...); see BENCHMARKS.md.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./...

# A short fuzz run of every fuzz target.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime 10s -fuzzminimizetime 1s $$pkg || exit 1; \
	  done; \
	done

# Extraction quality on the bundled articles and their gold.
eval: build
	$(BIN) eval

# Extraction quality on the shared sample articles (needs ../shared).
eval-seeds: build
	$(BIN) extract $(SHARED)/seeds > /tmp/newsgraph-seeds.nq
	python3 $(SHARED)/eval/score.py $(SHARED)/eval/seeds-gold.jsonl /tmp/newsgraph-seeds.nq

clean:
	rm -rf bin newsgraph.db
