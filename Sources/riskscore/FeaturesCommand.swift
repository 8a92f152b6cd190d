import ArgumentParser
import RiskCore
import RiskEval
import RiskIO

/// `riskscore features INPUT… --output features.csv`: the feature vector the engine used for
/// every transaction, for training models.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Export, for each transaction, the exact features the engine scored it with (CSV for Models/train.py).",
        discussion: """
        Columns: id,time,card,label, then every feature of the schema in order. card is masked \
        (never a full card number); label is 1, 0 or empty. With --label-delay, fraud labels \
        reach the label-derived features only that long after the transaction.
        """
    )

    @OptionGroup var input: LogInputOptions

    @Option(name: .shortAndLong, help: "The features CSV to write (.zst compresses; - is standard output).")
    var output: String

    @Option(help: "The policy the engine runs while exporting (its decisions do not change the features).")
    var policy: String = DefaultPaths.policy

    func run() throws {
        let reader = try input.reader()
        let delay = try input.labelDelayMilliseconds()
        let compiled = try loadPolicy(policy)
        let engine = RiskEngine(policy: compiled)
        let sink = try ByteSink(path: output)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: FeatureTable.header.utf8)
        var rejections = RejectionPrinter()
        var rows = 0
        var features = FeatureVector()
        do {
            try StreamReplay.run(reader, labelDelay: delay, onReject: { rejections.report($0) }) { record, id in
                guard case .transaction(let logged) = record else {
                    engine.process(record)
                    return
                }
                engine.score(logged.transaction, features: &features)
                if let code = logged.responseCode {
                    engine.record(outcome: Outcome(transaction: logged.transaction, responseCode: code))
                }
                FeatureTable.appendRow(id: id, logged, features: features, to: &buffer)
                rows += 1
                if buffer.count >= 1 << 20 {
                    try sink.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try sink.write(buffer)
            try sink.commit()
        } catch {
            sink.abort()
            throw error
        }
        printError("features: \(rows) rows (\(FeatureSchema.count) features, schema v\(FeatureSchema.version)) to \(output); \(rejections.count) lines rejected")
    }
}
