# Two commands on a fresh Debian machine: `make start` and `make test`.
# Everything they need is installed here, never by hand.

SWIFT      ?= swift
BUILD_DIR  ?= .build
PREFLIGHT  := $(BUILD_DIR)/debug/preflight
# pkg-config name : Debian package : Homebrew formula (libxml2: FoundationXML, which the tests
# parse Moodle XML exports with)
SYSTEM_LIBS := libcmark:libcmark-dev:cmark sqlite3:libsqlite3-dev:sqlite libxml-2.0:libxml2-dev:libxml2
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: start test test-deps build deps lint check bench bench-deps bench-peers dist clean site site-deps browser-deps test-browser screenshots bench-site

start: build
	@$(PREFLIGHT)

# The course's own checks keep their progress database (and course index) in the build folder,
# apart from the developer's learning record.
TEST_STATE := --state $(BUILD_DIR)/test-state/progress.sqlite

test: build test-deps
	$(SWIFT) test --build-path $(BUILD_DIR) --parallel
	$(PREFLIGHT) lint --course lessons $(TEST_STATE)
	$(PREFLIGHT) check --course lessons --no-cache $(TEST_STATE)
	$(PREFLIGHT) exercise verify --course lessons $(TEST_STATE)
	$(MAKE) test-browser

build: deps
	$(SWIFT) build --build-path $(BUILD_DIR)

# Python packages the tests compare against, in a virtual environment of their own (ignored by
# git): py-fsrs, the reference FSRS scheduler (PyPI name `fsrs`), pinned to the release whose
# behaviour Sources/PreflightGrading/FSRS.swift follows.
TEST_VENV := .venv-test
FSRS_REFERENCE := fsrs==6.3.2
# The Learning Record Store the learning-record tests send statements to: Ralph (PyPI
# `ralph-malph`) with its command line (`ralph auth`) and its LRS server; its `lrs` extra
# imports requests without declaring it. Tests/LRS/ralph_lrs.py starts it.
RALPH_VENV := .venv-ralph
RALPH_LRS := ralph-malph[cli,lrs]==5.1.0 requests==2.34.2

test-deps: $(TEST_VENV)/.installed $(RALPH_VENV)/.installed

$(TEST_VENV)/.installed: Makefile | deps
	rm -rf $(TEST_VENV)
	python3 -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(FSRS_REFERENCE)
	touch $@

$(RALPH_VENV)/.installed: Makefile | deps
	rm -rf $(RALPH_VENV)
	python3 -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(foreach p,$(RALPH_LRS),"$(p)")
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

# The course as a website (`preflight export html`). Code is highlighted with Debian's
# libjs-highlight.js, copied into the site; without it the site is written unhighlighted.
HIGHLIGHT_JS := /usr/share/javascript/highlight.js/highlight.min.js
BROWSER_VENV := .venv-browser

site-deps:
	@[ -f $(HIGHLIGHT_JS) ] || { echo "Installing: libjs-highlight.js"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjs-highlight.js >/dev/null; }

site: build site-deps
	$(PREFLIGHT) export html site --course lessons

# The website's tests run in a real browser: Debian's chromium and chromedriver, Selenium and
# axe-core (axe-selenium-python) from PyPI in $(BROWSER_VENV).
browser-deps: site-deps
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	python3 -c 'import ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@[ -x $(BROWSER_VENV)/bin/python ] || python3 -m venv $(BROWSER_VENV)
	@$(BROWSER_VENV)/bin/python -c 'import selenium, axe_selenium_python' 2>/dev/null || \
	  $(BROWSER_VENV)/bin/python -m pip install -q "selenium==4.51.0" "axe-selenium-python==2.1.6"

# Screenshots and axe-core reports land in $(BUILD_DIR)/site-artifacts/.
test-browser: build browser-deps
	$(BROWSER_VENV)/bin/python Tests/Browser/test_site.py --binary $(PREFLIGHT)

# Rewrites the README's two screenshots (docs/site-lesson.png, docs/site-quiz.png).
screenshots: build browser-deps
	PREFLIGHT_UPDATE_SCREENSHOTS=1 $(BROWSER_VENV)/bin/python Tests/Browser/test_site.py --binary $(PREFLIGHT) \
	  ShippedCourseTests.test_axe_and_screenshots_of_the_shipped_course

# Export time and size for the shipped course and a 1,008-lesson course; figures go to
# docs/benchmarks.md.
bench-site: deps site-deps
	$(SWIFT) build -c release --build-path $(BUILD_DIR)
	python3 bench/site_bench.py --binary $(BUILD_DIR)/release/preflight
