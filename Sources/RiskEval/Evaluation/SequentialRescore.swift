import RiskCore
import RiskIngest
import RiskIO

/// Rescoring one record after another through ``RiskEngine``, for the options the parallel
/// pipeline does not take: a label delay (fraud labels injected as fraud reports `delay` after
/// their transaction) and a challenger policy scored in shadow.
///
/// Each output line is the live decision as ``DecisionWriter`` writes it; with a challenger it
/// gains a `"shadow"` member holding the challenger's decision in the same shape. The challenger
/// never changes the live decision or the engine's state.
public enum SequentialRescore {
    /// The live and the challenger's summaries.
    public struct Outcome: Sendable {
        /// The live policy's summary.
        public var live: RescoreSummary
        /// The challenger's summary, when there is one.
        public var shadow: RescoreSummary?
    }

    /// Rescores `inputs` into `output` (committed on success, removed on failure).
    public static func run(inputs: [String], format: InputFormat, output: ByteSink, policy: Policy,
                           challenger: Policy?, labelDelay: Int64?,
                           onReject: (RecordRejection) throws -> Void) throws -> Outcome {
        let engine = RiskEngine(policy: policy)
        if let challenger { engine.installChallenger(challenger) }
        var live = RescoreSummary()
        var shadow: RescoreSummary? = challenger == nil ? nil : RescoreSummary()
        var writer = DecisionWriter()
        var shadowWriter = DecisionWriter()
        var delay = labelDelay.map { LabelDelay(delay: $0) }
        let reader = RecordReader(inputs: inputs, format: format)

        func applyInjected(_ record: StreamRecord) {
            _ = engine.process(record)
            live.updates += 1
        }

        while let event = try reader.next() {
            switch event {
            case .rejected(let rejection):
                try onReject(rejection)
            case .record(let record, let id, _):
                delay?.releaseDue(by: record.time) { applyInjected($0) }
                guard let decided = engine.processWithShadow(record), case .transaction(let logged) = record else {
                    live.updates += 1
                    continue
                }
                writer.removeAll()
                writer.append(decided.live, id: id, card: logged.transaction.card)
                live.add(decided.live, responseCode: logged.responseCode)
                if let shadowDecision = decided.shadow {
                    shadowWriter.removeAll()
                    shadowWriter.append(shadowDecision, id: id, card: logged.transaction.card)
                    shadow?.add(shadowDecision, responseCode: logged.responseCode)
                    // `…}\n` + `,"shadow":{…}` + `}\n`
                    try writer.withUnsafeBytes { try output.write(UnsafeRawBufferPointer(rebasing: $0.dropLast(2))) }
                    try output.write(Array(",\"shadow\":".utf8))
                    try shadowWriter.withUnsafeBytes { try output.write(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
                    try output.write(Array("}\n".utf8))
                } else {
                    try writer.withUnsafeBytes { try output.write($0) }
                }
                delay?.schedule(record)
            }
        }
        delay?.finish { applyInjected($0) }
        live.recordsRead = reader.recordsRead
        live.recordsRejected = reader.recordsRejected
        shadow?.recordsRead = reader.recordsRead
        shadow?.recordsRejected = reader.recordsRejected
        return Outcome(live: live, shadow: shadow)
    }
}
