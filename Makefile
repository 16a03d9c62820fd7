# The two commands a person needs: `make run` and `make test`. Both install
# whatever the machine is missing first.
SWIFT ?= swift
# The real consumers the export tests hand their files to, and the editor
# the language server is tested with (Tests/PlanCLITests/NeovimTests.swift),
# and python3-venv for pytest-lsp's client profiles (scripts/pytest-lsp).
TEST_PACKAGES ?= graphviz librsvg2-bin chromium poppler-utils neovim python3-venv

.PHONY: deps test-deps build run test test-release release fuzz fuzz-plan fuzz-write fuzz-repl fuzz-lsp fuzz-save bench check-instructions

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
	scripts/pytest-lsp

release: deps
	$(SWIFT) build -c release

# The end-to-end tests once more, on the release binary a person runs: it is
# linked apart from the debug one (lld, its functions in the order
# Sources/plan/link/text-order.txt gives, nothing exported; Package.swift).
# plan-bench too: BenchTests run the one beside the binary under test.
test-release: test-deps
	$(SWIFT) build -c release
	$(SWIFT) build --build-tests
	PLAN_BINARY=$(CURDIR)/.build/release/plan $(SWIFT) test --skip-build --filter PlanCLITests

# libFuzzer, seeded from Samples/ and Fuzz/corpus-plan/ (includes past
# the rules, invisible characters, dates and numbers at the edges), over
# three targets, FUZZ_SECONDS each:
# plan-fuzz runs lexer, parser, interpreter and checks and formats to a
# fixpoint (Fuzz/FuzzTarget.swift); plan-fuzz-write formats, writes as
# `fmt -w` does, reads back and formats again (Fuzz/FormatWriteTarget.swift);
# plan-fuzz-repl runs each input as a REPL session, statements and `:`
# commands mixed, piped and as typed (Fuzz/REPLScriptTarget.swift, seeded
# from Fuzz/corpus-repl/ too). Each is built as one module named PlanKit
# with the sources it needs (the REPL's without libedit; its output goes to
# a sink that fails on a raw control character); Fuzz/lsan.supp tells
# LeakSanitizer that globals built once are no leak. plan-fuzz-repl saves,
# loads and exports only in a private folder (/dev/shm/plan-fuzz-repl-*,
# removed at exit), and Landlock keeps its writes there and in fuzz-build/.
# Crashing inputs land in fuzz-build/; keep each as a test in
# Tests/PlanKitTests/FuzzRegressions/ (REPL sessions in
# Tests/PlanCLITests/SessionFuzzRegressions/). plan-fuzz-lsp sends each input
# to the language server after initialize and the opening of a small plan
# (Fuzz/LSPTarget.swift, seeded from Fuzz/corpus-lsp/: framed edits among
# requests); every answer must read back as the JSON it was. One target alone, longer:
#   make fuzz-repl FUZZ_SECONDS=1200 FUZZ_JOBS=1
# (and fuzz-plan, fuzz-write); FUZZ_NICE=19 leaves the machine to others,
# and FUZZ_TIMEOUT=60 keeps an input starved of CPU from passing for a hang.
FUZZ_SECONDS ?= 300
FUZZ_JOBS ?= 2
FUZZ_NICE ?= 0
FUZZ_TIMEOUT ?= 10
FUZZ_FLAGS = -sanitize=fuzzer,address -O -parse-as-library -module-name PlanKit -package-name plan -I fuzz-build/stubs -I Sources/CMalloc
FUZZ_RUN = -max_total_time=$(FUZZ_SECONDS) -jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS) \
	-max_len=8192 -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=4096
# Swift's own backtracer would race ASan's report of a crash; libFuzzer prints the stack.
FUZZ_ENV = LSAN_OPTIONS=suppressions=../Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no nice -n $(FUZZ_NICE)
# A target is built again when its sources change.
PLANKIT_SOURCES = $(shell find Sources/PlanCore Sources/PlanSyntax Sources/PlanKit Sources/PlanOutput -name '*.swift')
# The library's four targets (docs/architecture.md) go into the one module
# PlanKit here, so their imports of the other three find empty stand-ins.
FUZZ_STUBS = fuzz-build/stubs/PlanCore.swiftmodule fuzz-build/stubs/PlanSyntax.swiftmodule \
	fuzz-build/stubs/PlanOutput.swiftmodule

fuzz-build/stubs/%.swiftmodule:
	mkdir -p fuzz-build/stubs
	: > fuzz-build/stubs/empty.swift
	swiftc -emit-module -parse-as-library -module-name $* fuzz-build/stubs/empty.swift -o $@
# The REPL's session and script runner and what they use, libedit's line editor left out.
REPL_SOURCES = Sources/PlanCLI/AtomicFile.swift Sources/PlanCLI/FileReader.swift Sources/PlanCLI/HeapRoom.swift \
	Sources/PlanCLI/StandardStream.swift \
	Sources/PlanCLI/Presenter.swift Sources/PlanCLI/Inputs.swift Sources/PlanCLI/CommandContext.swift \
	Sources/PlanCLI/REPL/Session.swift Sources/PlanCLI/REPL/Script.swift Sources/PlanCLI/REPL/REPLCommand.swift \
	Sources/PlanCLI/REPL/Help.swift Sources/PlanCLI/REPL/ShellCommand.swift Sources/PlanCLI/Arguments.swift \
	Sources/PlanCLI/Commands/Export.swift Sources/PlanCLI/ParallelMap.swift

fuzz: fuzz-plan fuzz-write fuzz-repl fuzz-lsp

fuzz-build/plan-fuzz: $(PLANKIT_SOURCES) Fuzz/FuzzTarget.swift $(FUZZ_STUBS) | deps
	mkdir -p fuzz-build/corpus
	swiftc $(FUZZ_FLAGS) $(PLANKIT_SOURCES) Fuzz/FuzzTarget.swift \
		-o fuzz-build/plan-fuzz 2>&1 | grep -v 'Cannot export local symbol' || true

fuzz-build/plan-fuzz-write: $(PLANKIT_SOURCES) Fuzz/FormatWriteTarget.swift $(FUZZ_STUBS) | deps
	mkdir -p fuzz-build/corpus-write
	swiftc $(FUZZ_FLAGS) $(PLANKIT_SOURCES) Sources/PlanCLI/AtomicFile.swift \
		Sources/PlanCLI/FileReader.swift Sources/PlanCLI/HeapRoom.swift Sources/PlanCLI/StandardStream.swift \
		Fuzz/FormatWriteTarget.swift \
		-o fuzz-build/plan-fuzz-write 2>&1 | grep -v 'Cannot export local symbol' || true

fuzz-build/plan-fuzz-repl: $(PLANKIT_SOURCES) $(REPL_SOURCES) Fuzz/REPLScriptTarget.swift Fuzz/Confine.h $(FUZZ_STUBS) | deps
	mkdir -p fuzz-build/corpus-repl
	swiftc $(FUZZ_FLAGS) -D PLAN_FUZZ_SINK -import-objc-header Fuzz/Confine.h \
		$(PLANKIT_SOURCES) $(REPL_SOURCES) Fuzz/REPLScriptTarget.swift \
		-o fuzz-build/plan-fuzz-repl 2>&1 | grep -v 'Cannot export local symbol' || true

fuzz-build/plan-fuzz-lsp: $(PLANKIT_SOURCES) Fuzz/LSPTarget.swift $(FUZZ_STUBS) | deps
	mkdir -p fuzz-build/corpus-lsp
	swiftc $(FUZZ_FLAGS) $(PLANKIT_SOURCES) Fuzz/LSPTarget.swift \
		-o fuzz-build/plan-fuzz-lsp 2>&1 | grep -v 'Cannot export local symbol' || true

fuzz-plan: fuzz-build/plan-fuzz
	cd fuzz-build && $(FUZZ_ENV) ./plan-fuzz $(FUZZ_RUN) corpus ../Fuzz/corpus-plan ../Samples ../Tests/PlanKitTests/FuzzRegressions

fuzz-write: fuzz-build/plan-fuzz-write
	cd fuzz-build && $(FUZZ_ENV) ./plan-fuzz-write $(FUZZ_RUN) corpus-write ../Fuzz/corpus-plan ../Samples \
		../Tests/PlanKitTests/FuzzRegressions

fuzz-lsp: fuzz-build/plan-fuzz-lsp
	cd fuzz-build && $(FUZZ_ENV) ./plan-fuzz-lsp $(FUZZ_RUN) corpus-lsp ../Fuzz/corpus-lsp

fuzz-repl: fuzz-build/plan-fuzz-repl
	cd fuzz-build && $(FUZZ_ENV) ./plan-fuzz-repl $(FUZZ_RUN) corpus-repl ../Fuzz/corpus-repl ../Samples \
		../Tests/PlanCLITests/SessionFuzzRegressions

# The `:save` round trip (Tests/PlanCLITests/SaveRoundTripTests.swift) with
# random seeds for FUZZ_SECONDS: each session edits a generated plan, saves,
# reads it back and holds it to what :save promises. A failure is shrunk and
# kept in Tests/PlanCLITests/SaveRoundTrips/, which `make test` replays.
#   make fuzz-save FUZZ_SECONDS=1800 FUZZ_NICE=10
fuzz-save: deps
	$(SWIFT) build --build-tests
	PLAN_SAVE_FUZZ_SECONDS=$(FUZZ_SECONDS) nice -n $(FUZZ_NICE) "$$(command -v $(SWIFT))" test --skip-build \
		--filter 'SaveRoundTripTests/randomSeedsForAsLongAsAsked'

# Release build, 10k and 100k generated goals, against lua5.4 and ledger on the
# same data, then the workloads of docs/performance.md, then a coach's practice and its
# pages (Benchmarks/README.md).
bench:
	@scripts/install-deps lua5.4 ledger time valgrind
	python3 Benchmarks/run.py
	python3 Benchmarks/workloads.py
	python3 Benchmarks/practice.py

# plan check of the three 10,000-goal benchmark shapes under callgrind,
# failing when one takes more than 5% more instructions than
# Benchmarks/instructions.json records (Benchmarks/README.md). `.ci/run`
# runs it after `make test`; it is apart from `make test` because its
# release build adds minutes to a clean clone.
check-instructions:
	@scripts/install-deps valgrind
	python3 Benchmarks/instructions.py
