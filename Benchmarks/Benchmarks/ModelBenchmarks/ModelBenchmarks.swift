import Benchmark
import BenchmarkSupport
import Foundation
import RiskModels

/// Scoring one row with the 100-tree, depth-6 XGBoost fixture through `RiskModel` (the type
/// the engine holds): the margin, the Saabas per-feature contributions alone, and the margin
/// with a trail followed by the contributions read from it (the engine's review/decline path). Rows
/// cycle through the fixture's `inputs.csv`; throughput is in rows/s.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: StandardMetrics.singleThread, scalingFactor: .kilo, maxDuration: .seconds(1), maxIterations: 2_000)
    let fixtures = RepositoryPaths.file("Tests/RiskModelsTests/Fixtures")
    let model = try! RiskModel.load(contentsOf: URL(fileURLWithPath: fixtures + "/xgb_bench.json"))
    let rows = try! FixtureRows(path: fixtures + "/inputs.csv")
    if rows.columns < model.inputCount { fatalError("inputs.csv has \(rows.columns) columns, model needs \(model.inputCount)") }

    Benchmark("XGBoost 100×6 margin", configuration: configuration) { benchmark in
        rows.values.withUnsafeBufferPointer { all in
            var row = 0
            benchmark.startMeasurement()
            let cpuStart = ThreadCPUTime.now()
            for _ in benchmark.scaledIterations {
                let x = UnsafeBufferPointer(rebasing: all[(row * rows.columns)..<((row + 1) * rows.columns)])
                blackHole(model.margin(x))
                row = row + 1 == rows.count ? 0 : row + 1
            }
            benchmark.stopMeasurement()
            ThreadCPUTime.record(since: cpuStart, on: benchmark)
        }
    }

    Benchmark("XGBoost 100×6 contributions", configuration: configuration) { benchmark in
        var out = [Double](repeating: 0, count: model.inputCount)
        rows.values.withUnsafeBufferPointer { all in
            out.withUnsafeMutableBufferPointer { out in
                var row = 0
                benchmark.startMeasurement()
                let cpuStart = ThreadCPUTime.now()
                for _ in benchmark.scaledIterations {
                    let x = UnsafeBufferPointer(rebasing: all[(row * rows.columns)..<((row + 1) * rows.columns)])
                    blackHole(model.contributions(x, into: out))
                    row = row + 1 == rows.count ? 0 : row + 1
                }
                benchmark.stopMeasurement()
                ThreadCPUTime.record(since: cpuStart, on: benchmark)
            }
        }
        blackHole(out)
    }

    // What the engine does for a review or decline: the margin leaves a trail, and the
    // contributions are read from it instead of walking the trees again.
    Benchmark("XGBoost 100×6 margin with trail, then contributions", configuration: configuration) { benchmark in
        var out = [Double](repeating: 0, count: model.inputCount)
        var trail = [Int32](repeating: 0, count: model.trailLength)
        rows.values.withUnsafeBufferPointer { all in
            out.withUnsafeMutableBufferPointer { out in
                trail.withUnsafeMutableBufferPointer { trail in
                    var row = 0
                    benchmark.startMeasurement()
                    let cpuStart = ThreadCPUTime.now()
                    for _ in benchmark.scaledIterations {
                        let x = UnsafeBufferPointer(rebasing: all[(row * rows.columns)..<((row + 1) * rows.columns)])
                        blackHole(model.margin(x, trail: trail))
                        blackHole(model.contributions(x, trail: UnsafeBufferPointer(trail), into: out))
                        row = row + 1 == rows.count ? 0 : row + 1
                    }
                    benchmark.stopMeasurement()
                    ThreadCPUTime.record(since: cpuStart, on: benchmark)
                }
            }
        }
        blackHole(out)
    }
}
