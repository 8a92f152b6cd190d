import Benchmark
import BenchmarkSupport
import RiskIngest

/// NDJSON and CSV parsing of generated records held in memory (RiskSim's writers, RiskIngest's
/// `RecordParser`): throughput in records/s, and the `MB/s` metric in bytes of input (newlines
/// included) per second. Each iteration parses 1,000 lines. (The names carry no line size, so
/// baselines stay comparable; `MB/s` ÷ records/s gives it.)
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: StandardMetrics.withByteRate, scalingFactor: .kilo, maxDuration: .seconds(1), maxIterations: 2_000)
    let recordCount = 20_000

    let ndjson = SimulatedTraffic.ndjson(recordCount)
    let ndjsonLoop = ParseLoop(name: "NDJSON", parser: .ndjson(NDJSONRecordParser()), buffer: ndjson)
    Benchmark("NDJSON parse", configuration: configuration) { benchmark in
        ndjsonLoop.run(benchmark)
    }

    let csv = SimulatedTraffic.csv(recordCount)
    let csvParser = try! CSVRecordParser(header: csv.header)
    let csvLoop = ParseLoop(name: "CSV", parser: .csv(csvParser), buffer: csv.lines)
    Benchmark("CSV parse", configuration: configuration) { benchmark in
        csvLoop.run(benchmark)
    }
}
