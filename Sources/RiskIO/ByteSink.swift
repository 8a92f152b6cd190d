#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file or standard output, compressing with zstd when the path ends in `.zst`.
///
/// A file is written under a temporary name in the same directory (`.NAME.tmp-PID`) and only
/// renamed onto its final name by ``commit()``. ``abort()`` — and deinitialization without a
/// commit — removes the temporary, so an interrupted run never leaves a half-written output.
///
/// ```swift
/// let sink = try ByteSink(path: "decisions.ndjson.zst")
/// try sink.write(line)
/// try sink.commit()          // decisions.ndjson.zst appears only now
/// ```
///
/// Writes are buffered (1 MiB by default). With `flushEachWrite`, every ``write(_:)-(UnsafeRawBufferPointer)``
/// reaches the descriptor at once (and, for zstd output, is flushed to a decodable block), which
/// suits live pipes. A sink is not thread-safe.
public final class ByteSink {
    /// Default buffer size: 1 MiB.
    public static let defaultBufferSize = 1 << 20

    private enum State { case open, committed, aborted }

    /// The final path, `"-"` for standard output.
    public let path: String

    /// The temporary file written until ``commit()``; `nil` for standard output.
    public let temporaryPath: String?

    /// `true` when the output is zstd-compressed.
    public let isCompressed: Bool

    /// `true` when every write is passed to the descriptor immediately.
    public let flushEachWrite: Bool

    /// Uncompressed bytes accepted so far.
    public private(set) var bytesWritten: Int64 = 0

    private let fd: Int32
    private var state = State.open
    private let encoder: ZstdEncoder?
    private let buffer: UnsafeMutableRawBufferPointer?
    private var buffered = 0

    /// Opens an output.
    ///
    /// - Parameters:
    ///   - path: A file path, or `"-"` for standard output.
    ///   - compressed: Whether to write zstd; `nil` (the default) compresses when `path` ends
    ///     in `.zst`.
    ///   - level: zstd compression level.
    ///   - workers: zstd worker threads (0: compress on the writing thread).
    ///   - bufferSize: Size of the write buffer (for zstd output, of the compressed-output buffer).
    ///   - flushEachWrite: Pass every write through to the descriptor at once.
    /// - Throws: ``IOError`` when the temporary file cannot be created, ``ZstdError`` when the
    ///   encoder cannot be set up.
    public convenience init(
        path: String,
        compressed: Bool? = nil,
        level: Int32 = ZstdEncoder.defaultLevel,
        workers: Int = 0,
        bufferSize: Int = ByteSink.defaultBufferSize,
        flushEachWrite: Bool = false
    ) throws {
        let compress = compressed ?? path.hasSuffix(".zst")
        let encoder = compress ? try ZstdEncoder(level: level, workers: workers, bufferSize: bufferSize) : nil
        if path == FileDescriptor.standardStreamPath {
            self.init(descriptor: STDOUT_FILENO, temporaryPath: nil, path: path, encoder: encoder,
                      bufferSize: bufferSize, flushEachWrite: flushEachWrite)
        } else {
            let (fd, temporary) = try Self.createTemporary(for: path)
            self.init(descriptor: fd, temporaryPath: temporary, path: path, encoder: encoder,
                      bufferSize: bufferSize, flushEachWrite: flushEachWrite)
        }
    }

    /// Writes to an already open descriptor (a pipe, a socket, an inherited stream). There is no
    /// temporary file: ``commit()`` flushes (and ends the zstd frame); the descriptor stays open.
    ///
    /// - Parameters:
    ///   - fileDescriptor: The descriptor to write to; the caller keeps ownership.
    ///   - name: A name for messages.
    ///   - compressed: Whether to write zstd.
    ///   - level: zstd compression level.
    ///   - workers: zstd worker threads (0: compress on the writing thread).
    ///   - bufferSize: Size of the write buffer (for zstd output, of the compressed-output buffer).
    ///   - flushEachWrite: Pass every write through to the descriptor at once.
    /// - Throws: ``ZstdError`` when the encoder cannot be set up.
    public convenience init(
        fileDescriptor: Int32,
        name: String = "-",
        compressed: Bool = false,
        level: Int32 = ZstdEncoder.defaultLevel,
        workers: Int = 0,
        bufferSize: Int = ByteSink.defaultBufferSize,
        flushEachWrite: Bool = false
    ) throws {
        let encoder = compressed ? try ZstdEncoder(level: level, workers: workers, bufferSize: bufferSize) : nil
        self.init(descriptor: fileDescriptor, temporaryPath: nil, path: name, encoder: encoder,
                  bufferSize: bufferSize, flushEachWrite: flushEachWrite)
    }

    private init(
        descriptor: Int32,
        temporaryPath: String?,
        path: String,
        encoder: ZstdEncoder?,
        bufferSize: Int,
        flushEachWrite: Bool
    ) {
        precondition(bufferSize > 0, "bufferSize must be positive")
        fd = descriptor
        self.temporaryPath = temporaryPath
        self.path = path
        self.encoder = encoder
        isCompressed = encoder != nil
        self.flushEachWrite = flushEachWrite
        buffer = encoder == nil ? .allocate(byteCount: bufferSize, alignment: 64) : nil
    }

    deinit {
        if state == .open { abort() }
        buffer?.deallocate()
    }

    /// Writes `bytes` (buffered unless `flushEachWrite` is set).
    ///
    /// - Parameter bytes: The bytes to write; they are copied or consumed before returning.
    /// - Throws: ``IOError`` on a write failure, ``ZstdError`` on a compression failure.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(state == .open, "write after commit() or abort()")
        guard !bytes.isEmpty else { return }
        bytesWritten += Int64(bytes.count)
        if let encoder {
            try encoder.compress(bytes, emit)
            if flushEachWrite { try encoder.flush(emit) }
            return
        }
        guard let buffer else { return }
        if buffered + bytes.count > buffer.count {
            try drainBuffer()
        }
        if bytes.count >= buffer.count {
            try FileDescriptor.writeAll(fd, bytes, path: path)
        } else {
            UnsafeMutableRawBufferPointer(rebasing: buffer[buffered...]).copyMemory(from: bytes)
            buffered += bytes.count
        }
        if flushEachWrite { try drainBuffer() }
    }

    /// Writes the bytes of `array`.
    ///
    /// - Parameter array: The bytes to write.
    /// - Throws: As ``write(_:)-(UnsafeRawBufferPointer)``.
    public func write(_ array: [UInt8]) throws {
        try array.withUnsafeBytes { try write($0) }
    }

    /// Writes the UTF-8 bytes of `string`.
    ///
    /// - Parameter string: The text to write.
    /// - Throws: As ``write(_:)-(UnsafeRawBufferPointer)``.
    public func write(_ string: String) throws {
        var text = string
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Passes everything written so far to the descriptor; for zstd output, ends the current
    /// block so that a reader can decode everything written so far.
    ///
    /// - Throws: ``IOError`` or ``ZstdError``.
    public func flush() throws {
        precondition(state == .open, "flush after commit() or abort()")
        if let encoder {
            try encoder.flush(emit)
        } else {
            try drainBuffer()
        }
    }

    /// Finishes the output: flushes, ends the zstd frame, closes the file and renames the
    /// temporary onto the final path. For standard output, flushes and ends the frame.
    ///
    /// If this throws, the sink is still open: call ``abort()`` (or let it deinitialize).
    ///
    /// - Throws: ``IOError`` or ``ZstdError``.
    public func commit() throws {
        precondition(state == .open, "commit after commit() or abort()")
        if let encoder {
            try encoder.finish(emit)
        } else {
            try drainBuffer()
        }
        guard let temporaryPath else {
            state = .committed
            return
        }
        if close(fd) != 0 {
            let error = IOError(operation: "close", path: temporaryPath, errno: errno)
            state = .aborted
            unlink(temporaryPath)
            throw error
        }
        if rename(temporaryPath, path) != 0 {
            let error = IOError(operation: "rename", path: path, errno: errno)
            state = .aborted
            unlink(temporaryPath)
            throw error
        }
        state = .committed
    }

    /// Abandons the output: closes the file and removes the temporary. Standard output is
    /// left as it is (a zstd frame stays unfinished, which readers report as truncated).
    /// Does nothing after ``commit()`` or a previous ``abort()``.
    public func abort() {
        guard state == .open else { return }
        state = .aborted
        buffered = 0
        if let temporaryPath {
            FileDescriptor.closeFile(fd)
            unlink(temporaryPath)
        }
    }

    private func emit(_ chunk: UnsafeRawBufferPointer) throws {
        try FileDescriptor.writeAll(fd, chunk, path: path)
    }

    private func drainBuffer() throws {
        guard let buffer, buffered > 0 else { return }
        let pending = buffered
        buffered = 0
        try FileDescriptor.writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<pending]), path: path)
    }

    /// Creates `.NAME.tmp-PID` (or `.NAME.tmp-PID-N` if taken) next to `path`, exclusively.
    private static func createTemporary(for path: String) throws(IOError) -> (Int32, String) {
        let directory: Substring
        let name: Substring
        if let slash = path.lastIndex(of: "/") {
            directory = path[...slash]
            name = path[path.index(after: slash)...]
        } else {
            directory = ""
            name = Substring(path)
        }
        let base = "\(directory).\(name).tmp-\(getpid())"
        var attempt = 0
        while true {
            let candidate = attempt == 0 ? base : "\(base)-\(attempt)"
            do {
                let fd = try FileDescriptor.openFile(candidate, flags: O_WRONLY | O_CREAT | O_EXCL)
                return (fd, candidate)
            } catch where error.errno == EEXIST && attempt < 1000 {
                attempt += 1
            } catch {
                throw IOError(operation: "create temporary for", path: path, errno: error.errno)
            }
        }
    }
}
