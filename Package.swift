// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RiskScore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RiskCore", targets: ["RiskCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .target(
            name: "RiskCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "RiskCoreTests", dependencies: ["RiskCore"]),
    ],
    swiftLanguageModes: [.v6]
)

// RiskModels: tree-ensemble and linear model serving (no dependencies).
package.products.append(.library(name: "RiskModels", targets: ["RiskModels"]))
package.targets += [
    .target(name: "RiskModels"),
    .testTarget(
        name: "RiskModelsTests",
        dependencies: ["RiskModels"],
        resources: [.copy("Fixtures")]
    ),
]
