# papergraph — the two everyday commands are `make demo` and `make test`.
# Both install missing system packages first (Debian/Ubuntu, via apt-get).

SWIFT        ?= swift
APT_PACKAGES := libxml2-dev libgraphviz-dev graphviz libsqlite3-dev zlib1g-dev pkg-config python3-pip chromium
# Python packages the interoperability tests load our output into.
PIP_PACKAGES := networkx kuzu rdflib igraph
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN          := .build/release/papergraph
# `make fuzz`: seconds per harness, and the harnesses (FuzzHarness cases) to run.
FUZZ_SECONDS ?= 60
# Longer inputs (the larger fixtures) are cut to this: short inputs run many times faster.
FUZZ_MAX_LEN ?= 8192
FUZZ_TARGETS ?= listing atom oaipmh jsonl html graphml sniffed extractor query ontology
FUZZ_DIR     := .build-fuzz
FUZZ_BIN     := $(FUZZ_DIR)/debug/papergraph-fuzz

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

## Fuzz every parser with libFuzzer + AddressSanitizer, FUZZ_SECONDS each, seeded
## from the test fixtures. Corpora grow in $(FUZZ_DIR)/corpus/<harness>; crashing
## inputs land in $(FUZZ_DIR)/crashes/<harness>/. Fails if any harness crashed.
fuzz:
	PAPERGRAPH_FUZZ=1 $(SWIFT) build --scratch-path $(FUZZ_DIR) -Xswiftc -sanitize=fuzzer,address \
	  -Xswiftc -use-ld=lld --product papergraph-fuzz
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t $(FUZZ_DIR)/crashes/$$t; \
	  PAPERGRAPH_FUZZ_TARGET=$$t PAPERGRAPH_FUZZ_WRITE_SEEDS=$(FUZZ_DIR)/seeds/$$t $(FUZZ_BIN) || exit 1; \
	  echo "== fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no PAPERGRAPH_FUZZ_TARGET=$$t $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=$(FUZZ_MAX_LEN) -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_DIR)/crashes/$$t/ $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t \
	    > $(FUZZ_DIR)/$$t.log 2>&1 || failed="$$failed $$t"; \
	  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" $(FUZZ_DIR)/$$t.log || true; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: crashes in:$$failed (see $(FUZZ_DIR)/crashes/ and $(FUZZ_DIR)/<harness>.log)"; exit 1; fi

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
