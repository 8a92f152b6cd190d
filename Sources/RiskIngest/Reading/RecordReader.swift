import RiskCore
import RiskIO

/// Reads records from one or many inputs, in order, one at a time.
///
/// Each input is a path or `-` (standard input); zstd input (`.zst` or the zstd magic number)
/// is decompressed on the fly. Lines are cut from the decompressed bytes (lines split across
/// chunks, `\r\n`, a last line without newline and lines longer than
/// ``RecordParser/maximumLineLength`` bytes, which are rejected without being buffered whole),
/// and parsed with the format's parser (for CSV, configured from each file's header).
///
/// ```swift
/// let reader = RecordReader(inputs: ["day1.ndjson.zst", "day2.ndjson.zst"])
/// while let event = try reader.next() {
///     switch event {
///     case .record(let record, let id, let position): …
///     case .rejected(let rejection): print(rejection)
///     }
/// }
/// ```
///
/// A damaged zstd stream (or an unreadable file) throws ``InputError`` naming the file and the
/// compressed byte offset, after every record before the damage was returned. Not thread-safe.
public final class RecordReader {
    private let lines: LineSource
    /// Non-blank data lines read so far (records and rejections).
    public private(set) var recordsRead = 0
    /// Lines rejected so far.
    public private(set) var recordsRejected = 0

    /// Creates a reader; inputs are opened as they are reached.
    ///
    /// - Parameters:
    ///   - inputs: Paths, or `-` for standard input.
    ///   - format: NDJSON, or CSV with a column mapping.
    ///   - cardKey: The key for card hashes.
    ///   - bufferSize: Size of the read and decompression buffers (the chunk size).
    public init(inputs: [String], format: InputFormat = .ndjson, cardKey: SipHashKey = .defaultCardKey,
                bufferSize: Int = ByteSource.defaultBufferSize) {
        lines = LineSource(inputs: inputs, format: format, cardKey: cardKey, bufferSize: bufferSize)
    }

    /// The inputs as given.
    public var inputs: [String] { lines.inputs }
    /// Stored bytes consumed so far (compressed bytes for zstd inputs), for progress.
    public var bytesConsumed: Int64 { lines.bytesConsumed }
    /// The sum of the inputs' stored sizes, or `nil` when one is not a regular file.
    public var totalBytes: Int64? { lines.totalBytes }

    /// The name of the input at `position`.
    public func fileName(of position: RecordPosition) -> String { lines.inputs[position.fileIndex] }

    /// The next record or rejection, or `nil` after the last input.
    ///
    /// - Throws: ``InputError`` when an input cannot be opened or read, its zstd stream is
    ///   damaged, or its CSV header does not fit the mapping.
    public func next() throws(InputError) -> ReadEvent? {
        guard let line = try lines.next() else { return nil }
        recordsRead += 1
        let parser = lines.parser
        switch RecordLineDecoder.decode(line.cut, parser: parser) {
        case .success(let decoded):
            return .record(decoded.record, id: decoded.id, position: RecordPosition(fileIndex: line.fileIndex, line: line.line))
        case .failure(let error):
            recordsRejected += 1
            return .rejected(RecordRejection(file: lines.inputs[line.fileIndex], line: line.line, reason: error.reason))
        }
    }
}

/// Turns one cut line into a record and its echoable id, or the reason it is rejected: the
/// step shared by ``RecordReader`` and the pipeline's parser workers.
enum RecordLineDecoder {
    struct Decoded {
        var record: StreamRecord
        var id: RecordID
    }

    @inline(__always)
    static func decode(_ cut: LineCutter.Cut, parser: RecordParser) -> Result<Decoded, RecordError> {
        switch cut {
        case .overlong(let length):
            return .failure(RecordError("line longer than \(RecordParser.maximumLineLength) bytes (\(length) bytes)"))
        case .line(let bytes):
            return decode(bytes, parser: parser)
        }
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, parser: RecordParser) -> Result<Decoded, RecordError> {
        let parsed: ParsedRecord
        do {
            parsed = try parser.parse(bytes)
        } catch {
            return .failure(error)
        }
        let isCSV: Bool
        if case .csv = parser { isCSV = true } else { isCSV = false }
        guard let id = RecordID(line: bytes, range: parsed.idRange, csv: isCSV) else {
            return .failure(RecordError("id longer than \(RecordID.capacity) bytes"))
        }
        return .success(Decoded(record: parsed.record, id: id))
    }
}
