import Foundation
import RiskCore
import RiskIO
import Testing
@testable import RiskIngest

@Suite("RecordReader")
struct RecordReaderTests {
    @Test("lines split across chunks, CRLF, blank lines and a last line without newline", arguments: [5, 7, 64, 1 << 20])
    func cutsLines(bufferSize: Int) throws {
        let directory = TemporaryDirectory()
        let text = transactionLine("a") + "\r\n\n" + transactionLine("b") + "\n" + transactionLine("c")
        let file = try directory.write("in.ndjson", text)
        let reader = RecordReader(inputs: [file], bufferSize: bufferSize)
        let (events, error) = readAll(reader)
        #expect(error == nil)
        #expect(recordIDs(events) == ["a", "b", "c"])
        let lines = events.compactMap { if case .record(_, _, let position) = $0 { position.line } else { nil } }
        #expect(lines == [1, 3, 4])
        #expect(reader.recordsRead == 3)
        #expect(reader.recordsRejected == 0)
    }

    @Test("an absurdly long line is rejected with its line number; its neighbours are read", arguments: [4096, 1 << 20])
    func rejectsLongLine(bufferSize: Int) throws {
        let directory = TemporaryDirectory()
        let long = #"{"id":""# + String(repeating: "x", count: 200_000) + #""}"#
        let text = [transactionLine("a"), long, transactionLine("b"), long].joined(separator: "\n")
        let file = try directory.write("in.ndjson", text)
        let reader = RecordReader(inputs: [file], bufferSize: bufferSize)
        let (events, error) = readAll(reader)
        #expect(error == nil)
        #expect(recordIDs(events) == ["a", "b"])
        let rejected = rejections(events)
        #expect(rejected.map(\.line) == [2, 4])
        #expect(rejected.allSatisfy { $0.reason.contains("longer than 65536 bytes") && $0.file == file })
        #expect(reader.recordsRejected == 2)
    }

    @Test("bad JSON, a missing field, bad numbers and times and invalid UTF-8 are rejected with reasons")
    func rejectsMalformedLines() throws {
        let directory = TemporaryDirectory()
        var bytes: [UInt8] = []
        let lines = [
            transactionLine("ok1"),
            #"{"id":"j","time":1769860800000,"card":"c""#,                       // bad JSON
            #"{"id":"m","time":1769860800000,"amount":"1"}"#,                      // missing card
            #"{"id":"n","time":1769860800000,"card":"c","amount":"1x"}"#,          // bad number
            #"{"id":"t","time":"yesterday","card":"c","amount":"1"}"#,             // bad time
        ]
        for line in lines { bytes += Array(line.utf8) + [10] }
        bytes += Array(#"{"id":"u","time":0,"card":"c"#.utf8) + [0xC3, 0x28] + Array(#"","amount":1}"#.utf8) + [10]
        bytes += Array(transactionLine("ok2").utf8)
        let file = try directory.write("bad.ndjson", bytes)
        let reader = RecordReader(inputs: [file])
        let (events, error) = readAll(reader)
        #expect(error == nil)
        #expect(recordIDs(events) == ["ok1", "ok2"])
        let rejected = rejections(events)
        #expect(rejected.map(\.line) == [2, 3, 4, 5, 6])
        #expect(rejected[1].reason.contains("card"))
        #expect(rejected[4].reason.contains("UTF-8"))
        #expect(reader.recordsRead == 7)
        #expect(reader.recordsRejected == 5)
    }

    @Test("CSV files are configured from their own headers and the mapping; positions name each file")
    func readsCSV() throws {
        let directory = TemporaryDirectory()
        let first = try directory.write("a.csv", "TX,WHEN,CUSTOMER,AMT\n1,2026-01-31 12:00:00,tok_1,1.50\n\"q\"\"x\",1769860800,tok_2,2\n")
        let second = try directory.write("b.csv", "AMT,CUSTOMER,WHEN,TX\r\n3.25,tok_3,2026-01-31T12:00:00Z,3\r\nbad,tok_4,2026-01-31T12:00:00Z,4\r\n")
        let mapping = try CSVRecordParser.mapping(from: ["id=TX", "time=WHEN", "card=CUSTOMER", "amount=AMT"])
        let reader = RecordReader(inputs: [first, second], format: .csv(mapping: mapping))
        let (events, error) = readAll(reader)
        #expect(error == nil)
        #expect(recordIDs(events) == ["1", #"q\"x"#, "3"])
        let positions = events.compactMap { if case .record(_, _, let position) = $0 { position } else { nil } }
        #expect(positions == [RecordPosition(fileIndex: 0, line: 2), RecordPosition(fileIndex: 0, line: 3), RecordPosition(fileIndex: 1, line: 2)])
        #expect(rejections(events).map(\.line) == [3])
        #expect(rejections(events).first?.file == second)
        guard case .record(.transaction(let logged), _, _) = events[2] else {
            Issue.record("expected a transaction")
            return
        }
        #expect(logged.transaction.amount == 325)
    }

    @Test("a CSV header that does not fit the mapping is an input error naming the file")
    func rejectsBadHeader() throws {
        let directory = TemporaryDirectory()
        let file = try directory.write("a.csv", "A,B\n1,2\n")
        let reader = RecordReader(inputs: [file], format: .csv(mapping: ["card": "NOPE"]))
        let (events, error) = readAll(reader)
        #expect(events.isEmpty)
        #expect(error?.file == file)
        #expect(error?.message.contains("NOPE") == true)
    }

    @Test("a truncated zstd stream yields every record before the damage, then an error with the offset")
    func truncatedZstd() throws {
        let directory = TemporaryDirectory()
        let text = (0..<5000).map { transactionLine("t\($0)", amount: "\($0 % 97).\($0 % 10)5") }.joined(separator: "\n") + "\n"
        let whole = try directory.write("whole.ndjson.zst", text, compressed: true)
        let compressed = directory.read(whole)
        let cut = try directory.write("cut.ndjson.zst", Array(compressed[0..<(compressed.count * 2 / 3)]))
        let reader = RecordReader(inputs: [cut], bufferSize: 4096)
        let (events, error) = readAll(reader)
        let ids = recordIDs(events)
        #expect(error?.file == cut)
        #expect(error?.offset != nil)
        #expect(error?.message.contains("truncated") == true)
        #expect(ids.count > 1000 && ids.count < 5000)
        #expect(ids == (0..<ids.count).map { "t\($0)" } as [String])
        #expect(rejections(events).isEmpty)
    }

    @Test("a corrupt zstd stream yields the records before the damage, then an error with the offset")
    func corruptZstd() throws {
        let directory = TemporaryDirectory()
        let text = (0..<5000).map { transactionLine("t\($0)") }.joined(separator: "\n") + "\n"
        let sink = try ByteSink(path: directory.path + "/blocks.zst", compressed: true, bufferSize: 4096)
        // Flush often so that the stream has many blocks and the damage sits after some of them.
        for chunk in stride(from: 0, to: text.utf8.count, by: 8192) {
            try sink.write(Array(Array(text.utf8)[chunk..<min(chunk + 8192, text.utf8.count)]))
            try sink.flush()
        }
        try sink.commit()
        var bytes = directory.read(directory.path + "/blocks.zst")
        let damage = bytes.count * 3 / 4
        for index in damage..<(damage + 64) { bytes[index] ^= 0x5A }
        let file = try directory.write("corrupt.ndjson.zst", bytes)
        let reader = RecordReader(inputs: [file], bufferSize: 4096)
        let (events, error) = readAll(reader)
        let ids = recordIDs(events)
        #expect(error?.file == file)
        #expect(error?.message.contains("zstd") == true)
        #expect((error?.offset ?? -1) > 0)
        // Corrupt bytes may decode to garbage before zstd notices (the frame checksum): the
        // records of the intact blocks before the damage must all be there, in order.
        #expect(ids.count > 1000)
        #expect(Array(ids.prefix(1000)) == (0..<1000).map { "t\($0)" })
    }

    @Test("a missing input is an input error naming it")
    func missingFile() {
        let reader = RecordReader(inputs: ["/nonexistent/riskscore-input.ndjson"])
        let (events, error) = readAll(reader)
        #expect(events.isEmpty)
        #expect(error?.file == "/nonexistent/riskscore-input.ndjson")
    }
}
