#if canImport(Glibc)
import Glibc
#endif
import RiskCore
import RiskIngest
import RiskIO
import RiskSim

/// The full pipeline from a compressed file: records/s and MB/s (uncompressed bytes).
struct PipelineResult: Sendable {
    /// Records (lines) per wall-clock second; nil when the pipeline was not measured.
    var recordsPerSecond: Double?
    /// Uncompressed input megabytes (10^6 bytes) per wall-clock second; nil when not measured.
    var megabytesPerSecond: Double?
    /// Records per CPU second of the whole process (all pipeline threads); nil when not measured.
    var recordsPerCPUSecond: Double?
    /// How it was measured, or why not.
    var note: String
}

/// Measures `RiskIngest`'s `RescorePipeline` (reader with zstd decompression → parsers → keyed
/// workers → ordered writer) on the generated traffic written to a temporary `.ndjson.zst`
/// file first. Only the pipeline run is timed; the decision lines are produced and counted but
/// not written anywhere, so output disk speed is not part of the figure.
struct PipelinePhase {
    let configuration: GeneratorConfiguration
    let policy: Policy
    let engineConfiguration: EngineConfiguration
    let workers: Int
    let duration: Double?

    /// Thrown from the decisions callback to stop the pipeline at the `--duration` cap.
    private struct DeadlineReached: Error {}

    func run() -> PipelineResult {
        let path = Self.temporaryPath()
        defer { unlink(path) }
        do {
            let (uncompressed, totalRecords) = try writeTraffic(to: path)
            let compressed = Self.fileSize(path)
            let pipeline = RescorePipeline(inputs: [path], format: .ndjson, policy: policy,
                                           options: PipelineOptions(workers: workers, engine: engineConfiguration))
            var summary = RescoreSummary()
            var decisionBytes = 0
            let deadline = PhaseDeadline(seconds: duration)
            let cpuStart = BenchClock.processCPUNanoseconds()
            let watch = Stopwatch()
            var capped = false
            do {
                try pipeline.run(summary: &summary, decisions: { bytes in
                    decisionBytes += bytes.count
                    if deadline.hasPassed { throw DeadlineReached() }
                }, rejection: { _ in })
            } catch is DeadlineReached {
                capped = true
            }
            let seconds = watch.wallSeconds
            let cpuSeconds = Double(BenchClock.processCPUNanoseconds() - cpuStart) / 1e9
            let records = Double(summary.recordsRead)
            // With a cap, the share of the file read is estimated from the records read.
            let bytes = Double(uncompressed) * min(1, records / Double(max(1, totalRecords)))
            var note = "\(workers) workers, \(summary.recordsRead) records, \(summary.recordsRejected) rejected, "
                + "\(Self.megabytes(uncompressed)) MB NDJSON in \(Self.megabytes(compressed)) MB zstd, "
                + "\(Self.megabytes(Int64(decisionBytes))) MB decisions (discarded)"
            if capped { note += ", stopped at --duration" }
            return PipelineResult(recordsPerSecond: records / seconds, megabytesPerSecond: bytes / seconds / 1e6,
                                  recordsPerCPUSecond: cpuSeconds > 0 ? records / cpuSeconds : nil, note: note)
        } catch {
            return PipelineResult(recordsPerSecond: nil, megabytesPerSecond: nil, recordsPerCPUSecond: nil,
                                  note: "not measured: \(error)")
        }
    }

    /// Writes the traffic as NDJSON to `path` (zstd); returns the uncompressed byte count and
    /// the number of records.
    private func writeTraffic(to path: String) throws -> (bytes: Int64, records: Int) {
        let sink = try ByteSink(path: path, workers: 1)
        let writer = NDJSONRecordWriter()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        var count = 0
        for record in TrafficGenerator(configuration: configuration) {
            writer.append(record, to: &buffer)
            count += 1
            if buffer.count >= 1 << 20 {
                try sink.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(buffer)
        try sink.commit()
        return (sink.bytesWritten, count)
    }

    private static func temporaryPath() -> String {
        var directory = "/tmp"
        if let value = getenv("TMPDIR"), value.pointee != 0 { directory = String(cString: value) }
        return "\(directory)/riskbench-\(getpid()).ndjson.zst"
    }

    private static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    private static func megabytes(_ bytes: Int64) -> String {
        let tenths = (Double(bytes) / 1e5).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }
}
