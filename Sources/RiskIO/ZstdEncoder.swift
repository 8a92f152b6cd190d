import CZstd

/// A streaming zstd compressor over `ZSTD_compressStream2`.
///
/// Feed data with ``compress(_:_:)`` (`ZSTD_e_continue`), then end the frame with
/// ``finish(_:)`` (`ZSTD_e_end`). The encoder collects compressed output in its own buffer
/// and hands it to the `emit` closure only when that buffer is full, on ``flush(_:)``, or on
/// ``finish(_:)``, so the closure sees few, large chunks. After ``finish(_:)`` the encoder is
/// ready for a new frame; frames written one after another form a valid multi-frame stream.
///
/// Frames carry a content checksum by default. An encoder is not thread-safe.
public final class ZstdEncoder {
    /// Default compression level.
    public static let defaultLevel: Int32 = 3

    /// Default size of the compressed-output buffer: 1 MiB.
    public static let defaultBufferSize = 1 << 20

    private let cctx: OpaquePointer
    private let outputBuffer: UnsafeMutableRawBufferPointer
    private var outputCount = 0

    /// The compression level in use.
    public let level: Int32

    /// Number of zstd worker threads (0: compress on the calling thread).
    public let workers: Int

    /// Total uncompressed bytes accepted so far.
    public private(set) var uncompressedBytesIn: Int64 = 0

    /// Total compressed bytes handed to `emit` so far.
    public private(set) var compressedBytesOut: Int64 = 0

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - level: zstd compression level (1…`ZSTD_maxCLevel()`, negative for the fast levels).
    ///   - workers: zstd worker threads (`ZSTD_c_nbWorkers`); 0 compresses on the caller's thread.
    ///   - checksum: Whether each frame ends with a content checksum (`ZSTD_c_checksumFlag`).
    ///   - bufferSize: Size of the compressed-output buffer.
    /// - Throws: ``ZstdError`` if zstd cannot allocate a context or rejects a parameter (for
    ///   example `workers > 0` with a single-threaded libzstd).
    public init(
        level: Int32 = ZstdEncoder.defaultLevel,
        workers: Int = 0,
        checksum: Bool = true,
        bufferSize: Int = ZstdEncoder.defaultBufferSize
    ) throws(ZstdError) {
        precondition(bufferSize > 0, "bufferSize must be positive")
        precondition(workers >= 0, "workers must not be negative")
        guard let context = ZSTD_createCCtx() else {
            throw ZstdError.fromCode(ZSTD_error_memory_allocation, kind: .contextCreation, offset: 0)
        }
        let parameters: [(ZSTD_cParameter, Int32)] = [
            (ZSTD_c_compressionLevel, level),
            (ZSTD_c_checksumFlag, checksum ? 1 : 0),
        ] + (workers > 0 ? [(ZSTD_c_nbWorkers, Int32(clamping: workers))] : [])
        for (parameter, value) in parameters {
            let result = ZSTD_CCtx_setParameter(context, parameter, value)
            if zstdIsError(result) {
                ZSTD_freeCCtx(context)
                throw ZstdError.fromResult(result, kind: .compression, offset: 0)
            }
        }
        cctx = context
        outputBuffer = .allocate(byteCount: bufferSize, alignment: 64)
        self.level = level
        self.workers = workers
    }

    deinit {
        ZSTD_freeCCtx(cctx)
        outputBuffer.deallocate()
    }

    /// Compresses `input` (`ZSTD_e_continue`), passing compressed output to `emit` whenever the
    /// output buffer fills up.
    ///
    /// - Parameters:
    ///   - input: Uncompressed bytes; all of them are consumed.
    ///   - emit: Receives compressed bytes in order; the buffer is reused after it returns.
    /// - Throws: ``ZstdError`` from zstd, or whatever `emit` throws.
    public func compress(_ input: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard input.count > 0 else { return }
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        while inBuffer.pos < inBuffer.size {
            _ = try step(&inBuffer, ZSTD_e_continue, emit)
        }
        uncompressedBytesIn += Int64(input.count)
    }

    /// Makes everything accepted so far decodable (`ZSTD_e_flush`) and passes all buffered
    /// compressed output to `emit`. Useful for live pipes; costs some compression ratio.
    ///
    /// - Parameter emit: Receives compressed bytes in order.
    /// - Throws: ``ZstdError`` from zstd, or whatever `emit` throws.
    public func flush(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try step(&inBuffer, ZSTD_e_flush, emit) != 0 {}
        try drain(emit)
    }

    /// Ends the current frame (`ZSTD_e_end` until zstd reports 0) and passes all remaining
    /// compressed output to `emit`. The next ``compress(_:_:)`` starts a new frame.
    ///
    /// - Parameter emit: Receives compressed bytes in order.
    /// - Throws: ``ZstdError`` from zstd, or whatever `emit` throws.
    public func finish(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try step(&inBuffer, ZSTD_e_end, emit) != 0 {}
        try drain(emit)
    }

    /// Compresses `input` into one complete frame and returns it.
    ///
    /// - Parameter input: Uncompressed bytes.
    /// - Returns: The compressed frame.
    /// - Throws: ``ZstdError`` from zstd.
    public func compressFrame(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        var result: [UInt8] = []
        let append: (UnsafeRawBufferPointer) -> Void = { result.append(contentsOf: $0) }
        try compress(input, append)
        try finish(append)
        return result
    }

    /// One `ZSTD_compressStream2` call into the free part of the output buffer; emits the
    /// buffer first when it is full. Returns zstd's "bytes left to flush" result.
    private func step(
        _ inBuffer: inout ZSTD_inBuffer,
        _ directive: ZSTD_EndDirective,
        _ emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        if outputCount == outputBuffer.count { try drain(emit) }
        var outBuffer = ZSTD_outBuffer(
            dst: outputBuffer.baseAddress! + outputCount,
            size: outputBuffer.count - outputCount,
            pos: 0)
        let result = ZSTD_compressStream2(cctx, &outBuffer, &inBuffer, directive)
        if zstdIsError(result) {
            ZSTD_CCtx_reset(cctx, ZSTD_reset_session_only)
            throw ZstdError.fromResult(result, kind: .compression, offset: compressedBytesOut + Int64(outputCount))
        }
        outputCount += outBuffer.pos
        return result
    }

    /// Hands the buffered compressed bytes to `emit` and empties the buffer.
    private func drain(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard outputCount > 0 else { return }
        let chunk = UnsafeRawBufferPointer(rebasing: outputBuffer[0..<outputCount])
        try emit(chunk)
        compressedBytesOut += Int64(outputCount)
        outputCount = 0
    }
}
