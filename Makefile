# papergraph — the two everyday commands are `make demo` and `make test`.
# Both install missing system packages first (Debian/Ubuntu, via apt-get).

SWIFT        ?= swift
APT_PACKAGES := libxml2-dev libgraphviz-dev graphviz libsqlite3-dev zlib1g-dev pkg-config python3-pip
# Python packages the interoperability tests load our output into.
PIP_PACKAGES := networkx kuzu rdflib igraph
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN          := .build/release/papergraph

.PHONY: demo test deps pydeps build release bench fuzz clean

## Build the graph of the bundled sample corpus into output/ (GraphML, DOT, SVG, store).
demo: deps release
	$(BIN) build

## Run the whole test suite (unit, end-to-end and interoperability tests).
test: deps pydeps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product papergraph

## Install missing apt packages (only those not installed yet).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Install the Python packages the interoperability tests use, if missing.
pydeps:
	@python3 -c "import networkx, kuzu, rdflib, igraph" 2>/dev/null || \
	  python3 -m pip install -q $(PIP_PACKAGES) || \
	  python3 -m pip install -q --break-system-packages $(PIP_PACKAGES)

## Benchmark against the Python peer: `make bench SIZES="10000 100000 1000000"` for the full run.
## Needs ../shared/bench (corpus generator and peer), present on dev machines and CI only.
SIZES      ?= 10000 100000
BENCH_DIR  := .build-bench-data
BENCH_KIT  := ../shared/bench
bench: deps pydeps
	@if [ ! -f $(BENCH_KIT)/gen_corpus.py ] || [ ! -f $(BENCH_KIT)/peer_pipeline.py ]; then \
	  echo "make bench: $(BENCH_KIT)/gen_corpus.py and peer_pipeline.py are missing." >&2; \
	  echo "  The benchmark kit (corpus generator and Python peer) ships beside the repository on" >&2; \
	  echo "  development machines and CI only; it is not part of a clone. See README, Performance." >&2; \
	  exit 1; fi
	@python3 -c "import ahocorasick, networkx, kuzu" 2>/dev/null || \
	  python3 -m pip install -q pyahocorasick networkx kuzu || \
	  python3 -m pip install -q --break-system-packages pyahocorasick networkx kuzu
	$(SWIFT) build -c release --product papergraph-bench
	@mkdir -p $(BENCH_DIR) output
	@for n in $(SIZES); do \
	  f=$(BENCH_DIR)/corpus-$$n.jsonl; \
	  [ -s $$f ] || { python3 $(BENCH_KIT)/gen_corpus.py -n $$n --format jsonl -o $$f.part -j 2 && mv $$f.part $$f; } || exit 1; \
	done
	.build/release/papergraph-bench --peer $(BENCH_KIT)/peer_pipeline.py --work $(BENCH_DIR) \
	  --markdown output/bench.md $(foreach n,$(SIZES),$(BENCH_DIR)/corpus-$(n).jsonl)

clean:
	rm -rf .build output/*.graphml output/*.dot output/*.svg output/*.sqlite*
