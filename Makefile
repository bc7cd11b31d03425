# Two commands on a fresh Debian machine: `make start` and `make test`.
# Everything they need is installed here, never by hand.

SWIFT      ?= swift
BUILD_DIR  ?= .build
PREFLIGHT  := $(BUILD_DIR)/debug/preflight
# pkg-config name : Debian package : Homebrew formula
SYSTEM_LIBS := libcmark:libcmark-dev:cmark sqlite3:libsqlite3-dev:sqlite
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: start test test-deps build deps lint check bench bench-deps bench-peers dist clean

start: build
	@$(PREFLIGHT)

test: build test-deps
	$(SWIFT) test --build-path $(BUILD_DIR) --parallel
	$(PREFLIGHT) lint --course lessons
	$(PREFLIGHT) check --course lessons --no-cache
	$(PREFLIGHT) exercise verify --course lessons

build: deps
	$(SWIFT) build --build-path $(BUILD_DIR)

# Python packages the tests compare against, in a virtual environment of their own (ignored by
# git): py-fsrs, the reference FSRS scheduler (PyPI name `fsrs`), pinned to the release whose
# behaviour Sources/PreflightGrading/FSRS.swift follows.
TEST_VENV := .venv-test
FSRS_REFERENCE := fsrs==6.3.2

test-deps: $(TEST_VENV)/.installed

$(TEST_VENV)/.installed: Makefile | deps
	rm -rf $(TEST_VENV)
	python3 -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(FSRS_REFERENCE)
	touch $@

# Installs the C libraries SwiftPM links, python3 (the examples and their host, with venv for
# the test tools) and bubblewrap (the examples' sandbox) when they are missing. apt-get needs
# one `apt-get update` on a fresh machine before it can install.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	for entry in $(SYSTEM_LIBS); do \
	  pc=$${entry%%:*}; rest=$${entry#*:}; deb=$${rest%%:*}; \
	  pkg-config --exists $$pc 2>/dev/null || missing="$$missing $$deb"; \
	done; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	command -v bwrap >/dev/null 2>&1 || missing="$$missing bubblewrap"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing:$$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	  elif command -v brew >/dev/null 2>&1; then \
	    brew install cmark sqlite pkg-config python3; \
	  else \
	    echo "Please install:$$missing (libcmark, SQLite headers, pkg-config, python3, bubblewrap)"; exit 1; \
	  fi; \
	fi

lint: build
	$(PREFLIGHT) lint --course lessons

# Speed targets live here, not in unit tests; figures go to docs/benchmarks.md. The course
# benchmark compares lint with the `cmark` program on the same bytes and reads peak memory with
# GNU time's /usr/bin/time.
bench: bench-deps
	$(SWIFT) build -c release --build-path $(BUILD_DIR)
	python3 bench/check_bench.py --binary $(BUILD_DIR)/release/preflight
	python3 bench/course_bench.py --binary $(BUILD_DIR)/release/preflight

bench-deps: deps
	@missing=""; \
	command -v cmark >/dev/null 2>&1 || missing="cmark"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing:$$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Please install:$$missing (the cmark program, and GNU time as /usr/bin/time)"; exit 1; \
	  fi; \
	fi

# Warm and cold runners against phmdoctest, pytest-codeblocks, sybil and byexample (installed
# from PyPI into bench/out/venv on first use), and a 5,000-example corpus.
bench-peers: deps
	$(SWIFT) build -c release --build-path $(BUILD_DIR)
	python3 bench/peers_bench.py --binary $(BUILD_DIR)/release/preflight

# The self-contained release: dist/preflight-<version>-linux-<arch>.tar.gz (see tools/dist.sh).
dist: deps
	SWIFT=$(SWIFT) sh tools/dist.sh

clean:
	rm -rf $(BUILD_DIR) .build-dist dist
