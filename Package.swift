// swift-tools-version:6.0
import PackageDescription

// A release build names each concrete type's metadata by an accessor, not by
// a mangled name the runtime demangles on first use: demangling the kinds'
// generic tables and looking up their conformances was 2 M of the 6.8 M
// instructions of starting `plan` (Benchmarks/README.md, start-up). And it
// puts each function in a section of its own, for the linker to place in
// the order they run (the `plan` target, below).
let release: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
                  "-Xfrontend", "-function-sections"], .when(configuration: .release)),
]

let package = Package(
    name: "plan",
    products: [
        .executable(name: "plan", targets: ["plan"]),
    ],
    targets: [
        // libedit's header is in /usr/include and `link "edit"` in the
        // module map names the library, so pkg-config adds nothing but its
        // `-L/usr/lib/x86_64-linux-gnu`: put before every other directory, that
        // would find the shared libedit ahead of the release build's own
        // (below). `make` installs libedit-dev.
        .systemLibrary(
            name: "CEditLine",
            providers: [.apt(["libedit-dev"])]
        ),
        // mallopt's options, which Swift does not import: a header, nothing to link.
        .systemLibrary(name: "CMalloc"),
        // Layers, each importing only those above it (docs/architecture.md).
        .target(name: "PlanCore", swiftSettings: release),
        .target(name: "PlanSyntax", dependencies: ["PlanCore"], swiftSettings: release),
        .target(name: "PlanKit", dependencies: ["PlanCore", "PlanSyntax"], swiftSettings: release),
        .target(name: "PlanOutput", dependencies: ["PlanCore", "PlanSyntax", "PlanKit"], swiftSettings: release),
        .target(name: "PlanCLI", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "CEditLine", "CMalloc"], swiftSettings: release),
        // The Swift libraries linked in, in a release build: the dynamic
        // loader's relocations of libswiftCore were a fifth of starting
        // `plan` (Benchmarks/README.md, start-up). So are the C libraries
        // but glibc's: Sources/plan/link holds linker scripts named as the
        // shared libraries (`libstdc++.so`, `libedit.so`, `libgcc_s.so`) that
        // name their archives, found before the shared ones. libstdc++'s
        // relocations cost the loader 0.3 ms and its pages 1 MB; libedit and
        // the three libraries it loads, 0.3 ms and 480 k instructions of
        // every start, for a line editor only the REPL uses. The 23,000
        // relocations left are packed (DT_RELR; gold cannot): 30 page faults
        // and 100 k instructions fewer at start.
        // lld places the functions that starting, checking and running run
        // first, side by side, in the order Sources/plan/link/text-order.txt
        // names them (scripts/text-order writes it). The kernel maps code
        // 64 KiB around each page fault: the code resident at start went
        // from 4.7 MB to 2.1 MB, and every check's peak memory by 3 MB.
        // Nothing loads `plan`'s symbols at run time, so none is exported
        // (the toolchain's static-stdlib flags export them): 60 k
        // instructions fewer for the loader.
        .executableTarget(name: "plan", dependencies: ["PlanCLI"], exclude: ["link"], swiftSettings: release,
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-L", Context.packageDirectory + "/Sources/plan/link",
                                                         "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                                         "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Sources/plan/link/text-order.txt",
                                                         "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "--no-export-dynamic"],
                                                        .when(configuration: .release))]),
        .executableTarget(name: "plan-bench", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], path: "Benchmarks/PlanBench"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "PlanCLI"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanCLI", "PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], exclude: ["SessionFuzzRegressions", "SaveRoundTrips"]),
    ],
    swiftLanguageModes: [.v6]
)
