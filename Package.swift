// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PromptCompat",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PromptCompat", targets: ["PromptCompat"]),
        .library(name: "PromptCompatTesting", targets: ["PromptCompatTesting"]),
        .executable(name: "promptcompat", targets: ["PromptCompatCLI"]),
    ],
    targets: [
        // The engine: prompt library, providers, snapshots, comparison, runner, report. No Testing import.
        .target(name: "PromptCompat"),
        // Swift Testing integration: one parameterized test argument per (prompt, case).
        .target(name: "PromptCompatTesting", dependencies: ["PromptCompat"]),
        // The `promptcompat` command-line tool.
        .executableTarget(name: "PromptCompatCLI", dependencies: ["PromptCompat"]),
        // A loopback HTTP server that plays provider behaviours, for the framework's own tests.
        .target(name: "PromptCompatTestSupport", path: "Tests/PromptCompatTestSupport"),
        .testTarget(
            name: "PromptCompatTests",
            dependencies: ["PromptCompat", "PromptCompatTesting", "PromptCompatTestSupport"]
        ),
        // The repository's own example library, run exactly as a user runs theirs.
        .testTarget(name: "PromptLibraryTests", dependencies: ["PromptCompatTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
