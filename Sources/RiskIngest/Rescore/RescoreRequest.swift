import RiskCore

/// What `riskscore rescore` was asked to do.
public struct RescoreRequest: Sendable {
    /// Input paths (`-` for standard input).
    public var inputs: [String]
    /// Output path for the decisions (`-` for standard output; `.zst` compresses).
    public var output: String
    /// Input format and column mapping.
    public var format: InputFormat
    /// Pipeline sizing.
    public var options: PipelineOptions
    /// Where to write rejected lines (file, line, reason), if anywhere.
    public var rejectsPath: String?
    /// Where to write the summary as JSON, if anywhere.
    public var summaryJSONPath: String?
    /// zstd level for a `.zst` output (1 by default: decision lines compress about 10× at
    /// level 1 too, and level 3 costs the writer about twice the time).
    public var compressionLevel: Int32 = 1

    /// Creates a request.
    public init(inputs: [String], output: String, format: InputFormat = .ndjson, options: PipelineOptions = PipelineOptions(),
                rejectsPath: String? = nil, summaryJSONPath: String? = nil) {
        self.inputs = inputs
        self.output = output
        self.format = format
        self.options = options
        self.rejectsPath = rejectsPath
        self.summaryJSONPath = summaryJSONPath
    }
}

/// How a rescoring run ended.
public struct RescoreOutcome: Sendable {
    /// The counts, including the records decided before any input damage.
    public var summary: RescoreSummary
    /// The damaged or unreadable input that stopped the run, if any; the output was then not
    /// written (an output file appears only for a complete run).
    public var inputError: InputError?
    /// Whether the output was committed.
    public var committed: Bool { inputError == nil }
}
