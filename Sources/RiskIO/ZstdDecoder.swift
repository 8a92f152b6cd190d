import CZstd

/// A streaming zstd decompressor over `ZSTD_decompressStream`.
///
/// The decoder accepts any number of concatenated frames (including skippable frames), and
/// can be driven in two ways:
///
/// * pull: ``decompress(_:into:)`` decodes from a caller-owned input buffer into a caller-owned
///   output buffer (this is what ``ByteSource`` uses), then ``finish()`` at end of input;
/// * push: ``decode(_:_:)`` hands each decoded chunk to a closure, then ``finish()``.
///
/// ## Errors and partial output
/// Input is handed to zstd at most one block at a time (zstd's own next-input-size hint),
/// so a damaged block never takes already-decoded good blocks down with it. When zstd
/// reports damage after some output was produced in the same ``decompress(_:into:)`` call,
/// that output is returned first and the ``ZstdError`` is thrown by the next call (or by
/// ``finish()``). The error's ``ZstdError/compressedOffset`` is the compressed offset of the
/// input zstd was reading when it detected the damage (the start of the damaged block, or of
/// the frame checksum for a checksum mismatch).
///
/// A decoder is not thread-safe; use one per stream.
public final class ZstdDecoder {
    /// Default size of the output buffer used by ``decode(_:_:)``: 1 MiB.
    public static let defaultBufferSize = 1 << 20

    /// Bytes handed to zstd at the start of a frame, before it has told us how much it needs.
    private static let frameStartProbe = 5

    private let dctx: OpaquePointer
    private let scratch: UnsafeMutableRawBufferPointer
    private var nextInputHint = ZstdDecoder.frameStartProbe
    private var pendingError: ZstdError?
    private var mayHoldOutput = false

    /// Total compressed bytes consumed so far, across all frames.
    public private(set) var compressedBytesConsumed: Int64 = 0

    /// Total decompressed bytes produced so far, across all frames.
    public private(set) var decompressedBytesProduced: Int64 = 0

    /// Number of frames (including skippable frames) decoded completely so far.
    public private(set) var framesCompleted = 0

    /// `true` when the decoder is between frames, i.e. input may end here without truncation.
    public private(set) var isAtFrameBoundary = true

    /// Creates a decoder.
    ///
    /// - Parameter bufferSize: Size of the output buffer ``decode(_:_:)`` uses for each chunk
    ///   it hands to its closure. ``decompress(_:into:)`` does not use it.
    /// - Throws: ``ZstdError`` of kind ``ZstdError/Kind/contextCreation`` if zstd cannot
    ///   allocate a context.
    public init(bufferSize: Int = ZstdDecoder.defaultBufferSize) throws(ZstdError) {
        precondition(bufferSize > 0, "bufferSize must be positive")
        guard let context = ZSTD_createDCtx() else {
            throw ZstdError.fromCode(ZSTD_error_memory_allocation, kind: .contextCreation, offset: 0)
        }
        dctx = context
        scratch = .allocate(byteCount: bufferSize, alignment: 64)
    }

    deinit {
        ZSTD_freeDCtx(dctx)
        scratch.deallocate()
    }

    /// Decodes from `input` into `output` until the output is full or the input is used up.
    ///
    /// - Parameters:
    ///   - input: Compressed bytes; the return value says how many were consumed. Bytes not
    ///     consumed must be passed again (first) on the next call.
    ///   - output: Where decoded bytes are written, starting at its first byte.
    /// - Returns: The number of input bytes consumed and output bytes produced. Both may be
    ///   zero when the input is empty.
    /// - Throws: ``ZstdError`` of kind ``ZstdError/Kind/corrupt`` when the input is damaged;
    ///   thrown only once everything decoded before the damage has been returned.
    public func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ZstdError) -> (consumed: Int, produced: Int) {
        if let error = pendingError { throw error }
        guard let outBase = output.baseAddress, output.count > 0 else { return (0, 0) }
        var consumed = 0
        var produced = 0
        while produced < output.count {
            let available = input.count - consumed
            if available == 0 && !mayHoldOutput { break }
            let slice = min(available, max(nextInputHint, 1))
            var inBuffer = ZSTD_inBuffer(src: input.baseAddress.map { $0 + consumed }, size: slice, pos: 0)
            var outBuffer = ZSTD_outBuffer(dst: outBase + produced, size: output.count - produced, pos: 0)
            let result = ZSTD_decompressStream(dctx, &outBuffer, &inBuffer)
            if zstdIsError(result) {
                let error = ZstdError.fromResult(
                    result, kind: .corrupt,
                    offset: compressedBytesConsumed + Int64(inBuffer.pos))
                ZSTD_DCtx_reset(dctx, ZSTD_reset_session_only)
                nextInputHint = Self.frameStartProbe
                mayHoldOutput = false
                pendingError = error
                if produced > 0 { break }
                throw error
            }
            consumed += inBuffer.pos
            produced += outBuffer.pos
            compressedBytesConsumed += Int64(inBuffer.pos)
            decompressedBytesProduced += Int64(outBuffer.pos)
            // A call that filled the output may have left decoded bytes inside zstd.
            mayHoldOutput = outBuffer.pos == outBuffer.size
            if result == 0 {
                framesCompleted += 1
                isAtFrameBoundary = true
                nextInputHint = Self.frameStartProbe
            } else {
                isAtFrameBoundary = false
                nextInputHint = result
            }
            if inBuffer.pos == 0 && outBuffer.pos == 0 { break }
        }
        return (consumed, produced)
    }

    /// Decodes all of `input`, handing each decoded chunk to `consume`.
    ///
    /// The chunk passed to `consume` points into a buffer the decoder reuses; copy what you keep.
    ///
    /// - Parameters:
    ///   - input: The next piece of the compressed stream (any size, any split).
    ///   - consume: Receives the decoded bytes in order.
    /// - Throws: ``ZstdError`` on damaged input (after every byte decoded before the damage
    ///   was passed to `consume`), or whatever `consume` throws.
    public func decode(
        _ input: UnsafeRawBufferPointer,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var offset = 0
        while true {
            let step = try decompress(UnsafeRawBufferPointer(rebasing: input[offset...]), into: scratch)
            offset += step.consumed
            if step.produced > 0 {
                try consume(UnsafeRawBufferPointer(rebasing: scratch[0..<step.produced]))
            } else if step.consumed == 0 {
                return
            }
        }
    }

    /// Declares the end of the compressed input.
    ///
    /// In pull mode, first call ``decompress(_:into:)`` with an empty input until it produces
    /// nothing, so that every decoded byte has been collected. ``decode(_:_:)`` does that itself.
    ///
    /// - Throws: A pending ``ZstdError`` from the last ``decompress(_:into:)`` call, or a
    ///   ``ZstdError/Kind/truncated`` error when the input ended inside a frame.
    public func finish() throws(ZstdError) {
        if let error = pendingError { throw error }
        if !isAtFrameBoundary {
            let error = ZstdError.fromCode(ZSTD_error_srcSize_wrong, kind: .truncated, offset: compressedBytesConsumed)
            pendingError = error
            throw error
        }
    }

    /// Makes the decoder ready for a new, unrelated stream: clears counters, errors and state.
    public func reset() {
        ZSTD_DCtx_reset(dctx, ZSTD_reset_session_only)
        nextInputHint = Self.frameStartProbe
        pendingError = nil
        mayHoldOutput = false
        compressedBytesConsumed = 0
        decompressedBytesProduced = 0
        framesCompleted = 0
        isAtFrameBoundary = true
    }
}
