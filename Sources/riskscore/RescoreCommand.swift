import ArgumentParser
import RiskCore
import RiskEval
import RiskIngest
import RiskIO

/// `riskscore rescore`: batch rescoring of historical logs through the parallel pipeline.
struct RescoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Rescore historical logs with a policy: decisions in input order, a summary, and a comparison with the issuer's responses.",
        discussion: "The output appears only when the run completes (it is written under a temporary name and renamed). A damaged zstd input stops the run with exit status 1 and a message naming the file and byte offset; the records before the damage are decided and counted in the summary, and no output file is written."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson, csv }

    @Argument(help: "Input files (- for standard input); .zst or zstd data is decompressed.")
    var inputs: [String]

    @Option(help: "Output file for the decisions (- for standard output; .zst compresses).")
    var output: String

    @Option(help: "The policy file.")
    var policy: String = DefaultPaths.policy

    @Option(help: "Input format.")
    var format: Format = .ndjson

    @Option(name: .customLong("map"), help: "CSV column mapping field=COLUMN (repeatable), e.g. --map card=CUSTOMER_ID.")
    var mappings: [String] = []

    @Option(help: "Parser and keyed workers (each).")
    var workers: Int = 2

    @Option(help: "Write rejected lines here: FILE<TAB>LINE<TAB>REASON (never the raw line).")
    var rejects: String?

    @Option(name: .customLong("summary-json"), help: "Write the summary as JSON here.")
    var summaryJSON: String?

    @Option(name: .customLong("zstd-level"), help: "zstd level for a .zst output.")
    var zstdLevel: Int32 = 1

    @Option(name: .customLong("label-delay"), help: "Turn each fraud label into a fraud report this long after its transaction (e.g. 7d, 36h). Scores record by record instead of through the parallel pipeline.")
    var labelDelay: String?

    @Option(help: "A challenger policy scored in shadow: its decision is written beside the live one (\"shadow\") and never affects it or the state. Scores record by record.")
    var challenger: String?

    func validate() throws {
        guard workers >= 1 && workers <= 64 else { throw ValidationError("--workers must be between 1 and 64") }
        if format == .ndjson && !mappings.isEmpty { throw ValidationError("--map applies to --format csv only") }
        if let labelDelay, EventDuration.milliseconds(labelDelay) == nil {
            throw ValidationError("--label-delay: cannot read '\(labelDelay)' (use a number and ms, s, m, h or d, e.g. 7d)")
        }
    }

    func run() throws {
        let compiled = try loadPolicy(policy)
        let inputFormat: InputFormat
        switch format {
        case .ndjson: inputFormat = .ndjson
        case .csv:
            do { inputFormat = .csv(mapping: try CSVRecordParser.mapping(from: mappings)) } catch { throw ValidationError(error.description) }
        }
        if labelDelay != nil || challenger != nil {
            try runSequentially(compiled, format: inputFormat)
            return
        }
        var request = RescoreRequest(inputs: inputs, output: output, format: inputFormat,
                                     options: PipelineOptions(workers: workers), rejectsPath: rejects, summaryJSONPath: summaryJSON)
        request.compressionLevel = zstdLevel
        let showProgress = StandardError.isTerminal
        var lastDraw = -1.0
        let outcome = try RescoreDriver.run(request, policy: compiled, temporaryFiles: InterruptCleanup.install) { progress, elapsed in
            guard showProgress, elapsed - lastDraw >= 0.2 else { return }
            lastDraw = elapsed
            StandardError.write("\r\u{1B}[K" + ProgressLine.render(progress, elapsed: elapsed))
        }
        if showProgress { StandardError.write("\r\u{1B}[K") }
        StandardError.write(SummaryReport.text(outcome.summary))
        if let error = outcome.inputError {
            StandardError.write("riskscore rescore: error: \(error)\n")
            StandardError.write("riskscore rescore: \(outcome.summary.decisions) records before the damage were decided; no output was written\n")
            throw ExitCode(1)
        }
    }

    /// The record-by-record path, for a label delay or a challenger.
    private func runSequentially(_ compiled: Policy, format inputFormat: InputFormat) throws {
        let shadowPolicy = try challenger.map(loadPolicy)
        let sink = try ByteSink(path: output, level: zstdLevel)
        let rejectsSink = try rejects.map { try ByteSink(path: $0) }
        InterruptCleanup.install([sink.temporaryPath, rejectsSink?.temporaryPath].compactMap { $0 })
        let started = ContinuousClock.now
        var outcome: SequentialRescore.Outcome
        do {
            outcome = try SequentialRescore.run(
                inputs: inputs, format: inputFormat, output: sink, policy: compiled, challenger: shadowPolicy,
                labelDelay: labelDelay.flatMap(EventDuration.milliseconds)) { rejection in
                    try rejectsSink?.write(RejectsFormat.line(rejection))
                }
        } catch let error as InputError {
            sink.abort()
            rejectsSink?.abort()
            StandardError.write("riskscore rescore: error: \(error)\nriskscore rescore: no output was written\n")
            throw ExitCode(1)
        }
        let elapsed = ContinuousClock.now - started
        outcome.live.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        try sink.commit()
        try rejectsSink?.commit()
        StandardError.write(SummaryReport.text(outcome.live))
        if let shadow = outcome.shadow {
            StandardError.write("\nchallenger \(shadowPolicy?.name ?? "") (shadow, never applied):\n" + SummaryReport.text(shadow))
        }
        if let summaryJSON {
            let summarySink = try ByteSink(path: summaryJSON)
            try summarySink.write(SummaryReport.json(outcome.live))
            try summarySink.commit()
        }
    }
}
