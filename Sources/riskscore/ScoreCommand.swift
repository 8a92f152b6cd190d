#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import RiskCore
import RiskIngest
import RiskIO

/// `riskscore score`: live scoring for pipes, one decision line per transaction as it arrives.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score records as they arrive (NDJSON in, one decision line out per transaction).",
        discussion: "Rejected lines are reported on standard error as FILE:LINE: REASON. Output is flushed after every decision when the input or output is a pipe or terminal."
    )

    @Option(help: "The policy file.")
    var policy: String = DefaultPaths.policy

    @Option(help: "Input file, or - for standard input (.zst or zstd data is decompressed).")
    var input: String = "-"

    @Option(help: "Output file, or - for standard output (.zst compresses).")
    var output: String = "-"

    func run() throws {
        let compiled = try loadPolicy(policy)
        let interactive = Self.isPipeOrTerminal(input == "-" ? STDIN_FILENO : -1)
            || Self.isPipeOrTerminal(output == "-" ? STDOUT_FILENO : -1)
        let sink = try ByteSink(path: output, flushEachWrite: false)
        do {
            let summary = try LiveScorer.run(input: input, engine: RiskEngine(policy: compiled), output: sink,
                                             flushEachRecord: interactive) { rejection in
                StandardError.write("\(rejection)\n")
            }
            try sink.commit()
            StandardError.write("riskscore score: \(summary.decisions) decisions, \(summary.recordsRejected) rejected\n")
        } catch let error as InputError {
            // Decisions already written to a pipe stay; a file output is complete or absent.
            if output == "-" { try? sink.commit() } else { sink.abort() }
            StandardError.write("riskscore score: error: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Whether `descriptor` is a pipe, FIFO or terminal.
    static func isPipeOrTerminal(_ descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        if isatty(descriptor) != 0 { return true }
        var info = stat()
        return fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO
    }
}
