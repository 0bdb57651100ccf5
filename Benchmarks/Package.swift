// swift-tools-version: 6.1
import PackageDescription

// Micro-benchmarks of the log and the engine on ordo-one/package-benchmark, with its malloc
// counters. A separate package so the main build stays lean: `cd Benchmarks && swift package benchmark`.
// Linux only, like the package it measures (no `platforms:` claim).
let package = Package(
    name: "Benchmarks",
    dependencies: [
        .package(name: "streamstage", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "StreamstageBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StreamstageCore", package: "streamstage"),
            ],
            path: "Benchmarks/StreamstageBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
    ]
)
