import RiskCore
import RiskIngest

/// Reads transaction logs through RiskIngest's ``RecordReader`` (many files in order, plain or
/// zstd, NDJSON or mapped CSV) and hands each record to a closure, the way `features` and
/// `evaluate` consume them.
///
/// A bad line never stops the read: it goes to `onReject` with its file and line number, is
/// counted, and the records around it are still delivered. A damaged or unreadable input throws
/// ``InputError`` after every record before the damage was delivered.
public struct LogReader: Sendable {
    /// The input files, read one after another (`-` is standard input).
    public var paths: [String]
    /// The format of every input.
    public var format: InputFormat

    /// Counts of one read.
    public struct Counts: Sendable {
        /// Non-blank data lines read.
        public var lines = 0
        /// Records delivered.
        public var records = 0
        /// Lines rejected.
        public var rejected = 0
    }

    /// Creates a reader.
    public init(paths: [String], format: InputFormat = .ndjson) {
        self.paths = paths
        self.format = format
    }

    /// Reads every input in order and calls `body` with each record and the bytes of its id
    /// (JSON-escaped, valid only during the call).
    @discardableResult
    public func read(onReject: (RecordRejection) -> Void,
                     _ body: (StreamRecord, UnsafeRawBufferPointer) throws -> Void) throws -> Counts {
        let reader = RecordReader(inputs: paths, format: format)
        var counts = Counts()
        while let event = try reader.next() {
            switch event {
            case .record(let record, let id, _):
                counts.records += 1
                try id.withBytes { try body(record, $0) }
            case .rejected(let rejection):
                counts.rejected += 1
                onReject(rejection)
            }
        }
        counts.lines = reader.recordsRead
        return counts
    }
}
