/// The full pipeline from a compressed file: records/s and MB/s (uncompressed bytes).
struct PipelineResult: Sendable {
    /// Records per wall-clock second; nil when the pipeline was not measured.
    var recordsPerSecond: Double?
    /// Uncompressed megabytes (10^6 bytes) per wall-clock second; nil when not measured.
    var megabytesPerSecond: Double?
    /// Why it was not measured, or how.
    var note: String
}

/// Measures the `RiskIngest` pipeline on the generated traffic.
enum PipelinePhase {
    static func run() -> PipelineResult {
        PipelineResult(recordsPerSecond: nil, megabytesPerSecond: nil,
                       note: "not measured: no RiskIngest pipeline API in this build")
    }
}
