import Foundation
import Testing
import RiskIO

/// Runs `body` on a new thread and returns a semaphore signalled when it is done.
private func spawn(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    Thread {
        body()
        done.signal()
    }.start()
    return done
}

/// Opens a pipe, returning (read end, write end).
private func makePipe() throws -> (Int32, Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw IOError(operation: "pipe", path: "-", errno: errno) }
    return (ends[0], ends[1])
}

@Suite("streams (standard input / output stand-ins)")
struct PipeTests {
    @Test("zstd arriving through a pipe in dribbles is sniffed by its magic number and decoded")
    func sniffsMagicOnPipe() throws {
        let original = sampleData(byteCount: 1_000_000, seed: 3)
        let compressed = try zstdFrame(original)
        let (readEnd, writeEnd) = try makePipe()
        let writerDone = spawn {
            compressed.withUnsafeBytes { bytes in
                var offset = 0
                var piece = 1
                while offset < bytes.count {
                    let end = min(offset + piece, bytes.count)
                    _ = write(writeEnd, bytes.baseAddress! + offset, end - offset)
                    offset = end
                    if piece < 8 { usleep(1_000) }
                    piece = piece < 8 ? piece + 1 : 65_536
                }
            }
            close(writeEnd)
        }
        let source = try ByteSource(fileDescriptor: readEnd, closeOnDeinit: true)
        #expect(source.isCompressed)
        #expect(source.totalBytes == nil)
        var decoded: [UInt8] = []
        try drain(source, into: &decoded)
        writerDone.wait()
        #expect(decoded == original)
        #expect(source.bytesConsumed == Int64(compressed.count))
    }

    @Test("plain text through a pipe passes through")
    func plainOnPipe() throws {
        let original = sampleData(byteCount: 200_000, seed: 4)
        let (readEnd, writeEnd) = try makePipe()
        let writerDone = spawn {
            original.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress!, 2); _ = write(writeEnd, $0.baseAddress! + 2, $0.count - 2) }
            close(writeEnd)
        }
        let source = try ByteSource(fileDescriptor: readEnd, closeOnDeinit: true)
        var decoded: [UInt8] = []
        try drain(source, into: &decoded)
        writerDone.wait()
        #expect(!source.isCompressed)
        #expect(decoded == original)
    }

    @Test("a compressing sink on a live pipe feeds a decompressing source on the other end")
    func sinkToSourceThroughPipe() throws {
        let original = sampleData(byteCount: 3_000_000, seed: 8)
        let (readEnd, writeEnd) = try makePipe()
        let writerDone = spawn {
            do {
                let sink = try ByteSink(fileDescriptor: writeEnd, compressed: true, flushEachWrite: true)
                try original.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let end = min(offset + 250_000, bytes.count)
                        try sink.write(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                        offset = end
                    }
                }
                try sink.commit()
            } catch {
                Issue.record("writer failed: \(error)")
            }
            close(writeEnd)
        }
        let source = try ByteSource(fileDescriptor: readEnd, closeOnDeinit: true)
        var decoded: [UInt8] = []
        try drain(source, into: &decoded)
        writerDone.wait()
        #expect(source.isCompressed)
        #expect(decoded == original)
    }
}
