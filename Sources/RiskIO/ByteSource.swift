#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input as a sequence of byte chunks, decompressing zstd on the fly.
///
/// The input is treated as zstd when its path ends in `.zst` or when its first four bytes are a
/// zstd magic number (this works for standard input too); anything else passes through as is.
///
/// ```swift
/// let source = try ByteSource(path: "transactions.ndjson.zst")
/// while let chunk = try source.next() {
///     parse(chunk)   // valid until the next call to next()
/// }
/// ```
///
/// ``next()`` hands out views into a buffer the source reuses, so reading allocates nothing per
/// chunk. ``bytesConsumed`` and ``totalBytes`` (both counted in bytes of the file as stored,
/// compressed or not) drive progress bars. A source is not thread-safe.
public final class ByteSource {
    /// Default buffer size for reading and for decompressed output: 1 MiB.
    public static let defaultBufferSize = 1 << 20

    /// The path this source reads, `"-"` for standard input.
    public let path: String

    /// `true` when the input is decompressed as zstd.
    public let isCompressed: Bool

    /// The size of the input file as stored (compressed size for zstd input), or `nil` when it
    /// is not a regular file (standard input from a pipe, a FIFO, a device).
    public let totalBytes: Int64?

    private let fd: Int32
    private let ownsDescriptor: Bool
    private var isOpen = true
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var reachedEndOfFile = false
    private var finished = false
    private var plainBytesConsumed: Int64 = 0
    private let decoder: ZstdDecoder?
    private let output: UnsafeMutableRawBufferPointer?

    /// Bytes of the stored input consumed so far (compressed bytes for zstd input). Together
    /// with ``totalBytes`` this gives the fraction done.
    public var bytesConsumed: Int64 {
        decoder?.compressedBytesConsumed ?? plainBytesConsumed
    }

    /// Opens `path` (or standard input for `"-"`) and sniffs the first bytes for zstd.
    ///
    /// - Parameters:
    ///   - path: A file path, or `"-"` for standard input.
    ///   - bufferSize: Size of the read buffer and, for zstd input, of the decompressed-output
    ///     buffer: the largest chunk ``next()`` returns.
    /// - Throws: ``IOError`` when the file cannot be opened or read, ``ZstdError`` when a
    ///   decompression context cannot be created.
    public convenience init(path: String, bufferSize: Int = ByteSource.defaultBufferSize) throws {
        if path == FileDescriptor.standardStreamPath {
            try self.init(descriptor: STDIN_FILENO, owned: false, path: path, bufferSize: bufferSize)
        } else {
            let fd = try FileDescriptor.openFile(path, flags: O_RDONLY)
            try self.init(descriptor: fd, owned: true, path: path, bufferSize: bufferSize)
        }
    }

    /// Reads from an already open descriptor (a pipe, a socket, an inherited stream), sniffing
    /// the first bytes for zstd.
    ///
    /// - Parameters:
    ///   - fileDescriptor: The descriptor to read from.
    ///   - name: A name for messages; a name ending in `.zst` forces decompression.
    ///   - closeOnDeinit: Whether ``close()`` (and deinitialization) closes the descriptor.
    ///   - bufferSize: As in ``init(path:bufferSize:)``.
    /// - Throws: ``IOError`` when the descriptor cannot be read, ``ZstdError`` when a
    ///   decompression context cannot be created. On error the descriptor is closed only if
    ///   `closeOnDeinit` is `true`.
    public convenience init(
        fileDescriptor: Int32,
        name: String = "-",
        closeOnDeinit: Bool = false,
        bufferSize: Int = ByteSource.defaultBufferSize
    ) throws {
        try self.init(descriptor: fileDescriptor, owned: closeOnDeinit, path: name, bufferSize: bufferSize)
    }

    private init(descriptor: Int32, owned: Bool, path: String, bufferSize: Int) throws {
        precondition(bufferSize >= 4, "bufferSize must hold at least a zstd magic number")
        self.path = path
        fd = descriptor
        ownsDescriptor = owned
        totalBytes = FileDescriptor.regularFileSize(fd)
        input = .allocate(byteCount: bufferSize, alignment: 64)
        do {
            // Read until the magic number can be checked (pipes may deliver fewer bytes).
            while inputEnd < 4 {
                let n = try FileDescriptor.readSome(
                    fd, into: UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...]), path: path)
                if n == 0 {
                    reachedEndOfFile = true
                    break
                }
                inputEnd += n
            }
            let sniffed = ZstdMagic.matches(UnsafeRawBufferPointer(rebasing: input[0..<inputEnd]))
            isCompressed = path.hasSuffix(".zst") || sniffed
            if isCompressed {
                decoder = try ZstdDecoder(bufferSize: 1)
                output = .allocate(byteCount: bufferSize, alignment: 64)
            } else {
                decoder = nil
                output = nil
            }
        } catch {
            input.deallocate()
            if owned { FileDescriptor.closeFile(descriptor) }
            throw error
        }
    }

    deinit {
        close()
        input.deallocate()
        output?.deallocate()
    }

    /// Returns the next chunk of (decompressed) bytes, or `nil` at the end of the input.
    ///
    /// The returned buffer is valid only until the next call to ``next()`` or ``close()``.
    ///
    /// - Throws: ``IOError`` on a read failure; ``ZstdError`` when zstd input is truncated or
    ///   corrupt, but only after every byte decoded before the damage has been returned.
    public func next() throws -> UnsafeRawBufferPointer? {
        guard isOpen, !finished else { return nil }
        if let decoder, let output {
            return try nextDecoded(decoder, output)
        }
        if inputStart == inputEnd {
            guard try refill() else {
                finished = true
                return nil
            }
        }
        let chunk = UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd])
        plainBytesConsumed += Int64(chunk.count)
        inputStart = inputEnd
        return chunk
    }

    /// Closes the file (standard input is left open). Later ``next()`` calls return `nil`.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if ownsDescriptor { FileDescriptor.closeFile(fd) }
    }

    private func nextDecoded(_ decoder: ZstdDecoder, _ output: UnsafeMutableRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        while true {
            if inputStart == inputEnd && !reachedEndOfFile {
                _ = try refill()
            }
            let pending = UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd])
            let step = try decoder.decompress(pending, into: output)
            inputStart += step.consumed
            if step.produced > 0 {
                return UnsafeRawBufferPointer(rebasing: output[0..<step.produced])
            }
            if step.consumed == 0 && inputStart == inputEnd && reachedEndOfFile {
                finished = true
                try decoder.finish()
                return nil
            }
            if step.consumed == 0 && inputStart < inputEnd {
                // zstd wants more than is buffered: keep the tail and read behind it.
                compactInput()
                let gotMore = reachedEndOfFile ? false : try refill(appending: true)
                if !gotMore {
                    finished = true
                    try decoder.finish()
                    return nil
                }
            }
        }
    }

    /// Reads more input; returns `false` at end of file.
    private func refill(appending: Bool = false) throws -> Bool {
        if !appending {
            inputStart = 0
            inputEnd = 0
        }
        let n = try FileDescriptor.readSome(
            fd, into: UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...]), path: path)
        if n == 0 {
            reachedEndOfFile = true
            return false
        }
        inputEnd += n
        return true
    }

    /// Moves unconsumed input to the front of the buffer.
    private func compactInput() {
        let remaining = inputEnd - inputStart
        if inputStart > 0 && remaining > 0 {
            input.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: remaining)
        }
        inputStart = 0
        inputEnd = remaining
    }
}
