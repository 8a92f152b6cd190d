import Foundation
import Testing
import RiskIO

@Suite("ByteSink")
struct ByteSinkTests {
    @Test("the output appears only on commit; the temporary is gone afterwards")
    func commitPublishes() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/out.csv"
        let original = sampleData(byteCount: 2_500_000)
        let sink = try ByteSink(path: path)
        #expect(!sink.isCompressed)
        let temporary = try #require(sink.temporaryPath)
        #expect(temporary == directory + "/.out.csv.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        // Odd-sized writes, one larger than the buffer.
        try original.withUnsafeBytes { bytes in
            try sink.write(UnsafeRawBufferPointer(rebasing: bytes[0..<10]))
            try sink.write(UnsafeRawBufferPointer(rebasing: bytes[10..<1_500_000]))
            try sink.write(UnsafeRawBufferPointer(rebasing: bytes[1_500_000...]))
        }
        #expect(!fileExists(path))
        #expect(fileExists(temporary))
        try sink.commit()
        #expect(fileExists(path))
        #expect(!fileExists(temporary))
        #expect(try readFile(path) == original)
        #expect(sink.bytesWritten == Int64(original.count))
    }

    @Test("abort removes the temporary and leaves no output")
    func abortRemovesTemporary() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/out.csv.zst"
        let sink = try ByteSink(path: path)
        try sink.write(sampleData(byteCount: 3_000_000))
        let temporary = try #require(sink.temporaryPath)
        #expect(fileExists(temporary))
        sink.abort()
        #expect(!fileExists(temporary))
        #expect(!fileExists(path))
    }

    @Test("a sink released without commit removes its temporary")
    func deinitAborts() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/out.txt"
        var temporary: String?
        do {
            let sink = try ByteSink(path: path)
            try sink.write("half a record")
            temporary = sink.temporaryPath
        }
        let leftover = try #require(temporary)
        #expect(!fileExists(leftover))
        #expect(!fileExists(path))
    }

    @Test("an existing output is replaced only on commit")
    func replacesOnCommit() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/report.txt"
        try writeFile(path, Array("old".utf8))
        let sink = try ByteSink(path: path)
        try sink.write("new")
        #expect(try readFile(path) == Array("old".utf8))
        try sink.commit()
        #expect(try readFile(path) == Array("new".utf8))
    }

    @Test(".zst output round-trips through ByteSource")
    func compressedRoundTrip() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/decisions.ndjson.zst"
        let original = sampleData(byteCount: 3_000_000, seed: 99)
        let sink = try ByteSink(path: path, level: 5)
        #expect(sink.isCompressed)
        try original.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + 4_093, bytes.count)
                try sink.write(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
        }
        try sink.commit()
        let stored = try readFile(path)
        #expect(stored.count < original.count / 2)
        let result = try readThroughSource(path)
        #expect(result.compressed)
        #expect(result.bytes == original)
    }

    @Test(".zst output is readable by `zstd -dc`", .enabled(if: zstdCommandAvailable, "needs /usr/bin/zstd"))
    func readableByCommandLine() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let path = directory + "/out.zst"
        let original = sampleData(byteCount: 2_000_000, seed: 5)
        let sink = try ByteSink(path: path, workers: 2)
        try sink.write(original)
        try sink.commit()
        let result = try runZstdCommand(["-dc", path])
        #expect(result.status == 0)
        #expect(result.output == original)
        let check = try runZstdCommand(["-t", "-q", path])
        #expect(check.status == 0)
    }

    @Test("flushEachWrite makes every write decodable on disk before commit")
    func flushEachWrite() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        for name in ["live.txt", "live.txt.zst"] {
            let sink = try ByteSink(path: directory + "/" + name, flushEachWrite: true)
            try sink.write("first line\n")
            try sink.write("second line\n")
            let temporary = try #require(sink.temporaryPath)
            // Readable now, without commit; for zstd the frame is still open (truncated).
            let source = try ByteSource(path: temporary)
            var seen: [UInt8] = []
            if sink.isCompressed {
                #expect(throws: ZstdError.self) { try drain(source, into: &seen) }
            } else {
                try drain(source, into: &seen)
            }
            #expect(seen == Array("first line\nsecond line\n".utf8))
            try sink.commit()
            #expect(try readThroughSource(directory + "/" + name).bytes == seen)
        }
    }

    @Test("explicit flush writes buffered bytes without committing")
    func explicitFlush() throws {
        let directory = try makeTemporaryDirectory()
        defer { removeDirectory(directory) }
        let sink = try ByteSink(path: directory + "/x")
        try sink.write("abc")
        let temporary = try #require(sink.temporaryPath)
        #expect(try readFile(temporary).isEmpty)
        try sink.flush()
        #expect(try readFile(temporary) == Array("abc".utf8))
        sink.abort()
    }
}
