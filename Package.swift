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
        .target(name: "PlanKit"),
        .target(name: "PlanCLI", dependencies: ["PlanKit", "CEditLine"]),
        .executableTarget(name: "plan", dependencies: ["PlanCLI"]),
        .executableTarget(name: "plan-bench", dependencies: ["PlanKit"], path: "Benchmarks/PlanBench"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "PlanCLI"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "PlanCLITests", dependencies: ["PlanCLI", "PlanKit"], exclude: ["SessionFuzzRegressions", "SaveRoundTrips"]),
    ],
    swiftLanguageModes: [.v6]
)
