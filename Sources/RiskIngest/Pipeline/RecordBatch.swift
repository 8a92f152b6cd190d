import RiskCore
import Synchronization

/// A fixed-size block of consecutive input lines of one file travelling through the pipeline:
/// the lines' bytes, then the parsed records, their terminal and merchant features and their
/// decisions.
///
/// Batches are allocated once, recycled through the pipeline's rings, and never resized, so
/// the pipeline allocates nothing per record. Every stage owns a batch while it holds it (the
/// rings' release/acquire orderings hand it over); in the keyed stage all workers hold the same
/// batch at once but write disjoint slots and disjoint per-slot feature ranges.
final class RecordBatch: @unchecked Sendable {
    /// What a slot holds after parsing.
    enum SlotKind: UInt8 {
        /// The line was rejected; its reason is in ``rejections``.
        case rejected
        /// A transaction (with a decision after the card stage).
        case transaction
        /// Feedback or a status update: state only, no decision.
        case update
    }

    /// A line's place in ``text``: `length < 0` marks a line that was too long (`-length` bytes).
    struct LineSpan {
        var start: Int32
        var length: Int32
        var line: Int
    }

    /// Most lines per batch.
    let capacity: Int
    /// Bytes of line text per batch.
    let textCapacity: Int
    /// Position in the stream, from 0.
    var sequence = 0
    /// Index of the input the lines come from.
    var fileIndex = 0
    /// The parser for that input.
    var parser: RecordParser = .ndjson(NDJSONRecordParser())
    /// Number of lines held.
    var count = 0
    /// Bytes of ``text`` used.
    var textCount = 0
    /// The error that ended the input after this batch's lines, if any.
    var error: InputError?

    let text: UnsafeMutableRawBufferPointer
    let spans: UnsafeMutablePointer<LineSpan>
    let kinds: UnsafeMutablePointer<SlotKind>
    /// Per slot, the transaction of a ``SlotKind/transaction`` slot: a flat value that the keyed
    /// workers and the writer read in place, without copying an enum payload or retaining.
    let transactions: UnsafeMutablePointer<Transaction>
    /// Per transaction slot, the issuer's historical response, if the log has one.
    let responseCodes: UnsafeMutablePointer<ResponseCode?>
    /// Per ``SlotKind/update`` slot, the feedback or status record.
    let updates: UnsafeMutablePointer<StreamRecord>
    let ids: UnsafeMutablePointer<RecordID>
    /// Terminal features per slot (``AcceptorFeatureRanges/width`` values each), written by the
    /// terminal's owner and read by the card's owner.
    let terminalValues: UnsafeMutablePointer<Double>
    /// Merchant features per slot, likewise.
    let merchantValues: UnsafeMutablePointer<Double>
    let decisions: UnsafeMutablePointer<Decision>
    /// Per keyed worker, the slots whose terminal, merchant or card it owns, set by the parser
    /// so that each worker visits only its own slots.
    let routes: SlotRoutes
    /// Rejected lines of the batch, in line order.
    var rejections: [RecordRejection] = []
    /// Workers that have finished their terminal and merchant work on this batch.
    let acceptorsDone = Atomic<Int>(0)

    init(capacity: Int, textCapacity: Int, acceptorWidth: Int, workers: Int) {
        self.capacity = capacity
        self.textCapacity = textCapacity
        text = .allocate(byteCount: textCapacity, alignment: 64)
        spans = .allocate(capacity: capacity)
        kinds = .allocate(capacity: capacity)
        kinds.initialize(repeating: .rejected, count: capacity)
        transactions = .allocate(capacity: capacity)
        transactions.initialize(repeating: Transaction(id: 0, time: 0, card: CardReference(hash: 0), amount: 0, merchant: 0, terminal: 0),
                                count: capacity)
        responseCodes = .allocate(capacity: capacity)
        responseCodes.initialize(repeating: nil, count: capacity)
        updates = .allocate(capacity: capacity)
        let placeholder = StreamRecord.status(StatusUpdate(card: CardReference(hash: 0), status: .normal, time: 0))
        updates.initialize(repeating: placeholder, count: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: RecordID(), count: capacity)
        terminalValues = UnsafeMutableRawPointer.allocate(byteCount: capacity * acceptorWidth * 8, alignment: 128)
            .initializeMemory(as: Double.self, repeating: 0, count: capacity * acceptorWidth)
        merchantValues = UnsafeMutableRawPointer.allocate(byteCount: capacity * acceptorWidth * 8, alignment: 128)
            .initializeMemory(as: Double.self, repeating: 0, count: capacity * acceptorWidth)
        routes = SlotRoutes(workers: workers, capacity: capacity)
        decisions = .allocate(capacity: capacity)
        decisions.initialize(repeating: Decision(transactionID: 0), count: capacity)
        rejections.reserveCapacity(16)
    }

    deinit {
        text.deallocate()
        spans.deallocate()
        kinds.deinitialize(count: capacity).deallocate()
        transactions.deinitialize(count: capacity).deallocate()
        responseCodes.deinitialize(count: capacity).deallocate()
        updates.deinitialize(count: capacity).deallocate()
        ids.deinitialize(count: capacity).deallocate()
        terminalValues.deallocate()
        merchantValues.deallocate()
        decisions.deinitialize(count: capacity).deallocate()
        routes.deallocate()
    }

    /// Empties the batch for reuse.
    func reset(sequence: Int) {
        self.sequence = sequence
        count = 0
        textCount = 0
        error = nil
        rejections.removeAll(keepingCapacity: true)
        routes.removeAll()
        acceptorsDone.store(0, ordering: .relaxed)
    }

    /// Appends a line; `false` when the batch has no room for it.
    @inline(__always)
    func append(_ cut: LineCutter.Cut, line: Int) -> Bool {
        guard count < capacity else { return false }
        switch cut {
        case .line(let bytes):
            guard textCount + bytes.count <= textCapacity else { return false }
            if !bytes.isEmpty {
                (text.baseAddress! + textCount).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            }
            spans[count] = LineSpan(start: Int32(textCount), length: Int32(bytes.count), line: line)
            textCount += bytes.count
        case .overlong(let length):
            spans[count] = LineSpan(start: Int32(textCount), length: -Int32(clamping: max(length, 1)), line: line)
        }
        count += 1
        return true
    }

    /// The line at `index` as the line cutter delivered it.
    @inline(__always)
    func cut(at index: Int) -> LineCutter.Cut {
        let span = spans[index]
        if span.length < 0 { return .overlong(length: Int(-span.length)) }
        return .line(UnsafeRawBufferPointer(start: text.baseAddress! + Int(span.start), count: Int(span.length)))
    }
}
