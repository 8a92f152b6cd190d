import LockFreeRing
import RiskCore
import Synchronization

/// The pipeline's first stage: decompresses the inputs, cuts them into lines and packs the
/// lines into batches (one file per batch), handing batch `s` to parser `s % parsers.count`.
struct ReaderStage: @unchecked Sendable {
    let inputs: [String]
    let format: InputFormat
    let cardKey: SipHashKey
    let bufferSize: Int
    /// Empty batches to fill (returned by the writer).
    let free: SPSCRing<RecordBatch>
    /// One ring per parser.
    let parsers: [SPSCRing<RecordBatch>]
    /// Progress and cancellation shared with the writer.
    let counters: SharedCounters

    func run() {
        let lines = LineSource(inputs: inputs, format: format, cardKey: cardKey, bufferSize: bufferSize)
        var sequence = 0
        guard var batch = take(sequence: sequence) else { return finish(lines) }
        while true {
            let line: LineSource.Line?
            do {
                line = try lines.next()
            } catch {
                batch.error = error
                ship(batch)
                break
            }
            guard let line else {
                ship(batch)
                break
            }
            if batch.count > 0 && line.fileIndex != batch.fileIndex || !batch.append(line.cut, line: line.line) {
                ship(batch)
                sequence += 1
                counters.bytesConsumed.store(lines.bytesConsumed, ordering: .relaxed)
                guard !counters.cancelled.load(ordering: .relaxed), let next = take(sequence: sequence) else { break }
                batch = next
                _ = batch.append(line.cut, line: line.line)
            }
            if batch.count == 1 {
                batch.fileIndex = line.fileIndex
                batch.parser = lines.parser
            }
        }
        finish(lines)
    }

    private func finish(_ lines: LineSource) {
        counters.bytesConsumed.store(lines.bytesConsumed, ordering: .relaxed)
        for ring in parsers { ring.close() }
    }

    private func take(sequence: Int) -> RecordBatch? {
        guard let batch = free.popWaiting() else { return nil }
        batch.reset(sequence: sequence)
        return batch
    }

    private func ship(_ batch: RecordBatch) {
        parsers[batch.sequence % parsers.count].pushWaiting(batch)
    }
}
