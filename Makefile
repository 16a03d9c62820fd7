# The two commands a person needs: `make run` and `make test`. Both install
# whatever the machine is missing first.
SWIFT ?= swift
# The real consumers the export tests hand their files to.
TEST_PACKAGES ?= graphviz librsvg2-bin

.PHONY: deps test-deps build run test release fuzz bench

deps:
	@scripts/install-deps

# icalendar comes from Debian's python3-icalendar where apt has it, so the
# system's python3 can read the calendar export too (scripts/install-deps).
test-deps:
	@scripts/install-deps --python icalendar $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run --skip-build plan run Samples/product-launch.plan

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@# The export consumers once more with the system's python3 first on PATH,
	@# as on a fresh Debian, where another python3 may not come first.
	if [ -x /usr/bin/python3 ]; then \
		PATH=/usr/bin:$$PATH "$$(command -v $(SWIFT))" test --skip-build --filter OutputConsumerTests; fi

release: deps
	$(SWIFT) build -c release

# libFuzzer, seeded from Samples/, over two targets, FUZZ_SECONDS each:
# plan-fuzz runs lexer, parser, interpreter and checks and formats to a
# fixpoint (Fuzz/FuzzTarget.swift); plan-fuzz-write formats, writes as
# `fmt -w` does, reads back and formats again (Fuzz/FormatWriteTarget.swift).
# Both are built as one module named PlanKit with the sources they need;
# Fuzz/lsan.supp tells LeakSanitizer that globals built once are no leak.
# Crashing inputs land in fuzz-build/; keep each as a test in
# Tests/PlanKitTests/FuzzRegressions/.
FUZZ_SECONDS ?= 300
FUZZ_JOBS ?= 2
FUZZ_FLAGS = -sanitize=fuzzer,address -O -parse-as-library -module-name PlanKit
FUZZ_RUN = -max_total_time=$(FUZZ_SECONDS) -jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS) \
	-max_len=8192 -timeout=10 -rss_limit_mb=4096

fuzz: deps
	mkdir -p fuzz-build/corpus fuzz-build/corpus-write
	swiftc $(FUZZ_FLAGS) $$(find Sources/PlanKit -name '*.swift') Fuzz/FuzzTarget.swift \
		-o fuzz-build/plan-fuzz 2>&1 | grep -v 'Cannot export local symbol' || true
	swiftc $(FUZZ_FLAGS) $$(find Sources/PlanKit -name '*.swift') Sources/PlanCLI/AtomicFile.swift \
		Sources/PlanCLI/FileReader.swift Sources/PlanCLI/StandardStream.swift \
		Fuzz/FormatWriteTarget.swift \
		-o fuzz-build/plan-fuzz-write 2>&1 | grep -v 'Cannot export local symbol' || true
	cd fuzz-build && LSAN_OPTIONS=suppressions=../Fuzz/lsan.supp ./plan-fuzz $(FUZZ_RUN) corpus ../Samples ../Tests/PlanKitTests/FuzzRegressions
	cd fuzz-build && LSAN_OPTIONS=suppressions=../Fuzz/lsan.supp ./plan-fuzz-write $(FUZZ_RUN) corpus-write ../Samples ../Tests/PlanKitTests/FuzzRegressions

# Release build, 10k and 100k generated goals, against lua5.4 and ledger on the
# same data, then the workloads of SPEC 14 (Benchmarks/README.md).
bench:
	@scripts/install-deps lua5.4 ledger time
	python3 Benchmarks/run.py
	python3 Benchmarks/workloads.py
