import LockFreeRing
import RiskCore

/// Runs one ``KeyedWorker`` over the stream: batch `s` arrives from parser `s % inputs.count`.
/// The worker does its acceptor work on batch `s + 1` before its card work on batch `s`, so a
/// worker rarely waits for the others to finish their acceptor work on a batch.
struct KeyedStage: @unchecked Sendable {
    let worker: KeyedWorker
    /// One ring per parser.
    let inputs: [SPSCRing<RecordBatch>]
    let output: SPSCRing<RecordBatch>

    func run() {
        var pending: RecordBatch?
        var sequence = 0
        while true {
            let next = inputs[sequence % inputs.count].popWaiting()
            if let next {
                worker.processAcceptors(next)
                next.acceptorsDone.add(1, ordering: .releasing)
            }
            if let pending {
                var wait = Backoff.pipelineStage()
                while pending.acceptorsDone.load(ordering: .acquiring) < worker.workerCount { wait.wait() }
                worker.processCards(pending)
                output.pushWaiting(pending)
            }
            guard let next else { break }
            pending = next
            sequence += 1
        }
        output.close()
    }
}
