import LockFreeRing
import RiskCore

/// A parser worker: parses the lines of every batch it receives into records (with their ids),
/// lists each keyed worker's slots, then hands the batch to every keyed worker.
struct ParserStage: @unchecked Sendable {
    let input: SPSCRing<RecordBatch>
    /// One ring per keyed worker.
    let outputs: [SPSCRing<RecordBatch>]
    let inputNames: [String]
    /// Which keyed worker owns each key.
    let ownership: PartitionOwnership

    /// Adds `slot` to the lists of the workers owning its terminal, merchant and card.
    @inline(__always)
    private func route(_ batch: RecordBatch, _ slot: Int, terminal: UInt64, merchant: UInt64, card: UInt64) {
        batch.routes.append(slot, key: .terminal, worker: ownership.owner(of: terminal))
        batch.routes.append(slot, key: .merchant, worker: ownership.owner(of: merchant))
        batch.routes.append(slot, key: .card, worker: ownership.owner(of: card))
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
                    route(batch, slot, terminal: tx.terminal, merchant: tx.merchant, card: tx.card.hash)
                    batch.transactions[slot] = tx
                    batch.responseCodes[slot] = logged.responseCode
                case .feedback(let feedback):
                    batch.kinds[slot] = .update
                    route(batch, slot, terminal: feedback.terminal, merchant: feedback.merchant, card: feedback.card.hash)
                    batch.updates[slot] = decoded.record
                case .status(let update):
                    batch.kinds[slot] = .update
                    batch.routes.append(slot, key: .card, worker: ownership.owner(of: update.card.hash))
                    batch.updates[slot] = decoded.record
                }
            case .failure(let error):
                batch.kinds[slot] = .rejected
                batch.rejections.append(RecordRejection(file: inputNames[batch.fileIndex], line: batch.spans[slot].line, reason: error.reason))
            }
        }
    }
}
