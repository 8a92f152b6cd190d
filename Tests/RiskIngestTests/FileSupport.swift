import Foundation
import RiskIO
@testable import RiskIngest

/// A fresh temporary directory, removed when the value is dropped.
final class TemporaryDirectory: Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "riskingest-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` (zstd-compressed when `compressed`) and returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8], compressed: Bool = false) throws -> String {
        let file = path + "/" + name
        if compressed {
            let sink = try ByteSink(path: file, compressed: true)
            try sink.write(bytes)
            try sink.commit()
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        }
        return file
    }

    /// Writes `text` to `name`.
    @discardableResult
    func write(_ name: String, _ text: String, compressed: Bool = false) throws -> String {
        try write(name, Array(text.utf8), compressed: compressed)
    }

    /// The bytes of the file at `file`.
    func read(_ file: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))) ?? []
    }

    /// The names in the directory.
    var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

/// Every event of a reader until its end or its error.
func readAll(_ reader: RecordReader) -> (events: [ReadEvent], error: InputError?) {
    var events: [ReadEvent] = []
    do {
        while let event = try reader.next() { events.append(event) }
        return (events, nil)
    } catch {
        return (events, error)
    }
}

/// The id texts of the records among `events`.
func recordIDs(_ events: [ReadEvent]) -> [String] {
    events.compactMap { if case .record(_, let id, _) = $0 { id.text } else { nil } }
}

/// The (line, reason) of the rejections among `events`.
func rejections(_ events: [ReadEvent]) -> [RecordRejection] {
    events.compactMap { if case .rejected(let rejection) = $0 { rejection } else { nil } }
}

/// One valid NDJSON transaction line with the given id.
func transactionLine(_ id: String, card: String = "4111111111111111", amount: String = "12.50") -> String {
    #"{"id":"\#(id)","time":1769860800000,"card":"\#(card)","amount":"\#(amount)","currency":"EUR","merchant":"M1","terminal":"T1"}"#
}
