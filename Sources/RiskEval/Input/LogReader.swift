import RiskCore
import RiskIngest
import RiskIO

/// Reads transaction logs (NDJSON or CSV, plain or zstd, many files in order) into stream
/// records, with the position of every rejected line.
///
/// A bad line never stops the read: it is reported to `onReject` with its file and line number,
/// counted, and the records around it are still delivered.
public struct LogReader: Sendable {
    /// The input files, read one after another (`-` is standard input).
    public var paths: [String]
    /// The format, or nil to guess it per file from its name.
    public var format: InputFormat?
    /// CSV column mapping, canonical field → column name.
    public var mapping: [String: String]

    /// Counts of one read.
    public struct Counts: Sendable {
        /// Lines read (excluding CSV headers and blank lines).
        public var lines = 0
        /// Records delivered.
        public var records = 0
        /// Lines rejected.
        public var rejected = 0
    }

    /// Creates a reader.
    public init(paths: [String], format: InputFormat? = nil, mapping: [String: String] = [:]) {
        self.paths = paths
        self.format = format
        self.mapping = mapping
    }

    /// Reads every file in order and calls `body` with each record and the bytes of its id as
    /// written in the line (valid only during the call).
    ///
    /// - Throws: I/O and zstd errors, and CSV header/mapping errors (these stop the read: no line
    ///   of that file could be understood).
    @discardableResult
    public func read(onReject: (RecordRejection) -> Void,
                     _ body: (StreamRecord, UnsafeRawBufferPointer) throws -> Void) throws -> Counts {
        var counts = Counts()
        for path in paths {
            let source = try ByteSource(path: path)
            defer { source.close() }
            let fileFormat = format ?? InputFormat.guess(fromPath: path)
            var parser: RecordParser? = fileFormat == .ndjson ? .ndjson(NDJSONRecordParser()) : nil
            var splitter = LineSplitter()
            var lineNumber = 0
            func handle(_ line: UnsafeRawBufferPointer) throws {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                guard let current = parser else {
                    do {
                        parser = .csv(try CSVRecordParser(header: line, mapping: mapping))
                    } catch {
                        throw InputError(file: path, message: error.description)
                    }
                    return
                }
                counts.lines += 1
                do {
                    let parsed = try current.parse(line)
                    counts.records += 1
                    let id = parsed.idRange.isEmpty ? UnsafeRawBufferPointer(start: nil, count: 0) : UnsafeRawBufferPointer(rebasing: line[parsed.idRange])
                    try body(parsed.record, id)
                } catch let error as RecordError {
                    counts.rejected += 1
                    onReject(RecordRejection(file: path, line: lineNumber, reason: error.reason))
                }
            }
            while let chunk = try source.next() {
                try splitter.split(chunk, handle)
            }
            try splitter.finish(handle)
        }
        return counts
    }
}
