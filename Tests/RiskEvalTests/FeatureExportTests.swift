import Foundation
import Testing
import RiskCore
import RiskIngest
@testable import RiskEval

@Suite("Reading logs and exporting features")
struct FeatureExportTests {
    /// Runs `body` with the path of a temporary file holding `text`, removed afterwards.
    @discardableResult
    static func withFile<Result>(_ text: String, suffix: String, _ body: (String) throws -> Result) throws -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evalm-\(UUID().uuidString)\(suffix)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    static let csv = """
    id,time,card,amount,merchant,terminal,label
    a1,1772445600000,4111111111111111,25.00,M1,T1,genuine
    a2,not-a-time,4111111111111111,25.00,M1,T1,genuine
    a3,1772445660000,4111111111111111,30.00,M1,T1,fraud

    a4,1772445720000,4111111111111111,12.50,M1,T1,genuine
    """

    @Test("a bad line is rejected with its line number; the records around it are read")
    func rejectsWithPosition() throws {
        try Self.withFile(Self.csv, suffix: ".csv") { path in
            var rejections: [RecordRejection] = []
            var ids: [String] = []
            let counts = try LogReader(paths: [path], format: .csv(mapping: [:])).read(onReject: { rejections.append($0) }) { _, id in
                ids.append(String(decoding: id, as: UTF8.self))
            }
            #expect(ids == ["a1", "a3", "a4"])
            #expect(counts.records == 3)
            #expect(counts.rejected == 1)
            #expect(rejections.map(\.line) == [3])
            #expect(rejections.first?.description.hasPrefix(path + ":3: ") == true)
        }
    }

    @Test("a header that does not fit the mapping stops the read with the file name")
    func badMapping() throws {
        try Self.withFile(Self.csv, suffix: ".csv") { path in
            #expect(throws: InputError.self) {
                try LogReader(paths: [path], format: .csv(mapping: ["card": "PAN"])).read(onReject: { _ in }) { _, _ in }
            }
        }
    }

    @Test("feature rows hold the engine's features in schema order, a masked card and the label")
    func rows() throws {
        try Self.withFile(Self.csv, suffix: ".csv") { path in
            let engine = RiskEngine(policy: try Policy.parse(yaml: "rules: []"))
            var out: [UInt8] = Array(FeatureTable.header.utf8)
            var expected: [FeatureVector] = []
            try StreamReplay.run(LogReader(paths: [path], format: .csv(mapping: [:])), labelDelay: 60_000, onReject: { _ in }) { record, id in
                guard case .transaction(let logged) = record else {
                    engine.process(record)
                    return
                }
                var features = FeatureVector()
                engine.score(logged.transaction, features: &features)
                expected.append(features)
                FeatureTable.appendRow(id: id, logged, features: features, to: &out)
            }
            let lines = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines[0].split(separator: ",").count == 4 + FeatureSchema.count)
            #expect(!lines.joined().contains("4111111111111111"))
            let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(Array(first.prefix(4)) == ["a1", "1772445600000", "411111******1111", "0"])
            let second = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(second[3] == "1")
            for (row, features) in zip(lines.dropFirst(), expected) {
                let cells = row.split(separator: ",", omittingEmptySubsequences: false).dropFirst(4).map { Double($0)! }
                for feature in Feature.allCases { #expect(cells[feature.rawValue] == features[feature]) }
            }
            // The fraud label of a3 (10:01) reaches the card one minute later, before a4 (10:02).
            #expect(expected[1][.cardFraudReports30d] == 0)
            #expect(expected[2][.cardFraudReports30d] == 1)
            #expect(expected[2][.terminalFraudReports7d] == 1)
        }
    }

    @Test("numbers are written deterministically: integers plain, fractions shortest, NaN empty")
    func numbers() {
        func text(_ value: Double) -> String {
            var out: [UInt8] = []
            NumberText.append(value, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(3) == "3")
        #expect(text(-12) == "-12")
        #expect(text(0.25) == "0.25")
        #expect(text(1e9) == "1000000000")
        #expect(text(.nan) == "")
        var out: [UInt8] = []
        NumberText.append(UInt64.max, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "18446744073709551615")
    }
}
