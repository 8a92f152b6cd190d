#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RiskCore
import RiskIO

/// Runs a batch rescoring: the pipeline over the inputs, decisions to the output through a
/// ``ByteSink`` (a temporary name renamed on success), rejected lines to the rejects file, and
/// the summary to a JSON file.
///
/// The output (and the rejects and summary files) appear only when the run completes. When an
/// input is damaged, every record before the damage is still decided and counted, the outputs
/// are abandoned, and the outcome carries the ``InputError``.
public enum RescoreDriver {
    /// Runs `request` with `policy`.
    ///
    /// - Parameters:
    ///   - request: Inputs, output and options.
    ///   - policy: The policy deciding every transaction.
    ///   - temporaryFiles: Called once the outputs are open, with their temporary paths (for a
    ///     signal handler that removes them on interruption).
    ///   - progress: Called after each batch with the progress and the elapsed seconds.
    /// - Returns: The summary and the input error that stopped the run, if any.
    /// - Throws: ``IOError`` or ``ZstdError`` when an output cannot be created or written.
    public static func run(_ request: RescoreRequest, policy: Policy,
                           temporaryFiles: ([String]) -> Void = { _ in },
                           progress: (PipelineProgress, Double) -> Void = { _, _ in }) throws -> RescoreOutcome {
        let output = try ByteSink(path: request.output, level: request.compressionLevel)
        let rejects = try request.rejectsPath.map { try ByteSink(path: $0) }
        temporaryFiles([output.temporaryPath, rejects?.temporaryPath].compactMap { $0 })
        let start = monotonicSeconds()
        var summary = RescoreSummary()
        var inputError: InputError?
        let pipeline = RescorePipeline(inputs: request.inputs, format: request.format, policy: policy, options: request.options)
        do {
            try pipeline.run(
                summary: &summary,
                decisions: { try output.write($0) },
                rejection: { rejection in
                    guard let rejects else { return }
                    try rejects.write(RejectsFormat.line(rejection))
                },
                progress: { progress($0, monotonicSeconds() - start) })
        } catch let error as InputError {
            inputError = error
        }
        summary.seconds = monotonicSeconds() - start
        guard inputError == nil else {
            output.abort()
            rejects?.abort()
            return RescoreOutcome(summary: summary, inputError: inputError)
        }
        try output.commit()
        try rejects?.commit()
        if let path = request.summaryJSONPath {
            let sink = try ByteSink(path: path)
            try sink.write(SummaryReport.json(summary))
            try sink.commit()
        }
        return RescoreOutcome(summary: summary, inputError: nil)
    }

    /// Seconds on the monotonic clock (for durations only; never used in scoring).
    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// The rejects file: one tab-separated line per rejected input line.
public enum RejectsFormat {
    /// `FILE<TAB>LINE<TAB>REASON\n`; tabs and newlines in the fields are replaced by spaces.
    /// The raw line is never written.
    public static func line(_ rejection: RecordRejection) -> String {
        "\(clean(rejection.file))\t\(rejection.line)\t\(clean(rejection.reason))\n"
    }

    private static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
