// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RiskScore",
    platforms: [.macOS("26.0")],
    products: [
        .library(name: "RiskCore", targets: ["RiskCore"]),
        .library(name: "RiskModels", targets: ["RiskModels"]),
        .library(name: "RiskIO", targets: ["RiskIO"]),
        .library(name: "LockFreeRing", targets: ["LockFreeRing"]),
        .library(name: "RiskIngest", targets: ["RiskIngest"]),
        .library(name: "RiskSim", targets: ["RiskSim"]),
        .library(name: "RiskEval", targets: ["RiskEval"]),
        .executable(name: "riskscore", targets: ["riskscore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // Scoring core: transactions, velocity windows, policies, the embeddable engine.
        .target(name: "RiskCore", dependencies: ["RiskModels", "CacheHints", .product(name: "Yams", package: "Yams")]),
        // Cache prefetch hints for the scoring core (a header-only C shim).
        .target(name: "CacheHints"),
        .testTarget(name: "RiskCoreTests", dependencies: ["RiskCore", "RiskSim"]),

        // Tree-ensemble and logistic models (XGBoost JSON, LightGBM model.txt).
        .target(name: "RiskModels"),
        .testTarget(name: "RiskModelsTests", dependencies: ["RiskModels"], resources: [.copy("Fixtures")]),

        // System libzstd, and byte streams over it.
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(name: "RiskIO", dependencies: ["CZstd"]),
        .testTarget(name: "RiskIOTests", dependencies: ["RiskIO"]),

        // Bounded lock-free single-producer/single-consumer ring.
        .target(name: "LockFreeRing", dependencies: [.product(name: "Atomics", package: "swift-atomics")]),
        .testTarget(name: "LockFreeRingTests", dependencies: ["LockFreeRing"]),

        // Record parsers and the ingest pipeline.
        .target(name: "RiskIngest", dependencies: ["RiskCore", "RiskIO", "LockFreeRing", "CacheHints"]),
        .testTarget(name: "RiskIngestTests", dependencies: ["RiskIngest", "RiskCore", "RiskIO", "RiskSim"]),

        // Synthetic labelled traffic.
        .target(name: "RiskSim", dependencies: ["RiskCore", "RiskIO"]),
        .testTarget(name: "RiskSimTests", dependencies: ["RiskSim", "RiskCore"]),

        // Feature export, label delay, evaluation metrics and the HTML report.
        .target(name: "RiskEval", dependencies: ["RiskCore", "RiskIngest", "RiskIO", "RiskModels"]),
        .testTarget(name: "RiskEvalTests", dependencies: ["RiskEval", "RiskCore", "RiskIngest"]),

        // The command line.
        .executableTarget(
            name: "riskscore",
            dependencies: [
                "RiskCore", "RiskIngest", "RiskSim", "RiskIO", "RiskModels", "RiskEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Throughput, latency, memory and detection measurements on generated traffic.
        .executableTarget(
            name: "riskbench",
            dependencies: [
                "RiskCore", "RiskSim", "RiskIngest", "RiskIO", "RiskModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
