import LockFreeRing
import RiskCore

/// A parser worker: parses the lines of every batch it receives into records (with their ids
/// and `tx.*` features), then hands the batch to every keyed worker.
struct ParserStage: @unchecked Sendable {
    let input: SPSCRing<RecordBatch>
    /// One ring per keyed worker.
    let outputs: [SPSCRing<RecordBatch>]
    let inputNames: [String]
    /// The partitioning that decides which keyed worker owns each key.
    let configuration: EngineConfiguration

    /// The keyed worker owning `key`.
    @inline(__always)
    private func owner(_ key: UInt64) -> UInt8 {
        UInt8(truncatingIfNeeded: configuration.partition(of: key) % outputs.count)
    }

    /// Records the owners of a slot's terminal, merchant and card.
    @inline(__always)
    private func route(_ batch: RecordBatch, _ slot: Int, terminal: UInt8, merchant: UInt8, card: UInt8) {
        let owners = batch.owners + slot * 3
        owners[0] = terminal
        owners[1] = merchant
        owners[2] = card
    }

    func run() {
        while let batch = input.popWaiting() {
            parse(batch)
            for ring in outputs { ring.pushWaiting(batch) }
        }
        for ring in outputs { ring.close() }
    }

    func parse(_ batch: RecordBatch) {
        let parser = batch.parser
        for slot in 0..<batch.count {
            switch RecordLineDecoder.decode(batch.cut(at: slot), parser: parser) {
            case .success(let decoded):
                batch.ids[slot] = decoded.id
                switch decoded.record {
                case .transaction(let logged):
                    let tx = logged.transaction
                    batch.kinds[slot] = .transaction
                    route(batch, slot, terminal: owner(tx.terminal), merchant: owner(tx.merchant), card: owner(tx.card.hash))
                    batch.transactions[slot] = tx
                    batch.responseCodes[slot] = logged.responseCode
                    let features = batch.features + slot
                    features.pointee = FeatureVector()
                    TransactionFeatures.write(tx, into: &features.pointee)
                case .feedback(let feedback):
                    batch.kinds[slot] = .update
                    route(batch, slot, terminal: owner(feedback.terminal), merchant: owner(feedback.merchant), card: owner(feedback.card.hash))
                    batch.updates[slot] = decoded.record
                case .status(let update):
                    batch.kinds[slot] = .update
                    route(batch, slot, terminal: RecordBatch.noOwner, merchant: RecordBatch.noOwner, card: owner(update.card.hash))
                    batch.updates[slot] = decoded.record
                }
            case .failure(let error):
                batch.kinds[slot] = .rejected
                batch.rejections.append(RecordRejection(file: inputNames[batch.fileIndex], line: batch.spans[slot].line, reason: error.reason))
            }
        }
    }
}
