// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PromptCompat",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PromptCompat", targets: ["PromptCompat"]),
        .library(name: "PromptCompatTesting", targets: ["PromptCompatTesting"]),
        .library(name: "PromptCompatServer", targets: ["PromptCompatServer"]),
        .executable(name: "promptcompat", targets: ["PromptCompatCLI"]),
    ],
    targets: [
        // The engine: prompt library, providers, snapshots, comparison, runner, report. No Testing import.
        .target(name: "PromptCompat"),
        // Swift Testing integration: one parameterized test argument per (prompt, case).
        .target(name: "PromptCompatTesting", dependencies: ["PromptCompat"]),
        // The `promptcompat` command-line tool.
        .executableTarget(name: "PromptCompatCLI", dependencies: ["PromptCompat", "PromptCompatServer"]),
        // Benchmarks of the comparison metrics (`scripts/bench scoring`); not a product.
        .executableTarget(name: "PromptCompatBench", dependencies: ["PromptCompat", "PromptCompatServer"]),
        // Precision and recall of the default comparison on the labeled pairs in eval/ (`scripts/eval`); not a product.
        .executableTarget(name: "PromptCompatEval", dependencies: ["PromptCompat"]),
        // A loopback HTTP/1.1 server (POSIX sockets) and the quirk proxy that plays a provider profile in front
        // of a real model; used by the tests and by `promptcompat proxy`.
        .target(name: "PromptCompatServer", dependencies: ["PromptCompat"]),
        // Re-exports PromptCompatServer for the framework's own tests.
        .target(name: "PromptCompatTestSupport", dependencies: ["PromptCompatServer"], path: "Tests/PromptCompatTestSupport"),
        .testTarget(
            name: "PromptCompatTests",
            dependencies: ["PromptCompat", "PromptCompatTesting", "PromptCompatTestSupport"]
        ),
        // The repository's own example library, run exactly as a user runs theirs.
        .testTarget(name: "PromptLibraryTests", dependencies: ["PromptCompatTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
