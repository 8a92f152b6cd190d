// swift-tools-version: 6.1
import PackageDescription

// Micro-benchmarks on ordo-one/benchmark. Run from this folder: `swift package benchmark`
// (see Docs/benchmarks.md).
let package = Package(
    name: "RiskScoreBenchmarks",
    platforms: [.macOS("26.0")],
    dependencies: [
        .package(name: "RiskScore", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Generated traffic in memory, the MB/s metric and repository paths, shared by the suites.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RiskCore", package: "RiskScore"),
                .product(name: "RiskSim", package: "RiskScore"),
            ],
            path: "Sources/BenchmarkSupport"
        ),
        // One scoring pass over riskbench's traffic, for callgrind instruction counts.
        .executableTarget(
            name: "ScoreLoop",
            dependencies: [.product(name: "RiskCore", package: "RiskScore"), .product(name: "RiskSim", package: "RiskScore")],
            path: "Sources/ScoreLoop"
        ),
        // One parsing pass over an NDJSON file, for callgrind instruction counts.
        .executableTarget(
            name: "ParseLoop",
            dependencies: [
                .product(name: "RiskCore", package: "RiskScore"), .product(name: "RiskIngest", package: "RiskScore"),
                .product(name: "RiskIO", package: "RiskScore"),
            ],
            path: "Sources/ParseLoop"
        ),
        benchmark("CoreBenchmarks", ["RiskCore"]),
        benchmark("RingBenchmarks", ["LockFreeRing"]),
        benchmark("WindowBenchmarks", ["RiskCore"]),
        benchmark("ParsingBenchmarks", ["RiskIngest"]),
        benchmark("CompressionBenchmarks", ["RiskIO"]),
        benchmark("ModelBenchmarks", ["RiskModels"]),
    ],
    swiftLanguageModes: [.v6]
)

/// A benchmark executable in `Benchmarks/NAME`, using the RiskScore products `products`.
func benchmark(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "Benchmark", package: "benchmark"),
            "BenchmarkSupport",
        ] + products.map { .product(name: $0, package: "RiskScore") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
