// swift-tools-version:6.0
import PackageDescription

// A release build names each concrete type's metadata by an accessor, not by
// a mangled name the runtime demangles on first use: demangling the kinds'
// generic tables and looking up their conformances was 2 M of the 6.8 M
// instructions of starting `plan` (Benchmarks/README.md, start-up).
let directMetadata: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "plan",
    products: [
        .executable(name: "plan", targets: ["plan"]),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Layers, each importing only those above it (docs/architecture.md).
        .target(name: "PlanCore", swiftSettings: directMetadata),
        .target(name: "PlanSyntax", dependencies: ["PlanCore"], swiftSettings: directMetadata),
        .target(name: "PlanKit", dependencies: ["PlanCore", "PlanSyntax"], swiftSettings: directMetadata),
        .target(name: "PlanOutput", dependencies: ["PlanCore", "PlanSyntax", "PlanKit"], swiftSettings: directMetadata),
        .target(name: "PlanCLI", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "CEditLine"], swiftSettings: directMetadata),
        // The Swift libraries linked in, in a release build: the dynamic
        // loader's relocations of libswiftCore were a fifth of starting
        // `plan` (Benchmarks/README.md, start-up). libstdc++, which the
        // static runtime needs, is linked in too: Sources/plan/link holds a
        // `libstdc++.so` that is a linker script naming `libstdc++.a`, found
        // before the shared library. Its relocations cost the loader another
        // 0.3 ms and its pages 1 MB.
        .executableTarget(name: "plan", dependencies: ["PlanCLI"], exclude: ["link"], swiftSettings: directMetadata,
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-L", Context.packageDirectory + "/Sources/plan/link"], .when(configuration: .release))]),
        .executableTarget(name: "plan-bench", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], path: "Benchmarks/PlanBench"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "PlanCLI"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanCLI", "PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], exclude: ["SessionFuzzRegressions", "SaveRoundTrips"]),
    ],
    swiftLanguageModes: [.v6]
)
