import Foundation

/// Access to the parity fixtures made by `Models/fixtures/make_model_fixtures.py`.
enum Fixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    }

    /// A CSV of numbers with a header; an empty cell is NaN.
    static func table(_ name: String) throws -> (header: [String], rows: [[Double]]) {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        var lines = text.split(separator: "\n")
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan }
        }
        return (header, rows)
    }

    /// The input rows, in the order of their header (the models' training feature order).
    static func inputs() throws -> (names: [String], rows: [[Double]]) {
        let t = try table("inputs.csv")
        return (t.header, t.rows)
    }

    /// Reference outputs: one dictionary column → values.
    static func predictions(_ name: String) throws -> [String: [Double]] {
        let t = try table(name)
        var columns: [String: [Double]] = [:]
        for (j, key) in t.header.enumerated() { columns[key] = t.rows.map { $0[j] } }
        return columns
    }
}
