import Foundation
import RiskCore
import RiskIO
import Testing
@testable import RiskIngest

@Suite("Rescore driver: bad input, damaged zstd, atomic output")
struct RescoreDriverTests {
    static let policy = try! Policy.parse(yaml: """
        name: t
        rules:
          - {name: big, when: tx.amount > 100, action: decline, code: BIG_AMOUNT}
        """)

    /// Good lines (ids g0…), with every kind of bad line in between.
    static func mixedInput() -> (bytes: [UInt8], good: Int, badLines: [Int]) {
        var bytes: [UInt8] = []
        var good = 0
        var line = 0
        var badLines: [Int] = []
        func add(_ text: [UInt8], bad: Bool) {
            line += 1
            bytes += text + [10]
            if bad { badLines.append(line) } else { good += 1 }
        }
        let bad: [[UInt8]] = [
            Array(#"{"id":"b1","time":1769860800000,"card":"c","amount":"1""#.utf8),                 // bad JSON
            Array(#"{"id":"b2","time":1769860800000,"amount":"1"}"#.utf8),                              // missing field
            Array(#"{"id":"b3","time":1769860800000,"card":"c","amount":"4111111111111111x"}"#.utf8),   // bad number quoting a PAN
            Array(#"{"id":"b4","time":"31/01/2026","card":"c","amount":"1"}"#.utf8),                    // bad time
            Array(#"{"id":"b5","time":0,"card":"c"#.utf8) + [0xFF] + Array(#"","amount":1}"#.utf8),      // invalid UTF-8
            Array(repeating: UInt8(ascii: "x"), count: 100_000),                                         // absurdly long
        ]
        for (index, badLine) in bad.enumerated() {
            add(Array(transactionLine("g\(index)", amount: index % 2 == 0 ? "250.00" : "5.00").utf8), bad: false)
            add(badLine, bad: true)
        }
        add(Array(transactionLine("g-last").utf8), bad: false)
        return (bytes, good, badLines)
    }

    @Test("every bad line goes to the rejects file with file, line and reason; every good record is decided")
    func rejectsBadLines() throws {
        let directory = TemporaryDirectory()
        let input = Self.mixedInput()
        let file = try directory.write("mixed.ndjson", input.bytes)
        let request = RescoreRequest(inputs: [file], output: directory.path + "/out.ndjson", options: PipelineOptions(workers: 2),
                                     rejectsPath: directory.path + "/rejects.tsv", summaryJSONPath: directory.path + "/summary.json")
        let outcome = try RescoreDriver.run(request, policy: Self.policy)
        #expect(outcome.inputError == nil)
        #expect(outcome.summary.recordsRead == input.good + input.badLines.count)
        #expect(outcome.summary.recordsRejected == input.badLines.count)
        #expect(outcome.summary.decisions == input.good)
        let output = String(decoding: directory.read(directory.path + "/out.ndjson"), as: UTF8.self)
        let ids = output.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? String
        }
        #expect(ids == (0..<6).map { "g\($0)" } + ["g-last"])
        let rejects = String(decoding: directory.read(directory.path + "/rejects.tsv"), as: UTF8.self)
        let rows = rejects.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.map { $0.count } == Array(repeating: 3, count: input.badLines.count))
        #expect(rows.map { String($0[0]) } == Array(repeating: file, count: input.badLines.count))
        #expect(rows.map { Int($0[1]) } == input.badLines.map { Optional($0) })
        #expect(rows[0][2].contains("invalid JSON"))
        #expect(rows[1][2].contains("missing field"))
        #expect(rows[2][2].contains("amount"))
        #expect(rows[3][2].contains("time"))
        #expect(rows[4][2].contains("UTF-8"))
        #expect(rows[5][2].contains("longer than"))
        #expect(!rejects.contains("4111111111111111"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(directory.read(directory.path + "/summary.json"))) as? [String: Any])
        #expect(summary["rejected"] as? Int == input.badLines.count)
        #expect(summary["decisions"] as? Int == input.good)
    }

    /// A zstd input of `count` good lines in many blocks.
    static func compressedInput(_ directory: TemporaryDirectory, count: Int) throws -> [UInt8] {
        let path = directory.path + "/whole.zst"
        let sink = try ByteSink(path: path, compressed: true, bufferSize: 4096)
        for index in 0..<count {
            try sink.write(transactionLine("t\(index)") + "\n")
            if index % 200 == 199 { try sink.flush() }
        }
        try sink.commit()
        defer { unlink(path) }
        return directory.read(path)
    }

    @Test("a damaged zstd input: records before the damage are decided, the error names file and offset, no output appears",
          arguments: ["truncated", "corrupt"])
    func damagedInput(kind: String) throws {
        let directory = TemporaryDirectory()
        var bytes = try Self.compressedInput(directory, count: 4000)
        if kind == "truncated" {
            bytes.removeLast(bytes.count / 3)
        } else {
            let damage = bytes.count * 2 / 3
            for index in damage..<(damage + 32) { bytes[index] ^= 0xA5 }
        }
        let file = try directory.write("damaged.ndjson.zst", bytes)
        let output = directory.path + "/out.ndjson.zst"
        let request = RescoreRequest(inputs: [file], output: output, options: PipelineOptions(workers: 2, batchCapacity: 128),
                                     rejectsPath: directory.path + "/rejects.tsv")
        let outcome = try RescoreDriver.run(request, policy: Self.policy)
        let error = try #require(outcome.inputError)
        #expect(error.file == file)
        #expect((error.offset ?? 0) > 0)
        #expect(error.description.contains(String(error.offset ?? -1)))
        #expect(outcome.summary.decisions >= 1000)
        #expect(outcome.summary.decisions < 4000)
        #expect(!outcome.committed)
        #expect(Set(directory.entries) == ["damaged.ndjson.zst"])
    }

    @Test("the output appears only on success, under its final name, with no temporary left")
    func atomicOutput() throws {
        let directory = TemporaryDirectory()
        let file = try directory.write("in.ndjson", (0..<50).map { transactionLine("a\($0)") }.joined(separator: "\n"))
        let output = directory.path + "/decisions.ndjson.zst"
        let outcome = try RescoreDriver.run(RescoreRequest(inputs: [file], output: output), policy: Self.policy)
        #expect(outcome.committed)
        #expect(Set(directory.entries) == ["in.ndjson", "decisions.ndjson.zst"])
        let decoded = RecordReader(inputs: [output])
        var lines = 0
        while let event = try? decoded.next() {
            if case .rejected = event { lines += 1 }
        }
        #expect(lines == 50) // decision lines are not records: each is read back as one (rejected) line

        // A run whose input is missing leaves no output and no temporary.
        let missing = RescoreRequest(inputs: [directory.path + "/nope.ndjson"], output: directory.path + "/never.ndjson")
        let failed = try RescoreDriver.run(missing, policy: Self.policy)
        #expect(failed.inputError?.file == directory.path + "/nope.ndjson")
        #expect(Set(directory.entries) == ["in.ndjson", "decisions.ndjson.zst"])
    }
}
