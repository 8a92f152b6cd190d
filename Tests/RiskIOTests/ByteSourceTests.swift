import Testing
import RiskIO

@Suite("ByteSource")
struct ByteSourceTests {
    @Test("plain files pass through unchanged, in buffer-sized chunks")
    func plainPassthrough() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/plain.csv"
        let original = sampleData(byteCount: 3_000_000)
        try writeFile(path, original)

        let source = try ByteSource(path: path, bufferSize: 64 * 1024)
        #expect(!source.isCompressed)
        #expect(source.totalBytes == Int64(original.count))
        var decoded: [UInt8] = []
        var chunks = 0
        while let chunk = try source.next() {
            #expect(chunk.count <= 64 * 1024)
            decoded.append(contentsOf: chunk)
            chunks += 1
        }
        #expect(decoded == original)
        #expect(chunks >= original.count / (64 * 1024))
        #expect(source.bytesConsumed == Int64(original.count))
        #expect(try source.next() == nil)
    }

    @Test(".zst files are decompressed and progress is counted in compressed bytes")
    func compressedByName() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/data.csv.zst"
        let original = sampleData(byteCount: 4_000_000)
        let compressed = try zstdFrame(original)
        try writeFile(path, compressed)

        let source = try ByteSource(path: path)
        #expect(source.isCompressed)
        #expect(source.totalBytes == Int64(compressed.count))
        var decoded: [UInt8] = []
        var lastProgress: Int64 = 0
        while let chunk = try source.next() {
            decoded.append(contentsOf: chunk)
            #expect(source.bytesConsumed >= lastProgress)
            lastProgress = source.bytesConsumed
        }
        #expect(decoded == original)
        #expect(source.bytesConsumed == Int64(compressed.count))
    }

    @Test("the zstd magic number is detected without a .zst name")
    func magicDetection() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/looks-plain.bin"
        let original = sampleData(byteCount: 700_000)
        try writeFile(path, try zstdFrame(original))
        let result = try readThroughSource(path)
        #expect(result.compressed)
        #expect(result.bytes == original)
    }

    @Test("files shorter than a magic number and empty files read as plain")
    func tinyFiles() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        try writeFile(directory + "/empty", [])
        try writeFile(directory + "/three", [0x28, 0xB5, 0x2F])
        let empty = try readThroughSource(directory + "/empty")
        #expect(empty.bytes.isEmpty && !empty.compressed)
        let three = try readThroughSource(directory + "/three")
        #expect(three.bytes == [0x28, 0xB5, 0x2F] && !three.compressed)
    }

    @Test("two concatenated frames in a file read as one stream")
    func multiFrameFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let first = sampleData(byteCount: 1_200_000, seed: 11)
        let second = sampleData(byteCount: 800_000, seed: 12)
        let path = directory + "/two.zst"
        try writeFile(path, try zstdFrame(first) + zstdFrame(second, level: 9))
        #expect(try readThroughSource(path, bufferSize: 100_000).bytes == first + second)
    }

    @Test("frames written by the zstd command line, concatenated, read as one stream",
          .enabled(if: zstdCommandAvailable, "needs /usr/bin/zstd"))
    func multiFrameFromCommandLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let first = sampleData(byteCount: 600_000, seed: 21)
        let second = sampleData(byteCount: 900_000, seed: 22)
        try writeFile(directory + "/a", first)
        try writeFile(directory + "/b", second)
        let a = try runZstdCommand(["-q", "-c", directory + "/a"])
        let b = try runZstdCommand(["-q", "-c", "-19", directory + "/b"])
        #expect(a.status == 0 && b.status == 0)
        try writeFile(directory + "/ab.zst", a.output + b.output)
        #expect(try readThroughSource(directory + "/ab.zst").bytes == first + second)
    }

    @Test("a truncated file throws .truncated at its end, after delivering what came before")
    func truncated() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let original = sampleData(byteCount: 3_000_000)
        let compressed = try zstdFrame(original)
        let cut = compressed.count * 6 / 10
        let path = directory + "/cut.zst"
        try writeFile(path, Array(compressed[0..<cut]))

        let source = try ByteSource(path: path)
        var delivered: [UInt8] = []
        do {
            try drain(source, into: &delivered)
            Issue.record("expected a truncation error")
        } catch let error as ZstdError {
            #expect(error.kind == .truncated)
            #expect(error.compressedOffset == Int64(cut))
            #expect(!error.zstdErrorName.isEmpty)
            #expect(error.description.contains("\(cut)"))
        }
        #expect(isPrefix(delivered, of: original))
        // Every complete block before the cut was delivered: at most the block the cut falls
        // in (≤ 128 KiB decoded) is missing, give or take the uneven compression ratio.
        let proportional = Int(Double(original.count) / Double(compressed.count) * Double(cut))
        #expect(delivered.count >= proportional - 256 * 1024)
    }

    @Test("a corrupt block throws .corrupt near the damage, after delivering the good blocks")
    func corrupt() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let original = sampleData(byteCount: 4_000_000)
        var compressed = try zstdFrame(original)
        let damage = compressed.count / 2
        for index in damage..<(damage + 64) { compressed[index] ^= 0xA5 }
        let path = directory + "/damaged.zst"
        try writeFile(path, compressed)

        let source = try ByteSource(path: path)
        var delivered: [UInt8] = []
        do {
            try drain(source, into: &delivered)
            Issue.record("expected a corruption error")
        } catch let error as ZstdError {
            #expect(error.kind == .corrupt)
            // Reported at the start of the damaged block: at most one block (a block decodes
            // to ≤ 128 KiB, so it is smaller than that compressed) before the damage.
            #expect(error.compressedOffset <= Int64(damage))
            #expect(error.compressedOffset >= Int64(damage - 128 * 1024))
            #expect(error.zstdErrorName == "Data corruption detected")
        }
        // Every good block before the damaged one was delivered, and nothing after it.
        #expect(isPrefix(delivered, of: original))
        let proportional = Int(Double(original.count) / Double(compressed.count) * Double(damage))
        #expect(delivered.count >= proportional - 256 * 1024)
        #expect(delivered.count <= proportional + 256 * 1024)
    }

    @Test("a damaged frame checksum is reported at the checksum, after all content")
    func checksumMismatch() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let original = sampleData(byteCount: 1_000_000)
        var compressed = try zstdFrame(original)
        compressed[compressed.count - 2] ^= 0x01
        let path = directory + "/checksum.zst"
        try writeFile(path, compressed)

        let source = try ByteSource(path: path)
        var delivered: [UInt8] = []
        do {
            try drain(source, into: &delivered)
            Issue.record("expected a checksum error")
        } catch let error as ZstdError {
            #expect(error.kind == .corrupt)
            #expect(error.compressedOffset == Int64(compressed.count - 4))
            #expect(error.zstdErrorName.contains("checksum"))
        }
        #expect(delivered == original)
    }

    @Test("a missing file is an IOError carrying ENOENT")
    func missingFile() throws {
        do {
            _ = try ByteSource(path: "/nonexistent/riskio/input.zst")
            Issue.record("expected an error")
        } catch let error as IOError {
            #expect(error.operation == "open")
            #expect(error.errno == 2)
        }
    }
}
