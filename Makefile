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

clean:
	rm -rf .build output/*.graphml output/*.dot output/*.svg output/*.sqlite*
