import LockFreeRing
import RiskCore

/// A parser worker: parses the lines of every batch it receives into records (with their ids
/// and `tx.*` features), then hands the batch to every keyed worker.
struct ParserStage: @unchecked Sendable {
    let input: SPSCRing<RecordBatch>
    /// One ring per keyed worker.
    let outputs: [SPSCRing<RecordBatch>]
    let inputNames: [String]

    func run() {
        while let batch = input.pop() {
            parse(batch)
            for ring in outputs { ring.push(batch) }
        }
        for ring in outputs { ring.close() }
    }

    func parse(_ batch: RecordBatch) {
        let parser = batch.parser
        for slot in 0..<batch.count {
            switch RecordLineDecoder.decode(batch.cut(at: slot), parser: parser) {
            case .success(let decoded):
                batch.ids[slot] = decoded.id
                if case .transaction(let logged) = decoded.record {
                    batch.kinds[slot] = .transaction
                    let features = batch.features + slot
                    features.pointee = FeatureVector()
                    TransactionFeatures.write(logged.transaction, into: &features.pointee)
                } else {
                    batch.kinds[slot] = .update
                }
                batch.records[slot] = decoded.record
            case .failure(let error):
                batch.kinds[slot] = .rejected
                batch.rejections.append(RecordRejection(file: inputNames[batch.fileIndex], line: batch.spans[slot].line, reason: error.reason))
            }
        }
    }
}
