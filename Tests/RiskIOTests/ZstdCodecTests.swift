import Testing
@testable import RiskIO

@Suite("zstd encoder and decoder")
struct ZstdCodecTests {
    @Test("a few MB survive encode → decode, fed in odd-sized pieces")
    func roundTrip() throws {
        let original = sampleData(byteCount: 5_000_000)
        let compressed = try zstdFrame(original)
        #expect(compressed.count < original.count / 2)
        #expect(ZstdMagic.matches(compressed.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[0..<4]) }))

        let decoder = try ZstdDecoder()
        var decoded: [UInt8] = []
        try compressed.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + 100_003, all.count)
                try decoder.decode(UnsafeRawBufferPointer(rebasing: all[offset..<end])) { decoded.append(contentsOf: $0) }
                offset = end
            }
        }
        try decoder.finish()
        #expect(decoded == original)
        #expect(decoder.framesCompleted == 1)
        #expect(decoder.compressedBytesConsumed == Int64(compressed.count))
        #expect(decoder.decompressedBytesProduced == Int64(original.count))
    }

    @Test("level and worker settings produce valid frames", arguments: [(Int32(1), 0), (Int32(19), 0), (Int32(3), 2)])
    func levelsAndWorkers(level: Int32, workers: Int) throws {
        let original = sampleData(byteCount: 1_500_000, seed: 7)
        let encoder = try ZstdEncoder(level: level, workers: workers)
        #expect(encoder.level == level)
        var compressed: [UInt8] = []
        try original.withUnsafeBytes { bytes in
            try encoder.compress(UnsafeRawBufferPointer(rebasing: bytes[0..<700_000])) { compressed.append(contentsOf: $0) }
            try encoder.compress(UnsafeRawBufferPointer(rebasing: bytes[700_000...])) { compressed.append(contentsOf: $0) }
        }
        try encoder.finish { compressed.append(contentsOf: $0) }
        #expect(encoder.uncompressedBytesIn == Int64(original.count))
        #expect(encoder.compressedBytesOut == Int64(compressed.count))

        let decoder = try ZstdDecoder()
        var decoded: [UInt8] = []
        try compressed.withUnsafeBytes { try decoder.decode($0) { decoded.append(contentsOf: $0) } }
        try decoder.finish()
        #expect(decoded == original)
    }

    @Test("concatenated frames decode as one stream")
    func multiFrame() throws {
        let first = sampleData(byteCount: 900_000, seed: 1)
        let second = sampleData(byteCount: 1_300_000, seed: 2)
        let encoder = try ZstdEncoder()
        let stream = try first.withUnsafeBytes { try encoder.compressFrame($0) }
            + second.withUnsafeBytes { try encoder.compressFrame($0) }
        let decoder = try ZstdDecoder()
        var decoded: [UInt8] = []
        try stream.withUnsafeBytes { try decoder.decode($0) { decoded.append(contentsOf: $0) } }
        try decoder.finish()
        #expect(decoded == first + second)
        #expect(decoder.framesCompleted == 2)
    }

    @Test("trailing garbage after a frame is reported at the frame's end")
    func trailingGarbage() throws {
        let original = sampleData(byteCount: 300_000)
        let frame = try zstdFrame(original)
        let stream = frame + Array("not zstd at all".utf8)
        let decoder = try ZstdDecoder()
        var decoded: [UInt8] = []
        do {
            try stream.withUnsafeBytes { try decoder.decode($0) { decoded.append(contentsOf: $0) } }
            try decoder.finish()
            Issue.record("expected an error")
        } catch let error as ZstdError {
            #expect(error.kind == .corrupt)
            #expect(error.compressedOffset == Int64(frame.count))
            #expect(!error.zstdErrorName.isEmpty)
        }
        #expect(decoded == original)
    }

    @Test("flush makes everything written so far decodable before the frame ends")
    func flushIsDecodable() throws {
        let encoder = try ZstdEncoder()
        var compressed: [UInt8] = []
        let part = sampleData(byteCount: 10_000)
        try part.withUnsafeBytes { try encoder.compress($0) { compressed.append(contentsOf: $0) } }
        try encoder.flush { compressed.append(contentsOf: $0) }

        let decoder = try ZstdDecoder()
        var decoded: [UInt8] = []
        try compressed.withUnsafeBytes { try decoder.decode($0) { decoded.append(contentsOf: $0) } }
        #expect(decoded == part)
        #expect(!decoder.isAtFrameBoundary)
        #expect(throws: ZstdError.self) { try decoder.finish() }
    }

    @Test("the decoder can be reset and reused after an error")
    func resetAfterError() throws {
        let decoder = try ZstdDecoder()
        let garbage: [UInt8] = Array(repeating: 0x41, count: 64)
        #expect(throws: ZstdError.self) {
            try garbage.withUnsafeBytes { try decoder.decode($0) { _ in } }
        }
        decoder.reset()
        let original = sampleData(byteCount: 50_000)
        let frame = try zstdFrame(original)
        var decoded: [UInt8] = []
        try frame.withUnsafeBytes { try decoder.decode($0) { decoded.append(contentsOf: $0) } }
        try decoder.finish()
        #expect(decoded == original)
    }

    @Test("skippable frames are stepped over and recognised by their magic number")
    func skippableFrame() throws {
        let payload: [UInt8] = Array("metadata that is not content".utf8)
        let size = UInt32(payload.count)
        let skippable: [UInt8] = [0x50, 0x2A, 0x4D, 0x18]
            + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
            + payload
        #expect(skippable.withUnsafeBytes { ZstdMagic.matches($0) })
        let original = sampleData(byteCount: 200_000)
        let stream = skippable + (try zstdFrame(original))
        let decoder = try ZstdDecoder()
        var decoded: [UInt8] = []
        try stream.withUnsafeBytes { try decoder.decode($0) { decoded.append(contentsOf: $0) } }
        try decoder.finish()
        #expect(decoded == original)
        #expect(decoder.framesCompleted == 2)
    }
}
