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
        .executableTarget(name: "plan", dependencies: ["PlanCLI"]),
        .executableTarget(name: "plan-bench", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], path: "Benchmarks/PlanBench"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanCore", "PlanSyntax", "PlanKit", "PlanOutput", "PlanCLI"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanCLI", "PlanCore", "PlanSyntax", "PlanKit", "PlanOutput"], exclude: ["SessionFuzzRegressions", "SaveRoundTrips"]),
    ],
    swiftLanguageModes: [.v6]
)
