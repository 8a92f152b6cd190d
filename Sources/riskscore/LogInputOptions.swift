import ArgumentParser
import Foundation
import RiskEval
import RiskIngest

/// The input options `features` and `evaluate` share: files, format, column mapping, label delay.
struct LogInputOptions: ParsableArguments {
    @Argument(help: "Transaction logs (NDJSON or CSV, plain or .zst), read in order; - is standard input.")
    var inputs: [String]

    @Option(help: "Input format: ndjson or csv (default: csv when the first input ends in .csv or .csv.zst).")
    var format: String?

    @Option(name: .customLong("map"), help: "CSV column mapping field=COLUMN (repeatable), e.g. --map card=CUSTOMER_ID.")
    var mappings: [String] = []

    @Option(help: "Turn each fraud label into a fraud report this long after the transaction (7d, 36h, 90m).")
    var labelDelay: String?

    /// The reader the options describe. Without `--format`, inputs whose names end in `.csv` or
    /// `.csv.zst` are read as CSV, others as NDJSON (all inputs must share one format).
    func reader() throws -> LogReader {
        let csv: Bool
        switch format {
        case "csv": csv = true
        case "ndjson": csv = false
        case nil: csv = inputs.first.map { $0.hasSuffix(".csv") || $0.hasSuffix(".csv.zst") } ?? false
        case let other?: throw ValidationError("--format must be ndjson or csv, not '\(other)'")
        }
        guard csv else {
            guard mappings.isEmpty else { throw ValidationError("--map applies to CSV input only") }
            return LogReader(paths: inputs, format: .ndjson)
        }
        do {
            return LogReader(paths: inputs, format: .csv(mapping: try CSVRecordParser.mapping(from: mappings)))
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The label delay in milliseconds, if given.
    func labelDelayMilliseconds() throws -> Int64? {
        guard let labelDelay else { return nil }
        guard let value = EventDuration.milliseconds(labelDelay) else {
            throw ValidationError("--label-delay must be a duration such as 7d, 36h, 90m or 45s, not '\(labelDelay)'")
        }
        return value
    }
}

/// Prints rejected lines to standard error: the first `limit` in full, then only a count.
struct RejectionPrinter {
    var limit = 20
    private(set) var count = 0

    mutating func report(_ rejection: RecordRejection) {
        count += 1
        if count <= limit { FileHandle.standardError.write(Data("rejected \(rejection)\n".utf8)) }
        if count == limit + 1 { FileHandle.standardError.write(Data("(further rejections counted, not shown)\n".utf8)) }
    }
}

/// A line on standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
