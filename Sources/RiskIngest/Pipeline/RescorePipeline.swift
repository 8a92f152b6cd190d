import Dispatch
import LockFreeRing
import RiskCore
import Synchronization

/// Batch rescoring of many inputs on several threads, with the same output as scoring the
/// records one by one through ``RiskEngine/process(_:)``.
///
/// ## Stages
/// A reader (decompression, line cutting, batching) → `workers` parsers → `workers` keyed
/// workers → the ordered writer (the thread that calls ``run(summary:decisions:rejection:progress:)``).
/// Stages hand fixed-size ``RecordBatch``es over bounded lock-free ``SPSCRing``s; the batches
/// recycle from the writer back to the reader, so memory is bounded by the batch pool whatever
/// the input size, and a slow stage holds the reader back.
///
/// ## State
/// Keyed worker `w` is the single writer of the terminal, merchant and card partitions
/// `p` with `p % workers == w` (``EngineConfiguration/partition(of:)``), each created with the
/// configuration's per-partition capacity. Every worker sees every batch in stream order and
/// works on the records it owns: terminal and merchant features (then the record's issuer
/// response and feedback applied to them), and, once all workers did that for the batch, card
/// features, the policy's decision, and the response, feedback and status updates of the card.
public final class RescorePipeline {
    /// The inputs as given.
    public let inputs: [String]
    /// Their format.
    public let format: InputFormat
    /// The policy deciding every transaction.
    public let policy: Policy
    /// Sizing.
    public let options: PipelineOptions

    /// Creates a pipeline; nothing runs until ``run(summary:decisions:rejection:progress:)``.
    public init(inputs: [String], format: InputFormat = .ndjson, policy: Policy, options: PipelineOptions = PipelineOptions()) {
        self.inputs = inputs
        self.format = format
        self.policy = policy
        self.options = options
    }

    /// Runs the pipeline to the end of the inputs.
    ///
    /// - Parameters:
    ///   - summary: Accumulates counts (records read and rejected, decisions, reasons, issuer comparison).
    ///   - decisions: Receives the encoded decision lines (``DecisionWriter``), in input order, a
    ///     batch at a time.
    ///   - rejection: Receives each rejected line, in input order.
    ///   - progress: Called after each batch.
    /// - Throws: ``InputError`` when an input is damaged or unreadable, after every record before
    ///   the damage was decided and passed to `decisions`; or the first error thrown by
    ///   `decisions` or `rejection` (the pipeline then stops reading and winds down).
    public func run(
        summary: inout RescoreSummary,
        decisions: (UnsafeRawBufferPointer) throws -> Void,
        rejection: (RecordRejection) throws -> Void,
        progress: (PipelineProgress) -> Void = { _ in }
    ) throws {
        let workers = options.workers
        let ranges = AcceptorFeatureRanges()
        let ownership = PartitionOwnership(configuration: options.engine, workers: workers)
        let capacity = Self.powerOfTwo(atLeast: options.poolSize)
        let free = SPSCRing<RecordBatch>(capacity: capacity)
        for _ in 0..<options.poolSize {
            _ = free.tryPush(RecordBatch(capacity: options.batchCapacity, textCapacity: Self.textCapacity(options.batchCapacity),
                                         acceptorWidth: ranges.slotStride, workers: workers))
        }
        let toParsers = (0..<workers).map { _ in SPSCRing<RecordBatch>(capacity: capacity) }
        let toWorkers = (0..<workers).map { _ in (0..<workers).map { _ in SPSCRing<RecordBatch>(capacity: capacity) } }
        let toWriter = (0..<workers).map { _ in SPSCRing<RecordBatch>(capacity: capacity) }
        let shared = SharedCounters()

        let group = DispatchGroup()
        let writerStart = StageCPUTimes.threadNanoseconds()
        let reader = ReaderStage(inputs: inputs, format: format, cardKey: options.cardKey, bufferSize: options.bufferSize,
                                 free: free, parsers: toParsers, counters: shared)
        DispatchQueue(label: "riskingest.reader").async(group: group) {
            let start = StageCPUTimes.threadNanoseconds()
            reader.run()
            shared.readerNanoseconds.add(StageCPUTimes.threadNanoseconds() - start, ordering: .relaxed)
        }
        for parser in 0..<workers {
            let stage = ParserStage(input: toParsers[parser], outputs: toWorkers[parser], inputNames: inputs,
                                    ownership: ownership)
            DispatchQueue(label: "riskingest.parser.\(parser)").async(group: group) {
                let start = StageCPUTimes.threadNanoseconds()
                stage.run()
                shared.parserNanoseconds.add(StageCPUTimes.threadNanoseconds() - start, ordering: .relaxed)
            }
        }
        for worker in 0..<workers {
            let keyed = KeyedWorker(index: worker, ownership: ownership, policy: policy, ranges: ranges,
                                    policyVersion: options.policyVersion)
            let stage = KeyedStage(worker: keyed, inputs: toWorkers.map { $0[worker] }, output: toWriter[worker])
            DispatchQueue(label: "riskingest.keyed.\(worker)").async(group: group) {
                let start = StageCPUTimes.threadNanoseconds()
                stage.run()
                shared.keyedNanoseconds.add(StageCPUTimes.threadNanoseconds() - start, ordering: .relaxed)
            }
        }

        let totalBytes = LineSource.storedSize(of: inputs)
        var writer = DecisionWriter(capacity: options.batchCapacity * 256)
        var inputError: InputError?
        var outputError: (any Error)?
        while let batch = toWriter[0].popWaiting() {
            for ring in toWriter.dropFirst() {
                let same = ring.popWaiting()
                precondition(same === batch, "keyed workers delivered batches out of order")
            }
            if outputError == nil {
                do {
                    try write(batch, into: &writer, summary: &summary, decisions: decisions, rejection: rejection)
                } catch {
                    outputError = error
                    shared.cancelled.store(true, ordering: .relaxed)
                }
                progress(PipelineProgress(recordsRead: summary.recordsRead,
                                          bytesConsumed: shared.bytesConsumed.load(ordering: .relaxed),
                                          totalBytes: totalBytes))
            }
            if let error = batch.error { inputError = error }
            _ = free.tryPush(batch)
        }
        group.wait()
        summary.stageCPU.reader += Double(shared.readerNanoseconds.load(ordering: .relaxed)) / 1e9
        summary.stageCPU.parsers += Double(shared.parserNanoseconds.load(ordering: .relaxed)) / 1e9
        summary.stageCPU.keyed += Double(shared.keyedNanoseconds.load(ordering: .relaxed)) / 1e9
        summary.stageCPU.writer += Double(StageCPUTimes.threadNanoseconds() - writerStart) / 1e9
        if let outputError { throw outputError }
        if let inputError { throw inputError }
    }

    /// Encodes a batch's decisions and passes on its rejections, in line order.
    private func write(
        _ batch: RecordBatch, into writer: inout DecisionWriter, summary: inout RescoreSummary,
        decisions: (UnsafeRawBufferPointer) throws -> Void, rejection: (RecordRejection) throws -> Void
    ) throws {
        writer.removeAll()
        summary.recordsRead += batch.count
        summary.recordsRejected += batch.rejections.count
        for slot in 0..<batch.count {
            switch batch.kinds[slot] {
            case .transaction:
                let decision = batch.decisions + slot
                writer.append(UnsafePointer(decision), id: batch.ids[slot], card: batch.transactions[slot].card)
                summary.add(UnsafePointer(decision), responseCode: batch.responseCodes[slot])
            case .update:
                summary.updates += 1
            case .rejected:
                break
            }
        }
        for rejected in batch.rejections { try rejection(rejected) }
        try writer.withUnsafeBytes { try decisions($0) }
    }

    private static func powerOfTwo(atLeast value: Int) -> Int {
        var result = 2
        while result < value { result <<= 1 }
        return result
    }

    /// Text bytes per batch: room for the batch's lines at a typical length, and always for
    /// one line of the longest accepted length.
    private static func textCapacity(_ lines: Int) -> Int {
        max(lines * 256, RecordParser.maximumLineLength + 1)
    }
}

/// Counters shared between the reader and the writer.
final class SharedCounters: Sendable {
    /// Stored bytes consumed by the reader.
    let bytesConsumed = Atomic<Int64>(0)
    /// Set by the writer after an output error: the reader stops.
    let cancelled = Atomic<Bool>(false)
    /// Thread CPU nanoseconds of the reader, the parsers and the keyed workers.
    let readerNanoseconds = Atomic<Int64>(0)
    let parserNanoseconds = Atomic<Int64>(0)
    let keyedNanoseconds = Atomic<Int64>(0)
}
