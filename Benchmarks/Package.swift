// swift-tools-version: 6.1
import PackageDescription

// Micro-benchmarks on ordo-one/benchmark. Run from this folder: `swift package benchmark`.
let package = Package(
    name: "RiskScoreBenchmarks",
    platforms: [.macOS("26.0")],
    dependencies: [
        .package(name: "RiskScore", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RiskCore", package: "RiskScore"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
