// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "PlanCore"),
        .target(name: "PlanSyntax", dependencies: ["PlanCore"]),
        .target(name: "PlanKit", dependencies: ["PlanCore", "PlanSyntax"]),
        .target(name: "PlanOutput", dependencies: ["PlanCore", "PlanSyntax", "PlanKit"]),
        .target(name: "PlanCLI", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "CEditLine"]),
        // The Swift libraries linked in, in a release build: the dynamic
        // loader's relocations of libswiftCore were a fifth of starting
        // `plan` (Benchmarks/README.md, start-up).
        .executableTarget(name: "plan", dependencies: ["PlanCLI"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        .executableTarget(name: "plan-bench", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], path: "Benchmarks/PlanBench"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "PlanCLI"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanCLI", "PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], exclude: ["SessionFuzzRegressions", "SaveRoundTrips"]),
    ],
    swiftLanguageModes: [.v6]
)
