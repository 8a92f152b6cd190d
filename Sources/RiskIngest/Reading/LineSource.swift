#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RiskCore
import RiskIO

/// The lines of one or many inputs in order, each with its file and line number, and the parser
/// configured for the current file (for CSV, from its header line).
///
/// Inputs are opened one at a time, as they are reached. Blank lines are skipped (they still
/// count in line numbers); a CSV file's header line is consumed here.
final class LineSource {
    /// One line of input.
    struct Line {
        /// The line's bytes, or that it was too long.
        var cut: LineCutter.Cut
        /// Index of the input.
        var fileIndex: Int
        /// Line number within the input, from 1.
        var line: Int
    }

    /// The inputs as given.
    let inputs: [String]
    /// Their format.
    let format: InputFormat
    /// The key for card hashes.
    let cardKey: SipHashKey
    /// Sum of the stored sizes of the inputs, or `nil` when one is not a regular file.
    let totalBytes: Int64?
    /// The parser for the current input.
    private(set) var parser: RecordParser
    /// Index of the current input (-1 before the first).
    private(set) var fileIndex = -1
    private var lineNumber = 0
    private var source: ByteSource?
    private var finishedBytes: Int64 = 0
    private let cutter = LineCutter()

    /// Size of each input's read and decompression buffers.
    let bufferSize: Int

    init(inputs: [String], format: InputFormat, cardKey: SipHashKey, bufferSize: Int = ByteSource.defaultBufferSize) {
        self.inputs = inputs
        self.bufferSize = bufferSize
        self.format = format
        self.cardKey = cardKey
        parser = .ndjson(NDJSONRecordParser(cardKey: cardKey))
        totalBytes = Self.storedSize(of: inputs)
    }

    /// The sum of the stored sizes of `inputs`, or `nil` when one is not a regular file.
    static func storedSize(of inputs: [String]) -> Int64? {
        var total: Int64 = 0
        for path in inputs {
            var info = stat()
            if path == "-" || stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG { return nil }
            total += Int64(info.st_size)
        }
        return total
    }

    /// Stored bytes consumed so far over all inputs (compressed bytes for zstd inputs).
    var bytesConsumed: Int64 { finishedBytes + (source?.bytesConsumed ?? 0) }

    /// The next non-blank line, or `nil` after the last input.
    func next() throws(InputError) -> Line? {
        while true {
            if source == nil {
                guard try openNextInput() else { return nil }
                continue
            }
            let cut: LineCutter.Cut?
            do {
                cut = try cutter.next(from: source!)
            } catch {
                throw InputError(file: inputs[fileIndex], underlying: error)
            }
            guard let cut else {
                closeInput()
                continue
            }
            lineNumber += 1
            if case .line(let bytes) = cut, bytes.isEmpty { continue }
            return Line(cut: cut, fileIndex: fileIndex, line: lineNumber)
        }
    }

    private func closeInput() {
        if let source {
            finishedBytes += source.bytesConsumed
            source.close()
        }
        source = nil
        cutter.reset()
    }

    /// Opens the next input and reads its header; `false` when none is left.
    private func openNextInput() throws(InputError) -> Bool {
        guard fileIndex + 1 < inputs.count else { return false }
        fileIndex += 1
        lineNumber = 0
        let path = inputs[fileIndex]
        do {
            let opened = try ByteSource(path: path, bufferSize: bufferSize)
            source = opened
            guard format.hasHeader else {
                parser = try format.parser(header: UnsafeRawBufferPointer(start: nil, count: 0), cardKey: cardKey)
                return true
            }
            guard let header = try cutter.next(from: opened) else {
                closeInput()
                return true
            }
            lineNumber = 1
            guard case .line(let bytes) = header else {
                throw InputError(file: path, message: "CSV header line is longer than \(RecordParser.maximumLineLength) bytes")
            }
            parser = try format.parser(header: bytes, cardKey: cardKey)
            return true
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: path, underlying: error)
        }
    }
}
