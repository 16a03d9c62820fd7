# The two commands a person needs: `make run` and `make test`. Both install
# whatever the machine is missing first.
SWIFT ?= swift
TEST_PACKAGES ?=

.PHONY: deps test-deps build run test release bench

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run --skip-build plan run Samples/product-launch.plan

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

release: deps
	$(SWIFT) build -c release

# Release build, 10k and 100k generated goals, against lua5.4 and ledger on the
# same data (Benchmarks/README.md).
bench:
	@scripts/install-deps lua5.4 ledger time
	python3 Benchmarks/run.py
