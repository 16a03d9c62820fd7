# The two commands a person needs: `make run` and `make test`. Both install
# whatever the machine is missing first.
SWIFT ?= swift
# The real consumers the export tests hand their files to.
TEST_PACKAGES ?= graphviz librsvg2-bin

.PHONY: deps test-deps build run test release

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
